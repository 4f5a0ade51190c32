"""The quicker ways of writing a strategy file: names only, text lines, CSV rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from joinedup.ingest import (
    DEFAULT_CATEGORIES,
    IngestError,
    PriorityRecord,
    StrategyRecord,
    ThemeRecord,
    dump_strategy,
    load_strategy,
)
from joinedup.ingest.strategy import _Invalid, parse_strategy

ROOT = Path(__file__).resolve().parents[2]
P = PriorityRecord
T = ThemeRecord


def _load(tmp_path, text, name="strategy.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_strategy(path)


def _problem(tmp_path, text, name="strategy.yaml"):
    with pytest.raises(IngestError) as caught:
        _load(tmp_path, text, name)
    problem = caught.value.problem
    assert problem.location.file == name
    assert "expected" in problem.message
    return problem


# YAML -----------------------------------------------------------------------------------------

def test_priorities_as_names_are_numbered_in_order_and_named_after_the_file(tmp_path):
    strategy = _load(tmp_path, "priorities: [Start well, Live well, Age well]\n",
                     name="thornbury-vale_strategy.yaml")
    assert strategy == StrategyRecord(
        "thornbury vale strategy", DEFAULT_CATEGORIES,
        (P(1, "Start well"), P(2, "Live well"), P(3, "Age well")))


def test_a_given_name_wins_over_the_file_name(tmp_path):
    strategy = _load(tmp_path, "name: Our strategy\npriorities: [Start well]\n")
    assert strategy.name == "Our strategy"


@pytest.mark.parametrize("written", [
    '"3. Ageing well"', "3. Ageing well", "3) Ageing well", "(3) Ageing well",
    "Priority 3: Ageing well",  # unquoted, YAML reads this as a one-key mapping
    '"Priority 3: Ageing well"', "Priority 3 - Ageing well", "priority 3 – Ageing well",
    "3: Ageing well", "3 - Ageing well",
])
def test_a_leading_number_in_a_name_is_its_number(tmp_path, written):
    strategy = _load(tmp_path, f"name: X\npriorities:\n  - 1. Start well\n  - {written}\n")
    assert strategy.priorities == (P(1, "Start well"), P(3, "Ageing well"))


@pytest.mark.parametrize("name", ["3.5 million homes", "24:7 support", "5 a day", "10-minute walk",
                                  "Tobacco-free"])
def test_numbers_that_belong_to_the_name_are_kept_in_it(tmp_path, name):
    strategy = _load(tmp_path, f"name: X\npriorities: ['{name}']\n")
    assert strategy.priorities == (P(1, name),)


def test_an_unquoted_name_and_description_reads_like_a_text_line(tmp_path):
    text = "name: X\npriorities:\n  - Dementia: early diagnosis and support\n"
    assert _load(tmp_path, text).priorities == (P(1, "Dementia", "early diagnosis and support"),)


def test_mappings_without_numbers_are_numbered_in_order(tmp_path):
    text = ("name: X\npriorities:\n  - {name: Start well, description: Every child}\n"
            "  - {name: Live well}\n")
    assert _load(tmp_path, text).priorities == (P(1, "Start well", "Every child"),
                                                P(2, "Live well"))


def test_the_whole_document_may_be_the_list_of_priorities(tmp_path):
    strategy = _load(tmp_path, "- Start well\n- {name: Live well, description: Adults}\n",
                     name="priorities.yml")
    assert strategy == StrategyRecord("priorities", DEFAULT_CATEGORIES,
                                      (P(1, "Start well"), P(2, "Live well", "Adults")))


def test_a_numbered_list_document_keeps_its_numbers(tmp_path):
    strategy = _load(tmp_path, "- 2. Live well\n- 7. Age well\n")
    assert strategy.priorities == (P(2, "Live well"), P(7, "Age well"))


NESTED = """\
name: Our strategy
themes:
  - name: Start well
    priorities: [Best start in life, School readiness]
  - name: Live well
    description: Adults of working age
    priorities:
      - {name: Healthy weight, description: Eat well and move more}
      - Mental wellbeing
"""


def test_themes_may_define_their_priorities(tmp_path):
    assert _load(tmp_path, NESTED) == StrategyRecord(
        "Our strategy", DEFAULT_CATEGORIES,
        (P(1, "Best start in life"), P(2, "School readiness"),
         P(3, "Healthy weight", "Eat well and move more"), P(4, "Mental wellbeing")),
        (T("Start well", (1, 2)), T("Live well", (3, 4), "Adults of working age")))


def test_theme_priorities_come_after_the_top_level_ones_and_numbers_still_refer(tmp_path):
    text = """\
name: X
themes:
  - name: Start well
    priorities: [1, School readiness]
  - {name: Everyone, priorities: [2, 3]}
priorities: [Best start in life, Healthy places]
"""
    strategy = _load(tmp_path, text)
    assert strategy.priorities == (P(1, "Best start in life"), P(2, "Healthy places"),
                                   P(3, "School readiness"))
    assert strategy.themes == (T("Start well", (1, 3)), T("Everyone", (2, 3)))


def test_a_name_given_earlier_puts_that_priority_under_a_second_theme(tmp_path):
    text = """\
name: X
priorities: [Mental wellbeing]
themes:
  - Live well: [Healthy weight, mental  wellbeing]
  - Age well: [Healthy weight, Loneliness]
"""
    strategy = _load(tmp_path, text)
    assert strategy.priorities == (P(1, "Mental wellbeing"), P(2, "Healthy weight"),
                                   P(3, "Loneliness"))
    assert strategy.themes == (T("Live well", (2, 1)), T("Age well", (2, 3)))


def test_a_numbered_name_in_a_theme_defines_a_numbered_priority(tmp_path):
    text = "name: X\nthemes:\n  - Start well: [1. Best start, 2. School readiness]\n"
    strategy = _load(tmp_path, text)
    assert strategy.priorities == (P(1, "Best start"), P(2, "School readiness"))
    assert strategy.themes == (T("Start well", (1, 2)),)


def test_a_theme_may_be_just_a_name(tmp_path):
    strategy = _load(tmp_path, "name: X\npriorities: [A]\nthemes: [Start well, {B: }]\n")
    assert strategy.themes == (T("Start well"), T("B"))


def test_keys_may_be_capitalised(tmp_path):
    text = ("Name: X\nPriorities:\n  - {Number: 4, Name: A, Description: d}\n"
            "Themes:\n  - {Name: T, Priorities: [4]}\n")
    assert _load(tmp_path, text) == StrategyRecord("X", DEFAULT_CATEGORIES, (P(4, "A", "d"),),
                                                   (T("T", (4,)),))


def test_a_named_framework_with_no_priorities_is_still_accepted(tmp_path):
    assert _load(tmp_path, "name: X\narea: Y\n") == StrategyRecord("X", DEFAULT_CATEGORIES, ())


@pytest.mark.parametrize(("text", "message"), [
    # Mixed numbering names the first priority without a number.
    ("name: X\npriorities:\n  - 1. Start well\n  - Live well\n  - Age well\n",
     "priorities[1] (line 4): 'Live well' has no number, but priorities[0] (line 3) has one (1); "
     "expected a number for every priority or for none"),
    ("name: X\npriorities:\n  - Start well\n  - {number: 2, name: Live well}\n",
     "priorities[0] (line 3): 'Start well' has no number, but priorities[1] (line 4) has one (2)"),
    ("name: X\npriorities: [Start well]\nthemes:\n  - T: [2. Live well]\n",
     "priorities[0] (line 2): 'Start well' has no number, but themes[0].T[0] (line 4) has one"),
    # Duplicate names name both entries.
    ("name: X\npriorities:\n  - Healthy weight\n  - Smoking\n  - healthy weight\n",
     "priorities[2] (line 5): 'healthy weight' was already given at priorities[0] (line 3) "
     "('Healthy weight'); expected each priority name once"),
    ("name: X\npriorities: [{number: 1, name: A}, {number: 2, name: A}]\n",
     "priorities[1] (line 2): 'A' was already given at priorities[0] (line 2); expected each "
     "priority name once"),
    ("name: X\npriorities: [A]\nthemes:\n  - T:\n      - {name: A, description: other}\n",
     "themes[0].T[0] (line 5): 'A' was already given at priorities[0] (line 2) with a different "
     "description; expected each priority name once, or the name alone"),
    ("name: X\npriorities: [1. A]\nthemes:\n  - T: [2. A]\n",
     "themes[0].T[0] (line 4): 'A' was already given at priorities[0] (line 2) with a different "
     "number"),
    ("name: X\nthemes:\n  - T: [A, B, a]\n",
     "themes[0].T[2] (line 3): priority 1 (A) is already listed in theme 'T' at themes[0].T[0] "
     "(line 3); expected each priority once per theme"),
    ("name: X\npriorities: [A, B]\nthemes: [{name: T, priorities: [3]}]\n",
     "themes[0].priorities[0] (line 3): priority 3 is not one of the strategy's priorities; "
     "expected one of: 1, 2"),
    ("priorities: [Priority 3]\n", "priorities[0] (line 1): expected a priority name after the "
                                   "number, found 'Priority 3'"),
    ("- '12'\n", "[0] (line 1): expected a priority name after the number, found '12'"),
    ("- A\n- [B, C]\n", "[1] (line 2): expected a priority: a name, or a mapping"),
    ("name: X\npriorities:\n  - Start well:\n      - A\n",
     "priorities[0] (line 3): found 'Start well' with a list under it; expected a priority"),
    ("name: X\npriorities:\n  - Start well:\n", "priorities[0] (line 3): found 'Start well:' "
                                                "with nothing after it; expected a priority name"),
    ("name: X\nthemes:\n  - Start well: Best start\n", "themes[0] (line 3): found 'Start well: "
                                                       "Best start'; expected a theme with a list"),
    ("[]\n", "(document): the list is empty; expected at least one priority"),
    ("Start well\nLive well\n", "(document): expected a mapping with name, priorities and themes, "
                                "or a list of priorities; found text (a plain list of priorities, "
                                "one per line, can be saved as a .txt file"),
    ("area: Y\n", "(document): no priorities found; expected a list of priorities"),
    ("Start well:\n  - A\nLive well:\n  - B\n",
     "['Start well'] (line 2): 'Start well' is not read; expected the priorities under "
     "priorities: and the themes under themes:"),
    ("name: X\nNAME: Y\npriorities: [A]\n", "NAME (line 2): 'NAME' repeats 'name'; expected each "
                                            "key once"),
])
def test_yaml_errors_name_the_entry_its_line_and_what_is_expected(tmp_path, text, message):
    problem = _problem(tmp_path, text)
    assert problem.message.startswith(message), problem.message


def test_parse_strategy_without_a_file_still_needs_a_name():
    with pytest.raises(_Invalid) as caught:
        parse_strategy({"priorities": ["A"]})
    assert (caught.value.where, caught.value.expected) == ("name", "expected some text")
    assert parse_strategy({"priorities": ["A"]}, default_name="Mine") == StrategyRecord(
        "Mine", DEFAULT_CATEGORIES, (P(1, "A"),))
    assert parse_strategy(["A", "B"], default_name="Mine").priorities == (P(1, "A"), P(2, "B"))


def test_parse_strategy_paths_have_no_lines_without_a_file():
    with pytest.raises(_Invalid) as caught:
        parse_strategy({"name": "X", "priorities": [{"number": "one", "name": "A"}]})
    assert caught.value.where == "priorities[0].number"


# Plain text and Markdown ----------------------------------------------------------------------

def test_a_text_file_is_one_priority_per_line(tmp_path):
    text = "\nStart well\n\n- Live well\n* Age well\n• Healthy places\n+ Good work\n"
    strategy = _load(tmp_path, text, name="our_strategy.txt")
    assert strategy == StrategyRecord("our strategy", DEFAULT_CATEGORIES, (
        P(1, "Start well"), P(2, "Live well"), P(3, "Age well"), P(4, "Healthy places"),
        P(5, "Good work")))


def test_text_lines_carry_numbers_and_descriptions(tmp_path):
    text = """\
1. Start well - Every child gets a healthy start
2) Live well – Adults stay well
- Priority 3: Ageing well
Priority 4 - Healthy places — Streets and parks
5: Good work: Jobs that keep people well
"""
    assert _load(tmp_path, text, name="s.txt").priorities == (
        P(1, "Start well", "Every child gets a healthy start"),
        P(2, "Live well", "Adults stay well"),
        P(3, "Ageing well"),
        P(4, "Healthy places", "Streets and parks"),
        P(5, "Good work", "Jobs that keep people well"))


def test_markdown_headings_are_themes_and_a_single_top_heading_names_the_strategy(tmp_path):
    text = """\
# Thornbury Vale Health and Wellbeing Strategy

## Start well
- Best start in life - From pregnancy to age five
- School readiness

## Live well
- Healthy weight
- Best start in life
"""
    assert _load(tmp_path, text, name="s.md") == StrategyRecord(
        "Thornbury Vale Health and Wellbeing Strategy", DEFAULT_CATEGORIES,
        (P(1, "Best start in life", "From pregnancy to age five"), P(2, "School readiness"),
         P(3, "Healthy weight")),
        (T("Start well", (1, 2)), T("Live well", (3, 1))))


def test_several_top_headings_are_all_themes(tmp_path):
    text = "# Start well\n- A\n\n---\n\n# Live well - Adults\n- B\n"
    assert _load(tmp_path, text, name="plan.md") == StrategyRecord(
        "plan", DEFAULT_CATEGORIES, (P(1, "A"), P(2, "B")),
        (T("Start well", (1,)), T("Live well", (2,), "Adults")))


@pytest.mark.parametrize("first", ["Name: Our strategy", "Strategy: Our strategy",
                                   "title:Our strategy"])
def test_a_first_name_line_names_the_strategy(tmp_path, first):
    strategy = _load(tmp_path, f"{first}\n# Start well\n- A\n", name="s.txt")
    assert strategy == StrategyRecord("Our strategy", DEFAULT_CATEGORIES, (P(1, "A"),),
                                      (T("Start well", (1,)),))


def test_priorities_before_the_first_heading_belong_to_no_theme(tmp_path):
    text = "Name: X\nCarers\n## Start well\n1. A\n2. B\n"
    strategy = _load(tmp_path, text.replace("Carers", "3. Carers"), name="s.txt")
    assert strategy.priorities == (P(3, "Carers"), P(1, "A"), P(2, "B"))
    assert strategy.themes == (T("Start well", (1, 2)),)


@pytest.mark.parametrize(("text", "message"), [
    ("1. A\n2. B\nC\n", "line 3: 'C' has no number, but line 1 has one (1); expected a number for "
                        "every priority or for none"),
    ("A\n\nB\n- a\n", "line 4: 'a' was already given at line 1 ('A'); expected each priority name "
                      "once"),
    ("1. A\n1. B\n", "line 2: priority number 1 is already used by line 1; expected each number "
                     "once"),
    ("# One\n- A\n# Two\n# Three\n- B\n", "line 3: the heading 'Two' has no priorities under it; "
                                          "expected one or more priority lines"),
    ("# One\n- A\n# Two\n", "line 3: the heading 'Two' has no priorities under it"),
    ("- A - about A\n  continued here\n", "line 2: this line is indented under the line above; "
                                          "expected one priority per line"),
    ("- A\n  - A1\n", "line 2: this line is indented under the line above"),
    ("Start well:\n- A\n", "line 1: found 'Start well:', which reads as a heading; expected a "
                           "priority"),
    ("Start well\n==========\n", "line 2: a line of '=' under a line makes that line a heading "
                                 "in Markdown; expected '# Start well'"),
    ("A\n- \n", "line 2: expected a priority name, found '-'"),
    ("A\n2.\n", "line 2: expected a priority name after the number, found '2.'"),
    ("Name:\nA\n", "line 1: expected the strategy's name"),
    ("\n\n", "no priorities found; expected one priority per line"),
    ("Name: X\n", "no priorities found; expected one priority per line"),
])
def test_text_errors_name_the_line_and_what_is_expected(tmp_path, text, message):
    problem = _problem(tmp_path, text, name="s.txt")
    assert problem.message.startswith(message), problem.message


def test_text_files_in_windows_1252_are_read(tmp_path):
    path = tmp_path / "s.txt"
    path.write_bytes("Café culture – Meeting places\n".encode("cp1252"))
    assert load_strategy(path).priorities == (P(1, "Café culture", "Meeting places"),)


# CSV -----------------------------------------------------------------------------------------

def test_a_csv_with_numbers_names_and_descriptions(tmp_path):
    text = "Number,Name,Description\n4,Start well,Every child\n9,Live well,\n"
    assert _load(tmp_path, text, name="thornbury.csv") == StrategyRecord(
        "thornbury", DEFAULT_CATEGORIES, (P(4, "Start well", "Every child"), P(9, "Live well")))


def test_a_csv_priority_column_without_numbers_is_numbered_in_order(tmp_path):
    text = "Priority\nStart well\n\nLive well\n"
    assert _load(tmp_path, text, name="s.csv").priorities == (P(1, "Start well"),
                                                              P(2, "Live well"))


def test_a_csv_name_may_carry_its_number(tmp_path):
    text = "priority;description\n3. Ageing well;Older people\nPriority 5: Carers;\n"
    assert _load(tmp_path, text, name="s.csv").priorities == (P(3, "Ageing well", "Older people"),
                                                              P(5, "Carers"))


def test_csv_theme_values_form_themes_in_first_seen_order(tmp_path):
    text = """\
name,theme,description
Best start,Start well,
Healthy weight,Live well,Eat well
School readiness,start well,
Mental wellbeing,Live well; Start well,
Healthy weight,Age well,
Carers,,
"""
    assert _load(tmp_path, text, name="s.csv") == StrategyRecord(
        "s", DEFAULT_CATEGORIES,
        (P(1, "Best start"), P(2, "Healthy weight", "Eat well"), P(3, "School readiness"),
         P(4, "Mental wellbeing"), P(5, "Carers")),
        (T("Start well", (1, 3, 4)), T("Live well", (2, 4)), T("Age well", (2,))))


@pytest.mark.parametrize(("text", "row", "column", "message"), [
    ("name,lead\nA,x\n", 1, "lead", "this column would not be read; expected only the columns "
                                    "number (optional), name or priority"),
    ("Priority,Name\n1,A\n", 1, "Name", "'Name' and 'Priority' are both the name column; "
                                        "expected one"),
    ("number,description\n1,A\n", 1, None, "expected a header row with a column headed name (or "
                                           "priority); found 'number', 'description'"),
    ("number,name\none,A\n", 2, "number", "expected a whole number of 1 or more, found 'one'"),
    ("number,name\n0,A\n", 2, "number", "expected a whole number of 1 or more, found 0"),
    ("number,name\n1,A\n,B\n", 3, "number", "'B' has no number, but row 2 has one (1); expected a "
                                            "number for every priority or for none"),
    ("name,description\nA,\nB,\n3. C,\n", 2, "name", "'A' has no number, but row 4 has one (3)"),
    ("number,name\n1,A\n1,B\n", 3, "number", "priority number 1 is already used by row 2; "
                                             "expected each number once"),
    ("name\nHealthy weight\nSmoking\nhealthy weight\n", 4, "name",
     "'healthy weight' was already given at row 2 ('Healthy weight'); expected each priority "
     "name once"),
    ("name,theme\nA,T\nA,T\n", 3, "name", "priority 1 (A) is already listed in theme 'T' at row 2; "
                                          "expected each priority once per theme"),
    ("name,description,theme\nA,one,T\nA,two,U\n", 3, "name",
     "'A' was already given at row 2 with a different description"),
    ("name,description\n,about\n", 2, "name", "expected the priority's name"),
    ("name,,\nA,,x\n", 2, "C", "this value has no column heading; expected values only under the "
                               "headed columns"),
    ("\n\nname\n", 3, None, "no priorities found; expected one priority per row below the header"),
])
def test_csv_errors_name_the_row_column_and_what_is_expected(tmp_path, text, row, column,
                                                             message):
    problem = _problem(tmp_path, text, name="s.csv")
    assert (problem.location.row, problem.location.column) == (row, column)
    assert problem.message.startswith(message), problem.message


def test_an_empty_csv_is_rejected(tmp_path):
    problem = _problem(tmp_path, "", name="s.csv")
    assert problem.message.startswith("the file is empty; expected a header row")


# Existing files and the round trip ---------------------------------------------------------

def _as_written(path):
    """The strategy exactly as its YAML spells it, read without joinedup's loader."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return StrategyRecord(
        document["name"], tuple(document["categories"]),
        tuple(P(p["number"], p["name"], p.get("description", "")) for p in document["priorities"]),
        tuple(T(t["name"], tuple(t["priorities"]), t.get("description", ""))
              for t in document["themes"]))


@pytest.mark.parametrize("where", ["demo", "eval"])
def test_the_demo_and_eval_strategies_load_as_written(where):
    path = ROOT / where / "strategy.yaml"
    assert load_strategy(path) == _as_written(path)


def test_the_demo_strategy_numbers_names_and_themes():
    strategy = load_strategy(ROOT / "demo" / "strategy.yaml")
    assert strategy.name == "Seamless Health"
    assert [p.number for p in strategy.priorities] == list(range(1, 18))
    assert strategy.priorities[2].name == "Dementia: early diagnosis, treatment and support"
    assert strategy.priorities[16].name == "Cancers"
    assert [(t.name, t.priority_numbers) for t in strategy.themes] == [
        ("Long-term conditions", (1, 2, 3, 4, 6, 7, 9, 14, 15, 16)),
        ("Sexual health", (9, 11)),
        ("Safeguarding", (8, 9, 10)),
        ("Cancers", (7, 9, 15, 17)),
        ("Mental health and wellbeing", (1, 3, 5, 8, 9, 10, 12, 13, 16)),
    ]


def test_the_eval_strategy_numbers_names_and_themes():
    strategy = load_strategy(ROOT / "eval" / "strategy.yaml")
    assert strategy.name == "Thornbury Vale Joint Health and Wellbeing Strategy 2025-2030"
    assert [(p.number, p.name) for p in strategy.priorities][:3] == [
        (1, "Best start in life"), (2, "Mental wellbeing"), (3, "Tobacco-free")]
    assert strategy.priorities[1].description == ""
    assert [(t.name, t.priority_numbers) for t in strategy.themes] == [
        ("Starting well", (1,)),
        ("Living well", (2, 3, 4, 5, 8)),
        ("Preventing and living with illness", (6, 7, 9, 10)),
        ("Ageing well and independence", (11, 12, 13)),
        ("Places and communities", (14, 15, 16, 17)),
    ]


def test_a_names_only_strategy_dumps_to_yaml_that_loads_back_equal(tmp_path):
    source = tmp_path / "our-plan.md"
    source.write_text("## Start well\n- Best start\n## Live well\n- Healthy weight - Eat well\n"
                      "- Best start\n", encoding="utf-8")
    expected = StrategyRecord("our plan", DEFAULT_CATEGORIES,
                              (P(1, "Best start"), P(2, "Healthy weight", "Eat well")),
                              (T("Start well", (1,)), T("Live well", (2, 1))))
    assert load_strategy(source) == expected
    dumped = tmp_path / "dumped.yaml"
    dumped.write_text(dump_strategy(load_strategy(source)), encoding="utf-8")
    assert load_strategy(dumped) == expected
