from __future__ import annotations

import datetime as dt

from joinedup.ingest.milestones import parse_milestones
from joinedup.ingest.records import Milestone


def test_dated_milestones_one_per_line():
    milestones, doubtful = parse_milestones("31/03/2014: Launch\nMar 2015: Review")
    assert milestones == (Milestone(dt.date(2014, 3, 31), "Launch"),
                          Milestone(dt.date(2015, 3, 31), "Review"))
    assert doubtful == []


def test_semicolon_separated_milestones_without_dates():
    milestones, _ = parse_milestones("Recruit staff; Open clinic")
    assert milestones == (Milestone(None, "Recruit staff"), Milestone(None, "Open clinic"))


def test_milestone_with_impossible_date_is_kept_as_text_and_flagged():
    milestones, doubtful = parse_milestones("31/13/2015: Launch")
    assert milestones == (Milestone(None, "31/13/2015: Launch"),)
    assert doubtful == ["31/13/2015: Launch"]
