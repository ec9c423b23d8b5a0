"""The TimelineJS3 writer: structure TimelineJS 3.9.11 accepts (see shared/docs/timelinejs.md), labels, escaping."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from timeline import writers
from timeline.errors import WriterError
from timeline.model import Document, Event, EventKind, Granularity, Mention, Source, Timeline, TimeSpan, TimexType
from timeline.writers import timelinejs

DOC = "anting"
SENTENCE = ("The second World Metaverse Conference was held in Anting Town of Jiading District on "
            "September 20-22, with a white paper released, mapping out the target of an industry scale of "
            "100 billion yuan (US$13.7 billion) by 2025.")
HOSTILE = 'Talks on "XR" <b>space</b> & <script>alert(1)</script> computing'


def days(first: dt.date, last: dt.date | None = None) -> TimeSpan:
    """Whole days ``first``..``last`` (inclusive), as the model holds them (half-open)."""
    last = last or first
    return TimeSpan(first, last + dt.timedelta(days=1), Granularity.DAY, first.isoformat())


def unit(start: dt.date, end: dt.date, granularity: Granularity, timex: str) -> TimeSpan:
    """A coarse span ``start``..``end`` (exclusive)."""
    return TimeSpan(start, end, granularity, timex)


def ev(kind: EventKind, title: str, span: TimeSpan | None, *, where: str | None = None, quote: str = SENTENCE,
       mentions: tuple[Mention, ...] = ()) -> Event:
    """An event with a readable id (kind-title) and one quoted source."""
    return Event(f"{kind.value}-{title[:12].lower().replace(' ', '-')}", title, kind,
                 span.timex if span else "PAST_REF", span, location=where,
                 sources=(Source(DOC, quote, 0, len(quote)),), mentions=mentions)


CONFERENCE = ev(EventKind.OCCURRENCE, "Second World Metaverse Conference",
                days(dt.date(2023, 9, 20), dt.date(2023, 9, 22)), where="Anting Town")
PUBLISHED = ev(EventKind.PUBLICATION, "White paper released", days(dt.date(2023, 9, 22)))
DEADLINE = ev(EventKind.DEADLINE, "Industry scale of 100 billion yuan",
              unit(dt.date(2025, 1, 1), dt.date(2026, 1, 1), Granularity.YEAR, "2025"), where="Anting Town")
VAGUE = ev(EventKind.VAGUE, "Jiading promotes green development", None, where="Jiading",
           quote="Jiading has been promoting green development in recent years.",
           mentions=(Mention("in recent years", 43, 58, "en.vague.recent", TimexType.DATE, "PAST_REF"),))
HOSTILE_EVENT = ev(EventKind.SCHEDULED, HOSTILE,
                   unit(dt.date(2023, 10, 1), dt.date(2023, 11, 1), Granularity.MONTH, "2023-10"),
                   where="Hall <3> & 'East'", quote='He said: "<i>soon</i>" & left.')


def sample() -> Timeline:
    """A timeline like the seed article gives: a range, a publication, a deadline, a vague and a hostile event."""
    doc = Document(DOC, SENTENCE, dt.date(2023, 9, 22), title="Conference <held> in Anting",
                   url="https://example.org/a?x=1&y=2")
    return Timeline("Anting & the metaverse", (doc,), (CONFERENCE, PUBLISHED, DEADLINE, VAGUE, HOSTILE_EVENT))


def load(timeline: Timeline) -> dict:
    """Render ``timeline`` and parse the JSON back."""
    return json.loads(timelinejs.render(timeline).decode("utf-8"))


def slide_of(data: dict, event: Event) -> dict:
    """The slide whose unique_id is ``event.id`` (exactly one)."""
    found = [s for s in data["events"] if s["unique_id"] == event.id]
    assert len(found) == 1, [s["unique_id"] for s in data["events"]]
    return found[0]


def test_title_is_a_slide_object_named_after_the_timeline():
    title = load(sample())["title"]
    assert isinstance(title, dict)
    assert title["text"]["headline"] == "Anting &amp; the metaverse"
    assert "start_date" not in title


def test_one_slide_per_dated_event_and_vague_events_listed_on_the_title_slide():
    data = load(sample())
    assert len(data["events"]) == 4
    assert VAGUE.id not in {s["unique_id"] for s in data["events"]}
    text = data["title"]["text"]["text"]
    assert "Without a date" in text and "Jiading promotes green development" in text
    assert "in recent years" in text
    assert text.startswith("<p>4 dated events from 1 article.</p>")


def test_every_date_part_is_an_int_and_every_slide_has_a_start_date():
    for slide in load(sample())["events"]:
        assert "start_date" in slide
        for key in ("start_date", "end_date"):
            for part, value in slide.get(key, {}).items():
                assert type(value) is int, (slide["unique_id"], key, part, value)
            if "month" in slide.get(key, {}):
                assert 1 <= slide[key]["month"] <= 12


def test_conference_range_has_its_label_and_ends_the_day_after_its_last_day():
    slide = slide_of(load(sample()), CONFERENCE)
    assert slide["start_date"] == {"year": 2023, "month": 9, "day": 20}
    assert slide["end_date"] == {"year": 2023, "month": 9, "day": 23}
    assert slide["display_date"] == "20-22 September 2023"
    assert slide["group"] == "Happened"
    assert slide["text"]["headline"] == "Second World Metaverse Conference"
    assert '<p class="where">Anting Town</p>' in slide["text"]["text"]


def test_single_day_is_a_point():
    slide = slide_of(load(sample()), PUBLISHED)
    assert slide["start_date"] == {"year": 2023, "month": 9, "day": 22}
    assert "end_date" not in slide
    assert slide["display_date"] == "22 September 2023"
    assert slide["group"] == "Publication"


def test_deadline_is_visible_as_one():
    slide = slide_of(load(sample()), DEADLINE)
    assert slide["text"]["headline"] == "Deadline: Industry scale of 100 billion yuan"
    assert slide["group"] == "Deadlines"
    assert slide["display_date"] == "By 2025"
    assert slide["start_date"] == {"year": 2025}
    assert "end_date" not in slide


@pytest.mark.parametrize("title, expected", [
    ("Industry scale of 100 billion yuan", "Deadline: Industry scale of 100 billion yuan"),
    ("Target: industry scale of 100 billion yuan", "Target: industry scale of 100 billion yuan"),
    ("Deadline: filings", "Deadline: filings"),
    ("Targeted ads banned", "Deadline: Targeted ads banned"),
])
def test_deadline_headline_is_prefixed_once(title, expected):
    assert timelinejs.headline(replace(DEADLINE, title=title)) == expected
    assert timelinejs.headline(replace(CONFERENCE, title=title)) == title


def test_group_per_kind():
    groups = {s["unique_id"]: s["group"] for s in load(sample())["events"]}
    assert groups == {CONFERENCE.id: "Happened", PUBLISHED.id: "Publication", DEADLINE.id: "Deadlines",
                      HOSTILE_EVENT.id: "Scheduled"}
    assert set(timelinejs.GROUPS) == set(EventKind)


def test_text_from_articles_is_html_escaped():
    data = load(sample())
    slide = slide_of(data, HOSTILE_EVENT)
    assert slide["text"]["headline"] == (
        "Talks on &quot;XR&quot; &lt;b&gt;space&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; computing")
    body = slide["text"]["text"]
    assert "<i>" not in body and "&lt;i&gt;soon&lt;/i&gt;" in body
    assert "Hall &lt;3&gt; &amp; &#x27;East&#x27;" in body
    assert '<a href="https://example.org/a?x=1&amp;y=2"><cite>Conference &lt;held&gt; in Anting</cite></a>' in body
    assert "22 September 2023" in body
    raw = timelinejs.render(sample()).decode("utf-8")
    assert "<script" not in raw and "<b>" not in raw


def test_slides_are_chronological_and_output_is_deterministic():
    timeline = sample()
    first = timelinejs.render(timeline)
    assert first == timelinejs.render(timeline)
    shuffled = replace(timeline, events=tuple(reversed(timeline.events)))
    assert timelinejs.render(shuffled) == first
    ids = [s["unique_id"] for s in load(timeline)["events"]]
    assert ids == [CONFERENCE.id, PUBLISHED.id, HOSTILE_EVENT.id, DEADLINE.id]
    assert first.endswith(b"}\n")


def test_registry_renders_this_module_to_a_timelinejs_json_file():
    assert writers.render(sample(), "timelinejs") == timelinejs.render(sample())
    assert writers.output_name("anting", "timelinejs") == "anting.timelinejs.json"


def test_a_timeline_without_dated_events_is_an_error_not_a_file_timelinejs_refuses():
    with pytest.raises(WriterError, match="no dated event"):
        timelinejs.render(Timeline("Empty"))
    with pytest.raises(WriterError, match="Only vague: no dated event"):
        timelinejs.render(Timeline("Only vague", events=(VAGUE,)))


SHANGHAI = ZoneInfo("Asia/Shanghai")
SPANS = [
    # (span, start parts, end parts or None, display_date)
    (unit(dt.date(2023, 9, 1), dt.date(2023, 10, 1), Granularity.MONTH, "2023-09"),
     {"year": 2023, "month": 9}, None, "September 2023"),
    (unit(dt.date(2023, 9, 1), dt.date(2023, 12, 1), Granularity.MONTH, "2023-09/2023-11"),
     {"year": 2023, "month": 9}, {"year": 2023, "month": 12}, "September-November 2023"),
    (unit(dt.date(2019, 1, 1), dt.date(2022, 1, 1), Granularity.YEAR, "2019/2021"),
     {"year": 2019}, {"year": 2022}, "2019-2021"),
    (unit(dt.date(2023, 7, 1), dt.date(2023, 10, 1), Granularity.QUARTER, "2023-Q3"),
     {"year": 2023, "month": 7}, None, "Q3 2023"),
    (unit(dt.date(2023, 9, 18), dt.date(2023, 9, 25), Granularity.WEEK, "2023-W38"),
     {"year": 2023, "month": 9, "day": 18}, None, "Week 38, 2023"),
    (unit(dt.date(2020, 1, 1), dt.date(2030, 1, 1), Granularity.DECADE, "202"), {"year": 2020}, None, "2020s"),
    (TimeSpan(dt.datetime(2023, 9, 22, 15, 0, tzinfo=SHANGHAI), dt.datetime(2023, 9, 22, 17, 0, tzinfo=SHANGHAI),
              Granularity.TIME, "2023-09-22T15:00", tz="Asia/Shanghai"),
     {"year": 2023, "month": 9, "day": 22, "hour": 15, "minute": 0},
     {"year": 2023, "month": 9, "day": 22, "hour": 17, "minute": 0},
     "22 September 2023, 15:00-17:00 (Asia/Shanghai)"),
    (TimeSpan(dt.datetime(2023, 10, 2, 9, 30), dt.datetime(2023, 10, 2, 9, 31), Granularity.TIME, "2023-10-02T09:30"),
     {"year": 2023, "month": 10, "day": 2, "hour": 9, "minute": 30}, None, "2 October 2023, 09:30"),
]


@pytest.mark.parametrize("span, start, end, label", SPANS, ids=[s[0].timex + "-" + s[0].granularity.value for s in SPANS])
def test_date_parts_follow_the_granularity(span, start, end, label):
    slide = timelinejs.event_slide(ev(EventKind.OCCURRENCE, "Something", span))
    assert slide["start_date"] == start
    assert slide.get("end_date") == end
    assert slide["display_date"] == label
