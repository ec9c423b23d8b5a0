"""``timeline export --jobs 1`` against ``--jobs N`` on the dev corpus: wall-clock time and same output.

    python bench/jobs.py                       # ../shared/corpora/tbaq-dev.jsonl, --jobs 1 vs 2, best of 3
    python bench/jobs.py --jobs 1,2,4 --rounds 5 --format ics,json,md,csv
    python bench/jobs.py --corpus other.jsonl --copies 4   # the corpus repeated 4 times (ids stay unique)

Each run is the real command in a fresh process (``python -m timeline export CORPUS --out TMP --jobs N``),
so start-up and the process pool are included. Rounds are interleaved (1, 2, 1, 2, ...) and the best
of each is kept, which resists load from other processes; the load average is printed. The files
written by every ``--jobs`` value are compared byte for byte with those of the first. 2 cores here.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "tbaq-dev.jsonl"


def run(corpus: Path, out: Path, jobs: int, formats: str) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "timeline", "export", str(corpus), "--out", str(out),
                           "--jobs", str(jobs), "--format", formats], capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"--jobs {jobs} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return seconds, proc.stderr.count("\n")


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values; the first is the baseline")
    parser.add_argument("--rounds", type=int, default=3, help="runs per value, the best is kept")
    parser.add_argument("--format", default="ics,json,md")
    parser.add_argument("--copies", type=int, default=1, help="repeat the corpus this many times")
    args = parser.parse_args(argv)
    values = [int(v) for v in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        lines = corpus.read_text(encoding="utf-8").splitlines()
        if args.copies > 1:
            corpus = Path(tmp) / "corpus.jsonl"
            corpus.write_text("\n".join(lines * args.copies) + "\n", encoding="utf-8")
        print(f"corpus: {args.corpus} x{args.copies} = {len(lines) * args.copies} documents, "
              f"{corpus.stat().st_size / 1e6:.1f} MB; formats {args.format}; cores: {os.cpu_count()}")
        times: dict[int, list[float]] = {jobs: [] for jobs in values}
        outputs, errors = {}, {}
        for r in range(args.rounds):  # interleaved, so a burst of load elsewhere hits every value alike
            for jobs in values:
                out = Path(tmp) / f"out-{jobs}-{r}"
                seconds, errors[jobs] = run(corpus, out, jobs, args.format)
                times[jobs].append(seconds)
                outputs[jobs] = digest(out)
        best = {jobs: min(t) for jobs, t in times.items()}
        for jobs in values:
            print(f"--jobs {jobs}: best {best[jobs]:.2f} s of {', '.join(f'{t:.2f}' for t in times[jobs])}; "
                  f"{len(outputs[jobs])} files; {errors[jobs]} error lines")
        print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
        base = values[0]
        for jobs in values[1:]:
            same = outputs[jobs] == outputs[base]
            print(f"speed-up --jobs {jobs} vs --jobs {base}: {best[base] / best[jobs]:.2f}x; "
                  f"output identical: {'yes' if same else 'NO'}")
            if not same:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
