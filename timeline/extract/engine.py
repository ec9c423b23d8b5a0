"""The tagging engine: find candidate positions, run the rules there, keep the best matches, refine.

Speed: one compiled trigger regex (built by the loader from the first words every rule can start
with, plus digits) finds the few positions where an expression can begin; only the rules whose
first word fits are tried there, each anchored (``regex.match(text, pos)``). Cost is linear in the
text length; everything is compiled once per language and cached.
"""
from __future__ import annotations

import datetime as dt
import operator
import re
from types import MappingProxyType
from typing import Mapping, NamedTuple

from ..model import Mention, Tagging, TimeRange
from .context import ExtractContext
from .resolve import Resolved
from .rules import (ANY_DIGIT, DIGIT, FOLDS_APART, Language, Rule, before_number, goes_on, load, may_follow,
                    through_number)


class Item(NamedTuple):
    """A rule match on its way to becoming a :class:`Mention` (refiners return new items)."""

    start: int
    end: int
    rule: Rule
    groups: Mapping[str, str]
    extent: tuple[int, int]  # the whole regex match, for overlap resolution
    link: int = -1  # matches of one range rule share a link id
    second: bool = False  # the second end of a range rule ("22" in "September 20-22")
    resolved: Resolved | None = None


_CACHE_LIMIT = 200_000  # dispatch keys kept per language (words x next words); then it starts afresh


def find(language: Language, text: str) -> list[Item]:
    """Every rule match at every trigger position, before overlaps are resolved."""
    found: list[Item] = []
    for rule, m in _matches(language, text):
        found.extend(_items(rule, m, len(found)))
    return found


def _matches(language: Language, text: str, lowered: str | None = None) -> list[tuple[Rule, re.Match]]:
    """Every (rule, match) at every trigger position, in text order (the items are built only for the
    matches :func:`select` keeps); ``lowered`` is ``lower_same_length(text)`` if known."""
    found: list[tuple[Rule, re.Match]] = []
    append = found.append
    if lowered is None:
        lowered = lower_same_length(text)
    # the case-free rules run on the lower-cased text (Rule.lower_regex), except in a text where IGNORECASE
    # could match otherwise
    apart = not lowered.isascii() and FOLDS_APART.search(lowered) is not None
    cache = language._fast
    get = cache.get
    for tm in language.trigger.finditer(" " + lowered):
        key, sep = tm.groups()  # the word and what follows it, the separator before a number: see _dispatch
        if sep is not None:
            key = (sep, key)
        rules = get(key)
        if rules is None:
            rules = _dispatch(language, key)
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            cache[key] = rules
        if rules:
            pos = tm.start()
            for rule, match, on_lowered in rules:
                if on_lowered:
                    m = match(lowered, pos) if not apart else rule.regex.match(text, pos)
                else:
                    m = match(text, pos)
                if m is not None:
                    append((rule, m))
    return found


def lower_same_length(text: str) -> str:
    """``text`` lower-cased, each character kept in place (offsets stay those of ``text``)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character whose lower case is longer: keep offsets exact
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return lowered


def _dispatch(language: Language, key: tuple) -> tuple:
    """The rules to try for a trigger key, each with its bound anchored ``match`` and whether that runs on
    the lower-cased text (``Rule.lower_regex``) or on the text.

    The key is the trigger's first group: the word (letters, or a leading punctuation mark) or the
    run of digits, then either spaces and the next word or character, or the character right after
    it (with the next one when that is ASCII or a space); for a number, the tuple (the separator before
    it, that group). See :func:`rules._trigger`.
    """
    sep = None
    if type(key) is tuple:
        sep, key = key
    word, nxt, glued = language.trigger_key.match(key).groups()
    if glued is not None and len(glued) == 2 and glued[1].isspace():  # "12, ": one entry for all spaces
        glued = glued[0] + " "
    if not word.isalnum() and len(word) > 1:  # a phrase ("more than"): its spaces as one space
        word = " ".join(word.split())
    follower = None if nxt is None else DIGIT if nxt[0].isdigit() else nxt
    thousands = None
    if sep is not None:
        run = word
        head = run.partition(",")[0]
        # its shape, one ANY_DIGIT a digit (up to 6): no digit is kept, as each new shape's dispatch is
        # derived by walking the patterns (~0.4 ms), and its digits would spare few regex tries
        word = ANY_DIGIT * min(len(head), 6)
        if len(head) > len(word):
            glued = None  # the shape is shorter than the number: the character after it is not next
        elif len(head) < len(run):  # "1,700 injured": first as "1,7", then through the whole number
            thousands = (ANY_DIGIT * len(head) + "," + ",".join(ANY_DIGIT * 3 for _ in run.split(",")[1:]),
                         follower, glued)
            follower, glued = None, run[len(head):len(head) + 2]
    elif not word[0].isalpha():
        word, follower, glued = word[0], None, None
    rules = language.candidates(word, follower)
    if sep is None and follower == DIGIT and word[0].isalpha():
        # "the 1990s", "March 6,": only the rules that can go on through a number of that length and what follows it
        digits, after = (nxt, None) if nxt[-1].isdigit() else (nxt[:-1], " " if nxt[-1].isspace() else nxt[-1])
        if len(digits) <= 6 and digits.isdecimal():  # not "²", which \d does not match (a letter to [^\W\d_])
            rules = tuple(r for r in rules if before_number(r, word, ANY_DIGIT * len(digits), after))
    if glued is not None:  # "5-year", "1998.", "12, ": only the rules that can go on with these characters
        rules = tuple(r for r in rules if goes_on(r, word, glued))
    if thousands is not None:
        shape, follower, glued = thousands
        rules = tuple(r for r in rules if through_number(r, shape, follower, glued))
    if sep is not None and sep.isascii():  # "$5", "1.5", "1,000": not the rules that refuse a number there
        rules = tuple(r for r in rules if may_follow(r, sep, run[0]))
    return tuple((rule, rule.lower_regex.match, True) if rule.lower_regex is not None else (rule, rule.regex.match, False)
                 for rule in rules)


_new = tuple.__new__  # an Item built directly: NamedTuple's own __new__ is a Python function, 3x slower
_ITEM_DEFAULTS = tuple(Item._field_defaults[f] for f in Item._fields[5:])  # link, second, resolved


def _items(rule: Rule, m, link: int) -> list[Item]:
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    extent = m.span()
    if "t2" not in groups:
        start, end = m.span("t") if "t" in groups else extent
        return [_new(Item, (start, end, rule, MappingProxyType(groups), extent) + _ITEM_DEFAULTS)]
    shared = {k: v for k, v in groups.items() if not k.endswith("2")}
    second = dict(shared)
    second.update({k[:-1]: v for k, v in groups.items() if k.endswith("2") and k != "t2"})
    return [
        Item(*m.span("t"), rule, MappingProxyType(shared), extent, link),
        Item(*m.span("t2"), rule, MappingProxyType(second), extent, link, True),
    ]


_START = operator.itemgetter(Item._fields.index("start"))


def _by_rank(rm: tuple[Rule, re.Match]) -> tuple[int, int, int]:
    s, e = rm[1].span()
    return s - e, -rm[0].priority, s


def select(matches: list[tuple[Rule, re.Match]], size: int | None = None) -> list[Item]:
    """Resolve overlaps: the longest match wins, then the higher priority, then the earlier one; the
    items (both ends of a range match) are built only for the matches kept, sorted by offset.
    ``size``: the length of the text, if known (no match ends after it)."""
    ranked = sorted(matches, key=_by_rank)
    if size is None:
        size = max((m.end() for _, m in matches), default=0)
    taken = bytearray(size)  # 1 where a kept match is: linear
    kept: list[Item] = []
    for rule, m in ranked:
        s, e = m.span()
        if taken.find(1, s, e) != -1:
            continue
        taken[s:e] = b"\x01" * (e - s)
        kept.extend(_items(rule, m, len(kept)))  # a link id unique to the match
    kept.sort(key=_START)
    return kept


def tag(text: str, dct: dt.date, *, lang: str = "en") -> Tagging:
    """Find the temporal expressions of ``text`` and normalize them to TIMEX3 against ``dct``.

    Returns the mentions sorted by offset and the ranges ("September 20-22", "from 2019 to 2021")
    that join two of them. Raises :class:`timeline.errors.RuleError` if the rule files are invalid.
    """
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    language = load(lang)
    lowered = lower_same_length(text)
    ctx = ExtractContext(text, dct, language, lowered=lowered)
    items = resolve_in_order(ctx, select(_matches(language, text, lowered), len(text)))
    mentions: list[Mention] = [to_mention(ctx, it) for it in items]
    ranges: list[TimeRange] = ranges_of(ctx, items, mentions)
    return Tagging(tuple(mentions), tuple(ranges), tuple(ctx.warnings))


# refiners reads Item and lower_same_length from this module, so they are imported after them (an
# import inside tag() would run on every call)
from .refiners import ranges_of, resolve_in_order, to_mention  # noqa: E402
