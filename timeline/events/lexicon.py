"""Load the events layer's word lists (``lexicon.toml``) once, as frozen sets and compiled patterns."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Shift:
    """A phrase that shifts from the date in focus: ``pattern`` with optional ``n``/``unit`` groups."""

    pattern: re.Pattern[str]
    sign: int


@dataclass(frozen=True)
class Lexicon:
    """Everything ``lexicon.toml`` holds, in the shapes the code uses."""

    raw: dict
    abbreviations: frozenset[str]
    dateline: re.Pattern[str]
    verbs: frozenset[str]
    auxiliaries: frozenset[str]
    not_verbs: frozenset[str]
    reporting: frozenset[str]
    shifts: tuple[Shift, ...]
    numbers: dict[str, int]

    def words(self, section: str, key: str) -> frozenset[str]:
        """A word list from the TOML as a lower-case frozenset."""
        return _derived(self, "words", section, key)

    def phrases(self, section: str, key: str) -> tuple[str, ...]:
        """A phrase list from the TOML, lower-case, longest first (so longer phrases win)."""
        return _derived(self, "phrases", section, key)

    def phrase_pattern(self, section: str, key: str) -> re.Pattern[str]:
        """One case-insensitive regex matching any phrase of a list on word boundaries."""
        return _derived(self, "pattern", section, key)


_DERIVED: dict[tuple[int, str, str, str], object] = {}


def _derived(lex: Lexicon, shape: str, section: str, key: str):
    """Build each derived shape of a list once (the lists never change after loading)."""
    slot = (id(lex), shape, section, key)
    if slot not in _DERIVED:
        items = lex.raw[section][key]
        if shape == "words":
            _DERIVED[slot] = frozenset(w.lower() for w in items)
        elif shape == "phrases":
            _DERIVED[slot] = tuple(sorted({p.lower() for p in items}, key=lambda p: (-len(p), p)))
        else:
            alternatives = "|".join(phrase_regex(p) for p in lex.phrases(section, key))
            _DERIVED[slot] = re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w])", re.IGNORECASE)
    return _DERIVED[slot]


def phrase_regex(phrase: str) -> str:
    """A regex for a phrase whose words may be separated by any whitespace."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


def inflections(base: str) -> set[str]:
    """The regular inflections of an English verb's base form: -s, -ed, -ing (approximate spelling rules)."""
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        if len(base) <= 4 and base[-1] in "bdgmnpt" and base[-2] in "aeiou" and base[-3:-2] not in "aeiou":
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


@cache
def lexicon() -> Lexicon:
    """The parsed ``lexicon.toml`` (read once per process)."""
    raw = tomllib.loads(resources.files(__package__).joinpath("lexicon.toml").read_text(encoding="utf-8"))
    v = raw["verbs"]
    auxiliaries = frozenset(w.lower() for k in ("be", "have", "do", "modals", "negated") for w in v[k])
    verbs = set(auxiliaries) | {w.lower() for w in v["irregular"]} | {w.lower() for w in v["reporting"]}
    for base in v["base"]:
        verbs |= inflections(base.lower())
    shifts = tuple(
        Shift(re.compile(rf"(?<!\w){s['pattern']}(?!\w)", re.IGNORECASE), int(s["sign"]))
        for s in raw["anaphora"]["shift"]
    )
    return Lexicon(
        raw=raw,
        abbreviations=frozenset(a.lower() for a in raw["sentences"]["abbreviations"]),
        dateline=re.compile(raw["sentences"]["dateline"], re.MULTILINE),
        verbs=frozenset(verbs),
        auxiliaries=auxiliaries,
        not_verbs=frozenset(w.lower() for w in v["not_verbs"]),
        reporting=frozenset(w.lower() for w in v["reporting"]),
        shifts=shifts,
        numbers={k: int(n) for k, n in raw["numbers"].items()},
    )
