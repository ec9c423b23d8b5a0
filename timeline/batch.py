"""The batch behind ``timeline export``: read inputs, build one timeline per document (or one merged),
render every format and write each file atomically into the output folder.

Failures never stop the batch: each failed input is handed to ``on_error`` and counted; that includes an
exception from a bug in the tagger or the events layer, reported for its document as an "internal
error" line (the exit code is then 1) so the other documents are still exported. Output names
come from document ids made safe (``safe_stem``): they never leave the output folder and never collide
within a run (``a.ics``, ``a-2.ics``). ``jobs > 1`` builds and renders documents in worker processes;
results are collected in input order, so the files written are the same as with ``jobs == 1``.

    >>> safe_stem("../../etc/passwd"), safe_stem("Café: “opens”"), safe_stem("..")
    ('etc-passwd', 'Café-opens', 'document')
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from . import api
from .atomic import atomic_write
from .errors import ArticleError, TimelineError, WriterError
from .model import Document, Timeline, TimeSpan
from .readers import NoDateError, read_inputs

DEFAULT_FORMATS = ("ics", "json", "md")
_UNSAFE = re.compile(r"[^\w.-]+")
_MAX_STEM_BYTES = 120
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}

ErrorHandler = Callable[[TimelineError], None]
Progress = Callable[[Iterable, int], contextlib.AbstractContextManager]


@dataclass(frozen=True)
class ExportOptions:
    """What ``timeline export`` was asked to do (already validated by the CLI)."""

    out_dir: Path = Path("exports")
    formats: tuple[str, ...] = DEFAULT_FORMATS
    reference_date: dt.date | None = None
    merge: bool = False
    jobs: int = 1
    name: str | None = None
    tz: str | None = None


@dataclass
class ExportReport:
    """What a run did: counts, written files, failures (in the order they happened) and time taken."""

    documents: int = 0
    events: int = 0
    written: list[Path] = field(default_factory=list)
    failures: list[TimelineError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 when every input was exported; 2 when an article lacked a date (rerun with
        ``--reference-date``: a command-line fix); 1 for any other failed input."""
        if any(isinstance(f, NoDateError) for f in self.failures):
            return 2
        return 1 if self.failures else 0

    def summary(self) -> str:
        """One line: documents, events, failures and seconds."""
        return (f"{_plural(self.documents, 'document')}, {_plural(self.events, 'event')}, "
                f"{_plural(len(self.failures), 'failure')} in {self.seconds:.1f} s")


def export(
    paths: Sequence[str],
    options: ExportOptions,
    *,
    stdin: BinaryIO | None = None,
    on_error: ErrorHandler | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Export every input in ``paths`` into ``options.out_dir``; never raises for bad input.

    ``on_error`` gets each failure as it happens (an ``ArticleError`` or ``WriterError`` whose ``str``
    is ``<input>[:line]: <why>``). ``progress(iterable, length)`` may wrap the per-document loop in a
    progress display (a context manager yielding the iterable, as ``click.progressbar``).
    """
    started = time.perf_counter()
    report = ExportReport()

    def fail(exc: TimelineError) -> None:
        report.failures.append(exc)
        if on_error is not None:
            on_error(exc)

    try:
        Path(options.out_dir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # one line, not one per output file
        fail(WriterError(f"{options.out_dir}: cannot create the output folder: {exc.strerror or exc}"))
        report.seconds = time.perf_counter() - started
        return report
    documents: list[Document] = []
    for item in read_inputs(paths, options.reference_date, stdin=stdin, exclude=[options.out_dir]):
        if isinstance(item, Document):
            documents.append(item)
        else:
            fail(item)
    report.documents = len(documents)
    if options.merge:
        if documents:
            name = options.name or "timeline"
            stem = safe_stem(name)
            outcome = _build_and_render(tuple(documents), name, options.formats, True,
                                        options.tz, previous_exports(options.out_dir, stem, options.formats))
            _store(outcome, stem, name, options, report, fail)
    else:
        stems = unique_stems([doc.id for doc in documents], options.formats)
        outcomes = _outcomes(documents, stems, options)
        wrap = progress or _no_progress
        with wrap(zip(documents, stems, outcomes), len(documents)) as items:
            for doc, stem, outcome in items:
                _store(outcome, stem, doc.source or doc.id, options, report, fail)
    report.seconds = time.perf_counter() - started
    return report


def safe_stem(raw: str) -> str:
    """A file-name stem made from a document id: letters, digits, ``_``, ``.``, ``-`` only; no leading dot,
    no path separator, at most 120 UTF-8 bytes, never empty or a reserved device name."""
    stem = _UNSAFE.sub("-", unicodedata.normalize("NFC", raw))
    stem = re.sub(r"-{2,}", "-", stem).strip(".- ")
    stem = stem.encode("utf-8")[:_MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip(".- ")
    if not stem:
        return "document"
    if stem.split(".")[0].upper() in _RESERVED:
        return f"_{stem}"
    return stem


def unique_stems(ids: Sequence[str], formats: Sequence[str]) -> list[str]:
    """One safe stem per id, so that no two output files of the run share a name (case-insensitively,
    across every format's suffix): ``a``, ``a-2``, ``a-3``."""
    from .writers import output_name

    taken: set[str] = set()
    stems = []
    for raw in ids:
        base = safe_stem(raw)
        stem, n = base, 1
        while any(output_name(stem, fmt).casefold() in taken for fmt in formats):
            n += 1
            stem = f"{base}-{n}"
        taken.update(output_name(stem, fmt).casefold() for fmt in formats)
        stems.append(stem)
    return stems


@dataclass(frozen=True)
class _Outcome:
    """What one unit of work gives back across a process boundary (exceptions are not picklable)."""

    files: tuple[tuple[str, bytes], ...] = ()
    events: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None


def _build_and_render(documents: tuple[Document, ...], name: str, formats: Sequence[str], merge: bool,
                      tz: str | None = None, previous: dict[str, bytes] | None = None) -> _Outcome:
    """Build the timeline and render every format in memory: nothing is written if any step fails.
    ``previous`` holds earlier exports (by format) that the new ones update (see ``previous_exports``)."""
    previous = previous or {}
    try:
        timeline: Timeline = api.build_timeline(documents, name, merge=merge)
        if tz is not None:
            timeline = with_zone(timeline, tz)
        files = tuple((fmt, api.render(timeline, fmt, previous=previous.get(fmt))) for fmt in formats)
    except ArticleError as exc:  # already about this input: keep the reason, the caller names the input
        return _Outcome(error=exc.message if exc.line is None else f"line {exc.line}: {exc.message}")
    except TimelineError as exc:
        return _Outcome(error=str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug on one document must not lose the rest of the batch
        return _Outcome(error=f"internal error (a bug in timeline, please report it): {type(exc).__name__}: {exc}")
    return _Outcome(files, len(timeline.events), tuple(timeline.warnings))


def _one(doc: Document, formats: tuple[str, ...], tz: str | None = None,
         previous: dict[str, bytes] | None = None) -> _Outcome:
    return _build_and_render((doc,), doc.title or doc.id, formats, False, tz, previous)


def previous_exports(out_dir: Path, stem: str, formats: Sequence[str]) -> dict[str, bytes]:
    """The files an earlier run wrote for ``stem`` in the formats that update them (iCalendar: a
    re-export keeps each event's UID and raises SEQUENCE when it changed), by format."""
    from .writers import FORMATS, output_name

    found = {}
    for fmt in formats:
        path = Path(out_dir) / output_name(stem, fmt)
        if FORMATS[fmt].updates and path.is_file():
            with contextlib.suppress(OSError):  # unreadable: written afresh, as if it were not there
                found[fmt] = path.read_bytes()
    return found


def with_zone(timeline: Timeline, tz: str) -> Timeline:
    """``timeline`` with every clock time that has no zone (a naive timed span without ``tz``) put in the
    IANA zone ``tz``; dates and zoned times are left alone (``--tz``)."""
    def zoned(span: TimeSpan | None) -> TimeSpan | None:
        if span is None or not span.is_timed or span.tz is not None or span.start.tzinfo is not None:
            return span
        return replace(span, tz=tz)

    events = tuple(e if (span := zoned(e.span)) is e.span else replace(e, span=span) for e in timeline.events)
    return replace(timeline, events=events)


def _outcomes(documents: list[Document], stems: list[str], options: ExportOptions) -> Iterator[_Outcome]:
    previous = (previous_exports(options.out_dir, stem, options.formats) for stem in stems)
    if options.jobs <= 1 or len(documents) <= 1:
        return (_one(doc, options.formats, options.tz, prev) for doc, prev in zip(documents, previous))
    return _parallel(documents, list(previous), options)


def _parallel(documents: list[Document], previous: list[dict[str, bytes]],
              options: ExportOptions) -> Iterator[_Outcome]:
    workers = min(options.jobs, len(documents))
    chunk = max(1, len(documents) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        n = len(documents)
        yield from pool.map(_one, documents, [options.formats] * n, [options.tz] * n, previous, chunksize=chunk)


def _store(outcome: _Outcome, stem: str, where: str, options: ExportOptions,
           report: ExportReport, fail: ErrorHandler) -> None:
    from .writers import output_name

    report.warnings.extend(f"{where}: {w}" for w in outcome.warnings)
    if outcome.error is not None:
        fail(ArticleError(where, outcome.error))
        return
    report.events += outcome.events
    out_dir = Path(options.out_dir)
    for fmt, data in outcome.files:
        target = out_dir / output_name(stem, fmt)
        if target.parent != out_dir or os.sep in stem or (os.altsep and os.altsep in stem):
            fail(ArticleError(where, f"unsafe output name {target.name!r}"))  # pragma: no cover - safe_stem
            return
        try:
            report.written.append(atomic_write(target, data))
        except WriterError as exc:
            fail(ArticleError(where, str(exc)))
            return


@contextlib.contextmanager
def _no_progress(items: Iterable, length: int) -> Iterator[Iterable]:
    yield items


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
