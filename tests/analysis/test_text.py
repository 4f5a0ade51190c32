from __future__ import annotations

from joinedup.analysis.text import normalise
from joinedup.analysis.vocabulary import build_vocabulary, default_vocabulary


def test_stop_smoking_and_tobacco_cessation_normalise_to_the_same_token():
    assert normalise("Stop smoking service") == normalise("tobacco cessation support")


def test_abbreviation_and_full_name_normalise_alike():
    assert normalise("CVD") == normalise("cardiovascular disease") == "cardiovascular"


def test_longer_phrase_wins_over_its_prefix():
    vocabulary = build_vocabulary({"smoking_pregnancy": ["smoking in pregnancy"],
                                   "tobacco": ["smoking"]})
    assert vocabulary.replace("smoking in pregnancy").split() == ["smoking_pregnancy"]


def test_phrases_match_whole_words_only():
    vocabulary = build_vocabulary({"falls": ["falls"]})
    assert vocabulary.replace("waterfallsx").strip() == "waterfallsx"


def test_shipped_vocabulary_is_small_and_curated():
    groups = set(default_vocabulary().canonical.values())
    assert 60 <= len(groups) <= 120
