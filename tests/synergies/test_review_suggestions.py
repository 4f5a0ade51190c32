"""Accepting and rejecting suggested priorities and categories, one by one and in bulk."""

from __future__ import annotations

import pytest

from joinedup.synergies.models import Suggestion, SuggestionStatus


@pytest.fixture
def suggested(alike):
    """Council action: priority 1 at 0.91 (rank 1), priority 2 at 0.42 (rank 2), category at 0.85.
    NHS action: priority 2 at 0.95 (rank 1)."""
    w = alike.world
    return {
        "p1": Suggestion.objects.create(action=alike.council, priority=w.priorities[0], rank=1,
                                        score=0.91),
        "p2": Suggestion.objects.create(action=alike.council, priority=w.priorities[1], rank=2,
                                        score=0.42),
        "cat": Suggestion.objects.create(action=alike.council, category=w.categories[0], rank=1,
                                         score=0.85),
        "nhs": Suggestion.objects.create(action=alike.nhs, priority=w.priorities[1], rank=1,
                                         score=0.95),
        "alike": alike,
    }


def _post(client, suggested, user, data):
    client.force_login(getattr(suggested["alike"].world, user))
    return client.post(suggested["alike"].url("suggestions"), data)


def _status(suggestion) -> str:
    suggestion.refresh_from_db()
    return suggestion.status


def test_accepting_links_the_priority_and_records_who(client, suggested):
    response = _post(client, suggested, "editor", {"accept": str(suggested["p1"].pk)})
    council = suggested["alike"].council
    assert response.status_code == 302
    assert list(council.priorities.all()) == [suggested["alike"].world.priorities[0]]
    suggested["p1"].refresh_from_db()
    assert suggested["p1"].status == SuggestionStatus.ACCEPTED
    assert suggested["p1"].decided_by == suggested["alike"].world.editor
    assert suggested["p1"].decided_at is not None


def test_accepting_bumps_the_version_and_history_records_the_new_priority(client, suggested):
    _post(client, suggested, "editor", {"accept": str(suggested["p1"].pk)})
    council = suggested["alike"].council
    council.refresh_from_db()
    latest = council.history.order_by("-history_date", "-history_id").first()
    assert council.version == 2
    assert [link.priority_id for link in latest.priorities.all()] == [suggested["p1"].priority_id]
    assert latest.history_user == suggested["alike"].world.editor


def test_accepting_a_category_links_the_category(client, suggested):
    _post(client, suggested, "editor", {"accept": str(suggested["cat"].pk)})
    assert list(suggested["alike"].council.categories.all()) == [suggested["cat"].category]


def test_rejecting_marks_it_rejected_and_links_nothing(client, suggested):
    _post(client, suggested, "editor", {"reject": str(suggested["p1"].pk)})
    assert _status(suggested["p1"]) == SuggestionStatus.REJECTED
    assert not suggested["alike"].council.priorities.exists()


def test_an_editor_cannot_accept_for_another_partners_action(client, suggested):
    response = _post(client, suggested, "editor", {"accept": str(suggested["nhs"].pk)})
    assert response.status_code == 403 and _status(suggested["nhs"]) == SuggestionStatus.OPEN


def test_bulk_accept_of_selected_suggestions_accepts_exactly_those(client, suggested):
    _post(client, suggested, "editor", {"accept_selected": "1",
                                        "suggestion": [suggested["p1"].pk, suggested["cat"].pk]})
    assert _status(suggested["p1"]) == SuggestionStatus.ACCEPTED
    assert _status(suggested["cat"]) == SuggestionStatus.ACCEPTED
    assert _status(suggested["p2"]) == SuggestionStatus.OPEN
    council = suggested["alike"].council
    council.refresh_from_db()
    assert council.version == 3  # one new version per accepted suggestion


def test_bulk_selection_including_another_partners_suggestion_changes_nothing(client, suggested):
    response = _post(client, suggested, "editor", {
        "accept_selected": "1", "suggestion": [suggested["p1"].pk, suggested["nhs"].pk]})
    assert response.status_code == 403
    assert _status(suggested["p1"]) == SuggestionStatus.OPEN


def test_accepting_every_top_suggestion_above_80_percent_skips_lower_and_lower_ranked(
        client, suggested):
    # As admin: p1 (rank 1, 0.91), cat (rank 1, 0.85), nhs (rank 1, 0.95) qualify; p2 (0.42) not.
    _post(client, suggested, "admin", {"accept_confident": "1"})
    statuses = {name: _status(s) for name, s in suggested.items() if name != "alike"}
    assert statuses == {"p1": "accepted", "cat": "accepted", "nhs": "accepted", "p2": "open"}


def test_an_editor_accepting_every_confident_suggestion_touches_only_their_actions(
        client, suggested):
    _post(client, suggested, "editor", {"accept_confident": "1"})
    assert _status(suggested["p1"]) == SuggestionStatus.ACCEPTED
    assert _status(suggested["nhs"]) == SuggestionStatus.OPEN


def test_the_page_shows_confidence_as_a_percentage_and_in_words(client, suggested):
    client.force_login(suggested["alike"].world.editor)
    body = client.get(suggested["alike"].url("suggestions")).content.decode()
    assert "91%, very likely" in body and "42%, possible" in body


def test_the_page_shows_at_most_three_suggestions_of_a_kind_per_action(client, suggested):
    w = suggested["alike"].world
    for rank, category in enumerate(w.categories[1:3], 2):
        Suggestion.objects.create(action=suggested["alike"].council, category=category,
                                  rank=rank, score=0.3)
    extra = Suggestion.objects.create(action=suggested["alike"].council, category=w.categories[1],
                                      rank=4, score=0.1)
    client.force_login(w.editor)
    body = client.get(suggested["alike"].url("suggestions")).content.decode()
    assert f'id="suggestion-{extra.pk}"' not in body
    assert f'id="suggestion-{suggested["cat"].pk}"' in body
