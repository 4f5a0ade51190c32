"""Integrity checks for the hand-written evaluation set in eval/.

These guard the set itself (not any method): rows that pairs point to exist,
labels are valid, the minimum sizes promised in eval/README.md hold.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO / "eval"
CATEGORIES = {
    "Early Intervention & Prevention",
    "Treatment",
    "Long-term management & support",
}
POPULATION_GROUPS = {
    "deprived_areas", "children_young_people", "older_people", "ethnic_minority",
    "disabled_people", "carers", "whole_population", "other",
}
LABELS = {"duplicate", "synergy", "negative"}


def read_csv(name: str) -> list[dict[str, str]]:
    with (EVAL / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def actions() -> list[dict[str, str]]:
    return read_csv("actions.csv")


@pytest.fixture(scope="module")
def pairs() -> list[dict[str, str]]:
    return read_csv("pairs.csv")


def ends(pair: dict[str, str]) -> tuple[tuple[str, str], tuple[str, str]]:
    return (pair["a_partner"], pair["a_ref"]), (pair["b_partner"], pair["b_ref"])


def test_action_keys_are_unique(actions):
    keys = [(row["partner"], row["ref"]) for row in actions]
    assert len(keys) == len(set(keys))


def test_every_pair_refers_to_existing_rows(actions, pairs):
    keys = {(row["partner"], row["ref"]) for row in actions}
    missing = [end for pair in pairs for end in ends(pair) if end not in keys]
    assert missing == []


def test_pairs_are_between_different_partners(pairs):
    same = [pair for pair in pairs if pair["a_partner"] == pair["b_partner"]]
    assert same == []


def test_no_pair_is_listed_twice_in_either_order(pairs):
    unordered = [frozenset(ends(pair)) for pair in pairs]
    assert len(unordered) == len(set(unordered))


def test_pair_labels_are_valid(pairs):
    assert {pair["label"] for pair in pairs} <= LABELS


def test_every_action_has_valid_priorities(actions):
    def valid(cell: str) -> bool:
        numbers = cell.split(";")
        return bool(cell) and all(n.isdigit() and 1 <= int(n) <= 17 for n in numbers)

    bad = [row["ref"] for row in actions if not valid(row["priorities"])]
    assert bad == []


def test_every_action_has_a_valid_category(actions):
    bad = [row["ref"] for row in actions if row["category"] not in CATEGORIES]
    assert bad == []


def test_population_groups_use_known_codes(actions):
    codes = {code for row in actions for code in row["population_groups"].split(";")}
    assert codes <= POPULATION_GROUPS


def test_each_priority_is_main_priority_of_at_least_eight_actions(actions):
    main = [int(row["priorities"].split(";")[0]) for row in actions]
    assert min(main.count(number) for number in range(1, 18)) >= 8


def test_minimum_sizes_are_met(actions, pairs):
    labels = [pair["label"] for pair in pairs]
    positives = labels.count("duplicate") + labels.count("synergy")
    assert len(actions) >= 300
    assert len({row["partner"] for row in actions}) >= 6
    assert positives >= 80
    assert labels.count("negative") >= 200


def test_strategy_has_seventeen_numbered_priorities_all_in_themes():
    strategy = yaml.safe_load((EVAL / "strategy.yaml").read_text(encoding="utf-8"))
    numbers = [priority["number"] for priority in strategy["priorities"]]
    in_themes = {n for theme in strategy["themes"] for n in theme["priorities"]}
    assert numbers == list(range(1, 18))
    assert in_themes == set(numbers)
    assert set(strategy["categories"]) == CATEGORIES


DISTRICT_OF_WARD = {
    "Eastgate ward": "Northmere district",
    "Riverside ward": "Northmere district",
    "Millbrook ward": "Ashcombe district",
    "Saltmarsh ward": "Ashcombe district",
    "Hollins ward": "Kelder district",
}


def with_districts(places: set[str]) -> set[str]:
    return places | {DISTRICT_OF_WARD.get(place, place) for place in places}


def places_overlap(first: str, second: str) -> bool:
    """Overlap as defined in eval/README.md: Whole area meets all; a ward meets its district."""
    a = {place.strip() for place in first.split(";")}
    b = {place.strip() for place in second.split(";")}
    if "Whole area" in a | b:
        return True
    return bool(a & b) or bool(with_districts(a) & b) or bool(a & with_districts(b))


def test_places_overlap_treats_ward_as_inside_its_district():
    assert places_overlap("Eastgate ward; Riverside ward", "Northmere district")
    assert not places_overlap("Millbrook ward", "Northmere district")
    assert not places_overlap("Eastgate ward", "Riverside ward")


def test_every_positive_pair_has_overlapping_places(actions, pairs):
    place = {(row["partner"], row["ref"]): row["places"] for row in actions}
    positives = [pair for pair in pairs if pair["label"] != "negative"]
    apart = [
        (pair["a_ref"], pair["b_ref"])
        for pair in positives
        if not places_overlap(*(place[end] for end in ends(pair)))
    ]
    assert apart == []
