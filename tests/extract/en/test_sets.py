"""Recurring times."""
from ..helpers import DCT, assert_one, table

CASES = [
    ("A car is stolen every 40 seconds.", DCT, ("every 40 seconds", "PT40S"), "every N seconds"),
    ("They meet every Monday.", DCT, ("every Monday", "XXXX-WXX-1"), "every weekday"),
    ("It is paid annually.", DCT, ("annually", "P1Y"), "adverb"),
    ("It is published daily.", DCT, ("daily", "P1D"), "daily"),
    ("They meet twice a week.", DCT, ("twice a week", "P1W"), "frequency"),
    ("They meet each month.", DCT, ("each month", "P1M"), "each unit"),
    ("They meet every other week.", DCT, ("every other week", "P2W"), "every other unit"),
    ("It will save $2 million a year.", DCT, ("a year", "P1Y"), "a rate after an amount is a SET, not a length"),
    ("It adds four flights a week.", DCT, ("a week", "P1W"), "a rate after a counted plural noun"),
    ("Guards stand there 24 hours a day.", DCT, ("a day", "P1D"), "24 hours a day: the rate"),
    ("It costs $3 a day to feed a child.", DCT, ("a day", "P1D"), "a rate before 'to' + verb"),
    ("Jobs grew by 358,000 a month.", DCT, ("a month", "P1M"), "a rate after a number"),
    ("Each spring, the river floods.", DCT, ("Each spring", "XXXX-SP"), "every season"),
    ("He visits his mother every weekend.", DCT, ("every weekend", "XXXX-WXX-WE"), "every weekend"),
    ("The shop is closed on weekends.", DCT, ("weekends", "XXXX-WXX-WE"), "on weekends"),
    ("The board meets the second Tuesday of each month.", DCT, ("the second Tuesday of each month", "XXXX-XX"),
     "the nth weekday of each month: a monthly set, no date"),
    ("We celebrate every Dec. 25.", DCT, ("every Dec. 25", "XXXX-12-25"), "every + a day of the year"),
    ("He runs every morning.", DCT, ("every morning", "XXXX-XX-XXTMO"), "every + a part of the day"),
    ("Guards patrol the fence each night.", DCT, ("each night", "XXXX-XX-XXTNI"), "each night"),
]


@table(CASES)
def test_sets(text, dct, expected, note):
    assert_one(text, dct, expected, note)


RATES_AFTER_A_PERCENTAGE = [
    ("The fund returned 8% a year.", DCT, ("a year", "SET", "P1Y"), "a rate after a percentage"),
    ("Prices rose 3 percent a month.", DCT, ("a month", "SET", "P1M"), "a rate after 'percent'"),
]


@table(RATES_AFTER_A_PERCENTAGE)
def test_a_rate_after_a_percentage_is_a_set_not_a_length(text, dct, expected, note):
    from timeline.extract import tag

    assert [(m.text, m.type.name, m.value) for m in tag(text, dct).mentions] == [expected], note


SHARED_PLURAL = [
    ("Flights leave on Monday and Tuesday nights.", DCT, [("Monday", "XXXX-WXX-1TNI"), ("Tuesday nights", "XXXX-WXX-2TNI")],
     "the first weekday shares the plural part of the day"),
    ("The shop opens Saturday or Sundays.", DCT, [("Saturday", "XXXX-WXX-6"), ("Sundays", "XXXX-WXX-7")],
     "the first weekday shares the plural weekday"),
    ("They met Monday and Tuesday night.", DCT, [("Monday", "2013-03-18"), ("Tuesday night", "2013-03-19TNI")],
     "no plural: two days, no set"),
]


@table(SHARED_PLURAL)
def test_shared_plural(text, dct, expected, note):
    from timeline.extract import tag

    assert [(m.text, m.value) for m in tag(text, dct).mentions] == expected, note


MORE_SETS = [
    ("Meetings are held every two weeks.", DCT, [("every two weeks", "P2W")], "every + a count: a set, not a length"),
    ("The magazine is published biweekly.", DCT, [("biweekly", "P2W")], "biweekly"),
    ("The reserve will be adjusted quarterly.", DCT, [("quarterly", "P3M")], "quarterly as an adverb"),
    ("The company raised its quarterly dividend.", DCT, [], "quarterly after a possessive names a payment"),
]


@table(MORE_SETS)
def test_more_sets(text, dct, expected, note):
    from timeline.extract import tag

    assert [(m.text, m.value) for m in tag(text, dct).mentions] == expected, note
