from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from joinedup.ingest import (
    DEFAULT_CATEGORIES,
    IngestError,
    PriorityRecord,
    StrategyRecord,
    ThemeRecord,
    dump_strategy,
    load_strategy,
)

MINIMAL = """\
name: Seamless Health
categories: [Early Intervention & Prevention, Treatment, Long-term management & support]
priorities:
  - {number: 1, name: Appropriate and adapted housing, description: optional text}
  - {number: 2, name: Respiratory illness}
themes:
  - {name: Long-term conditions, priorities: [1, 2]}
  - {name: Healthy homes, priorities: [1]}
"""


def _write(tmp_path, text, name="strategy.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_strategy_is_read(tmp_path):
    strategy = load_strategy(_write(tmp_path, MINIMAL))
    assert strategy == StrategyRecord(
        name="Seamless Health",
        categories=("Early Intervention & Prevention", "Treatment",
                    "Long-term management & support"),
        priorities=(PriorityRecord(1, "Appropriate and adapted housing", "optional text"),
                    PriorityRecord(2, "Respiratory illness")),
        themes=(ThemeRecord("Long-term conditions", (1, 2)), ThemeRecord("Healthy homes", (1,))),
    )


def test_priority_under_two_themes_belongs_to_both(tmp_path):
    strategy = load_strategy(_write(tmp_path, MINIMAL))
    assert [t.name for t in strategy.themes if 1 in t.priority_numbers] == [
        "Long-term conditions", "Healthy homes"]


def test_categories_default_when_missing(tmp_path):
    strategy = load_strategy(_write(tmp_path, "name: X\npriorities: [{number: 1, name: A}]\n"))
    assert strategy.categories == DEFAULT_CATEGORIES


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("name: ''\npriorities: [{number: 1, name: A}]\n", "name (line 1)"),
        ("name: X\npriorities: [{number: 1, name: A}, {number: 1, name: B}]\n",
         "priorities[1].number (line 2)"),
        ("name: X\npriorities:\n  - {number: 1, name: A}\n  - {number: 1, name: B}\n",
         "priorities[1].number (line 4)"),
        ("name: X\npriorities: [{number: one, name: A}]\n", "priorities[0].number (line 2)"),
        ("name: X\npriorities: [{number: 1.5, name: A}]\n", "priorities[0].number (line 2)"),
        ("name: X\npriorities: [{number: 0, name: A}]\n", "priorities[0].number (line 2)"),
        ("name: X\npriorities: [{number: -3, name: A}]\n", "priorities[0].number (line 2)"),
        ("name: X\npriorities: [{number: 1}]\n", "priorities[0].name (line 2)"),
        ("name: X\npriorities: [{number: 1, name: A}]\nthemes: [{name: T, priorities: [1, 9]}]\n",
         "themes[0].priorities[1] (line 3)"),
        # A missing key is placed at the line of the entry that lacks it.
        ("name: X\nthemes:\n  - {priorities: []}\n", "themes[0].name (line 3)"),
    ],
)
def test_invalid_strategy_names_file_and_document_path(tmp_path, text, where):
    with pytest.raises(IngestError) as caught:
        load_strategy(_write(tmp_path, text))
    problem = caught.value.problem
    assert problem.location.file == "strategy.yaml"
    assert problem.message.startswith(f"{where}: ")
    assert "expected" in problem.message


def test_bad_yaml_raises_naming_the_file_and_line(tmp_path):
    with pytest.raises(IngestError) as caught:
        load_strategy(_write(tmp_path, "name: X\npriorities: [\n  - {number: 1\n"))
    assert caught.value.problem.location.file == "strategy.yaml"
    assert "not valid YAML at line" in caught.value.problem.message


def test_missing_strategy_file_raises(tmp_path):
    with pytest.raises(IngestError):
        load_strategy(tmp_path / "nope.yaml")


_names = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(
    lambda t: t.strip() == t and t)


def _same_name(name):
    """Priority names must differ other than in case and spacing."""
    return " ".join(name.split()).casefold()


@st.composite
def strategies(draw):
    numbers = draw(st.lists(st.integers(1, 99), unique=True, max_size=6))
    names = draw(st.lists(_names, min_size=len(numbers), max_size=len(numbers),
                          unique_by=_same_name))
    priorities = tuple(PriorityRecord(n, name, draw(st.just("") | _names))
                       for n, name in zip(numbers, names, strict=True))
    themes = tuple(
        ThemeRecord(draw(_names), tuple(draw(st.lists(st.sampled_from(numbers), unique=True)))
                    if numbers else (), draw(st.just("") | _names))
        for _ in range(draw(st.integers(0, 3))))
    return StrategyRecord(draw(_names), tuple(draw(st.lists(_names, max_size=4))),
                          priorities, themes)


@settings(max_examples=80, deadline=None)
@given(strategies())
def test_dumped_strategy_loads_back_equal(tmp_path_factory, record):
    path = tmp_path_factory.mktemp("s") / "s.yaml"
    path.write_text(dump_strategy(record), encoding="utf-8")
    assert load_strategy(path) == record
