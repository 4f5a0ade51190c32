from __future__ import annotations

import pytest
from tests.factories import ActionFactory, PlanFactory

from joinedup.accounts.scope import NotAMember, Scope


@pytest.fixture
def actions(world):
    return {
        "council": ActionFactory(partnership=world.board, owner=world.council),
        "nhs": ActionFactory(partnership=world.board, owner=world.nhs),
        "charity": ActionFactory(partnership=world.board, owner=world.charity),
        "elsewhere": ActionFactory(partnership=world.other_board, owner=world.stranger_org),
    }


def test_view_all_member_sees_every_partner_in_the_partnership_and_nothing_outside(world, actions):
    seen = set(Scope.for_user(world.viewer, world.board).actions())
    assert seen == {actions["council"], actions["nhs"], actions["charity"]}


def test_view_own_member_sees_only_their_organisations_actions(world, actions):
    seen = set(Scope.for_user(world.own_viewer, world.board).actions())
    assert seen == {actions["charity"]}


def test_view_own_member_sees_only_their_organisations_plans(world):
    own = PlanFactory(partnership=world.board, owner=world.charity)
    PlanFactory(partnership=world.board, owner=world.council)
    assert list(Scope.for_user(world.own_viewer, world.board).plans()) == [own]


def test_member_of_another_partnership_is_refused(world, actions):
    with pytest.raises(NotAMember):
        Scope.for_user(world.outsider, world.board)


def test_editor_can_edit_own_organisation_but_not_another(world, actions):
    scope = Scope.for_user(world.editor, world.board)
    assert scope.can_edit(actions["council"])
    assert not scope.can_edit(actions["nhs"])


def test_admin_can_edit_every_partner(world, actions):
    scope = Scope.for_user(world.admin, world.board)
    assert scope.is_admin
    assert scope.can_edit(actions["nhs"]) and scope.can_edit(actions["charity"])


def test_viewer_can_edit_nothing(world, actions):
    scope = Scope.for_user(world.viewer, world.board)
    assert not any(scope.can_edit(a) for a in actions.values())


def test_admin_cannot_edit_an_action_of_another_partnership(world, actions):
    assert not Scope.for_user(world.admin, world.board).can_edit(actions["elsewhere"])


def test_joint_appointment_folds_both_memberships(world, actions):
    from tests.factories import member

    from joinedup.accounts.models import Access

    member(world.nhs_editor, world.board, world.charity, Access.EDIT_OWN)
    scope = Scope.for_user(world.nhs_editor, world.board)
    assert scope.can_edit(actions["nhs"]) and scope.can_edit(actions["charity"])
    assert not scope.can_edit(actions["council"])


def test_soft_deleted_actions_leave_the_scope_and_come_back_on_restore(world, actions):
    scope = Scope.for_user(world.admin, world.board)
    actions["nhs"].soft_delete()
    assert actions["nhs"] not in set(scope.actions())
    assert list(scope.deleted_actions()) == [actions["nhs"]]
    actions["nhs"].restore()
    assert actions["nhs"] in set(scope.actions())
