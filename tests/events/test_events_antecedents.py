"""A title never opens on a pronoun that names no one: "It"/"Its" take the organization, "He"/"She" the one
person the sentence or the two before name as a subject or speaker; unsure cases keep the pronoun."""
import pytest

from timeline.api import build_timeline
from timeline.events.sentences import clauses, sentences
from timeline.events.titles import title
from timeline.model import Document

# (text, the time phrase of the last sentence, expected title of that sentence's clause)
CASES = [
    ("Brightwater Tools Inc. posted a loss. It expects to hire 40 workers in May.", "May",
     "Brightwater Tools expects to hire 40 workers"),
    ("Kestrel Dairy Corp. said its profit fell 5% in March.", "March", "Kestrel Dairy's profit fell 5%"),
    ("Grid operator Voltana said it expected to restore power to most homes by Friday.", "Friday",
     "Voltana expected to restore power to most homes"),
    ("The Harbor Transit Agency met the unions. Its board approved new fares on Monday.", "Monday",
     "Harbor Transit Agency's board approved new fares"),
    ("The OSCE sent observers to the border. It will publish a report in June.", "June",
     "OSCE to publish a report"),
    ("Pinecrest Mills Ltd. sold a unit. The company said it will close a plant in May.", "May",
     "Pinecrest Mills to close a plant"),
    ("Foreign Minister Anna Varga arrived in Oslo. She met the prime minister on Tuesday.", "Tuesday",
     "Anna Varga met the prime minister"),
    ("Foreign Minister Anna Varga left. Varga flew home. She met the king on Tuesday.", "Tuesday",
     "Varga met the king"),
    ("Mr. Holm said he would resign in June.", "June", "Holm would resign"),
    ("President Li Wen toured the port. Li said he would return in May.", "May", "Li would return"),
    ("Mrs. Ferris praised the plan. He rejected it on Monday.", "Monday", "He rejected it"),
    ("Mayor Lena Ortiz met Governor Paul Reyes. He promised new funds on Tuesday.", "Tuesday",
     "He promised new funds"),
    ("Mr. Tanner greeted the boy. He left the hall on Friday.", "Friday", "He left the hall"),
    ("He left the city on Friday.", "Friday", "He left the city"),
    ("Orvik Shipping Co. lost a vessel. \"It will take us a year to recover,\" said the captain on Monday.", "Monday",
     "Captain: It will take us a year to recover"),
    ("Mr. Dahl spoke to reporters. \"He will return in May,\" he said.", "May", "He will return"),
    ("Acme Corp. opened a plant. It was the first plant built there in 1990.", "1990",
     "It was the first plant built there"),
    ("Acme Corp. signed the accord. The accord was approved. It takes effect in May.", "May", "It takes effect"),
    ("Norland Steel Corp. cut prices, and analysts said it would report a loss in June.", "June",
     "Norland Steel would report a loss"),
    ("Redfield, Ohio-based Corvan posted a loss. Its shares fell 4% on Friday.", "Friday", "Its shares fell 4%"),
]


def test_cases_are_unique():
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("text, phrase, expected", CASES, ids=[c[2] for c in CASES])
def test_leading_pronoun(text, phrase, expected):
    sentence = sentences(text)[-1]
    start = text.rindex(phrase)
    clause = next(c for c in clauses(text, sentence) if c.start <= start < c.end)
    assert title(text, clause, [(start, start + len(phrase))], sentence=sentence) == expected


def test_the_pipeline_names_the_company():
    import datetime as dt
    text = "Larchmont Paper Co. reported higher sales.\n\nIt will open a mill in Quebec next year."
    timeline = build_timeline([Document("d1", text, dt.date(2020, 3, 2))], "test")
    assert "Larchmont Paper to open a mill in Quebec" in [e.title for e in timeline.events]


def test_a_resolved_name_takes_the_headline_verbs():
    import datetime as dt

    from timeline.api import build_timeline
    from timeline.model import Document

    text = "Acme Corp. said on Monday that it will open a plant in Ohio in May."
    doc = Document("acme", text, dt.date(2024, 3, 13))
    titles = [e.title for e in build_timeline([doc], "test").events if e.timex == "2024-05"]
    assert titles == ["Acme to open a plant in Ohio"], titles
