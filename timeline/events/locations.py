"""Where a happening is: "in/at <Capitalized Place>" (with "X of Y" appositions) or the dateline.

No gazetteer: a capitalized phrase after a place preposition, not a calendar word, not a possessive and
not a modifier of a following lower-case noun ("in the Kenyan capital"), is taken as the place.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon
from .sentences import Segment, Token, dateline, sentences, tokenize


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
            if tokens[j].text == "The" and not _place_with_the(tokens, j):
                continue  # "published in The Lancet", "told The Guardian": a title, not a place
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
                other, k = _name_at(tokens, j + 1)
                if other and k - j - 1 <= 2 and (k >= len(tokens) or not _is_name(tokens[k])):
                    j += 1  # "Paris, France", "Buffalo, N.Y.", not "Cuba, Juan Miguel Gonzalez"
                    continue
            if j + 1 < len(tokens) and tokens[j].lower == "and" and _is_name(tokens[j + 1]):
                other, k = _name_at(tokens, j + 1)
                if other and not _modifies_noun(tokens, k):
                    parts[-1] += " and " + other  # "in Nairobi and Dar es Salaam"
                    j = k
            break
        if parts and not _modifies_noun(tokens, j):
            return ", ".join(parts)
    return None


def _place_with_the(tokens: list[Token], j: int) -> bool:
    """Whether "The" at ``tokens[j]`` opens a place whose name keeps it ("The Hague")."""
    following = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    return f"the {following}" in lexicon().words("locations", "places_with_the")


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
    if (j < len(tokens) and tokens[j].text in ("'s", "’s", "'", "’")) or any(w.endswith(("'s", "’s")) for w in words):
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
    """The place of the article's dateline, written as the article writes it ("DAR ES SALAAM, Tanzania (AP)
    _ ... in Dar es Salaam" -> "Dar es Salaam, Tanzania"), or None."""
    m = re.match(r"\s*", text)
    line = dateline(text, m.end() if m else 0)
    if not line:
        return None
    return ", ".join(_as_written(text[line.end():], p.strip()) for p in line.group("place").split(","))


def _as_written(body: str, part: str) -> str:
    """An upper-case dateline name in the casing the body gives it, else title case with lower-case
    particles ("PORT AU PRINCE" -> "Port au Prince"); abbreviations ("U.S.") stay."""
    if not part.isupper() or re.fullmatch(r"(?:[A-Z]\.)+", part):
        return part
    pattern = r"(?<![\w])" + r"\s+".join(re.escape(w) for w in part.split()) + r"(?![\w])"
    for m in re.finditer(pattern, body, re.IGNORECASE):
        if not m.group().isupper():
            return " ".join(m.group().split())
    particles = lexicon().words("locations", "inner")
    words = [w.capitalize() for w in part.lower().split()]
    return " ".join(w.lower() if i and w.lower() in particles else w for i, w in enumerate(words))


def known_places(text: str) -> frozenset[str]:
    """Every place name the document gives after a place preposition or in its dateline."""
    return _known_places(text)


@lru_cache(maxsize=64)
def _known_places(text: str) -> frozenset[str]:
    names = set()
    for sentence in sentences(text):
        found = place_in(text, sentence)
        if found:
            names |= {n for p in found.split(", ") for n in p.split(" and ")}
    line = dateline_place(text)
    if line:
        names |= set(line.split(", "))
    return frozenset(n for n in names if len(n) > 2)


def names_other_place(text: str, segment: Segment, place: str | None) -> bool:
    """True when ``segment`` names a place of the document that ``place`` does not hold ("left Pakistan"
    when the dateline says Nairobi): better no location than a wrong one."""
    lex = lexicon()
    lead = lex.words("locations", "prepositions") | lex.words("locations", "directions")
    tokens = tokenize(text, segment.start, segment.end)
    for name in known_places(text):
        if name in (place or ""):
            continue
        first = name.split()[0]
        for i, t in enumerate(tokens):
            j = i - 1 if i and tokens[i - 1].lower == "the" else i
            if t.text == first and j and tokens[j - 1].lower in lead and text.startswith(name, t.start) \
                    and not text.startswith("-", t.start + len(name)):
                return True  # "left for Pakistan", "flew to Washington", not "Miami-based exiles"
    return False
