from __future__ import annotations

from decimal import Decimal

import pytest

from joinedup.ingest.money import Resourcing, parse_money, parse_resourcing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£12k", Decimal(12000)),
        ("£1.2m", Decimal(1200000)),
        ("12,500", Decimal(12500)),
        ("£12,500.50", Decimal("12500.50")),
        ("£0", Decimal(0)),
        ("nil", Decimal(0)),
        ("Nil", Decimal(0)),
        ("£ 3,000", Decimal(3000)),
        (12500.5, Decimal("12500.5")),
        (40, Decimal(40)),
    ],
)
def test_money_amounts_are_read_in_pounds(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["lots", "TBC", "£", "12 people", "1,2,3"])
def test_text_that_is_not_only_money_is_not_an_amount(text):
    assert parse_money(text) is None


def test_resourcing_plain_amount_is_the_amount():
    assert parse_resourcing("£12k") == Resourcing(amount=Decimal(12000))


def test_resourcing_fte_is_staff_time():
    assert parse_resourcing("2 FTE") == Resourcing(staff_time="2 FTE")


def test_resourcing_grant_with_amount_splits_source_and_amount():
    assert parse_resourcing("Public health grant £20k") == Resourcing(
        amount=Decimal(20000), funding_source="Public health grant")


def test_resourcing_amount_and_staff_time_together():
    assert parse_resourcing("£5k from BCF and 0.5 FTE") == Resourcing(
        amount=Decimal(5000), staff_time="0.5 FTE", funding_source="BCF")


def test_resourcing_free_text_is_a_note():
    assert parse_resourcing("Within existing resources") == Resourcing(
        notes="Within existing resources")


@pytest.mark.parametrize("text", ["Within existing resources", "Existing budget", "In-kind",
                                  "Public health grant", "No additional cost", "TBC"])
def test_statements_of_how_an_action_is_resourced_are_not_amounts_gone_wrong(text):
    from joinedup.ingest.money import is_statement_of_means

    assert is_statement_of_means(text)


@pytest.mark.parametrize("text", ["lots", "a fair bit", "see spreadsheet"])
def test_other_free_text_is_not_a_statement_of_means(text):
    from joinedup.ingest.money import is_statement_of_means

    assert not is_statement_of_means(text)
