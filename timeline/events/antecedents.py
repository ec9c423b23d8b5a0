"""Who a title's leading pronoun stands for: "It expects a loss" -> "Acme expects a loss", "Its stock fell"
-> "Acme's stock fell", "She arrived" -> "Albright arrived".

Precise rather than greedy (a wrong name is worse than the pronoun). The candidates are the subjects and
speakers ("X said") of the pronoun's sentence before it and of the two sentences before that, nearest first.
"It"/"Its" take the nearest organization (a name ending in a corporate or institution word, an acronym, or a
short name the document gives such a name elsewhere) unless a nearer subject could be what "it" is. "He"/
"She"/"His"/"Her" take a person (a name after a title such as "Mr." or "Minister", or a speaker that is no
organization) only when the window names exactly one, by the surname the document uses alone. A pronoun
inside a quotation, or an expletive "it" ("It was the first time"), stays. Word lists: ``[antecedents]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .attribution import QUOTES, attribution, speaker_name
from .lexicon import lexicon
from .sentences import Segment, Token, clauses, is_verb, sentences, tokenize

WINDOW = 2  # sentences before the pronoun's own that may name its antecedent
MAX_SUBJECT_WORDS = 8
OPENING_QUOTES = frozenset({"``", "“", "‘"})


@dataclass(frozen=True)
class Mentioned:
    """A subject or speaker named before the pronoun."""

    start: int
    kind: str  # "organization", "reference" ("the company"), "person", "someone" (unnamed), "speaker" (a name
    # that speaks: a person's unless an organization's), "name" (of no known kind), "thing"
    name: tuple[str, ...] = ()  # the name's words, for an organization or a person
    female: bool | None = None  # known from a courtesy title ("Mrs.")


def named_subject(text: str, tokens: list[Token]) -> list[Token]:
    """``tokens`` with a leading pronoun replaced by its antecedent's name ("Its stock" -> "Acme's stock"),
    when :func:`antecedent` finds one; otherwise ``tokens`` unchanged."""
    if not tokens or text[tokens[0].start:tokens[0].end] != tokens[0].text:
        return tokens  # a word the title borrowed or made up
    first = tokens[0]
    name = antecedent(text, first)
    if name is None:
        return tokens
    words = [_as_written(text, w) for w in name.split()]
    if first.lower in lexicon().words("antecedents", "possessives") and not words[-1].endswith("'s"):
        words[-1] += "'" if words[-1].endswith("s") else "'s"  # "Acme's", "Unisys'"
    return [Token(w, first.start, first.end) for w in words] + tokens[1:]


def _as_written(text: str, word: str) -> str:
    """A name written in capitals in a headline-style lead ("CAMBREX Corp.") as the text writes it elsewhere
    ("Cambrex"), if it does."""
    if len(word) < 2 or not word.isupper():
        return word
    other = re.search(rf"(?<![\w'-]){re.escape(word[0])}{re.escape(word[1:].lower())}(?![\w-])", text)
    return other.group() if other else word


def antecedent(text: str, pronoun: Token) -> str | None:
    """The name the pronoun token at its offsets in ``text`` stands for, or None when unsure."""
    lex = lexicon()
    word = pronoun.lower
    organization = word in lex.words("antecedents", "organization_pronouns")
    if not organization and word not in lex.words("antecedents", "person_pronouns"):
        return None
    window = _window(text, pronoun.start)
    if not window or _quoted(text, window[-1], pronoun.start) or (organization and _expletive(text, pronoun)):
        return None
    known = _known(text)
    mentioned = [m for s in window for m in _mentioned(text, s, pronoun.start, known)]
    if organization:
        return _organization(sorted(mentioned, key=lambda m: m.start, reverse=True))
    people = [m for s in window for m in _people(text, s, pronoun.start)]
    return _person(text, mentioned + people, word in lex.words("antecedents", "female_pronouns"))


def _window(text: str, offset: int) -> list[Segment]:
    """The sentence holding ``offset`` and the ``WINDOW`` sentences before it."""
    segments = _sentences(text)
    i = next((k for k, s in enumerate(segments) if s.start <= offset < s.end), None)
    return [] if i is None else list(segments[max(0, i - WINDOW):i + 1])


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[Segment, ...]:
    return sentences(text)


def _quoted(text: str, sentence: Segment, offset: int) -> bool:
    """True when ``offset`` lies between quote marks opened earlier in its sentence."""
    inside = False
    for t in tokenize(text, sentence.start, offset):
        if t.text in QUOTES:
            inside = not inside if t.text == '"' else t.text in OPENING_QUOTES
    return inside


def _expletive(text: str, pronoun: Token) -> bool:
    """True for an "it" that names a situation: "it was the first time", "it seems", not "it was sold"."""
    lex = lexicon()
    after = [t for t in tokenize(text, pronoun.end, min(len(text), pronoun.end + 60)) if t.text[:1].isalnum()]
    if not after or after[0].lower in lex.words("antecedents", "expletive_verbs"):
        return True
    return after[0].lower in lex.words("verbs", "be") and (len(after) < 2 or not is_verb(after[1], after[0]))


def _organization(mentioned: list[Mentioned]) -> str | None:
    """The nearest organization, unless a nearer subject that is no person, plural or reference comes first."""
    for m in mentioned:
        if m.kind == "organization":
            return " ".join(m.name)
        if m.kind in ("name", "thing", "speaker"):
            return None  # "The plan was approved. It takes effect": "it" may be the plan
    return None


def _person(text: str, mentioned: list[Mentioned], female: bool) -> str | None:
    """The surname of the one person the window names, of a gender that fits the pronoun."""
    people: list[set[str]] = []
    for m in mentioned:
        if m.female is not None and m.female != female:
            continue
        if m.kind in ("someone", "name"):
            return None  # an unnamed person, or a name that may be a person's: two candidates
        if m.kind in ("person", "speaker"):
            words = set(m.name)
            same = next((p for p in people if p & words), None)
            if same is None:
                people.append(words)
            else:
                same |= words
    if len(people) != 1:
        return None
    named = max((m.name for m in mentioned if m.kind in ("person", "speaker") and set(m.name) & people[0]), key=len)
    return _surname(text, named)


def _surname(text: str, name: tuple[str, ...]) -> str:
    """The word of a name the text uses alone ("Albright" of "Madeleine Albright", "Jiang" of "Jiang Zemin"),
    else the last of three words, else the whole name."""
    if len(name) == 1:
        return name[0]
    if len(name) > 2:
        return name[-1]
    full = len(re.findall(r"\s+".join(map(re.escape, name)), text))
    for word in (name[-1], name[0]):
        if len(re.findall(rf"(?<![\w'-]){re.escape(word)}(?![\w-])", text)) > full:
            return word
    return " ".join(name)


def _mentioned(text: str, sentence: Segment, limit: int, known: tuple[frozenset, frozenset]) -> list[Mentioned]:
    """The subject and the speakers of a sentence (and, in the pronoun's own sentence, the subjects of its
    clauses) that end before offset ``limit``: "and Acme, a maker of tools, was sold" two sentences before is
    not what the sentence is about."""
    found: dict[int, Mentioned] = {}
    own = sentence.end > limit
    for segment in (sentence, *clauses(text, sentence)):
        tokens = tokenize(text, segment.start, segment.end)
        frame = attribution(tokens)
        phrases = [(speaker_name(frame.speaker), True)] if frame is not None else []
        if own or segment == sentence:
            phrases.append(_subject(tokens))
        for phrase, speaker in phrases:
            if phrase and phrase[-1].end <= limit and phrase[0].start not in found:
                m = _classify(text, phrase, speaker, known)
                if m is not None:
                    found[phrase[0].start] = m
    return list(found.values())


def _subject(tokens: list[Token]) -> tuple[list[Token], bool | None]:
    """The words before a clause's verb (or before an apposition set off by a comma), and whether that verb
    reports speech ("Jim Cole, the mayor, said"); None when a capitalized word after the comma leaves it open
    whether the subject ends there."""
    lex = lexicon()
    drop, openers = lex.words("titles", "leading_drop"), lex.words("titles", "cut_before") | lex.words(
        "titles", "leading_adverbs")
    i = 0
    while i < len(tokens) and (not tokens[i].text[:1].isalnum() or tokens[i].lower in drop):
        i += 1
    if i < len(tokens) and (tokens[i].lower in openers or tokens[i].lower.endswith("ly")
                            and tokens[i + 1:i + 2] and tokens[i + 1].text == ","):
        comma = next((j for j in range(i, len(tokens)) if tokens[j].text == ","), None)
        i = comma + 1 if comma is not None else len(tokens)  # "In Paris, X said"
    j = i
    while j < len(tokens) and tokens[j].text[:1].isalnum() and tokens[j].lower not in lex.auxiliaries \
            and not is_verb(tokens[j], tokens[j - 1] if j else None):
        j += 1
    verb = next((k for k in range(j, len(tokens)) if is_verb(tokens[k], tokens[k - 1])), None)
    if verb is None or not 0 < j - i <= MAX_SUBJECT_WORDS:
        return [], False
    nxt = tokens[j + 1] if tokens[j].text == "," and j + 1 < len(tokens) else None
    if nxt is not None and _capitalized(nxt.text) and not nxt.lower.endswith("'s"):
        return tokens[i:j], None  # "Norwood, Mass.-based Acme": a comma that may not close the subject
    return tokens[i:j], tokens[verb].lower in lex.reporting


def _classify(text: str, phrase: list[Token], speaker: bool | None, known: tuple[frozenset, frozenset]) -> Mentioned | None:
    """What a subject or speaker is; None for what no pronoun here can stand for (a pronoun, a plural).
    ``speaker`` None: the phrase may be cut short, so only its own words can make it an organization."""
    lex = lexicon()
    ante = lex.raw["antecedents"]
    words = [t for t in phrase if t.text[:1].isalnum()]
    while words and words[0].lower in lex.words("titles", "leading_drop"):
        words = words[1:]
    if not words or words[0].lower in lex.words("titles", "pronouns"):
        return None
    start = words[0].start
    lowers = [w.lower.rstrip(".") for w in words]
    titles = [k for k, w in enumerate(lowers) if w in _stripped(ante["person_titles"])]
    female = True if set(lowers) & _stripped(ante["female_titles"]) else \
        False if set(lowers) & _stripped(ante["male_titles"]) else None
    name = _trailing_name(words)
    if _organization_name(words):
        return Mentioned(start, "organization", _short(words))
    if name and len(name) < len(words) and lowers[len(words) - len(name) - 1] in lex.words(
            "antecedents", "organization_descriptors"):
        return Mentioned(start, "organization", name)  # "Electricity provider Enedis", "carmaker Toyota"
    if titles:
        after = _titled_name(phrase[phrase.index(words[titles[-1]]) + 1:])
        return Mentioned(start, "person", after, female) if after else Mentioned(start, "someone", (), female)
    if len(words) == 1 and re.search(rf"(?<![\w'-]){re.escape(words[0].lower)}(?![\w-])", text):
        name = ()  # "Debt has risen": a common word opening the sentence
    if speaker is None:
        return Mentioned(start, "name", name)
    if name and len(name) == len(words):
        if _short(words) in known[0] or tuple(re.split(r"-", " ".join(_short(words)))) in known[0]:
            return Mentioned(start, "organization", _short(words))
        if set(name) & known[1]:
            return Mentioned(start, "person", _person_name(name), female)
        return Mentioned(start, "speaker" if speaker else "name", _person_name(name))
    if name:
        return Mentioned(start, "person", _person_name(name)) if set(name) & known[1] else Mentioned(start, "name", name)
    head = _head(words)
    if head in lex.words("antecedents", "organization_references"):
        return Mentioned(start, "reference")
    if head in lex.words("titles", "plural_nouns") or (head.endswith("s") and not head.endswith(("ss", "us"))):
        return None
    if head in lex.words("antecedents", "person_nouns") or head in _stripped(ante["person_titles"]):
        return Mentioned(start, "someone")
    return Mentioned(start, "thing")


def _people(text: str, sentence: Segment, limit: int) -> list[Mentioned]:
    """The people a sentence names before offset ``limit`` in any role: a name after a title ("invited
    Foreign Minister Jan Kavan"), or a singular person noun ("the mother of the boy")."""
    ante = lexicon().raw["antecedents"]
    titles, nouns = _stripped(ante["person_titles"]), _stripped(ante["person_nouns"])
    tokens = tokenize(text, sentence.start, min(sentence.end, limit))
    out = []
    for k, t in enumerate(tokens):
        word = t.lower.rstrip(".")
        if word in titles:
            name = _titled_name(tokens[k + 1:k + 6])
            female = True if word in _stripped(ante["female_titles"]) else \
                False if word in _stripped(ante["male_titles"]) else None
            if name:
                out.append(Mentioned(t.start, "person", name, female))
            elif not _capitalized(t.text) and not _apposition(tokens, k):
                out.append(Mentioned(t.start, "someone"))
        elif word in nouns and t.text.islower() and not _apposition(tokens, k):
            out.append(Mentioned(t.start, "someone"))
    return out


def _apposition(tokens: list[Token], k: int) -> bool:
    """True when the word at ``k`` describes a name next to it between commas ("Jim Cole, the mayor, said",
    "the mayor, Jim Cole, said"): the same person again."""
    before = next((j for j in range(k - 1, -1, -1) if tokens[j].text in (",", "(")), None)
    if before is not None and before > 0 and _capitalized(tokens[before - 1].text):
        return True
    after = next((j for j in range(k + 1, len(tokens)) if not tokens[j].text[:1].isalnum() or tokens[j].lower in
                  lexicon().words("clauses", "relatives")), None)
    return after is not None and tokens[after].text == "," and after + 1 < len(tokens) \
        and _capitalized(tokens[after + 1].text)


def _stripped(items: list[str]) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in items)


def _head(words: list[Token]) -> str:
    """The noun a common noun phrase is about: its last word before a preposition ("portion" of "the portion
    of volume")."""
    preps = lexicon().words("titles", "cut_before")
    cut = next((k for k, w in enumerate(words) if k and w.lower in preps), len(words))
    return words[cut - 1].lower.rstrip(".")


def _trailing_name(words: list[Token]) -> tuple[str, ...]:
    """The capitalized words that end a phrase ("Elian Gonzalez" of "6-year-old Elian Gonzalez"), with the
    lower-case joining words a name may hold ("Bank of Japan")."""
    inner = lexicon().words("antecedents", "name_inner")
    k = len(words)
    while k > 0 and (_capitalized(words[k - 1].text) or (words[k - 1].lower in inner and k < len(words))):
        k -= 1
    while k < len(words) and words[k].lower in inner:
        k += 1
    return tuple(w.text for w in words[k:])


def _capitalized(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(ch.isupper() for ch in word))


def _organization_name(words: list[Token]) -> bool:
    """True for a name whose head is a corporate or institution word ("Federal Bureau of Investigation",
    "Acme Corp.") or an acronym ("NATO")."""
    if len(_trailing_name(words)) != len(words):
        return False
    inner = lexicon().words("antecedents", "name_inner")
    cut = next((k for k, w in enumerate(words) if k and w.lower in inner - {"amp", "&", "and"}), len(words))
    head = words[cut - 1]
    return head.lower in _organization_words() or _acronym(head.text)


@lru_cache(maxsize=1)
def _organization_words() -> frozenset[str]:
    lex = lexicon()
    return lex.words("titles", "organization_heads") | lex.words("antecedents", "organization_words")


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper() and word not in lexicon().raw[
        "antecedents"]["not_acronyms"]


def _short(words: list[Token]) -> tuple[str, ...]:
    """A company's name without its legal suffix ("Dow Jones amp Co." -> "Dow Jones")."""
    suffixes = lexicon().words("antecedents", "name_suffixes")
    names = [w.text for w in words]
    while len(names) > 1 and names[-1].lower() in suffixes:
        names.pop()
    return tuple(names)


def _person_name(name: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name without "Jr." and the like."""
    suffixes = lexicon().words("antecedents", "person_suffixes")
    while len(name) > 1 and name[-1].lower() in suffixes:
        name = name[:-1]
    return name


@lru_cache(maxsize=64)
def _known(text: str) -> tuple[frozenset, frozenset]:
    """What the whole document tells about names: the short names of its organizations ("Acme" for "Acme
    Corp.") and the words of the names it gives a person's title ("Albright", "Madeleine")."""
    lex = lexicon()
    organizations, people = set(), set()
    titles = _stripped(lex.raw["antecedents"]["person_titles"])
    for sentence in _sentences(text):
        tokens = [t for t in tokenize(text, sentence.start, sentence.end) if t.text[:1].isalnum()]
        for k, t in enumerate(tokens):
            if t.lower in _organization_words() and _capitalized(t.text):
                run = _trailing_name(tokens[max(0, k - 5):k + 1])
                if len(run) > 1 and _organization_name(tokens[k + 1 - len(run):k + 1]):
                    short = _short(tokens[k + 1 - len(run):k + 1])
                    parts = tuple(p for w in short for p in w.split("-"))
                    organizations |= {short[:n] for n in range(1, len(short) + 1)} | {parts[:n] for n in range(
                        1, len(parts) + 1)}  # "Acme" of "Acme Foods", "Acme" of "Acme-Smith"
            elif t.lower.rstrip(".") in titles:
                name = _leading_name(tokens[k + 1:k + 5])
                people |= set(_person_name(name))
    return frozenset(organizations), frozenset(people)


def _titled_name(after: list[Token]) -> tuple[str, ...]:
    """The name after a person's title ("Madeleine Albright" after "Secretary of State"), without "Jr."."""
    if after and after[0].lower == "of":
        after = after[2:]  # "Secretary of State": the title's complement
    return _person_name(_leading_name(after[:4]))


def _leading_name(words: list[Token]) -> tuple[str, ...]:
    """The capitalized words that open ``words`` (the name after a title)."""
    k = 0
    while k < len(words) and _capitalized(words[k].text):
        k += 1
    return tuple(w.text for w in words[:k])
