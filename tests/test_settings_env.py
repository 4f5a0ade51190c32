from __future__ import annotations

import pytest

from joinedup.settings import env


def test_flag_reads_common_spellings(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    assert env.flag("X_FLAG", False) is True
    monkeypatch.setenv("X_FLAG", "off")
    assert env.flag("X_FLAG", True) is False


def test_flag_fails_loudly_on_a_typo(monkeypatch):
    monkeypatch.setenv("X_FLAG", "ture")
    with pytest.raises(env.ImproperEnvironment, match="X_FLAG must be true or false"):
        env.flag("X_FLAG", False)


def test_integer_fails_loudly_naming_the_variable(monkeypatch):
    monkeypatch.setenv("X_INT", "five")
    with pytest.raises(env.ImproperEnvironment, match="X_INT must be a whole number"):
        env.integer("X_INT", 1)


def test_word_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("X_LIST", "a.example, b.example,,")
    assert env.word_list("X_LIST", []) == ["a.example", "b.example"]


def test_text_without_default_must_be_set(monkeypatch):
    monkeypatch.delenv("X_TEXT", raising=False)
    with pytest.raises(env.ImproperEnvironment):
        env.text("X_TEXT")


def test_choice_accepts_a_listed_value_in_any_case(monkeypatch):
    monkeypatch.setenv("X_CHOICE", " Database ")
    assert env.choice("X_CHOICE", ("memory", "database"), "memory") == "database"
    monkeypatch.delenv("X_CHOICE")
    assert env.choice("X_CHOICE", ("memory", "database"), "memory") == "memory"


def test_choice_fails_loudly_naming_the_variable_and_the_options(monkeypatch):
    monkeypatch.setenv("X_CHOICE", "redis")
    with pytest.raises(env.ImproperEnvironment,
                       match="X_CHOICE must be one of memory, database, got 'redis'"):
        env.choice("X_CHOICE", ("memory", "database"), "memory")
