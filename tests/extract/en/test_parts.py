"""Quarters, halves and seasons."""
import datetime as dt

from ..helpers import DCT, assert_one, table

D89 = dt.date(1989, 10, 26)
D24 = dt.date(2024, 3, 14)  # a Thursday
CASES = [
    ("Profit rose in the third quarter.", D89, ("the third quarter", "1989-Q3"), "the Nth quarter"),
    ("Its third-quarter profit rose.", D89, ("third-quarter", "1989-Q3"), "adjective"),
    ("Profit rose in the latest quarter.", D89, ("the latest quarter", "1989-Q3"), "latest = last complete"),
    ("Profit rose in the first half.", D89, ("the first half", "1989-H1"), "half"),
    ("Sales rose in the fourth quarter of 1988.", D89, ("the fourth quarter of 1988", "1988-Q4"), "quarter of year"),
    ("Sales rose this summer.", D89, ("this summer", "1989-SU"), "this season"),
    ("Revenue rose in Q3 2023.", D89, ("Q3 2023", "2023-Q3"), "quarter code"),
    ("Revenue rose in H1 2024.", D89, ("H1 2024", "2024-H1"), "half code"),
    ("Losses will go on through the first two quarters of 1990.", D89, ("the first two quarters of 1990", "1990-H1"),
     "first two quarters of a year: its first half"),
    ("Prices fell in the winter of 1994.", D89, ("the winter of 1994", "1994-WI"), "winter of a stated year"),
    ("Prices fell in the winter of nineteen ninety-four.", D89, ("the winter of nineteen ninety-four", "1994-WI"),
     "season + spoken year"),
    ("It earned $5 in the year-ago third quarter.", D89, ("the year-ago third quarter", "1988-Q3"),
     "year-ago + Nth quarter is one quarter"),
    ("It lost money in the second half of its fiscal year.", D89, ("the second half", "1989-H2"),
     "'of' a fiscal year: still a half year"),
    ("It posted a loss for the third quarter of $226.3 million.", D89, ("the third quarter", "1989-Q3"),
     "'of' an amount: still a quarter"),
    ("Smith scored in the fourth quarter of Sunday's game.", D89, ("Sunday", "1989-10-22"),
     "a quarter 'of' a possessive's game is a part of that game"),
]


@table(CASES)
def test_parts(text, dct, expected, note):
    assert_one(text, dct, expected, note)


def test_the_quarter_ended_is_a_date_the_year_ended_a_length():
    from timeline.extract import tag

    got = [(m.text, m.type.value, m.value) for m in tag("It lost $5 for the quarter ended Sept. 30 and "
                                                        "$9 for the year ended June 30.", D89).mentions]
    assert got == [("the quarter", "DATE", "1989-Q3"), ("Sept. 30", "DATE", "1989-09-30"),
                   ("the year", "DURATION", "P1Y"), ("June 30", "DATE", "1989-06-30")]


def test_the_latest_period_of_a_report_is_the_quarter_it_reports():
    from timeline.extract import tag

    got = [(m.text, m.value) for m in tag("Net fell in the fiscal second quarter. Sales in the latest period rose.",
                                          D89).mentions]
    assert got == [("the fiscal second quarter", "1989-Q2"), ("the latest period", "1989-Q2")]
    # no quarter reported: the last one over
    assert [(m.text, m.value) for m in tag("Sales in the latest period rose.", D89).mentions] == [
        ("the latest period", "1989-Q3")]


def test_the_year_period_is_the_reported_quarter_that_year():
    from timeline.extract import tag

    text = "Sun earned $5 in the fiscal first quarter, up from $3 on Sept. 29. In the 1988 period, it earned $2."
    got = [(m.text, m.value) for m in tag(text, D89).mentions]
    assert got == [("the fiscal first quarter", "1989-Q1"), ("Sept. 29", "1989-09-29"), ("the 1988 period", "1988-Q1")]


PARTS_OF_NAMED_PERIODS = [
    ("Sales rose in the fourth quarter of last year.", DCT, [("the fourth quarter of last year", "2012-Q4")],
     "a quarter of last year"),
    ("Sales will rise in the first half of next year.", DCT, [("the first half of next year", "2014-H1")],
     "a half of next year"),
    ("Prices fell in the second half of March.", DCT, [("March", "2013-03")], "half of a month is no half year"),
    ("The fair is held in the last week of April.", DCT, [("the last week of April", "2013-04")],
     "the last week of a month is not last week: the month"),
    ("The Fed could cut rates in the second half of the year.", D24, [("the second half of the year", "2024-H2")],
     "a half of the year: one mention, this year's"),
    ("Sales rose in the last quarter of 2022.", D24, [("the last quarter of 2022", "2022-Q4")],
     "the last quarter of a year is its fourth"),
    ("Prices will rise in the latter half of 2025.", D24, [("the latter half of 2025", "2025-H2")],
     "the latter half of a year is its second"),
    ("Rent is due on the last day of the month.", D24, [("the last day of the month", "2024-03-31")],
     "the last day of the month, not yesterday"),
    ("It will happen in the first week of May.", D24, [("the first week of May", "2024-05")],
     "the first week of a month: the month (mod START)"),
    ("The law took effect on the first day of 2023.", D24, [("the first day of 2023", "2023-01-01")],
     "the first day of a year"),
    ("Sales were strong in the last month of last year.", D24, [("the last month of last year", "2023-12")],
     "the last month of a year"),
    ("He spent the last day at home.", D24, [("the last day", "2024-03-13")], "alone, the last day is the one before"),
]


WINTERS = [
    ("This winter has been mild.", dt.date(2024, 1, 9), [("This winter", "2024-WI")],
     "the winter under way in January: the one that began in December"),
    ("Last winter was cold.", dt.date(2024, 1, 9), [("Last winter", "2023-WI")], "told in January: the one before"),
    ("The program expanded this winter.", dt.date(2024, 3, 14), [("this winter", "2024-WI")],
     "told in March, no cue: the winter just over, nearer than the coming one"),
    ("Ski resorts hope for snow this winter.", dt.date(2024, 11, 14), [("this winter", "2025-WI")],
     "told in November, no cue: the coming winter"),
    ("Heating bills will rise this winter.", dt.date(2024, 3, 14), [("this winter", "2025-WI")],
     "the future tense: the coming winter"),
    ("Last winter brought floods.", dt.date(2024, 3, 14), [("Last winter", "2024-WI")],
     "told in March: the winter just over"),
    ("Next winter looks cold.", dt.date(2024, 12, 14), [("Next winter", "2026-WI")],
     "told in December: the one after the winter under way"),
]


@table(PARTS_OF_NAMED_PERIODS + WINTERS)
def test_parts_of_named_periods(text, dct, expected, note):
    from timeline.extract import tag

    assert [(m.text, m.value) for m in tag(text, dct).mentions] == expected, note


def test_first_and_last_weeks_keep_their_edge():
    from timeline.extract import tag

    got = [(m.text, m.value, m.mod) for m in tag("Exams fill the first week of May at most schools. Holidays fill the last "
                                                 "week of the year.", D24).mentions]
    assert got == [("the first week of May", "2024-05", "START"), ("the last week of the year", "2024", "END")]
