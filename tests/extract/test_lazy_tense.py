"""The tense around a mention is searched only when its operation reads it, and the memo of the
operations keeps one outcome per tense for those that read it; the memos are bounded."""
import dataclasses
import datetime as dt

from timeline.extract import refiners, rules, tag
from timeline.extract.resolve import READ_FOCUS, READ_PERIOD, READ_TENSE, Scope

DCT = dt.date(1998, 3, 4)  # a Wednesday


def test_the_tense_is_searched_only_for_an_operation_that_reads_it(monkeypatch):
    searched = []
    search = refiners._Tenses.of
    monkeypatch.setattr(refiners._Tenses, "of", lambda self, start, end: searched.append(start) or search(self, start, end))
    text = "It was announced on March 5, 1998 that talks will be held Friday."
    values = [(m.text, m.value) for m in tag(text, DCT).mentions]
    assert values == [("March 5, 1998", "1998-03-05"), ("Friday", "1998-03-06")]
    assert searched == [text.index("Friday")]  # a date with its year does not depend on tense


def test_no_search_where_the_tense_cannot_change_the_value(monkeypatch):
    searched = []
    search = refiners._Tenses.of
    monkeypatch.setattr(refiners._Tenses, "of", lambda self, start, end: searched.append(start) or search(self, start, end))
    refiners._OUTCOMES.clear()
    text = "Talks were held on March 2, will go on Wednesday and end on March 20."  # days near the DCT, its weekday
    values = [(m.text, m.value) for m in tag(text, DCT).mentions]
    assert values == [("March 2", "1998-03-02"), ("Wednesday", "1998-03-04"), ("March 20", "1998-03-20")]
    assert searched == []


def test_the_same_weekday_in_another_tense_is_not_taken_from_the_memo():
    refiners._OUTCOMES.clear()
    past = tag("Talks were held Friday.", DCT).mentions[0].value
    future = tag("Talks will be held Friday.", DCT).mentions[0].value
    assert (past, future) == ("1998-02-27", "1998-03-06")
    refiners._OUTCOMES.clear()
    assert tag("Talks will be held Friday.", DCT).mentions[0].value == future


def test_the_memos_are_bounded(monkeypatch):
    language = rules.load("en")
    monkeypatch.setattr(refiners, "_OUTCOMES_LIMIT", 2)
    monkeypatch.setattr(rules, "_LOOKUPS_LIMIT", 2)
    text = "On March 5, 1998, two weeks after Friday, talks began; 3 p.m. Monday, in 1999 and by May."
    expected = [(m.text, m.value) for m in tag(text, DCT).mentions]
    assert len(refiners._OUTCOMES) <= 2 and len(language._lookups) <= 2
    assert [(m.text, m.value) for m in tag(text, DCT).mentions] == expected


def test_the_operation_memo_keys_on_all_that_an_operation_can_read():
    # refiners._resolve keys on (rule, groups, dct) and on the values of what else of the Scope the
    # operation read (focus, period, tense: recorded in Scope.reads); lookup is the rule's language's. A new
    # Scope field that operations read must join that key (or record its reads).
    fields = {f.name for f in dataclasses.fields(Scope)}
    assert fields == {"dct", "lookup", "_focus", "_period", "pending_tense", "reads"}, (
        "Scope changed: add what operations read to the key in refiners._resolve")


def test_scope_records_what_is_read():
    scope = Scope(DCT, rules.load("en").lookup)
    scope.move_on(focus=(DCT, "D"), period=None)
    scope.tense = lambda: "past"
    assert scope.reads == 0
    assert scope.values_of(READ_FOCUS | READ_TENSE) == ((DCT, "D"), None, "past") and scope.reads == 0
    assert scope.focus == (DCT, "D") and scope.reads == READ_FOCUS
    assert scope.tense == "past" and scope.reads == READ_FOCUS | READ_TENSE
    assert scope.period is None and scope.reads == READ_FOCUS | READ_PERIOD | READ_TENSE


def test_an_operation_that_reads_no_focus_is_remembered_across_focuses(monkeypatch):
    calls = []
    operate = refiners._operate
    monkeypatch.setattr(refiners, "_operate", lambda rule, groups, scope: calls.append(rule.op) or operate(rule, groups, scope))
    refiners._OUTCOMES.clear()
    text = "In March 1997 talks took two weeks; in May 1997 they took two weeks again."
    values = [(m.text, m.value) for m in tag(text, DCT).mentions]
    assert values == [("March 1997", "1997-03"), ("two weeks", "P2W"), ("May 1997", "1997-05"), ("two weeks", "P2W")]
    assert calls.count("duration") == 1  # a length reads no focus: the second is the memo's


def test_an_operation_that_reads_the_focus_is_keyed_on_it():
    refiners._OUTCOMES.clear()
    text = "Talks began March 3, 1997, and ended the next day; a vote came May 9, 1997, and a recount the next day."
    values = [(m.text, m.value) for m in tag(text, DCT).mentions]
    assert ("the next day", "1997-03-04") in values and ("the next day", "1997-05-10") in values


def test_forget_memos_empties_them_and_changes_no_value():
    from timeline.extract import forget_memos

    text = "Talks were held Friday and will resume on March 20."
    expected = [(m.text, m.value) for m in tag(text, DCT).mentions]
    assert refiners._OUTCOMES and rules.load("en")._lookups
    forget_memos()
    assert not refiners._OUTCOMES and not refiners._SPANS and not rules.load("en")._lookups
    assert [(m.text, m.value) for m in tag(text, DCT).mentions] == expected
