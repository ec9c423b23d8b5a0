"""The sample article (seeds/), read by the reader and tagged by hand: the events it must give."""
import datetime as dt
from pathlib import Path

import pytest

from events_helpers import joined, mention, tagging
from timeline.events import build_timeline, events_from_taggings
from timeline.model import Document, EventKind

SAMPLE = Path(__file__).parents[2] / "seeds" / "world-metaverse-conference-anting.txt"


def read_sample() -> Document:
    from timeline.readers import read_inputs

    (doc,) = list(read_inputs([str(SAMPLE)]))
    assert isinstance(doc, Document), doc
    return doc


def sample_tagging(text):
    """What a TIMEX3 tagger marks in the sample (TempEval-3 conventions: "September 20"-"22" as two)."""
    return tagging(
        joined(mention(text, "September 20", "2023-09-20"), mention(text, "22", "2023-09-22")),
        mention(text, "2025", "2025"),
        mention(text, "in recent years", "PAST_REF"),
        mention(text, "three-day", "P3D"),
    )


@pytest.fixture(scope="module", params=["hand-tagged", "tagger"])
def timeline(request):
    """The sample's timeline from a hand-built tagging, and end to end through timeline.extract.tag."""
    doc = read_sample()
    if request.param == "tagger":
        return build_timeline((doc,), "sample")
    return events_from_taggings((doc,), (sample_tagging(doc.text),), "sample")


def by_kind(timeline, kind):
    return [e for e in timeline.events if e.kind == kind]


def test_reader_gives_headline_and_date():
    doc = read_sample()
    assert doc.published == dt.date(2023, 9, 22)
    assert doc.title and doc.title.startswith("The conference released")


def test_conference_is_one_all_day_event_in_anting(timeline):
    conference = [e for e in timeline.events if "Conference" in e.title]
    assert len(conference) == 1
    (event,) = conference
    assert event.kind == EventKind.OCCURRENCE
    assert event.span.first_day == dt.date(2023, 9, 20) and event.span.last_day == dt.date(2023, 9, 22)
    assert not event.span.is_timed
    assert event.title == "Second World Metaverse Conference held in Anting Town"
    assert event.location.startswith("Anting Town") and "Jiading District" in event.location


def test_three_day_event_merges_into_the_conference(timeline):
    (event,) = [e for e in timeline.events if "Conference" in e.title]
    assert any(m.text.endswith("three-day") and m.value == "P3D" for m in event.mentions)
    assert any(s.quote.startswith("The three-day event brought together") for s in event.sources)
    assert not any("brought together" in e.title for e in timeline.events)


def test_publication(timeline):
    (pub,) = by_kind(timeline, EventKind.PUBLICATION)
    assert pub.span.first_day == dt.date(2023, 9, 22) == pub.span.last_day
    assert pub.title == read_sample().title.rstrip(".")


def test_target_is_a_deadline_due_end_of_2025(timeline):
    (deadline,) = by_kind(timeline, EventKind.DEADLINE)
    assert deadline.timex == "2025"
    assert deadline.span.last_day == dt.date(2025, 12, 31)
    assert deadline.title == "Target: auto metaverse industry scale of 100 billion yuan"  # the title


@pytest.mark.parametrize("words", ["Meta Baylism unveiled", "White paper"])
def test_same_time_happenings_sit_on_the_conference_dates(timeline, words):
    (event,) = [e for e in timeline.events if e.title.startswith(words)]
    assert (event.span.first_day, event.span.last_day) == (dt.date(2023, 9, 20), dt.date(2023, 9, 22))
    conference = next(e for e in timeline.events if "Conference" in e.title)
    assert event.confidence < conference.confidence


def test_recent_years_is_only_vague(timeline):
    vague = by_kind(timeline, EventKind.VAGUE)
    assert [e.timex for e in vague] == ["PAST_REF"]
    assert vague[0].span is None
    assert all(e.span is not None for e in timeline.events if e.kind != EventKind.VAGUE)


def test_no_title_is_a_long_sentence_or_ends_in_punctuation(timeline):
    for e in timeline.events:
        if e.kind == EventKind.PUBLICATION:
            continue
        assert len(e.title.split()) <= 14, e.title
        assert e.title[0].isupper() and e.title[-1].isalnum(), e.title
