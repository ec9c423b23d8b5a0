"""The read-only context every extraction step receives."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .rules import Language


@dataclass(frozen=True)
class ExtractContext:
    """The text being tagged, its anchor (publication date) and the compiled language rules."""

    text: str
    anchor: dt.date
    language: Language
