"""A small hand-made landscape on the `world` partnership (see tests/conftest.py).

Bodies (meetings x attendees x hours = people-hours a year):
- Board (council chairs; council, nhs, charity; priorities 1, 2): 6 x 10 x 2 = 120
- Falls group (sub-group of Board; council, nhs; priority 1):    4 x 5 x 1.5 = 30
- Carers network (nhs, charity; priority 2):                     12 x 8 x 1 = 96
Small areas w1..w5 with 100, 200, 300, 400, 500 people. Boundaries: council w1-w4,
nhs w1-w5, charity w4-w5.
"""

from __future__ import annotations

import pytest

from joinedup.landscape.loading import import_areas, load_landscape


def landscape_file(world) -> dict:
    return {
        "organisations": [
            {"id": "c", "name": world.council.name, "type": "county_council",
             "boundary": ["w1", "w2", "w3", "w4"]},
            {"id": "n", "name": world.nhs.name, "type": "nhs_commissioner",
             "boundary": ["w1", "w2", "w3", "w4", "w5"]},
            {"id": "v", "name": world.charity.name, "type": "voluntary_sector",
             "boundary": ["w4", "w5"]},
        ],
        "partnerships": [
            {"id": "board", "name": "Board", "kind": "board", "parent": None,
             "members": ["c", "n", "v"], "roles": [{"role": "Chair", "name": "A Chair",
                                                    "organisation": "c"}],
             "meetings_per_year": 6, "typical_attendees": 10, "meeting_hours": 2,
             "priorities": [1, 2]},
            {"id": "falls", "name": "Falls group", "kind": "sub-group", "parent": "board",
             "members": ["c", "n"], "meetings_per_year": 4, "typical_attendees": 5,
             "meeting_hours": 1.5, "priorities": [1]},
            {"id": "carers", "name": "Carers network", "kind": "network", "parent": None,
             "members": ["n", "v"], "roles": [{"role": "Secretary", "name": "B Writer",
                                               "organisation": "v"}],
             "meetings_per_year": 12, "typical_attendees": 8, "meeting_hours": 1,
             "priorities": [2]},
        ],
    }


@pytest.fixture
def areas_csv(tmp_path):
    path = tmp_path / "areas.csv"
    path.write_text("code,name,parent_code,parent_name,population,deprivation_quintile\n"
                    "w1,Ward One,d1,District One,100,1\nw2,Ward Two,d1,District One,200,2\n"
                    "w3,Ward Three,d2,District Two,300,3\nw4,Ward Four,d2,District Two,400,4\n"
                    "w5,Ward Five,d3,Next Door,500,5\n", encoding="utf-8")
    return path


@pytest.fixture
def landscape(world, areas_csv):
    import_areas(world.board, areas_csv)
    load_landscape(world.board, landscape_file(world))
    return world.board
