"""Durations, exact and vague."""
import datetime as dt

from ..helpers import DCT, assert_one, table

CASES = [
    ("He served 19.5 years in prison.", DCT, ("19.5 years", "P19Y6M"), "a decimal count"),
    ("The strike ended a monthlong standoff.", DCT, ("monthlong", "P1M"), "unit + long in one word"),
    ("Fifty-five years passed.", DCT, ("Fifty-five years", "P55Y"), "tens and ones in words"),
    ("The strike lasted three days.", DCT, ("three days", "P3D"), "count + unit"),
    ("A three-day strike.", DCT, ("three-day", "P3D"), "adjective, no determiner"),
    ("Sales rose in the past five years.", DCT, ("the past five years", "P5Y"), "the past N units"),
    ("Sales for the nine months rose.", DCT, ("the nine months", "P9M"), "the nine months"),
    ("It took years.", DCT, ("years", "PXY"), "vague plural"),
    ("It took 2 1/2 years.", DCT, ("2 1/2 years", "P2Y6M"), "fraction"),
    ("It lasted a decade.", DCT, ("a decade", "P10Y"), "decade in years"),
    ("It lasted nearly two years.", DCT, ("nearly two years", "P2Y"), "inner hedge"),
    ("It lasted about two weeks.", DCT, ("two weeks", "P2W"), "outer hedge"),
    ("It lasted five hours.", DCT, ("five hours", "PT5H"), "clock unit"),
    ("Over the next few days it rained.", DCT, ("the next few days", "PXD"), "next few"),
    ("The call lasted a minute and a half.", DCT, ("a minute and a half", "PT1M30S"), "unit and a half"),
    ("The company has a year to decide.", DCT, ("a year", "P1Y"), "'has' is not a plural noun: a length"),
    ("Results took a month to arrive.", DCT, ("a month", "P1M"), "after a verb: a length"),
    ("The process takes a year to finish.", DCT, ("a year", "P1Y"), "after a verb in -s: still a length"),
    ("Net for the year-earlier nine months rose.", DCT, ("the year-earlier nine months", "P9M"),
     "year-earlier N months is one length"),
    ("Talks are expected to last three weeks.", DCT, ("three weeks", "P3W"), "'to last' is a verb, outside"),
    ("The strike could last months.", DCT, ("months", "PXM"), "'last' after a modal is a verb"),
    ("It won't last two days.", DCT, ("two days", "P2D"), "'last' after a negation is a verb"),
    ("Net rose in the last three months.", DCT, ("the last three months", "P3M"), "'the last' is the adjective"),
    ("A quarter of a century later, it reopened.", DCT, ("A quarter of a century", "P25Y"), "fraction of a unit"),
    ("Three quarters of an hour passed.", DCT, ("Three quarters of an hour", "PT45M"), "no zero hours: PT45M"),
    ("Losses came in two quarters of decline.", DCT, ("two quarters", "P6M"), "quarters 'of' a bare noun: a length"),
    ("The station was off the air for a fortnight.", DCT, ("a fortnight", "P2W"), "a fortnight is two weeks"),
    ("A 24-hr strike began.", DCT, ("24-hr", "PT24H"), "'hr' abbreviates hour"),
    ("It took 5 hrs to finish.", DCT, ("5 hrs", "PT5H"), "'hrs' abbreviates hours"),
    ("He served 3 yrs in prison.", DCT, ("3 yrs", "P3Y"), "'yrs' abbreviates years"),
    ("Wait 10 mins before leaving.", DCT, ("10 mins", "PT10M"), "'mins' abbreviates minutes"),
    ("It took half an hour.", DCT, ("half an hour", "PT30M"), "half an hour is 30 minutes"),
    ("It took half a day.", DCT, ("half a day", "PT12H"), "half a day is 12 hours"),
    ("It took two and a half years.", DCT, ("two and a half years", "P2Y6M"), "N and a half units"),
    ("It took two and a half weeks.", DCT, ("two and a half weeks", "P17DT12H"), "weeks and a part: in days"),
    ("It lasted half a century.", DCT, ("half a century", "P50Y"), "half a century is 50 years"),
    ("It took a half-hour.", DCT, ("a half-hour", "PT30M"), "a half-hour"),
    ("It took a half hour.", DCT, ("a half hour", "PT30M"), "a half hour"),
    ("Talks went on for hours.", DCT, ("hours", "PTXH"), "bare hours after 'for': a length"),
    ("The shares sold out within minutes.", DCT, ("minutes", "PTXM"), "bare minutes after 'within': a length"),
    ("Troops moved in the first hours of the war.", DCT, ("the first hours", "PTXH"), "as TimeBank tags it"),
    ("Jets struck in the early hours of Sunday.", DCT, ("Sunday", "2013-03-17"), "early hours of a day: no length"),
    ("Sales fell in the final months of 2023.", DCT, ("2023", "2023"), "final months of a year: no length"),
]


@table(CASES)
def test_durations(text, dct, expected, note):
    assert_one(text, dct, expected, note)


def test_outer_hedge_sets_the_mod():
    from timeline.extract import tag

    (m,) = tag("It lasted about two weeks.", DCT).mentions
    assert m.mod == "APPROX" and m.span is None


MODS = [
    ("It lasted over two years.", DCT, ("two years", "MORE_THAN"), "'over' before a bare length: more than"),
    ("It took over a decade.", DCT, ("a decade", "MORE_THAN"), "'over' before 'a': still an amount"),
    ("Prices rose over the past 20 years.", DCT, ("the past 20 years", None), "'over the past': during them"),
    ("It will grow over the next two years.", DCT, ("the next two years", None), "'over the next': during"),
    ("He was released after 27 years.", DCT, ("27 years", None), "'after' a length: no point to be after"),
    ("Prices doubled over a decade.", DCT, ("a decade", None), "'over' after a verb: during, not more than"),
    ("The jury deliberated over two days.", DCT, ("two days", None), "the same"),
    ("He has worked there for over eight years.", DCT, ("eight years", "MORE_THAN"), "'for over': more than"),
    ("It was his first title in over a decade.", DCT, ("a decade", "MORE_THAN"), "'in over': more than"),
]


@table(MODS)
def test_an_amount_hedge_applies_to_a_bare_length_only(text, dct, expected, note):
    from timeline.extract import tag

    found = [(m.text, m.mod) for m in tag(text, dct).mentions]
    assert found == [expected], note


def test_a_plural_unit_before_a_year_is_a_label_not_a_length():
    from timeline.extract import tag

    found = [(m.text, m.value) for m in tag("The report covers fiscal years 2020 through 2024.", DCT).mentions]
    assert found == [("2020", "2020"), ("2024", "2024")]


SHIFTS = [
    ("A fortnight ago, the talks failed.", DCT, ("A fortnight ago", "2013-W10"), "two weeks back, a week"),
    ("Half a century ago, the town was rich.", DCT, ("Half a century ago", "1963"), "50 years back, a year"),
    ("Two and a half years ago, it failed.", DCT, ("Two and a half years ago", "2010"), "30 months back"),
    ("They meet every fortnight.", DCT, ("every fortnight", "P2W"), "a set of two weeks"),
    ("The vote is a week from today.", dt.date(2025, 2, 5), ("a week from today", "2025-02-12"),
     "weeks from a day: a day"),
    ("The vote is a week from Friday.", dt.date(2025, 2, 5), ("a week from Friday", "2025-02-14"),
     "from the coming Friday"),
    ("The vote is a month from today.", dt.date(2025, 2, 5), ("a month from today", "2025-03"),
     "months from today keep the month"),
]


@table(SHIFTS)
def test_a_unit_worth_several_or_a_part_of_one_moves_by_its_length(text, dct, expected, note):
    assert_one(text, dct, expected, note)
