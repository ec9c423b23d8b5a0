"""A date's own phrase inside a clause: "the temporary injunction issued Thursday" (a reduced relative) and
"the Aug. 7 bombings at U.S. embassies" (a happening named by a noun) are titled by that phrase, not by the
clause around them."""
from __future__ import annotations

from .grammar import happening_noun_after
from .lexicon import lexicon
from .sentences import Segment, Token, is_verb, tokenize


def participle(token: Token) -> bool:
    """True when a token reads as a past participle ("held", "issued", "taken")."""
    lex = lexicon()
    w = token.lower
    if w in lex.not_verbs:
        return False
    if w in lex.verbs:
        return w.endswith(("ed", "en", "wn")) or w in lex.words("verbs", "irregular")
    return len(w) > 4 and w.endswith("ed")


def participle_phrase(text: str, clause: Segment, anchor: int) -> list[Token] | None:
    """"the temporary injunction issued Thursday": a date right after a noun + participle dates that reduced
    relative clause, not the clause around it; its title is the noun phrase and the participle."""
    lex = lexicon()
    tokens = tokenize(text, clause.start, clause.end)
    before = [t for t in tokens if t.end <= anchor]
    after = [t for t in tokens if t.start > anchor]
    if before and before[-1].lower in lex.words("titles", "drop_with_time"):
        before = before[:-1]  # "issued on Thursday"
    if len(before) < 2 or not participle(before[-1]):
        return None
    stops = lex.words("titles", "cut_before") | lex.words("clauses", "openers") | lex.auxiliaries
    start = len(before) - 1
    while start > 0 and before[start - 1].text[:1].isalnum() and before[start - 1].lower not in stops \
            and not is_verb(before[start - 1], before[start - 2] if start > 1 else None):
        start -= 1
    noun = before[-2]
    if start >= len(before) - 1 or not noun.text[:1].isalnum() or noun.lower in lex.words("titles", "no_final"):
        return None
    previous = before[start - 1] if start else None
    if previous is not None and previous.lower in lex.auxiliaries:
        return None  # "was last seen Friday": a finite passive
    governed = previous is not None and previous.lower not in lex.reporting \
        and is_verb(previous, before[start - 2] if start > 1 else None)  # "to suspend the injunction issued"
    subject = previous is None and bool(after) and is_verb(after[0])  # "The arrest announced Friday stemmed"
    return before[start:] if governed or subject else None


def named_happening(text: str, clause: Segment, anchor: int, anchor_end: int,
                    sentence: Segment | None = None) -> list[Token] | None:
    """"in the aftermath of the Aug. 7 bombings at U.S. embassies": a date before a noun naming a happening,
    in an object, titles that noun phrase ("Bombings at U.S. embassies"); as the subject, the clause says it."""
    lex = lexicon()
    tokens = tokenize(text, clause.start, clause.end)
    before = [t for t in tokens if t.end <= anchor]
    if len(before) < 2 or before[-1].lower not in lex.words("cues", "modifier_determiners"):
        return None
    if not (before[-2].lower in lex.words("titles", "cut_before") or is_verb(before[-2])):
        return None  # the subject: "the Aug. 7 blasts killed 257 people" is the clause's title
    rest = tokenize(text, anchor_end, (sentence or clause).end)  # the noun may open the next clause
    after = [t for t in rest if t.start >= anchor_end]
    head = happening_noun_after(after)
    if head is None:
        return None
    phrase = []
    for i, t in enumerate(after):
        if i == 0 and t.text == ",":
            continue  # a comma after the year: "the Dec. 21, 1988, bombing of Pan Am Flight 103"
        finite = is_verb(t, after[i - 1]) and (t.lower in lex.auxiliaries or t.lower.endswith("ed")
                                                 or t.lower in lex.words("verbs", "irregular"))
        if i > head and (not t.text[:1].isalnum() or finite  # "peace rally" goes on, "killed" stops
                         or t.lower in lex.words("clauses", "openers") - lex.words("titles", "cut_before")):
            break
        phrase.append(t)
    return phrase


def compared_figure(text: str, clause: Segment, tokens: list[Token], anchor: int) -> list[Token] | None:
    """"National Intergroup earned $22.5 million, compared with $18 million a year earlier": a date after a
    compared figure dates that figure; its title is the clause's subject and verb with it ("National
    Intergroup earned $18 million"). Only for verbs that state a figure (was, had, earned...), not for changes.
    ``tokens`` are the clause's words with the time phrases left out."""
    lex = lexicon()
    cue = None
    for m in lex.phrase_pattern("titles", "comparison").finditer(text, clause.start, anchor):
        cue = m
    if cue is None:
        return None
    figure = [t for t in tokens if cue.end() <= t.start and t.end <= anchor]
    while figure and figure[-1].lower in lex.words("titles", "no_final") | lex.words("titles", "drop_with_time"):
        figure = figure[:-1]  # "$18 million in" -> "$18 million"
    if not any(t.text[:1].isdigit() or t.text in "$€£¥#" for t in figure[:2]):
        return None
    head = []
    for t in tokens:
        if t.end > cue.start() or t.text[:1].isdigit() or t.text in "$€£¥#":
            break
        head.append(t)
    if not head or head[-1].lower not in lex.words("titles", "figure_verbs"):
        return None
    return head + figure


def without_compared(text: str, clause: Segment, tokens: list[Token], anchor: int,
                     dates: list[tuple[int, int]]) -> list[Token]:
    """The clause's words without a comparison that another date owns ("were $14 million in the quarter, down
    from $21.4 million in 1988" -> "were $14 million"), for the event of the date before it."""
    lex = lexicon()
    for m in lex.phrase_pattern("titles", "comparison").finditer(text, anchor, clause.end):
        owner = next((b for a, b in dates if a >= m.end() and a != anchor), None)
        if owner is not None:
            before = [t for t in tokens if t.end <= m.start()]
            while before and before[-1].text == ",":
                before = before[:-1]  # the comma that opened the comparison
            after = [t for t in tokens if t.start >= owner]
            comma = next((i for i, t in enumerate(after) if t.text in (",", ";")), len(after))
            return before + after[comma:]  # "compared with year-earlier earnings of $382.2 million" goes whole
    return tokens


def list_item(text: str, clause: Segment, tokens: list[Token], anchor: int,
              dates: list[tuple[int, int]]) -> list[Token] | None:
    """"expanded to include Greece and Turkey in 1952, Germany in 1955 and Spain in 1982": in a list of named
    items each with its date, a date's title is the clause's head with its own item ("... to include Germany").
    ``tokens`` are the clause's words with the time phrases left out; ``dates`` their offsets."""
    raw = tokenize(text, clause.start, clause.end)
    preps = lexicon().words("locations", "prepositions") | {"on"}
    listed = []
    for a, b in sorted(dates):
        i = next((k for k, t in enumerate(raw) if t.start >= a), None)
        if i is not None and i > 1 and raw[i - 1].lower in preps and b - a < 40:
            listed.append((i - 1, a, b))
    if len(listed) < 2 or anchor not in [a for _, a, _ in listed]:
        return None
    items, previous_end = [], None
    for prep, a, b in listed:
        if previous_end is None:  # the first item: the names right before its preposition
            j = prep
            while j > 0 and (raw[j - 1].text[:1].isupper() or raw[j - 1].lower == "and"):
                j -= 1
            item = raw[j:prep]
        else:
            item = [t for t in raw if previous_end <= t.start and t.end <= raw[prep].start]
            while item and (item[0].text == "," or item[0].lower in ("and", "or")):
                item = item[1:]
        if not item or not item[0].text[:1].isupper() or any(is_verb(t) for t in item) or len(item) > 6:
            return None
        items.append((item, a))
        previous_end = b
    head = [t for t in tokens if t.end <= items[0][0][0].start]
    if not head or not any(is_verb(t) for t in head):
        return None
    own = next(item for item, a in items if a == anchor)
    return head + own
