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
    ("Results published in The Lancet last February showed a drop.", None),
    ("The court sat in The Hague in May.", "Hague"),
    ("He spoke in the Netherlands in May.", "Netherlands"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_place_in(text, expected):
    assert place_in(text, Segment(0, len(text))) == expected


def test_datelines():
    assert dateline_place("NAIROBI, Kenya (AP) _\n\nText.") == "Nairobi, Kenya"
    assert dateline_place("\n\nBEIJING, Sept. 22 (Xinhua) -- China said.") == "Beijing"
    assert dateline_place("The talks ended.") is None
    assert dateline_place("LONDON, 4 March (Reuters) - Drivers will strike.") == "London"


def test_dateline_keeps_the_casing_of_the_body():
    text = "DAR ES SALAAM, Tanzania (AP) _\n\nOfficials in Dar es Salaam said the blast was heard."
    assert dateline_place(text) == "Dar es Salaam, Tanzania"
    assert dateline_place("PORT AU PRINCE, Haiti (AP) _\n\nText.") == "Port au Prince, Haiti"
    assert dateline_place("WASHINGTON (AP) _\n\nText.") == "Washington"


def test_coordinated_places_are_one_location():
    text = "Blasts killed 257 people in Nairobi and Dar es Salaam on Friday."
    assert place_in(text, Segment(0, len(text))) == "Nairobi and Dar es Salaam"


def test_a_person_after_a_comma_is_not_part_of_the_place():
    text = "The ministry considered a request from his father in Cuba, Juan Miguel Gonzalez, last week."
    assert place_in(text, Segment(0, len(text))) == "Cuba"


def events_of(text, *mentions):
    import datetime as dt

    from events_helpers import mention, tagging
    from timeline.events import events_from_taggings
    from timeline.model import Document, EventKind

    tagged = tagging(*(mention(text, words, value) for words, value in mentions))
    timeline = events_from_taggings((Document("d", text, dt.date(1998, 8, 18)),), (tagged,), "d")
    return {e.timex: e.location for e in timeline.events if e.kind != EventKind.PUBLICATION}


def test_the_dateline_is_no_place_for_a_clause_that_goes_elsewhere():
    text = ("NAIROBI, Kenya (AP) _\n\nThe minister arrived in Nairobi on Monday. About 200 Americans left for "
            "Pakistan on Tuesday. Security was tight in Pakistan. Officials met on Wednesday. The director said here Thursday that talks went well.")
    found = events_of(text, ("Monday", "1998-08-17"), ("Tuesday", "1998-08-18"), ("Wednesday", "1998-08-12"),
                      ("Thursday", "1998-08-13"))
    assert found == {"1998-08-17": "Nairobi", "1998-08-18": None, "1998-08-12": "Nairobi, Kenya",
                     "1998-08-13": "Nairobi, Kenya"}


def test_a_dateline_without_agency_before_a_dash():
    assert dateline_place("\nWASHINGTON _ The economy created jobs at a robust pace.") == "Washington"
