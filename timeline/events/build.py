"""One document's events: each dated clause becomes a happening with a kind, title, place and confidence.

The walk goes through the time expressions in text order and keeps the time in focus (what the text just
talked about), so that "the next day", "at the same time" and "the three-day event" are read against it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Document, Event, EventKind, Granularity, Mention, Source, Tagging, TimexType, TimeSpan
from . import grammar
from .confidence import confidence, how_known
from .lexicon import lexicon
from .locations import dateline_place, names_other_place, place_in
from .merge import absorb, merge_events, merge_restatements
from .sentences import Segment, clause_at, clauses, dateline, nested, sentences, tokenize
from .spans import UNIT_DELTA, between, day_span, duration_days, ending_at, length_days, shift, starting_at
from .titles import dates_a_report, headline, prenominal, title

_LOOK_BACK_LEAD = re.compile(r"the\s+(?:past|last)\b", re.IGNORECASE)
COARSE = {Granularity.MONTH, Granularity.QUARTER, Granularity.HALF, Granularity.SEASON, Granularity.YEAR,
          Granularity.DECADE, Granularity.CENTURY}
VAGUE_VALUES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
SHIFT_RULE = "events.anaphora.shift"
SAME_TIME_RULE = "events.anaphora.same_time"


@dataclass(frozen=True)
class Anchor:
    """A time the text states: one mention, a joined range, or an anaphoric phrase the walk resolves."""

    mentions: tuple[Mention, ...]
    start: int
    end: int
    type: TimexType
    value: str
    span: TimeSpan | None
    how: str
    shift: tuple[int, str, bool] | None = None  # (n, unit, counted) from the time in focus
    same_time: bool = False


@dataclass
class Walk:
    """State of the walk through one document."""

    doc: Document
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    focus: TimeSpan | None = None
    focus_event: Event | None = None

    def warn(self, anchor: Anchor, why: str) -> None:
        """Record what could not be resolved, with the document and offset."""
        text = self.doc.text[anchor.start:anchor.end]
        self.warnings.append(f"{self.doc.id}: {text!r} at {anchor.start}: {why}")


def document_events(doc: Document, tagging: Tagging) -> tuple[list[Event], list[str]]:
    """The events (without ids) and warnings of one document, from its tagging; same happenings merged."""
    text = doc.text
    walk = Walk(doc)
    segs = sentences(text)
    line = dateline(text, len(text) - len(text.lstrip()))
    anchors = find_anchors(text, tagging)
    by_clause: dict[tuple[int, int], list[Anchor]] = {}
    placed: list[tuple[Anchor, Segment, Segment]] = []
    previous: Anchor | None = None
    for anchor in anchors:
        restated = previous is not None and re.fullmatch(r"\s*\(\s*", text[previous.end:anchor.start])
        previous = anchor
        if restated:
            continue  # "at 10:35 a.m. (0735 GMT)": the same time again, in another zone
        where = clause_at(text, segs, anchor.start)
        if where is None or (line and where[0].end <= line.end()):
            continue  # outside any sentence, or the dateline's own date (the publication)
        sentence, clause = where
        by_clause.setdefault((clause.start, clause.end), []).append(anchor)
        placed.append((anchor, sentence, clause))
    doc_place = dateline_place(text)
    for anchor, sentence, clause in placed:
        drop = [(a.start, a.end) for a in by_clause[(clause.start, clause.end)]
                if a.type != TimexType.SET and not grammar.is_modifier(text, a.start, a.end)
                and (a is anchor or not grammar.names_happening(text, a.start, a.end))
                and not (a.type == TimexType.DURATION and grammar.is_measure(text, clause, a.start))]
        if not dates_a_report(text, clause, drop, anchor.start):  # "X arrived Sunday and is analyzed, Y said Monday"
            drop += grammar.other_predicates(text, clause, anchor.start, drop)
        drop += nested(clauses(text, sentence), clause)
        _visit(walk, anchor, sentence, clause, drop, doc_place, by_clause)
    return merge_restatements(merge_events(walk.events)), walk.warnings


def find_anchors(text: str, tagging: Tagging) -> list[Anchor]:
    """The tagging's ranges and lone mentions, plus anaphoric phrases ("a week later", "at the same time")."""
    out: list[Anchor] = []
    in_range: set[tuple[int, int]] = set()
    for r in tagging.ranges:
        in_range |= {(r.first.start, r.first.end), (r.last.start, r.last.end)}
        out.append(Anchor((r.first, r.last), r.start, r.end, r.first.type, r.span.timex, r.span,
                          how_known(text[r.start:r.end])))
    for m in tagging.mentions:
        if (m.start, m.end) not in in_range:
            how = "vague" if m.span is None else how_known(m.text)
            out.append(Anchor((m,), m.start, m.end, m.type, m.value, m.span, how))
    lex = lexicon()
    for s in lex.shifts:
        for m in s.pattern.finditer(text):
            n_word = m.groupdict().get("n")
            n = lex.numbers.get(n_word.lower(), None) if n_word and not n_word.isdigit() else int(n_word or 1)
            unit = m.group("unit").lower()
            cue = (s.sign * n, unit if unit in UNIT_DELTA else "day", n_word is not None)  # "next morning"
            out = _mark(out, text, m.start(), m.end(), SHIFT_RULE, shift=cue)
    for m in lex.phrase_pattern("anaphora", "same_time").finditer(text):
        out = _mark(out, text, m.start(), m.end(), SAME_TIME_RULE, same_time=True)
    return sorted(out, key=lambda a: (a.start, -a.end))


def _mark(anchors: list[Anchor], text: str, start: int, end: int, rule: str, **how) -> list[Anchor]:
    """Turn the anchor the phrase overlaps into an anaphoric one, or add the phrase as a new anchor."""
    for i, a in enumerate(anchors):
        if a.start < end and start < a.end:
            if a.type in (TimexType.DATE, TimexType.TIME) and len(a.mentions) == 1:
                anchors[i] = dataclasses.replace(a, **how)
            return anchors
    mention = Mention(text[start:end], start, end, rule, TimexType.DATE, "", None)
    return [*anchors, Anchor((mention,), start, end, TimexType.DATE, "", None, "anaphora", **how)]


def _visit(walk: Walk, anchor: Anchor, sentence: Segment, clause: Segment, drop: list[tuple[int, int]],
           doc_place: str | None, by_clause: dict) -> None:
    text = walk.doc.text
    if anchor.shift or anchor.same_time:
        anchor = _resolve_anaphora(walk, anchor)
        if anchor is None:
            return
    if anchor.type == TimexType.DURATION:
        _duration(walk, anchor, sentence, clause, drop, doc_place, by_clause)
        return
    if anchor.type == TimexType.SET:
        return
    happening = grammar.describes_happening(text, clause, anchor.start, anchor.end) \
        and not _tallied_or_figure_period(text, clause, anchor, by_clause.get((clause.start, clause.end), [])) \
        and not grammar.in_quoted_question(text, sentence, anchor.start) \
        and not grammar.is_hypothetical(text, sentence, anchor.start) \
        and not grammar.superlative_since(text, clause, anchor.start)
    if anchor.span is None:
        if anchor.value in VAGUE_VALUES:
            if happening:
                _add(walk, anchor, EventKind.VAGUE, None, sentence, clause, drop, doc_place)
        else:
            walk.warn(anchor, f"value {anchor.value or '?'} cannot be placed on a calendar")
        return
    # a look back ("a year earlier", "the day before") is a comparison: the focus stays where it was
    words = set(re.findall(r"[\w-]+", text[anchor.start:anchor.end].lower()))
    moves_focus = not (anchor.shift and anchor.shift[0] < 0) and not words & lexicon().words("anaphora", "look_back")
    if not happening:
        if moves_focus:  # a modifier is a date the text talks about too ("the third-quarter loss")
            walk.focus = anchor.span
        return
    if dates_a_report(text, clause, drop, anchor.start):  # "officials said Monday": the saying happened
        kind, span = EventKind.OCCURRENCE, anchor.span
    else:
        kind, span = decide_kind(text, clause, anchor, walk.doc.published)
    event = _add(walk, anchor, kind, span, sentence, clause, drop, doc_place)
    if kind in (EventKind.OCCURRENCE, EventKind.SCHEDULED) and event is not None:
        if moves_focus:
            walk.focus, walk.focus_event = span, event
        _cotemporal(walk, anchor, event, sentence, clause, by_clause)


def _tallied_or_figure_period(text: str, clause: Segment, anchor: Anchor, others: list[Anchor]) -> bool:
    """True when a period of a week or longer is the span a tally covers ("In all, the storms last month killed
    40", "so far this year"), or the period of a figure while an earlier date of the clause times what happened
    ("Last month, the firm posted a profit for the first half"; the earlier date is the finer one), or a period
    written as an adjective while a finer date of the clause times what happened ("will report fourth-quarter
    results on Jan. 30"): none is the happening's date."""
    if anchor.span is None or anchor.span.granularity not in COARSE | {Granularity.WEEK}:
        return False
    if grammar.is_summary(text, clause, anchor.start):
        return True
    order = list(Granularity)
    finer = lambda o: order.index(o.span.granularity) < order.index(anchor.span.granularity)  # noqa: E731
    if prenominal(text, anchor.start, anchor.end):  # "will report fourth-quarter results on Jan. 30": the results'
        return any(o.span is not None and o.type in (TimexType.DATE, TimexType.TIME) and finer(o)  # quarter
                   and grammar.describes_happening(text, clause, o.start, o.end) for o in others)
    if not grammar.cue_before(text, clause, anchor.start, "cues", "figure_period"):
        return False
    return any(o.end <= anchor.start and o.type in (TimexType.DATE, TimexType.TIME) and o.span is not None
               and finer(o)  # "profit for 1989 and for 1990": two figures' periods, not a time and a figure's
               and grammar.describes_happening(text, clause, o.start, o.end)
               and not grammar.cue_before(text, clause, o.start, "cues", "figure_period")
               and not re.search(r"--|—|–", text[o.end:anchor.start]) for o in others)  # "-- started last month --"


def decide_kind(text: str, clause: Segment, anchor: Anchor, published: dt.date | None) -> tuple[EventKind, TimeSpan]:
    """The kind of happening a dated clause tells, from the cue before the date and the clause's tense."""
    span = anchor.span
    after_publication = published is not None and span.first_day > published
    future = grammar.is_future(text, clause)
    if grammar.cue_before(text, clause, anchor.start, "cues", "deadline"):
        if future or after_publication or _mentions_target(text, clause):
            return EventKind.DEADLINE, span
    if grammar.cue_before(text, clause, anchor.start, "cues", "period_start"):
        if published is not None and published >= span.first_day:
            return EventKind.PERIOD, between(span.first_day, published, span.granularity)
        return EventKind.PERIOD, span
    if len(anchor.mentions) == 2 or span.granularity in COARSE:
        if grammar.cue_before(text, clause, anchor.start, "cues", "period_range") and span.granularity in COARSE:
            return EventKind.PERIOD, span
    ends_before = published is not None and span.last_day < published  # "will ... as it did last year"
    if (future and not ends_before) or (after_publication and not grammar.is_past(text, clause)):
        return EventKind.SCHEDULED, span
    return EventKind.OCCURRENCE, span


def _mentions_target(text: str, clause: Segment) -> bool:
    nouns = lexicon().words("tense", "target_nouns")
    return any(t.lower in nouns for t in tokenize(text, clause.start, clause.end))


def _resolve_anaphora(walk: Walk, anchor: Anchor) -> Anchor | None:
    """Place an anaphoric phrase at (or shifted from) the time in focus; keep the tagger's value without one."""
    if walk.focus is None:
        if anchor.span is not None:
            return dataclasses.replace(anchor, shift=None, same_time=False)
        walk.warn(anchor, "refers to a time the text has not given")
        return None
    span = walk.focus if anchor.same_time else shift(walk.focus, *anchor.shift)
    mentions = tuple(dataclasses.replace(m, value=span.timex, span=span) for m in anchor.mentions)
    return dataclasses.replace(anchor, mentions=mentions, value=span.timex, span=span, how="anaphora")


def _duration(walk: Walk, anchor: Anchor, sentence: Segment, clause: Segment, drop, doc_place, by_clause) -> None:
    """"the three-day event" joins the event it refers to; "for three years" (past) is a period."""
    text = walk.doc.text
    lex = lexicon()
    before = tokenize(text, max(clause.start, anchor.start - 12), anchor.start)
    after = [t for t in tokenize(text, anchor.end, min(clause.end, anchor.end + 40)) if t.text != "-"]
    starts_with_determiner = text[anchor.start:anchor.end].lower().split()[0] in ("the", "this", "that")
    determiner = starts_with_determiner or (before and before[-1].lower in ("the", "this", "that"))
    if determiner and after and after[0].lower in lex.words("anaphora", "event_nouns"):
        target = _referent(walk, anchor.value)
        if target is None:
            walk.warn(anchor, "refers to an event the text has not dated")
            return
        source = _source(walk.doc, sentence)
        joined = absorb(target, dataclasses.replace(target, mentions=anchor.mentions, sources=(source,)))
        walk.events[walk.events.index(target)] = joined
        if walk.focus_event is target:
            walk.focus_event = joined
        return
    lead = _LOOK_BACK_LEAD.match(text, anchor.start, anchor.end)  # "over" + "the past three years"
    cued = grammar.cue_before(text, clause, anchor.start, "cues", "period_duration", lead.group() if lead else "")
    end = _ended(text, anchor, by_clause.get((clause.start, clause.end), [])) if cued else None
    if end is not None:  # "for the year ended Sept. 30": the year up to that day
        span = ending_at(end, anchor.value)
        if span is not None:
            _add(walk, dataclasses.replace(anchor, span=span, how="explicit"), EventKind.PERIOD, span,
                 sentence, clause, drop, doc_place)
        return
    year = _first_months_of(text, anchor, by_clause.get((clause.start, clause.end), []))
    if year is not None:  # "in the first nine months of this year": January to September of that year
        span = starting_at(year.span.first_day, anchor.value)
        if span is not None:
            _add(walk, dataclasses.replace(anchor, span=span, how=year.how), EventKind.PERIOD, span,
                 sentence, clause, drop, doc_place)
        return
    if not cued or walk.doc.published is None:
        return
    up_to_now = grammar.is_perfect(text, clause) or set(cued.split()) & lexicon().words("cues", "up_to_now")
    if up_to_now:  # "prices have risen for three years", "fell 30% over the past three years"
        end, how = walk.doc.published, "relative"
    elif grammar.is_past(text, clause) and walk.focus is not None and walk.focus.granularity in COARSE:
        end, how = walk.focus.last_day, "anaphora"  # "For the nine months, X earned": up to the quarter in focus
    else:
        return
    span = ending_at(end, anchor.value)
    if span is not None:
        _add(walk, dataclasses.replace(anchor, span=span, how=how), EventKind.PERIOD, span,
             sentence, clause, drop, doc_place)


_FIRST_MONTHS = re.compile(r"(?:the\s+)?first\s+\S+\s+months\s+of\s+$", re.IGNORECASE)


def _first_months_of(text: str, anchor: Anchor, others: list[Anchor]) -> Anchor | None:
    """The year anchor of "the first nine months of <year>", when the duration is that phrase's, else None."""
    year = next((a for a in others if a.start > anchor.start and a.span is not None
                 and a.span.granularity == Granularity.YEAR), None)
    if year is None or not _FIRST_MONTHS.fullmatch(text, anchor.start, year.start):
        return None
    return year


def _ended(text: str, anchor: Anchor, others: list[Anchor]) -> dt.date | None:
    """The day a duration ends on when the text says so ("the nine months ended June 30"), else None."""
    m = lexicon().phrase_pattern("cues", "period_end").match(text, anchor.end + 1)
    if not m or not text[anchor.end:m.start()].isspace():
        return None
    after = text[m.end():m.end() + 2]
    day = next((a for a in others if a.span is not None and a.start in (m.end() + 1, m.end() + 2)
                and a.span.granularity == Granularity.DAY), None)
    return day.span.last_day if day is not None and after[:1].isspace() else None


def _referent(walk: Walk, value: str) -> Event | None:
    """The best-dated event whose length matches a duration ("three-day" -> a 3-day span), else the focus.

    Among matches, the one whose date the text stated (highest confidence) wins over those placed by
    anaphora; ties go to the latest."""
    days = duration_days(value)
    if days is None:
        return walk.focus_event
    matches = [(e.confidence, i) for i, e in enumerate(walk.events)
               if e.kind in (EventKind.OCCURRENCE, EventKind.SCHEDULED) and e.span is not None
               and length_days(e.span) == days]
    return walk.events[max(matches)[1]] if matches else None


def _cotemporal(walk: Walk, anchor: Anchor, event: Event, sentence: Segment, clause: Segment, by_clause) -> None:
    """An absolute "with <thing> <participle>" clause of the same sentence happened at the same time."""
    text = walk.doc.text
    for other in clauses(text, sentence):
        if other == clause or (other.start, other.end) in by_clause:
            continue
        words = tokenize(text, other.start, other.end)
        words = [t for t in words if t.text[:1].isalnum()]
        if len(words) < 3 or words[0].lower != "with":
            continue
        last = words[-1].lower
        if last in lexicon().verbs and last.endswith(("ed", "en", "wn")):
            same = dataclasses.replace(anchor, how="anaphora")
            _add(walk, same, event.kind, event.span, sentence, other, [], None, location=event.location)


def _bare_report(heading: str) -> bool:
    """Whether a title is only a reporting frame ("Officials said", "His office said"): a few words ending in a
    reporting verb."""
    words = heading.lower().split()
    return 1 < len(words) <= 4 and words[-1] in lexicon().words("titles", "bare_report_verbs")


def _add(walk: Walk, anchor: Anchor, kind: EventKind, span: TimeSpan | None, sentence: Segment,
         clause: Segment, drop: list[tuple[int, int]], doc_place: str | None,
         location: str | None = None) -> Event | None:
    text = walk.doc.text
    how = {"target": kind == EventKind.DEADLINE, "sentence": sentence, "anchor": anchor.start,
           "scheduled": kind == EventKind.SCHEDULED}
    heading = title(text, clause, drop, **how)
    if (len(heading.split()) < 2 or _bare_report(heading)) and clause != sentence:
        heading = title(text, sentence, drop, **how) or heading  # "Arrested", "Officials said": the sentence says more
    if not heading:
        walk.warn(anchor, "no title could be made from its clause")
        return None
    if location is None:
        location = place_in(text, clause, drop)
        if location is None:
            location = place_in(text, sentence, drop)
            if location is None and anchor.same_time and walk.focus_event is not None:
                location = walk.focus_event.location
            here = any(t.lower in lexicon().words("locations", "here") for t in tokenize(text, clause.start, clause.end))
            location = doc_place if here and doc_place else location or doc_place  # "said here Friday"
            if names_other_place(text, clause, location):
                location = None  # the clause names another place: none rather than a wrong one
    event = Event(
        id="",
        title=heading,
        kind=kind,
        timex=span.timex if span is not None else anchor.value,
        span=span,
        location=location,
        description=" ".join(text[sentence.start:sentence.end].split()),
        confidence=confidence("vague" if kind == EventKind.VAGUE else anchor.how),
        mentions=anchor.mentions,
        sources=(_source(walk.doc, sentence),),
    )
    walk.events.append(event)
    return event


def _source(doc: Document, sentence: Segment) -> Source:
    return Source(doc.id, typographic(doc.text[sentence.start:sentence.end]), sentence.start, sentence.end)


def typographic(quote: str) -> str:
    """A quoted sentence for people: whitespace collapsed, TimeBank/LaTeX quote marks as typographic ones
    (``x'' -> “x”)."""
    quote = re.sub(r"(?:(?<=^)|(?<=[\s(\[]))''(?=\w)", "“", " ".join(quote.split()))  # ''opening, as some wires write
    return quote.replace("``", "“").replace("''", "”")


def publication(doc: Document, tagging: Tagging = Tagging()) -> Event | None:
    """The article itself: an event on its publication date, titled with its headline (without one: a title
    made from the first sentence, its time expressions left out; failing that, the document id)."""
    if doc.published is None:
        return None
    heading, quote, start, end = "", doc.title or "", 0, 0
    if doc.title:
        heading = headline(doc.title)
    else:
        first = next((s for s in sentences(doc.text) if not dateline(doc.text, s.start, s.end)), None)
        if first is not None:
            drop = [(m.start, m.end) for m in tagging.mentions
                    if first.contains(m.start, m.end) and not grammar.is_modifier(doc.text, m.start, m.end)]
            heading = title(doc.text, first, drop, sentence=first) or headline(doc.text[first.start:first.end])
            quote, start, end = doc.text[first.start:first.end], first.start, first.end
    heading = heading or doc.id
    return Event(id="", title=heading, kind=EventKind.PUBLICATION, timex=doc.published.isoformat(),
                 span=day_span(doc.published), description=heading, confidence=confidence("publication"),
                 sources=(Source(doc.id, typographic(quote or heading), start, end),))
