"""Writers: a registry of output formats, one module per format.

Each format module defines ``render(timeline: Timeline) -> bytes``. Output is reproducible:
the same timeline gives the same bytes (nothing depends on the clock or on dict order).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..errors import WriterError
from ..model import Timeline


@dataclass(frozen=True)
class Format:
    """An output format: its name on the command line, its module and its file suffix."""

    name: str
    module: str
    suffix: str
    updates: bool = False  # render(timeline, previous) updates an earlier export of the same timeline


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("ics", "ics", ".ics", updates=True),
        Format("json", "json_timeline", ".json"),
        Format("md", "markdown", ".md"),
        Format("timelinejs", "timelinejs", ".timelinejs.json"),
        Format("html", "html", ".html"),
        Format("csv", "csv_table", ".csv"),
    )
}


def render(timeline: Timeline, fmt: str, *, previous: bytes | None = None) -> bytes:
    """Serialize ``timeline`` in format ``fmt`` (a key of ``FORMATS``).

    ``previous`` is the earlier export of the same timeline in that format, for formats that update
    rather than replace (``Format.updates``: iCalendar keeps UIDs and raises SEQUENCE of changed events);
    other formats ignore it.
    """
    try:
        spec = FORMATS[fmt]
    except KeyError:
        raise WriterError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})") from None
    module = importlib.import_module(f"{__name__}.{spec.module}")
    if spec.updates and previous is not None:
        return module.render(timeline, previous)
    return module.render(timeline)


def output_name(stem: str, fmt: str) -> str:
    """The file name of a ``fmt`` export of the input named ``stem``: ``<stem><suffix>``."""
    return stem + FORMATS[fmt].suffix
