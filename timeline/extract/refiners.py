"""After matching: the selected items (sorted by offset) resolved to TIMEX3 values.

:func:`resolve_in_order` does it in one pass in text order: the year a range states once, the tense of
the sentence for underspecified dates (searched only when an operation reads it), the operation with an
anaphoric focus ("the next day" = the day after the last mentioned date) and the modifier just outside
an expression; then date + time merging for a time of day with no day. :func:`to_mention` makes the
public mentions, and :func:`ranges_of` joins two ends into a :class:`TimeRange` from the range rules and
the per-language connector data ("from X to Y", "X-Y", "between X and Y").
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Mapping, NamedTuple

from ..model import Mention, TimeRange, TimeSpan, TimexType
from .context import ExtractContext
from .engine import Item, lower_same_length
from .resolve import OPERATIONS, TENSED, Resolved, Scope, shift, span_of
from .rules import FOLDS_APART, Language, Rule, _alternation, _case_free

# a sentence ends at . ! ? ; before a space, but not after an initial or a short capitalized
# abbreviation ("P. Davison", "Mr. Smith", "Inc. said"; "May." is a whole word) or "vs.", nor after "a.m."/"p.m." unless a word in
# title case follows ("at 7 p.m. local time", "9:30 a.m. EDT"), and at a line break
# (the mark comes first, so the search skips to candidate characters in C; look-behinds then check it)
_SENTENCE_END = re.compile(r"[.!?;\n](?:(?<=\n)|(?<!\b[A-Z].)(?<!\b[A-Z][a-z].)(?:(?<!\b[A-Z][a-z]{2}.)|(?<=\bMay.))(?<!\bvs.)"
                           r"(?:(?<![ap]\.m\.)|(?=\s+[A-Z][a-z]))\s)")
_WINDOW = 60
_RIGHT = 30
# "will be named commander of the shuttle for a mission in December": with no cue in the window, a
# future cue further back in the sentence still holds (a past one that far is often another clause's)
_FAR = 110
_AUXILIARIES = re.compile(r"(?:\s+[^\W\d_]{2,4}){0,2}\s+")  # at most two short words ("be", "have been")
# "will be named at a ceremony held in May": after a passive future ("... be"), a past form a few words
# on is one more participle; a finite-only form ("was", "had") starts a clause of its own
_PASSIVE_GAP = re.compile(r"(?:\s+[^\W\d_]+){0,4}\s+")
_DID = frozenset({"did", "did not", "didn't"})
_FINITE_PAST = frozenset({"was", "were", "had", "did", "says", "said", "ago", "earlier", "last", "since"})
# "stepped down", "pulled out": a regular past form with its particle, when no listed cue is near
# (the literal "ed " comes first, so the search skips to it in C; the look-behind then checks the stem)
_PHRASAL_PAST = re.compile(r"ed(?<=[a-z]{2}ed) (?:down|up|out|off|over|away|back)(?!\w)")
# "Cuba predicted Wednesday": a regular past form right before the expression, when no listed cue is near
# ("agreed" counts, "proceed" and "need" do not)
_PAST_RIGHT_BEFORE = re.compile(r"(?<![a-z])(?:[a-z]{2,}[a-df-z]|[a-z]*r)ed\s+(?:on\s+)?$")
# "The hearing is Monday", "Negotiators are meeting Friday", "Markets are closed on Monday": a present copula right
# before the expression, or a present progressive or passive a few words before it, tells what is arranged (when no
# cue is nearer)
# (the letter first, so that the search skips to candidates in C; the look-behind then checks the word's start)
_PRESENT_ARRANGED = re.compile(r"(?:i(?<![a-z'’]i)s|a(?<![a-z'’]a)re)\s+(?:(?!being\s|open\s)(?:[a-z]+(?:ing|ed|en|wn)|held|set|shut|"
                               r"closed|due|run|put|cut|made|paid|sold|kept)\s+(?:[a-z]+\s+){0,4})?(?:on\s+|at\s+)?$")
# "Markets are closed on Monday": a past form right after a present "is"/"are" is a participle or an adjective
_PRESENT_BEFORE = re.compile(r"(?<![a-z'’])(?:is|are|'re|’re)\s+(?:not\s+)?$")
# "will be", "would have been" right before a past form: a participle of a future passive
_FUTURE_PASSIVE_BEFORE = re.compile(r"(?<![a-z'’])(?:will|would|shall|won't|wouldn't)\s+(?:not\s+)?(?:be|have\s+been)\s+$")
# a short parenthesis between a time and its day ("(0400 GMT)", "(1800 local time)")
_ASIDE = re.compile(r"\([^()\n]{0,30}\)")
# "In January, ... killed": a date fronting its sentence times the clause after the comma
_FRONTED = re.compile(r"\s*(?:[^\W\d_]+\s+)?")
_FRONTED_RIGHT = 200
# an Item with one field changed, built directly (NamedTuple._replace costs ~3x more in these loops)
_new = tuple.__new__
_RESOLVED = Item._fields.index("resolved")
assert _RESOLVED == len(Item._fields) - 1  # resolve_in_order sets it by appending
_UNSEEN = object()  # a memo's miss (None is a value it keeps)
# types bound once (an Enum member read through its class costs ~70 ns, these run once per expression)
_DATE, _TIME = TimexType.DATE, TimexType.TIME
_PLACED = (_DATE, _TIME)  # the types whose values have a calendar span
_AMOUNT_MODS = frozenset({"MORE_THAN", "LESS_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"})  # for lengths only
_POINT_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})  # for points in time only


class _Tenses:
    """The tense cues of one text, searched around an expression on demand.

    An item whose value may depend on tense (a ``TENSED`` operation) gets, in :func:`resolve_in_order`,
    a function that finds the tense of its sentence: "future" or "past" by the nearest tense cue (cues
    before the expression weigh more than cues after it), else "". :class:`Scope` calls it on the first
    read, as about half of the operations never read it ("March 5, 1998")."""

    def __init__(self, ctx: ExtractContext):
        self.text = ctx.text
        self.cue, self.directed, self.two_ends, self.linking_gap = _derived(ctx.language)[:4]
        self.lowered = ctx.lowered  # the cues are searched in the lower-cased text: 3x faster than IGNORECASE

    def of(self, start: int, end: int) -> str:
        """The tense of the expression at ``start:end``: "future", "past" or ""."""
        text, cue, directed = self.text, self.cue, self.directed
        lowered = self.lowered
        if lowered is None:
            lowered = self.lowered = lower_same_length(text)
        lo = max(0, start - _WINDOW)
        cut = None
        for cut in _SENTENCE_END.finditer(text, lo, start):
            pass
        if cut is not None:
            lo = cut.end()
        hi = min(len(text), end + _RIGHT)
        right = _SENTENCE_END.search(text, end, hi)
        if right is not None:
            hi = right.start()
        if cut is not None or lo == 0:
            if text.startswith(",", end) and _FRONTED.fullmatch(text, lo, start):
                hi = min(len(text), end + _FRONTED_RIGHT)
                right = _SENTENCE_END.search(text, end, hi)
                if right is not None:
                    hi = right.start()
        best, dist, prev_end, last = "", None, -99, None
        for m in cue.finditer(lowered, lo, start):
            group = m.lastgroup
            if group == "past" and m.group() not in _FINITE_PAST:
                before = lowered[max(0, m.start() - 24):m.start()]
                if ("is " in before or "re " in before) and _PRESENT_BEFORE.search(before, max(0, len(before) - 12)):
                    continue  # "Markets are closed on Monday": present, no past
                # "He will be found ... on Thanksgiving Day": the future cue of a passive just before the window
                if last is None and "be" in before and _FUTURE_PASSIVE_BEFORE.search(before):
                    best, last, dist, prev_end = "future", m, start - m.end(), m.end()
                    continue
            # "will be held Friday": a past form right after a future cue is a participle of its verb
            if best == "future" and group == "past":
                if _AUXILIARIES.fullmatch(text, prev_end, m.start()) or (
                        last.group().endswith("be") and m.group() not in _FINITE_PAST
                        and _PASSIVE_GAP.fullmatch(text, prev_end, m.start())) or (
                        m.group() not in _FINITE_PAST and self.linking_gap.fullmatch(text, prev_end, m.start())):
                    dist, prev_end = start - m.end(), m.end()
                    continue
            # "did not meet Monday": a bare form after "did" is no schedule ("did not plan to" still is)
            elif best == "past" and group == "future" and last.group() in _DID and " " not in m.group() \
                    and _AUXILIARIES.fullmatch(text, prev_end, m.start()):
                dist, prev_end = start - m.end(), m.end()
                continue
            best, last = group, m
            dist, prev_end = start - m.end(), m.end()
        near = max(lo, start - 60)
        if (last is None or last.end() <= start - 12) and (
                lowered.find("is ", near, start) >= 0 or lowered.find("are ", near, start) >= 0):
            m = _PRESENT_ARRANGED.search(lowered, near, start)
            if m is not None and (last is None or last.end() <= m.start()):
                best, dist = "future", 0
        if not best:
            phrasal = _PHRASAL_PAST.search(lowered, lo, start)
            if phrasal is not None or _PAST_RIGHT_BEFORE.search(lowered, max(lo, start - 24), start):
                # "warned Wednesday that they should ...": as near as a listed cue, not outweighed by one after it
                best, dist = "past", (start - phrasal.end() if phrasal is not None else 0)
            elif lo > 0 and cut is None:
                far = max(0, start - _FAR)
                for cut in _SENTENCE_END.finditer(text, far, lo):
                    pass
                if cut is not None:
                    far = cut.end()
                m = None
                for m in cue.finditer(lowered, far, _word_end(lowered, min(start, lo + 16))):  # none in the window
                    pass
                if m is not None and m.lastgroup == "future":
                    best = "future"
        m = cue.search(lowered, end, _word_end(lowered, hi))  # a word cut at ``hi`` would end early ("expect|ed")
        if m is not None and m.start() >= hi:
            m = None
        if m is not None and (dist is None or m.start() - end + 30 < dist):
            best = m.lastgroup
        # "by August" is a target, "since May" behind; "had filed by Wednesday" stays past, "was
        # extended until May" not: a two-word entry wins over any cue
        words = words_before(text, start) if best != "past" or lowered.endswith(self.two_ends, 0, start) else None
        if words is not None:  # "ahead of Tuesday", "by August": two words, else one
            one = words[1].lower()
            direction = directed.get(f"{words[0].lower()} {one}") if words[0] else None
            if direction is not None:  # "fell ahead of Tuesday's vote", "was extended until May": over a cue
                best = direction
            elif best != "past":
                best = directed.get(one, best)
        return best


def _word_end(text: str, pos: int) -> int:
    """``pos``, moved on to the end of the word it cuts (a search that stops at ``pos`` would take the cut for a
    word's end)."""
    return _WORD_TAIL.match(text, pos).end()


_WORD_TAIL = re.compile(r"[\w'’-]*")


class _Derived(NamedTuple):
    """What the refiners read of a language, built once from its data (see :func:`_derived`)."""

    cue: re.Pattern  # the tense cues without IGNORECASE, for lower-cased text (the loader case-folds their words)
    directed: Mapping[str, str]  # vocab.directed
    two_ends: tuple[str, ...]  # the last words of its two-word entries, each with a space ("until ")
    linking_gap: re.Pattern  # one vocab.linking verb between two cues ("will remain closed")
    outer_backwards: re.Pattern  # language.outer_modifier reversed, for the reversed text before a position
    outer_backwards_lower: re.Pattern  # the same without IGNORECASE, for the lower-cased text (a tenth faster)


_DERIVED: dict[int, tuple[Language, _Derived]] = {}  # by id(language): one entry a language


def _derived(language: Language) -> _Derived:
    """The per-language data of the refiners, built on the first call for ``language``."""
    hit = _DERIVED.get(id(language))
    if hit is None or hit[0] is not language:
        cue = language.tense_cue
        directed = language.vocab.get("directed", {})
        words = language.vocab.get("mod_outer", {"\0": 0})  # the words of language.outer_modifier
        linking = language.vocab.get("linking", {"\0": 1})
        derived = _Derived(re.compile(cue.pattern, cue.flags & ~re.IGNORECASE), directed,
                           tuple({k.rsplit(" ", 1)[1] + " " for k in directed if " " in k}),
                           re.compile(r"\s+(?:" + _alternation(linking) + r")\s+", re.IGNORECASE),
                           backwards := re.compile(r"\s+(?P<word>" + _alternation(w[::-1] for w in words) + r")(?!\w)",
                                                   language.outer_modifier.flags),
                           re.compile(backwards.pattern, backwards.flags & ~re.IGNORECASE)
                           if _case_free(backwards.pattern) else backwards)
        hit = _DERIVED[id(language)] = (language, derived)
    return hit[1]


# the one or two words right before a position, read backwards in the reversed 24 characters before it
_WORDS_BACKWARDS = re.compile(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?")


def words_before(text: str, start: int) -> tuple[str | None, str] | None:
    r"""The word before ``start`` (letters, then spaces up to ``start``) and the word before that
    (None if there is none), each whole (no letter, digit or _ glued before it), within 24 characters;
    the groups of ``re.compile(r"(?:(?<!\w)([^\W\d_]+)\s+)?(?<!\w)([^\W\d_]+)\s+$")``
    ``.search(text, max(0, start - 24), start)``, in a third of the time (tests/extract/test_words_before.py)."""
    lo = max(0, start - 24)
    m = _WORDS_BACKWARDS.match(text[lo:start][::-1])
    if m is None:
        return None
    s2 = start - m.end(1)
    if s2 > 0 and _wordlike(text[s2 - 1]):
        return None
    first = None
    if m.group(2) is not None:
        s1 = start - m.end(2)
        if not (s1 > 0 and _wordlike(text[s1 - 1])):
            first = text[s1:start - m.start(2)]
    return first, text[s2:start - m.start(1)]


def _wordlike(ch: str) -> bool:
    r"""Whether ``ch`` is what the regex ``\w`` matches."""
    return ch.isalnum() or ch == "_"


def _outer_word(language: Language, text: str, start: int, backwards: re.Pattern, seen: str | None = None) -> str | None:
    """The ``word`` group of ``language.outer_modifier.search(text, max(0, start - 24), start)``, or None:
    a hedge or preposition just before ``start`` ("by").

    Read backwards: one anchored match of ``backwards`` (the language's ``outer_backwards``, the
    reversed regex) on the reversed text before ``start``
    (with one more character, for the word's left boundary) instead of a search from every position.
    A match there is the longest word ending before the spaces, as the search's leftmost one is; when
    it begins before the 24 characters, a shorter word may still count: the search decides. ``seen``: the
    text ``backwards`` reads, if not ``text`` (the lower-cased text, for ``outer_backwards_lower``)."""
    if not text[start - 1:start].isspace():  # "\s+$" needs a space right before ``start``
        return None
    lo = max(0, start - 24)
    m = backwards.match((text if seen is None else seen)[max(0, lo - 1):start][::-1])
    if m is None:
        return None
    if m.end() > start - lo:
        m = language.outer_modifier.search(text, lo, start)
        return m.group("word") if m is not None else None
    return text[start - m.end("word"):start - m.start("word")]


def resolve_in_order(ctx: ExtractContext, items: list[Item]) -> list[Item]:
    """Resolve every item in text order, keeping the last mentioned date as the anaphoric focus: a date
    with no year takes the year a range states at its other end (:func:`_range_year`), and each item the
    mod of a hedge or preposition just outside it (:func:`_with_outer_mod`); then give a time of day with
    no day the day next to it (:func:`merge_date_time`)."""
    scope = Scope(ctx.anchor, ctx.language.lookup)
    tense_of, partial = _Tenses(ctx).of, functools.partial
    language, text = ctx.language, ctx.text
    # the outer word read in the lower-cased text, unless IGNORECASE could match it otherwise there (engine._matches)
    lowered = ctx.lowered
    if lowered is not None and (lowered.isascii() or FOLDS_APART.search(lowered) is None):
        backwards, seen = _derived(language).outer_backwards_lower, lowered
    else:
        backwards, seen = _derived(language).outer_backwards, None
    connector = language.range_connector
    out: list[Item] = []
    undated: list[int] = []  # where a time of day has no day of its own
    for i, it in enumerate(items):
        rule = it.rule
        # the tense, searched if the operation reads it
        scope.pending_tense = partial(tense_of, it.start, it.end) if rule.op in TENSED else ""
        groups = it.groups
        if "month" in groups and "year" not in groups and rule.op == "date" and i + 1 < len(items):
            groups = _range_year(connector, text, it, items[i + 1])
        if it.second and out and out[-1].link == it.link and out[-1].resolved.date and "year" not in groups:
            groups = {**groups, "year": str(out[-1].resolved.date.year)}  # "September 20-22": one year
        try:
            res = _resolve(rule, groups, scope)
        except (ValueError, OverflowError) as exc:  # "February 30, 2023", or past the calendar's ends
            ctx.warnings.append(f"offset {it.start}: {ctx.text[it.start:it.end]!r} cannot be placed on the calendar "
                                f"({exc})")
            continue
        if res is None:
            continue
        if out and res.date is not None and (rule.op == "weekday" or rule.op == "date" and "year" not in groups):
            res = _after_range_start(language, text, out[-1], it, res)
        if res.date is not None and res.type in _PLACED and res.unit and rule.sets_focus and not (
                "keep" in rule.args and res.unit in rule.args["keep"]):  # the reported period a year back: a comparison
            scope.move_on(focus=(res.date, res.unit))
            # a day ("the quarter ended Sept. 30") does not change the period a report is about
            if res.unit not in ("D", "W", "WE") and _reported(res.date, res.unit, ctx.anchor, scope):
                scope.move_on(period=(res.date, res.unit))
        elif rule.args.get("report"):
            scope.move_on(period=None)  # "for the nine months, ... a year earlier": the nine months a year before
        word = _outer_word(language, text, it.start, backwards, seen)  # after the focus: a mod does not move it
        if word is not None:
            res = _with_outer_mod(language, word, res, text, it.start, it.end)
        if res.type is _TIME and not res.dated:
            undated.append(len(out))
        out.append(_new(Item, it[:_RESOLVED] + (res,)))  # resolved is the last field
    return merge_date_time(ctx, out, undated) if undated else out


# what each operation returned, keyed on all that it reads: the rule, the groups and the scope's DCT, then
# the values of what else of the scope it read (focus, period, tense: ``Scope.reads``). Operations are pure
# and a Resolved is immutable, and news repeats its expressions ("two years", "Friday" in the same tense).
# Two kinds of entries: (rule, groups, dct) -> the READ_* bits its first run read; that key plus the values
# of those reads -> the outcome. Bounded: about 500 bytes an outcome (measured on the dev corpus), so
# ~10 MB when full; then it starts afresh
_OUTCOMES: dict = {}
_OUTCOMES_LIMIT = 20_000


def forget_outcomes() -> None:
    """Empty the memos of operation outcomes and value spans (results, not code: the next text is resolved
    afresh). For benchmarks that tag the same text more than once."""
    _OUTCOMES.clear()
    _SPANS.clear()


def _resolve(rule: Rule, groups: Mapping[str, str], scope: Scope) -> Resolved | None:
    """The rule's operation on ``groups`` in ``scope``, with the rule's ``type`` applied; memoized
    (an operation that raises is not: it raises again).

    The memo keys on what the first run of the operation for (rule, groups, DCT) read of the scope: a
    later run that finds the same values there takes the same path, so it reads nothing else and returns
    the same. A run that reads more than that (another path) is not kept. The tense is searched only if
    the key or the operation reads it."""
    base = (rule, tuple(groups.items()), scope.dct)
    reads = _OUTCOMES.get(base)
    if reads is not None:
        key = (base, scope.values_of(reads))
        res = _OUTCOMES.get(key, _UNSEEN)
        if res is not _UNSEEN:
            return res
    scope.reads = 0
    res = _operate(rule, groups, scope)
    if reads is None:
        reads = scope.reads
        key = (base, scope.values_of(reads))
    elif scope.reads & ~reads:
        return res  # it read what the memo does not key on here
    if len(_OUTCOMES) + 2 > _OUTCOMES_LIMIT:
        _OUTCOMES.clear()
    _OUTCOMES[base] = reads
    _OUTCOMES[key] = res
    return res


def _operate(rule: Rule, groups: Mapping[str, str], scope: Scope) -> Resolved | None:
    """The rule's operation on ``groups`` in ``scope``, with the rule's ``type`` applied."""
    res = OPERATIONS[rule.op](groups, rule.args, scope)
    if res is not None and rule.type is not None and rule.type != res.type:
        res = res._replace(type=rule.type)
    return res


def _reported(d: dt.date, unit: str, anchor: dt.date, scope: Scope) -> bool:
    """Whether a period can be the one a report compares with "a year earlier": over by the anchor, or
    begun and told in the past tense ("reported fourth-quarter earnings"; not "losses through the
    third quarter of 1990", not "to continue into the fourth quarter")."""
    over = _over_by(d, unit, anchor)
    return over is True or (over is False and d <= anchor and scope.tense == "past")


@functools.lru_cache(maxsize=4096)
def _over_by(d: dt.date, unit: str, anchor: dt.date) -> bool | None:
    """Whether the ``unit``-long period from ``d`` is over by ``anchor``; None if it cannot be shifted."""
    try:
        return shift(d, unit, 1) <= anchor
    except (KeyError, ValueError):
        return None


def merge_date_time(ctx: ExtractContext, items: list[Item], undated: list[int]) -> list[Item]:
    """Give a time of day with no stated day (``items[i]`` for ``i`` in ``undated``, all resolved) the day of
    a date right next to it ("3 p.m. Friday") or of a part of a stated day ("10 p.m. last night"), or of a dated
    time that a range connector joins to it ("from 7 a.m. to 8 p.m. Sunday")."""
    out = list(items)
    for i in undated:
        it = items[i]
        res = it.resolved
        for j in (i + 1, i - 1):
            if not 0 <= j < len(items):
                continue
            other = out[j].resolved  # the time before is merged already
            if other is None or other.unit != "D" or other.date is None:
                continue
            if other.type is _TIME and other.dated and ":" in other.value:
                # a clock time, not a part of a stated day ("last night"): only as the other end of a range
                # ("between 2 p.m. and 4 p.m. on Tuesday")
                if not _connected(ctx.language, ctx.text, *((it, items[j]) if j > i else (items[j], it))):
                    continue
            elif other.type is not _DATE and not (other.type is _TIME and other.dated):
                continue
            lo, hi = min(it.end, items[j].end), max(it.start, items[j].start)
            gap = ctx.text[lo:hi]
            if "(" in gap:  # "6 a.m. local time (0400 GMT) on Sunday": an aside does not part them
                gap = _ASIDE.sub("", gap)
                if "(" in gap:  # "at 1:30 am (2230 GMT Monday)": the day in the aside is the other zone's
                    continue
            if len(gap) > 25 or _SENTENCE_END.search(gap):
                continue
            # "Bush spoke at 8 p.m. He will campaign next Tuesday": the time's own period ends the sentence;
            # "closed at 2 p.m. and will be shut tomorrow": a tense cue between them starts another clause
            if (gap[:1].isspace() and ctx.text[lo - 1] == "." and _SENTENCE_END.search(ctx.text, lo - 1, hi)) or \
                    _derived(ctx.language).cue.search(gap.lower()):
                continue
            value = other.date.isoformat() + res.value[10:]
            out[i] = it._replace(resolved=res._replace(value=value, date=other.date, dated=True))
            break
    return out


def _with_outer_mod(language: Language, word: str, res: Resolved, text: str, start: int, end: int) -> Resolved:
    """``res`` with the TIMEX3 mod of a hedge or preposition ``word`` just outside its extent ``text[start:end]``
    ("about <two weeks>", "by <2025>" = ON_OR_BEFORE, the target the event layer turns into a deadline), where it
    applies; resolve_in_order reads the word (:func:`_outer_word`). An amount ("for over <two years>" =
    MORE_THAN) is a bare length, not a period that a determiner makes definite (``vocab.definite``: "over <the
    past two years>" is during them), and a word of ``vocab.mod_needs_opener`` is one only after a word of
    ``vocab.amount_opener`` ("doubled over <a decade>" is during it)."""
    mod = language.lookup("mod_outer", word)
    if mod in _AMOUNT_MODS and (res.type is not TimexType.DURATION or
                                text[start:end].split(None, 1)[0].lower() in language.vocab.get("definite", ())):
        mod = None  # "over the weekend" is not "more than the weekend"
    elif mod in _AMOUNT_MODS and word.lower() in language.vocab.get("mod_needs_opener", ()):
        pos = start  # the outer word ends at the spaces before the extent
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        before = words_before(text, pos - len(word))
        if before is None or before[1].lower() not in language.vocab.get("amount_opener", ()):
            mod = None  # "fell over five years": during them"
    elif mod in _POINT_MODS and res.type is TimexType.DURATION:
        mod = None  # "released after 27 years": a length is no point to be after
    if mod is not None and (res.mod is None or mod == "ON_OR_BEFORE"):  # "by mid-2025": a deadline
        res = res._replace(mod=mod)
    return res


def _after_range_start(language: Language, text: str, first: Item, it: Item, res: Resolved) -> Resolved:
    """``res`` one cycle on when it ends a range that ``first`` starts (the same operation; for dates, a date of
    the same unit) and would fall before that start, less than a cycle before it: a weekday a week on ("Monday
    through Friday" told on a Wednesday: the coming Friday, not the one before Monday), a day or a month with no
    year stated a year on ("from April 3 through June 30" told in March: this June, not the last one; "from
    November to February" told in March is already in order; "a revision Friday to December's figures" is no
    range of days)."""
    start, op = first.resolved.date, it.rule.op
    if start is None or res.date >= start or first.rule.op != op:
        return res
    if op == "weekday":
        if (start - res.date).days >= 7 or not _connected(language, text, first, it):
            return res
        day = res.date + _ONE_WEEK
        return res._replace(value=day.isoformat() + res.value[10:], date=day)
    if (res.unit not in ("D", "M") or first.resolved.unit != res.unit or first.resolved.type is not _DATE
            or not res.value.startswith(f"{res.date.year:04d}-") or not _connected(language, text, first, it)):
        return res
    try:
        day = res.date.replace(year=res.date.year + 1)
    except ValueError:  # February 29
        return res
    if day < start:  # the ends are further apart than a year moves: not this case
        return res
    return res._replace(value=f"{day.year:04d}" + res.value[4:], date=day)


_ONE_WEEK = dt.timedelta(days=7)


def _range_year(connector: re.Pattern, text: str, it: Item, after: Item) -> Mapping[str, str]:
    """The groups of ``it`` (a date with a month and no year), with the year of the date ``after`` it when a
    range connector joins them ("Sept. 20 to Oct. 2, 2023": the first end takes the year of the second)."""
    if after.rule.op == "date" and "year" in after.groups and _gap_is(connector, text, it.end, after.start):
        return {**it.groups, "year": after.groups["year"]}
    return it.groups


# the span of each TIMEX3 value met (without a zone): spans are immutable, and news repeats its dates
_SPANS: dict[str, TimeSpan | None] = {}
_SPANS_LIMIT = 100_000


def to_mention(ctx: ExtractContext, it: Item) -> Mention:
    """The public, immutable mention of a resolved item."""
    res = it.resolved
    tz = None
    if "zone" in it.groups:  # "3 p.m. EST": an aware span
        offset = ctx.language.lookup("zone", it.groups["zone"])
        if isinstance(offset, (int, float)):
            tz = dt.timezone(dt.timedelta(hours=offset), it.groups["zone"].upper())
    span = None
    if res.type in _PLACED:
        if tz is not None:
            span = span_of(res.value, tz)
        else:
            span = _SPANS.get(res.value, _UNSEEN)
            if span is _UNSEEN:
                if len(_SPANS) >= _SPANS_LIMIT:
                    _SPANS.clear()
                span = _SPANS[res.value] = span_of(res.value)
    return Mention.made(ctx.text[it.start:it.end], it.start, it.end, it.rule.id, res.type, res.value, span, res.mod)


def ranges_of(ctx: ExtractContext, items: list[Item], mentions: list[Mention]) -> list[TimeRange]:
    """Join the two ends of each range: those of a range rule, and mentions linked by a connector.
    ``mentions[i]`` is the mention of ``items[i]``."""
    lang = ctx.language
    out: list[TimeRange] = []
    for a, b, ma, mb in zip(items, items[1:], mentions, mentions[1:]):
        if ma.span is None or mb.span is None:
            continue
        if not (a.link >= 0 and a.link == b.link and b.second) and not _connected(lang, ctx.text, a, b):
            continue
        span = _join(ma.span, mb.span)
        if span is not None:
            out.append(TimeRange(ma, mb, span))
    return out


def _connected(language: Language, text: str, a: Item, b: Item) -> bool:
    """Whether a range connector joins ``a`` and ``b`` ("Monday through Friday"); one that needs an opener
    ("and") only after one ("between Monday and Friday")."""
    if not _gap_is(language.range_connector, text, a.end, b.start):
        return False
    if text[a.end:b.start].strip().lower() in language.vocab.get("range_needs_opener", {}):
        return language.range_opener.search(text, max(0, a.start - 12), a.start) is not None
    return True


def _gap_is(connector: re.Pattern, text: str, start: int, end: int) -> bool:
    """Whether ``connector.fullmatch(text[start:end])``, without copying a long gap (the connector
    regexes look at nothing around it; an end before the start is the empty gap, as the slice is)."""
    return connector.fullmatch(text, start, max(start, end)) is not None


def _join(first: TimeSpan, last: TimeSpan) -> TimeSpan | None:
    if isinstance(first.start, dt.datetime) != isinstance(last.start, dt.datetime):
        return None
    start, end = first.start, last.end
    if isinstance(start, dt.datetime) and (start.tzinfo is None) != (end.tzinfo is None):
        # "this morning - 5 p.m. EST": the zone stated at one end holds for the other
        zone = start.tzinfo or end.tzinfo
        start, end = start.replace(tzinfo=zone), end.replace(tzinfo=zone)
    if not end > start:
        return None
    return TimeSpan(start, end, first.granularity, f"{first.timex}/{last.timex}", first.tz or last.tz)
