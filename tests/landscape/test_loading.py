"""Loading landscape files and small-area lookups."""

from __future__ import annotations

import pytest
from tests.landscape.conftest import landscape_file

from joinedup.landscape.loading import LandscapeError, import_areas, load_landscape, seat_role
from joinedup.landscape.models import Boundary, PartnershipBody, SmallArea


def test_bodies_members_parent_and_chair_are_stored(landscape):
    falls = PartnershipBody.objects.get(name="Falls group")
    board = PartnershipBody.objects.get(name="Board")
    assert falls.parent == board
    assert board.memberships.get(role="chair").organisation.name == "Wealdbridge County Council"
    assert sorted(p.number for p in board.priorities.all()) == [1, 2]


def test_loading_twice_updates_rather_than_duplicates(world, landscape):
    load_landscape(world.board, landscape_file(world))
    assert PartnershipBody.objects.filter(partnership=world.board).count() == 3
    assert PartnershipBody.objects.get(name="Board").memberships.count() == 3


def test_an_unknown_member_is_refused_and_nothing_is_kept(world):
    data = landscape_file(world)
    data["partnerships"][2]["members"].append("nobody")
    with pytest.raises(LandscapeError, match="nobody"):
        load_landscape(world.board, data)
    assert not PartnershipBody.objects.exists()


def test_boundaries_are_kept_per_organisation(landscape, world):
    assert Boundary.objects.get(organisation=world.charity).areas == ["w4", "w5"]


def test_small_areas_carry_population_and_quintile(landscape):
    ward = SmallArea.objects.get(code="w3")
    assert (ward.parent_name, ward.population, ward.deprivation_quintile) == (
        "District Two", 300, 3)


def test_a_quintile_outside_one_to_five_is_refused(world, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("code,name,parent_code,parent_name,population,deprivation_quintile\n"
                    "w1,One,d1,D,10,7\n", encoding="utf-8")
    with pytest.raises(LandscapeError, match="row 2"):
        import_areas(world.board, path)


@pytest.mark.parametrize(("title", "role"), [("Independent chair", "chair"),
                                             ("Vice-chair", "vice_chair"),
                                             ("Business manager", "secretariat"),
                                             ("Programme lead", "lead")])
def test_named_roles_imply_the_seat(title, role):
    assert seat_role(title) == role
