"""Forms of the plan upload: the file and its owner, then the column mapping."""

from __future__ import annotations

from django import forms

from joinedup.accounts.scope import Scope
from joinedup.partners import upload


class UploadForm(forms.Form):
    """Step 1: which organisation's plan, and the file. Only organisations the user may edit for."""

    organisation = forms.TypedChoiceField(label="Whose plan is it?", coerce=int)
    file = forms.FileField(
        label="Plan file",
        help_text="A spreadsheet (.xlsx, .xls, .ods), CSV file or Word document with the actions "
                  "in tables (.docx), smaller than 20 MB",
        error_messages={"required": "Select a plan file"})

    def __init__(self, scope: Scope, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.id, o.name) for o in scope.editable_organisations()]

    def clean_file(self):
        file = self.cleaned_data["file"]
        try:
            upload.check(file)
        except upload.UploadRefused as refused:
            raise forms.ValidationError(str(refused)) from None
        return file


class MappingForm(forms.Form):
    """Step 2: one select per column of the file, then confirmation of changes to existing actions."""

    confirm = forms.BooleanField(required=False, label="I have checked the changes to existing actions")

    def __init__(self, columns: list[upload.Column], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.columns = columns
        for index, column in enumerate(columns):
            self.fields[f"column-{index}"] = forms.ChoiceField(
                label=f"Column ‘{column.header}’", choices=upload.field_choices(), required=False,
                initial=column.field)
        self.order_fields([f"column-{i}" for i in range(len(columns))] + ["confirm"])

    def clean(self):
        cleaned = super().clean()
        chosen = [cleaned.get(f"column-{i}") or upload.IGNORE for i in range(len(self.columns))]
        for index, message in upload.clashes(self.columns, chosen):
            self.add_error(f"column-{index}", message)
        return cleaned

    def mapping(self) -> dict[str, str]:
        """Header -> field ('' to ignore), as chosen."""
        return {c.header: self.cleaned_data.get(f"column-{i}") or upload.IGNORE
                for i, c in enumerate(self.columns)}

    def column_fields(self):
        return [self[f"column-{i}"] for i in range(len(self.columns))]


def shown_mapping(columns: list[upload.Column]) -> dict[str, str]:
    return {c.header: c.field for c in columns}
