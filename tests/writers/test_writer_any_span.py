"""Every writer on generated spans of any granularity, from year 1 to 9998: no error, valid output."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from zoneinfo import ZoneInfo

import icalendar
import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from timeline.model import EventKind, Granularity, TimeSpan, Timeline
from timeline.schema import timeline_schema
from timeline.writers import csv_table, ics, json_timeline, markdown
from writer_cases import make_event

ZONES = [None, "Asia/Shanghai", "America/New_York", "UTC"]


@st.composite
def spans(draw) -> TimeSpan:
    start = draw(st.dates(min_value=dt.date(1, 1, 2), max_value=dt.date(9998, 1, 1)))
    length = draw(st.integers(min_value=1, max_value=800))
    granularity = draw(st.sampled_from(list(Granularity)))
    if granularity is not Granularity.TIME:
        return TimeSpan(start, start + dt.timedelta(days=length), granularity, "x")
    tz = draw(st.sampled_from(ZONES))
    begin = dt.datetime.combine(start, dt.time(9, 30))
    if tz and draw(st.booleans()):
        begin = begin.replace(tzinfo=ZoneInfo(tz))
    return TimeSpan(begin, begin + dt.timedelta(minutes=length), granularity, "x", tz)


@settings(max_examples=60, deadline=None)
@given(span=spans(), kind=st.sampled_from([k for k in EventKind if k is not EventKind.VAGUE]))
def test_every_writer_accepts_any_span(span, kind):
    timeline = Timeline("t", events=(make_event(kind, "e", "x", span, "s"),))
    data = json.loads(json_timeline.render(timeline))
    jsonschema.Draft202012Validator(timeline_schema()).validate(data)
    (event,) = data["events"]
    if span.granularity is not Granularity.SEASON:  # "2023-SP".."2023-FA" does not sort as text
        assert event["start"] <= event["end"]
    (vevent,) = icalendar.Calendar.from_ical(ics.render(timeline)).walk("VEVENT")
    assert vevent["DTEND"].dt > vevent["DTSTART"].dt
    assert MarkdownIt("commonmark").parse(markdown.render(timeline).decode("utf-8"))
    (row,) = csv.DictReader(io.StringIO(csv_table.render(timeline).decode("utf-8"), newline=""))
    assert (row["start"], row["end"]) == (event["start"], event["end"])
