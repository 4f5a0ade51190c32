"""The common-heading vocabulary (headings.yaml) and its use in priority suggestion."""

from __future__ import annotations

import pytest

from joinedup.analysis.headings import (
    Heading,
    default_headings,
    heading_text,
    match_heading,
    similarity,
)
from joinedup.analysis.priorities import suggest_priorities
from joinedup.ingest.records import PriorityRecord, StrategyRecord

from .conftest import action

TINY = (Heading("Ageing well", ("Ageing well", "Older people"), "pension credit befriending"),
        Heading("Healthy places", ("Healthy places", "Built environment"), "parks planning"))


def test_filler_words_do_not_count_in_similarity():
    # 'improving' is filler, so both sides are {mental, health}
    assert similarity("Improving mental health", "Mental health") == 1.0


def test_similarity_is_the_dice_overlap_of_topic_words():
    # {healthy, weight} against {healthy, place}: one shared word each side, 2 / 4
    assert similarity("Healthy weight", "Healthy places") == pytest.approx(0.5)


def test_compounds_and_spelling_variants_match():
    assert similarity("Smoke-free", "Smokefree") == 1.0
    assert similarity("Screening and immunization", "Screening and immunisation") == 1.0


def test_a_name_matches_the_heading_of_its_closest_wording():
    assert match_heading("Older people", TINY).name == "Ageing well"
    assert match_heading("The built environment", TINY).name == "Healthy places"
    # {healthy} against {healthy, place}: 2 / 3 < 0.75
    assert match_heading("Healthy", TINY) is None
    assert match_heading("Theme one", TINY) is None


def test_a_name_containing_a_whole_wording_is_a_more_specific_form_of_it():
    # {diabetes, diabetic, retinopathy} against {diabetes}: Dice 2/4 = 0.5, but the name
    # contains the wording, so 0.75 + 0.25 * 0.5 = 0.875.
    assert similarity("Diabetes and diabetic retinopathy", "Diabetes") == pytest.approx(0.875)
    # {prevention, social, emotional, isolation} against {social, isolation}: Dice
    # (2 + 2) / (4 + 2) = 2/3, contained -> 0.75 + 0.25 * 2/3 = 0.9167.
    assert similarity("Prevention of social and emotional isolation",
                      "Social isolation") == pytest.approx(0.75 + 0.25 * 2 / 3)
    assert match_heading("Support for older people who live alone", TINY).name == "Ageing well"


def test_containment_counts_every_word_but_the_stop_words():
    # 'help' is filler for Dice, but containment needs it: 'Early help' is not in
    # 'early diagnosis', so the score stays the Dice overlap of {dementia, early,
    # diagnosis} and {early}: (1 + 1) / (3 + 1) = 0.5.
    early = (Heading("Best start", ("Early help",), "family hubs"),)
    assert similarity("Dementia: early diagnosis", "Early help") == pytest.approx(0.5)
    assert match_heading("Dementia: early diagnosis", early) is None


def test_the_shipped_vocabulary_covers_common_headings():
    headings = default_headings()
    assert len(headings) >= 40
    assert all(h.covers for h in headings)
    wordings = [w.lower() for h in headings for w in h.wordings]
    assert len(wordings) == len(set(wordings)), "a wording may name only one heading"
    for name, heading in [("Give every child the best start in life", "Best start in life"),
                          ("Age well", "Ageing well"), ("Housing", "Warm and safe homes"),
                          ("Community safety", "Safer communities"), ("Obesity", "Healthy weight"),
                          ("Smoke-free generation", "Tobacco-free")]:
        assert match_heading(name).name == heading
    assert heading_text("Resurface the car park") == ""


def test_heading_vocabulary_lets_a_bare_heading_attract_its_work():
    # Neither action shares a word with either heading; only what strategies list
    # under "Safer communities" (knife crime, youth diversion) and "Ageing well"
    # (pension credit, befriending) links them.
    strategy = StrategyRecord(name="S", categories=(), priorities=(
        PriorityRecord(1, "Ageing well"), PriorityRecord(2, "Safer communities")))
    crime = action("P", "1", "Knife crime youth diversion project")
    credit = action("C", "2", "Pension credit take-up and befriending calls")
    ranked = {s.action: s.ranked[0][0] for s in suggest_priorities([crime, credit], strategy)}
    assert ranked == {("P", "1"): 2, ("C", "2"): 1}
