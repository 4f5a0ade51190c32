"""Public comments on a draft: spam checks, moderation, equality answers kept apart, permissions."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from joinedup.publishing import spam
from joinedup.publishing.consulting import Submission, open_consultation, submit
from joinedup.publishing.models import Comment, CommentStatus, EqualityResponse
from joinedup.publishing.services import take_snapshot

TODAY = dt.date.today()


@pytest.fixture
def consultation(admin_scope, plan):
    draft = take_snapshot(admin_scope, plan.world.admin, publish=False)
    return open_consultation(admin_scope, plan.world.admin, draft, "Draft plan 2026",
                             TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=30))


def _aged_token(consultation, seconds: float) -> str:
    return spam.issue_token(consultation.id, now=time.time() - seconds)


def _post(client, consultation, **fields):
    data = {"about": "plan", "comment": "More benches please.",
            "form_token": _aged_token(consultation, 60)} | fields
    return client.post(f"/consult/wealdbridge/{consultation.id}/", data, REMOTE_ADDR="203.0.113.7")


def test_a_good_comment_waits_for_moderation_and_is_not_shown(client, consultation):
    response = _post(client, consultation)
    assert response.status_code == 302
    assert Comment.objects.get().status == CommentStatus.PENDING
    page = client.get(f"/consult/wealdbridge/{consultation.id}/")
    assert page.status_code == 200
    assert "More benches please." not in page.content.decode()


def test_an_approved_comment_appears_publicly(client, consultation, plan):
    _post(client, consultation)
    client.force_login(plan.world.admin)
    comment = Comment.objects.get()
    client.post(f"/p/wealdbridge/consultations/{consultation.id}/moderate/",
                {"comment": comment.id, "decision": "approve"})
    client.logout()
    page = client.get(f"/consult/wealdbridge/{consultation.id}/").content.decode()
    assert "More benches please." in page


def test_a_rejected_comment_never_appears(client, consultation, plan):
    _post(client, consultation)
    client.force_login(plan.world.admin)
    client.post(f"/p/wealdbridge/consultations/{consultation.id}/moderate/",
                {"comment": Comment.objects.get().id, "decision": "reject"})
    assert Comment.objects.get().status == CommentStatus.REJECTED
    page = client.get(f"/consult/wealdbridge/{consultation.id}/")
    assert page.status_code == 200
    assert "More benches please." not in page.content.decode()


def test_only_an_administrator_may_moderate(client, consultation, plan):
    _post(client, consultation)
    url = f"/p/wealdbridge/consultations/{consultation.id}/moderate/"
    client.force_login(plan.world.editor)
    assert client.post(url, {"comment": Comment.objects.get().id, "decision": "approve"}
                       ).status_code == 403
    client.force_login(plan.world.outsider)
    assert client.get(url).status_code == 404
    assert Comment.objects.get().status == CommentStatus.PENDING


def test_filled_honeypot_is_dropped_silently(client, consultation):
    response = _post(client, consultation, website="http://spam.example")
    assert response.status_code == 302
    assert Comment.objects.count() == 0


def test_a_form_sent_within_three_seconds_is_refused(client, consultation):
    response = _post(client, consultation, form_token=_aged_token(consultation, 1))
    assert response.status_code == 400
    assert "That was very quick" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_form_older_than_two_hours_is_refused(client, consultation):
    response = _post(client, consultation, form_token=_aged_token(consultation, 2 * 3600 + 5))
    assert "more than 2 hours" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_forged_token_is_refused(client, consultation):
    assert _post(client, consultation, form_token="made-up").status_code == 400
    assert Comment.objects.count() == 0


def test_three_links_are_too_many(client, consultation):
    text = "See http://a.example and https://b.example and www.c.example"
    response = _post(client, consultation, comment=text)
    assert "up to 2 web links" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_comment_over_the_length_limit_is_refused(client, consultation):
    response = _post(client, consultation, comment="a" * 5001)
    assert "5000 characters or fewer" in response.content.decode()


def test_the_sixth_comment_in_an_hour_from_one_address_is_refused(client, consultation):
    for n in range(5):
        assert _post(client, consultation, comment=f"Comment {n}").status_code == 302
    response = _post(client, consultation, comment="Comment 6")
    assert "several comments in the last hour" in response.content.decode()
    assert Comment.objects.count() == 5


def test_only_a_hash_of_the_address_is_stored(client, consultation):
    _post(client, consultation)
    stored = Comment.objects.get().ip_hash
    assert "203.0.113.7" not in stored and len(stored) == 64


def test_error_page_is_titled_with_error_and_links_to_the_field(client, consultation):
    page = _post(client, consultation, comment="").content.decode()
    assert "<title>Error: " in page
    assert 'href="#comment"' in page


def test_equality_answers_are_stored_apart_from_the_comment(client, consultation):
    _post(client, consultation, age_band="25_34", ethnic_group="prefer_not", disability="no",
          area="Northgate")
    answers = EqualityResponse.objects.get()
    assert (answers.age_band, answers.ethnic_group, answers.disability, answers.area) == (
        "25_34", "prefer_not", "no", "Northgate")
    assert not hasattr(answers, "comment")


def test_an_answer_outside_the_choices_is_not_kept(consultation):
    submit(consultation, Submission(token=_aged_token(consultation, 10), text="Fine",
                                    answers={"age_band": "<script>"}), "198.51.100.1")
    assert EqualityResponse.objects.count() == 0


def test_comment_on_a_priority_records_its_number(client, consultation):
    _post(client, consultation, about="priority-2")
    assert Comment.objects.get().priority_number == 2


def test_closed_consultation_takes_no_comments(consultation):
    outcome = submit(consultation, Submission(token=_aged_token(consultation, 10), text="Late"),
                     "198.51.100.1", today=consultation.closes + dt.timedelta(days=1))
    assert not outcome.saved and "closed" in outcome.errors["text"]


def test_consultation_before_it_opens_is_not_found(client, admin_scope, plan):
    draft = take_snapshot(admin_scope, plan.world.admin, publish=False)
    later = open_consultation(admin_scope, plan.world.admin, draft, "Later",
                              TODAY + dt.timedelta(days=5), TODAY + dt.timedelta(days=9))
    assert client.get(f"/consult/wealdbridge/{later.id}/").status_code == 404


def test_comments_export_is_admin_only_and_injection_safe(client, consultation, plan):
    _post(client, consultation, comment="=1+1 is my view")
    url = f"/p/wealdbridge/consultations/{consultation.id}/comments.csv"
    client.force_login(plan.world.viewer)
    assert client.get(url).status_code == 403
    client.force_login(plan.world.admin)
    body = client.get(url).content.decode()
    assert "'=1+1 is my view" in body


def test_reach_page_shows_counts_and_says_population_is_not_known(client, consultation, plan):
    _post(client, consultation, age_band="25_34")
    _post(client, consultation, comment="Another", age_band="25_34", disability="yes")
    client.force_login(plan.world.viewer)
    page = client.get(f"/p/wealdbridge/consultations/{consultation.id}/reach/").content.decode()
    assert "2 people answered" in page
    assert "counts and shares only" in page
