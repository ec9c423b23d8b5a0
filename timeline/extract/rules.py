"""Load, validate and compile the rule files of one language (``rules/<lang>/*.toml``).

A language folder holds data only:

- ``vocab.toml``: ``[vocab.<name>]`` tables mapping surface words to normalized values
  (months, weekdays, numbers, units...), ``[macros]`` regex fragments, ``[tense]`` cue words and
  ``[ranges]`` connectors. Every vocab table is also a macro: ``{month}`` expands to its words,
  case-folded and sorted longest-first.
- every other file: ``[[rule]]`` entries with ``id``, ``pattern``, ``op`` (one of
  :data:`timeline.extract.resolve.OPERATIONS`), optional ``args``, ``type``, ``priority`` and
  ``examples`` (``[text, expected value]`` pairs, tested against the file's ``[meta] dct``).

Patterns use named groups only. A group named ``t`` marks the extent of the expression inside a
larger match (so a preposition can be required without being tagged); ``t2`` marks the second end
of a range, whose groups carry the suffix ``2``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import re._casefix as _casefix
import re._constants as sc
import re._parser as sp
import tomllib
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from ..errors import RuleError
from ..model import TimexType

RULES_DIR = Path(__file__).parent / "rules"
_LEADING_DIGITS = re.compile(r"\d+(?!\S*\d)")
_GROUP = re.compile(r"\(\?P<\w+>")
_MACRO = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_FLAGS = re.IGNORECASE | re.UNICODE
DIGIT = "#"  # the dispatch key of a number
_MISSING = object()
_LOOKUPS_LIMIT = 20_000  # Language.lookup's memo: entries kept per language (a few MB); then it starts afresh
ANY_DIGIT = "\x00"  # in a number's shape (one a digit): any digit


@dataclass(frozen=True, eq=False)
class Rule:
    """One compiled rule: a pattern, the operation that resolves it, and its examples."""

    id: str
    file: str
    pattern: str  # the pattern with its macros expanded
    op: str
    type: TimexType | None
    args: Mapping[str, Any]
    priority: int
    examples: tuple[tuple[str, str], ...]
    starts: frozenset[tuple[str, bool]]  # (first-word prefix, is the whole word)
    sets_focus: bool  # False for look-backs ("a year earlier") that do not move the narrative's time
    tree: Any = field(repr=False, compare=False)  # the parsed pattern, to find second words
    # the pattern compiled case-sensitively, for the lower-cased text (a third faster than IGNORECASE on the text,
    # the same matches: see :func:`_case_free`), or None when it reads case ("(?-i:[A-Z])"); compiled by the loader
    lower_regex: re.Pattern | None = field(default=None, repr=False, compare=False)

    @functools.cached_property
    def regex(self) -> re.Pattern:
        """The pattern compiled with IGNORECASE, for the text as written: the form a rule that reads case runs in
        (compiled by the loader), and a case-free rule in a text whose letters IGNORECASE folds otherwise than
        ``str.lower`` (compiled on first use: most processes never need it)."""
        return re.compile(self.pattern, _FLAGS)


@dataclass(frozen=True)
class Language:
    """Everything the engine needs for one language, compiled once."""

    lang: str
    rules: tuple[Rule, ...]
    vocab: Mapping[str, Mapping[str, Any]]
    trigger: re.Pattern  # on the lower-cased text, after one separator character: the dispatch key
    trigger_key: re.Pattern  # takes a dispatch key apart: (word or phrase, next word, glued characters)
    tense_cue: re.Pattern  # groups "future" and "past"
    outer_modifier: re.Pattern  # group "word": a vocab.mod_outer word right before a position
    range_connector: re.Pattern
    range_opener: re.Pattern
    example_dct: dt.date
    _dispatch: dict = field(default_factory=dict, compare=False, repr=False)
    _first: dict = field(default_factory=dict, compare=False, repr=False)
    _fast: dict = field(default_factory=dict, compare=False, repr=False)  # the engine's own cache
    _follows: dict = field(default_factory=dict, compare=False, repr=False)  # word -> what may follow
    _lookups: dict = field(default_factory=dict, compare=False, repr=False)  # (group, text) -> lookup's value

    def candidates(self, word: str, follower: str | None = None) -> tuple[Rule, ...]:
        """The rules that can match at a word (lower-case letters; for a number, its digit shape
        and the character after it), when the next word after spaces starts with ``follower``."""
        key = (word, follower)
        found = self._dispatch.get(key)
        if found is None:
            first = self._first.get(word)
            if first is None:
                first = self._first[word] = self._first_of(word)
            if follower is None:
                found = first
            else:
                always, whole, parts = self._follows[word]
                fit = always | whole.get(follower, frozenset())
                for p, rules in parts:
                    if follower.startswith(p):
                        fit = fit | rules
                found = tuple(r for r in first if r in fit)  # in the order of the rules
            self._dispatch[key] = found
        return found

    def _first_of(self, word: str) -> tuple[Rule, ...]:
        """The rules that can start with ``word``, and (in ``_follows``) what can come after it."""
        if not self._follows:  # the first word ever: index the rules by their first words
            self._follows[None] = _index_starts(self.rules)
        by_whole, by_part = self._follows[None]
        if word[0].isdigit() or word[0] == ANY_DIGIT:
            fit = by_part.get(DIGIT, frozenset())
        else:
            head = word.split(" ", 1)[0]  # a phrase ("more than", see _trigger): the rules of its first word
            fit = by_whole.get(head, frozenset()) | {r for p, rules in by_part.items() if head.startswith(p) for r in rules}
        first = tuple(r for r in self.rules if r in fit and _follow(r, word) is not False)
        always: set = set()
        whole: dict = {}
        parts: dict = {}
        for r in first:
            follow = _follow(r, word)
            if follow is None:
                always.add(r)
                continue
            for w in follow[0]:
                whole.setdefault(w, set()).add(r)
            for p in follow[1]:
                parts.setdefault(p, set()).add(r)
        self._follows[word] = (_shared(always), {w: _shared(v) for w, v in whole.items()},
                               tuple((p, _shared(v)) for p, v in parts.items()))
        return first

    def lookup(self, group: str, text: str) -> Any:
        """Normalize a matched group through the vocab table named like the group (``month2`` -> month).
        Memoized (a pure function of its arguments; bounded by ``_LOOKUPS_LIMIT``)."""
        key = (group, text)
        found = self._lookups.get(key, _MISSING)
        if found is _MISSING:
            if len(self._lookups) >= _LOOKUPS_LIMIT:
                self._lookups.clear()
            found = self._lookups[key] = self._lookup(group, text)
        return found

    def forget_lookups(self) -> None:
        """Empty the memo of :meth:`lookup`."""
        self._lookups.clear()

    def _lookup(self, group: str, text: str) -> Any:
        table = self.vocab.get(group.rstrip("0123456789"))
        if table is not None:
            key = " ".join(text.lower().translate(FOLD_TO_ASCII).split())  # "earlıer" matched "earlier"
            if key in table:
                return table[key]
            if key.rstrip(".") in table:
                return table[key.rstrip(".")]
        digits = _LEADING_DIGITS.match(text)
        return int(digits.group()) if digits else text


def _alternation(words) -> str:
    """A regex alternation of literal words, case-folded and deduplicated, built as a trie (one check
    per character instead of one per word). A longer word is tried before a word it starts with, so
    it matches what the longest-first alternation ``(?:word|wor|...)`` matches; a space matches spaces."""
    trie: dict = {}
    for w in {w.casefold() for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(r"\s+" if ch == " " else re.escape(ch), {})
        node[""] = True

    def walk(node: dict) -> str:
        alts = [ch + walk(node[ch]) for ch in sorted(k for k in node if k)]
        if "" in node:
            alts.append("")  # after the longer words that go on from here
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return "(?:" + walk(trie) + ")" if trie else "(?:)"


def _expand(pattern: str, macros: Mapping[str, str], where: str, depth: int = 0) -> str:
    if depth > 8:
        raise RuleError(f"{where}: macros nest too deeply")

    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in macros:
            raise RuleError(f"{where}: unknown macro {{{name}}}")
        return _expand(macros[name], macros, where, depth + 1)

    return _MACRO.sub(sub, pattern)


def _plain(pattern) -> list:
    """The parsed pattern as plain lists and tuples (the parser's SubPattern indexing is slow), the tree
    that the loader reads first words, next words and refused separators from. A possessive repeat
    (``?+``) reads as the greedy one and an atomic group as a plain group: these only cut ways of
    matching, so the words found may be more than the pattern takes, never fewer (a rule is tried
    where it cannot match, never skipped where it can)."""
    out = []
    for op, av in pattern:
        if op is sc.SUBPATTERN:
            av = (*av[:-1], _plain(av[-1]))
        elif op is sc.ATOMIC_GROUP:
            op, av = sc.SUBPATTERN, (None, 0, 0, _plain(av))
        elif op is sc.BRANCH:
            av = (av[0], [_plain(b) for b in av[1]])
        elif op in (sc.MAX_REPEAT, sc.MIN_REPEAT, sc.POSSESSIVE_REPEAT):
            op = sc.MIN_REPEAT if op is sc.MIN_REPEAT else sc.MAX_REPEAT
            av = (av[0], av[1], _plain(av[2]))
        elif op in (sc.ASSERT, sc.ASSERT_NOT):
            av = (av[0], _plain(av[1]))
        out.append((op, av))
    return out


def _letter_next(items: list) -> bool:
    """Whether the parsed pattern ``items`` can go on with a letter (so a word may continue)."""
    if not items:
        return False
    op, av = items[0]
    rest = items[1:]
    if op is sc.LITERAL:
        return chr(av).isalpha()
    if op in (sc.AT, sc.ASSERT, sc.ASSERT_NOT):
        return _letter_next(rest)
    if op is sc.SUBPATTERN:
        return _letter_next(list(av[-1]) + rest)
    if op is sc.BRANCH:
        return any(_letter_next(list(b) + rest) for b in av[1])
    if op in (sc.MAX_REPEAT, sc.MIN_REPEAT):
        return _letter_next(list(av[2]) + rest) or (av[0] == 0 and _letter_next(rest))
    if op is sc.IN:
        for kind, val in av:
            if kind is sc.LITERAL and not chr(val).isalpha():
                continue
            if kind is sc.RANGE and not (chr(val[0]).isalpha() or chr(val[1]).isalpha()):
                continue
            if kind is sc.CATEGORY and val in (sc.CATEGORY_SPACE, sc.CATEGORY_DIGIT):
                continue
            return True
        return False
    return True


def _starts(items: list, prefix: str = "") -> set[tuple[str, bool]]:
    """First-word prefixes a parsed pattern can begin with: (prefix, whole-word) pairs."""
    return _starts_linked((items, 0, None), prefix)


def _starts_linked(cont, prefix: str) -> set[tuple[str, bool]]:
    # ``cont`` is a linked continuation (sequence, index, next), as in _after_linked: no list copies
    while cont is not None and cont[1] >= len(cont[0]):
        cont = cont[2]
    if cont is None:
        return {(prefix, True)}
    seq, i, nxt = cont
    op, av = seq[i]
    rest = (seq, i + 1, nxt)
    if op is sc.LITERAL:
        ch = chr(av)
        if ch.isalpha():
            return _starts_linked(rest, prefix + ch.lower())
        if prefix:
            return {(prefix, True)}
        return {(DIGIT, False)} if ch.isdigit() else {(ch, False)}
    if op in (sc.AT, sc.ASSERT, sc.ASSERT_NOT):
        return _starts_linked(rest, prefix)
    if op is sc.SUBPATTERN:
        return _starts_linked((av[-1], 0, rest), prefix)
    if op is sc.BRANCH:
        out: set = set()
        for branch in av[1]:
            out |= _starts_linked((branch, 0, rest), prefix)
        return out
    if prefix and op in (sc.MAX_REPEAT, sc.MIN_REPEAT) and av[1] == 1:
        # an optional part inside a word ("an?", "sept(?:ember)?"): the words with and without it
        out = _starts_linked((av[2], 0, rest), prefix)
        return out | _starts_linked(rest, prefix) if av[0] == 0 else out
    if prefix:
        return {(prefix, not _letter_next(_flatten(cont)))}
    if op in (sc.MAX_REPEAT, sc.MIN_REPEAT):
        lo, hi, sub = av
        out = _starts_linked((sub, 0, rest if hi == 1 else None), "")
        if lo == 0:
            out |= _starts_linked(rest, "")
        return out
    if op is sc.IN:
        chars = []
        if av == [(sc.CATEGORY, sc.CATEGORY_SPACE)]:
            return {(" ", False)}
        for kind, val in av:
            if kind is sc.LITERAL:
                chars.append(chr(val))
            elif kind is sc.RANGE and chr(val[0]).isdigit() or kind is sc.CATEGORY and val is sc.CATEGORY_DIGIT:
                chars.append("0")
            elif kind is sc.CATEGORY and val is sc.CATEGORY_SPACE:
                chars.append(" ")
            else:
                raise ValueError("a character class that can start with anything")
        out = set()
        for ch in set(chars):
            out |= _starts_linked(([(sc.LITERAL, ord(ch))], 0, rest), prefix)
        return out
    raise ValueError("the pattern does not start with a word, a digit or a literal")


@functools.lru_cache(maxsize=None)
def _follow(rule: Rule, word: str) -> bool | None | tuple[frozenset[str], tuple[str, ...]]:
    """What ``rule`` can do after it matched the text ``word`` when spaces come next: False if it
    cannot match the word at all, None if it may end there (or the pattern is too complex to
    follow), else the first words that can come after the spaces: (whole words, prefixes). A way on
    without a space ("5-year") counts only for :func:`goes_on`, as the text then has no space."""
    out: set = set()
    try:
        rests = _rests(rule, word)
        if not rests:
            return False
        if any(_nullable(rest) for rest in rests):
            return None
        for rest in rests:
            for more in _step(rest, " "):
                out |= _starts_of_rest(more)
    except (ValueError, RecursionError):
        return None
    out.discard((" ", False))
    if ("", True) in out:
        return None
    return _shared({p for p, whole in out if whole}), tuple(p for p, whole in out if not whole)


_SHARED: dict = {}


def _shared(items) -> frozenset:
    """One frozenset object per distinct set: the dispatch tables hold many equal ones."""
    fs = frozenset(items)
    return _SHARED.setdefault(fs, fs)


@functools.lru_cache(maxsize=None)
def goes_on(rule: Rule, word: str, ch: str) -> bool:
    """False if ``rule`` certainly cannot match at ``word`` (a first word, or a number's digit shape)
    when the text goes on right after it with ``ch``: one character (neither a space nor a letter or digit
    of the word), or that character and the next one (" " for any space): "12, " cannot go on as "1,000"
    does, nor "5. " as "5.30 p.m." or "year-o" as "year-end"."""
    mores = _after_glued(rule, word, ch[0])
    if mores is None:
        return True
    if len(ch) == 1 or not mores:
        return bool(mores)
    try:
        return any(_step(more, ch[1]) for more in mores)
    except (ValueError, RecursionError):
        return True


@functools.lru_cache(maxsize=None)
def before_number(rule: Rule, word: str, shape: str, after: str | None) -> bool:
    """False if ``rule`` certainly cannot match at ``word`` when a number of that digit ``shape`` comes next after
    spaces ("the 1990s", "March 6,"), followed by the character ``after`` (" " for any space; None: any): it can
    neither end before the number's last digit nor go on through the number and that character."""
    full = word + " " + shape
    try:
        if goes_on(rule, full, after) if after is not None else _rests(rule, full):
            return True
        # it may end at the word, or inside the number
        return any(_nullable(rest) for j in range(len(word), len(full)) for rest in _rests(rule, full[:j]))
    except (ValueError, RecursionError):
        return True


@functools.lru_cache(maxsize=None)
def through_number(rule: Rule, shape: str, follower: str | None, glued: str | None) -> bool:
    """False if ``rule`` certainly cannot match at a number written with thousands separators ("1,700"; ``shape``:
    its digits as ANY_DIGIT, its commas) before the next word ``follower`` (DIGIT for a number) or the characters
    ``glued`` to it: it can neither end inside the number nor go on after it with what comes next."""
    try:
        if glued is not None:
            fits = goes_on(rule, shape, glued)
        else:
            follow = _follow(rule, shape)
            fits = follow is None or follow is not False and (
                follower is None or follower in follow[0] or any(follower.startswith(p) for p in follow[1]))
        # else it may still end inside the number
        return fits or any(_nullable(rest) for j in range(1, len(shape)) for rest in _rests(rule, shape[:j]))
    except (ValueError, RecursionError):
        return True


@functools.lru_cache(maxsize=None)
def _after_glued(rule: Rule, word: str, ch: str) -> tuple[list, ...] | None:
    """What remains of ``rule`` after ``word`` and the character ``ch`` right after it, or None when it may end
    before the character after ``ch`` (or cannot be followed): for :func:`goes_on`, once for every character
    that may come next."""
    try:
        rests = _rests(rule, word)
        if any(_nullable(rest) for rest in rests):
            return None  # it may end after the word
        mores = tuple({id(more): more for rest in rests for more in _step(rest, ch)}.values())
        if any(_nullable(more) for more in mores):
            return None
        return mores
    except (ValueError, RecursionError):
        return None


@functools.lru_cache(maxsize=None)
def may_follow(rule: Rule, sep: str, first: str) -> bool:
    """False if ``rule`` certainly cannot match at a position right after the character ``sep`` (an
    ASCII separator) whose next character is ``first``: every way into the pattern meets a one-character
    negative look-behind that ``sep`` matches ("{nd}" refuses a number right after "$", "." or ","),
    or a first character that cannot be ``first``. Bounded: ASCII separators x first characters x rules."""
    try:
        return not _refused((rule.tree, 0, None), sep, first)
    except RecursionError:
        return True


def _refused(cont, sep: str, first: str) -> bool:
    # ``cont`` is a linked continuation (sequence, index, next), as in _starts_linked
    while cont is not None and cont[1] >= len(cont[0]):
        cont = cont[2]
    if cont is None:
        return False  # it may match the empty string
    seq, i, nxt = cont
    op, av = seq[i]
    rest = (seq, i + 1, nxt)
    if op is sc.LITERAL:
        return chr(av).lower() != first
    if op is sc.IN:
        return not _in_class(av, first)
    if op is sc.ASSERT_NOT and av[0] == -1 and _matches_char(av[1], sep):
        return True
    if op in (sc.AT, sc.ASSERT, sc.ASSERT_NOT):
        return _refused(rest, sep, first)
    if op is sc.SUBPATTERN:
        return _refused((av[-1], 0, rest), sep, first)
    if op is sc.BRANCH:
        return all(_refused((branch, 0, rest), sep, first) for branch in av[1])
    if op in (sc.MAX_REPEAT, sc.MIN_REPEAT):
        lo, _, body = av
        return (lo > 0 or _refused(rest, sep, first)) and _refused((body, 0, rest), sep, first)
    return False  # anything else: unsure


_STARTS_OF_REST: dict = {}


def _starts_of_rest(items: list) -> frozenset:
    """``_starts(items)`` for what remains of a pattern, memoized: many first words of a rule lead to
    the same remainder ("5 years", "19 years"). The key is the identity of its parts, which the memo
    keeps alive, so an id is never reused while its entry exists."""
    key = array("Q", map(id, items)).tobytes()
    hit = _STARTS_OF_REST.get(key)
    if hit is None:
        hit = _STARTS_OF_REST[key] = (items, frozenset(_starts(items)))
    return hit[1]


@functools.lru_cache(maxsize=None)
def _rests(rule: Rule, word: str) -> tuple[list, ...]:
    """What remains of the rule's pattern after it matched ``word`` (raises ValueError if unsure); from what
    remains after the word less its last character (memoized too: words with a common start, "1", "19", "19##",
    "the", "the 1", share their steps)."""
    if not word:
        return (rule.tree,)
    return tuple({id(more): more for rest in _rests(rule, word[:-1]) for more in _step(rest, word[-1])}.values())


_STEPS: dict = {}


def _step(items: list, ch: str) -> tuple[list, ...]:
    """``_after(items, ch)``, memoized like :func:`_starts_of_rest` (remainders are made of the
    pattern's own parts, and of one object per repeat remainder)."""
    key = (array("Q", map(id, items)).tobytes(), ch)  # packed ids: many are kept
    hit = _STEPS.get(key)
    if hit is None:
        hit = _STEPS[key] = (items, tuple(_after(items, ch, 0)))
    return hit[1]


def _nullable(items: list) -> bool:
    """Whether the parsed pattern ``items`` may match the empty string with nothing required of the text after
    it (True when unsure): a look-ahead that needs a character ("(?= data)") is not."""
    for op, av in items:
        if op in (sc.LITERAL, sc.NOT_LITERAL, sc.IN, sc.ANY, sc.CATEGORY):
            return False
        if op is sc.ASSERT and av[0] == 1 and not _nullable(av[1]):
            return False
        if op is sc.SUBPATTERN and not _nullable(av[-1]):
            return False
        if op is sc.BRANCH and not any(_nullable(b) for b in av[1]):
            return False
        if op in (sc.MAX_REPEAT, sc.MIN_REPEAT) and av[0] > 0 and not _nullable(av[2]):
            return False
    return True


def _index_starts(rules: tuple[Rule, ...]) -> tuple[dict, dict]:
    """The rules by the whole first words they can start with, and by first-word prefixes."""
    whole: dict = {}
    part: dict = {}
    for r in rules:
        for p, is_whole in r.starts:
            (whole if is_whole else part).setdefault(p, set()).add(r)
    return whole, part


def _after(items: list, s: str, depth: int):
    """Yield what remains of the parsed pattern ``items`` after it matched the text ``s``."""
    yield from _after_linked((items, 0, None), s, depth)


def _after_linked(cont, s: str, depth: int):
    # ``cont`` is a linked continuation (sequence, index, next) so that trying a branch allocates nothing
    if depth > 200:
        raise ValueError("pattern too deep to follow")
    if not s:
        yield _flatten(cont)
        return
    while cont is not None and cont[1] >= len(cont[0]):
        cont = cont[2]
    if cont is None:
        return
    seq, i, nxt = cont
    op, av = seq[i]
    rest = (seq, i + 1, nxt)
    if op is sc.LITERAL:
        ch = chr(av)
        if ch.lower() == s[0] or (s[0] == " " and ch.isspace()) or (s[0] == ANY_DIGIT and ch.isdigit()):
            yield from _after_linked(rest, s[1:], depth + 1)
    elif op is sc.ASSERT and av[0] == 1 and _nullable(_flatten(rest)):
        # a look-ahead with nothing required after it ("September(?= jobs data)"): the text goes on as
        # the look-ahead reads it, then with anything
        yield from _after_linked((av[1], 0, (_ANY_TAIL, 0, None)), s, depth + 1)
    elif op in (sc.AT, sc.ASSERT, sc.ASSERT_NOT):
        if op is sc.ASSERT_NOT and av[0] == 1 and _matches_char(av[1], s[0]):
            return  # a negative look-ahead for one character, and that character is next
        yield from _after_linked(rest, s, depth + 1)
    elif op is sc.ANY:
        yield from _after_linked(rest, s[1:], depth + 1)
    elif op is sc.SUBPATTERN:
        yield from _after_linked((av[-1], 0, rest), s, depth + 1)
    elif op is sc.BRANCH:
        first = s[0]
        for branch in av[1]:
            if (branch and branch[0][0] is sc.LITERAL and chr(branch[0][1]).lower() != first
                    and first not in (" ", ANY_DIGIT)):
                continue  # the common case in long word alternations, without a call
            yield from _after_linked((branch, 0, rest), s, depth + 1)
    elif op in (sc.MAX_REPEAT, sc.MIN_REPEAT):
        lo, hi, body = av
        if lo == 0:
            yield from _after_linked(rest, s, depth + 1)
        if hi != 0:
            left = hi if hi is sc.MAXREPEAT else hi - 1
            again = ([_repeat(op, max(lo - 1, 0), left, body)], 0, rest) if left != 0 else rest
            yield from _after_linked((body, 0, again), s, depth + 1)
    elif op is sc.IN:
        if any(_in_class(av, ch) for ch in ("0123456789" if s[0] == ANY_DIGIT else s[0])):
            yield from _after_linked(rest, s[1:], depth + 1)
    else:
        raise ValueError("cannot follow this pattern")


# what may follow a look-ahead's text: anything (".*"; one object, as the memos key on the parts' ids)
_ANY_TAIL = [(sc.MAX_REPEAT, (0, sc.MAXREPEAT, [(sc.ANY, None)]))]

_REPEATS: dict = {}


def _repeat(op, lo: int, hi, body: list) -> tuple:
    """The repeat item ``(op, (lo, hi, body))``, one object per distinct repeat (see _starts_of_rest)."""
    key = (op, lo, hi, id(body))
    item = _REPEATS.get(key)
    if item is None:
        item = _REPEATS[key] = (op, (lo, hi, body))  # keeps ``body`` alive: its id stays unique
    return item


def _flatten(cont) -> list:
    out: list = []
    while cont is not None:
        seq, i, cont = cont
        out.extend(seq[i:])
    return out


def _matches_char(items: list, ch: str) -> bool:
    """Whether the one-character pattern ``items`` certainly matches ``ch`` (False when unsure)."""
    if len(items) != 1 or ch == " ":  # " " stands for any space
        return False
    op, av = items[0]
    chars = "0123456789" if ch == ANY_DIGIT else ch
    if op is sc.LITERAL:
        return all(chr(av).lower() == c for c in chars)
    if op is sc.IN:
        return all(_in_class(av, c) for c in chars)
    return False


def _in_class(av, ch: str) -> bool:
    negate = False
    hit = False
    for kind, val in av:
        if kind is sc.NEGATE:
            negate = True
        elif kind is sc.LITERAL:
            hit |= chr(val).lower() == ch
        elif kind is sc.RANGE:
            hit |= any(val[0] <= ord(c) <= val[1] for c in {ch, *ch.upper()})  # 'ß'.upper() is 'SS'
        elif kind is sc.CATEGORY:
            hit |= {sc.CATEGORY_SPACE: ch.isspace(), sc.CATEGORY_DIGIT: ch.isdigit(),
                    sc.CATEGORY_WORD: ch.isalnum() or ch == "_"}.get(val, True)
        else:
            raise ValueError("cannot follow this character class")
    return hit != negate


def _examples(raw: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, list) or not raw:
        raise RuleError(f"{where}: every rule needs examples = [[text, value], ...]")
    out = []
    for ex in raw:
        if not (isinstance(ex, list) and len(ex) == 2 and all(isinstance(x, str) for x in ex)):
            raise RuleError(f"{where}: bad example {ex!r}, expected [text, value]")
        out.append((ex[0], ex[1]))
    return tuple(out)


_RULE_KEYS = {"id", "pattern", "op", "type", "args", "priority", "examples", "sets_focus"}


def compile_rule(raw: Mapping[str, Any], file: str, macros: Mapping[str, str],
                 operations: Mapping[str, tuple[frozenset[str], frozenset[str]]]) -> Rule:
    """Validate one ``[[rule]]`` table and compile it; raise :class:`RuleError` naming file and id.

    ``operations`` maps each operation's name to the (required, optional) ``args`` it reads."""
    rid = raw.get("id")
    where = f"{file}: rule {rid or '?'}"
    if not isinstance(rid, str) or not rid:
        raise RuleError(f"{where}: missing id")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
    op = raw.get("op")
    if op not in operations:
        raise RuleError(f"{where}: unknown op {op!r} (known: {', '.join(sorted(operations))})")
    pattern = raw.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise RuleError(f"{where}: missing pattern")
    expanded = _expand(pattern, macros, where)
    try:
        tree = _plain(sp.parse(expanded, _FLAGS))
        # one compiled form at load: case-sensitive for the lower-cased text if the pattern never reads case
        lower = re.compile(expanded, _FLAGS & ~re.IGNORECASE) if _case_free_items(tree) else None
        regex = lower if lower is not None else re.compile(expanded, _FLAGS)
    except re.error as e:
        raise RuleError(f"{where}: bad pattern: {e}") from None
    if regex.groups != len(regex.groupindex):
        raise RuleError(f"{where}: use named groups only (?P<name>...) or (?:...)")
    try:
        starts = frozenset(_starts(tree))
    except ValueError as e:
        raise RuleError(f"{where}: {e}") from None
    if any(p in ("", " ") for p, _ in starts):
        raise RuleError(f"{where}: the pattern can match the empty string or start with a space")
    typ = raw.get("type")
    try:
        ttype = TimexType(typ) if typ is not None else None
    except ValueError:
        raise RuleError(f"{where}: bad type {typ!r}") from None
    args = raw.get("args", {})
    if not isinstance(args, dict):
        raise RuleError(f"{where}: args must be a table")
    required, optional = operations[op]
    if set(args) - required - optional:
        raise RuleError(f"{where}: op {op!r} takes no args {sorted(set(args) - required - optional)} "
                        f"(it reads {', '.join(sorted(required | optional))})")
    if required - set(args):
        raise RuleError(f"{where}: op {op!r} needs args {sorted(required - set(args))}")
    priority, sets_focus = raw.get("priority", 0), raw.get("sets_focus", True)
    if type(priority) is not int:
        raise RuleError(f"{where}: priority must be an integer, not {priority!r}")
    if not isinstance(sets_focus, bool):
        raise RuleError(f"{where}: sets_focus must be true or false, not {sets_focus!r}")
    rule = Rule(rid, file, expanded, op, ttype, MappingProxyType(dict(args)), priority,
                _examples(raw.get("examples"), where), starts, sets_focus, tree, lower)
    if lower is None:
        rule.__dict__["regex"] = regex  # the cached property's value: compiled once
    return rule


def _case_free(pattern: str) -> bool:
    """Whether the pattern, compiled without IGNORECASE, matches the lower-cased text (``str.lower`` a
    character) where it matches the text with IGNORECASE: true when no part of it turns case-sensitive
    ("(?-i:") and every character it names (literals, set members, ranges) is its own lower case, read
    from the parsed pattern so that escapes count as what they stand for. (The characters that
    IGNORECASE matches otherwise than ``str.lower`` maps them are :data:`FOLDS_APART`: a text with one
    of them is matched as written.)"""
    return _case_free_items(sp.parse(pattern, _FLAGS))


def _case_free_items(items) -> bool:
    for op, av in items:
        if op in (sc.LITERAL, sc.NOT_LITERAL):
            if not _lower_stable(av, av):
                return False
        elif op is sc.IN:
            for kind, val in av:
                if kind in (sc.LITERAL, sc.NOT_LITERAL) and not _lower_stable(val, val):
                    return False
                if kind is sc.RANGE and not _lower_stable(*val):
                    return False
        elif op is sc.SUBPATTERN:
            if av[2] & re.IGNORECASE or not _case_free_items(av[-1]):  # av[2]: the flags it turns off
                return False
        elif op is sc.BRANCH:
            if not all(_case_free_items(b) for b in av[1]):
                return False
        elif op in (sc.MAX_REPEAT, sc.MIN_REPEAT, sc.POSSESSIVE_REPEAT):
            if not _case_free_items(av[2]):
                return False
        elif op in (sc.ASSERT, sc.ASSERT_NOT):
            if not _case_free_items(av[1]):
                return False
        elif op is sc.ATOMIC_GROUP:
            if not _case_free_items(av):
                return False
        elif op is sc.GROUPREF_EXISTS:
            if not all(_case_free_items(b) for b in av[1:] if b is not None):
                return False
    return True


@functools.lru_cache(maxsize=None)
def _lower_stable(lo: int, hi: int) -> bool:
    """Whether every character from ``lo`` to ``hi`` (code points) is its own lower case."""
    return all(chr(c) == chr(c).lower() for c in range(lo, hi + 1))


# the characters that IGNORECASE matches to others than the one ``str.lower`` gives (the re module's extra
# case pairs: "ſ" is an "s", "ı" an "i"), or that lower-case to two ("İ"), but ASCII: a text with any of them
# is matched by the IGNORECASE patterns
FOLDS_APART = re.compile("[" + "".join(sorted(
    re.escape(ch) for ch in ({chr(c) for c, peers in _casefix._EXTRA_CASES.items() for c in (c, *peers)}
                             | {"\u0130"}) if not ch.isascii())) + "]")


# a character IGNORECASE matches to an ASCII letter that ``str.lower`` does not give: to that letter ("ı" of
# "earlıer" is an "i", "ſ" an "s"), so that a vocab lookup finds the word the pattern matched
FOLD_TO_ASCII = {peer: chr(c) for c, peers in _casefix._EXTRA_CASES.items() if chr(c).isascii() for peer in peers
                 if not chr(peer).isascii()} | {0x130: "i"}


def _cue(future: list[str], past: list[str], past_suffix: str | None, not_before: list[str] = ()) -> re.Pattern:
    """The tense cue regex (groups ``future``, ``past``); a cue followed by a word of ``not_before`` is none
    ("two days earlier than planned" compares, it tells no past)."""
    suffix = rf"|[^\W\d_]{{2,}}{re.escape(past_suffix)}" if past_suffix else ""
    after = r"(?!\s+" + _alternation(not_before) + r"(?![\w-]))" if not_before else ""
    return re.compile(
        # a cue glued to a hyphen is part of a compound ("the worst-hit areas", "a cut-price offer"), no verb;
        # a cue that starts with an apostrophe is glued to its word ("we'll"): one look-behind holds both (an
        # alternation of the two costs ~0.5 ms more a pass over the dev corpus)
        r"(?<![\w-](?=[^'’]))(?:(?P<future>" + _alternation(future) + ")|(?P<past>" + _alternation(past) + suffix +
        r"))(?![\w-])" + after,
        _FLAGS,
    )


def _trigger(rules: tuple[Rule, ...]) -> tuple[re.Pattern, re.Pattern]:
    r"""One regex for every position where some rule can start, as a trie of first words.

    It runs on the lower-cased text with a separator prepended and matches that separator plus a
    look-ahead, so it is case-sensitive (fast literal checks). The separator is found by an ASCII
    class (a bitmap test per character, twice as fast as ``[\W_]``'s Unicode look-ups) and checked to
    be ``[\W_]`` by a look-behind only where the look-ahead matched: the same matches. A short whole
    word that no rule can end with ("the", "a") must be followed by a character or, after spaces, by
    a word that one of its rules can go on with (:func:`_next_words`): most "the"s are rejected in C.

    Its two groups are the engine's dispatch key: (1) the word (letters, or a leading punctuation
    mark) or the run of digits, with what follows it: spaces and the next word (its letters, or one
    other character), or else the character right after it and the one after that if it is ASCII or a
    space ("12, " and "1,0", "5. " and "5.3"; "1998." at the text's end); (2) the separator before a run of
    digits (None for a word). One string is a cheaper dict key than a tuple of the parts (~1 ms per
    pass over the dev corpus); the second regex returned (:data:`TRIGGER_KEY` with the phrases) takes it
    apart again when a key is new. A short whole word that its rules can go on with only one to three
    whole words ("more" than, "up" to, "at" least, "for" the) is read with that word as one phrase, so that
    the key holds the word after them ("more than 5", "more than a": 11 rules tried at every "more than" before).
    The scan is made cheap where nothing starts, after ~100k separators of which ~9k are triggers:
    the run of digits is one more alternative of the trie's first level, led by a character class
    that sre's alternation tests without entering it (an ASCII digit or any non-ASCII character; the
    look-behind then checks ``\d`` and captures the separator), instead of a second alternative led
    by a look-ahead ``(?=\d)`` entered at every separator; and the optional tail is an alternation
    with an empty branch rather than a ``?`` repeat. Each saves ~1 ms of the ~18 ms scan; reading the
    next word's ASCII letters with a range, ~0.4 ms.
    """
    whole = {p for r in rules for p, w in r.starts if w and p != DIGIT}
    part = {p for r in rules for p, w in r.starts if not w and p != DIGIT}
    part = {p for p in part if not any(p != q and p.startswith(q) for q in part)}
    whole = {p for p in whole if not any(p.startswith(q) for q in part)}
    index = _index_starts(rules)
    ahead = {}
    phrases = {}  # a whole word -> the words its rules can go on with, when these are few: read as one phrase
    for w in whole:
        if len(w) <= _AHEAD_MAX:
            ahead[w], nexts = _next_words(rules, index, w)
            if nexts:
                phrases[w] = _trie(nexts, set())
                ahead[w] = r"(?:\s+" + phrases[w] + r"|(?=\S))"  # the phrase, or the word glued to a mark
    ahead.update({p: _after_mark(rules, p) for p in part if not p[0].isalpha()})
    digits = r"[0-9\x80-\U0010ffff](?<=([\W_])\d)\d*(?:,\d\d\d(?!\d))*"  # "1,700": one run
    # the next word: its ASCII letters first ([a-z]+ tests a range; [^\W\d_] three Unicode look-ups
    # a character), then any other letters; the same longest run
    trigger = re.compile(r"[^a-z0-9](?=(" + _trie(whole, part, ahead, digits) +
                         r"(?:\s+(?:[a-z]+[^\W\d_]*|[^\W\d_]+|\d+[!-~\s]?|\S)|\S[!-~\s]?|)))(?<=[\W_])")
    # the phrases first: the trigger reads a phrase wherever it can
    key = "".join(re.escape(w) + r"\s+" + phrases[w] + "|" for w in sorted(phrases))
    return trigger, re.compile(TRIGGER_KEY.pattern.replace("(", "(" + key, 1), re.DOTALL)


# The trigger's first group taken apart: (1) the word, the run of digits or the leading mark, then
# (2) the next word after spaces, or (3) the character right after it (and the next one, an ASCII character
# or a space, if there is one). A first word is letters
# (``_starts`` reads only alphabetic literals into one) and the trie takes them all (a whole word may
# not go on with a letter, a prefix takes the rest), a run takes all the digits: the longest run here
# is the same. A leading mark is one other character; the engine reads only that one.
TRIGGER_KEY = re.compile(r"([^\W\d_]+|\d+(?:,\d\d\d(?!\d))*|.)(?:\s+([^\W\d_]+|\d+[!-~\s]?|\S)|(\S[!-~\s]?)|)", re.DOTALL)


_AHEAD_MAX = 4  # the longest first word that gets a look-ahead: the common ones are short ("the", "a")
_PHRASE_MAX = 3  # the most next words a short first word may have to be read as a phrase with them


def _after_mark(rules: tuple[Rule, ...], mark: str) -> str | None:
    """For a first-word prefix that is a punctuation mark ("'" of "'90s"): a look-ahead for the
    characters right after it that one of its rules can go on with ("'" then a digit: not the "'s"
    of a possessive or the "''" closing a quote), or None when any may follow. Each ASCII character
    is tried with :func:`goes_on`; any other is let through."""
    fit = [r for r in rules if any(q.startswith(mark) for q, _ in r.starts)]
    allowed = [chr(c) for c in range(128) if any(goes_on(r, mark, chr(c)) for r in fit)]
    if len(allowed) == 128:
        return None
    return r"(?=[" + "".join(re.escape(c) for c in allowed) + r"]|[^\x00-\x7f])"


def _trie(whole, part, ahead=None, other: str = "") -> str:
    """A regex of the words ``whole`` (not going on with a letter, then ``ahead[word]``) and of the
    prefixes ``part`` (going on with any letters, or with ``ahead[prefix]`` instead when it is there
    and not None), as a trie; ``other``, if given, is one more alternative of its first level."""
    trie: dict = {}
    for word, kind in [(w, "whole") for w in whole] + [(p, "part") for p in part]:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = kind

    def walk(node: dict, word: str) -> str:
        if node.get("") == "part":
            return (ahead or {}).get(word) or r"[^\W\d_]*"
        alts = [re.escape(ch) + walk(node[ch], word + ch) for ch in sorted(k for k in node if k)]
        if node.get("") == "whole":
            alts.append(r"(?![^\W\d_])" + (ahead or {}).get(word, ""))
        if other and not word:
            alts.append(other)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return walk(trie, "")


def _next_words(rules: tuple[Rule, ...], index: tuple[dict, dict], word: str) -> tuple[str, set[str]]:
    """A look-ahead for what may come after the whole first word ``word``: any character right
    after it, or after spaces a word that one of the rules starting with it can go on with; ""
    when one of them may end at the word (or cannot be followed). Then the words that may come after it
    when they are one to _PHRASE_MAX whole words and nothing else (no prefix, no number), else none."""
    by_whole, by_part = index
    fit = by_whole.get(word, set()) | {r for p, rs in by_part.items() if word.startswith(p) for r in rs}
    nexts: set = set()
    for r in rules:
        if r in fit:
            follow = _follow(r, word)
            if follow is None:
                return "", set()
            if follow is not False:
                nexts |= {(w, True) for w in follow[0]} | {(p, False) for p in follow[1]}
    words = {w for w, is_whole in nexts if is_whole}
    prefixes = {p for p, is_whole in nexts if not is_whole and p != DIGIT}
    prefixes = {p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes)}
    words = {w for w in words if not any(w.startswith(q) for q in prefixes)}
    alts = [_trie(words, prefixes)] if words or prefixes else []
    if (DIGIT, False) in nexts:  # the engine's "digit" is str.isdigit: also the letters-not-a-z that are digits
        alts.append(r"\d|[^\W\d_a-z]")
    phrase = words if not prefixes and (DIGIT, False) not in nexts and len(words) <= _PHRASE_MAX else set()
    return (r"(?=\S|\s+(?:" + "|".join(alts) + "))" if alts else r"(?=\S)"), phrase


@functools.cache
def load(lang: str = "en", root: Path = RULES_DIR) -> Language:
    """Load and compile the rules of ``lang`` once (cached); raise RuleError on a bad file or rule."""
    from .resolve import ARGS

    folder = root / lang
    vocab_file = folder / "vocab.toml"
    if not vocab_file.is_file():
        raise RuleError(f"{folder}: no vocab.toml for language {lang!r}")
    data = _read(vocab_file)
    vocab = {k: {" ".join(w.casefold().split()): v for w, v in t.items()} for k, t in data.get("vocab", {}).items()}
    macros = {k: _alternation(t) for k, t in vocab.items()}
    for name, frag in data.get("macros", {}).items():
        if name in macros:
            raise RuleError(f"{vocab_file.name}: macro {name!r} is also a vocab table")
        macros[name] = frag
    tense = data.get("tense", {})
    ranges = data.get("ranges", {})
    rules: list[Rule] = []
    seen: set[str] = set()
    dct = None
    for path in sorted(folder.glob("*.toml")):
        if path == vocab_file:
            continue
        doc = _read(path)
        file_dct = doc.get("meta", {}).get("dct")
        if not isinstance(file_dct, dt.date):
            raise RuleError(f"{path.name}: [meta] dct = YYYY-MM-DD is required for the examples")
        if dct is not None and file_dct != dct:
            raise RuleError(f"{path.name}: all rule files of a language share one example dct")
        dct = file_dct
        for raw in doc.get("rule", []):
            rule = compile_rule(raw, path.name, macros, ARGS)
            if rule.id in seen:
                raise RuleError(f"{path.name}: rule {rule.id}: duplicate id")
            seen.add(rule.id)
            rules.append(rule)
    if not rules:
        raise RuleError(f"{folder}: no rules")
    try:
        return Language(
            lang, tuple(rules), MappingProxyType(vocab), *_trigger(tuple(rules)),
            _cue(tense["future"], tense["past"], tense.get("past_suffix"), tense.get("not_before", ())),
            re.compile(r"(?<!\w)(?P<word>" + _alternation(vocab.get("mod_outer", {"\0": 0})) + r")\s+$", _FLAGS),
            re.compile(r"\s*" + _alternation(ranges["connectors"]) + r"\s*$", _FLAGS),
            re.compile(r"(?<!\w)" + _alternation(ranges["openers"]) + r"\s+$", _FLAGS),
            dct,
        )
    except KeyError as e:
        raise RuleError(f"{vocab_file.name}: missing {e.args[0]!r} in [tense] or [ranges]") from None


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{path.name}: {e}") from None
