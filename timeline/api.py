"""The library API. Everything the CLI does is a call to one of these functions.

    >>> import datetime as dt
    >>> from timeline import api
    >>> tagging = api.extract("The talks were held on September 20-22.", dt.date(2023, 9, 22))
    >>> [m.value for m in tagging.mentions]
    ['2023-09-20', '2023-09-22']
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .model import Document, Tagging, Timeline


def extract(text: str, published: dt.date, *, lang: str = "en") -> Tagging:
    """Find every temporal expression in ``text``, normalized against the publication date."""
    from .extract import tag

    return tag(text, published, lang=lang)


def build_timeline(documents: Iterable[Document], name: str, *, merge: bool = True) -> Timeline:
    """Tag each document, build its events, and (``merge``) join the same happening across documents."""
    from .events import build_timeline as _build

    return _build(tuple(documents), name, merge=merge)


def render(timeline: Timeline, fmt: str, *, previous: bytes | None = None) -> bytes:
    """Serialize a timeline in one format (``ics``, ``json``, ``md``, ...) to bytes.

    ``previous``: an earlier export in the same format; an iCalendar export then keeps its UIDs and
    raises the SEQUENCE of the events that changed, so calendars update them on re-import.
    """
    from .writers import render as _render

    return _render(timeline, fmt, previous=previous)
