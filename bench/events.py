"""Benchmark of the events layer on the TempEval-3 development corpus (read from ../shared, never copied).

    python bench/events.py            # tag with timeline.extract.tag, then build events
    python bench/events.py --gold     # feed the gold TIMEX3 as the tagging (the events layer alone)
    python bench/events.py --errors 20

Prints (a) the share of exported events (not vague, not publication) whose dates agree with a gold
expression's value in the same document (dates compared as dates: "1949-XX" is 1949, a time of day is its day;
a date also agrees with the gold value of the very expression it was placed by when it lies inside it: the
gold gives "last week" as "1989-WXX", some week of 1989, or as "1998-10", and the event its week),
(a') the same judged only against the gold value at the event's own expression when the gold tagged it (a
value that equals another expression's by chance no longer counts), and (b) the share of gold DATE expressions of day, month or year
granularity that describe a happening (same grammar as the events layer: ``grammar.describes_happening``)
and are covered by an event (one of the event's mentions overlaps the gold expression). For readers, (c) counts
exported events whose title another exported event of the same document repeats on another date (one
happening told twice, or two happenings the titles fail to tell apart).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

from timeline.events import events_from_taggings
from timeline.events.grammar import describes_happening
from timeline.events.sentences import clause_at, sentences
from timeline.events.spans import value_span
from timeline.model import Document, EventKind, Mention, Tagging, TimexType

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "tbaq-dev.jsonl"
DAY_MONTH_YEAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
EXPORTED = lambda e: e.kind not in (EventKind.VAGUE, EventKind.PUBLICATION)  # noqa: E731


def gold_tagging(record: dict) -> Tagging:
    """The gold TIMEX3 of one corpus document as a Tagging (spans computed from the values)."""
    mentions = []
    for g in record["timexes"]:
        span = value_span(g["value"]) if g["type"] in ("DATE", "TIME") else None
        mentions.append(Mention(g["text"], g["start"], g["end"], "gold", TimexType(g["type"]), g["value"], span))
    return Tagging(tuple(sorted(mentions, key=lambda m: m.start)))


def event_values(event) -> list[str]:
    """The values of the expressions that placed an event: its first mention, both ends of a joined range
    (an anaphoric phrase carries the value it was resolved to)."""
    if not event.mentions:
        return [event.timex]
    first = event.mentions[0]
    if len(event.mentions) > 1 and event.mentions[1].start >= first.end and "/" in event.timex \
            and event.mentions[1].type == first.type and first.type != TimexType.DURATION:
        return [first.value, event.mentions[1].value]
    return first.value.split("/") if "/" in first.value and first.rule_id.startswith("events.") else [first.value]


def date_of(value: str) -> str:
    """A value reduced to the date it names: unknown parts ("1949-XX", "198X") and times of day ("T15:00") dropped."""
    value = re.sub(r"^(\d{4}-\d{2}-\d{2})T.*$", r"\1", value)
    value = re.sub(r"-W0(\d)$", r"-W\1", value)  # "2000-W06" and "2000-W6" name the same week
    while value.endswith("-XX"):
        value = value[:-3]
    return re.sub(r"^(\d{2,3})X+$", r"\1", value)  # "198X" and "198" name the same decade, "19XX" and "19" a century


def inside(value: str, gold: str) -> bool:
    """Whether the date ``value`` lies inside the gold value ``gold``: a week of "1989-WXX", a week or day of
    the month "1998-10"; never a coarser value inside a finer one."""
    if "X" in gold:
        return re.fullmatch(re.escape(gold).replace("X", r"\d"), value.split("T")[0]) is not None
    ours, theirs = value_span(value), value_span(gold)
    return bool(ours and theirs and theirs.start <= ours.start and ours.end <= theirs.end)


def agrees(value: str, golds: list[dict], gold_values: set[str]) -> tuple[bool, bool]:
    """(agrees with the document's gold, agrees with the gold at its own expression) for one event date;
    ``golds`` are the gold expressions overlapping the event's expression."""
    own = any(date_of(value) == date_of(g["value"]) or inside(value, g["value"]) for g in golds)
    return own or date_of(value) in gold_values, own if golds else date_of(value) in gold_values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--gold", action="store_true", help="use the gold TIMEX3 as the tagging")
    parser.add_argument("--errors", type=int, default=0, help="list this many misses of each kind")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        parser.error(f"corpus not found: {args.corpus} (the repo expects ../shared beside it; or pass --corpus)")
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.gold:
        tagger = lambda rec, doc: gold_tagging(rec)  # noqa: E731
    else:
        from timeline.extract import tag

        tagger = lambda rec, doc: tag(doc.text, doc.published)  # noqa: E731

    exported = agree = agree_own = gold_total = covered = chars = by_events = repeated = 0
    disagreements, uncovered, repeats = [], [], []
    started = time.perf_counter()
    for rec in records:
        doc = Document(rec["doc_id"], rec["text"], dt.date.fromisoformat(rec["dct"]), rec.get("title"))
        chars += len(doc.text)
        tagging = tagger(rec, doc)
        tagged = {(m.start, m.end): m.value for m in tagging.mentions}
        timeline = events_from_taggings((doc,), (tagging,), doc.id)
        gold_values = {date_of(g["value"]) for g in rec["timexes"]}
        dates_of_title: dict[str, set[str]] = {}
        for event in filter(EXPORTED, timeline.events):
            dates_of_title.setdefault(event.title, set()).add(event.timex)
        for title, timexes in dates_of_title.items():
            if len(timexes) > 1:
                repeated += sum(1 for e in filter(EXPORTED, timeline.events) if e.title == title)
                repeats.append(f"{doc.id}: {title!r} on {sorted(timexes)}")
        for event in filter(EXPORTED, timeline.events):
            exported += 1
            values = event_values(event)
            places = event.mentions[:len(values)] if len(event.mentions) >= len(values) else event.mentions[:1]
            verdicts = [agrees(v, [g for g in rec["timexes"] if g["start"] < m.end and m.start < g["end"]],
                               gold_values) for v, m in zip(values, places * len(values))]
            agree_own += all(own for _, own in verdicts)
            if all(doc_wide for doc_wide, _ in verdicts):
                agree += 1
            else:
                # the events layer re-read the date (anaphora, focus) or the tagger's value was kept as is
                if any(tagged.get((m.start, m.end)) != m.value for m in event.mentions[:2]):
                    by_events += 1
                rules = ",".join(dict.fromkeys(m.rule_id for m in event.mentions[:2]))
                disagreements.append(f"{doc.id}: {event.kind.value} {values} [{rules}] {event.title!r} "
                                     f"(gold: {sorted(gold_values)[:8]})")
        segs = sentences(doc.text)
        spans = [(m.start, m.end) for e in timeline.events for m in e.mentions]
        for g in rec["timexes"]:
            if g["type"] != "DATE" or not DAY_MONTH_YEAR.match(g["value"]):
                continue
            where = clause_at(doc.text, segs, g["start"])
            if where is None or not describes_happening(doc.text, where[1], g["start"], g["end"]):
                continue
            gold_total += 1
            if any(a < g["end"] and g["start"] < b for a, b in spans):
                covered += 1
            else:
                sentence = where[0]
                uncovered.append(f"{doc.id}: {g['text']!r}={g['value']} in "
                                 f"{' '.join(doc.text[sentence.start:sentence.end].split())[:160]!r}")
    seconds = time.perf_counter() - started
    mode = "gold tagging" if args.gold else "timeline.extract.tag"
    print(f"corpus: {args.corpus.name}, {len(records)} documents, {chars} characters, tagging: {mode}")
    print(f"(a) exported events whose dates agree with a gold value: {agree}/{exported} = "
          f"{agree / exported if exported else 0:.3f}")
    print(f"(a') the same, judged only by the gold value at the event's own expression: {agree_own}/{exported} = "
          f"{agree_own / exported if exported else 0:.3f}")
    print(f"    disagreeing: {exported - agree}, of which dates re-read by the events layer (anaphora/focus): "
          f"{by_events}, tagger values kept as tagged: {exported - agree - by_events}")
    print(f"(b) gold day/month/year DATEs describing a happening covered by an event: {covered}/{gold_total} = "
          f"{covered / gold_total if gold_total else 0:.3f}")
    print(f"(c) exported events whose title repeats on another date of the same document: {repeated}/{exported}")
    print(f"time: {seconds:.2f} s ({chars / seconds / 1e3:.0f}k chars/s including tagging)")
    for label, rows in (("disagreeing events", disagreements), ("uncovered gold dates", uncovered),
                        ("repeated titles", repeats)):
        if args.errors and rows:
            print(f"\n{label} (first {args.errors} of {len(rows)}):")
            print("\n".join(rows[:args.errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
