"""Fuzz the readers and the tagger: >= 100,000 generated inputs, report how many crash.

    python bench/fuzz.py                               # 100,000 inputs, seeded generator, readers + tagger
    python bench/fuzz.py --runs 20000 --seed 7 --save test-artifacts/fuzz
    python bench/fuzz.py --engine atheris --runs 100000  # coverage-guided (pip install -e '.[bench]')

A crash is any exception other than the ``ArticleError`` a reader yields for bad input, and any broken
invariant: a reader yielding something else than ``Document``/``ArticleError``, a document without text
or date, a mention whose offsets do not index the text (``text[start:end] != mention.text``).
Each distinct crash (exception type + innermost timeline frame) is counted, and its first input is
saved in ``--save`` (default test-artifacts/fuzz/) to replay with ``--replay FILE`` (which also shrinks
a tagger crash to the fewest words that still crash).

Inputs (``random`` engine): news-like token soup (months, weekdays, numbers, ranges, TIMEX phrases),
the same wrapped in every header form, JSONL lines with odd fields and values, HTML snippets, slices of
the dev corpus with byte-level mutations, and plain random bytes; the first byte picks the reader
(text/jsonl/json/html/auto) and the publication date comes from the generator.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpora" / "tbaq-dev.jsonl"
KINDS = ("text", "jsonl", "json", "auto", "html")

MONTHS = ["January", "Feb.", "March", "Apr", "May", "June", "Jul.", "August", "Sept.", "Sep", "October",
          "Nov", "December", "may", "MARCH"]
WEEKDAYS = ["Monday", "Tues.", "Wednesday", "Thu", "Friday", "Saturday", "Sunday", "monday"]
WORDS = ["the", "on", "in", "by", "since", "from", "to", "until", "through", "between", "and", "ago", "last",
         "next", "this", "that", "early", "late", "mid", "end of", "beginning of", "the first", "quarter",
         "half", "week", "weekend", "month", "year", "decade", "century", "day", "days", "years", "hours",
         "today", "tomorrow", "yesterday", "tonight", "now", "recently", "in recent years", "at the same time",
         "a.m.", "p.m.", "noon", "midnight", "GMT", "EST", "summer", "winter", "fiscal", "Q3", "H1", "1990s",
         "'90s", "every", "each", "per", "annually", "the past", "coming", "following", "previous", "said",
         "will", "was held", "is due", "deadline", "before", "after", "during", "around", "about", "nearly"]
PUNCT = [",", ".", "-", "–", "—", "/", ":", ";", "(", ")", "'", "’", "\"", "\n", "\n\n", "  ", "\t", "\u00a0",
         "\u200b", "\r\n"]
HEADERS = ["date {iso} {title}", "Date: {iso}", "Published: {human}", "Published {human}", "{human}",
           "---\ntitle: {title}\ndate: {iso}\n---", "Title: {title}\nDate: {human}", "{title}\n{human}",
           "Date: {garbage}", "date {garbage} {title}"]


def number(rng: random.Random) -> str:
    return rng.choice([str(rng.randrange(0, 32)), str(rng.randrange(1900, 2100)), str(rng.randrange(10**6)),
                       "0" * rng.randrange(1, 6), str(rng.randrange(10**12)), "99999", "00", "1st", "22nd",
                       f"{rng.randrange(100)}:{rng.randrange(100):02d}", f"{rng.randrange(40)}-{rng.randrange(40)}",
                       f"{rng.randrange(9999)}-{rng.randrange(20):02d}-{rng.randrange(40):02d}"])


# letters that IGNORECASE matches to an ASCII letter that str.lower does not give ("ı" for "i"): a pattern
# matches the word, a lookup must read it too (found by hand: "a week earlıer" raised TypeError)
FOLDED = {"i": "ı", "s": "ſ", "I": "İ", "k": "\u212a"}


def folded(rng: random.Random, token: str) -> str:
    """``token`` with one of its letters swapped for a letter IGNORECASE folds to it, if it has one."""
    spots = [i for i, ch in enumerate(token) if ch in FOLDED]
    if not spots:
        return token
    i = rng.choice(spots)
    return token[:i] + FOLDED[token[i]] + token[i + 1:]


def token_soup(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        pick = rng.random()
        if pick < 0.2:
            parts.append(rng.choice(MONTHS))
        elif pick < 0.3:
            parts.append(rng.choice(WEEKDAYS))
        elif pick < 0.55:
            parts.append(number(rng))
        elif pick < 0.85:
            parts.append(rng.choice(WORDS))
        else:
            parts.append(rng.choice(PUNCT))
        if rng.random() < 0.1:
            parts[-1] = folded(rng, parts[-1])
    return " ".join(parts) if rng.random() < 0.7 else "".join(parts)


def random_date(rng: random.Random) -> dt.date:
    return dt.date(rng.choice([1, 2, 1000, 1998, 2023, 2024, 9998, 9999]), rng.randrange(1, 13), rng.randrange(1, 29))


def with_header(rng: random.Random, body: str) -> str:
    day = random_date(rng)
    header = rng.choice(HEADERS).format(
        iso=day.isoformat(), human=day.strftime(rng.choice(["%B %d, %Y", "%b. %d, %Y", "%A, %d %B %Y", "%d/%m/%Y"])),
        title=token_soup(rng, rng.randrange(0, 8)), garbage=token_soup(rng, 3))
    return header + rng.choice(["\n\n", "\n", "\r\n\r\n", ""]) + body


def jsonl(rng: random.Random, body: str) -> str:
    lines = []
    for _ in range(rng.randrange(1, 4)):
        record = {}
        for key in rng.sample(["id", "doc_id", "date", "dct", "title", "text", "body", "url"], rng.randrange(0, 8)):
            record[key] = rng.choice([body, token_soup(rng, 3), random_date(rng).isoformat(), None, 3, [], {},
                                      "", "February 30, 2023", "../../x", True, 1e308])
        line = json.dumps(record)
        if rng.random() < 0.2:
            cut = rng.randrange(len(line) + 1)
            line = line[:cut]
        lines.append(line)
    return "\n".join(lines)


def html(rng: random.Random, body: str) -> str:
    tags = ["p", "div", "article", "h1", "span", "script", "nav", "time", "meta"]
    inner = "".join(f"<{t}>{token_soup(rng, 6)}</{t}>" for t in rng.choices(tags, k=rng.randrange(1, 6)))
    date = random_date(rng).isoformat()
    return (f"<html><head><meta property=\"article:published_time\" content=\"{date}\"><title>{token_soup(rng, 4)}"
            f"</title></head><body>{inner}<p>{body}</p></body></html>")


def mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randrange(1, 8)):
        op = rng.random()
        pos = rng.randrange(len(buf) + 1)
        if op < 0.3 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op < 0.5:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        elif op < 0.7 and buf:
            end = min(len(buf), pos + rng.randrange(1, 64))
            buf[pos:pos] = buf[pos:end] * rng.randrange(1, 5)
        elif buf:
            del buf[pos:pos + rng.randrange(1, 16)]
    return bytes(buf)


def corpus_texts() -> list[str]:
    if not CORPUS.exists():
        return []
    texts = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        text = json.loads(line).get("text", "")
        for start in range(0, len(text), 600):
            texts.append(text[start:start + 600])
    return texts


class Generator:
    """Seeded inputs: (first byte = reader kind and date choice) + payload."""

    def __init__(self, seed: int, html_share: float) -> None:
        self.rng = random.Random(seed)
        self.corpus = corpus_texts()
        self.html_share = html_share

    def __call__(self) -> bytes:
        rng = self.rng
        body = token_soup(rng, rng.randrange(1, 60))
        if self.corpus and rng.random() < 0.3:
            body = rng.choice(self.corpus)
        pick = rng.random()
        if pick < self.html_share:
            payload, kind = html(rng, body), 4
        elif pick < 0.35:
            payload, kind = with_header(rng, body), 0
        elif pick < 0.5:
            payload, kind = jsonl(rng, body), rng.choice([1, 2, 3])
        elif pick < 0.9:
            payload, kind = body, rng.choice([0, 3])
        else:
            payload, kind = "", rng.choice([0, 1, 2, 3])
        data = payload.encode(rng.choice(["utf-8"] * 6 + ["utf-16", "cp1252", "latin-1"]), "replace")
        if pick >= 0.9:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))
        elif rng.random() < 0.25:
            data = mutate(rng, data)
        return bytes([kind + 5 * rng.randrange(2) + 10 * rng.randrange(25)]) + data


class Harness:
    """Runs one input through the readers and the tagger and counts distinct crashes."""

    def __init__(self, tagger: bool, save: Path | None) -> None:
        from timeline.errors import ArticleError
        from timeline.model import Document
        from timeline.readers import read_bytes

        self.read_bytes, self.Document, self.ArticleError = read_bytes, Document, ArticleError
        self.tag = None
        if tagger:
            try:
                from timeline.api import extract

                extract("On Friday.", dt.date(2023, 9, 22))
                self.tag = extract
            except Exception as exc:  # noqa: BLE001 - reported, then the run goes on without the tagger
                print(f"tagger unavailable, fuzzing the readers only: {type(exc).__name__}: {exc}", file=sys.stderr)
        self.save = save
        self.runs = 0
        self.crashes: Counter[str] = Counter()
        self.examples: dict[str, str] = {}
        self.tagged = 0

    def __call__(self, data: bytes) -> None:
        self.runs += 1
        try:
            self.one(data)
        except Exception as exc:  # noqa: BLE001 - counting crashes is the point
            self.record(exc, data)

    def one(self, data: bytes) -> None:
        if not data:
            return
        head, payload = data[0], data[1:]
        kind = KINDS[head % 5]
        reference = None if head % 10 < 5 else dt.date(2023, 9, 22)
        published = None
        for result in self.read_bytes(payload, "fuzz", kind, "fuzz", reference):
            if isinstance(result, self.ArticleError):
                continue
            if not isinstance(result, self.Document) or not result.text.strip() or result.published is None:
                raise AssertionError(f"reader yielded {result!r}")
            published = result.published
            self.check_tag(result.text, result.published)
        if self.tag is not None:
            text = payload.decode("utf-8", "replace")
            self.check_tag(text, published or dt.date(1 + head * 39, 1 + head % 12, 1 + head % 28))

    def check_tag(self, text: str, published: dt.date) -> None:
        if self.tag is None:
            return
        self.tagged += 1
        tagging = self.tag(text, published)
        for m in tagging.mentions:
            if not (0 <= m.start <= m.end <= len(text)) or text[m.start:m.end] != m.text:
                raise AssertionError(f"mention {m.text!r} at {m.start}:{m.end} does not index the text")

    def record(self, exc: Exception, data: bytes) -> None:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/timeline/" in f.filename]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        key = f"{type(exc).__name__} at {where}: {str(exc)[:120]}"
        self.crashes[key] += 1
        if key not in self.examples:
            name = hashlib.sha1(data).hexdigest()[:12]
            self.examples[key] = name
            if self.save is not None:
                self.save.mkdir(parents=True, exist_ok=True)
                (self.save / f"crash-{name}.bin").write_bytes(data)

    def report(self, seconds: float) -> str:
        lines = [f"runs: {self.runs}  tagger calls: {self.tagged}  seconds: {seconds:.1f}  "
                 f"crashing inputs: {sum(self.crashes.values())}  distinct crashes: {len(self.crashes)}"]
        for key, count in self.crashes.most_common():
            lines.append(f"  {count:6d}  {key}  (input crash-{self.examples[key]}.bin)")
        return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100_000, help="inputs to run (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (random engine)")
    parser.add_argument("--engine", choices=["random", "atheris"], default="random")
    parser.add_argument("--html-share", type=float, default=0.02, help="share of HTML inputs (slow reader)")
    parser.add_argument("--no-tagger", action="store_true", help="fuzz the readers only")
    parser.add_argument("--save", type=Path, default=REPO / "test-artifacts" / "fuzz", help="crash inputs folder")
    parser.add_argument("--replay", type=Path, help="run one saved input and show its traceback")
    args, rest = parser.parse_known_args(argv)
    if args.engine == "atheris":  # instrument timeline's modules for coverage before anything imports them
        import atheris

        with atheris.instrument_imports(include=["timeline"]):
            import timeline.readers.dates, timeline.readers.decode, timeline.readers.jsonl  # noqa: F401, E401
            import timeline.readers.paths, timeline.readers.text  # noqa: F401, E401
            try:
                import timeline.extract  # noqa: F401
            except Exception:  # noqa: BLE001 - Harness reports the tagger as unavailable
                pass
    harness = Harness(not args.no_tagger, args.save)
    if args.replay:
        return replay(harness, args.replay)
    started = time.perf_counter()
    if args.engine == "atheris":
        return run_atheris(harness, args.runs, rest, started)
    generate = Generator(args.seed, args.html_share)
    for n in range(args.runs):
        harness(generate())
        if n and n % 10_000 == 0:
            print(f"... {n} runs, {sum(harness.crashes.values())} crashes, {time.perf_counter() - started:.0f} s",
                  file=sys.stderr, flush=True)
    print(harness.report(time.perf_counter() - started))
    return 1 if harness.crashes else 0


def replay(harness: Harness, path: Path) -> int:
    """Run one saved input; on a tagger crash print the smallest text (whole words dropped greedily)
    and the publication date that still crash, then the traceback."""
    calls: list[tuple[str, dt.date]] = []
    check = harness.check_tag

    def recording(text: str, published: dt.date) -> None:
        calls.append((text, published))
        check(text, published)

    harness.check_tag = recording
    try:
        harness.one(path.read_bytes())
    except Exception:  # noqa: BLE001 - shown below
        if calls and harness.tag is not None:
            text, published = calls[-1]
            words = text.split(" ")
            shrunk = True
            while shrunk and len(words) > 1:
                shrunk = False
                for i in range(len(words)):
                    try:
                        check(" ".join(words[:i] + words[i + 1:]), published)
                    except Exception:  # noqa: BLE001 - still crashes without word i
                        words = words[:i] + words[i + 1:]
                        shrunk = True
                        break
            print(f"tagger crash: text {' '.join(words)[:300]!r}, publication date {published}")
        traceback.print_exc()
        return 1
    print("no crash")
    return 0


def run_atheris(harness: Harness, runs: int, rest: list[str], started: float) -> int:
    import atheris

    def one_input(data: bytes) -> None:
        harness(data)
        if harness.runs >= runs:
            print(harness.report(time.perf_counter() - started), flush=True)

    atheris.Setup([sys.argv[0], f"-runs={runs}", "-max_len=4096", *rest], one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
