"""Forms for opening a round and editing statements; the answer form is read in `answering`."""

from __future__ import annotations

from django import forms

from joinedup.accounts.scope import Scope


class RoundForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter a title"})
    template = forms.ModelChoiceField(queryset=None, label="Questionnaire",
                                      error_messages={"required": "Choose a questionnaire"})
    body = forms.ModelChoiceField(queryset=None, required=False,
                                  label="Body being assessed (leave empty for the whole partnership)")
    closed_on = forms.DateField(required=False, label="Closing date (optional)",
                                help_text="For example, 2027-03-31. Answers are accepted until the "
                                          "day before.",
                                error_messages={"invalid": "Enter a real date, for example 2027-03-31"})

    def __init__(self, scope: Scope, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = scope.assessment_templates()
        self.fields["body"].queryset = scope.bodies()


class StatementForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=1000,
                           label="Statement", error_messages={"required": "Enter the statement"})
