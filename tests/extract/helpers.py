"""Shared helpers for the tagger tests: one-result assertions that show what the engine found."""
from __future__ import annotations

import datetime as dt

from timeline.extract import tag

DCT = dt.date(2013, 3, 22)  # a Friday, as in the TIMEX3 notes


def found(text: str, dct: dt.date = DCT) -> list[tuple[str, str, str]]:
    """(text, value, rule id) of every mention, for failure messages."""
    return [(m.text, m.value, m.rule_id) for m in tag(text, dct).mentions]


def assert_one(text: str, dct: dt.date, expected: tuple[str, str], note: str = "") -> None:
    """Exactly one mention, with this extent and value."""
    mentions = tag(text, dct).mentions
    got = [(m.text, m.value) for m in mentions]
    assert got == [expected], f"{note}: {text!r} (dct {dct}) -> {found(text, dct)}"


def assert_unique_texts(cases) -> None:
    """Table-driven tests must not repeat an input."""
    texts = [case[0] for case in cases]
    assert len(texts) == len(set(texts)), [t for t in texts if texts.count(t) > 1]


def table(cases):
    """``@table(CASES)``: check the inputs are unique and parametrize over (text, dct, expected, note)."""
    import pytest

    assert_unique_texts(cases)
    return pytest.mark.parametrize(("text", "dct", "expected", "note"), cases)
