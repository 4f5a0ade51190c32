"""The dashboard, overdue list and settings: counts worked out by hand on a small world."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.factories import ActionFactory

from joinedup.accounts.scope import Scope
from joinedup.actions.models import Action, ProgressUpdate
from joinedup.monitoring.freshness import last_updated
from joinedup.monitoring.summary import dashboard
from joinedup.synergies.models import AnalysisRun, CandidatePair, Finding

TODAY = timezone.localdate()


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.fixture
def plan(world):
    """Six actions; see each line for why it counts where it counts."""
    p1, p2 = world.priorities
    c0, c1, c2 = world.categories

    def make(owner, ref, status, priorities=(), categories=(), progress_date=None):
        action = ActionFactory(partnership=world.board, owner=owner, external_ref=ref,
                               status=status, progress_date=progress_date)
        action.priorities.set(priorities)
        action.categories.set(categories)
        return action

    a = {
        "A1": make(world.council, "A1", "on_track", [p1], [c0], days_ago(10)),   # fresh
        "A2": make(world.council, "A2", "not_started", [p1, p2], [c0, c1]),      # new, never updated
        "A3": make(world.council, "A3", "complete"),                             # finished
        "N1": make(world.nhs, "N1", "at_risk", [p2], [c1], days_ago(200)),       # stale: overdue
        "N2": make(world.nhs, "N2", "on_track", [p2], [c2], days_ago(400)),      # fresh by its report
        "C1": make(world.charity, "C1", "off_track", [p1], [c2]),                # old, never updated
    }
    ProgressUpdate.objects.create(action=a["N2"], date=days_ago(5), status="on_track")
    Action.objects.filter(pk=a["C1"].pk).update(created=timezone.now() - dt.timedelta(days=365))
    old, latest = AnalysisRun.objects.create(), AnalysisRun.objects.create()
    old.partnerships.add(world.board)
    latest.partnerships.add(world.board)
    Finding.objects.create(partnership=world.board, run=old, severity="high", check_code="x",
                           subject="old", message="superseded by the latest run")
    for severity, action in [("high", a["N1"]), ("medium", None), ("low", a["C1"]), ("low", None)]:
        Finding.objects.create(partnership=world.board, run=latest, severity=severity,
                               check_code="x", subject="s", message="m", action=action)
    for x, y, status in [("A1", "N1", "open"), ("A2", "N2", "keep_separate"), ("A1", "C1", "open")]:
        CandidatePair.objects.create(partnership=world.board, action_a=a[x], action_b=a[y],
                                     score=0.9, kind="similar", status=status)
    return a


def _numbers(world, user):
    return dashboard(Scope.for_user(user, world.board), TODAY)


def test_heat_map_counts_an_action_in_every_priority_and_category_it_touches(world, plan):
    heat = _numbers(world, world.viewer).heat
    cells = {row.label: [c.value for c in row.cells] for row in heat.rows}
    assert heat.columns == [c.name for c in world.categories] + ["No category"]
    assert cells["1. Appropriate and adapted housing"] == [2, 1, 1, 0]   # A1+A2, A2, C1
    assert cells["2. Respiratory illness"] == [1, 2, 1, 0]               # A2, A2+N1, N2
    assert cells["No priority"] == [0, 0, 0, 1]                          # A3


def test_status_and_partner_counts(world, plan):
    numbers = _numbers(world, world.viewer)
    assert {b.label: b.value for b in numbers.by_status} == {
        "Not started": 1, "On track": 2, "At risk": 1, "Off track": 1, "Complete": 1, "Stopped": 0}
    assert [(b.label, b.value) for b in numbers.by_partner] == [
        ("NHS Wealdbridge ICB", 2), ("Wealdbridge Carers Trust", 1),
        ("Wealdbridge County Council", 3)]


def test_findings_come_from_the_latest_run_only(world, plan):
    numbers = _numbers(world, world.viewer)
    assert [(b.label, b.value) for b in numbers.findings] == [("High", 1), ("Medium", 1), ("Low", 2)]
    assert numbers.open_findings == 4


def test_overdue_counts_stale_and_long_unreported_unfinished_actions(world, plan):
    assert _numbers(world, world.viewer).overdue == 2  # N1 (200 days), C1 (added a year ago)


def test_engagement_is_the_share_of_unfinished_actions_reported_this_cycle(world, plan):
    rows = {e.partner: (e.due, e.updated, e.share) for e in _numbers(world, world.viewer).engagement}
    assert rows == {"Wealdbridge County Council": (2, 1, 50.0),
                    "NHS Wealdbridge ICB": (2, 1, 50.0),
                    "Wealdbridge Carers Trust": (1, 0, 0.0)}


def test_review_queue_counts_open_pairs(world, plan):
    # A1-N1 and A1-C1 are open and belong to no cluster: two groups of one pair each;
    # A2-N2 was kept separate and is not waiting.
    assert _numbers(world, world.viewer).review_queue == 2


def test_review_queue_counts_groups_as_the_queue_does(world, plan):
    run = AnalysisRun.objects.create()
    CandidatePair.objects.filter(status="open").update(cluster=1, last_run=run)
    # Both open pairs are now one cluster of the same run: one group to review.
    assert _numbers(world, world.viewer).review_queue == 1
    CandidatePair.objects.filter(action_b=plan["C1"]).update(still_found=False)
    # A pair the latest analysis no longer finds is not offered by the queue either.
    assert _numbers(world, world.viewer).review_queue == 1
    CandidatePair.objects.filter(action_b=plan["N1"]).update(still_found=False)
    assert _numbers(world, world.viewer).review_queue == 0


def test_the_dashboard_page_shows_the_queues_number_of_groups(client, world, plan):
    client.force_login(world.viewer)
    page = client.get(reverse("pages:dashboard", kwargs={"slug": world.board.slug}))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="review-queue">2<' in html
    assert "Groups of alike actions to review" in html


def test_a_view_own_member_counts_only_their_organisations_work(world, plan):
    numbers = _numbers(world, world.own_viewer)
    assert numbers.total_actions == 1
    assert numbers.overdue == 1
    assert numbers.review_queue == 0  # every open pair involves another partner's action
    assert [(b.label, b.value) for b in numbers.findings] == [("High", 0), ("Medium", 1), ("Low", 2)]
    assert [e.partner for e in numbers.engagement] == ["Wealdbridge Carers Trust"]


def test_a_longer_cycle_makes_the_stale_action_current(world, plan):
    world.board.update_cycle_months = 13
    world.board.save()
    assert _numbers(world, world.viewer).overdue == 0  # N1 200 days, C1 365 days: both within 13 months


def test_last_updated_is_the_later_of_progress_date_and_latest_report(world, plan):
    assert last_updated(plan["N2"]) == days_ago(5)
    assert last_updated(plan["N1"]) == days_ago(200)
    assert last_updated(plan["A2"]) is None


def _url(name: str) -> str:
    return reverse(name, kwargs={"slug": "wealdbridge"})


MEMBERS = ["admin", "editor", "nhs_editor", "viewer", "own_viewer"]


@pytest.mark.parametrize("name", ["pages:dashboard", "pages:overdue", "pages:settings"])
def test_anonymous_visitors_are_sent_to_sign_in(client, world, name):
    response = client.get(_url(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("pages:sign-in"))


@pytest.mark.parametrize("name", ["pages:dashboard", "pages:overdue", "pages:settings"])
def test_members_of_another_partnership_get_not_found(client, world, name):
    client.force_login(world.outsider)
    assert client.get(_url(name)).status_code == 404


@pytest.mark.parametrize("name", ["pages:dashboard", "pages:overdue"])
@pytest.mark.parametrize("persona", MEMBERS)
def test_every_member_can_read_the_dashboard_and_overdue_list(client, world, plan, name, persona):
    client.force_login(getattr(world, persona))
    assert client.get(_url(name)).status_code == 200


@pytest.mark.parametrize("persona", ["editor", "nhs_editor", "viewer", "own_viewer"])
def test_only_administrators_may_open_or_change_settings(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(_url("pages:settings")).status_code == 403
    assert client.post(_url("pages:settings"), {"update_cycle_months": "6"}).status_code == 403
    world.board.refresh_from_db()
    assert world.board.update_cycle_months == 3


def test_an_administrator_changes_the_update_cycle(client, world):
    client.force_login(world.admin)
    response = client.post(_url("pages:settings"), {"update_cycle_months": "6"})
    assert response.status_code == 302
    world.board.refresh_from_db()
    assert world.board.update_cycle_months == 6


@pytest.mark.parametrize("value", ["", "0", "25", "three"])
def test_an_invalid_cycle_shows_the_error_summary_and_changes_nothing(client, world, value):
    client.force_login(world.admin)
    response = client.post(_url("pages:settings"), {"update_cycle_months": value})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert 'href="#id_update_cycle_months"' in html
    world.board.refresh_from_db()
    assert world.board.update_cycle_months == 3


def test_dashboard_page_shows_charts_with_their_tables(client, world, plan):
    client.force_login(world.viewer)
    html = client.get(_url("pages:dashboard")).content.decode()
    assert html.count('role="img"') == 3  # by partner, by status, engagement
    assert "<caption" in html and "Number of actions by status" in html
    assert '<span class="govuk-!-font-size-36 govuk-!-font-weight-bold" id="overdue-count">2</span>' in html
    assert 'href="/p/wealdbridge/findings/"' in html
    assert 'href="/p/wealdbridge/synergies/"' in html


def test_overdue_list_names_the_overdue_actions_by_partner(client, world, plan):
    client.force_login(world.viewer)
    html = client.get(_url("pages:overdue")).content.decode()
    assert plan["N1"].title in html and plan["C1"].title in html
    assert plan["A2"].title not in html and plan["N2"].title not in html


def test_overdue_list_hides_other_partners_from_a_view_own_member(client, world, plan):
    client.force_login(world.own_viewer)
    html = client.get(_url("pages:overdue")).content.decode()
    assert plan["C1"].title in html
    assert plan["N1"].title not in html


def _many_actions(world, n: int) -> None:
    owners = [world.council, world.nhs, world.charity]
    actions = Action.objects.bulk_create(
        Action(partnership=world.board, owner=owners[i % 3], title=f"Bulk {i}", external_ref=f"B{i}",
               status=["not_started", "on_track", "complete"][i % 3]) for i in range(n))
    links = Action.priorities.through
    links.objects.bulk_create(links(action_id=a.pk, priority_id=world.priorities[i % 2].pk)
                              for i, a in enumerate(actions))
    cats = Action.categories.through
    cats.objects.bulk_create(cats(action_id=a.pk, category_id=world.categories[i % 3].pk)
                             for i, a in enumerate(actions))
    ProgressUpdate.objects.bulk_create(ProgressUpdate(action=a, date=TODAY, status="on_track")
                                       for a in actions[::2])


def test_dashboard_queries_do_not_grow_with_the_plan(client, world, django_assert_max_num_queries):
    _many_actions(world, 1000)
    client.force_login(world.viewer)
    with django_assert_max_num_queries(20):
        response = client.get(_url("pages:dashboard"))
    assert response.status_code == 200
    assert "1000 actions in the plan" in response.content.decode()
