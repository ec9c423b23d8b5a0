"""Grammar cues around a temporal expression: the phrase before it, tense, noun-modifier use."""
from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon, phrase_regex
from .sentences import Segment, Token, has_verb, is_verb, tokenize


def cue_before(text: str, clause: Segment, start: int, section: str, key: str, inside: str = "") -> str | None:
    """The phrase of ``lexicon[section][key]`` that ends right before ``start`` (inside the clause), or None;
    ``inside``: the first words of the expression, which the phrase may end with ("over" + "the past")."""
    before = (text[clause.start:start].rstrip() + (" " + inside if inside else "")).lower().replace("’", "'")
    m = _ending_with(section, key).search(before)
    return " ".join(m.group().split()) if m else None


@cache
def _ending_with(section: str, key: str) -> re.Pattern[str]:
    """A regex for any phrase of a list at the very end of a string (longest phrases tried first)."""
    alternatives = "|".join(phrase_regex(p) for p in lexicon().phrases(section, key))
    return re.compile(r"(?<![\w'])(?:" + alternatives + r")$")


def is_future(text: str, clause: Segment) -> bool:
    """True when the clause speaks of the future ("will", "is scheduled", "plans to"...)."""
    return bool(lexicon().phrase_pattern("tense", "future").search(text, clause.start, clause.end))


def is_past(text: str, clause: Segment) -> bool:
    """True when the clause has a past or perfect marker or a past-tense verb."""
    lex = lexicon()
    if lex.phrase_pattern("tense", "past").search(text, clause.start, clause.end):
        return True
    irregular = lex.words("verbs", "irregular")
    present = lex.words("tense", "present_be")
    tokens = tokenize(text, clause.start, clause.end)
    return any(((t.lower.endswith("ed") and t.lower in lex.verbs) or t.lower in irregular)
               and not (i and tokens[i - 1].lower in present)  # "is heard" is a present passive
               for i, t in enumerate(tokens))


def is_modifier(text: str, start: int, end: int) -> bool:
    """True when a date is a noun modifier ("the 2023 budget", "its 1999 forecast", "Friday's vote"), not the
    time of the clause's happening."""
    lex = lexicon()
    if re.match(r"\s*['’]s?\b", text[end:end + 4]) or re.search(r"['’]s?$", text[start:end]):
        return True  # "Friday's announcement", "last year's results": a possessive qualifies a noun
    before = tokenize(text, max(0, start - 20), start)
    after = tokenize(text, end, min(len(text), end + 25))
    wide = tokenize(text, max(0, start - 50), start)
    if _qualifies_noun(text, start, end, wide) or _ends_named_period(wide):
        return True  # "the level of the week before", "in the quarter ended June 30"
    if not before or not after:
        return False
    determiners = lex.words("cues", "modifier_determiners")
    possessive = before[-1].lower.endswith(("'s", "s'"))  # "Kopp's 1987 Chevrolet"
    first_word = text[start:end].lower().split()[0] if text[start:end].split() else ""
    if (before[-1].lower not in determiners and not possessive) or first_word in determiners:  # not "Aug." as "a"
        return False
    follower = after[0]
    if not possessive and happening_noun_after(after) is not None:
        return False  # "the Aug. 7 bombings": the date of a happening the text names with a noun
    return follower.text[:1].isalpha() and follower.lower not in lex.words("cues", "adverbial_followers")


def _ends_named_period(before: list) -> bool:
    """True when a date is the last day that names a reporting period inside a prepositional phrase ("profit
    for the quarter ended Sept. 30", "In the nine months ending June 30"): the day is part of the period's
    name, not the time of the clause's happening ("The fiscal year ended Sept. 30" is one)."""
    lex = lexicon()
    words = [t.lower for t in before if t.text[:1].isalnum()]
    if not words or words[-1] not in lex.words("cues", "period_end"):
        return False
    i = len(words) - (3 if words[-2:] == ["that", "ended"] else 2)
    if i < 0 or words[i] not in lex.words("cues", "period_nouns"):
        return False
    return any(w in lex.words("cues", "period_prepositions") for w in words[max(0, i - 5):i])


def _qualifies_noun(text: str, start: int, end: int, before: list) -> bool:
    """A date after "<noun> of" qualifies that noun ("the level of the week before", "the people of tomorrow"),
    unless the noun names a happening ("the bombing of Aug. 7"; but "the worst floods of the decade" are a
    tally) or places a time inside the date ("the end of the decade", "the night of Aug. 6")."""
    lex = lexicon()
    if len(before) < 2 or before[-1].lower != "of" or not before[-2].text.isalpha() or not before[-2].text.islower():
        return False
    noun = before[-2].lower
    if noun in lex.words("cues", "not_nouns_before_of") or noun in lex.numbers or noun in lex.verbs:
        return False
    if not any(t.lower in lex.words("cues", "modifier_determiners") for t in before[-6:-2]):
        return False  # "the people of", "many of the disasters of": a noun phrase, with its determiner
    nouns = lex.words("cues", "position_nouns")
    if not set(text[start:end].lower().split()) & lex.words("cues", "long_periods"):
        # a day or a year dates a happening its noun names; "the disasters of this century" are a tally
        nouns = nouns | lex.words("anaphora", "event_nouns") | lex.words("cues", "happening_nouns")
    return noun not in nouns and not (noun.endswith("s") and noun[:-1] in nouns)


def names_happening(text: str, start: int, end: int) -> bool:
    """True when a date sits between a determiner and a noun naming a happening ("the Aug. 7 bombings"):
    other events' titles keep it, as they keep a modifier."""
    before = tokenize(text, max(0, start - 20), start)
    after = tokenize(text, end, min(len(text), end + 40))
    return bool(before) and before[-1].lower in lexicon().words("cues", "modifier_determiners") \
        and happening_noun_after(after) is not None


def happening_noun_after(after: list) -> int | None:
    """The index of a noun naming a happening among the two words after a date ("the Aug. 7 (terrorist)
    bombings", "the 1996 election"), or None."""
    lex = lexicon()
    nouns = lex.words("anaphora", "event_nouns") | lex.words("cues", "happening_nouns")
    skip = 1 if after and after[0].text == "," else 0  # "the Dec. 21, 1988, bombing"
    for i, t in enumerate(after[skip:skip + 2], skip):
        if not t.text[:1].isalpha():
            return None
        w = t.lower
        if w in nouns or (w.endswith("s") and w[:-1] in nouns):
            return i
    return None


def describes_happening(text: str, clause: Segment, start: int, end: int) -> bool:
    """True when the expression at [start, end) dates something that happens: its clause has a verb and
    the expression is not a noun modifier, nor the time of a figure a comparison sets against. The same test
    decides events and the benchmark's gold set."""
    return has_verb(tokenize(text, clause.start, clause.end)) and not is_modifier(text, start, end) \
        and not frames_comparison(text, start, end)


def superlative_since(text: str, clause: Segment, start: int) -> bool:
    """True when "since <date>" measures a record, not a period of a happening: a superlative a few words
    before it ("the industry's biggest deal since 2020", "the first time since 2008", "its lowest level since")."""
    lex = lexicon()
    if not cue_before(text, clause, start, "cues", "period_start"):
        return False
    words = [t.lower for t in tokenize(text, max(clause.start, start - 60), start)][-8:-1]
    return any(w in lex.words("cues", "superlatives") or (len(w) > 5 and w.endswith("est") and w.isalpha()
                                                            and w not in lex.verbs) for w in words)


def frames_comparison(text: str, start: int, end: int) -> bool:
    """True when a look-back expression only dates the figure a comparison sets against ("sales rose to $5
    million from $4 million a year earlier", "costs were lower than a year ago", "down from $2 billion the year
    before"): what happened is the figure now, not a year earlier. Between the comparison word and the
    expression there is nothing or a figure, and no verb ("returned from Iraq a year ago" stays a happening)."""
    lex = lexicon()
    words = re.findall(r"[\w-]+", text[start:end].lower())
    if len(words) < 2 or not set(words[1:]) & lex.words("anaphora", "look_back"):
        return False  # "earlier this year" looks forward from a time; "a year earlier" looks back to one
    window = text[max(0, start - 80):start]
    window = re.split(r"[.;:!?][\s\"'”]+(?=\S)|\n\s*\n", window)[-1]  # within the sentence
    offset = start - len(window)
    cues = list(_comparison_cue().finditer(window.lower()))
    if not cues:
        return False
    cue = cues[-1]
    if re.search(r"(?<![\w'])(?:" + "|".join(lex.words("cues", "quantity_than")) + r")\s+$", window[:cue.start()].lower()):
        return False  # "more than 500,000 people": a quantity, not a comparison
    between = tokenize(text, offset + cue.end(), start)
    if any(is_verb(t, between[i - 1] if i else None) or (len(t.lower) > 4 and t.lower.endswith("ing"))
           for i, t in enumerate(between)):
        return False
    if any(t.lower in lex.words("titles", "cut_before") - {"of", "or", "and"} for t in between[:-1]):
        return False  # "500,000 people in Rwanda a year ago": a phrase of its own, not the figure compared
    figure = any(any(c.isdigit() for c in t.text) or t.lower in lex.numbers or t.text in ("$", "%")
                 for t in between)
    return figure or not [t for t in between if t.text[:1].isalnum()]


@cache
def _comparison_cue() -> re.Pattern[str]:
    alternatives = "|".join(phrase_regex(p) for p in lexicon().phrases("cues", "comparison_frames"))
    return re.compile(r"(?<![\w'])(?:" + alternatives + r")(?![\w'])")


def is_summary(text: str, clause: Segment, start: int) -> bool:
    """True when the clause opens with a tally ("In all, ...") or the expression at ``start`` follows one ("so
    far this year"): its period is the span counted. ("disruptions caused so far by the crisis" tallies nothing
    dated.)"""
    if cue_before(text, clause, start, "cues", "summary"):
        return True
    opening = re.match(r"[\W_]*", text[clause.start:clause.end]).end()
    return bool(lexicon().phrase_pattern("cues", "summary").match(text, clause.start + opening, clause.end))


def is_hypothetical(text: str, sentence: Segment, start: int) -> bool:
    """True when the sentence opens with a condition ("If ...", "Unless ...") and the expression's part of it
    (up to a semicolon) has a hypothetical modal: "If the appeal fails, the boy could leave a week later"."""
    lex = lexicon()
    end = text.find(";", start, sentence.end)
    part = text[sentence.start:sentence.end if end < 0 else end]
    if ";" in text[sentence.start:start]:
        return False  # "If X, Y will ...; last Monday, Z had ...": a statement of its own
    words = [t.lower for t in tokenize(part, 0, len(part)) if t.text[:1].isalpha() or t.text[:1] == "'"]
    return bool(words) and words[0] in lex.words("cues", "conditional_openers") \
        and any(w in lex.words("cues", "hypothetical_modals") for w in words)


def in_quoted_question(text: str, sentence: Segment, start: int) -> bool:
    """True when an expression sits in a quoted question ('"How many shares will be left in 2030?" he asked'):
    a question asks about a time, it tells no happening (a statement joined to it by "but" still tells one)."""
    quotes = [m for m in re.finditer(r'``|\'\'|["“”]', text[sentence.start:sentence.end])]
    opening = [m for m in quotes if sentence.start + m.end() <= start]
    closing = [m for m in quotes if sentence.start + m.start() >= start]
    if len(opening) % 2 == 0 or not closing:
        return False  # not inside quotes
    inside = text[start:sentence.start + closing[0].start()].rstrip()
    # "The cost for next year is lower, but is it low enough?": the statement before the question tells
    return inside.endswith("?") and not re.search(r"[,;]\s*(?:but|and|or|yet)\b|;", inside)


def is_perfect(text: str, clause: Segment) -> bool:
    """True when the clause has a present perfect ("have risen", "has been reviewing"): a duration with it runs
    up to now ("for three years"); with a simple past ("clung for two days") it does not."""
    lex = lexicon()
    tokens = tokenize(text, clause.start, clause.end)
    return any(t.lower in lex.words("tense", "perfect") for t in tokens)


def is_measure(text: str, clause: Segment, start: int) -> bool:
    """True when a duration is what a verb measures ("to spend only five hours", "lasted three days"), part of
    the happening's words, not an adverbial ("for three years") a title leaves out."""
    before = [t for t in tokenize(text, clause.start, start) if t.text[:1].isalnum()]
    if not before:
        return False
    lex = lexicon()
    adverbial = lex.words("titles", "cut_before") | lex.words("titles", "drop_with_time") | lex.words("cues", "modifier_determiners")
    return before[-1].lower not in adverbial and not any(p.split()[-1] == before[-1].lower for p in lex.phrases("cues", "period_duration"))


def _new_subject(tokens: list[Token], j: int) -> bool:
    """Whether a clause with a subject of its own starts at ``tokens[j]``: a determiner, a few words, then an
    auxiliary ("and the stadium is expected to open")."""
    lex = lexicon()
    if j >= len(tokens) or tokens[j].lower not in lex.words("cues", "modifier_determiners"):
        return False
    return any(t.lower in lex.auxiliaries for t in tokens[j + 2:j + 5])


def other_predicates(text: str, clause: Segment, start: int, dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The offsets of the predicates that other dates of the clause belong to ("Protesters planned a march on
    Saturday and were planning a drive on Monday": for Saturday, "and were planning ... Monday"; for Monday,
    "planned ... Saturday and"), so each date's title keeps its own predicate and the shared subject."""
    tokens = tokenize(text, clause.start, clause.end)
    lex = lexicon()
    verbs = [i for i, t in enumerate(tokens) if is_verb(t, tokens[i - 1] if i else None)]
    if not verbs:
        return []
    dashes = [i for i, t in enumerate(tokens) if t.text in ("--", "—", "–", "_")]
    aside = set(range(dashes[0], dashes[1] + 1)) if len(dashes) >= 2 else set()  # "X -- started ... and ... -- will"
    coordinators = [i for i, t in enumerate(tokens[:-1])
                    if t.lower in lex.words("clauses", "predicate_coordinators") and i > verbs[0] and i not in aside
                    and (is_verb(tokens[i + 1], t) or tokens[i + 1].lower in lex.auxiliaries
                         or _new_subject(tokens, i + 1))]
    out = []
    for other_start, other_end in dates:
        if other_start == start:
            continue
        for i in coordinators:
            c = tokens[i]
            if start < c.start and c.end <= other_start:
                out.append((c.start, clause.end))  # the other date's predicate comes after
            elif other_end <= c.start and c.end <= start and _new_subject(tokens, i + 1):
                out.append((clause.start, c.end))  # "X is to begin in May and the stadium to open in 2027"
            elif other_end <= c.start and c.end <= start:
                # ... or before: keep the subject, drop that predicate (its first verb after a leading phrase)
                # (after the last comma that a verb of it follows: "began in Olympia, Greece, on April 16 and")
                commas = [j for j in range(i) if tokens[j].text in (",", "--", "—", "–", "_")]
                first = None
                for comma in reversed([-1, *commas]):
                    first = next((j for j in verbs if comma < j < i and not tokens[j].lower.endswith("ing")), None)
                    if first is not None:
                        break
                if first is None and verbs[0] < i:
                    first = verbs[0]  # "After touring X Thursday and meeting Y Friday": the participle
                if first is not None:
                    out.append((tokens[first].start, c.end))
    return out
