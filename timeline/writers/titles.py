"""Event titles as calendars and timelines show them, shared so every format says the same thing.

    >>> import datetime as dt
    >>> from timeline.model import Event, EventKind
    >>> target = Event("x", "Industry scale of 100 billion yuan", EventKind.DEADLINE, "2025", None)
    >>> display_title(target)
    'Deadline: Industry scale of 100 billion yuan'
"""
from __future__ import annotations

import re

from ..model import Event, EventKind

DEADLINE_PREFIX = "Deadline: "
_SAYS_TARGET = re.compile(r"\b(deadline|target|due)\b", re.IGNORECASE)


def display_title(event: Event) -> str:
    """The event's title; a deadline's says it is one ("Deadline: ...") unless its words already do
    ("Target: ...", "Filing due")."""
    if event.kind is EventKind.DEADLINE and not _SAYS_TARGET.search(event.title):
        return DEADLINE_PREFIX + event.title
    return event.title
