"""The fast dispatch (trigger trie + two-word filter) finds exactly what trying every rule everywhere finds."""
from timeline.extract import engine, rules
from timeline.extract.rules import load

LANGUAGE = load("en")
TEXT = " ".join(text for rule in LANGUAGE.rules for text, _ in rule.examples) + (
    " The 1990s, 3pm, 20th-century, 1,000 years ago, $13.7 billion, No. 2, may 5, May 2021. "
    "Around 7:15 p.m. on Sept. 20-22, 2023, or 2009-10; the weeks before; a three-day, 52-year-old. "
    "The\t1990s, the ²1990s, the-year, 5-year, 1998., an\nhour, THE  Year, a year, 5ß, 5\ud800 years, the "
    "$5 years, 1.5 years ago, 1,000 years ago, #3 in 1998, 1/5 weeks, (5 years), -1990s, 'the 1990s', "
    "€1998, .1998, ,2 days ago, ؟5 years, 5 years"
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


def test_a_quote_mark_triggers_only_before_what_a_rule_can_go_on_with():
    text = " ``the ''90s'' and ''hits'' 'n' '98"  # the trigger runs on the lower-cased text after a separator
    marks = [m.start() + 1 for m in LANGUAGE.trigger.finditer(text) if (m.group(1) or " ")[0] == "'"]
    assert marks == [text.index("'90s"), text.index("'98")]  # m.start() is the separator before
