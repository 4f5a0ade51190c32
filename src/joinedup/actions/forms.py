"""The action form: every field of an action, as people type it, turned into stored values.

Lists people type one per line (milestones, area codes, evidence links) are
parsed and validated here, so the service receives clean stored values. The
same `values_of` turns a stored action (or a historical version of one) into
form values, so "what you opened", "what is there now" and "what you typed"
can be compared field by field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from joinedup.accounts.scope import Scope
from joinedup.actions.models import BoardRole, PopulationGroup
from joinedup.ingest.records import STATUS_LABELS

AREA_CODE = re.compile(r"^[EWSN]\d{8}$")
MILESTONE_LINE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*:\s*(.+?)\s*$")


def govuk(**options) -> dict:
    """Widget attrs read by templates/forms/fields.html (label classes, prefix, rows...)."""
    return {"govuk": options}


class DatePartsInput(forms.Widget):
    """The GOV.UK date input: three boxes named <name>-day, <name>-month, <name>-year."""

    def value_from_datadict(self, data, files, name):
        parts = tuple(str(data.get(f"{name}-{part}", "")).strip() for part in ("day", "month", "year"))
        return parts if any(parts) else None

    def value_omitted_from_data(self, data, files, name) -> bool:
        return not any(f"{name}-{part}" in data for part in ("day", "month", "year"))


class DatePartsField(forms.Field):
    """A date typed as day, month and year, with the design system's error messages."""

    widget = DatePartsInput

    def to_python(self, value):
        if value in (None, "", ()):
            return None
        if isinstance(value, dt.date):
            return value
        day, month, year = value
        label = self.label or "The date"
        if not all((day, month, year)):
            missing = [n for n, v in (("day", day), ("month", month), ("year", year)) if not v]
            raise ValidationError(f"{label} must include a {' and '.join(missing)}")
        try:
            if len(year) != 4:
                raise ValueError
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{label} must be a real date, for example 31 3 2014") from None


def parse_milestones(text: str) -> list[dict]:
    """Lines 'dd/mm/yyyy: text' (or just text) -> stored milestone dicts; ValidationError names the line."""
    milestones = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = MILESTONE_LINE.match(line)
        if match is None:
            if re.match(r"^\s*\d", line):
                raise ValidationError(
                    f"Milestone on line {number} must start with a date like 31/03/2014 followed by a colon")
            milestones.append({"date": None, "text": line.strip()})
            continue
        day, month, year, words = match.groups()
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"Milestone on line {number} has a date that does not exist: "
                                  f"{day}/{month}/{year}") from None
        milestones.append({"date": date.isoformat(), "text": words})
    return milestones


def milestones_text(milestones: list[dict]) -> str:
    lines = []
    for item in milestones or []:
        when = item.get("date")
        prefix = dt.date.fromisoformat(when).strftime("%d/%m/%Y") + ": " if when else ""
        lines.append(prefix + item.get("text", ""))
    return "\n".join(lines)


def _items(text: str) -> list[str]:
    return [item for item in re.split(r"[\s,;]+", text) if item]


def parse_area_codes(text: str) -> list[str]:
    codes = [code.upper() for code in _items(text)]
    wrong = [code for code in codes if not AREA_CODE.match(code)]
    if wrong:
        raise ValidationError(
            "Area codes must be ONS codes: a letter E, W, S or N then 8 digits, like E10000014 "
            f"(not {', '.join(wrong[:3])})")
    return list(dict.fromkeys(codes))


def parse_links(text: str) -> list[str]:
    links = [line.strip() for line in text.splitlines() if line.strip()]
    check = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            check(link)
        except ValidationError:
            raise ValidationError(
                f"Evidence links must be web addresses starting https:// or http:// (not {link[:60]})"
            ) from None
    return links


TEXT_FIELDS = (
    "title", "external_ref", "description", "intended_outcome", "lead_name", "lead_role",
    "resource_staff_time", "resource_funding_source", "resource_notes", "outcome_measures",
    "barriers", "barriers_mitigation", "places_text", "evidence",
)
STATUS_CHOICES = list(STATUS_LABELS.items())
"""Status codes as stored by imports ('on_track'); the model's Status choices hold labels."""
LINK_FIELDS = ("priorities", "categories", "population_groups")


class ActionForm(forms.Form):
    """Create or edit an action. `owner` is offered on create only, limited to what the user may edit."""

    owner = forms.TypedChoiceField(label="Which organisation owns this action?", coerce=int)
    title = forms.CharField(label="Action",
                            widget=forms.Textarea(attrs=govuk(rows=2, label_classes="govuk-label--s")),
                            error_messages={"required": "Enter the action: what will be done"})
    external_ref = forms.CharField(label="Reference in your plan (optional)", required=False, max_length=200)
    description = forms.CharField(label="Description (optional)", required=False, widget=forms.Textarea)
    intended_outcome = forms.CharField(label="Intended outcome", required=False, widget=forms.Textarea,
                                       help_text="What will be different as a result")
    lead_name = forms.CharField(label="Lead's name", required=False)
    lead_role = forms.CharField(label="Lead's role", required=False)
    resource_amount = forms.DecimalField(
        label="Amount of money", required=False, max_digits=14, decimal_places=2, min_value=0,
        widget=forms.NumberInput(attrs=govuk(prefix="£", classes="govuk-input--width-10")),
        error_messages={"invalid": "Amount of money must be a number, like 25000 or 1250.50"})
    resource_staff_time = forms.CharField(label="Staff time", required=False, help_text="For example, 2 FTE")
    resource_funding_source = forms.CharField(label="Funding source", required=False)
    resource_notes = forms.CharField(label="Notes on resourcing", required=False, widget=forms.Textarea)
    outcome_measures = forms.CharField(label="Outcome measures", required=False, widget=forms.Textarea,
                                       help_text="How success will be measured")
    start_date = DatePartsField(label="Start date", required=False)
    end_date = DatePartsField(label="End date", required=False)
    milestones = forms.CharField(
        label="Milestones", required=False, widget=forms.Textarea,
        help_text="One per line, each a date then a colon, for example 31/03/2014: service launched")
    barriers = forms.CharField(label="Barriers", required=False, widget=forms.Textarea)
    barriers_mitigation = forms.CharField(label="How the barriers will be overcome", required=False,
                                          widget=forms.Textarea)
    status = forms.ChoiceField(label="Status", choices=STATUS_CHOICES)
    board_role = forms.ChoiceField(label="The board's role", choices=BoardRole.choices)
    priorities = forms.TypedMultipleChoiceField(label="Priorities it contributes to", required=False,
                                                coerce=int, widget=forms.CheckboxSelectMultiple)
    categories = forms.TypedMultipleChoiceField(label="Contribution categories", required=False,
                                                coerce=int, widget=forms.CheckboxSelectMultiple)
    population_groups = forms.TypedMultipleChoiceField(label="Population groups it targets", required=False,
                                                       coerce=int, widget=forms.CheckboxSelectMultiple)
    indicators = forms.TypedMultipleChoiceField(
        label="Indicators that measure its outcome", required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple)
    whole_area = forms.BooleanField(label="It covers the whole area", required=False)
    area_codes = forms.CharField(
        label="Area codes", required=False, widget=forms.Textarea(attrs=govuk(rows=2)),
        help_text="ONS codes of the places it targets, separated by spaces or commas, like E07000061")
    places_text = forms.CharField(label="Place names (optional)", required=False)
    evidence = forms.CharField(label="Evidence base", required=False, widget=forms.Textarea)
    evidence_links = forms.CharField(label="Links to evidence", required=False,
                                     widget=forms.Textarea(attrs=govuk(rows=3)),
                                     help_text="One web address per line")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, scope: Scope, *args, creating: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["priorities"].choices = [(p.id, str(p)) for p in scope.priorities()]
        self.fields["categories"].choices = [(c.id, c.name) for c in scope.categories()]
        self.fields["population_groups"].choices = [(g.id, g.label) for g in PopulationGroup.objects.all()]
        self.fields["indicators"].choices = [(i.id, i.name) for i in scope.indicators()]
        if not self.fields["indicators"].choices:
            del self.fields["indicators"]
        if creating:
            self.fields["owner"].choices = [(o.id, o.name) for o in scope.editable_organisations()]
            del self.fields["version"]
        else:
            del self.fields["owner"]

    def clean_milestones(self) -> list[dict]:
        return parse_milestones(self.cleaned_data["milestones"])

    def clean_area_codes(self) -> list[str]:
        return parse_area_codes(self.cleaned_data["area_codes"])

    def clean_evidence_links(self) -> list[str]:
        return parse_links(self.cleaned_data["evidence_links"])

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "End date must be the same as or after the start date")
        return data


def values_of(action, links: dict[str, list[int]] | None = None) -> dict:
    """Form values of a stored action or historical version (links given for historical ones)."""
    values = {name: getattr(action, name) for name in TEXT_FIELDS}
    values |= {
        "resource_amount": action.resource_amount, "start_date": action.start_date,
        "end_date": action.end_date, "milestones": milestones_text(action.milestones),
        "status": action.status, "board_role": action.board_role, "whole_area": action.whole_area,
        "area_codes": ", ".join(action.area_codes or []),
        "evidence_links": "\n".join(action.evidence_links or []),
    }
    if links is None:
        links = {name: [item.id for item in getattr(action, name).all()] for name in LINK_FIELDS}
    return values | {name: sorted(links[name]) for name in LINK_FIELDS}


def stored_values(cleaned: dict) -> dict:
    """Cleaned form data -> the Action column values and link id lists the service stores."""
    return {name: value for name, value in cleaned.items() if name not in ("owner", "version")}


HISTORY_LINK_IDS = {"priorities": "priority_id", "categories": "category_id",
                    "population_groups": "populationgroup_id"}


def values_of_version(record) -> dict:
    """Form values of a simple-history version of an action, links included."""
    links = {name: [getattr(row, column) for row in getattr(record, name).all()]
             for name, column in HISTORY_LINK_IDS.items()}
    return values_of(record, links)


def values_typed(cleaned: dict) -> dict:
    """Cleaned data back in form-value shape, to compare with `values_of`."""
    values = dict(cleaned)
    values["milestones"] = milestones_text(cleaned.get("milestones", []))
    values["area_codes"] = ", ".join(cleaned.get("area_codes", []))
    values["evidence_links"] = "\n".join(cleaned.get("evidence_links", []))
    for name in LINK_FIELDS:
        values[name] = sorted(cleaned.get(name, []))
    values.pop("indicators", None)
    return values


@dataclass(frozen=True)
class FieldChange:
    field: str
    opened: str
    now: str
    yours: str


def _shown(form: ActionForm, name: str, value) -> str:
    if name in LINK_FIELDS:
        names = dict(form.fields[name].choices)
        return "; ".join(str(names.get(i, "(removed)")) for i in value) or "(none)"
    if name in ("status", "board_role"):
        return str(dict(form.fields[name].choices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "(empty)" if value in (None, "") else str(value)


def changes_since(form: ActionForm, opened: dict | None, now: dict, yours: dict) -> list[FieldChange]:
    """Fields someone else changed since `opened` (every field that differs from yours when unknown)."""
    rows = []
    for name in now:
        before = opened.get(name) if opened is not None else yours.get(name)
        if before == now[name] or name not in form.fields:
            continue
        rows.append(FieldChange(str(form.fields[name].label), _shown(form, name, before),
                                _shown(form, name, now[name]), _shown(form, name, yours.get(name))))
    return rows


class ProgressForm(forms.Form):
    """A dated progress report on one action."""

    date = DatePartsField(label="Date of this update",
                          error_messages={"required": "Enter the date of this update"})
    status = forms.ChoiceField(label="Status", choices=STATUS_CHOICES)
    note = forms.CharField(label="Progress so far", widget=forms.Textarea,
                           error_messages={"required": "Describe the progress so far"})

    def clean_date(self) -> dt.date:
        date = self.cleaned_data["date"]
        if date and date > dt.date.today():
            raise ValidationError("Date of this update must be today or in the past")
        return date
