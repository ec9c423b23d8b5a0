"""Headline-style titles from the clause an expression modifies: subject + predicate + object, trimmed.

Steps, each a small function over tokens: drop the time expressions (with their preposition) and
parentheses, strip reporting frames ("X said", "according to X"), resolve a leading relative pronoun to its
antecedent, drop an apposition between subject and verb, turn "was held" into "held" and "will" into "to",
drop a leading determiner or conjunction, cut at a phrase boundary when too long.
"""
from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon, phrase_regex
from .sentences import Segment, Token, is_verb, tokenize

CURRENCY = frozenset("$€£¥")
QUOTES = frozenset({'"', "``", "''", "“", "”", "‘", "’"})
PUNCT_END = re.compile(r"[\s,;:.!?'\"`’”()\[\]\-–—_]+$")
PUNCT_START = re.compile(r"^[\s,;:.!?'\"`‘“(\-–—_]+")


def title(text: str, clause: Segment, drop: list[tuple[int, int]], *, target: bool = False,
          sentence: Segment | None = None) -> str:
    """A short title for the happening of ``clause``; ``drop`` lists the offsets of time phrases to leave out.

    ``target`` makes a deadline title ("Target: <what is aimed at>"). ``sentence`` lets a relative clause
    ("..., which opened in May") borrow its antecedent from the text before it.
    """
    lex = lexicon()
    tokens = _without(tokenize(text, clause.start, clause.end), _with_prepositions(text, clause, drop))
    tokens = [t for t in _without_parentheses(tokens) if t.text not in QUOTES]
    if target:
        aimed = _target_object(tokens)
        if aimed:
            return lex.raw["titles"]["target_prefix"] + _finish(text, aimed, capitalize=False)
    tokens = _strip_reporting(tokens)
    tokens = _resolve_relative(text, tokens, sentence)
    tokens = _drop_leading(tokens)
    tokens = _drop_apposition(tokens)
    tokens = _headline_verbs(tokens)
    tokens = _drop_leading(tokens)
    tokens = _short_place(tokens)
    result = _finish(text, tokens)
    if target and result:
        return lex.raw["titles"]["target_prefix"] + result
    return result


def headline(text: str) -> str:
    """A document headline cleaned for use as a title (whitespace collapsed, no trailing punctuation)."""
    cleaned = PUNCT_START.sub("", PUNCT_END.sub("", " ".join(text.split())))
    return _capitalize(cleaned) if any(ch.isalnum() for ch in cleaned) else ""


def _with_prepositions(text: str, clause: Segment, drop: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Widen each dropped phrase to take the preposition or cue right before it ("on", "by the end of")."""
    out = []
    for start, end in drop:
        m = _drop_cues().search(text[clause.start:start].lower())
        out.append((clause.start + m.start() if m else start, end))
    return out


@cache
def _drop_cues() -> re.Pattern[str]:
    """The words that leave a title with the time phrase after them ("on", "by the end of", "compared with")."""
    lex = lexicon()
    cues = sorted(
        {*lex.phrases("cues", "deadline"), *lex.phrases("cues", "period_start"), *lex.phrases("cues", "period_range"),
         *lex.phrases("cues", "period_duration"), *lex.phrases("titles", "comparison"),
         *lex.phrases("titles", "drop_with_time")},
        key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(phrase_regex(c) for c in cues) + r")\s+$")


def _without(tokens: list[Token], drop: list[tuple[int, int]]) -> list[Token]:
    """The tokens outside the dropped spans; a dropped phrase set off by two commas takes them along."""
    gone = [any(a <= t.start and t.end <= b for a, b in drop) for t in tokens]
    for i, t in enumerate(tokens):
        if t.text != "," or gone[i]:
            continue
        j = i + 1
        while j < len(tokens) and gone[j]:
            j += 1
        if j > i + 1 and j < len(tokens) and tokens[j].text == ",":
            gone[i] = gone[j] = True  # "X, at the same time, said" -> "X said"
    return [t for t, g in zip(tokens, gone) if not g]


def _without_parentheses(tokens: list[Token]) -> list[Token]:
    out, depth = [], 0
    for t in tokens:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    return out


def _target_object(tokens: list[Token]) -> list[Token] | None:
    """The phrase after "target of"/"goal of" ("target of an industry scale of X" -> "industry scale of X")."""
    nouns = lexicon().words("tense", "target_nouns")
    for i, t in enumerate(tokens[:-2]):
        if t.lower in nouns and tokens[i + 1].lower in ("of", "to", ":"):
            rest = _drop_leading(tokens[i + 2:])
            return rest if rest else None
    return None


def _strip_reporting(tokens: list[Token]) -> list[Token]:
    """Leave out "X said (that)", ", X said", "according to X"."""
    lex = lexicon()
    words = [t.lower for t in tokens]
    for i, w in enumerate(words):
        if w == "according" and i + 1 < len(words) and words[i + 1] == "to":
            cut = i - 1 if i and words[i - 1] == "," else i
            if cut > 1:
                return tokens[:cut]
    for i, w in enumerate(words):
        if w not in lex.reporting:
            continue
        after = tokens[i + 1:]
        # "X said (on Friday) (that) Y": keep Y when it has a verb of its own
        if after and after[0].lower == "that":
            after = after[1:]
        if after and after[0].text == ",":
            after = after[1:]
        if len(after) > 2 and _has_clause_verb(after) and not _has_clause_verb(tokens[:i]):
            return after  # "X, an analyst, said (that) Y" -> "Y"
        # "Y, X said" / "Y, said X"
        comma = max((j for j in range(i) if tokens[j].text == ","), default=None)
        if comma is not None and comma > 2 and i - comma <= 6:
            return tokens[:comma]
    return tokens


def _has_clause_verb(tokens: list[Token]) -> bool:
    return any(is_verb(t, tokens[j - 1] if j else None) for j, t in enumerate(tokens))


def _resolve_relative(text: str, tokens: list[Token], sentence: Segment | None) -> list[Token]:
    """A clause opening with "which"/"who" takes the noun phrase before it as its subject."""
    lex = lexicon()
    lead = _strip_punct(tokens)
    if not lead or lead[0].lower not in lex.words("clauses", "relatives") or sentence is None:
        return tokens
    before = [t for t in tokenize(text, sentence.start, lead[0].start) if t.text != ","]
    stops = lex.words("locations", "prepositions") | lex.words("clauses", "openers") | {"of", "on", "for", "to", "by"}
    antecedent: list[Token] = []
    for t in reversed(before):
        if t.lower in stops or not t.text[:1].isalnum():
            break
        antecedent.insert(0, t)
    return antecedent + lead[1:] if antecedent else lead[1:]


def _strip_punct(tokens: list[Token]) -> list[Token]:
    i = 0
    while i < len(tokens) and not tokens[i].text[:1].isalnum() and tokens[i].text not in CURRENCY:
        i += 1
    return tokens[i:]


def _drop_leading(tokens: list[Token]) -> list[Token]:
    """Drop leading determiners, conjunctions and subordinators, and a leading phrase set off by a comma
    before the verb ("In Paris, ...", "Over the summer, ...")."""
    lex = lexicon()
    drop = lex.words("titles", "leading_drop")
    tokens = _strip_punct(tokens)
    while True:
        while tokens and tokens[0].lower in drop:
            tokens = _strip_punct(tokens[1:])
        comma = next((j for j, t in enumerate(tokens) if t.text == ","), None)
        opens_phrase = bool(tokens) and (tokens[0].lower in lex.words("titles", "cut_before")
                                         or (tokens[0].lower.endswith(("ing", "ed")) and tokens[0].lower in lex.verbs))
        if comma is not None and opens_phrase and _has_clause_verb(tokens[comma + 1:]):
            tokens = _strip_punct(tokens[comma + 1:])
            continue
        return tokens


def _drop_apposition(tokens: list[Token]) -> list[Token]:
    """"X, an apposition, verb ..." -> "X verb ..." when the part between the commas has no verb."""
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if len(commas) < 2 or commas[0] == 0:
        return tokens
    a, b = commas[0], commas[1]
    inner = tokens[a + 1:b]
    subject = tokens[:a]
    rest = tokens[b + 1:]
    if inner and not _has_clause_verb(subject) and not _has_clause_verb(inner) and rest and _has_clause_verb(rest[:3]):
        return subject + rest
    return tokens


def _headline_verbs(tokens: list[Token]) -> list[Token]:
    """Headline style: "was held" -> "held", "will be held" -> "to be held", "will open" -> "to open"."""
    lex = lexicon()
    passive = lex.phrases("titles", "passive_aux")
    out: list[Token] = []
    i = 0
    words = [t.lower for t in tokens]
    while i < len(tokens):
        if words[i] in ("will", "'ll", "shall"):
            out.append(Token("to", tokens[i].start, tokens[i].end))
            i += 1
            continue
        matched = False
        for phrase in passive:
            n = len(phrase.split())
            if words[i:i + n] == phrase.split() and i + n < len(tokens):
                nxt = tokens[i + n]
                if _participle(nxt) and not (out and out[-1].text == "to"):
                    i += n
                    matched = True
                    break
        if not matched:
            out.append(tokens[i])
            i += 1
    return out


def _short_place(tokens: list[Token]) -> list[Token]:
    """"held in Oak Town of Lake County" -> "held in Oak Town": the event's location keeps the rest."""
    lex = lexicon()
    preps, joins = lex.words("locations", "prepositions"), lex.words("locations", "apposition")

    def name_end(j: int) -> int:
        while j < len(tokens) and tokens[j].text[:1].isupper():
            j += 1
        return j

    for i, t in enumerate(tokens[:-3]):
        if t.lower not in preps:
            continue
        j = name_end(i + 1)
        if j > i + 1 and j + 1 < len(tokens) and tokens[j].lower in joins and tokens[j + 1].text[:1].isupper():
            return tokens[:j] + tokens[name_end(j + 1):]
    return tokens


def _participle(token: Token) -> bool:
    lex = lexicon()
    w = token.lower
    if w in lex.not_verbs:
        return False
    if w in lex.verbs:
        return w.endswith(("ed", "en", "wn")) or w in lex.words("verbs", "irregular")
    return len(w) > 4 and w.endswith("ed")


def _finish(text: str, tokens: list[Token], capitalize: bool = True) -> str:
    lex = lexicon()
    cfg = lex.raw["titles"]
    no_final = lex.words("titles", "no_final")
    cut_before = lex.words("titles", "cut_before")
    tokens = _cut_at_clause_end(tokens)
    limit = int(cfg["max_words"])
    words = [t for t in tokens if t.text[:1].isalnum()]
    if len(words) > limit:
        last = words[limit - 1]
        keep = [t for t in tokens if t.end <= last.end]
        # cut back to a phrase boundary ("... blueprint" not "... blueprint of the")
        for j in range(len(keep) - 1, 3, -1):
            if keep[j].lower in cut_before:
                keep = keep[:j]
                break
        tokens = keep
    while tokens and (tokens[-1].lower in no_final or not tokens[-1].text[:1].isalnum()):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    parts = [tokens[0].text]
    for prev, tok in zip(tokens, tokens[1:]):
        gap = text[prev.end:tok.start]
        if not gap.strip():
            parts.append(gap)  # adjacent in the text: keep its own spacing ("$2.4", "Corp.'s")
        else:
            parts.append("" if tok.text in (",", ".", ";", ":") else " ")  # words left out between
        parts.append(tok.text)
    out = " ".join("".join(parts).split())
    out = re.sub(r"\s*,(?:\s*,)+", ",", out)  # ", ," left where a phrase was dropped
    out = PUNCT_END.sub("", PUNCT_START.sub("", out))
    return _capitalize(out) if capitalize else out


def _cut_at_clause_end(tokens: list[Token]) -> list[Token]:
    """Stop at a semicolon, colon or dash after the verb (commas were handled by clause splitting)."""
    seen_verb = False
    for j, t in enumerate(tokens):
        if is_verb(t, tokens[j - 1] if j else None):
            seen_verb = True
        elif seen_verb and t.text in (";", "--", "—", "–", ":") and j > 2:
            return tokens[:j]
    return tokens


def _capitalize(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def title_key(title: str) -> frozenset[str]:
    """The content words of a title, lower-case, for comparing titles (stop words left out)."""
    stop = lexicon().words("titles", "no_final") | {"target", "said", "says"}
    return frozenset(w for w in re.findall(r"[a-z0-9]+", title.lower().replace("’", "'")) if w not in stop and len(w) > 1)


def similar(a: str, b: str, threshold: float = 0.5) -> bool:
    """True when two titles share most content words (Jaccard >= threshold, or one contains the other)
    and do not state different numbers ("net income fell 22%" is not "net income fell 8%")."""
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return ka == kb
    na, nb = set(re.findall(r"\d+(?:[.,]\d+)*", a)), set(re.findall(r"\d+(?:[.,]\d+)*", b))
    if na and nb and na != nb:
        return False
    common = len(ka & kb)
    return common / len(ka | kb) >= threshold or common >= 0.8 * min(len(ka), len(kb)) and common >= 2
