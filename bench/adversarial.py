"""Adversarial inputs of up to 1 MiB through the readers and the tagger, timed at 1x/4x/16x.

    python bench/adversarial.py                   # base 64 KiB, so 16x is 1 MiB
    python bench/adversarial.py --base 16384 --only digits,may --json
    python bench/adversarial.py --no-tagger       # readers only
    python bench/adversarial.py --targets tagger --only may,weekdays

Each pattern is repeated to ``base``, ``4*base`` and ``16*base`` characters and run once per scale
(best of ``--repeat``) through ``read_bytes`` (text article with a header; and once more as cp1252
bytes, so charset-normalizer decides) and through ``timeline.api.extract``. Linear time shows as
ratios near 4 and 16. A ratio t16/t1 above 32 (twice linear) is flagged SUPERLINEAR. When the 4x run is
already more than 8 times the 1x run and 16x would take over ``--cap`` seconds by that rate, the
16x run is skipped and the pattern flagged QUADRATIC with the size that triggered it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpora" / "tbaq-dev.jsonl"
DCT = dt.date(2023, 9, 22)
SCALES = (1, 4, 16)

PATTERNS = {
    "digits": "7",
    "digit-words": "2023 ",
    "year-runs": "19981999200020012002",
    "dashed-20": "20-",
    "slashed": "12/",
    "dotted-numbers": "1.",
    "thousands": "1,000,",
    "may": "May ",
    "months": "January February March April May June July August September October November December ",
    "month-day": "September 20-22, ",
    "weekdays": "Monday Tuesday ",
    "relative": "last week next month the year before ",
    "ranges": "from May to June to July through ",
    "times": "3 p.m. 10:30 a.m. noon ",
    "spaces": " ",
    "newlines": "\n",
    "mixed-ws": " \t\n\u00a0\r\n",
    "dotted-abbrev": "a.",
    "abbrev-caps": "U.S.A.",
    "sept-dots": "Sept. ",
    "one-word": "x",
    "apostrophes": "'90s ",
    "dashes": "–—-",
    "quarters": "Q1 Q2 H1 FY2023 ",
}


def corpus_unit() -> str | None:
    if not CORPUS.exists():
        return None
    return "\n\n".join(json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()[:40])


def make(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def targets(tagger):
    from timeline.readers import read_bytes

    def reader_utf8(text: str):
        list(read_bytes(f"Date: 2023-09-22\n\n{text}".encode("utf-8"), "adv.txt", "text", "adv"))

    def reader_header(text: str):
        list(read_bytes(f"{text[:len(text) // 2]}\n\n{text}".encode("utf-8"), "adv.txt", "text", "adv", DCT))

    def reader_cp1252(text: str):
        list(read_bytes(("Date: 2023-09-22\n\nCafé “x” " + text).encode("cp1252", "replace"), "adv.txt", "text", "adv"))

    found = {"read utf-8": reader_utf8, "read header": reader_header, "read cp1252": reader_cp1252}
    if tagger is not None:
        found["tagger"] = lambda text: tagger(text, DCT)
    return found


def load_tagger():
    try:
        from timeline.api import extract

        extract("On Friday.", DCT)
        return extract
    except Exception as exc:  # noqa: BLE001 - reported, the readers are still measured
        print(f"tagger unavailable, measuring the readers only: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None


def measure(name: str, unit: str, base: int, fn, repeat: int, cap: float) -> dict:
    row = {"pattern": name, "seconds": {}, "verdict": "linear"}
    for scale in SCALES:
        size = base * scale
        if scale == 16:
            t1, t4 = row["seconds"][1], row["seconds"][4]
            if t4 > 8 * t1 and t4 > 0.05 and t4 * (t4 / max(t1, 1e-6)) > cap:
                row["verdict"] = f"QUADRATIC (16x skipped; 4x = {4 * base} chars took {t4:.2f} s)"
                break
        text = make(unit, size)
        row["seconds"][scale] = best(lambda: fn(text), repeat)
    secs = row["seconds"]
    row["ratio4"] = secs[4] / max(secs[1], 1e-6)
    if 16 in secs:
        row["ratio16"] = secs[16] / max(secs[1], 1e-6)
        if row["ratio16"] > 32 and secs[16] > 0.05:
            row["verdict"] = "SUPERLINEAR"
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=int, default=64 * 1024, help="characters at 1x (16x = 16 times this)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per size, the best is kept")
    parser.add_argument("--cap", type=float, default=60.0, help="skip a 16x run predicted to take longer")
    parser.add_argument("--only", default="", help="comma-separated pattern names")
    parser.add_argument("--no-tagger", action="store_true", help="measure the readers only")
    parser.add_argument("--targets", default="", help="comma-separated targets: 'read utf-8', 'read header', "
                                                       "'read cp1252', tagger (default: all)")
    parser.add_argument("--json", action="store_true", help="also print one JSON line with every number")
    args = parser.parse_args(argv)
    patterns = dict(PATTERNS)
    unit = corpus_unit()
    if unit:
        patterns["dev-corpus"] = unit
    if args.only:
        patterns = {k: v for k, v in patterns.items() if k in args.only.split(",")}
    tagger = None if args.no_tagger else load_tagger()
    rows, flagged = [], []
    print(f"{'target':12} {'pattern':14} {'1x s':>8} {'4x s':>8} {'16x s':>8} {'4x/1x':>6} {'16x/1x':>7}  verdict")
    chosen = {k: v for k, v in targets(tagger).items() if not args.targets or k in args.targets.split(",")}
    for target, fn in chosen.items():
        for name, pattern in patterns.items():
            row = measure(name, pattern, args.base, fn, args.repeat, args.cap)
            row["target"] = target
            rows.append(row)
            s = row["seconds"]
            print(f"{target:12} {name:14} {s[1]:8.3f} {s[4]:8.3f} {s.get(16, float('nan')):8.3f} "
                  f"{row['ratio4']:6.1f} {row.get('ratio16', float('nan')):7.1f}  {row['verdict']}", flush=True)
            if row["verdict"] != "linear":
                flagged.append(f"{target} / {name}: {row['verdict']} (input: {pattern[:40]!r} repeated)")
    print(f"\nbase {args.base} chars; 16x = {16 * args.base} chars. Flagged: {len(flagged)}")
    for line in flagged:
        print(f"  {line}")
    if args.json:
        print(json.dumps({"base": args.base, "rows": rows}, sort_keys=True))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
