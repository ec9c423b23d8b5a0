"""Grammar cues: modifiers, happenings, tense, the cue before a date."""
import pytest

from timeline.events import grammar
from timeline.events.sentences import Segment

MODIFIER_CASES = [
    ("Officials unveiled the 2024 budget on Monday.", "2024", True),
    ("Friday's announcement surprised traders.", "Friday", True),
    ("Last year's results were hurt by charges.", "Last year", True),
    ("The site for Friday's ceremony was chosen.", "Friday's", True),
    ("The talks ended on Friday, the ministry said.", "Friday", False),
    ("In the 1990s the economy grew.", "the 1990s", False),
    ("Prices rose in 2019 and fell in 2020.", "2019", False),
]


@pytest.mark.parametrize("text, words, expected", MODIFIER_CASES)
def test_is_modifier(text, words, expected):
    start = text.index(words)
    assert grammar.is_modifier(text, start, start + len(words)) is expected


def test_describes_happening_needs_a_verb():
    for text, expected in [("The summit was held on Friday.", True), ("Sales figures for May 2023.", False)]:
        start = text.index("Friday" if "Friday" in text else "May 2023")
        assert grammar.describes_happening(text, Segment(0, len(text)), start, start + 6) is expected


@pytest.mark.parametrize("text, future", [
    ("The plant will close in May.", True),
    ("The plant is scheduled to close in May.", True),
    ("The firm plans to open a store in May.", True),
    ("The plant closed in May.", False),
])
def test_is_future(text, future):
    assert grammar.is_future(text, Segment(0, len(text))) is future


def test_cue_before():
    text = "Crews must finish the line no later than June."
    start = text.index("June")
    assert grammar.cue_before(text, Segment(0, len(text)), start, "cues", "deadline") == "no later than"
    assert grammar.cue_before(text, Segment(0, len(text)), start, "cues", "period_start") is None


def test_a_month_starting_with_a_is_no_determiner():
    text = "The ministry revised the Aug. 7 figures."
    start = text.index("Aug. 7")
    assert grammar.is_modifier(text, start, start + 6)


@pytest.mark.parametrize("text, words, expected", [
    ("The ministry issued a warning after the Aug. 7 bombings at the embassies.", "Aug. 7", False),
    ("Officials recalled the Oct. 23 sniper attack on Monday.", "Oct. 23", False),
    ("Officials unveiled the 2024 budget on Monday.", "2024", True),
    ("Friday's attack surprised everyone.", "Friday", True),
])
def test_a_date_before_a_noun_naming_a_happening_dates_it(text, words, expected):
    start = text.index(words)
    assert grammar.is_modifier(text, start, start + len(words)) is expected
