"""Reporting frames and quotes: a date in the frame dates the report ("X says Y"), a quoted statement is
titled with its speaker, "will" becomes "to" only after a noun, and no two events of one clause share a title."""
import dataclasses
import datetime as dt

import pytest

from events_helpers import mention, tagging
from timeline.events import events_from_taggings
from timeline.events.sentences import clauses, sentences
from timeline.events.titles import dates_a_report, title
from timeline.model import Document, EventKind, Granularity, TimeSpan, TimexType

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
    ('"He was told the handwriting was on the wall," the source said Monday.', "Monday",
     "Source: He was told the handwriting was on the wall"),
    ("``You can see a crater, and a bomb went off at the embassy at the same time,'' he said.", "at the same time",
     "Bomb went off at the embassy"),
    ("The authorities in the Buffalo, N.Y., area said Monday they have gathered enough evidence.", "Monday",
     "Authorities say they have gathered enough evidence"),
    ("Officials of the agency said Monday the boy must return.", "Monday", "Officials of the agency say boy must return"),
    ("With a tense city waiting, federal officials said Monday they will order the relatives to leave.", "Monday",
     "Federal officials say they will order the relatives to leave"),
    ("Orkem and Coates said Friday that the two were considering a merger.", "Friday",
     "Orkem and Coates say two were considering a merger"),
    ("The Immigration and Naturalization Service said Friday that the boy must return.", "Friday",
     "Immigration and Naturalization Service says boy must return"),
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
                                                              "last week", "last month", "at the same time") if p in text]
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


def dated(events):
    return sorted((e.timex, e.title) for e in events if e.kind not in (EventKind.PUBLICATION,))


# (text, publication date, the two dates as (words, value), the titles they get)
TWO_DATES = [
    ("Protesters planned a march in the city on Saturday and were planning to block the airport on Monday.",
     dt.date(2000, 1, 7), [("Saturday", "2000-01-01"), ("Monday", "2000-01-03")],
     ["Protesters planned a march in the city", "Protesters were planning to block the airport"]),
    ("The relay began in Olympia, Greece, on April 16 and arrived in Marseille on May 8.",  # commas between
     dt.date(2024, 7, 22), [("April 16", "2024-04-16"), ("May 8", "2024-05-08")],
     ["Relay began in Olympia, Greece", "Relay arrived in Marseille"]),
    ("Construction is scheduled to begin in September and the stadium is expected to open in 2027.",  # 2 subjects
     dt.date(2024, 5, 2), [("September", "2024-09"), ("2027", "2027")],
     ["Construction scheduled to begin", "Stadium expected to open"]),
]


@pytest.mark.parametrize("t, dct, dates, titles", TWO_DATES, ids=[c[3][1] for c in TWO_DATES])
def test_two_predicates_with_two_dates_are_two_titles(t, dct, dates, titles):
    events = build(t, dct, *(mention(t, words, value) for words, value in dates))
    assert dated(events) == [(value, title) for (_, value), title in zip(dates, titles)]


def test_a_day_and_its_time_of_day_are_one_event():
    t = "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, police said."
    def timed(words, hour, minute):
        m = mention(t, words, f"1998-08-07T{hour:02d}:{minute:02d}")
        at = dt.datetime(1998, 8, 7, hour, minute)
        return dataclasses.replace(m, type=TimexType.TIME, span=TimeSpan(at, at + dt.timedelta(minutes=1),
                                                                          Granularity.TIME, m.value))

    events = build(t, dt.date(1998, 8, 8), timed("10:35 a.m.", 10, 35), timed("0735 GMT", 7, 35),
                   mention(t, "Friday", "1998-08-07"))
    assert dated(events) == [("1998-08-07T10:35", "Blast occurred")]


def test_a_vague_now_in_a_dated_clause_is_not_a_second_event():
    t = "Exiles will now resist the ruling, Cuba predicted Wednesday."
    events = build(t, dt.date(2000, 1, 7), mention(t, "now", "PRESENT_REF"), mention(t, "Wednesday", "2000-01-05"))
    assert [e.kind for e in events if e.kind != EventKind.PUBLICATION] == [EventKind.OCCURRENCE]


def test_a_simple_past_duration_runs_up_to_the_time_in_focus_not_to_publication():
    t = ("The boy clung to an inner tube for two days. Prices have risen for three years. Net rose in the third "
         "quarter. For the nine months, the company earned $5 million. For the year ended Sept. 30, sales fell.")
    events = build(t, dt.date(1989, 11, 6), mention(t, "two days", "P2D"), mention(t, "three years", "P3Y"),
                   mention(t, "the third quarter", "1989-Q3"), mention(t, "the nine months", "P9M"),
                   mention(t, "the year", "P1Y"), mention(t, "Sept. 30", "1989-09-30"))
    periods = {e.title: (e.span.first_day, e.span.last_day) for e in events if e.kind == EventKind.PERIOD}
    assert periods == {"Prices have risen": (dt.date(1986, 11, 7), dt.date(1989, 11, 6)),
                       "Company earned $5 million": (dt.date(1989, 1, 1), dt.date(1989, 9, 30)),
                       "Sales fell": (dt.date(1988, 10, 1), dt.date(1989, 9, 30))}


def test_a_year_after_a_possessive_is_a_modifier():
    t = "Kopp's 1987 Chevrolet was discovered last month at the airport."
    events = build(t, dt.date(1999, 1, 22), mention(t, "1987", "1987"), mention(t, "last month", "1998-12"))
    assert dated(events) == [("1998-12", "Kopp's 1987 Chevrolet discovered at the airport")]


def test_a_named_happening_in_an_object_is_titled_by_its_noun_phrase():
    t = ("The State Department on Sunday issued a travel warning in the aftermath of the Aug. 7 bombings at "
         "American embassies in Kenya and Tanzania.")
    events = build(t, dt.date(1998, 8, 16), mention(t, "Sunday", "1998-08-16"), mention(t, "Aug. 7", "1998-08-07"))
    assert dated(events) == [("1998-08-07", "Bombings at American embassies in Kenya and Tanzania"),
                             ("1998-08-16",
                              "State Department issued a travel warning in the aftermath of the Aug. 7 bombings")]


@pytest.mark.parametrize("text, phrase, expected", [
    ("The statement came after Gregory Craig, attorney for the father, announced in Washington that the family "
     "would travel on Tuesday.", "Tuesday", "Family would travel"),
    ("The agency said earlier this week that once the father arrives in the country it will begin the process.",
     "earlier this week", "Agency says it will begin the process"),
], ids=["apposition before the verb is no inverted frame", "no clause break after 'that'"])
def test_frames_that_are_not_what_they_seem(text, phrase, expected):
    (sentence,) = sentences(text)
    start = text.index(phrase)
    clause = min((c for c in clauses(text, sentence) if c.start <= start < c.end), key=lambda c: c.end - c.start)
    assert title(text, clause, [(start, start + len(phrase))], sentence=sentence, anchor=start) == expected


def test_a_named_happening_after_a_full_date_with_commas():
    t = ("Two agents were charged in the Dec. 21, 1988, bombing of Pan Am Flight 103 that killed 259 people "
         "on Monday.")
    events = build(t, dt.date(1999, 6, 7), mention(t, "Dec. 21, 1988", "1988-12-21"), mention(t, "Monday", "1999-06-07"))
    assert ("1988-12-21", "Bombing of Pan Am Flight 103") in dated(events)


def test_a_past_duration_after_a_day_in_focus_is_no_period():
    t = "The ruling came on Jan. 14. The boy clung to an inner tube for two days."
    events = build(t, dt.date(2000, 1, 20), mention(t, "Jan. 14", "2000-01-14"), mention(t, "two days", "P2D"))
    assert not [e for e in events if e.kind == EventKind.PERIOD]
