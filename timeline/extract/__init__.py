"""The temporal tagger: ``tag(text, dct)`` finds TIMEX3 expressions and normalizes them.

Rules are data (``rules/<lang>/*.toml``, loaded by :mod:`.rules`); :mod:`.engine` runs them,
:mod:`.refiners` post-process the matches and :mod:`.resolve` does the calendar arithmetic.
"""
from .engine import tag

__all__ = ["tag"]
