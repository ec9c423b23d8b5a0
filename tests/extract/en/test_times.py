"""Times of day, parts of the day and named times."""
import datetime as dt

from ..helpers import DCT, assert_one, table

CASES = [
    ("The blast came at 3 p.m. EST.", DCT, ("3 p.m. EST", "2013-03-22T15:00"), "clock with zone"),
    ("Polls close at 2000 GMT.", DCT, ("2000 GMT", "2013-03-22T20:00"), "four digits and a zone: a time, no year"),
    ("It ended at about 10:35 a.m.", DCT, ("10:35 a.m.", "2013-03-22T10:35"), "hedge outside"),
    ("Talks resume at noon.", DCT, ("noon", "2013-03-22T12:00"), "noon"),
    ("He left Friday morning.", DCT, ("Friday morning", "2013-03-22TMO"), "weekday + part of day"),
    ("They met this morning.", DCT, ("this morning", "2013-03-22TMO"), "this morning"),
    ("They met last night.", DCT, ("last night", "2013-03-21TNI"), "last night"),
    ("Stocks fell overnight.", DCT, ("overnight", "2013-03-21TNI"), "overnight, no day in focus: last night"),
    ("Police will close the road overnight.", DCT, ("overnight", "2013-03-22TNI"),
     "overnight in a sentence about the future: tonight"),
    ("By mid afternoon, officials said the fighting was over.", DCT, ("mid afternoon", "2013-03-22TAF"),
     "a part of the day alone"),
    ("Dealers placed heavy orders in the morning.", DCT, ("the morning", "2013-03-22TMO"), "in the morning"),
    ("It closed at 10 p.m. Wednesday.", DCT, ("10 p.m. Wednesday", "2013-03-20T22:00"), "time + weekday"),
    ("By early afternoon, the crowd had grown.", DCT, ("early afternoon", "2013-03-22TAF"), "early + part of the day"),
    ("The offer runs until 12 noon EST.", DCT, ("12 noon", "2013-03-22T12:00"), "12 noon: one time"),
    ("The bomb went off at nine p.m. local time.", DCT, ("nine p.m.", "2013-03-22T21:00"), "an hour in words"),
    ("The talks stretched into the evening.", DCT, ("the evening", "2013-03-22TEV"), "into the evening"),
    ("The plane exploded at 9 a.m. on Sept. 11, 2001.", DCT, ("9 a.m. on Sept. 11, 2001", "2001-09-11T09:00"),
     "time + date with its year: the year is the date's, not the DCT's"),
    ("It hit at 8:46 a.m. on Tuesday, Sept. 11, 2001.", DCT,
     ("8:46 a.m. on Tuesday, Sept. 11, 2001", "2001-09-11T08:46"), "time + weekday, date and year"),
    ("The ship docked at 1945 hours.", DCT, ("1945 hours", "2013-03-22T19:45"), "military time: HHMM hours, no duration"),
    ("The convoy left at 0700 hours.", DCT, ("0700 hours", "2013-03-22T07:00"), "military time with a leading zero"),
    ("Fighting stopped at 1600 hrs on Tuesday.", DCT, ("1600 hrs on Tuesday", "2013-03-19T16:00"),
     "military time and weekday, no year 1600"),
    ("At 0500 on Tuesday, troops moved in.", DCT, ("0500 on Tuesday", "2013-03-19T05:00"),
     "four digits with a leading zero after 'at': a time"),
    ("Curfew starts by 2300 hours.", DCT, ("2300 hours", "2013-03-22T23:00"), "military time after 'by'"),
    ("They met at 9:45 Tuesday morning.", DCT, ("9:45 Tuesday morning", "2013-03-19T09:45"),
     "clock time without am/pm before a weekday and its part: that day, the part says am"),
    ("It began around 3 o'clock Thursday afternoon.", DCT, ("3 o'clock Thursday afternoon", "2013-03-21T15:00"),
     "o'clock before a weekday afternoon: pm"),
    ("The blast came at 10 o'clock Tuesday night.", DCT, ("10 o'clock Tuesday night", "2013-03-19T22:00"),
     "o'clock before a weekday night: pm"),
    ("They met at 7 o'clock on Monday evening.", DCT, ("7 o'clock on Monday evening", "2013-03-18T19:00"),
     "o'clock before 'on' a weekday evening"),
    ("We will meet at 2 o'clock this afternoon.", DCT, ("2 o'clock this afternoon", "2013-03-22T14:00"),
     "o'clock this afternoon"),
    ("The show starts at 9 tonight.", DCT, ("9 tonight", "2013-03-22T21:00"), "a bare hour after 'at' before tonight"),
    ("He arrived at 11 last night.", DCT, ("11 last night", "2013-03-21T23:00"), "a bare hour after 'at' before last night"),
    ("The talks ended at 2 o'clock Thursday night.", DCT, ("2 o'clock Thursday night", "2013-03-22T02:00"),
     "the small hours of a night are the next day's"),
    ("The bells rang at 12 o'clock at night.", DCT, ("12 o'clock at night", "2013-03-22T24:00"),
     "12 at night is midnight"),
    ("He arrived at half past six in the evening.", DCT, ("half past six in the evening", "2013-03-22T18:30"),
     "half past the hour in the evening"),
    ("It ended a quarter to midnight.", DCT, ("a quarter to midnight", "2013-03-22T23:45"),
     "a quarter to midnight is a time, not a quarter of a year"),
    ("They met at a quarter past 10.", DCT, ("a quarter past 10", "2013-03-22T10:15"), "a quarter past the hour"),
    ("It happened at 5 p.m. Tuesday evening.", DCT, ("5 p.m. Tuesday evening", "2013-03-19T17:00"),
     "am/pm time before a weekday and its part: one time on that day"),
    ("Kickoff is at 19.45 GMT.", DCT, ("19.45 GMT", "2013-03-22T19:45"), "a time with a dot and a zone"),
    ("The polls opened at 05.00 EDT.", DCT, ("05.00 EDT", "2013-03-22T05:00"), "a time with a dot, leading zero and zone"),
    ("The post is stamped 2013-03-12T15:45:00Z in the logs.", DCT, ("2013-03-12T15:45:00Z", "2013-03-12T15:45"),
     "an ISO timestamp is a time, not only a date"),
]


@table(CASES)
def test_times(text, dct, expected, note):
    assert_one(text, dct, expected, note)


def test_time_takes_the_day_next_to_it():
    from timeline.extract import tag

    mentions = tag("The blast occurred at 10:35 a.m. (0735 GMT) Tuesday.", DCT).mentions
    assert [(m.text, m.value) for m in mentions] == [("10:35 a.m.", "2013-03-19T10:35"), ("Tuesday", "2013-03-19")]
    # a zone's time in an aside is the same time again, and no year
    mentions = tag("Polls closed at 2 p.m. (1800 GMT) on Tuesday.", DCT).mentions
    assert [(m.text, m.value) for m in mentions] == [("2 p.m.", "2013-03-19T14:00"), ("Tuesday", "2013-03-19")]
    # an aside in parentheses does not count towards the gap between them
    mentions = tag("The truce began at 6 a.m. local time (0400 GMT) on Tuesday.", DCT).mentions
    assert [(m.text, m.value) for m in mentions] == [("6 a.m.", "2013-03-19T06:00"), ("Tuesday", "2013-03-19")]


def test_a_time_takes_the_day_of_the_other_end_of_its_range():
    from timeline.extract import tag

    mentions = tag("Polls are open from 7 a.m. to 8 p.m. Sunday.", DCT).mentions
    assert [(m.text, m.value) for m in mentions] == [("7 a.m.", "2013-03-17T07:00"), ("8 p.m. Sunday", "2013-03-17T20:00")]
    mentions = tag("The office is open between 2 p.m. and 4 p.m. on Tuesday.", DCT).mentions
    assert [m.value for m in mentions] == ["2013-03-19T14:00", "2013-03-19T16:00"]
    # two times in a list are no range: the first keeps its own day
    mentions = tag("The blast came at 3 p.m. and the fire at 4 p.m. Sunday.", DCT).mentions
    assert [m.value for m in mentions] == ["2013-03-22T15:00", "2013-03-17T16:00"]


def test_a_time_does_not_take_a_day_from_another_clause():
    from timeline.extract import tag

    got = [(m.text, m.value) for m in tag("Bush spoke at 8 p.m. He will campaign next Tuesday.", DCT).mentions]
    assert got[0] == ("8 p.m.", "2013-03-22T20:00"), "the time's own period ends its sentence"
    got = [(m.text, m.value) for m in tag("The exchange closed at 2 p.m. and will be shut tomorrow.", DCT).mentions]
    assert got[0] == ("2 p.m.", "2013-03-22T14:00"), "a tense cue between them: another clause"


def test_a_day_in_an_aside_is_the_other_zones():
    from timeline.extract import tag

    mentions = tag("The attack came at around 1:30 am (2230 GMT Monday).", DCT).mentions
    assert [(m.text, m.value) for m in mentions][0] == ("1:30 am", "2013-03-22T01:30")


def test_a_zone_makes_the_span_aware():
    import datetime as dt

    from timeline.extract import tag

    (m,) = tag("The blast came at 3 p.m. EST.", DCT).mentions
    assert m.span.start == dt.datetime(2013, 3, 22, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert m.span.tz == "EST"


def test_overnight_is_the_night_before_the_day_told_about():
    from timeline.extract import tag

    got = [(m.text, m.value) for m in tag("Shares closed lower Friday after overnight losses in New York, "
                                          "down 4% from the previous Friday.", dt.date(1989, 10, 30)).mentions]
    assert got == [("Friday", "1989-10-27"), ("overnight", "1989-10-26TNI"), ("the previous Friday", "1989-10-20")]


def test_a_part_of_the_day_alone_is_on_the_day_told_about():
    from timeline.extract import tag

    got = [(m.text, m.value) for m in tag("Tokyo stocks rose on Friday. Dealers placed heavy buy orders in the morning.",
                                          dt.date(1989, 10, 30)).mentions]
    assert got == [("Friday", "1989-10-27"), ("the morning", "1989-10-27TMO")]


def test_hours_counted_stay_a_length():
    from timeline.extract import tag

    for text, extent, value in [("He was sentenced to 1500 hours of community service.", "1500 hours", "PT1500H"),
                                ("She logged 2000 hours of flight time.", "2000 hours", "PT2000H"),
                                ("He worked about 2000 hours in all.", "2000 hours", "PT2000H"),
                                ("Talks broke down after 1500 hours of haggling.", "1500 hours", "PT1500H")]:
        assert [(m.text, m.value) for m in tag(text, DCT).mentions] == [(extent, value)], text


def test_a_time_takes_the_day_of_a_part_of_the_day_next_to_it():
    from timeline.extract import tag

    got = [(m.text, m.value) for m in tag("It happened at 10 p.m. last night.", DCT).mentions]
    assert got == [("10 p.m.", "2013-03-21T22:00"), ("last night", "2013-03-21TNI")]
    got = [(m.text, m.value) for m in tag("It happened at 9:30 a.m. yesterday morning.", DCT).mentions]
    assert got == [("9:30 a.m.", "2013-03-21T09:30"), ("yesterday morning", "2013-03-21TMO")]


def test_a_bare_number_is_no_clock_time():
    from timeline.extract import tag

    # a count before a day and its part, with no "at" ("scored 9 Tuesday night")
    got = [(m.text, m.value) for m in tag("He scored 9 Tuesday night.", DCT).mentions]
    assert got == [("Tuesday night", "2013-03-19TNI")]
    # "the quarter to 10 cents": a quarter of the year, no quarter to ten
    got = [(m.text, m.value) for m in tag("Profit rose in the quarter to 10 cents a share.", DCT).mentions]
    assert got == [("the quarter", "2012-Q4")]
