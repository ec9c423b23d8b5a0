"""Expressions in a dated clause that are not the date of its happening (issue 4): each case is a sentence,
the words of the expression, and whether the expression dates what the clause says happened."""
import datetime as dt

import pytest

from events_helpers import mention, tagging
from timeline.events import events_from_taggings, grammar
from timeline.events.sentences import Segment
from timeline.model import Document, EventKind

CASES = [
    # a look-back expression that only dates the figure a comparison sets against
    ("Revenue at the bakery chain climbed to $40 million from $31 million a year earlier.", "a year earlier", False),
    ("Profit rose 12% to $8 million, or 40 cents a share, from $7 million, or 35 cents a share, a year ago.",
     "a year ago", False),
    ("Shipping costs were higher than a year ago, the carrier said.", "a year ago", False),
    ("Ticket sales slipped to 900 from 1,100 the year before.", "the year before", False),
    ("Output at the mill fell 6% from a year ago.", "a year ago", False),
    ("Its losses narrowed to $2 million compared with $5 million a year earlier.", "a year earlier", False),
    ("The index closed down 3% from the previous Friday.", "the previous Friday", False),
    # ... but a look-back expression of a happening stays one
    ("The inquiry covers the deaths of more than 3,000 villagers in the valley nearly five years ago.",
     "nearly five years ago", True),
    ("The envoy returned from Lisbon a year ago.", "a year ago", True),
    ("Revenue rose 20% from $5 million, reflecting its purchase of a rival earlier this year.",
     "earlier this year", True),
    ("A year earlier the company earned $3 million.", "A year earlier", True),
    # a long period after "<noun> of" qualifies that noun
    ("The region saw the worst floods of this century, the mayor said.", "this century", False),
    ("Critics called it one of the great blunders of the past decade.", "the past decade", False),
    ("The council will finish the bridge by the end of the decade.", "the decade", True),
    # any date after "<noun> of" qualifies that noun, unless the noun names a happening or a time inside it
    ("Withdrawals doubled the level of the week before the strike.", "the week", False),
    ("\"We hire the engineers of tomorrow,\" the dean said.", "tomorrow", False),
    ("Sales recovered from the weak levels of the early spring, the firm said.", "the early spring", False),
    ("The prospect of the year 2000 has the sect in a frenzy.", "the year 2000", False),
    ("The guard was shot on the night of March 4 outside the gate.", "March 4", True),
    ("Police questioned him about the bombing of June 2 in the port.", "June 2", True),
    ("The index stood at 310 as of Monday, the exchange said.", "Monday", True),
    ("Traders sold shares ahead of the holiday weekend.", "the holiday weekend", True),
    # the last day that names a reporting period is part of the period's name
    ("The grocer earned $4 million for the quarter ended March 28.", "March 28", False),
    ("In the nine months ending May 2, the mill shipped 800 tons.", "May 2", False),
    ("Sales fell 3% in the fiscal year that ended Jan. 29, the chain said.", "Jan. 29", False),
    ("The strike ended Jan. 29 after a vote.", "Jan. 29", True),
    ("The brewer's fiscal year ended Jan. 29.", "Jan. 29", True),
]


@pytest.mark.parametrize("text, words, happening", CASES)
def test_describes_happening(text, words, happening):
    start = text.index(words)
    clause = Segment(0, len(text))
    assert grammar.describes_happening(text, clause, start, start + len(words)) is happening


def test_a_compared_figure_makes_no_event_but_the_dated_report_stays():
    text = "The brewer said Tuesday that its sales rose to $90 million from $70 million a year earlier."
    doc = Document("cmp", text, dt.date(2023, 5, 10), "Brewer sales")
    t = tagging(mention(text, "Tuesday", "2023-05-09"), mention(text, "a year earlier", "2022"))
    events = [e for e in events_from_taggings((doc,), (t,), "t").events if e.kind != EventKind.PUBLICATION]
    assert [e.timex for e in events] == ["2023-05-09"]


# (sentence, the tagger's expressions as (words, value), the dates of the events made). Published 2023-05-10.
CLAUSE_CASES = [
    # a tally: a week or longer period in it is the span counted
    ("In all, the storms last week destroyed 300 homes and flooded 40 roads.", [("last week", "2023-W18")], []),
    ("The chain has opened 14 stores so far this year, its founder said.", [("this year", "2023")], []),
    ("The storms last week destroyed 300 homes.", [("last week", "2023-W18")], ["2023-W18"]),
    ("Villagers said Monday that 12 people had died so far.", [("Monday", "2023-05-08")], ["2023-05-08"]),
    # a figure's period, when an earlier and finer date of the clause times what happened
    ("Last month, the miner reported a 20% rise in profit for the first half.",
     [("Last month", "2023-04"), ("the first half", "2023-H1")], ["2023-04"]),
    ("On Tuesday the carrier said it expected a loss for the quarter.",
     [("Tuesday", "2023-05-09"), ("the quarter", "2023-Q2")], ["2023-05-09"]),
    ("The carrier posted a loss for the quarter.", [("the quarter", "2023-Q1")], ["2023-Q1"]),
    ("The mill's output for the quarter rose, up from a slump that began last fall.",
     [("the quarter", "2023-Q1"), ("last fall", "2022-FA")], ["2022-FA", "2023-Q1"]),
    ("The plan will cut earnings for 2023 and for 2024.", [("2023", "2023"), ("2024", "2024")], ["2023", "2024"]),
    # a quoted question asks about a time, it tells no happening
    ('"Who will still own the mill in 2030?" the mayor asked.', [("2030", "2030")], []),
    ('"Costs for next year are lower, but are they low enough?" she asked.', [("next year", "2024")], ["2024"]),
    ("The council asked on Monday whether the bridge was safe?", [("Monday", "2023-05-08")], ["2023-05-08"]),
    # a hypothetical consequence of a condition tells no happening
    ("If the court rejects the appeal, the ferry could sail a week later.", [("a week later", "2023-05-17")], []),
    ("If approved, the plant will open in June.", [("June", "2023-06")], ["2023-06"]),
    ("If the vote fails, the firm may sell it; last Monday, it had 40 offers.", [("last Monday", "2023-05-08")],
     ["2023-05-08"]),
]


@pytest.mark.parametrize("text, tagged, dates", CLAUSE_CASES)
def test_which_dates_of_a_clause_make_events(text, tagged, dates):
    doc = Document("clause", text, dt.date(2023, 5, 10), "Title")
    t = tagging(*(mention(text, words, value) for words, value in tagged))
    events = events_from_taggings((doc,), (t,), "t", merge=False).events
    assert sorted(e.timex for e in events if e.kind not in (EventKind.PUBLICATION, EventKind.VAGUE)) == dates
