"""Sentence and clause splitting keeps offsets and knows abbreviations, quotes and datelines."""
import pytest

from timeline.events.sentences import clauses, dateline, sentences

CASES = [
    ("Mr. Smith left on Sept. 3. He came back.", ["Mr. Smith left on Sept. 3.", "He came back."], "abbreviations"),
    ("Troops left the U.S. base in May. Talks resumed.", ["Troops left the U.S. base in May.", "Talks resumed."], "U.S."),
    ("He said: ``It was a bomb.'' Then he left.", ["He said: ``It was a bomb.''", "Then he left."], "closing quotes"),
    ("NAIROBI, Kenya (AP) _\n\nBombs exploded Friday.", ["NAIROBI, Kenya (AP) _", "Bombs exploded Friday."], "dateline line"),
    ("BEIJING, Sept. 22 (Xinhua) -- China launched a probe. It flew.",
     ["BEIJING, Sept. 22 (Xinhua) --", "China launched a probe.", "It flew."], "inline dateline"),
    ("First paragraph without a stop\n\nSecond one.", ["First paragraph without a stop", "Second one."], "blank line"),
    ("Prices rose 3.5 percent. Stocks fell.", ["Prices rose 3.5 percent.", "Stocks fell."], "decimal"),
    ("''He will leave,'' Castro said. ''And I will be there.''",
     ["''He will leave,'' Castro said.", "''And I will be there.''"], "quote opened with two apostrophes"),
]


def test_cases_are_unique():
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("text, expected, note", CASES, ids=[c[2] for c in CASES])
def test_sentences(text, expected, note):
    assert [text[s.start:s.end] for s in sentences(text)] == expected


def test_clauses_split_at_openers_and_participles():
    text = "The fair was held in May, with a report released, mapping out a plan by 2030."
    (sentence,) = sentences(text)
    assert [text[c.start:c.end].strip(" ,.") for c in clauses(text, sentence)] == [
        "The fair was held in May", "with a report released", "mapping out a plan by 2030"]


def test_verbless_pieces_join_a_neighbour():
    text = "On Friday, officials in Paris, London and Rome said the talks ended."
    (sentence,) = sentences(text)
    assert len(clauses(text, sentence)) == 1


def test_relative_clause_nests_inside_its_main_clause():
    text = "The city, which has grown in recent years, was put on the map."
    (sentence,) = sentences(text)
    spans = [text[c.start:c.end] for c in clauses(text, sentence)]
    assert "which has grown in recent years, " in spans
    assert any(s.startswith("The city") and s.endswith("map.") for s in spans)


def test_dateline_needs_an_agency():
    assert dateline("BEIJING, Sept. 22 (Xinhua) -- x")
    assert dateline("The talks (in Paris) ended") is None


def test_a_verb_after_a_relative_clause_closes_it():
    text = "His stepmother, who married his father in 1990, said Thursday from her home that he left."
    (sentence,) = sentences(text)
    at = text.index("Thursday")
    holding = min((c for c in clauses(text, sentence) if c.start <= at < c.end), key=lambda c: c.end - c.start)
    assert text[holding.start:holding.end].startswith("His stepmother")


def test_a_when_clause_is_a_clause_without_a_comma():
    text = "He had not signed an agreement when the case is heard in May."
    (sentence,) = sentences(text)
    assert [text[c.start:c.end].strip(" .") for c in clauses(text, sentence)] == [
        "He had not signed an agreement", "when the case is heard in May"]


def test_thousands_separators_stay_in_one_number():
    from timeline.events.sentences import tokenize

    text = "About 10,000 employees left on Dec. 1, 2004, taking 1,200.5 tons."
    assert [t.text for t in tokenize(text)][1:3] == ["10,000", "employees"]
    assert "1,200.5" in [t.text for t in tokenize(text)] and "2004" in [t.text for t in tokenize(text)]


@pytest.mark.parametrize("text, clause_text", [
    ("The relatives have cared for him since he was rescued off the coast in late November.",
     "since he was rescued off the coast in late November."),
    ("The shop closed after they lost the lease in May.", "after they lost the lease in May."),
])
def test_a_preposition_before_a_subject_pronoun_opens_a_clause(text, clause_text):
    (sentence,) = sentences(text)
    assert clause_text in [text[c.start:c.end] for c in clauses(text, sentence)]


def test_a_preposition_before_a_noun_opens_no_clause():
    text = "He has lived there since 2015 and worked after hours in May."
    (sentence,) = sentences(text)
    assert [text[c.start:c.end] for c in clauses(text, sentence)] == [text]


def test_a_preposition_before_a_subject_and_its_verb_opens_a_clause():
    text = "Drivers will walk out on Thursday after talks with rail operators broke down on Monday."
    (sentence,) = sentences(text)
    assert "after talks with rail operators broke down on Monday." in [text[c.start:c.end] for c in clauses(text, sentence)]


@pytest.mark.parametrize("text", [
    "He was last seen the day before authorities issued a warrant.",
    "The boy was placed in his care after being found at sea in November.",
    "The city grew after the war and rebuilt its port in 1950.",
])
def test_a_time_phrase_or_a_phrase_without_subject_opens_no_clause(text):
    (sentence,) = sentences(text)
    assert [text[c.start:c.end] for c in clauses(text, sentence)] == [text]
