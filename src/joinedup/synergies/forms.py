"""Forms of the review pages: one per decision, each carrying the pairs the reviewer saw."""

from __future__ import annotations

from django import forms

REASON_HINT = "Recorded with the decision, with your name and the time."


class PairIdsField(forms.CharField):
    """The ids of the pairs shown on the page, as "1,2,3" in a hidden input."""

    widget = forms.HiddenInput

    def to_python(self, value) -> list[int]:
        text = super().to_python(value)
        try:
            return [int(part) for part in text.split(",") if part.strip()]
        except ValueError:
            raise forms.ValidationError("The pairs of this cluster were not recognised") from None


class DecisionForm(forms.Form):
    why = "Why?"
    pairs = PairIdsField()
    reason = forms.CharField(
        label="Why?", widget=forms.Textarea(attrs={"govuk": {"hint": REASON_HINT}}),
        error_messages={"required": "Enter the reason for this decision"})
    reason_is_internal = forms.BooleanField(
        label="The reason is internal (not for publication)", required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = self.why

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Enter the reason for this decision")
        return reason


class KeepSeparateForm(DecisionForm):
    kind = "keep_separate"
    why = "Why keep them separate?"


class BringTogetherForm(DecisionForm):
    kind = "bring_together"
    why = "Why bring them together?"
    lead = forms.TypedChoiceField(
        label="Which partner will lead the joint action?", coerce=int, widget=forms.RadioSelect,
        error_messages={"required": "Choose the partner who will lead the joint action"})
    title = forms.CharField(label="Title of the joint action",
                            error_messages={"required": "Enter a title for the joint action"})
    intended_outcome = forms.CharField(label="What the joint action aims to achieve",
                                       widget=forms.Textarea, required=False)
    field_order = ["lead", "title", "intended_outcome", "reason", "reason_is_internal", "pairs"]

    def __init__(self, *args, leads: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].choices = leads


class DecommissionForm(DecisionForm):
    kind = "decommission"
    why = "Why stop them?"
    actions = forms.TypedMultipleChoiceField(
        label="Which actions should stop?", coerce=int, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one action to stop"})
    field_order = ["actions", "reason", "reason_is_internal", "pairs"]

    def __init__(self, *args, stoppable: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actions"].choices = stoppable


class ReverseForm(forms.Form):
    reason = forms.CharField(
        label="Why is this decision being reversed?", widget=forms.Textarea,
        error_messages={"required": "Enter the reason for reversing this decision"})

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Enter the reason for reversing this decision")
        return reason


def chosen_ids(values: list[str]) -> list[int]:
    """Ticked ids from a list of checkbox values; anything not a number is ignored."""
    return [int(v) for v in values if v.strip().isdigit()]
