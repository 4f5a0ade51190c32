"""Consultations on a draft snapshot: opening one, taking comments, moderating them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from joinedup.accounts.scope import Scope
from joinedup.publishing import equality, spam
from joinedup.publishing.models import (
    Comment,
    CommentStatus,
    Consultation,
    EqualityResponse,
    Snapshot,
    SnapshotStatus,
)


def open_consultation(scope: Scope, user, snapshot: Snapshot, title: str, opens: dt.date,
                      closes: dt.date) -> Consultation:
    if not scope.is_admin:
        raise PermissionDenied("Only administrators open consultations")
    if snapshot.partnership_id != scope.partnership.id or snapshot.status != SnapshotStatus.DRAFT:
        raise PermissionDenied("A consultation is on a draft of this partnership's plan")
    return Consultation.objects.create(partnership=scope.partnership, snapshot=snapshot,
                                       title=title, opens=opens, closes=closes, created_by=user)


def subjects(content: dict) -> list[tuple[str, str]]:
    """What a comment may be about: the plan, each priority, each action (value, label)."""
    found = [("plan", "The plan as a whole")]
    found += [(f"priority-{p['number']}", f"Priority {p['number']}: {p['name']}")
              for p in content["strategy"]["priorities"]]
    found += [(f"action-{a['id']}", f"Action: {a['title']}") for a in content["actions"]]
    return found


@dataclass
class Submission:
    about: str = "plan"
    text: str = ""
    token: str = ""
    honeypot: str = ""
    answers: dict[str, str] = field(default_factory=dict)


@dataclass
class Outcome:
    """What became of a submission: saved, silently dropped (a bot), or field errors to show."""

    saved: bool = False
    dropped: bool = False
    errors: dict[str, str] = field(default_factory=dict)


def _problems(consultation: Consultation, sub: Submission, address_hash: str,
              now: float, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not consultation.is_open(today):
        errors["text"] = "This consultation is closed, so it cannot take comments"
        return errors
    try:
        spam.check_token(sub.token, consultation.id, now)
    except spam.TokenProblem as problem:
        errors["text"] = {
            "too_fast": "That was very quick. Please check your comment and send it again",
            "expired": "This form was open for more than 2 hours. Please send your comment again",
        }.get(problem.reason, "Something went wrong with the form. Please send your comment again")
    if sub.about not in dict(subjects(consultation.snapshot.content)):
        errors["about"] = "Choose what your comment is about"
    if not sub.text.strip():
        errors["text"] = "Enter your comment"
    elif len(sub.text) > spam.MAX_LENGTH:
        errors["text"] = f"Your comment must be {spam.MAX_LENGTH} characters or fewer"
    elif spam.link_count(sub.text) > spam.MAX_LINKS:
        errors["text"] = f"Your comment can include up to {spam.MAX_LINKS} web links"
    hour_ago = timezone.now() - dt.timedelta(hours=1)
    if Comment.objects.filter(ip_hash=address_hash, created_at__gte=hour_ago).count() \
            >= spam.MAX_PER_HOUR:
        errors["text"] = "You have sent several comments in the last hour. Please try again later"
    return errors


@transaction.atomic
def submit(consultation: Consultation, sub: Submission, address: str, *,
           now: float | None = None, today: dt.date | None = None) -> Outcome:
    """Check a public comment and keep it for moderation; equality answers are stored apart."""
    if sub.honeypot:
        return Outcome(dropped=True)
    address_hash = spam.ip_hash(address)
    errors = _problems(consultation, sub, address_hash, now if now is not None else _now(),
                       today or dt.date.today())
    if errors:
        return Outcome(errors=errors)
    kind, _, key = sub.about.partition("-")
    Comment.objects.create(
        consultation=consultation, subject=dict(subjects(consultation.snapshot.content))[sub.about],
        priority_number=int(key) if kind == "priority" else None,
        action_id_in_snapshot=int(key) if kind == "action" else None,
        text=sub.text.strip(), ip_hash=address_hash)
    _store_answers(consultation, sub.answers)
    return Outcome(saved=True)


def _now() -> float:
    return timezone.now().timestamp()


def _store_answers(consultation: Consultation, answers: dict[str, str]) -> None:
    kept = {name: equality.cleaned(name, answers.get(name, "")) for name in equality.QUESTIONS}
    kept["area"] = answers.get("area", "").strip()[:200]
    if any(kept.values()):
        EqualityResponse.objects.create(consultation=consultation, **kept)


def moderate(scope: Scope, user, comment: Comment, approve: bool) -> Comment:
    if not scope.is_admin or comment.consultation.partnership_id != scope.partnership.id:
        raise PermissionDenied("Only administrators moderate comments")
    comment.status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    comment.moderated_by = user
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["status", "moderated_by", "moderated_at"])
    return comment


def approved(consultation: Consultation):
    return consultation.comments.filter(status=CommentStatus.APPROVED)
