"""The action list's filters: parsed from the query string, applied to a scoped queryset."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet

from joinedup.accounts.scope import Scope
from joinedup.actions.models import Action, Status
from joinedup.ingest.records import POPULATION_GROUPS

SORTS = {
    "partner": ("owner__name", "external_ref", "id"),
    "title": ("title", "id"),
    "status": ("status", "owner__name", "id"),
    "end": ("end_date", "id"),
    "updated": ("-updated", "id"),
}


class ActionFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search", max_length=200)
    priority = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    partner = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    category = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(required=False)
    group = forms.ChoiceField(required=False, label="Population group")
    findings = forms.ChoiceField(required=False, label="Health-check findings",
                                 choices=[("", "All"), ("yes", "With findings"),
                                          ("no", "Without findings")])
    sort = forms.ChoiceField(required=False, choices=[(k, k) for k in SORTS])

    def __init__(self, scope: Scope, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        blank = [("", "All")]
        self.fields["priority"].choices = blank + [(p.id, str(p)) for p in scope.priorities()]
        self.fields["partner"].choices = blank + [(o.id, o.name) for o in scope.organisations()]
        self.fields["category"].choices = blank + [(c.id, c.name) for c in scope.categories()]
        self.fields["status"].choices = blank + list(Status.choices)
        self.fields["group"].choices = blank + list(POPULATION_GROUPS.items())

    def apply(self, actions: QuerySet[Action]) -> QuerySet[Action]:
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("q"):
            text = data["q"]
            actions = actions.filter(
                Q(title__icontains=text) | Q(description__icontains=text)
                | Q(intended_outcome__icontains=text) | Q(external_ref__iexact=text)
            )
        if data.get("priority"):
            actions = actions.filter(priorities__id=data["priority"])
        if data.get("partner"):
            actions = actions.filter(owner_id=data["partner"])
        if data.get("category"):
            actions = actions.filter(categories__id=data["category"])
        if data.get("status"):
            actions = actions.filter(status=data["status"])
        if data.get("group"):
            actions = actions.filter(population_groups__code=data["group"])
        if data.get("findings"):
            actions = actions.filter(findings__isnull=data["findings"] == "no")
        return actions.order_by(*SORTS[data.get("sort") or "partner"])
