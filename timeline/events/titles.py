"""Headline-style titles from the clause an expression modifies: subject + predicate + object, trimmed.

Steps, each a small function over tokens: drop the time expressions (with their preposition) and
parentheses, strip reporting frames ("X said", "according to X"), resolve a leading relative pronoun to its
antecedent, drop an apposition between subject and verb, turn "was held" into "held" and "will" into "to",
drop a leading determiner or conjunction, cut at a phrase boundary when too long, name a leading pronoun
("It expects" -> "Acme expects", :mod:`.antecedents`).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from .antecedents import named_subject
from .attribution import Attribution, attribution, dates_report, has_clause_verb, is_pronoun, present, speaker_name, \
    unquoted
from .lexicon import lexicon, phrase_regex
from .phrases import compared_figure, list_item, named_happening, participle, participle_phrase, without_compared
from .sentences import Segment, Token, is_verb, opening_participle, tokenize

CURRENCY = frozenset("$€£¥")
PUNCT_END = re.compile(r"[\s,;:.!?'\"`’”()\[\]\-–—_]+$")
PUNCT_START = re.compile(r"^[\s,;:.!?'\"`‘“(\-–—_]+")


def title(text: str, clause: Segment, drop: list[tuple[int, int]], *, target: bool = False,
          sentence: Segment | None = None, anchor: int | None = None, scheduled: bool = False) -> str:
    """A short title for the happening of ``clause``; ``drop`` lists the offsets of time phrases to leave out.
    A date whose role a phrase names ("holders of record Nov. 15") puts the role first ("Record date: ...").
    The other arguments are those of :func:`_title`."""
    result = _title(text, clause, drop, target=target, sentence=sentence, anchor=anchor, scheduled=scheduled)
    role = date_role(text, anchor) if anchor is not None and result else None
    return f"{role}: {result}" if role else result


def date_role(text: str, anchor: int) -> str | None:
    """The role that a phrase right before the date at ``anchor`` gives it (``[titles.date_roles]``), if any."""
    roles = lexicon().raw["titles"]["date_roles"]
    m = _date_role_pattern().search(text, max(0, anchor - 32), anchor)
    return roles[" ".join(m.group(1).lower().split())] if m else None


@cache
def _date_role_pattern() -> re.Pattern[str]:
    phrases = sorted(lexicon().raw["titles"]["date_roles"], key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(phrase_regex(p) for p in phrases) + r")(?:\s+on)?\s+$",
                      re.IGNORECASE)


def _title(text: str, clause: Segment, drop: list[tuple[int, int]], *, target: bool = False,
           sentence: Segment | None = None, anchor: int | None = None, scheduled: bool = False) -> str:
    """The title of :func:`title` without a date's role.

    ``target``: the title of a deadline; with a target noun it names the aim ("Target: <what is aimed at>").
    ``sentence`` lets a relative clause ("..., which opened in May") borrow its antecedent from the text before
    it. ``anchor`` is the offset of the date the event is placed by: when it dates a reporting act ("X said
    Monday"), the title reports ("X says Y"); a quoted statement is titled with its speaker ("Albright: will
    bring a message").
    ``scheduled``: the happening is still to come ("when the case is heard" -> "Case to be heard").
    """
    lex = lexicon()
    drop = [(a, b) for a, b in drop if not prenominal(text, a, b)]
    tokens = _without(tokenize(text, clause.start, clause.end), _with_prepositions(text, clause, drop))
    tokens = _without_asides(_without_parentheses(tokens), anchor)
    if target:
        earlier = tokenize(text, sentence.start, clause.start) if sentence is not None else []
        aimed = _target_object(unquoted(tokens), earlier)
        if aimed:
            return lex.raw["titles"]["target_prefix"] + _finish(text, aimed, capitalize=False)
    phrase = participle_phrase(text, clause, anchor) if anchor is not None and not target else None
    if not phrase and anchor is not None and not target:
        phrase = compared_figure(text, clause, tokens, anchor) or list_item(text, clause, tokens, anchor, drop)
    if anchor is not None:
        tokens = without_compared(text, clause, tokens, anchor, drop)
    anchor_end = next((b for a, b in drop if a == anchor), None)
    if not phrase and anchor_end is not None and not target:
        phrase = named_happening(text, clause, anchor, anchor_end, sentence)
    if phrase:
        return _finish(text, _with_subject(text, clause, sentence, _body(text, phrase, sentence)))
    frame = attribution(_drop_leading(tokens), tokens, anchor)
    if frame is None:
        body = _body(text, unquoted(tokens), sentence, scheduled=scheduled)
        result = _finish(text, _with_subject(text, clause, sentence, body))
    else:
        result = _attributed(text, frame, sentence, anchor, scheduled)
    return result  # a deadline without a target noun is shown as one by the writers ("Deadline: ...")


def dates_a_report(text: str, clause: Segment, drop: list[tuple[int, int]], anchor: int) -> bool:
    """True when the date at offset ``anchor`` dates the clause's reporting act ("officials said Monday"),
    not the reported happening."""
    return _dates_a_report(text, clause, tuple(drop), anchor)


@lru_cache(maxsize=4096)
def _dates_a_report(text: str, clause: Segment, drop: tuple[tuple[int, int], ...], anchor: int) -> bool:
    tokens = _without(tokenize(text, clause.start, clause.end), _with_prepositions(text, clause, list(drop)))
    frame = attribution(_drop_leading(_without_asides(_without_parentheses(tokens))))
    return frame is not None and dates_report(frame, anchor) and bool(speaker_name(frame.speaker))


def _body(text: str, tokens: list[Token], sentence: Segment | None, *, quoted: bool = False,
          scheduled: bool = False) -> list[Token]:
    """The steps from a clause's words to a headline: subject, predicate, object."""
    tokens = _resolve_relative(text, tokens, sentence)
    tokens = _drop_leading(tokens)
    tokens = _expletive(tokens)
    tokens = _drop_apposition(tokens)
    if not quoted:  # a quotation keeps its own words
        tokens = _headline_verbs(tokens, scheduled)
    tokens = _drop_leading(tokens)
    return _short_place(tokens)


def _attributed(text: str, frame: Attribution, sentence: Segment | None, anchor: int | None,
                scheduled: bool) -> str:
    """The title of a clause with a reporting frame: the content alone, "Speaker: quote" for a quoted
    statement, "Speaker says content" when the date is the report's."""
    limit = int(lexicon().raw["titles"]["max_words"])
    speaker = speaker_name(frame.speaker)
    named = bool(speaker) and not is_pronoun(speaker)
    body = _body(text, unquoted(frame.content), sentence, quoted=frame.quoted and named, scheduled=scheduled)
    reports = anchor is not None and dates_report(frame, anchor) and bool(speaker)
    if frame.quoted and named:
        if len(body) > 1 and body[0].text == "I" and body[1].text[:1].isalpha():
            body = body[1:]  # "I will bring" -> "Albright: will bring"
        rest = _finish(text, body, capitalize=False, limit=limit + 2 - len(speaker))
        return f"{_finish(text, speaker)}: {rest}" if rest else ""
    if reports:
        rest = _finish(text, body, capitalize=False, limit=limit + 2 - len(speaker) - 1)
        if len(rest.split()) > 1:  # "newspapers report arrested" says nothing: the caller tries the sentence
            return f"{_finish(text, speaker)} {present(frame.verb, speaker)} {rest}"
    return _finish(text, body)


def headline(text: str) -> str:
    """A document headline cleaned for use as a title (whitespace collapsed, no trailing punctuation)."""
    cleaned = PUNCT_START.sub("", PUNCT_END.sub("", " ".join(text.split())))
    return _capitalize(cleaned) if any(ch.isalnum() for ch in cleaned) else ""


def _with_prepositions(text: str, clause: Segment, drop: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Widen each dropped phrase to take the preposition or cue right before it ("on", "by the end of"); a
    phrase that is the subject of a subordinate clause takes the whole clause ("as Easter week began,")."""
    out = []
    for start, end in drop:
        end = _time_followers().match(text, end).end()
        hedges = lexicon().phrases("titles", "drop_before_time")
        while True:  # "at around 2:30 a.m.": a hedge and the cue before it leave with the time
            m = _drop_cues().search(text[clause.start:start].lower())
            if m is None:
                break
            start = clause.start + m.start()
            if " ".join(m.group().split()) not in hedges:
                break
        out.append(_date_clause(text, clause, start, end) or (start, end))
    return out


_NEXT_LOWER_WORD = re.compile(r" ([a-z]+)\b")


def prenominal(text: str, start: int, end: int) -> bool:
    """Whether a hyphenated time phrase modifies the noun after it ("a drop in fourth-quarter profit"): it
    stays in the title, where leaving it out would break the phrase ("a drop profit")."""
    phrase = text[start:end]
    if "-" not in phrase or any(ch.isspace() for ch in phrase):  # one hyphenated word, not "nineteen seventy-nine"
        return False
    if phrase.lower() in lexicon().words("anaphora", "look_back"):
        return False  # "compared with year-earlier profit": the comparison leaves with its time
    m = _NEXT_LOWER_WORD.match(text, end)
    return m is not None and not is_verb(Token(m.group(1), m.start(1), m.end(1))) \
        and m.group(1) not in lexicon().words("titles", "cut_before")


def _date_clause(text: str, clause: Segment, start: int, end: int) -> tuple[int, int] | None:
    """The span of "<subordinator> <date> <verb> ..." up to the next comma when the date is that clause's
    subject ("as Easter week began"), else None."""
    before, phrase, after = (tokenize(text, a, b) for a, b in ((clause.start, start), (start, end), (end, clause.end)))
    if not before or not phrase or not after or before[-1].lower not in lexicon().words("clauses", "subordinators") \
            or is_verb(phrase[0]) or not is_verb(after[0]) or after[0].lower.endswith("ing"):
        return None  # "after touring X Thursday and meeting ...": no subject, no clause of the date's own
    comma = next((t for t in after if t.text in (",", ";")), None)
    return before[-1].start, comma.start if comma is not None else clause.end


@cache
def _time_followers() -> re.Pattern[str]:
    """What leaves a title with the time before it: "local time", then a parenthesis with a digit ("(2200 GMT)")."""
    words = "|".join(phrase_regex(p) for p in lexicon().phrases("titles", "drop_after_time"))
    return re.compile(rf"(?:\s+(?:{words})(?![\w']))?(?:\s*\((?=[^()]*\d)[^()]{{1,30}}\))?", re.IGNORECASE)


@cache
def _drop_cues() -> re.Pattern[str]:
    """The words that leave a title with the time phrase after them ("on", "by the end of", "compared with")."""
    lex = lexicon()
    cues = sorted(
        {*lex.phrases("cues", "deadline"), *lex.phrases("cues", "period_start"), *lex.phrases("cues", "period_range"),
         *lex.phrases("cues", "period_duration"), *lex.phrases("titles", "comparison"),
         *lex.phrases("titles", "drop_with_time"), *lex.phrases("titles", "drop_before_time")},
        key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(phrase_regex(c) for c in cues) + r")\s+$")


def _without(tokens: list[Token], drop: list[tuple[int, int]]) -> list[Token]:
    """The tokens outside the dropped spans; a dropped phrase set off by two commas takes them along."""
    gone = [any(a <= t.start and t.end <= b for a, b in drop) for t in tokens]
    for i in range(1, len(tokens) - 1):  # "X, [who married Y in 1990,] said": the comma before the gap goes too
        if tokens[i - 1].text == "," and not gone[i - 1] and gone[i] and not gone[i - 1]:
            j = i
            while j < len(tokens) and gone[j]:
                j += 1
            if tokens[j - 1].text == "," and j < len(tokens) and tokens[j].text != ",":
                gone[i - 1] = True
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


def _without_asides(tokens: list[Token], anchor: int | None = None) -> list[Token]:
    """Leave out an aside between two dashes ("200 Americans _ embassy staff _ left" -> "200 Americans left");
    for a date inside the aside, keep what comes before it and the aside ("its new strategy -- started last
    month -- will mean" -> "its new strategy started")."""
    marks = [i for i, t in enumerate(tokens) if t.text in ("_", "--", "—", "–")]
    if len(marks) < 2:
        return tokens
    a, b = marks[0], marks[1]
    if anchor is not None and tokens[a].end <= anchor < tokens[b].start:
        return tokens[:a] + tokens[a + 1:b]
    if _has_clause_verb(tokens[:a]) and not _has_clause_verb(tokens[b + 1:]):
        return tokens  # the aside closes the clause: "X left -- all of them -- after"
    return tokens[:a] + tokens[b + 1:]


def _target_object(tokens: list[Token], earlier: list[Token] = ()) -> list[Token] | None:
    """The phrase after "target of"/"goal of" ("target of an industry scale of X" -> "industry scale of X").
    A first noun the sentence named before (in the clause or in ``earlier``, its tokens before the clause)
    takes its modifiers along: after "the auto metaverse industry development blueprint", "an industry scale
    of X" is the "auto metaverse industry scale of X"."""
    nouns = lexicon().words("tense", "target_nouns")
    for i, t in enumerate(tokens[:-2]):
        if t.lower in nouns and tokens[i + 1].lower in ("of", "to", ":"):
            rest = _drop_leading(tokens[i + 2:])
            return _modifiers_named_before([*earlier, *tokens[:i]], rest) + rest if rest else None
    return None


def _modifiers_named_before(before: list[Token], phrase: list[Token]) -> list[Token]:
    """The lower-case words right before the last earlier use of ``phrase``'s first word ("auto metaverse" of
    "Anting Town's auto metaverse industry ..."), when they modify it (no determiner, verb or name among them)."""
    head = phrase[0].lower
    if not head.isalpha() or not phrase[0].text.islower():
        return []
    lex = lexicon()
    stop = lex.words("titles", "leading_drop") | lex.verbs | lex.words("cues", "modifier_determiners")
    j = next((k for k in range(len(before) - 1, -1, -1) if before[k].lower == head), None)
    if j is None:
        return []
    k = j
    while k > 0 and before[k - 1].text.isalpha() and before[k - 1].text.islower() and before[k - 1].lower not in stop:
        k -= 1
    return before[k:j]


def _has_clause_verb(tokens: list[Token]) -> bool:
    return has_clause_verb(tokens)


def _resolve_relative(text: str, tokens: list[Token], sentence: Segment | None) -> list[Token]:
    """A clause opening with "which"/"who" takes the noun phrase before it as its subject."""
    lex = lexicon()
    lead = _strip_punct(tokens)
    if not lead or lead[0].lower not in lex.words("clauses", "relatives") or sentence is None:
        return tokens
    before = tokenize(text, sentence.start, lead[0].start)
    if not any(t.text[:1].isalnum() for t in before):
        return tokens  # "That is at the high end": a pronoun opening the sentence, no relative
    while before and before[-1].text == ",":
        before = before[:-1]  # "the city, which ..."
    stops = lex.words("locations", "prepositions") | lex.words("clauses", "openers") | {"of", "on", "for", "to", "by"}
    antecedent: list[Token] = []
    for t in reversed(before):
        past_report = t.lower in lex.reporting and t.lower in lex.words("titles", "inverted_reporting")  # not "notes"
        if t.lower in stops or not t.text[:1].isalnum() or past_report or t.lower in lex.auxiliaries:
            break  # "said Patricia Hurt, the county prosecutor, who" -> "county prosecutor"; "most wanted list" stays
        antecedent.insert(0, t)
    if lead[0].lower == "who" and antecedent and not _personal(antecedent):
        k = len(before) - len(antecedent) - 1  # "the former chief executive of a collapsed exchange, who was"
        if k > 0 and before[k].lower == "of":
            owner = _resolve_relative(text, [Token("which", before[k].start, before[k].end)], sentence)
            if owner and owner[0].lower != "which" and not any(is_verb(t) for t in owner[1:]):
                antecedent = owner  # a noun phrase, not "He met the daughter"
    return antecedent + lead[1:] if antecedent else lead[1:]


def _personal(phrase: list[Token]) -> bool:
    """Whether a noun phrase can be someone "who": a name in title case, or a person noun or title as its head."""
    lex = lexicon()
    people = lex.words("antecedents", "person_nouns") | {w.rstrip(".") for w in lex.raw["antecedents"]["person_titles"]}
    words = [t for t in phrase if t.text[:1].isalnum()]
    return any(t.text[:1].isupper() for t in words[1:]) or bool(words) and (
        words[0].text[:1].isupper() and words[0].lower not in lex.words("titles", "leading_drop")
        or words[-1].lower.rstrip("s") in people)


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
        comma = next((j for j, t in enumerate(tokens) if t.text == ","), None)
        first = tokens[0].lower if tokens else ""
        opens_phrase = bool(tokens) and (first in lex.words("titles", "cut_before") - lex.words("titles", "conjunctions")
                                         or first in lex.words("titles", "leading_adverbs")
                                         or (first.endswith("ly") and len(tokens) > 1 and tokens[1].text == ",")
                                         or (first.endswith(("ing", "ed")) and first in lex.verbs))
        if comma is not None and opens_phrase and _has_clause_verb(tokens[comma + 1:]):
            tokens = _strip_punct(tokens[comma + 1:])  # "With a tense Miami waiting, officials said"
            continue
        main = _main_after_subordinate(tokens)
        if main:
            tokens = main  # "once the father arrives it will begin" -> "it will begin"
            continue
        pronoun = first in lex.words("titles", "demonstratives") and len(tokens) > 1 and tokens[1].lower in lex.auxiliaries
        if tokens and first in drop and not pronoun:  # "That is at the high end" keeps its subject
            tokens = _strip_punct(tokens[1:])
            continue
        return tokens


def _with_subject(text: str, clause: Segment, sentence: Segment | None, body: list[Token]) -> list[Token]:
    """A participle clause without a subject ("After touring the capital Thursday, the FBI chief said", "Born
    in 1939, Reed moved") takes the subject of the main clause after it: "FBI chief touring the capital",
    "Reed born"."""
    lex = lexicon()
    if not body or sentence is None:
        return body
    opening = clause.start == sentence.start and opening_participle(tokenize(text, clause.start, clause.end))
    if not opening and (not body[0].lower.endswith("ing") or body[0].lower not in lex.verbs):
        return body  # "Born in 1939 in a farming town, Reed moved" -> "Reed born in a farming town" too
    before = tokenize(text, clause.start, body[0].start)
    if before and before[-1].lower in lex.words("cues", "modifier_determiners"):
        return body  # "and a hearing on the motions is scheduled": a noun after its determiner
    for rest in (tokenize(text, clause.end, sentence.end), tokenize(text, sentence.start, clause.start)):
        rest = _drop_leading(rest)  # the main clause after the participle clause, else before it
        subject = []
        for j, t in enumerate(rest):
            if is_verb(t, rest[j - 1] if j else None) or t.lower in lex.auxiliaries \
                    or t.lower in lex.words("titles", "leading_adverbs") or not t.text[:1].isalnum():
                break
            subject.append(t)
        if 1 <= len(subject) <= 5 and len(subject) < len(rest) and is_verb(rest[len(subject)]) | (
                rest[len(subject)].lower in lex.words("titles", "leading_adverbs") | lex.auxiliaries):
            if opening:  # the participle no longer opens the title: "Reed born", not "Reed Born"
                body = [Token(body[0].text[:1].lower() + body[0].text[1:], body[0].start, body[0].end), *body[1:]]
            return subject + body
    return body


def _main_after_subordinate(tokens: list[Token]) -> list[Token] | None:
    """The main clause after a leading subordinate clause written without a comma: it starts at a subject
    pronoun followed by a verb ("once the father arrives in the country it will begin the process")."""
    lex = lexicon()
    if not tokens or tokens[0].lower not in lex.words("clauses", "subordinators"):
        return None
    subjects = lex.words("titles", "pronouns") - lex.words("clauses", "relatives") - {"that", "this", "there"}
    for j in range(3, len(tokens) - 1):
        if tokens[j].lower in subjects and is_verb(tokens[j + 1], tokens[j]) and _has_clause_verb(tokens[1:j]):
            return tokens[j:]
    return None


def _expletive(tokens: list[Token]) -> list[Token]:
    """"It is (just a matter of time) before X will ..." -> "X will ..."; "There were no injuries" -> "No
    injuries": an expletive subject leaves the title to what it introduces."""
    lex = lexicon()
    words = [t.lower for t in tokens]
    if len(words) > 3 and words[0] == "it" and words[1] in lex.auxiliaries:
        for j in range(2, min(len(words) - 2, 10)):
            if words[j] in lex.words("titles", "expletive_openers") and _has_clause_verb(tokens[j + 1:]):
                return _expletive(tokens[j + 1:])  # "it is symbolic that it is here that we ..."
    if len(words) > 2 and words[0] == "there" and words[1] in lex.auxiliaries:
        k = 1
        while k < len(words) - 1 and words[k] in lex.auxiliaries:
            k += 1
        return tokens[k:]
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


def _headline_verbs(tokens: list[Token], scheduled: bool = False) -> list[Token]:
    """Headline style: "was held" -> "held", "will be held" -> "to be held", "will open" -> "to open"; for a
    happening still to come, "is heard" -> "to be heard"."""
    lex = lexicon()
    passive = lex.phrases("titles", "passive_aux")
    out: list[Token] = []
    i = 0
    words = [t.lower for t in tokens]
    pronouns = lex.words("titles", "pronouns")
    while i < len(tokens):
        if words[i] in ("will", "'ll", "shall") and out and out[-1].lower not in pronouns:
            out.append(Token("to", tokens[i].start, tokens[i].end))  # only after a noun: "I will" stays
            i += 1
            continue
        if scheduled and words[i] in lex.words("tense", "present_finite_be") and i + 1 < len(tokens) and participle(tokens[i + 1]) \
                and out and out[-1].lower not in pronouns and words[i + 2:i + 3] != ["to"] \
                and words[i + 1] not in lex.words("titles", "schedule_participles"):  # "is scheduled" says it already
            out.append(Token("to be", tokens[i].start, tokens[i].end))
            i += 1
            continue
        matched = False
        for phrase in passive:
            n = len(phrase.split())
            if words[i:i + n] == phrase.split() and i + n < len(tokens):
                nxt = tokens[i + n]
                kept_aux = out and (out[-1].lower == "to" or out[-1].lower in lex.words("verbs", "modals"))
                after_aux = out and out[-1].lower in lex.auxiliaries  # "has been used" keeps "been"
                if participle(nxt) and not kept_aux and not after_aux and not (out and out[-1].lower in pronouns):
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


def _finish(text: str, tokens: list[Token], capitalize: bool = True, limit: int | None = None) -> str:
    """Join the kept tokens into a title: cut at a phrase boundary when longer than ``limit`` words, no
    dangling function word at the end, the text's own spacing kept."""
    lex = lexicon()
    no_final = lex.words("titles", "no_final")
    if capitalize:
        named = named_subject(text, tokens)  # "It expects" -> "Acme expects"
        if named is not tokens:  # a name takes the headline verbs a pronoun kept: "It will open" -> "Acme to open"
            tokens = _headline_verbs(named)
    tokens = _cut_at_clause_end(tokens)
    tokens = _cut(tokens, int(lex.raw["titles"]["max_words"]) if limit is None else max(limit, 3))
    while tokens and (tokens[-1].lower in no_final or not (tokens[-1].text[:1].isalnum() or tokens[-1].text == "%")):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    parts = [tokens[0].text]
    for prev, tok in zip(tokens, tokens[1:]):
        gap = text[prev.end:tok.start] if tok.start >= prev.end else " "  # a borrowed subject comes from after
        if not gap.strip():
            parts.append(gap)  # adjacent in the text: keep its own spacing ("$2.4", "Corp.'s")
        else:
            parts.append("" if tok.text in (",", ".", ";", ":") else " ")  # words left out between
        parts.append(tok.text)
    out = " ".join("".join(parts).split())
    out = re.sub(r"\s*,(?:\s*,)+", ",", out)  # ", ," left where a phrase was dropped
    out = PUNCT_END.sub("", PUNCT_START.sub("", out))
    if tokens[-1].text.endswith(".") and "." in tokens[-1].text[:-1] and out.endswith(tokens[-1].text[:-1]):
        out += "."  # "to the U.S.": an abbreviation with inner dots keeps its last one
    if capitalize:
        return _capitalize(out)
    return _lower_first(text, tokens[0], out)


def _lower_first(text: str, first: Token, out: str) -> str:
    """Inside a title ("X says prices rose"), a sentence-initial common word goes lower case: one the text
    also writes in lower case elsewhere; names keep their capital."""
    word = first.text
    if word[:1].isupper() and not word.isupper() and re.search(rf"(?<![\w'’]){re.escape(word.lower())}(?![\w])", text):
        return word.lower() + out[len(word):] if out.startswith(word) else out
    return out


def _cut(tokens: list[Token], limit: int) -> list[Token]:
    """At most ``limit`` words, cut before a phrase boundary: the longest cut of at least half the limit,
    else the first boundary just past it, else any boundary, else the limit itself."""
    counts, n = [], 0
    for t in tokens:
        counts.append(n)  # words before token j
        n += t.text[:1].isalnum() or t.text[:1] in CURRENCY
    if n <= limit:
        return tokens
    cuts = [j for j in range(1, len(tokens)) if counts[j] >= 3 and _boundary(tokens, j)]
    fitting = [j for j in cuts if counts[j] <= limit]
    long_enough = [j for j in fitting if counts[j] >= limit // 2 + 1]
    past = [j for j in cuts if limit < counts[j] <= limit + 2]
    if long_enough:
        return tokens[:long_enough[-1]]
    if past:
        return tokens[:past[0]]
    if fitting:
        return tokens[:fitting[-1]]
    return [t for j, t in enumerate(tokens) if counts[j] < limit]


def _boundary(tokens: list[Token], j: int) -> bool:
    """True when a phrase starts at token ``j``: punctuation, a subordinator or relative, or a preposition
    (not an infinitive "to remove", not the "of" of "the presence of X", whose object is the head)."""
    lex = lexicon()
    t, w = tokens[j], tokens[j].lower
    if t.text in (",", ";", ":", "_", "--", "—", "–"):
        return True
    if w in lex.words("clauses", "subordinators") | lex.words("clauses", "relatives") or w == "even":
        return True
    if w not in lex.words("titles", "cut_before"):
        return False
    if w == "to" and j + 1 < len(tokens) and tokens[j + 1].lower in lex.verbs:
        return False
    if w == "of" and (j >= 2 and tokens[j - 2].lower in lex.words("cues", "modifier_determiners")
                      or tokens[j - 1].lower in lex.words("titles", "quantifiers") or tokens[j - 1].text[:1].isdigit()):
        return False  # "the presence of X", "one of his lawyers": the head comes after "of"
    return True


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
    """The content words of a title, lower-case, for comparing titles (stop words left out). Event ids hash
    it, so it must not change from one version to the next (calendars match events by their UID)."""
    stop = lexicon().words("titles", "no_final") | {"target", "said", "says"}
    return frozenset(w for w in re.findall(r"[a-z0-9]+", title.lower().replace("’", "'")) if w not in stop and len(w) > 1)


def stemmed_key(title: str) -> frozenset[str]:
    """:func:`title_key` with each word stemmed: "Council members approved the plan" and "City council voted
    to approve a plan" share "council", "approv", "plan"."""
    return frozenset(_stem(w) for w in title_key(title))


_SUFFIX = re.compile(r"(?<=[a-z]{3})(?:ing|ed|es|e|s)$")


def _stem(word: str) -> str:
    """A crude stem, enough to match the forms of one word in two titles ("approved", "approve", "approves")."""
    return _SUFFIX.sub("", word)


def similar(a: str, b: str, threshold: float = 0.5) -> bool:
    """True when two titles share most content words (Jaccard >= threshold, or one contains the other)
    and do not state different numbers ("net income fell 22%" is not "net income fell 8%")."""
    ka, kb = stemmed_key(a), stemmed_key(b)
    if not ka or not kb:
        return ka == kb
    na, nb = set(re.findall(r"\d+(?:[.,]\d+)*", a)), set(re.findall(r"\d+(?:[.,]\d+)*", b))
    if na and nb and na != nb:
        return False
    common = len(ka & kb)
    return common / len(ka | kb) >= threshold or common >= 0.8 * min(len(ka), len(kb)) and common >= 2
