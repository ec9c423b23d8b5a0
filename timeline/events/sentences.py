"""Split a text into sentences and clauses, keeping character offsets into the original text.

Sentences end at ``.``/``!``/``?`` (plus closing quotes) before a capitalized word, never after a known
abbreviation ("Sept.", "U.S.", "Mr."), and always at a blank line. A dateline at the start of a paragraph
("BEIJING, Sept. 22 (Xinhua) --") is a segment of its own. Clauses split a sentence at ``;``, dashes and at
a comma followed by a clause opener ("and", "which", "with", a participle...); a piece with no verb is
joined back to its neighbour, so every clause of a sentence with a verb has one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from .lexicon import lexicon

WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|[A-Za-z0-9]+(?:[.'’\-][A-Za-z0-9]+)*\.?|''|``|--|[^\sA-Za-z0-9]")


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its offsets in the text."""

    text: str
    start: int
    end: int

    @cached_property
    def lower(self) -> str:
        """The token lower-cased, with a trailing dot and curly apostrophes normalized."""
        return self.text.lower().replace("’", "'")


@dataclass(frozen=True)
class Segment:
    """A stretch of text (a sentence or a clause) given by offsets into the document."""

    start: int
    end: int

    def contains(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside this segment."""
        return self.start <= start and end <= self.end


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` with offsets into ``text``."""
    return list(_tokens(text, start, len(text) if end is None else end))


@lru_cache(maxsize=8192)
def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    tokens = []
    for m in WORD.finditer(text, start, end):
        word = m.group()
        # a final dot belongs to the word only for abbreviations and initials ("Sept.", "U.S.", "J.")
        if word.endswith(".") and len(word) > 1 and not _keeps_dot(word):
            tokens.append(Token(word[:-1], m.start(), m.end() - 1))
            tokens.append(Token(".", m.end() - 1, m.end()))
        else:
            tokens.append(Token(word, m.start(), m.end()))
    return tuple(tokens)


def _keeps_dot(word: str) -> bool:
    return _abbreviation(word[:-1].lower())


def _abbreviation(word: str) -> bool:
    """True for a lower-case word that a dot after it does not end: a known abbreviation ("sept"), an
    initial ("j") or a dotted one ("u.s")."""
    return word in lexicon().abbreviations or (len(word) == 1 and word.isalpha()) or "." in word


PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
END = re.compile(r"""(?P<stop>[.!?]+)(?P<close>['"’”)\]]*|'')(?=\s+(?:``|''|["“'‘(]?[A-Z0-9]))""")


def dateline(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The dateline match at ``start`` ("NAIROBI, Kenya (AP) _"), or None."""
    m = lexicon().dateline.match(text, start, len(text) if end is None else end)
    if m and len(m.group("place").replace(" ", "")) >= 3:
        return m
    return None


def sentences(text: str) -> tuple[Segment, ...]:
    """The sentences of ``text`` as offset segments (whitespace trimmed), in order."""
    out: list[Segment] = []
    para_start = 0
    for para_end, next_start in [(m.start(), m.end()) for m in PARAGRAPH.finditer(text)] + [(len(text), len(text))]:
        out.extend(_paragraph_sentences(text, para_start, para_end))
        para_start = next_start
    return tuple(out)


def _paragraph_sentences(text: str, start: int, end: int) -> list[Segment]:
    out = []
    line = dateline(text, _skip_space(text, start, end), end)
    if line:
        out.append(Segment(line.start(), line.end()))
        start = line.end()
    pos = start
    for m in END.finditer(text, start, end):
        if m.group("stop") == "." and not m.group("close") and _is_abbreviation(text, m.start()):
            continue
        out.append(Segment(pos, m.end()))
        pos = m.end()
    out.append(Segment(pos, end))
    return [s for s in (_trim(text, s) for s in out) if s.end > s.start]


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _is_abbreviation(text: str, dot: int) -> bool:
    i = dot
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "(\"`'":
        i -= 1
    return _abbreviation(text[i:dot].lower())


def _trim(text: str, seg: Segment) -> Segment:
    start, end = seg.start, seg.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(start, end)


@lru_cache(maxsize=4096)
def clauses(text: str, sentence: Segment) -> tuple[Segment, ...]:
    """The clauses of one sentence; pieces without a verb are joined to a neighbour."""
    cuts = _clause_cuts(text, sentence)
    pieces = [Segment(a, b) for a, b in zip([sentence.start, *cuts], [*cuts, sentence.end]) if b > a]
    return tuple(_join_verbless(text, pieces))


def _inner_clause_starts(text: str, sentence: Segment):
    """Where a subordinate clause may open inside the sentence: an inner subordinator ("when", "once"), or a
    preposition followed by a subject pronoun ("since he was rescued")."""
    lex = lexicon()
    for m in lex.phrase_pattern("clauses", "inner_subordinators").finditer(text, sentence.start, sentence.end):
        yield m.start()
    pronouns = lex.words("clauses", "subject_pronouns")
    for m in lex.phrase_pattern("clauses", "clause_prepositions").finditer(text, sentence.start, sentence.end):
        following = _NEXT_WORD.match(text, m.end(), sentence.end)
        if following is not None and following.group(1).lower() in pronouns:
            yield m.start()  # "since he was rescued"
            continue
        previous = tokenize(text, max(sentence.start, m.start() - 16), m.start())
        if previous and previous[-1].lower in lex.words("clauses", "time_before_preposition"):
            continue  # "the day before authorities issued", "shortly after police arrived": one time phrase
        if _subject_and_verb(text, m.end(), sentence.end):
            yield m.start()  # "after talks with rail operators broke down"


def _subject_and_verb(text: str, start: int, end: int) -> bool:
    """Whether the words after a preposition are a clause: a short subject without a verb, then a finite verb
    before any comma ("after talks with rail operators broke down"), not a noun phrase ("after the war")."""
    lex = lexicon()
    words = tokenize(text, start, end)[:8]
    determiners = 0
    for j, t in enumerate(words):
        determiners += t.lower in lex.words("cues", "modifier_determiners")
        if not t.text[:1].isalpha() or (t.lower.endswith("ing") and t.lower in lex.verbs) or determiners > 1 \
                or (not j and t.lower in lex.auxiliaries) or t.lower in lex.words("clauses", "predicate_coordinators"):
            return False  # "after being found", "after reporting", "since 2015 and worked", "after the war the city"
        if j and is_verb(t, words[j - 1]) and words[j - 1].lower != "to":
            return _finite(t.lower)
    return False


def _finite(word: str) -> bool:
    """A verb form that can head a clause on its own: past in -ed, an irregular form, a form of be/have/do or a
    modal ("broke", "was", "will"), not "be", "been", "being"."""
    return word.endswith("ed") or word in _finite_forms()


@cache
def _finite_forms() -> frozenset[str]:
    v = lexicon().raw["verbs"]
    return frozenset({*v["irregular"], *v["be"], *v["have"], *v["do"], *v["modals"]} - {"be", "been", "being", "having"})


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)(?![\w'])")


def _clause_cuts(text: str, sentence: Segment) -> list[int]:
    lex = lexicon()
    openers = lex.phrase_pattern("clauses", "openers")
    cuts = []
    body = text[sentence.start:sentence.end]
    for hard in lex.raw["clauses"]["hard"]:
        if hard.strip() in ("--", "—", "–") and body.count(hard) == 2 and not body.rstrip(" .").endswith(hard.strip()):
            continue  # "its new strategy -- started last month -- will mean": an aside, not two clause breaks
        for m in re.finditer(re.escape(hard), body):
            if hard.strip() == ":" and body[m.start() - 1:m.start()].isdigit() and body[m.end():m.end() + 1].isdigit():
                continue  # "10:35 a.m." is a time, not a clause break
            cuts.append(sentence.start + m.end())
    for start in _inner_clause_starts(text, sentence):
        if start > sentence.start and text[start - 1] == " " and text[start - 2] not in ",;:" \
                and text[max(sentence.start, start - 6):start].lower() not in (" that ", "\nthat ") \
                and not _in_relative(text, sentence.start, start):  # "said that once X, Y"; "X, who ... when ..., said"
            cuts.append(start)  # "... had not signed when the case is heard in May": a clause of its own
    words = tokenize(text, sentence.start, sentence.end)
    subordinate = bool(words) and (words[0].lower in lex.words("clauses", "subordinators") or opening_participle(words))
    relatives = lex.phrase_pattern("clauses", "relatives")
    relative_open = False
    depth = 0
    for i, ch in enumerate(body):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            rest = sentence.start + i + 1
            while rest < sentence.end and text[rest] == " ":
                rest += 1
            if relative_open and (_auxiliary_at(text, rest) or _finite_verb_at(text, rest)):
                cuts.append(rest)  # "X, which ..., has been put": the main verb after a relative clause
                relative_open = False
            elif openers.match(text, rest) or _participle_at(text, rest):
                cuts.append(rest)
                relative_open = relatives.match(text, rest) is not None
            elif subordinate and has_verb(tokenize(text, sentence.start, sentence.start + i)):
                cuts.append(rest)  # "When X arrived, Y left": the main clause starts after the comma
                subordinate = False
    return sorted(set(cuts))


def _in_relative(text: str, start: int, pos: int) -> bool:
    """True when ``pos`` lies in a relative clause opened after the last comma before it."""
    comma = text.rfind(",", start, pos)
    m = re.match(r"\s*([a-z]+)", text[comma + 1:pos]) if comma >= 0 else None
    return bool(m) and m.group(1) in lexicon().words("clauses", "relatives")


def _auxiliary_at(text: str, pos: int) -> bool:
    """", has been put": a verb right after a comma closes a relative clause before it."""
    m = re.match(r"[a-z']+", text[pos:pos + 12])
    return bool(m) and m.group() in lexicon().auxiliaries


def _finite_verb_at(text: str, pos: int) -> bool:
    """", said Thursday": a past-tense verb right after a comma closes a relative clause before it."""
    m = re.match(r"[a-z]+", text[pos:pos + 20])
    if not m:
        return False
    lex = lexicon()
    w = m.group()
    return w in lex.reporting or w in lex.words("verbs", "irregular") or (w.endswith("ed") and w in lex.verbs)


def opening_participle(words: list[Token]) -> bool:
    """Whether a sentence opens on a past participle phrase ("Born in 1939 in a farming town, Reed moved",
    "Founded in 1998, the company employs"): a participle in -ed or a listed one, in title case, then a
    preposition."""
    lex = lexicon()
    if len(words) < 3 or not words[0].text[:1].isupper():
        return False
    first = words[0].lower
    participle = (first.endswith("ed") and len(first) > 4 and first in lex.verbs) \
        or first in lex.words("clauses", "opening_participles")
    return participle and words[1].lower in lex.words("clauses", "participle_prepositions")


def _participle_at(text: str, pos: int) -> bool:
    m = re.match(r"[a-z]+ing\b", text[pos:pos + 30])
    return bool(m) and m.group() not in lexicon().not_verbs and m.group() not in ("including", "during")


def has_verb(tokens: list[Token]) -> bool:
    """True when one of the tokens is (heuristically) a verb."""
    return any(is_verb(t, tokens[i - 1] if i else None) for i, t in enumerate(tokens))


def is_verb(token: Token, previous: Token | None = None) -> bool:
    """Heuristic: a known verb form, or a lower-case -ed word not right after a determiner."""
    lex = lexicon()
    w = token.lower
    if not w[:1].isalpha() or w in lex.not_verbs:
        return False
    if token.text[:1].isupper() and previous is not None and previous.text not in ("``", '"', "“", ":"):
        return False  # a capitalized word inside a sentence is a name
    determiners = lex.words("verbs", "not_after")  # "its plan", "a record"
    if w in lex.verbs:
        return previous is None or previous.lower not in determiners or w.endswith("ed")
    return len(w) > 4 and w.endswith("ed") and (previous is None or previous.lower not in determiners)


def _join_verbless(text: str, pieces: list[Segment]) -> list[Segment]:
    """Join verbless pieces to a neighbour. A relative clause ("which ...") stays a clause of its own inside
    the clause that holds its antecedent, so the result may nest; callers take the innermost."""
    lex = lexicon()
    relatives = lex.words("clauses", "relatives")
    toks = [tokenize(text, p.start, p.end) for p in pieces]
    verb = [has_verb(t) for t in toks]
    if not any(verb):
        return [Segment(pieces[0].start, pieces[-1].end)] if pieces else []
    out: list[Segment] = []
    pending: Segment | None = None  # leading verbless pieces wait for the next main clause
    for piece, words, ok in zip(pieces, toks, verb):
        if ok and pending is not None and words and words[0].lower in relatives:
            out.append(piece)  # "X, which ..., verb": the relative clause, nested in X's clause
            continue
        if ok:
            start = pending.start if pending else piece.start
            out.append(Segment(start, piece.end))
            pending = None
        elif out:
            out[-1] = Segment(out[-1].start, piece.end)
        else:
            pending = Segment(pending.start if pending else piece.start, piece.end)
    if pending is not None:
        out.append(pending)
    return out


def clause_at(text: str, segments: tuple[Segment, ...], offset: int) -> tuple[Segment, Segment] | None:
    """The sentence (from ``segments``) and innermost clause holding ``offset``, or None outside sentences."""
    sentence = next((s for s in segments if s.start <= offset < s.end), None)
    if sentence is None:
        return None
    return sentence, innermost(clauses(text, sentence), offset) or sentence


def innermost(segments: tuple[Segment, ...], start: int) -> Segment | None:
    """The shortest segment that contains offset ``start``."""
    holding = [s for s in segments if s.start <= start < s.end]
    return min(holding, key=lambda s: s.end - s.start) if holding else None


def nested(segments: tuple[Segment, ...], outer: Segment) -> list[tuple[int, int]]:
    """The offsets of segments strictly inside ``outer`` (relative clauses to leave out of its title)."""
    return [(s.start, s.end) for s in segments if s != outer and outer.contains(s.start, s.end)]
