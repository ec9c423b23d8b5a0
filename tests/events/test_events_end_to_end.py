"""The short texts of test_events_texts.py, tagged by timeline.extract.tag: the events layer's rules hold on real
taggings too (the tagger's own cases are tested in tests/extract)."""
import datetime as dt

from test_events_texts import BRIEF, NARRATIVE, REPORT
from timeline.events import build_timeline
from timeline.model import Document, EventKind

D = dt.date


def events(text, published):
    timeline = build_timeline((Document("e2e", text, published),), "e2e")
    return {(e.kind, e.timex): e for e in timeline.events}


def test_narrative_end_to_end():
    found = events(NARRATIVE, D(2023, 10, 5))
    assert found[(EventKind.OCCURRENCE, "2023-09-22")].location == "Croydon"
    assert found[(EventKind.OCCURRENCE, "2023-09-23")].title == "Firefighters contained the blaze"
    assert found[(EventKind.OCCURRENCE, "2023-09-30")].title == "Investigators found the cause of the fire"
    assert (EventKind.OCCURRENCE, "2023-10-05") not in found  # the dateline's date is the publication's


def test_report_end_to_end():
    found = events(REPORT, D(2023, 9, 25))
    assert found[(EventKind.OCCURRENCE, "2023-09-22")].title == "City council approved the new transit plan"
    assert found[(EventKind.DEADLINE, "2024-06")].span.last_day == D(2024, 6, 30)
    assert found[(EventKind.PERIOD, "2023-03-01/2023-09-25")]
    festival = found[(EventKind.SCHEDULED, "2024-05-03/2024-05-07")]
    assert festival.location == "Riverside Park" and festival.title.startswith("Annual jazz festival to run")


def test_brief_end_to_end():
    found = events(BRIEF, D(2023, 9, 27))
    assert found[(EventKind.OCCURRENCE, "2023-09-22")].location == "Nairobi"
    assert found[(EventKind.PERIOD, "2020-09-28/2023-09-27")]
    assert found[(EventKind.VAGUE, "FUTURE_REF")].span is None
    assert not any(timex == "2024" for _, timex in found)
