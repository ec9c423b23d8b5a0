"""Headline-style titles: subject + predicate + object, no dates, no reporting frame, no apposition."""
import re

import pytest

from timeline.events.sentences import Segment, clauses, sentences
from timeline.events.titles import similar, title

# (text, time phrase to leave out, deadline?, expected title)
CASES = [
    ("The summit was held in Geneva on Monday.", "Monday", False, "Summit held in Geneva"),
    ("The museum, a former factory, was reopened on Friday.", "Friday", False, "Museum reopened"),
    ("Police said on Friday that two men were arrested.", "Friday", False, "Two men arrested"),
    ("The plant will be closed in 2025, the company said.", "2025", False, "Plant to be closed"),
    ("The firm will open a store in Lyon next month.", "next month", False, "Firm to open a store in Lyon"),
    ("Exports fell in May, according to official figures.", "May", False, "Exports fell"),
    ("In 2019, the club won the cup.", "2019", False, "Club won the cup"),
    ("The storm made landfall in Brittany shortly after 11 p.m. local time (2200 GMT).", "11 p.m.",
     False, "Storm made landfall in Brittany"),
    ("Lawyers must file by July 31, and a hearing on the motions is scheduled for Aug. 14.", "Aug. 14", False,
     "Hearing on the motions scheduled"),
    ("Jurors deliberated for about four hours.", "four hours", False, "Jurors deliberated"),
    ("The fire broke out at the plant on the night of Jan. 5.", "Jan. 5", False, "Fire broke out at the plant"),
    ("Officers responded to the scene at around 2:30 a.m. and found the victims.", "2:30 a.m.", False,
     "Officers responded to the scene and found the victims"),
    ("A date was set for the former chief executive of a collapsed exchange, who was convicted last November.",
     "last November", False, "Former chief executive convicted"),
    ("They toured the headquarters of the company, which was founded in 1950.", "1950", False, "Company founded"),
    ("Born in 1939 in a small farming town, Reed moved to the city in 1962.", "1939", False,
     "Reed born in a small farming town"),
    ("Founded in 1998 by two engineers, the firm opened its first plant in 2004.", "2004", False,
     "Firm opened its first plant"),
    ("Jane Roe told analysts on a conference call that the merger would close in June.", "June", False,
     "Merger would close"),
    ("The company reported a 30% drop in fourth-quarter profit.", "fourth-quarter", False,
     "30% drop in fourth-quarter profit"),
    ("Earlier Sunday, crowds prayed as Easter week began, waving palm fronds.", "Easter week", False,
     "Crowds prayed, waving palm fronds"),
    ("The plan sets the goal of a 40 percent cut in emissions by 2030.", "2030", True,
     "Target: 40 percent cut in emissions"),
    ("The city unveiled its electric bus fleet renewal plan, setting the goal of a fleet size of 500 buses by 2030.",
     "2030", True, "Target: electric bus fleet size of 500 buses"),
    ("The council adopted a plan for the Riverside district, with the aim of a district population of 9,000 by 2030.",
     "2030", True, "Target: district population of 9,000"),
    ("Over the summer, rival brewers offered deeper discounts.", "summer", False,
     "Rival brewers offered deeper discounts"),
    ("When the minister arrived on Monday, protesters gathered.", "Monday", False, "Minister arrived"),
    ("Revenue rose 9.4% to $8.59 billion in the quarter.", "the quarter", False, "Revenue rose 9.4% to $8.59 billion"),
    ("Unisys Corp.'s loss was reported on Friday.", "Friday", False, "Unisys Corp.'s loss reported"),
    ("General Mills, at the same time, said sales rose.", "at the same time", False, "Sales rose"),
    ("Jay Stevens, an analyst with a brokerage, said he expected the firm to earn 35 cents in the quarter.",
     "the quarter", False, "Jay Stevens expected the firm to earn 35 cents"),
    ("For the year ended July 2, Rally had net income of $2.4 million.", "July 2", False,
     "Rally had net income of $2.4 million"),
    ("At the same time, production costs, compared with a year ago, were boosted by higher prices.", "a year ago",
     False, "Production costs boosted by higher prices"),
    ("He said: ``The talks ended on Monday.''", "Monday", False, "Talks ended"),
    ("The fair was held in Oak Town of Lake County on May 3.", "May 3", False, "Fair held in Oak Town"),
    ("The agency must publish the rules no later than June.", "June", True,
     "Agency must publish the rules"),
    ("They will leave the city on Monday.", "Monday", False, "They will leave the city"),
    ("This father will leave on Monday.", "Monday", False, "This father to leave"),
    ("It is likely that the talks will resume on Monday.", "Monday", False, "Talks to resume"),
    ("There were no injuries in the blast on Monday.", "Monday", False, "No injuries in the blast"),
    ("Just ahead of the trip, the ministry issued an updated travel warning to its citizens on Sunday.", "Sunday",
     False, "Ministry issued an updated travel warning to its citizens"),
    ("Officials said they did not plan to remove the boy on Thursday even if his relatives continued to defy them.",
     "Thursday", False, "They did not plan to remove the boy"),
    ("Tests last week suggested the presence of a Czech-made plastic explosive that has been used by terrorists.",
     "last week", False, "Tests suggested the presence of a Czech-made plastic explosive"),
    ("About 200 Americans _ embassy staff and their families _ left the country on Monday.", "Monday", False,
     "About 200 Americans left the country"),
    ("The suspect who was returned from Pakistan on Monday had not admitted any role.", "Monday", False,
     "Suspect who was returned from Pakistan had not admitted any role"),
    ("The boy must be returned to his father by Friday.", "Friday", False, "Boy must be returned to his father"),
    ("Earnings for its fourth quarter ended Sept. 30 fell 50%.", "Sept. 30", False,
     "Earnings for its fourth quarter fell 50%"),
    ("His father could come to the U.S. as early as Tuesday.", "Tuesday", False, "His father could come to the U.S."),
    ("That is at the high end of the range Unisys gave a month ago.", "a month ago", False,
     "That is at the high end of the range Unisys gave"),
]


def test_cases_are_unique():
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("text, phrase, target, expected", CASES, ids=[c[3] for c in CASES])
def test_title(text, phrase, target, expected):
    (sentence,) = sentences(text)
    start = text.index(phrase)
    clause = next(c for c in clauses(text, sentence) if c.start <= start < c.end)
    assert title(text, clause, [(start, start + len(phrase))], target=target, sentence=sentence) == expected


def test_long_clause_is_cut_at_a_phrase_boundary():
    text = ("The committee approved a sweeping reform of the national pension system for public sector workers "
            "in all regions on Tuesday.")
    start = text.index("Tuesday")
    got = title(text, Segment(0, len(text)), [(start, start + 7)])
    assert len(got.split()) <= 12
    assert got.startswith("Committee approved a sweeping reform")
    assert not re.search(r"\b(of|the|for|in)$", got)


def test_similar_titles():
    assert similar("Summit held in Geneva", "Geneva summit held")
    assert not similar("Summit held in Geneva", "Bomb exploded in Nairobi")
    assert similar("Net income fell 22% to $5 million", "Net income fell 22% to $5 million, the company said")
    assert not similar("Net income fell 22% to $5 million", "Net income fell 8% to $5 million")


def test_currency_stays_at_the_start():
    text = "Or $13.44 a share was earned in the quarter."
    start = text.index("the quarter")
    assert title(text, Segment(0, len(text)), [(start, start + 11)]).startswith("$13.44 a share")


# (text, the date the event is placed by, expected title): a date right after "noun + participle" dates that
# reduced relative clause; other participles are main verbs.
PARTICIPLE_CASES = [
    ("The court was asked to suspend the temporary injunction issued Thursday.", "Thursday",
     "Temporary injunction issued"),
    ("The arrest announced Friday stemmed from an indictment.", "Friday", "Arrest announced"),
    ("The minister headed Tuesday to East Africa.", "Tuesday", "Minister headed to East Africa"),
    ("He was last seen Nov. 3 in Buffalo.", "Nov. 3", "He was last seen in Buffalo"),
    ("The agency ruled Wednesday that the boy must be returned.", "Wednesday", "Agency ruled that the boy must be returned"),
    ("Officials said Friday that exports fell 5% last month.", "Friday", "Officials say exports fell 5%"),
]


@pytest.mark.parametrize("text, phrase, expected", PARTICIPLE_CASES, ids=[c[2] for c in PARTICIPLE_CASES])
def test_a_date_after_a_participle(text, phrase, expected):
    (sentence,) = sentences(text)
    dates = [(text.index(p), text.index(p) + len(p)) for p in ("Thursday", "Friday", "Tuesday", "Nov. 3", "Wednesday",
                                                              "last month") if p in text]
    start = text.index(phrase)
    clause = next(c for c in clauses(text, sentence) if c.start <= start < c.end)
    assert title(text, clause, dates, sentence=sentence, anchor=start) == expected


@pytest.mark.parametrize("text, phrase, expected", [
    ("According to sources quoted by the Herald, Munero fled to Florida in June.", "June", "Munero fled to Florida"),
    ("``The struggle must not stop!'' said a message read on Wednesday.", "Wednesday", "Message: struggle must not stop"),
    ("Traders said that selling pressure wasn't enormous on Friday.", "Friday", "Selling pressure wasn't enormous"),
    ("His father demanded on Monday that the boy be returned to him.", "Monday",
     "His father demanded that the boy be returned to him"),
    ("Prosecutors issued their warning on Monday after one of the lawyers asked for a delay.", "Monday",
     "Prosecutors issued their warning"),
], ids=["according to", "quote with !", "wasn't", "subjunctive be", "one of"])
def test_more_frames_and_cuts(text, phrase, expected):
    (sentence,) = sentences(text)
    start = text.index(phrase)
    clause = next(c for c in clauses(text, sentence) if c.start <= start < c.end)
    assert title(text, clause, [(start, start + len(phrase))], sentence=sentence) == expected


@pytest.mark.parametrize("text, phrase, expected", [
    ("Net sales were $14 million in the third quarter, down from $21.4 million in 1988.", "1988",
     "Net sales were $21.4 million"),
    ("Net sales were $14 million in the third quarter, down from $21.4 million in 1988.", "the third quarter",
     "Net sales were $14 million"),
    ("Revenue rose to $5 million in the quarter from $4 million in 1988.", "1988",
     "Revenue rose to $5 million from $4 million"),
], ids=["compared figure", "the figure of its own date", "a change keeps its title"])
def test_a_date_after_a_compared_figure(text, phrase, expected):
    (sentence,) = sentences(text)
    dates = [(text.index(p), text.index(p) + len(p)) for p in ("the third quarter", "the quarter", "1988") if p in text]
    start = text.index(phrase)
    assert title(text, Segment(0, len(text)), dates, sentence=sentence, anchor=start) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("1952", "Alliance has expanded three times, adding Greece and Turkey"),
    ("1955", "Alliance has expanded three times, adding West Germany"),
    ("1982", "Alliance has expanded three times, adding Spain"),
])
def test_each_dated_item_of_a_list_has_its_own_title(phrase, expected):
    text = "The alliance has expanded three times, adding Greece and Turkey in 1952, West Germany in 1955 and Spain in 1982."
    (sentence,) = sentences(text)
    dates = [(text.index(p), text.index(p) + 4) for p in ("1952", "1955", "1982")]
    start = text.index(phrase)
    assert title(text, Segment(0, len(text)), dates, sentence=sentence, anchor=start) == expected


@pytest.mark.parametrize("text, phrase, expected", [
    ("The firm said its new strategy -- started in some markets last month -- will mean lower earnings in 1990.",
     "last month", "Its new strategy started in some markets"),
    ("The firm said its new strategy -- started in some markets last month -- will mean lower earnings in 1990.",
     "1990", "Its new strategy to mean lower earnings"),
    ("“We were betrayed,” said Patricia Hurt, the county prosecutor, who created the task force on Tuesday.",
     "Tuesday", "County prosecutor created the task force"),
    ("He was placed on the FBI's most wanted list, which began in 1950.", "1950", "FBI's most wanted list began"),
    ("The proceeds from the sale of the notes, which will be due on Nov. 1, 2004, will reduce debt.", "Nov. 1, 2004",
     "Notes to be due"),
], ids=["date in the aside", "date after the aside", "relative after an inverted frame", "adjective participle",
        "a noun that looks like a verb"])
def test_asides_and_relatives(text, phrase, expected):
    (sentence,) = sentences(text)
    dates = [(text.index(p), text.index(p) + len(p)) for p in ("last month", "1990", "Tuesday", "1950", "Nov. 1, 2004")
             if p in text]
    start = text.index(phrase)
    clause = min((c for c in clauses(text, sentence) if c.start <= start < c.end), key=lambda c: c.end - c.start)
    assert title(text, clause, dates, sentence=sentence, anchor=start) == expected


def test_a_participle_clause_takes_the_main_clause_subject():
    text = "After touring the capital on Thursday, the FBI chief also said the blasts were not linked."
    (sentence,) = sentences(text)
    start = text.index("Thursday")
    clause = next(c for c in clauses(text, sentence) if c.start <= start < c.end)
    assert title(text, clause, [(start, start + 8)], sentence=sentence, anchor=start) == "FBI chief touring the capital"


def test_a_list_in_a_participle_clause_takes_the_subject_before_it():
    text = "The alliance has expanded three times before, adding Greece and Turkey in 1952 and Spain in 1982."
    (sentence,) = sentences(text)
    dates = [(text.index(p), text.index(p) + 4) for p in ("1952", "1982")]
    start = text.index("1982")
    clause = next(c for c in clauses(text, sentence) if c.start <= start < c.end)
    assert title(text, clause, dates, sentence=sentence, anchor=start) == "Alliance adding Spain"


def test_a_date_whose_role_a_phrase_names_puts_the_role_first():
    import datetime as dt

    from timeline.api import build_timeline
    from timeline.model import Document

    text = "The increased dividend will be paid Dec. 14 to holders of record Nov. 15."
    doc = Document("div", text, dt.date(1989, 10, 26))
    events = {e.timex: e.title for e in build_timeline([doc], "test").events
              if e.kind.value == "scheduled"}
    assert events["1989-11-15"].startswith("Record date: ")
    assert not events["1989-12-14"].startswith("Record date")
    assert events["1989-11-15"] != events["1989-12-14"]


def test_a_bare_reporting_frame_takes_the_sentence_as_title():
    import datetime as dt

    from timeline.api import build_timeline
    from timeline.model import Document

    text = "A storm swept across the north on Tuesday night, cutting power to 1,000 homes, officials said on Wednesday."
    doc = Document("storm", text, dt.date(2024, 3, 13))
    titles = [e.title for e in build_timeline([doc], "test").events
              if e.timex == "2024-03-13" and e.kind.value == "occurrence"]
    assert len(titles) == 1 and titles[0].startswith("Officials say") and "storm swept" in titles[0], titles


def test_have_until_makes_a_deadline():
    import datetime as dt

    from timeline.api import build_timeline
    from timeline.model import Document

    text = "Insurers have until March 31 to file their estimates."
    doc = Document("ins", text, dt.date(2024, 3, 13))
    (deadline,) = [e for e in build_timeline([doc], "test").events if e.kind.value == "deadline"]
    assert deadline.timex == "2024-03-31" and deadline.title == "Insurers to file their estimates"
