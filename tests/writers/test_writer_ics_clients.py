"""Our .ics read by real clients: ical.js and node-ical (tests/clients/read_ics.mjs), and icalendar.

Without node or node_modules these tests skip; with TIMELINE_REQUIRE_CLIENTS=1 (CI) they fail instead.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from timeline.model import EventKind, Granularity, TimeSpan, Timeline
from timeline.writers.ics import render
from writer_cases import TRICKY_TITLE, make_event, sample_timeline

CLIENTS = ("icaljs", "nodeical")


@pytest.fixture(scope="module")
def expected():
    """What every client must read back from the sample export, by UID."""
    timeline = sample_timeline()
    out = {}
    for event in timeline.events:
        if event.kind is EventKind.VAGUE:
            continue
        out[f"{event.id}@timeline"] = event
    return out


@pytest.fixture
def report(read_ics_with_clients):
    return read_ics_with_clients(render(sample_timeline()))


@pytest.mark.parametrize("client", CLIENTS)
def test_client_reads_without_errors_or_warnings(report, client):
    assert report[client]["error"] is None
    assert report[client]["warnings"] == []


@pytest.mark.parametrize("client", CLIENTS)
def test_client_reads_every_event_once(report, client, expected):
    uids = [e["uid"] for e in report[client]["events"]]
    assert len(uids) == len(set(uids)) == len(expected) == 7
    assert set(uids) == set(expected)


@pytest.mark.parametrize("client", CLIENTS)
def test_client_reads_three_day_conference(report, client):
    (event,) = [e for e in report[client]["events"] if e["summary"] == "Second World Metaverse Conference"]
    assert event["allDay"] is True
    assert (event["start"], event["end"]) == ("2023-09-20", "2023-09-23")
    assert event["location"] == "Anting Town, Jiading District"


@pytest.mark.parametrize("client", CLIENTS)
def test_client_decodes_text_exactly(report, client, expected):
    for event in report[client]["events"]:
        source = expected[event["uid"]]
        title = source.title if source.kind is not EventKind.DEADLINE else "Deadline: " + source.title
        assert event["summary"] == title
        assert event["location"] == source.location
        assert event["categories"] == [source.kind.value]
        assert event["sequence"] == 0
        assert "\ufffd" not in event["description"]
    (tricky,) = [e for e in report[client]["events"] if e["summary"] == TRICKY_TITLE]
    assert tricky["location"] == "Zürich; Halle 3, \\ Tor 東"
    assert "“A quote, with; \"marks\" and\na newline *here*” (world-metaverse-conference-anting)" in tricky[
        "description"
    ]


@pytest.mark.parametrize("client", CLIENTS)
def test_client_reads_calendar_name_and_method(report, client):
    assert report[client]["calendar"]["x-wr-calname"] == "World Metaverse Conference, Anting"
    assert report[client]["calendar"]["method"] == "PUBLISH"


@pytest.mark.parametrize("client", CLIENTS)
def test_client_reads_zoned_time_and_all_day_fallback(report, client):
    events = {e["summary"]: e for e in report[client]["events"]}
    closing = events["Closing ceremony"]
    assert closing["allDay"] is False and closing["tzid"] == "Asia/Shanghai"
    assert (closing["startUtc"], closing["endUtc"]) == ("2023-09-22T07:00:00.000Z", "2023-09-22T09:00:00.000Z")
    launch = events["Launch window without a known zone"]
    assert launch["allDay"] is True and (launch["start"], launch["end"]) == ("2023-10-02", "2023-10-03")
    deadline = events["Deadline: Industry scale of 100 billion yuan (US$13.7 billion)"]
    assert (deadline["start"], deadline["end"]) == ("2025-12-31", "2026-01-01")


def test_clients_see_updates_as_updates(read_ics_with_clients):
    timeline = sample_timeline()
    first = render(timeline)
    events = tuple(
        dataclasses.replace(e, location="Anting") if e.title.startswith("Second World") else e for e in timeline.events
    )
    second = render(dataclasses.replace(timeline, events=events), previous=first)
    before, after = read_ics_with_clients(first), read_ics_with_clients(second)
    for client in CLIENTS:
        old = {e["uid"]: e for e in before[client]["events"]}
        new = {e["uid"]: e for e in after[client]["events"]}
        assert old.keys() == new.keys()
        changed = [uid for uid in new if new[uid]["sequence"] != old[uid]["sequence"]]
        assert [new[uid]["summary"] for uid in changed] == ["Second World Metaverse Conference"]
        assert new[changed[0]]["sequence"] == 1


def test_icalendar_parses_its_own_strict_reading():
    data = render(sample_timeline())
    cal = icalendar.Calendar.from_ical(data)
    assert not cal.errors
    for component in cal.walk():
        assert not component.errors, (component.name, component.errors)
    assert len(list(cal.walk("VEVENT"))) == 7


def test_empty_calendar_reads(read_ics_with_clients):
    report = read_ics_with_clients(render(Timeline("Empty")))
    for client in CLIENTS:
        assert report[client]["error"] is None and report[client]["events"] == []


def test_clients_apply_daylight_saving_from_the_vtimezone(read_ics_with_clients):
    new_york = ZoneInfo("America/New_York")
    events = []
    for year, month, title in ((2023, 7, "Summer talk"), (2023, 12, "Winter talk"), (2045, 7, "Talk in 2045")):
        start = dt.datetime(year, month, 5, 9, 0, tzinfo=new_york)
        span = TimeSpan(start, start + dt.timedelta(hours=1), Granularity.TIME, start.strftime("%Y-%m-%dT%H:%M"),
                        "America/New_York")
        events.append(make_event(EventKind.SCHEDULED, title, span.timex, span, "x"))
    report = read_ics_with_clients(render(Timeline("t", events=tuple(events))))
    for client in CLIENTS:
        assert report[client]["warnings"] == []
        utc = {e["summary"]: e["startUtc"] for e in report[client]["events"]}
        assert utc == {
            "Summer talk": "2023-07-05T13:00:00.000Z",
            "Winter talk": "2023-12-05T14:00:00.000Z",
            "Talk in 2045": "2045-07-05T13:00:00.000Z",  # past icalendar's default 2038 zone range
        }


def test_seed_article_export_reads_cleanly(read_ics_with_clients):
    """The whole pipeline on the seed article: what clients read matches what the events say."""
    from pathlib import Path

    from timeline import api
    from timeline.readers import read_inputs

    seed = Path(__file__).parents[2] / "seeds" / "world-metaverse-conference-anting.txt"
    documents = [d for d in read_inputs([str(seed)]) if not isinstance(d, Exception)]
    timeline = api.build_timeline(documents, "seed")
    on_calendar = [e for e in timeline.events if e.kind is not EventKind.VAGUE and e.span is not None]
    report = read_ics_with_clients(api.render(timeline, "ics"))
    for client in CLIENTS:
        assert report[client]["error"] is None and report[client]["warnings"] == []
        uids = [e["uid"] for e in report[client]["events"]]
        assert sorted(uids) == sorted(f"{e.id}@timeline" for e in on_calendar)
        assert "Second World Metaverse Conference" in " ".join(e["summary"] for e in report[client]["events"])
    conference = [e for e in report["icaljs"]["events"] if "World Metaverse Conference" in e["summary"]]
    assert any((e["start"], e["end"]) == ("2023-09-20", "2023-09-23") for e in conference)
