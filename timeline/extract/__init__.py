"""The temporal tagger: ``tag(text, dct)`` finds TIMEX3 expressions and normalizes them.

Rules are data (``rules/<lang>/*.toml``, loaded by :mod:`.rules`); :mod:`.engine` runs them,
:mod:`.refiners` post-process the matches and :mod:`.resolve` does the calendar arithmetic.
"""
from .engine import tag


def forget_memos(lang: str = "en") -> None:
    """Forget the memoized results (operation outcomes, value spans, vocabulary lookups) so the next text is
    resolved afresh; the compiled rules and dispatch tables stay. Benchmarks that tag the same text several
    times call it between passes so a pass is not a lookup of the previous one."""
    from .refiners import forget_outcomes
    from .rules import load

    forget_outcomes()
    load(lang).forget_lookups()


__all__ = ["forget_memos", "tag"]
