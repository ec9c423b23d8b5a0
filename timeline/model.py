"""The immutable data model shared by every layer: spans of time, mentions, events, timelines.

Conventions:
- Inside the model, spans are half-open: ``TimeSpan.end`` is exclusive, as iCalendar's DTEND is.
  Writers that show dates to people (JSON, Markdown) convert to the inclusive last day at their edge.
- Values follow TimeML TIMEX3 (see ``docs/`` and ``../shared/docs/timex3.md``).
- Nothing here is ever filled in from today's date: every span comes from the text and its anchor.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

_new_object = object.__new__


class Granularity(str, Enum):
    """How precisely a span is known: what the text states, never finer."""

    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class TimexType(str, Enum):
    """The four TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class EventKind(str, Enum):
    """What an event is, decided from grammar (tense, prepositions)."""

    PUBLICATION = "publication"  # the article itself
    OCCURRENCE = "occurrence"  # happened
    SCHEDULED = "scheduled"  # will happen
    DEADLINE = "deadline"  # a target "by" a time
    PERIOD = "period"  # a stretch of time ("from 2019 to 2021", "since March")
    VAGUE = "vague"  # "in recent years": kept in JSON/Markdown, never on a calendar


def _check_not_empty(start: dt.date, end: dt.date, timex: str) -> None:
    if not end > start:
        raise ValueError(f"empty span {start}..{end} ({timex})")


@dataclass(frozen=True)
class TimeSpan:
    """A stretch of calendar time, half-open, with the granularity the text gave it.

    ``start``/``end`` are ``datetime.date`` for day-or-coarser spans and ``datetime.datetime``
    for ``Granularity.TIME`` (timezone-aware when a zone is known, else naive with ``tz`` None).
    ``timex`` is the TIMEX3 value of the span ("2023-09-20", "2025", "2023-W38", "2023-09-20T15:00").
    """

    start: dt.date
    end: dt.date
    granularity: Granularity
    timex: str
    tz: str | None = None

    def __post_init__(self) -> None:
        _check_not_empty(self.start, self.end, self.timex)

    @classmethod
    def made(cls, start: dt.date, end: dt.date, granularity: Granularity, timex: str, tz: str | None = None) -> TimeSpan:
        """The same span as ``TimeSpan(...)`` with these arguments (the same check: ValueError if empty),
        built in a third of the time (see :meth:`Mention.made`): the tagger builds one per value."""
        _check_not_empty(start, end, timex)
        span = _new_object(cls)
        span.__dict__.update(start=start, end=end, granularity=granularity, timex=timex, tz=tz)
        return span

    @property
    def is_timed(self) -> bool:
        """True when the span has a time of day (a datetime, not a date)."""
        return isinstance(self.start, dt.datetime)

    @property
    def last_day(self) -> dt.date:
        """The inclusive last calendar day of the span (what people read as the end date)."""
        end = self.end
        if isinstance(end, dt.datetime):
            last = end - dt.timedelta(microseconds=1)
            return last.date()
        return end - dt.timedelta(days=1)

    @property
    def first_day(self) -> dt.date:
        """The first calendar day of the span."""
        start = self.start
        return start.date() if isinstance(start, dt.datetime) else start


@dataclass(frozen=True)
class Mention:
    """One temporal expression found in a text.

    ``start``/``end`` are character offsets into the document text (``text == doc[start:end]``).
    ``type``/``value``/``mod`` are TIMEX3 attributes. ``span`` is the calendar extent when the value
    can be placed on a calendar (None for durations, sets, PAST_REF and the like, or "XXXX" values).
    ``rule_id`` names the rule that matched (``en.date.month_day``).
    """

    text: str
    start: int
    end: int
    rule_id: str
    type: TimexType
    value: str
    span: TimeSpan | None = None
    mod: str | None = None

    @classmethod
    def made(cls, text: str, start: int, end: int, rule_id: str, type: TimexType, value: str,
             span: TimeSpan | None = None, mod: str | None = None) -> Mention:
        """The same mention as ``Mention(...)`` with these arguments, built in half the time: the
        frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, and the tagger
        builds one mention per expression. No check is skipped: ``__init__`` does none either."""
        mention = _new_object(cls)
        mention.__dict__.update(text=text, start=start, end=end, rule_id=rule_id, type=type, value=value,
                                span=span, mod=mod)
        return mention


@dataclass(frozen=True)
class TimeRange:
    """Two mentions that the text joins into one range ("September 20-22", "from May to July")."""

    first: Mention
    last: Mention
    span: TimeSpan

    @property
    def start(self) -> int:
        """Offset where the range's text begins."""
        return self.first.start

    @property
    def end(self) -> int:
        """Offset where the range's text ends."""
        return self.last.end


@dataclass(frozen=True)
class Tagging:
    """What the tagger found in one text: TIMEX3 mentions (sorted by offset), the ranges they form, and
    warnings about expressions it could not place ("offset 40: 'February 30, 2023' is not a calendar date")."""

    mentions: tuple[Mention, ...] = ()
    ranges: tuple[TimeRange, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One article: its id, body text, publication date and headline."""

    id: str
    text: str
    published: dt.date | None
    title: str | None = None
    source: str | None = None  # path, "-" (stdin) or URL it was read from
    url: str | None = None


@dataclass(frozen=True)
class Source:
    """Where an event is said: the document, the quoted sentence and its character offsets."""

    document_id: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """One happening, placed in time.

    ``id`` is stable: a hash of what the event is (kind, span, title key), never a counter.
    ``span`` is None only for vague events whose ``timex`` has no calendar extent (PAST_REF...).
    ``confidence`` is in [0, 1]: an exact stated day beats an inferred weekday beats "at the same time".
    """

    id: str
    title: str
    kind: EventKind
    timex: str
    span: TimeSpan | None
    location: str | None = None
    description: str = ""
    confidence: float = 1.0
    mentions: tuple[Mention, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        """Ids of the documents this event comes from, in order of first appearance."""
        return tuple(dict.fromkeys(s.document_id for s in self.sources))


@dataclass(frozen=True)
class Timeline:
    """The result of a run: the documents read, the events built from them, and warnings."""

    name: str
    documents: tuple[Document, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())
