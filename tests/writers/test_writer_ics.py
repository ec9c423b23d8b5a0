"""The iCalendar writer, point by point against ../shared/docs/ics-checklist.md, and read back by icalendar."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest

from timeline.errors import WriterError
from timeline.model import EventKind, Granularity, TimeSpan, Timeline
from timeline.writers import render as render_format
from timeline.writers.ics import render
from writer_cases import CASES, TRICKY_TITLE, day_span, make_event, sample_timeline

# Property names a VCALENDAR from us may contain (any other line start would be an injected property).
KNOWN = {
    "BEGIN", "END", "VERSION", "PRODID", "METHOD", "NAME", "X-WR-CALNAME", "UID", "SUMMARY", "DTSTART",
    "DTEND", "DTSTAMP", "SEQUENCE", "CATEGORIES", "DESCRIPTION", "LOCATION", "TRANSP", "TZID", "TZNAME",
    "TZOFFSETFROM", "TZOFFSETTO", "RDATE", "RRULE", "COMMENT",
}


def lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def vevents(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def categories(event: icalendar.Event) -> list[str]:
    return [str(c) for c in event["CATEGORIES"].cats]


def by_summary(data: bytes, start: str) -> icalendar.Event:
    found = [e for e in vevents(data) if str(e["SUMMARY"]).startswith(start)]
    assert len(found) == 1, [str(e["SUMMARY"]) for e in vevents(data)]
    return found[0]


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case, golden):
    golden(f"{case}.ics", render(CASES[case]()))


def test_same_input_same_bytes_and_registry():
    assert render(sample_timeline()) == render(sample_timeline())
    assert render_format(sample_timeline(), "ics") == render(sample_timeline())


def test_calendar_properties(sample):
    text = unfolded(render(sample))
    assert text[0] == "BEGIN:VCALENDAR"
    assert set(text[1:7]) >= {
        "VERSION:2.0", "PRODID:-//timeline//timeline news events//EN", "METHOD:PUBLISH",
        "NAME:World Metaverse Conference\\, Anting", "X-WR-CALNAME:World Metaverse Conference\\, Anting",
    }
    for prop in ("VERSION", "PRODID", "METHOD", "NAME", "X-WR-CALNAME"):
        assert sum(line.startswith(prop + ":") for line in text) == 1, prop
    cal = icalendar.Calendar.from_ical(render(sample))
    assert cal["NAME"].to_ical() == b"World Metaverse Conference\\, Anting"
    assert not list(cal.walk("VTODO")) and not list(cal.walk("VALARM"))


def test_calendar_name_cannot_inject_a_property():
    text = unfolded(render(Timeline("Mine;\nMETHOD:REQUEST")))
    assert "NAME:Mine\\;\\nMETHOD:REQUEST" in text
    assert [line for line in text if line.startswith("METHOD")] == ["METHOD:PUBLISH"]


def test_crlf_folding_never_splits_utf8(sample):
    data = render(sample)
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    for line in lines(data):
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold inside a character would make a line undecodable on its own
    assert any(len(line) > 60 and re.search(rb"[\x80-\xff]", line) for line in lines(data))


def test_no_injection_every_line_is_a_known_property(sample):
    for line in unfolded(render(sample)):
        name = re.match(r"[A-Z-]+", line).group(0)
        assert name in KNOWN, line
    summary = [line for line in unfolded(render(sample)) if line.startswith("SUMMARY:Zürich")]
    assert summary == ['SUMMARY:Zürich — 東京: "A\\, B\\; C\\\\D" *launch* _beta_ [v2] #1 <b>\\nsecond line']


def test_icalendar_reads_text_back_exactly(sample):
    event = by_summary(render(sample), "Zürich")
    assert str(event["SUMMARY"]) == TRICKY_TITLE
    assert str(event["LOCATION"]) == "Zürich; Halle 3, \\ Tor 東"
    assert "“A quote, with; \"marks\" and\na newline *here*” (world-metaverse-conference-anting)" in str(
        event["DESCRIPTION"]
    )
    assert "(closing-ceremony-notice)" in str(event["DESCRIPTION"])


def test_every_event_has_required_properties(sample):
    data = render(sample)
    events = vevents(data)
    assert len(events) == 7  # 8 events, the vague one left out
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "CATEGORIES"):
            assert prop in event, prop
        assert event["DTSTAMP"].to_ical() == b"20230922T000000Z"  # latest publication date, UTC
        assert event["SEQUENCE"] == 0
        assert type(event["DTSTART"].dt) is type(event["DTEND"].dt)
        assert event["DTEND"].dt > event["DTSTART"].dt
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert {u.split("@")[0] for u in uids} <= {e.id for e in sample.events}
    assert all(u.endswith("@timeline") for u in uids)


def test_all_day_range_has_exclusive_dtend(sample):
    text = unfolded(render(sample))
    start = text.index("SUMMARY:Second World Metaverse Conference")
    assert text[start + 1 : start + 3] == ["DTSTART;VALUE=DATE:20230920", "DTEND;VALUE=DATE:20230923"]
    event = by_summary(render(sample), "Second World")
    assert str(event["LOCATION"]) == "Anting Town, Jiading District"
    assert categories(event) == ["occurrence"]


def test_deadline_is_all_day_on_the_due_day(sample):
    event = by_summary(render(sample), "Deadline: ")
    assert str(event["SUMMARY"]) == "Deadline: Industry scale of 100 billion yuan (US$13.7 billion)"
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (dt.date(2025, 12, 31), dt.date(2026, 1, 1))
    assert categories(event) == ["deadline"]


def test_deadline_title_saying_target_is_kept():
    span = TimeSpan(dt.date(2025, 1, 1), dt.date(2026, 1, 1), Granularity.YEAR, "2025")
    event = make_event(EventKind.DEADLINE, "Target: 100 billion yuan", "2025", span, "by 2025.")
    data = render(Timeline("t", events=(event,)))
    assert [str(e["SUMMARY"]) for e in vevents(data)] == ["Target: 100 billion yuan"]


def test_vague_and_spanless_events_are_left_out(sample):
    data = render(sample)
    assert b"PAST_REF" not in data and b"Jiading promotes" not in data
    spanless = make_event(EventKind.OCCURRENCE, "Sometime", "XXXX-12-25", None, "on December 25.")
    assert vevents(render(Timeline("t", events=(spanless,)))) == []


def test_timed_event_with_zone_has_tzid_and_vtimezone(sample):
    data = render(sample)
    text = unfolded(data)
    assert "DTSTART;TZID=Asia/Shanghai:20230922T150000" in text
    assert "DTEND;TZID=Asia/Shanghai:20230922T170000" in text
    zones = [str(z["TZID"]) for z in icalendar.Calendar.from_ical(data).walk("VTIMEZONE")]
    assert zones == ["Asia/Shanghai"]
    event = by_summary(data, "Closing ceremony")
    assert event["DTSTART"].dt == dt.datetime(2023, 9, 22, 7, tzinfo=dt.timezone.utc)


def timed(start, end, tz=None):
    span = TimeSpan(start, end, Granularity.TIME, start.strftime("%Y-%m-%dT%H:%M"), tz)
    return render(Timeline("t", events=(make_event(EventKind.SCHEDULED, "Talk", span.timex, span, "x"),)))


def test_naive_time_with_named_zone_gets_tzid():
    text = unfolded(timed(dt.datetime(2023, 9, 22, 15), dt.datetime(2023, 9, 22, 16), "Europe/Zurich"))
    assert "DTSTART;TZID=Europe/Zurich:20230922T150000" in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Zurich" in text


def test_fixed_offset_time_is_written_in_utc():
    plus8 = dt.timezone(dt.timedelta(hours=8))
    text = unfolded(timed(dt.datetime(2023, 9, 22, 15, tzinfo=plus8), dt.datetime(2023, 9, 22, 16, tzinfo=plus8)))
    assert "DTSTART:20230922T070000Z" in text and "DTEND:20230922T080000Z" in text
    assert "BEGIN:VTIMEZONE" not in text


@pytest.mark.parametrize("tz", [None, "Not/AZone"])
def test_time_without_known_zone_is_all_day_never_floating(tz):
    text = unfolded(timed(dt.datetime(2023, 10, 2, 9, 30), dt.datetime(2023, 10, 2, 9, 31), tz))
    assert "DTSTART;VALUE=DATE:20231002" in text and "DTEND;VALUE=DATE:20231003" in text
    assert not any(re.match(r"DT(START|END).*:\d{8}T\d{6}$", line) for line in text)


def test_dtstamp_comes_from_the_data_not_the_clock():
    event = make_event(EventKind.OCCURRENCE, "x", "2023-09-22", day_span(dt.date(2023, 9, 22)), "x")
    text = unfolded(render(Timeline("t", events=(event,))))
    assert "DTSTAMP:19700101T000000Z" in text  # no document: a fixed stamp, never now


def test_empty_timeline_is_a_valid_calendar():
    cal = icalendar.Calendar.from_ical(render(Timeline("Empty")))
    assert str(cal["METHOD"]) == "PUBLISH" and list(cal.walk("VEVENT")) == []


# ---- updates: render(timeline, previous=...) keeps UIDs and raises SEQUENCE on change ------------------


def replace_event(timeline: Timeline, title_start: str, **changes) -> Timeline:
    events = tuple(
        dataclasses.replace(e, **changes) if e.title.startswith(title_start) else e for e in timeline.events
    )
    return dataclasses.replace(timeline, events=events)


def sequences(data: bytes) -> dict[str, int]:
    return {str(e["SUMMARY"]): int(e["SEQUENCE"]) for e in vevents(data)}


def test_previous_unchanged_gives_the_same_bytes(sample):
    first = render(sample)
    assert render(sample, previous=first) == first


def test_previous_changed_event_keeps_uid_and_bumps_sequence(sample):
    first = render(sample)
    changed = replace_event(sample, "Second World", location="Anting, Shanghai")
    second = render(changed, previous=first)
    seq = sequences(second)
    assert seq.pop("Second World Metaverse Conference") == 1
    assert set(seq.values()) == {0}
    uids = lambda data: sorted(str(e["UID"]) for e in vevents(data))  # noqa: E731
    assert uids(second) == uids(first)
    # importing the same update again changes nothing; a further change goes to 2
    assert render(changed, previous=second) == second
    third = render(replace_event(changed, "Second World", location="Anting"), previous=second)
    assert sequences(third)["Second World Metaverse Conference"] == 2


def test_previous_event_whose_id_changed_is_matched_by_summary(sample):
    first = render(sample)
    old = by_summary(first, "Second World")
    moved = replace_event(sample, "Second World", id="0123456789abcdef",
                          span=day_span(dt.date(2023, 9, 21), dt.date(2023, 9, 23)))
    event = by_summary(render(moved, previous=first), "Second World")
    assert str(event["UID"]) == str(old["UID"])
    assert event["SEQUENCE"] == 1
    assert event["DTSTART"].dt == dt.date(2023, 9, 21)


def test_previous_that_is_not_icalendar_is_a_writer_error(sample):
    with pytest.raises(WriterError):
        render(sample, previous=b"not a calendar")


def test_zoneinfo_not_pytz(sample):
    for event in vevents(render(sample)):
        value = event["DTSTART"].dt
        if isinstance(value, dt.datetime):
            assert isinstance(value.tzinfo, ZoneInfo)


def test_description_that_is_the_quote_is_not_repeated():
    quote = "The Meta Baylism was unveiled at the same time."
    event = make_event(EventKind.OCCURRENCE, "Unveiled", "2023-09-22", day_span(dt.date(2023, 9, 22)), quote,
                       description=quote)
    (vevent,) = vevents(render(Timeline("t", events=(event,))))
    assert str(vevent["DESCRIPTION"]).count("Meta Baylism") == 1


def test_repeated_event_ids_still_get_unique_uids():
    first = make_event(EventKind.OCCURRENCE, "One", "2023-09-22", day_span(dt.date(2023, 9, 22)), "x")
    second = dataclasses.replace(first, title="Two", span=day_span(dt.date(2023, 9, 23)))
    uids = [str(e["UID"]) for e in vevents(render(Timeline("t", events=(second, first))))]
    assert uids == [f"{first.id}@timeline", f"{first.id}-2@timeline"]
