"""The demo landscape and a demo self-assessment round, loaded by the demo loader.

Extra respondents from the NHS, the voluntary sector and the police are created
(with unusable passwords: they exist only to have answered) so the results show
sectors disagreeing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from joinedup.accounts.models import Access, Membership
from joinedup.accounts.scope import Scope
from joinedup.assessment import services
from joinedup.assessment.models import Statement
from joinedup.landscape.loading import LoadReport, import_areas, load_landscape, read_landscape
from joinedup.partners.models import Partnership

DEMO_ROUND = "Partnership self-assessment, first round"
RESPONDENTS = {
    "nhs_lead": "NHS Wealdbridge Clinical Commissioning Group",
    "trust_lead": "Wealdbridge Community Health NHS Trust",
    "cvs_lead": "Wealdbridge Council for Voluntary Service",
    "agewell_lead": "Age Well Wealdbridge",
    "police_lead": "Wealdbridge Police",
}
# How each sector tends to rate each element (1-5): councils rate the partnership they
# run higher than the voluntary sector does, especially leadership and resources.
LEANINGS = {
    "Council": [4, 4, 4, 3, 4, 3],
    "NHS": [3, 4, 3, 3, 3, 3],
    "Voluntary sector": [2, 3, 3, 3, 1, 2],
    "Other": [3, 3, 4, 2, 3, 3],
}


def _respondents(partnership: Partnership) -> list:
    users = []
    for username, name in RESPONDENTS.items():
        organisation = (partnership.organisations.filter(name=name).first()
                        or partnership.organisations.filter(name__startswith=name).first())
        if organisation is None:
            continue
        user, created = get_user_model().objects.get_or_create(username=username)
        if created:
            user.set_unusable_password()
            user.save()
        Membership.objects.get_or_create(user=user, partnership=partnership,
                                         organisation=organisation,
                                         defaults={"access": Access.VIEW_ALL})
        users.append(user)
    return users


def _demo_round(partnership: Partnership, today: dt.date) -> None:
    scope = Scope.system(partnership)
    if scope.assessment_rounds().filter(title=DEMO_ROUND).exists():
        return
    template = services.ensure_default_templates(partnership)[0]
    assessment_round = services.open_round(scope, template, DEMO_ROUND,
                                           opened_on=today - dt.timedelta(days=14))
    from joinedup.analysis.assessment import sector_of

    names = list(get_user_model().objects.filter(
        username__in=["admin", "editor", "viewer"], memberships__partnership=partnership)
        .distinct().order_by("username"))
    statements = list(Statement.objects.filter(element__template=template)
                      .select_related("element"))
    for number, user in enumerate(names + _respondents(partnership)):
        organisation = services.respondent_organisation(user, partnership)
        leaning = LEANINGS[sector_of(organisation.kind)]
        scores = {s.pk: max(1, min(5, leaning[s.element.position % 6] + (number + i) % 3 - 1))
                  for i, s in enumerate(statements)}
        services.save_response(scope, user, assessment_round, scores, today=today)


def load_demo_landscape(partnership: Partnership, demo_dir: Path,
                        today: dt.date | None = None) -> LoadReport:
    """Load demo/landscape.yaml and demo/areas.csv, then one answered self-assessment round."""
    with transaction.atomic():
        import_areas(partnership, demo_dir / "areas.csv")
        report = load_landscape(partnership, read_landscape(demo_dir / "landscape.yaml"))
        _demo_round(partnership, today or dt.date.today())
    return report
