"""Confidence of an event from how its date is known: stated > inferred year > weekday > anaphora > vague."""
from __future__ import annotations

import re

from .lexicon import lexicon

# How a date was known -> confidence. Kept in this order on purpose (see Event.confidence).
CONFIDENCE = {
    "publication": 1.0,
    "explicit": 0.95,  # a full date with its year: "22 September 2023", "9/22/2023", "2025"
    "inferred": 0.85,  # month/day stated, year taken from the publication date: "September 20-22"
    "relative": 0.8,  # counted from the publication date: "yesterday", "last year"
    "weekday": 0.7,  # a weekday placed in the week of publication: "Friday", "last Friday"
    "anaphora": 0.55,  # from the time the text just talked about: "at the same time", "the next day"
    "vague": 0.25,  # "in recent years": no calendar extent
}
YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)|'\d{2}\b")


def how_known(text: str) -> str:
    """Classify the words of a time expression: explicit, inferred, weekday or relative."""
    lower = text.lower()
    if YEAR.search(text):
        return "explicit"
    lex = lexicon()
    words = set(re.findall(r"[a-z]+", lower))
    if words & lex.words("calendar", "weekdays"):
        return "weekday"
    if words & lex.words("calendar", "months"):
        return "inferred"
    if re.search(r"\d", lower):
        return "inferred"
    return "relative"


def confidence(how: str) -> float:
    """The confidence for one way of knowing a date (see ``CONFIDENCE``)."""
    return CONFIDENCE[how]
