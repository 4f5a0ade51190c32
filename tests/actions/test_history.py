from __future__ import annotations

from tests.factories import ActionFactory

from joinedup.pages.presenters import Change, history


def test_every_change_to_an_action_is_kept_with_old_and_new_values(world):
    action = ActionFactory(partnership=world.board, owner=world.council, lead_name="A. Patel")
    action.lead_name = "B. Jones"
    action.save()
    entries = history(action)
    assert [e.kind for e in entries] == ["Changed", "Created"]
    change = next(c for c in entries[0].changes if c.old == "A. Patel")
    assert change.new == "B. Jones"


def test_deleting_is_recorded_and_undoable(world):
    action = ActionFactory(partnership=world.board, owner=world.council)
    action.soft_delete()
    action.restore()
    assert [e.kind for e in history(action)] == ["Restored", "Deleted", "Created"]


def test_priority_links_are_part_of_the_history(world):
    action = ActionFactory(partnership=world.board, owner=world.council)
    action.priorities.add(world.priorities[0])
    newest = history(action)[0]
    assert newest.changes == [
        Change("Priorities", "(none)", "1. Appropriate and adapted housing")
    ]


def test_status_choices_are_the_codes_imports_store_with_their_labels():
    from joinedup.actions.models import Status
    from joinedup.ingest.records import STATUS_LABELS, STATUSES

    assert [value for value, _ in Status.choices] == list(STATUSES)
    assert dict(Status.choices) == STATUS_LABELS


def test_a_stored_status_code_displays_as_its_label(world):
    action = ActionFactory(partnership=world.board, owner=world.council, status="at_risk")
    assert action.get_status_display() == "At risk"
