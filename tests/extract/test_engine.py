"""The fast dispatch (trigger trie + two-word filter) finds exactly what trying every rule everywhere finds."""
from timeline.extract import engine, rules
from timeline.extract.rules import load

LANGUAGE = load("en")
TEXT = " ".join(text for rule in LANGUAGE.rules for text, _ in rule.examples) + (
    " The 1990s, 3pm, 20th-century, 1,000 years ago, $13.7 billion, No. 2, may 5, May 2021. "
    "Around 7:15 p.m. on Sept. 20-22, 2023, or 2009-10; the weeks before; a three-day, 52-year-old. "
    "The\t1990s, the ²1990s, the-year, 5-year, 1998., an\nhour, THE  Year, a year, 5ß, 5\ud800 years, the "
    "$5 years, 1.5 years ago, 1,000 years ago, #3 in 1998, 1/5 weeks, (5 years), -1990s, 'the 1990s', "
    "€1998, .1998, ,2 days ago, ؟5 years, 5 years, Sept. 20,2023, 5.30 p.m., 1,500-year-old, at 19.45 GMT, "
    "year-end, mid-March, 5-10 years, 12,\n2013, 3.\n4 years, 7:\t30 p.m., 1998.) more than five years ago, "
    "at least\nthree weeks, up to  a year, for the past two years, no more than 10 days, more than-two hours, "
    "at present, more thanks, as soon as Friday, 1,700 injured, 100,000 years ago, 2,500-year-old, 12,5 years, "
    "1,2345 years, 3,000,000 hours, $1,500 a year, 4,000\tdays, the 1990s, the 12 months, the 5th, at 9:45 a.m., "
    "the  19th-century, March 6,2013, April 4\n1949, in 1998., the 1234567 years, last 2 weeks, the 2 a.m. train, "
    "the ²nd day, four ²a week, the ٣ years, the 3"
)


def _everywhere(text: str) -> set:
    found = set()
    for rule in LANGUAGE.rules:
        for pos in range(len(text)):
            if pos and text[pos - 1].isalnum():
                continue
            m = rule.regex.match(text, pos)
            if m is not None:
                found |= {(it.start, it.end, it.rule.id) for it in engine._items(rule, m, 0)}
    return found


def test_dispatch_misses_nothing():
    fast = {(it.start, it.end, it.rule.id) for it in engine.find(LANGUAGE, TEXT)}
    assert _everywhere(TEXT) - fast == set()


def test_a_number_after_a_refusing_separator_skips_the_rules_that_refuse_it():
    count = next(r for r in LANGUAGE.rules if r.id == "en.dur.count")  # {num}: not after "$", "." or ","
    assert not rules.may_follow(count, "$", "5")
    assert not rules.may_follow(count, ".", "5")
    assert rules.may_follow(count, " ", "5")
    assert rules.may_follow(count, "(", "5")


def test_a_number_or_word_glued_to_a_mark_tries_only_the_rules_that_go_on_with_the_next_character_too():
    count = next(r for r in LANGUAGE.rules if r.id == "en.dur.count")  # {num}: "1,000", not "12, "
    assert rules.goes_on(count, "\x00\x00", ",") and rules.goes_on(count, "\x00\x00", ",0")
    assert not rules.goes_on(count, "\x00\x00", ", ")
    dotted = next(r for r in LANGUAGE.rules if r.id == "en.date.dotted")  # "14.03.2024", not "5. " or "5.x"
    assert rules.goes_on(dotted, "\x00", ".3") and not rules.goes_on(dotted, "\x00", ". ")
    assert not rules.goes_on(dotted, "\x00", ".x")


def test_a_look_ahead_at_the_end_of_a_pattern_tells_the_next_word():
    # en.date.month_report ends with "(?=(?:['’]s)?\s+{report_noun})": tried before "jobs", not before "may" or "1"
    ids = lambda word, follower: {r.id for r in LANGUAGE.candidates(word, follower)}
    assert "en.date.month_report" in ids("september", "jobs") and "en.date.month_report" in ids("september", "data")
    assert "en.date.month_report" not in ids("may", "be") and "en.date.month_report" not in ids("march", "#")
    assert "en.dur.year_ended" in ids("year", "ended") and "en.dur.year_ended" not in ids("year", "ago")
    # a look-ahead with more of the pattern after it still lets through what that part can start with
    assert "en.date.month_name" in ids("september", "was")


def test_a_short_word_with_few_next_words_is_read_as_a_phrase_with_them():
    # "more" goes on only with "than" or "recently": the key of "more than five" holds "five", so the rules
    # starting with a hedge are tried only where they can go on with the word after it
    text = " it took more than five years and more  than\nthe rest"
    keys = [m.group(1) for m in LANGUAGE.trigger.finditer(text)]
    assert "more than five" in keys and "more  than\nthe" in keys
    assert LANGUAGE.trigger_key.match("more  than\nthe").groups() == ("more  than", "the", None)
    ids = lambda word, follower: {r.id for r in LANGUAGE.candidates(word, follower)}
    assert "en.dur.count" in ids("more than", "five") and "en.rel.ago" in ids("more than", "#")
    assert "en.dur.count" not in ids("more than", "doubled")


def test_a_number_with_thousands_separators_is_one_run_of_the_key():
    keys = [m.group(1) for m in LANGUAGE.trigger.finditer(" 1,700 injured and 1,7000 more")]
    assert keys[0] == "1,700 injured" and "1,7" in keys
    count = next(r for r in LANGUAGE.rules if r.id == "en.dur.count")
    assert rules.through_number(count, "\x00,\x00\x00\x00", "years", None)
    assert not rules.through_number(count, "\x00,\x00\x00\x00", "injured", None)


def test_a_word_before_a_number_tries_only_the_rules_that_go_on_through_a_number_of_its_length():
    keys = [m.group(1) for m in LANGUAGE.trigger.finditer(" the 1990s and the 12 months")]
    assert "the 1990s" in keys and "the 12 " in keys
    decade = next(r for r in LANGUAGE.rules if r.id == "en.date.decade")  # "the 1990s", not "the 12 months"
    count = next(r for r in LANGUAGE.rules if r.id == "en.dur.count")
    assert rules.before_number(decade, "the", "\x00" * 4, "s") and not rules.before_number(decade, "the", "\x00" * 2, " ")
    assert rules.before_number(count, "the", "\x00" * 2, " ") and not rules.before_number(count, "the", "\x00" * 4, "s")
    month_name = next(r for r in LANGUAGE.rules if r.id == "en.date.month_name")  # it may end at "April"
    assert rules.before_number(month_name, "april", "\x00", ",")


def test_a_quote_mark_triggers_only_before_what_a_rule_can_go_on_with():
    text = " ``the ''90s'' and ''hits'' 'n' '98"  # the trigger runs on the lower-cased text after a separator
    marks = [m.start() + 1 for m in LANGUAGE.trigger.finditer(text) if (m.group(1) or " ")[0] == "'"]
    assert marks == [text.index("'90s"), text.index("'98")]  # m.start() is the separator before


def test_the_case_free_rules_on_the_lower_cased_text_find_what_ignorecase_finds():
    # Rule.lower_regex runs on the lower-cased text: the same matches as the IGNORECASE pattern on the text
    for text in (TEXT.upper(), TEXT.title()):
        assert {(it.start, it.end, it.rule.id) for it in engine.find(LANGUAGE, text)} == _everywhere(text)


def test_a_text_with_a_character_that_folds_apart_is_matched_as_written():
    # IGNORECASE matches the long s of "Auguſt" to "s" where str.lower keeps it: the case-free rules cannot
    # run on the lower-cased text, so every rule tried runs its IGNORECASE pattern on the text
    text = "Sales rose a year earlıer, two weeks later and ſix days ago; İn 1998, Sept. 5 and the 1990s"
    assert rules.FOLDS_APART.search(text)
    as_written = set()
    for tm in LANGUAGE.trigger.finditer(" " + engine.lower_same_length(text)):
        key, sep = tm.groups()
        for rule, _, _ in engine._dispatch(LANGUAGE, key if sep is None else (sep, key)):
            m = rule.regex.match(text, tm.start())
            if m is not None:
                as_written |= {(it.start, it.end, it.rule.id) for it in engine._items(rule, m, 0)}
    found = {(it.start, it.end, it.rule.id) for it in engine.find(LANGUAGE, text)}
    assert found == as_written and "a year earlıer" in {text[s:e] for s, e, _ in found}


def test_case_free_patterns():
    assert rules._case_free(r"(?P<Unit>years?)\s+\W+ago\b")  # escapes and group names keep their case
    assert not rules._case_free(r"(?=(?-i:[A-Z]))(?P<month>may)")  # reads case
    assert not rules._case_free(r"Christmas")
    assert not rules._case_free(r"\x41pril")  # an escape counts as the letter it stands for
    assert not rules._case_free(r"(?s-i:may)") and not rules._case_free(r"[A-Z]\w+")
    assert sum(r.lower_regex is not None for r in LANGUAGE.rules) > len(LANGUAGE.rules) // 2
    # Rule.lower_regex reads the tree the loader parsed (possessive and atomic parts made plain): the same answer
    assert all(rules._case_free_items(r.tree) == rules._case_free(r.regex.pattern) for r in LANGUAGE.rules)


def test_folds_apart_holds_the_characters_ignorecase_matches_otherwise_than_lower_maps_them():
    import re
    for ch in "ſıİ":
        assert rules.FOLDS_APART.search(ch)
        assert re.fullmatch("[a-z]", ch, re.IGNORECASE) and not re.fullmatch("[a-z]", ch.lower())
    assert not rules.FOLDS_APART.search("abcxyz ÉéÅåß’K")  # the Kelvin sign lower-cases to "k" itself


def test_possessive_and_atomic_parts_give_the_first_words_of_their_greedy_forms():
    # the dispatch reads a possessive repeat or an atomic group as the greedy form: they only cut ways of
    # matching, so the first words found may be more than the pattern takes, never fewer
    import re._parser as sp
    for cut, greedy in [
        (r"(?:(?:about|nearly)\s+)?+(?:the\s+)?+(?P<n>\d+)\s+years", r"(?:(?:about|nearly)\s+)?(?:the\s+)?(?P<n>\d+)\s+years"),
        (r"(?>the\s+|a\s+)(?P<unit>years?)", r"(?:the\s+|a\s+)(?P<unit>years?)"),
        (r"(?:past\s+){1,2}+(?P<unit>days)", r"(?:past\s+){1,2}(?P<unit>days)"),
    ]:
        assert rules._starts(rules._plain(sp.parse(cut))) == rules._starts(rules._plain(sp.parse(greedy)))
    assert ("about", True) in rules._starts(rules._plain(sp.parse(r"(?:about\s+)?+(?P<n>\d+)")))
