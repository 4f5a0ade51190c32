from __future__ import annotations

import pytest

from joinedup.ingest.lists import parse_numbers, split_items


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3, 7 & 15", (3, 7, 15)),
        ("Priorities 2 and 11", (2, 11)),
        ("P4; P9", (4, 9)),
        ("2/11", (2, 11)),
        ("1-3", (1, 2, 3)),
        ("Priority 5", (5,)),
        ("7, 3, 7", (7, 3)),
        (4.0, (4,)),
    ],
)
def test_priority_lists_are_read_in_order_written(text, expected):
    assert parse_numbers(text) == (expected, True)


def test_words_beside_numbers_keep_the_numbers_but_flag_the_cell():
    assert parse_numbers("mainly 4 but also housing") == ((4,), False)


def test_cell_without_numbers_is_flagged():
    assert parse_numbers("all of them") == ((), False)


def test_absurdly_wide_range_is_not_expanded():
    assert parse_numbers("1-99999") == ((1,), False)


def test_items_split_on_lines_and_semicolons():
    assert split_items("one\ntwo; three;\n\n") == ["one", "two", "three"]
