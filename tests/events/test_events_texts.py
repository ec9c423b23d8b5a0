"""Short news texts of other shapes, tagged by hand: kinds, anaphora, places, deadlines, merging, ids."""
import datetime as dt

import pytest

from events_helpers import joined, mention, tagging
from timeline.events import events_from_taggings
from timeline.model import Document, EventKind

D = dt.date

NARRATIVE = ("LONDON, Oct. 5 (Reuters) -- A fire broke out at a warehouse in Croydon on 22 September 2023, "
             "officials said. Firefighters contained the blaze the next day. "
             "A week later, investigators found the cause of the fire.")
REPORT = ("The city council approved the new transit plan on 9/22/2023. Construction crews must finish the "
          "first line no later than June 2024. The annual jazz festival will run from May 3 to May 7 in "
          "Riverside Park. The council has been reviewing the budget since March.")
BRIEF = ("Officials unveiled the 2024 budget last Friday in Nairobi. Prices have risen for three years. "
         "The ministry will publish details in the future.")


def build(*docs_and_taggings, merge=True):
    docs = tuple(d for d, _ in docs_and_taggings)
    return events_from_taggings(docs, tuple(t for _, t in docs_and_taggings), "test", merge=merge)


def one(timeline, kind, **where):
    found = [e for e in timeline.events if e.kind == kind
             and all(getattr(e, k) == v for k, v in where.items())]
    assert len(found) == 1, [(e.kind, e.timex, e.title) for e in timeline.events]
    return found[0]


@pytest.fixture(scope="module")
def narrative():
    t = NARRATIVE
    # the tagger anchors "the next day" on the publication date; the events layer re-reads it in context
    return build((Document("narr", t, D(2023, 10, 5), "Warehouse fire cause found"),
                  tagging(mention(t, "Oct. 5", "2023-10-05"), mention(t, "22 September 2023", "2023-09-22"),
                          mention(t, "the next day", "2023-10-06"))))


def test_narrative_explicit_date_with_place(narrative):
    fire = one(narrative, EventKind.OCCURRENCE, timex="2023-09-22")
    assert fire.title == "Fire broke out at a warehouse in Croydon"
    assert fire.location == "Croydon"


def test_narrative_next_day_follows_the_date_in_focus(narrative):
    blaze = one(narrative, EventKind.OCCURRENCE, timex="2023-09-23")
    assert blaze.title == "Firefighters contained the blaze"
    assert blaze.location == "London"  # from the dateline
    assert blaze.mentions[0].value == "2023-09-23"


def test_narrative_week_later_is_found_without_a_tag(narrative):
    cause = one(narrative, EventKind.OCCURRENCE, timex="2023-09-30")
    assert cause.title == "Investigators found the cause of the fire"
    assert cause.mentions[0].text == "A week later"


def test_narrative_dateline_date_is_only_the_publication(narrative):
    assert [e.timex for e in narrative.events if e.span.first_day == D(2023, 10, 5)] == ["2023-10-05"]
    one(narrative, EventKind.PUBLICATION, title="Warehouse fire cause found")


def test_confidence_order(narrative):
    fire = one(narrative, EventKind.OCCURRENCE, timex="2023-09-22")
    blaze = one(narrative, EventKind.OCCURRENCE, timex="2023-09-23")
    assert 0 <= blaze.confidence < fire.confidence <= 1


@pytest.fixture(scope="module")
def report():
    t = REPORT
    return build((Document("rep", t, D(2023, 9, 25), "Council approves transit plan"),
                  tagging(mention(t, "9/22/2023", "2023-09-22"), mention(t, "June 2024", "2024-06"),
                          joined(mention(t, "May 3", "2024-05-03"), mention(t, "May 7", "2024-05-07")),
                          mention(t, "March", "2023-03"))))


def test_report_numeric_date(report):
    assert one(report, EventKind.OCCURRENCE).title == "City council approved the new transit plan"


def test_report_no_later_than_is_a_deadline_due_on_the_last_day(report):
    deadline = one(report, EventKind.DEADLINE)
    assert deadline.timex == "2024-06" and deadline.span.last_day == D(2024, 6, 30)
    assert "finish the first line" in deadline.title and not deadline.title.startswith("Target")  # no target noun


def test_report_range_is_one_scheduled_event(report):
    festival = one(report, EventKind.SCHEDULED)
    assert (festival.span.first_day, festival.span.last_day) == (D(2024, 5, 3), D(2024, 5, 7))
    assert festival.title == "Annual jazz festival to run in Riverside Park"
    assert festival.location == "Riverside Park"
    assert len(festival.mentions) == 2


def test_report_since_is_a_period_up_to_publication(report):
    period = one(report, EventKind.PERIOD)
    assert (period.span.first_day, period.span.last_day) == (D(2023, 3, 1), D(2023, 9, 25))


@pytest.fixture(scope="module")
def brief():
    t = BRIEF
    return build((Document("brief", t, D(2023, 9, 27)),
                  tagging(mention(t, "2024", "2024"), mention(t, "last Friday", "2023-09-22"),
                          mention(t, "three years", "P3Y"), mention(t, "the future", "FUTURE_REF"))))


def test_brief_weekday_event_keeps_modifier_year_in_title(brief):
    budget = one(brief, EventKind.OCCURRENCE)
    assert budget.timex == "2023-09-22" and budget.location == "Nairobi"
    assert budget.title == "Officials unveiled the 2024 budget in Nairobi"
    assert not [e for e in brief.events if e.timex == "2024"]  # "the 2024 budget" is a modifier


def test_brief_for_three_years_is_a_period(brief):
    period = one(brief, EventKind.PERIOD)
    assert (period.span.first_day, period.span.last_day) == (D(2020, 9, 28), D(2023, 9, 27))


def test_brief_future_ref_is_vague_and_untitled_publication_uses_first_sentence(brief):
    assert one(brief, EventKind.VAGUE).span is None
    assert one(brief, EventKind.PUBLICATION).title == "Officials unveiled the 2024 budget in Nairobi"


def test_confidence_orders_explicit_inferred_weekday_anaphora_vague(narrative, report, brief):
    explicit = one(narrative, EventKind.OCCURRENCE, timex="2023-09-22").confidence
    inferred = one(report, EventKind.SCHEDULED).confidence
    weekday = one(brief, EventKind.OCCURRENCE).confidence
    anaphora = one(narrative, EventKind.OCCURRENCE, timex="2023-09-23").confidence
    vague = one(brief, EventKind.VAGUE).confidence
    assert explicit > inferred > weekday > anaphora > vague


SUMMIT_A = "The summit was held in Geneva on 22 September 2023."
SUMMIT_B = "Delegates arrived on Thursday. The summit was held in Geneva on Friday, officials said."


def summit_docs():
    a = (Document("a", SUMMIT_A, D(2023, 9, 22), "Geneva summit"),
         tagging(mention(SUMMIT_A, "22 September 2023", "2023-09-22")))
    b = (Document("b", SUMMIT_B, D(2023, 9, 23), "Leaders meet in Geneva"),
         tagging(mention(SUMMIT_B, "Thursday", "2023-09-21"), mention(SUMMIT_B, "Friday", "2023-09-22")))
    return a, b


def test_same_event_in_two_documents_merges():
    timeline = build(*summit_docs())
    summit = one(timeline, EventKind.OCCURRENCE, timex="2023-09-22")
    assert summit.documents == ("a", "b")
    assert summit.title == "Summit held in Geneva"
    assert summit.confidence == 0.95  # the better-known date wins


def test_merge_false_keeps_reports_apart_with_distinct_ids():
    timeline = build(*summit_docs(), merge=False)
    summits = [e for e in timeline.events if e.title == "Summit held in Geneva"]
    assert len(summits) == 2 and len({e.id for e in summits}) == 2


def test_ids_are_stable_and_events_sorted():
    first, again = build(*summit_docs()), build(*reversed(summit_docs()))
    assert [e.id for e in first.events] == [e.id for e in again.events]
    keys = [(e.span.first_day, list(EventKind).index(e.kind), e.title) for e in first.events]
    assert keys == sorted(keys)


def test_unresolvable_anaphora_and_values_are_warned():
    t = "At the same time, prices rose. The fair opens on Christmas."
    timeline = build((Document("w", t, D(2023, 9, 22)),
                      tagging(mention(t, "Christmas", "XXXX-12-25"))))
    assert len(timeline.warnings) == 2
    assert any("At the same time" in w for w in timeline.warnings)
    assert any("XXXX-12-25" in w for w in timeline.warnings)


def test_the_day_before_a_happening_is_not_read_against_the_focus():
    t = "He was last seen on Nov. 3, the day before police issued a warrant."
    timeline = build((Document("d", t, D(1999, 5, 7)), tagging(mention(t, "Nov. 3", "1998-11-03"))))
    assert [e.timex for e in timeline.events if e.kind == EventKind.OCCURRENCE] == ["1998-11-03"]


def test_a_look_back_compares_without_moving_the_focus():
    t = ("Net income rose in the third quarter. A year earlier, the company had a loss. "
         "Revenue a year earlier was lower. Sales fell the following year.")
    timeline = build((Document("q", t, D(1989, 10, 25)),
                      tagging(mention(t, "the third quarter", "1989-Q3"))))
    values = sorted(e.timex for e in timeline.events if e.kind == EventKind.OCCURRENCE)
    assert values == ["1988-Q3", "1988-Q3", "1989-Q3", "1990"]


def test_a_tagged_look_back_does_not_move_the_focus_either():
    t = "Net income rose in the third quarter from the year-earlier quarter. A year earlier, sales fell."
    timeline = build((Document("q", t, D(1989, 10, 25)),
                      tagging(mention(t, "the third quarter", "1989-Q3"), mention(t, "year-earlier", "1988-Q3"))))
    assert one(timeline, EventKind.OCCURRENCE, title="Sales fell").timex == "1988-Q3"


def test_the_next_morning_is_the_day_after_the_focus():
    t = "He was arrested on March 3, 2000. He appeared in court the next morning."
    timeline = build((Document("m", t, D(2000, 3, 10)), tagging(mention(t, "March 3, 2000", "2000-03-03"))))
    court = one(timeline, EventKind.OCCURRENCE, timex="2000-03-04")
    assert court.title == "He appeared in court"


def test_the_same_happening_told_in_other_words_merges_across_documents():
    import datetime as dt

    from timeline.api import build_timeline

    a = Document("a", "The city council voted 7-2 on Wednesday to approve a plan for a stadium. A public hearing "
                      "on the plan will be held on May 15 at City Hall.", dt.date(2024, 5, 2))
    b = Document("b", "Council members approved the stadium plan on Wednesday by a 7-2 vote. Residents can speak "
                      "at a public hearing at City Hall on May 15.", dt.date(2024, 5, 3))
    events = [e for e in build_timeline([a, b], "t").events if e.kind != EventKind.PUBLICATION]
    vote = [e for e in events if e.timex == "2024-05-01"]
    hearing = [e for e in events if e.timex == "2024-05-15"]
    assert len(vote) == 1 and vote[0].documents == ("a", "b")  # "voted to approve" / "approved": stems match
    assert len(hearing) == 1 and hearing[0].documents == ("a", "b")  # same day, same place, two words shared


def test_an_announced_happening_and_its_report_merge_as_one_that_happened():
    import datetime as dt

    from timeline.api import build_timeline

    a = Document("a", "The summit will be held in Geneva on Sept. 22.", dt.date(2023, 9, 10))
    b = Document("b", "The summit was held in Geneva on Sept. 22.", dt.date(2023, 9, 23))
    (summit,) = [e for e in build_timeline([a, b], "t").events if e.timex == "2023-09-22"]
    assert summit.kind == EventKind.OCCURRENCE and summit.documents == ("a", "b")


@pytest.mark.parametrize("text", [
    "Prices fell 30% over the past three years.",
    "Over the past three years, prices fell 30%.",
    "In the last three years, prices fell 30%.",
])
def test_over_the_past_n_years_is_a_period_up_to_publication(text):
    import datetime as dt

    from timeline.api import build_timeline

    doc = Document("p", text, dt.date(2023, 10, 18))
    (period,) = [e for e in build_timeline([doc], "t").events if e.kind == EventKind.PERIOD]
    assert (period.span.first_day, period.span.last_day) == (dt.date(2020, 10, 19), dt.date(2023, 10, 18))


def test_the_first_months_of_a_year_are_one_period():
    import datetime as dt

    from timeline.api import build_timeline

    doc = Document("f", "In the first nine months of this year, 13,106 trips were made.", dt.date(2023, 10, 18))
    (period,) = [e for e in build_timeline([doc], "t").events if e.kind != EventKind.PUBLICATION]
    assert period.kind == EventKind.PERIOD
    assert (period.span.first_day, period.span.last_day) == (dt.date(2023, 1, 1), dt.date(2023, 9, 30))


@pytest.mark.parametrize("text, periods", [
    ("Prices fell for the first time since 2008.", 0),
    ("The company agreed to buy its rival in the industry's biggest deal since 2020.", 0),
    ("Prices have risen since 2019.", 1),
])
def test_since_after_a_superlative_measures_a_record_not_a_period(text, periods):
    import datetime as dt

    from timeline.api import build_timeline

    events = build_timeline([Document("s", text, dt.date(2024, 1, 8))], "t").events
    assert len([e for e in events if e.kind == EventKind.PERIOD]) == periods


def test_a_period_written_as_an_adjective_is_no_event_beside_the_date_of_what_happened():
    import datetime as dt

    from timeline.api import build_timeline

    doc = Document("q", "The company will report fourth-quarter results on Jan. 30.", dt.date(2024, 1, 8))
    (event,) = [e for e in build_timeline([doc], "t").events if e.kind != EventKind.PUBLICATION]
    assert event.timex == "2024-01-30" and event.title == "Company to report fourth-quarter results"
