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


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("ics", "ics", ".ics"),
        Format("json", "json_timeline", ".json"),
        Format("md", "markdown", ".md"),
        Format("timelinejs", "timelinejs", ".timelinejs.json"),
        Format("html", "html", ".html"),
        Format("csv", "csv_table", ".csv"),
    )
}


def render(timeline: Timeline, fmt: str) -> bytes:
    """Serialize ``timeline`` in format ``fmt`` (a key of ``FORMATS``)."""
    try:
        spec = FORMATS[fmt]
    except KeyError:
        raise WriterError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})") from None
    module = importlib.import_module(f"{__name__}.{spec.module}")
    return module.render(timeline)


def output_name(stem: str, fmt: str) -> str:
    """The file name of a ``fmt`` export of the input named ``stem``: ``<stem><suffix>``."""
    return stem + FORMATS[fmt].suffix
