"""Throughput of timeline's tagger on the dev corpus, side by side with dateparser and chrono-node.

    python bench/speed.py [--corpus PATH] [--dateparser-docs N] [--profile] [--json]

Everything runs pinned to one core. Reports, for timeline: chars/s over the whole corpus, warm (best
of --rounds passes, the memos of resolved values emptied before each so a pass is no lookup of the one
before; the figure with them kept is printed apart, not compared) and cold (the first pass over the corpus in this fresh process, while the
dispatch tables fill with the words met; only a one-sentence start-up call comes before it), the
first call's start-up time, peak traced Python memory for one pass (tracemalloc) and peak RSS, and
the best time for 1x, 4x and 16x the corpus text (each document's text repeated k times, so both
total size and document length grow). For dateparser: chars/s of ``search_dates`` on the first N
documents (it is slow; one pass after a warm-up call, compared with both). For chrono-node
(bench/node, when installed): chars/s over the whole corpus in node, warm and cold the same way.
Then the ratios, warm to warm and cold to cold. See bench/README.md.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "tbaq-dev.jsonl"
NODE_DIR = HERE / "node"
SCALES = (1, 4, 16)


def load(path: Path) -> list[tuple[str, dt.date]]:
    """The (text, dct) pairs of a JSONL corpus."""
    docs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                d = json.loads(line)
                docs.append((d["text"], dt.date.fromisoformat(d["dct"][:10])))
    return docs


def chars(docs: list[tuple[str, dt.date]]) -> int:
    """Total characters of a corpus."""
    return sum(len(t) for t, _ in docs)


def time_pass(fn, docs, rounds: int = 1, reset=None) -> tuple[float, int]:
    """Best wall time of ``rounds`` passes of ``fn(text, dct)`` over ``docs``, and results per pass;
    ``reset()`` runs before each pass, outside the timing."""
    best, found = float("inf"), 0
    for _ in range(rounds):
        if reset is not None:
            reset()
        t0 = time.perf_counter()
        found = sum(len(fn(text, dct)) for text, dct in docs)
        best = min(best, time.perf_counter() - t0)
    return best, found


def forget_memos() -> None:
    """Empty timeline's memos of resolved values (see ``timeline.extract.forget_memos``)."""
    from timeline.extract import forget_memos as forget

    forget()


def timeline_tagger():
    """timeline's tagger as ``fn(text, dct) -> mentions``."""
    from timeline.api import extract

    return lambda text, dct: extract(text, dct).mentions


def dateparser_tagger():
    """dateparser's ``search_dates`` anchored at the DCT, English only (as fair a setting as it has)."""
    from dateparser.search import search_dates

    def run(text: str, dct: dt.date):
        base = dt.datetime(dct.year, dct.month, dct.day, 12)
        return search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    return run


def bench_timeline(docs, rounds: int, profile: bool) -> dict:
    """Start-up, chars/s, memory and scaling for timeline."""
    tag = timeline_tagger()
    t0 = time.perf_counter()
    tag("Talks were held on Friday, March 5.", dt.date(1998, 3, 6))
    startup = time.perf_counter() - t0
    cold, _ = time_pass(tag, docs)  # the first pass of this process: the dispatch tables fill
    # warm: code, rules and dispatch tables warm, but no result remembered from the pass before (the memos
    # of resolved values are emptied before each pass: a user tags a text once, not the same text again)
    seconds, found = time_pass(tag, docs, rounds, reset=forget_memos)
    again, _ = time_pass(tag, docs, rounds)  # the same text again, memos kept (not the headline)
    out = {"startup_s": startup, "chars": chars(docs), "seconds": seconds, "mentions": found,
           "chars_per_s": chars(docs) / seconds, "cold_seconds": cold, "cold_chars_per_s": chars(docs) / cold,
           "again_seconds": again, "again_chars_per_s": chars(docs) / again}
    scaling = {}
    for k in SCALES:
        scaled = [("\n\n".join([text] * k), dct) for text, dct in docs]
        s, n = time_pass(tag, scaled, rounds, reset=forget_memos)
        scaling[f"{k}x"] = {"chars": chars(scaled), "seconds": s, "mentions": n}
    base = scaling["1x"]["seconds"]
    for k in SCALES:
        scaling[f"{k}x"]["time_ratio"] = scaling[f"{k}x"]["seconds"] / base
    out["scaling"] = scaling
    tracemalloc.start()
    time_pass(tag, docs)
    out["tracemalloc_peak_bytes"] = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    out["peak_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if profile:
        forget_memos()  # profile a pass like the warm one: no result remembered from the pass before
        prof = cProfile.Profile()
        prof.enable()
        time_pass(tag, docs)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(25)
        out["profile"] = buf.getvalue()
    return out


def bench_dateparser(docs, n_docs: int) -> dict:
    """chars/s of dateparser's search_dates on the first ``n_docs`` documents (after a warm-up call)."""
    try:
        tag = dateparser_tagger()
    except ImportError:
        return {"skipped": "dateparser is not installed (pip install -e '.[bench]')"}
    tag("Talks were held on Friday, March 5.", dt.date(1998, 3, 6))
    sample = docs[:n_docs]
    seconds, found = time_pass(tag, sample)
    return {"docs": len(sample), "chars": chars(sample), "seconds": seconds, "results": found,
            "chars_per_s": chars(sample) / seconds}


def bench_chrono(corpus: Path, rounds: int) -> dict:
    """chars/s of chrono-node's parse() over the whole corpus, run by node pinned to the same core."""
    node = shutil.which("node")
    if node is None or not (NODE_DIR / "node_modules" / "chrono-node").is_dir():
        return {"skipped": "node or bench/node/node_modules/chrono-node missing (cd bench/node && npm ci)"}
    proc = subprocess.run([node, str(NODE_DIR / "chrono_speed.js"), str(corpus), str(rounds)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"skipped": f"chrono_speed.js failed: {proc.stderr.strip().splitlines()[-1:]}"}
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    res["chars_per_s"] = res["chars"] / res["seconds"]
    if "cold_seconds" in res:
        res["cold_chars_per_s"] = res["chars"] / res["cold_seconds"]
    return res


def pin_one_core() -> str:
    """Pin this process (and the node child it starts) to one CPU; returns which."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"cpu {cpu}"
    return "not pinned (no sched_setaffinity)"


def report(res: dict) -> str:
    """The results as a few human-readable lines."""
    tl, dp, ch = res["timeline"], res["dateparser"], res["chrono"]
    mb = 1024 * 1024
    lines = [f"corpus {res['corpus']}: {tl['chars']:,} chars; {res['pinned']}",
             f"timeline     warm {tl['chars_per_s']:>12,.0f} chars/s  ({tl['seconds']:.3f} s/pass, best of "
             f"{res['rounds']}, memos of resolved values emptied before each pass; {tl['mentions']} mentions)",
             f"             again {tl['again_chars_per_s']:>11,.0f} chars/s  (the same text re-tagged with the memos "
             f"kept: not compared)",
             f"             cold {tl['cold_chars_per_s']:>12,.0f} chars/s  ({tl['cold_seconds']:.3f} s: the first pass "
             f"of a fresh process; start-up {tl['startup_s']:.3f} s before it)"]
    for name, r, what in (("dateparser", dp, "results"), ("chrono-node", ch, "results")):
        if "skipped" in r:
            lines.append(f"{name:12} skipped: {r['skipped']}")
        else:
            scope = f"first {r['docs']} docs, " if "docs" in r else ""
            lines.append(f"{name:12} warm {r['chars_per_s']:>12,.0f} chars/s  ({scope}{r['chars']:,} chars in "
                         f"{r['seconds']:.3f} s, {r[what]} {what})")
            if "cold_chars_per_s" in r:
                lines.append(f"{'':12} cold {r['cold_chars_per_s']:>12,.0f} chars/s  ({r['cold_seconds']:.3f} s: "
                             f"its first pass)")
    for name, r in (("dateparser", dp), ("chrono-node", ch)):
        if "skipped" not in r:
            cold = r.get("cold_chars_per_s", r["chars_per_s"])  # dateparser: one pass after a warm-up call
            lines.append(f"ratio timeline / {name}: warm {tl['chars_per_s'] / r['chars_per_s']:.2f}x, "
                         f"cold {tl['cold_chars_per_s'] / cold:.2f}x")
    lines.append(f"memory: tracemalloc peak {tl['tracemalloc_peak_bytes'] / mb:.1f} MiB during one pass; "
                 f"peak RSS {tl['peak_rss_bytes'] / mb:.1f} MiB (timeline process, before dateparser)")
    if "peak_rss" in ch:
        lines.append(f"        chrono-node process peak RSS {ch['peak_rss'] / mb:.1f} MiB")
    lines.append("scaling (each document's text repeated k times):")
    for k, s in tl["scaling"].items():
        lines.append(f"  {k:>4} {s['chars']:>11,} chars  {s['seconds']:8.3f} s  time x{s['time_ratio']:.2f}  "
                     f"{s['chars'] / s['seconds']:>12,.0f} chars/s")
    if "profile" in tl:
        lines.append(tl["profile"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report (and a JSON line with --json)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL corpus (doc_id, dct, text)")
    ap.add_argument("--dateparser-docs", type=int, default=30, help="documents timed for dateparser")
    ap.add_argument("--rounds", type=int, default=3, help="timed passes (best is kept)")
    ap.add_argument("--profile", action="store_true", help="cProfile one timeline pass (top 25 by own time)")
    ap.add_argument("--no-dateparser", action="store_true", help="skip dateparser")
    ap.add_argument("--no-chrono", action="store_true", help="skip chrono-node")
    ap.add_argument("--json", action="store_true", help="also print the results as one JSON line")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"Error: {args.corpus}: no such corpus (use --corpus)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    pinned = pin_one_core()
    docs = load(args.corpus)
    res = {"corpus": str(args.corpus), "pinned": pinned, "rounds": args.rounds,
           "timeline": bench_timeline(docs, args.rounds, args.profile)}
    res["dateparser"] = {"skipped": "--no-dateparser"} if args.no_dateparser else \
        bench_dateparser(docs, args.dateparser_docs)
    res["chrono"] = {"skipped": "--no-chrono"} if args.no_chrono else bench_chrono(args.corpus, args.rounds)
    print(report(res))
    if args.json:
        res["timeline"].pop("profile", None)
        print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
