"""Forms of the strategy editor: themes, priorities and contribution categories, and a strategy file."""

from __future__ import annotations

from django import forms

from joinedup.accounts.scope import Scope
from joinedup.strategy import upload

NARROW = {"govuk": {"classes": "govuk-input--width-3"}}
ORDER_ERRORS = {"required": "Enter the order, like 1", "invalid": "Order must be a whole number, like 1"}


def _order(**kwargs) -> forms.IntegerField:
    return forms.IntegerField(label="Order", min_value=0, max_value=999, initial=0,
                              widget=forms.NumberInput(attrs=NARROW), error_messages=ORDER_ERRORS, **kwargs)


def _name(noun: str) -> forms.CharField:
    return forms.CharField(label="Name", max_length=200,
                           error_messages={"required": f"Enter the {noun}'s name"})


class _ScopedForm(forms.Form):
    """A form checking uniqueness within the scope's partnership, the edited row excluded."""

    def __init__(self, scope: Scope, *args, instance=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.instance = instance

    def _others(self, queryset):
        return queryset.exclude(pk=self.instance.pk) if self.instance else queryset


class PriorityForm(_ScopedForm):
    number = forms.IntegerField(label="Number", min_value=1, max_value=999,
                                widget=forms.NumberInput(attrs=NARROW),
                                error_messages={"required": "Enter the priority's number",
                                                "invalid": "Number must be a whole number, like 7"})
    name = _name("priority")
    description = forms.CharField(label="Description (optional)", required=False, widget=forms.Textarea)

    def clean_number(self) -> int:
        number = self.cleaned_data["number"]
        if self._others(self.scope.priorities()).filter(number=number).exists():
            raise forms.ValidationError(f"Priority {number} already exists: choose another number")
        return number


class CategoryForm(_ScopedForm):
    name = _name("category")
    position = _order(help_text="Categories are listed from the lowest number")

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if self._others(self.scope.categories()).filter(name__iexact=name).exists():
            raise forms.ValidationError(f"A category called ‘{name}’ already exists")
        return name


class ThemeForm(_ScopedForm):
    name = _name("theme")
    description = forms.CharField(label="Description (optional)", required=False, widget=forms.Textarea)
    position = _order()
    priorities = forms.TypedMultipleChoiceField(label="Priorities under this theme", required=False,
                                                coerce=int, widget=forms.CheckboxSelectMultiple)

    def __init__(self, scope: Scope, *args, **kwargs) -> None:
        super().__init__(scope, *args, **kwargs)
        self.fields["priorities"].choices = [(p.id, str(p)) for p in scope.priorities()]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if self._others(self.scope.themes()).filter(name__iexact=name).exists():
            raise forms.ValidationError(f"A theme called ‘{name}’ already exists")
        return name


class StrategyFileForm(forms.Form):
    """A whole strategy in one file; valid only when the file reads as a strategy (see `read`)."""

    file = forms.FileField(
        label="Strategy file",
        help_text="YAML (.yaml, .yml), plain text or Markdown (.txt, .md) with one priority per line "
                  "and a heading for each theme, or CSV (.csv), smaller than 1 MB",
        error_messages={"required": "Select a strategy file", "empty": "The selected file is empty",
                        "invalid": "Select a strategy file", "missing": "Select a strategy file"})

    def clean_file(self):
        file = self.cleaned_data["file"]
        try:
            self.file_name, self.record = upload.read(file)
        except upload.FileRefused as refused:
            raise forms.ValidationError(str(refused)) from None
        return file

    def read(self):
        """(file name, StrategyRecord) of a valid form."""
        return self.file_name, self.record


def initial_of(kind: str, instance) -> dict:
    """Form values of a stored theme, priority or category."""
    if kind == "theme":
        return {"name": instance.name, "description": instance.description,
                "position": instance.position, "priorities": [p.id for p in instance.priorities.all()]}
    if kind == "priority":
        return {"number": instance.number, "name": instance.name, "description": instance.description}
    return {"name": instance.name, "position": instance.position}
