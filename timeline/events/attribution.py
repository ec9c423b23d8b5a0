"""Who says it: reporting frames ("X said (that) Y", "Y, X said", "according to X"), the speaker, the reported
content, and whether that content is a quoted statement.

A date inside the frame ("X said Monday", "Y, a newspaper reported Friday") dates the reporting act, not the
reported happening; ``dates_report`` tells the two apart by offsets.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .lexicon import lexicon
from .sentences import Token, is_verb

QUOTES = frozenset({'"', "``", "''", "“", "”", "‘", "’"})
MAX_SPEAKER_WORDS = 6
END = 1 << 62  # a frame that runs to the end of its clause


@dataclass(frozen=True)
class Attribution:
    """A reporting frame found in a clause's tokens."""

    speaker: tuple[Token, ...]  # as written ("the FBI and Kenyan police")
    verb: Token | None  # the reporting verb (None for "according to X")
    content: tuple[Token, ...]  # the reported statement, quote marks included
    quoted: bool  # the content is a quoted statement (``...'')
    frame_start: int  # offsets of the frame: a date inside it dates the report
    frame_end: int


def unquoted(tokens) -> list[Token]:
    """The tokens without their quote marks."""
    return [t for t in tokens if t.text not in QUOTES]


def has_clause_verb(tokens: list[Token]) -> bool:
    """True when the tokens (quote marks ignored) hold a verb."""
    tokens = unquoted(tokens)
    return any(is_verb(t, tokens[j - 1] if j else None) for j, t in enumerate(tokens))


def attribution(tokens: list[Token], context: list[Token] | None = None, anchor: int | None = None
                ) -> Attribution | None:
    """The reporting frame of a clause's tokens, or None when the clause reports nothing. ``context`` (the
    clause's tokens before any were left out) tells whether the content stands between quote marks; a date
    at offset ``anchor`` after "X announced that" dates the content even when X is no clean subject."""
    frame = _frame(tokens, anchor)
    if frame is None or not frame.content:
        return frame
    return replace(frame, quoted=_between_quotes(context or tokens, frame.content))


def _between_quotes(context: list[Token], content: tuple[Token, ...]) -> bool:
    """True when quote marks open right before the content's first word or close right after its last."""
    words = [t for t in content if t.text[:1].isalnum()]
    if not words:
        return False
    index = {(t.start, t.end): i for i, t in enumerate(context)}
    first, last = index.get((words[0].start, words[0].end)), index.get((words[-1].start, words[-1].end))
    if first is None or last is None:
        return False
    j = first - 1
    while j >= 0 and not context[j].text[:1].isalnum():
        if context[j].text in QUOTES:
            return True
        j -= 1
    j = last + 1
    while j < len(context) and not context[j].text[:1].isalnum():
        if context[j].text in QUOTES:
            return True
        j += 1
    return False


def _frame(tokens: list[Token], anchor: int | None = None) -> Attribution | None:
    lex = lexicon()
    words = [t.lower for t in tokens]
    for i, w in enumerate(words):
        if w == "according" and i + 1 < len(words) and words[i + 1] == "to":
            cut = i - 1 if i and words[i - 1] == "," else i
            if cut > 1:
                return _make(tokens[i + 2:], None, tokens[:cut], tokens[cut].start, tokens[-1].end)
            comma = next((j for j in range(i + 2, len(tokens)) if tokens[j].text == ","), None)
            if i == 0 and comma is not None and has_clause_verb(tokens[comma + 1:]):
                return _make(tokens[2:comma], None, tokens[comma + 1:], 0, tokens[comma].end)  # "According to X, Y"
    for i, w in enumerate(words):
        if w not in lex.reporting:
            continue
        after, that = _reported(tokens[i + 1:], w)
        states = len(unquoted(after)) > 2 and _states_clause(after, that)
        in_content = anchor is not None and bool(after) and anchor > after[0].start and not any(
            t.lower in lex.reporting and t.start < anchor for t in after)  # not past a later "..., the source said"
        if states and (not has_clause_verb(tokens[:i]) or in_content):
            return _make(tokens[:i], tokens[i], after, 0, after[0].start)  # "(On Monday) X said (Monday) Y"
        comma = max((j for j in range(i) if tokens[j].text in (",", "!", "?")), default=None)
        inverted = comma is not None and not unquoted(tokens[comma + 1:i]) and (
            tokens[comma].text in "!?" or any(t.text in QUOTES for t in tokens[comma + 1:i])
            or (w in lex.words("titles", "inverted_reporting") and i + 1 < len(tokens)
                and (tokens[i + 1].text[:1].isupper() or tokens[i + 1].lower in ("a", "an", "the"))))  # "Y, said X"
        between = len(unquoted(tokens[comma + 1:i])) if comma is not None else 0
        if (inverted or (not states and between)) and comma is not None and comma > 2 and between <= 6:
            speaker = tokens[comma + 1:i] if len(unquoted(tokens[comma + 1:i])) else tokens[i + 1:]
            return _make(speaker, tokens[i], tokens[:comma], tokens[comma].start, END)  # "Y, X said (Monday)"
    return None


def _reported(after: list[Token], verb: str) -> tuple[list[Token], bool]:
    """What follows a reporting verb, from the start of the reported clause: past "that" ("said in a
    statement that Y"), past the hearer ("told reporters he would"); and whether a "that" opened it."""
    lex = lexicon()
    after = list(after)
    that = next((j for j, t in enumerate(after[:8]) if t.lower == "that"), None)
    # "said (Monday) that", "said in a statement that", "told reporters that": not "suggested the presence of X
    # that has been used", where "that" opens a relative clause
    skipped = that is not None and (that == 0 or after[0].lower in lex.words("titles", "cut_before")
                                    or (verb in lex.words("titles", "reporting_to_hearer") and (that <= 3 or _hearer_phrase(after[:that]))))
    if skipped:
        after = after[that + 1:]
    elif verb in lex.words("titles", "reporting_to_hearer"):
        subject = next((j for j, t in enumerate(after[:6]) if j and t.lower in lex.words("titles", "pronouns")), None)
        if subject is not None:
            after = after[subject:]  # "told President Clinton he could live with it"
    while after and after[0].text in (",", ":"):
        after = after[1:]
    return after, skipped


def _hearer_phrase(tokens: list[Token]) -> bool:
    """Whether the words between "told" and "that" are a hearer and a phrase of place or means ("analysts on a
    conference call", "reporters in Geneva"): a preposition as their second or third word."""
    preps = lexicon().words("titles", "hearer_prepositions")
    return any(t.lower in preps for t in tokens[1:3])


def _states_clause(after: list[Token], that: bool) -> bool:
    """True when what follows a reporting verb is a clause: a verb outside any relative clause ("suggested the
    presence of X that has been used" reports nothing), and one subject before it ("announced its plan at the
    same time it reported" is no "its plan it reported" clause)."""
    lex = lexicon()
    words = unquoted(after)
    relative = next((j for j, t in enumerate(words) if j and t.lower in lex.words("clauses", "relatives")), len(words))
    verb = next((j for j, t in enumerate(words[:relative]) if is_verb(t, words[j - 1] if j else None)), None)
    if verb is None:
        return False
    subjects = lex.words("titles", "pronouns") - {"that", "this", "which", "who"}
    if any(t.lower in subjects for t in words[1:verb]):
        return False
    return that or _opens_clause(after)


def _opens_clause(tokens: list[Token]) -> bool:
    """The reported part starts with a subject, not an object or an infinitive ("announced to offer")."""
    first = next((t for t in tokens if t.text not in QUOTES and t.text != ","), None)
    if first is None or first.lower in lexicon().words("titles", "cut_before"):
        return False
    return not is_verb(first) or first.lower.endswith("ing")  # "selling pressure wasn't enormous"


def _make(speaker, verb, content, frame_start, frame_end) -> Attribution:
    return Attribution(tuple(speaker), verb, tuple(content), False, frame_start, frame_end)


def dates_report(frame: Attribution, start: int) -> bool:
    """True when a date at offset ``start`` sits in the reporting frame ("said Monday"), not in the content."""
    if frame.verb is None:
        return False
    return frame.frame_start <= start < frame.frame_end and not any(
        t.start <= start < t.end for t in frame.content)


def speaker_name(tokens: tuple[Token, ...]) -> list[Token]:
    """The speaker as a short noun phrase: no leading adverbial, determiner, apposition or relative clause
    ("Contrary to reports, the FBI" -> "FBI"; "Jay Stevens, an analyst" -> "Jay Stevens")."""
    lex = lexicon()
    words = unquoted(tokens)
    while words and not words[0].text[:1].isalnum():
        words = words[1:]
    commas = [j for j, t in enumerate(words) if t.text == ","]
    if commas and (words[0].lower in lex.words("titles", "cut_before") | lex.words("titles", "leading_adverbs")
                   or has_clause_verb(words[:commas[0]])):
        words = words[commas[0] + 1:]  # "Contrary to other reports, the FBI", "A tense city waiting, police"
    comma = next((j for j, t in enumerate(words) if t.text == ","), None)
    if comma is not None:
        words = words[:comma]  # "Jay Stevens, an analyst with a brokerage"
        prep = next((j for j, t in enumerate(words) if j and t.lower in lex.words("titles", "cut_before") - {"and"}),
                    None)
        if prep:
            words = words[:prep]  # "the authorities in the Buffalo, N.Y., area" -> "authorities"
    stop = lex.words("clauses", "relatives")
    cut = next((j for j, t in enumerate(words) if j and (t.lower in stop or is_verb(t, words[j - 1]))), None)
    if cut:
        words = words[:cut]  # "a message that was read", "a message read on Wednesday"
    while words and words[0].lower in lex.words("titles", "leading_drop"):
        words = words[1:]
    if len(words) > MAX_SPEAKER_WORDS:
        prep = next((j for j, t in enumerate(words) if j and t.lower in lex.words("titles", "cut_before")), None)
        words = words[:prep] if prep and prep <= MAX_SPEAKER_WORDS else []
    return words if any(t.text[:1].isalnum() for t in words) else []


def is_pronoun(tokens: list[Token]) -> bool:
    """True when a subject is a bare pronoun ("he", "they", "it")."""
    return len(tokens) == 1 and tokens[0].lower in lexicon().words("titles", "pronouns")


def present(verb: Token, speaker: list[Token]) -> str:
    """The reporting verb in headline present tense, agreeing with the speaker ("said" -> "says"/"say")."""
    forms = lexicon().raw["titles"]["reporting_present"]
    singular = forms.get(verb.lower, verb.lower)
    if not _plural(speaker) or not singular.endswith("s"):
        return singular
    if singular.endswith("ies"):
        return singular[:-3] + "y"  # "testifies" -> "testify"
    return singular[:-2] if singular.endswith(("sses", "shes", "ches", "xes")) else singular[:-1]


def _plural(speaker: list[Token]) -> bool:
    lex = lexicon()
    preps = lex.words("titles", "cut_before") - {"and"}
    prep = next((j for j, t in enumerate(speaker) if j and t.lower in preps), None)
    speaker = speaker[:prep] if prep else speaker  # "officials of the agency": the head is "officials"
    last = speaker[-1]
    if any(t.lower == "and" for t in speaker) and last.lower not in lex.words("titles", "organization_heads"):
        return True  # "Orkem and Coates", "officials and family members", not "Immigration and Naturalization Service"
    if last.lower in lex.words("titles", "plural_nouns"):
        return True
    common = last.text[:1].islower() or len(speaker) == 1  # a lone "Investigators" opened the sentence
    return common and last.lower.endswith("s") and not last.lower.endswith(("ss", "us", "'s"))
