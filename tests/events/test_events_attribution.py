"""Reporting frames and quotes: a date in the frame dates the report ("X says Y"), a quoted statement is
titled with its speaker, "will" becomes "to" only after a noun, and no two events of one clause share a title."""
import datetime as dt

import pytest

from events_helpers import mention, tagging
from timeline.events import events_from_taggings
from timeline.events.sentences import clauses, sentences
from timeline.events.titles import dates_a_report, title
from timeline.model import Document, EventKind

# (text, the date the event is placed by, expected title)
CASES = [
    ("``I will bring a message of solidarity,'' the minister said Monday.", "Monday",
     "Minister: will bring a message of solidarity"),
    ("``The struggle will not stop,'' the president said on Wednesday.", "Wednesday",
     "President: struggle will not stop"),
    ("Tanzania expelled five Iraqis last month, a newspaper reported Friday.", "Friday",
     "Newspaper reports Tanzania expelled five Iraqis"),
    ("Tanzania expelled five Iraqis last month, a newspaper reported on Friday.", "last month",
     "Tanzania expelled five Iraqis"),
    ("Officials said last week that six people were in custody.", "last week", "Officials say six people were in custody"),
    ("Contrary to other reports, the FBI and Kenyan police said Monday that the suspect had not admitted any role.",
     "Monday", "FBI and Kenyan police say suspect had not admitted any role"),
    ("The mayor told reporters Tuesday he would resign.", "Tuesday", "Mayor says he would resign"),
    ("Jay Stevens, an analyst with a brokerage, said Friday that prices rose.", "Friday", "Jay Stevens says prices rose"),
    ("The president declared Wednesday that it is a matter of days before the boy will be reunited with his father.",
     "Wednesday", "President says boy to be reunited with his father"),
    ("He said on Friday that the talks ended.", "Friday", "He says talks ended"),
    ("The minister announced on Monday to offer a reward.", "Monday", "Minister announced to offer a reward"),
]


def test_cases_are_unique():
    assert len({c[0] + c[1] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("text, phrase, expected", CASES, ids=[c[2] for c in CASES])
def test_title_of_a_reported_clause(text, phrase, expected):
    (sentence,) = sentences(text)
    start = text.index(phrase)
    clause = next(c for c in clauses(text, sentence) if c.start <= start < c.end)
    drops = [(text.index(p), text.index(p) + len(p)) for p in ("Monday", "Wednesday", "Friday", "Tuesday",
                                                              "last week", "last month") if p in text]
    assert title(text, clause, drops, sentence=sentence, anchor=start) == expected


def test_a_date_in_the_content_does_not_date_the_report():
    text = "Officials said Monday that the plant closed in May."
    seg = sentences(text)[0]
    drops = [(text.index("Monday"), text.index("Monday") + 6), (text.index("May"), text.index("May") + 3)]
    assert dates_a_report(text, seg, drops, text.index("Monday"))
    assert not dates_a_report(text, seg, drops, text.index("May"))


def build(text, published, *mentions):
    return events_from_taggings((Document("r", text, published),), (tagging(*mentions),), "r").events


def test_report_date_and_reported_date_are_two_events_with_two_titles():
    t = "Tanzania expelled five Iraqis last month, a newspaper reported Friday."
    events = build(t, dt.date(1998, 9, 11), mention(t, "last month", "1998-08"), mention(t, "Friday", "1998-09-11"))
    titles = {e.timex: e.title for e in events if e.kind == EventKind.OCCURRENCE}
    assert titles == {"1998-08": "Tanzania expelled five Iraqis",
                      "1998-09-11": "Newspaper reports Tanzania expelled five Iraqis"}


def test_a_report_of_a_plan_is_the_report_not_the_plan():
    t = "Federal officials said Monday they will order the relatives to turn the boy over."
    (event,) = [e for e in build(t, dt.date(2000, 4, 3), mention(t, "Monday", "2000-04-03"))
                if e.kind != EventKind.PUBLICATION]
    assert event.kind == EventKind.OCCURRENCE
    assert event.title == "Federal officials say they will order the relatives to turn the boy over"


def test_a_measured_duration_stays_in_the_title():
    t = "The minister is scheduled to spend only five hours in the capital on Tuesday."
    events = build(t, dt.date(1998, 8, 10), mention(t, "five hours", "PT5H"), mention(t, "Tuesday", "1998-08-11"))
    (event,) = [e for e in events if e.kind == EventKind.SCHEDULED]
    assert event.title == "Minister scheduled to spend only five hours in the capital"


def test_a_date_in_a_when_clause_dates_that_clause():
    t = "The uncle still had not signed an agreement on Wednesday when the case is heard in May."
    events = build(t, dt.date(2000, 3, 29), mention(t, "Wednesday", "2000-03-29"), mention(t, "May", "2000-05"))
    titles = {e.timex: (e.kind, e.title) for e in events if e.kind != EventKind.PUBLICATION}
    assert titles["2000-03-29"] == (EventKind.OCCURRENCE, "Uncle still had not signed an agreement")
    assert titles["2000-05"] == (EventKind.SCHEDULED, "Case to be heard")


def test_the_source_quote_has_typographic_quote_marks():
    t = "``We will win,'' the coach said Monday."
    (event,) = [e for e in build(t, dt.date(2000, 4, 3), mention(t, "Monday", "2000-04-03"))
                if e.kind != EventKind.PUBLICATION]
    assert event.sources[0].quote == "“We will win,” the coach said Monday."


def test_opening_double_apostrophes_open_a_quote():
    from timeline.events.build import typographic

    assert typographic("''This father will leave,'' Castro said.") == "“This father will leave,” Castro said."
