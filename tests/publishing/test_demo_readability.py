"""On the demo plan, the generated text of the public page reads at age 12 or under.

Flesch-Kincaid grade is a US school grade; a UK reading age is about grade + 5,
so grade 7 or below is a reading age of 12 or under.
"""

from __future__ import annotations

import pytest
import textstat

from joinedup.demo_loader import load_demo
from joinedup.partners.models import Partnership
from joinedup.publishing.demo import publish_demo
from joinedup.publishing.summary import INTRO, summary_sentences

MAX_GRADE = 7  # reading age 12 = US grade 12 - 5


@pytest.fixture
def demo_snapshot(db):
    load_demo()
    return publish_demo(Partnership.objects.get())


def test_demo_is_published_as_version_one_with_its_actions(demo_snapshot):
    assert demo_snapshot.version == 1 and demo_snapshot.is_published
    assert len(demo_snapshot.content["actions"]) > 10


def test_publishing_the_demo_twice_keeps_one_version(demo_snapshot):
    assert publish_demo(demo_snapshot.partnership).pk == demo_snapshot.pk


def test_demo_summary_reads_at_age_twelve_or_under(demo_snapshot):
    text = " ".join(summary_sentences(demo_snapshot.content))
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, text


def test_page_introduction_reads_at_age_twelve_or_under():
    assert textstat.flesch_kincaid_grade(INTRO) <= MAX_GRADE


def test_demo_plan_and_json_are_live(client, demo_snapshot):
    assert client.get("/plan/").status_code == 200
    assert client.get("/published/latest.json").json()["version"] == 1
