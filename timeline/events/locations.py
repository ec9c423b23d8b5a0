"""Where a happening is: "in/at <Capitalized Place>" (with "X of Y" appositions) or the dateline.

No gazetteer: a capitalized phrase after a place preposition, not a calendar word, not a possessive and
not a modifier of a following lower-case noun ("in the Kenyan capital"), is taken as the place.
"""
from __future__ import annotations

import re

from .lexicon import lexicon
from .sentences import Segment, Token, dateline, tokenize


def place_in(text: str, segment: Segment, skip: list[tuple[int, int]] = ()) -> str | None:
    """The first place named after "in"/"at"/... inside ``segment`` (``skip``: offsets of time phrases)."""
    lex = lexicon()
    preps = lex.words("locations", "prepositions")
    tokens = [t for t in tokenize(text, segment.start, segment.end) if not any(a <= t.start < b for a, b in skip)]
    not_after = lex.words("locations", "not_place_after")
    for i, t in enumerate(tokens):
        if t.lower not in preps or (i and tokens[i - 1].lower in not_after):
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].lower == "the":
            j += 1
        parts = []
        while True:
            name, j = _name_at(tokens, j)
            if not name:
                break
            parts.append(name)
            if j + 1 < len(tokens) and tokens[j].lower in lex.words("locations", "apposition"):
                j += 1
                if tokens[j].lower == "the":
                    j += 1
                continue
            if j + 1 < len(tokens) and tokens[j].text == "," and _is_name(tokens[j + 1]):
                j += 1  # "Paris, France"
                continue
            break
        if parts and not _modifies_noun(tokens, j):
            return ", ".join(parts)
    return None


def _is_name(token: Token) -> bool:
    lex = lexicon()
    word = token.lower.rstrip(".")
    return (token.text[:1].isupper() and token.text[:1].isalpha() and word not in lex.words("locations", "not_places")
            and word not in lex.words("calendar", "months") and word not in lex.words("calendar", "weekdays"))


def _name_at(tokens: list[Token], j: int) -> tuple[str, int]:
    inner = lexicon().words("locations", "inner")
    words = []
    while j < len(tokens) and (_is_name(tokens[j]) or (words and tokens[j].lower in inner and j + 1 < len(tokens)
                                                         and _is_name(tokens[j + 1]))):
        words.append(tokens[j].text)
        j += 1
    if j < len(tokens) and tokens[j].text in ("'s", "’s", "'", "’"):
        return "", j  # "Anting Town's auto industry": a possessive, not the place of the happening
    return " ".join(words), j


def _modifies_noun(tokens: list[Token], j: int) -> bool:
    """True when the name is followed by a lower-case word that is not a function word or verb."""
    while j + 1 < len(tokens) and tokens[j].lower in ("and", "or") and _is_name(tokens[j + 1]):
        _, j = _name_at(tokens, j + 1)  # "the Kenyan and Tanzanian capitals": look past the coordination
    if j >= len(tokens):
        return False
    t = tokens[j]
    if not t.text[:1].isalpha() or not t.text[:1].islower():
        return False
    lex = lexicon()
    function = lex.words("cues", "adverbial_followers") | lex.words("titles", "no_final") | lex.words("titles", "cut_before")
    return t.lower not in function and t.lower not in lex.verbs


def dateline_place(text: str) -> str | None:
    """The place of the article's dateline ("NAIROBI, Kenya (AP) _" -> "Nairobi, Kenya"), or None."""
    m = re.match(r"\s*", text)
    line = dateline(text, m.end() if m else 0)
    if not line:
        return None
    return ", ".join(_title_case(p.strip()) for p in line.group("place").split(","))


def _title_case(part: str) -> str:
    if part.isupper() and not re.fullmatch(r"(?:[A-Z]\.)+", part):
        return " ".join(w.capitalize() for w in part.split())
    return part
