"""Join mentions of the same happening, give events stable ids and a deterministic order."""
from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

from ..model import Event, EventKind
from .spans import sort_key
from .titles import similar, stemmed_key, title_key

KIND_ORDER = {kind: i for i, kind in enumerate(EventKind)}


def absorb(into: Event, other: Event) -> Event:
    """``into`` with ``other``'s mentions and sources added (the better-known title and place are kept)."""
    best = into if into.confidence >= other.confidence else other
    mentions = tuple(dict.fromkeys((*into.mentions, *other.mentions)))
    sources = tuple(dict.fromkeys((*into.sources, *other.sources)))
    happened = {into.kind, other.kind} == {EventKind.OCCURRENCE, EventKind.SCHEDULED}
    return dataclasses.replace(
        into,
        kind=EventKind.OCCURRENCE if happened else into.kind,  # one source reports it done: it happened
        title=best.title or into.title or other.title,
        location=into.location or other.location,
        description=into.description or other.description,
        confidence=max(into.confidence, other.confidence),
        mentions=mentions,
        sources=sources,
    )


# A happening one article announces and a later one reports is one happening: these kinds may join.
_TOLD = {EventKind.OCCURRENCE: "told", EventKind.SCHEDULED: "told"}


def _kind_class(kind: EventKind) -> str:
    return _TOLD.get(kind, kind.value)


def same_happening(a: Event, b: Event) -> bool:
    """Same kind (or one scheduled and one that happened), same time and similar titles, or the same day at
    the same place with two content words in common (publications: same time and same headline)."""
    if _kind_class(a.kind) != _kind_class(b.kind) or a.timex != b.timex:
        return False
    if similar(a.title, b.title):
        return True
    # the same day at the same place, told with other words: "a public hearing at City Hall on May 15"
    return a.location is not None and a.location == b.location and b.span is not None and not b.span.is_timed \
        and b.span.first_day == b.span.last_day and len(stemmed_key(a.title) & stemmed_key(b.title)) >= 2


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Join the events that report the same happening, keeping the order of first appearance."""
    out: list[Event] = []
    # Only events of the same kind and time can be the same happening (``same_happening``), and absorbing
    # keeps both, so the kept events are looked up by them (in order of appearance) instead of all scanned.
    by_time: dict[tuple[str, str], list[int]] = {}
    for event in events:
        kept = by_time.setdefault((_kind_class(event.kind), event.timex), [])
        i = next((i for i in kept if same_happening(out[i], event)), None)
        if i is None:
            kept.append(len(out))
            out.append(event)
        else:
            out[i] = absorb(out[i], event)
    return out


def merge_restatements(events: list[Event]) -> list[Event]:
    """Within one document, fold a restated time into the event it restates: "Friday at 10:35 a.m." is one
    happening at 10:35 (the day joins the timed event), a vague "now" in a clause that also gives a date
    joins the dated event, and a year joins the period of its sentence that it holds ("the first nine months
    of this year"). Both must come from the same sentence with similar titles."""
    out = list(events)
    changed = True
    while changed:
        changed = False
        for i, a in enumerate(out):
            j = next((j for j, b in enumerate(out) if j != i and _restates(a, b)), None)
            if j is not None:
                out[j] = absorb(out[j], a)
                del out[i]
                changed = True
                break
    return out


def _restates(a: Event, b: Event) -> bool:
    """True when ``a`` says again, less precisely, what ``b`` says (same sentence, similar title)."""
    if not a.sources or not b.sources or a.sources[0] != b.sources[0] or not similar(a.title, b.title):
        return False
    if a.kind == EventKind.VAGUE and b.kind != EventKind.VAGUE:
        return True
    if a.span is None or b.span is None:
        return False
    if a.kind == EventKind.OCCURRENCE and b.kind == EventKind.PERIOD and a.timex.isdigit() and len(a.timex) == 4 \
            and a.span.first_day <= b.span.first_day and b.span.last_day <= a.span.last_day:
        return True  # "in the first nine months of this year": the year is the period's, January to September
    return (a.kind == b.kind and b.span.is_timed
            and not a.span.is_timed and a.span.first_day == a.span.last_day == b.span.first_day)


def event_id(event: Event, salt: str = "") -> str:
    """A stable id: sha1 of kind, time and the title's content words (plus ``salt`` to split clashes)."""
    key = "|".join((event.kind.value, event.timex, " ".join(sorted(title_key(event.title))), salt))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def finalize(events: Iterable[Event]) -> tuple[Event, ...]:
    """Events with their ids, sorted by start, then kind, then title (then id, for a total order)."""
    done: list[Event] = []
    seen: set[str] = set()
    for event in events:
        eid = event_id(event)
        if eid in seen:  # the same happening kept apart (merge=False): tell them apart by their first source
            eid = event_id(event, event.sources[0].document_id if event.sources else str(len(seen)))
        seen.add(eid)
        done.append(dataclasses.replace(event, id=eid))
    return tuple(sorted(done, key=lambda e: (sort_key(e.span), KIND_ORDER[e.kind], e.title, e.id)))
