"""The read-only context every extraction step receives."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .rules import Language


@dataclass(frozen=True)
class ExtractContext:
    """The text being tagged, its anchor (publication date), the compiled language rules, and the sink
    for warnings about expressions that cannot be placed on the calendar (the only thing steps add to)."""

    text: str
    anchor: dt.date
    language: Language
    warnings: list[str] = field(default_factory=list, compare=False)
    lowered: str | None = field(default=None, compare=False, repr=False)  # engine.lower_same_length(text), if known
