"""Which of two versions of the tagger is faster: both in one process, their passes alternated.

    python bench/ab.py                    # HEAD against the working tree
    python bench/ab.py 4ca0f2e            # that commit against the working tree
    python bench/ab.py 4ca0f2e 7d932fa    # two commits
    python bench/ab.py --passes 21 --corpus other.jsonl

On a shared machine the time of a pass drifts by ~10% within minutes, more than most single changes
save, so timing each version in its own run (as ``speed.py`` does) cannot tell them apart. Here each
version's ``timeline`` package is imported under its own name (``timeline_a``, ``timeline_b``: the
package imports itself only relatively), warmed up, then timed pass after pass in turn (A B, B A, ...),
each pass with its memos emptied first, as ``speed.py``'s warm passes are. It prints each version's
best pass and the difference. Run it with A and B the same version to see the method's own error
(up to ~0.6 ms either way on the dev corpus's ~70 ms passes, 6 runs; repeat a run before trusting a
change of about 1 ms).
"""
from __future__ import annotations

import argparse
import importlib
import io
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from speed import DEFAULT_CORPUS, load  # noqa: E402


def place(rev: str | None, name: str, folder: Path) -> None:
    """Put the ``timeline`` package of git revision ``rev`` (None: the working tree) at ``folder/name``."""
    target = folder / name
    if rev is None:
        target.symlink_to(REPO / "timeline", target_is_directory=True)
        return
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "timeline"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder / "_rev", filter="data")
    (folder / "_rev" / "timeline").rename(target)


def passes(versions: dict, docs: list, count: int) -> dict[str, float]:
    """The best time of ``count`` passes of each version over ``docs``, the versions taking turns."""
    best = {name: float("inf") for name in versions}
    order = list(versions)
    for i in range(count):
        for name in order if i % 2 == 0 else reversed(order):
            extract, forget = versions[name]
            forget()
            t0 = time.perf_counter()
            for text, dct in docs:
                extract(text, dct)
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def main() -> int:
    """Parse the options, import both versions, time them and print the result."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a", nargs="?", default="HEAD", help="git revision for A (default HEAD)")
    ap.add_argument("b", nargs="?", default=None, help="git revision for B (default: the working tree)")
    ap.add_argument("--passes", type=int, default=15, help="timed passes per version (best is kept)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL corpus (doc_id, dct, text)")
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    docs = load(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for rev, name in ((args.a, "timeline_a"), (args.b, "timeline_b")):
            place(rev, name, folder)
        sys.path.insert(0, str(folder))
        versions = {}
        for name in ("timeline_a", "timeline_b"):
            api = importlib.import_module(f"{name}.api")
            forget = importlib.import_module(f"{name}.extract").forget_memos
            for text, dct in docs:  # warm-up: rules compiled, dispatch tables filled
                api.extract(text, dct)
            versions[name] = (api.extract, forget)
        best = passes(versions, docs, args.passes)
    a, b = best["timeline_a"], best["timeline_b"]
    print(f"A {args.a}: {a * 1000:.2f} ms   B {args.b or 'working tree'}: {b * 1000:.2f} ms   "
          f"B - A: {(b - a) * 1000:+.2f} ms ({(b - a) / a:+.1%}), best of {args.passes} passes each over "
          f"{sum(len(t) for t, _ in docs):,} chars")
    return 0


if __name__ == "__main__":
    sys.exit(main())
