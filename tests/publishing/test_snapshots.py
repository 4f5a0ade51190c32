"""Snapshots copy only the public plan, number themselves, and never change once published."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied
from tests.publishing.conftest import DELETED_TITLE, DRAFT_TITLE, INTERNAL_REASON

from joinedup.accounts.scope import Scope
from joinedup.publishing.models import ImmutableSnapshot, Snapshot
from joinedup.publishing.services import publish_draft, take_snapshot
from joinedup.publishing.validation import problems


def test_snapshots_are_numbered_one_two_three(admin_scope, plan):
    versions = [take_snapshot(admin_scope, plan.world.admin).version for _ in range(3)]
    assert versions == [1, 2, 3]


def test_snapshot_holds_only_the_two_public_actions(admin_scope, plan):
    snapshot = take_snapshot(admin_scope, plan.world.admin)
    assert sorted(a["reference"] for a in snapshot.content["actions"]) == ["C1", "N1"]


def test_no_deleted_or_draft_action_or_internal_reason_is_in_the_json(admin_scope, plan):
    text = json.dumps(take_snapshot(admin_scope, plan.world.admin).content)
    for secret in (DELETED_TITLE, DRAFT_TITLE, INTERNAL_REASON):
        assert secret not in text


def test_decision_with_internal_reason_is_published_without_its_reason(admin_scope, plan):
    decisions = take_snapshot(admin_scope, plan.world.admin).content["decisions"]
    assert [(d["kind"], d["reason"], d["resources_freed"]) for d in decisions] == [
        ("decommission", "", "5000.00")]


def test_later_edit_of_an_action_does_not_change_the_published_snapshot(admin_scope, plan):
    snapshot = take_snapshot(admin_scope, plan.world.admin)
    plan.housing.title = "Renamed after publishing"
    plan.housing.save()
    stored = Snapshot.objects.get(pk=snapshot.pk)
    titles = {a["title"] for a in stored.content["actions"]}
    assert "Adapt homes for people leaving hospital" in titles
    assert "Renamed after publishing" not in titles


def test_saving_a_published_snapshot_again_raises(admin_scope, plan):
    snapshot = take_snapshot(admin_scope, plan.world.admin)
    snapshot.note = "tampered"
    with pytest.raises(ImmutableSnapshot):
        snapshot.save()
    assert Snapshot.objects.get(pk=snapshot.pk).note == ""


def test_deleting_a_snapshot_raises(admin_scope, plan):
    snapshot = take_snapshot(admin_scope, plan.world.admin)
    with pytest.raises(ImmutableSnapshot):
        snapshot.delete()
    assert Snapshot.objects.filter(pk=snapshot.pk).exists()


def test_a_draft_can_be_published_once_and_then_freezes(admin_scope, plan):
    draft = take_snapshot(admin_scope, plan.world.admin, publish=False)
    published = publish_draft(admin_scope, draft)
    assert published.is_published and published.content["published_at"]
    with pytest.raises(PermissionDenied):
        publish_draft(admin_scope, published)


def test_only_an_administrator_may_take_a_snapshot(plan):
    editor_scope = Scope.for_user(plan.world.editor, plan.world.board)
    with pytest.raises(PermissionDenied):
        take_snapshot(editor_scope, plan.world.editor)


def test_published_snapshot_matches_the_open_data_schema(admin_scope, plan):
    content = take_snapshot(admin_scope, plan.world.admin).content
    assert problems(content) == []


def test_schema_check_reports_a_missing_key_and_a_wrong_type(admin_scope, plan):
    content = take_snapshot(admin_scope, plan.world.admin).content
    del content["actions"][0]["title"]
    content["version"] = "one"
    found = problems(content)
    assert "$.actions[0]: missing 'title'" in found
    assert "$.version: expected integer, got str" in found


def test_every_document_states_the_schema_version(admin_scope, plan):
    assert take_snapshot(admin_scope, plan.world.admin).content["schema_version"] == "1.0"
