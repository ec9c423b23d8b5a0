"""Places after in/at with appositions, never possessives or adjectives; datelines."""
import pytest

from timeline.events.locations import dateline_place, place_in
from timeline.events.sentences import Segment

CASES = [
    ("The fair was held in Lyon on May 3.", "Lyon"),
    ("The fair was held in Oak Town of Lake County on May 3.", "Oak Town, Lake County"),
    ("Talks were held at the Palace of Nations in Geneva.", "Palace, Nations"),
    ("Bombs exploded in the Kenyan and Tanzanian capitals Friday.", None),
    ("The plan for Oak Town's car industry was released in May.", None),
    ("The company opened an office in Paris, France in June.", "Paris, France"),
    ("Sales fell in September.", None),
    ("The charges intensified interest in Kopp on Friday.", None),
    ("The charges intensified interest in Kopp in Buffalo on Friday.", "Buffalo"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_place_in(text, expected):
    assert place_in(text, Segment(0, len(text))) == expected


def test_datelines():
    assert dateline_place("NAIROBI, Kenya (AP) _\n\nText.") == "Nairobi, Kenya"
    assert dateline_place("\n\nBEIJING, Sept. 22 (Xinhua) -- China said.") == "Beijing"
    assert dateline_place("The talks ended.") is None
