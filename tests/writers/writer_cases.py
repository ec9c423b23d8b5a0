"""The timelines the writer tests render (imported by conftest.py and the tests)."""
from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from timeline.model import (
    Document,
    Event,
    EventKind,
    Granularity,
    Mention,
    Source,
    TimeSpan,
    TimexType,
    Timeline,
)

DOC_ID = "world-metaverse-conference-anting"
DOC2_ID = "closing-ceremony-notice"

CONFERENCE_SENTENCE = (
    "The second World Metaverse Conference was held in Anting Town of Jiading District on September 20-22, "
    "with a white paper on Anting Town’s auto metaverse industry development blueprint released, mapping out "
    "the target of an industry scale of 100 billion yuan (US$13.7 billion) by 2025."
)
VAGUE_SENTENCE = (
    "Metaverse development in Jiading, which has been promoting the intelligent, green and integrated "
    "development of its industries in recent years, has been put on the fast track."
)
# A title with everything that needs escaping somewhere: iCalendar TEXT (, ; \ newline), CSV (, " newline),
# Markdown (* _ [ ] # ` < > |) and non-ASCII, including CJK (3 bytes a character in UTF-8).
TRICKY_TITLE = 'Zürich — 東京: "A, B; C\\D" *launch* _beta_ [v2] #1 <b>\nsecond line'
# Long enough that every iCalendar line holding it must be folded, and multi-byte so that a naive fold
# at 75 octets would split a character.
LONG_DESCRIPTION = "会议在安亭镇举行，发布元宇宙产业白皮书。" * 6 + " Ünïcödé ✓ " * 5


def event_id(kind: EventKind, timex: str, title: str) -> str:
    """A stable id the way the event layer makes them: a hash of what the event is."""
    return hashlib.sha1(f"{kind.value}|{timex}|{title.casefold()}".encode()).hexdigest()[:16]


def day_span(start: dt.date, last: dt.date | None = None) -> TimeSpan:
    last = last or start
    timex = start.isoformat() if last == start else f"{start.isoformat()}/{last.isoformat()}"
    return TimeSpan(start, last + dt.timedelta(days=1), Granularity.DAY, timex)


def make_event(kind, title, timex, span, sentence="", doc=DOC_ID, **kw) -> Event:
    sources = kw.pop("sources", None)
    if sources is None and sentence:
        sources = (Source(doc, sentence, 0, len(sentence)),)
    return Event(event_id(kind, timex, title), title, kind, timex, span, sources=sources or (), **kw)


def sample_timeline() -> Timeline:
    """A timeline like the one the seed article gives, plus a timed event and a hostile title."""
    shanghai = ZoneInfo("Asia/Shanghai")
    docs = (
        Document(
            DOC_ID,
            CONFERENCE_SENTENCE + "\n\n" + VAGUE_SENTENCE,
            dt.date(2023, 9, 22),
            title="World Metaverse Conference held in Anting",
            source="seeds/world-metaverse-conference-anting.txt",
        ),
        Document(
            DOC2_ID,
            "The closing ceremony starts at 3 p.m. on Friday.",
            dt.date(2023, 9, 21),
            title="Closing ceremony notice",
            source="https://example.org/closing",
            url="https://example.org/closing",
        ),
    )
    m_sept20 = Mention("September 20", 110, 122, "en.date.month_day", TimexType.DATE, "2023-09-20",
                       day_span(dt.date(2023, 9, 20)))
    m_22 = Mention("22", 123, 125, "en.date.day_after_range", TimexType.DATE, "2023-09-22", day_span(dt.date(2023, 9, 22)))
    m_2025 = Mention("2025", 245, 249, "en.date.year", TimexType.DATE, "2025",
                     TimeSpan(dt.date(2025, 1, 1), dt.date(2026, 1, 1), Granularity.YEAR, "2025"))
    m_recent = Mention("in recent years", 97, 112, "en.vague.recent_years", TimexType.DATE, "PAST_REF")
    timed = TimeSpan(
        dt.datetime(2023, 9, 22, 15, 0, tzinfo=shanghai),
        dt.datetime(2023, 9, 22, 17, 0, tzinfo=shanghai),
        Granularity.TIME,
        "2023-09-22T15:00",
        tz="Asia/Shanghai",
    )
    events = (
        make_event(
            EventKind.OCCURRENCE, "Second World Metaverse Conference", "2023-09-20/2023-09-22",
            day_span(dt.date(2023, 9, 20), dt.date(2023, 9, 22)), CONFERENCE_SENTENCE,
            location="Anting Town, Jiading District", confidence=0.95, mentions=(m_sept20, m_22),
        ),
        make_event(
            EventKind.PUBLICATION, "World Metaverse Conference held in Anting", "2023-09-22",
            day_span(dt.date(2023, 9, 22)), CONFERENCE_SENTENCE,
        ),
        make_event(
            EventKind.DEADLINE, "Industry scale of 100 billion yuan (US$13.7 billion)", "2025",
            m_2025.span, CONFERENCE_SENTENCE, location="Anting Town", confidence=0.8, mentions=(m_2025,),
        ),
        make_event(
            EventKind.VAGUE, "Jiading promotes intelligent, green and integrated development", "PAST_REF",
            None, VAGUE_SENTENCE, location="Jiading", confidence=0.5, mentions=(m_recent,),
        ),
        make_event(
            EventKind.SCHEDULED, "Closing ceremony", "2023-09-22T15:00", timed,
            "The closing ceremony starts at 3 p.m. on Friday.", doc=DOC2_ID, location="Anting Town",
            confidence=0.9,
        ),
        make_event(
            EventKind.SCHEDULED, TRICKY_TITLE, "2023-09", TimeSpan(dt.date(2023, 9, 1), dt.date(2023, 10, 1),
                                                                    Granularity.MONTH, "2023-09"),
            location="Zürich; Halle 3, \\ Tor 東", description=LONG_DESCRIPTION, confidence=0.6,
            sources=(
                Source(DOC_ID, "A quote, with; \"marks\" and\na newline *here*", 10, 60),
                Source(DOC2_ID, "Second source — 東京", 0, 12),
            ),
        ),
        make_event(
            EventKind.SCHEDULED, "Launch window without a known zone", "2023-10-02T09:30",
            TimeSpan(dt.datetime(2023, 10, 2, 9, 30), dt.datetime(2023, 10, 2, 9, 31), Granularity.TIME,
                     "2023-10-02T09:30"),
            "The launch window opens at 9:30 a.m. on October 2.", doc=DOC2_ID, confidence=0.7,
        ),
        make_event(
            EventKind.PERIOD, "Metaverse research institute built", "2023-W38",
            TimeSpan(dt.date(2023, 9, 18), dt.date(2023, 9, 25), Granularity.WEEK, "2023-W38"),
            "The institute was built last week.", confidence=0.7,
        ),
    )
    return Timeline(
        "World Metaverse Conference, Anting", docs, events,
        warnings=("world-metaverse-conference-anting: 'at the same time' has no anchor",),
    )


def empty_timeline() -> Timeline:
    """No documents, no events."""
    return Timeline("Empty")


CASES = {"sample": sample_timeline, "empty": empty_timeline}
