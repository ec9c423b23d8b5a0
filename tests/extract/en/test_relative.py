"""Dates relative to the DCT and to the date in focus, weekdays by tense."""
import datetime as dt

import pytest

from timeline.extract import tag

from ..helpers import DCT, table

CASES = [
    ("Officials said Friday.", DCT, ("Friday", "2013-03-22"), "weekday on the DCT"),
    ("The minister said Tuesday.", DCT, ("Tuesday", "2013-03-19"), "said + weekday = last one"),
    ("The board will meet Monday.", DCT, ("Monday", "2013-03-25"), "will + weekday = next one"),
    ("The group might arrive as early as Tuesday.", DCT, ("Tuesday", "2013-03-26"), "as early as = future"),
    ("Prices fell yesterday.", DCT, ("yesterday", "2013-03-21"), "yesterday"),
    ("Prices fall today.", DCT, ("today", "2013-03-22"), "today"),
    ("Prices may fall tomorrow.", DCT, ("tomorrow", "2013-03-23"), "tomorrow"),
    ("Sales dropped last week.", DCT, ("last week", "2013-W11"), "last week"),
    ("LAST WEEK, SALES DROPPED.", DCT, ("LAST WEEK", "2013-W11"), "all capitals is no title"),
    ("Sales dropped this month.", DCT, ("this month", "2013-03"), "this month"),
    ("It had sales of $6 billion in the latest fiscal year.", DCT, ("the latest fiscal year", "2012"),
     "the latest year: the last one complete"),
    ("Sales may rise next year.", DCT, ("next year", "2014"), "next year"),
    ("It started two years ago.", DCT, ("two years ago", "2011"), "ago"),
    ("Sales rose earlier this month.", DCT, ("earlier this month", "2013-03"), "earlier this month"),
    ("Sales will rise early next year.", DCT, ("early next year", "2014"), "early next year"),
    ("Profit rose from a year earlier.", DCT, ("a year earlier", "2012"), "a year earlier, no quarter in focus"),
    ("They met on March 3. The next day they signed.", DCT, ("The next day", "2013-03-04"), "anaphoric"),
    ("It was over the weekend.", DCT, ("the weekend", "2013-W11-WE"), "weekend told on a weekday: the one past"),
    ("It fell last fall.", DCT, ("last fall", "2012-FA"), "last season"),
    ("Qantas plans more flights by August.", DCT, ("August", "2013-08"), "by + month: a target ahead"),
    ("The deal should close by Wednesday.", DCT, ("Wednesday", "2013-03-27"), "by + weekday: a target ahead"),
    ("Ten members had filed reports by Wednesday.", DCT, ("Wednesday", "2013-03-20"), "a past cue wins over by"),
    ("Prices have risen since May.", DCT, ("May", "2012-05"), "since + month: behind"),
    ("The relatives have until Tuesday to sign.", DCT, ("Tuesday", "2013-03-26"), "until + weekday: ahead"),
    ("Dealers are squaring positions ahead of Tuesday's vote.", DCT, ("Tuesday", "2013-03-26"),
     "ahead of + weekday: ahead"),
    ("He said the father would be traveling to the United States Thursday.", DCT, ("Thursday", "2013-03-28"),
     "would: the future of a reported past"),
    ("Protesters were planning to drive to the airport on Monday.", DCT, ("Monday", "2013-03-25"),
     "planning to, like plans to"),
    ("The vote will be held Tuesday.", DCT, ("Tuesday", "2013-03-26"), "will be + participle: future"),
    ("The dividend will have been paid by Tuesday.", DCT, ("Tuesday", "2013-03-26"), "will have been + participle"),
    ("Opposition groups have planned a rally on Saturday.", DCT, ("Saturday", "2013-03-23"),
     "have planned: scheduled ahead"),
    ("Protests are planned on Saturday in the capital.", DCT, ("Saturday", "2013-03-23"), "are planned: ahead"),
    ("Farmers planned a large march in the capital on Saturday.", DCT, ("Saturday", "2013-03-23"),
     "planned a + event: ahead"),
    ("The ministry plans to announce the new tariffs for all domestic flights On Tuesday.", DCT,
     ("Tuesday", "2013-03-26"), "no cue near: a future cue further back in the sentence holds"),
    ("The two envoys meet separately Monday with the rebel leaders.", DCT, ("Monday", "2013-03-25"),
     "present tense of a schedule verb: ahead"),
    ("The trial begins Monday.", DCT, ("Monday", "2013-03-25"), "begins: ahead"),
    ("The leaders did not meet Monday.", DCT, ("Monday", "2013-03-18"), "a bare form after did stays past"),
    ("They did not plan to leave Monday.", DCT, ("Monday", "2013-03-25"), "did not plan to: still a plan ahead"),
    ("The truce, which had been due to expire Thursday evening, was extended.", DCT,
     ("Thursday evening", "2013-03-21TEV"), "had been due: past perfect, the last one"),
    ("The winner will be named at a ceremony held Tuesday.", DCT, ("Tuesday", "2013-03-26"),
     "a past form a few words after a passive future is a participle"),
    ("The winner will be named at a ceremony, he said Tuesday.", DCT, ("Tuesday", "2013-03-19"),
     "said is no participle"),
    ("Shares fell ahead of Tuesday's vote.", DCT, ("Tuesday", "2013-03-26"), "ahead of wins over a past cue"),
    ("He stayed in office until Tuesday, officials said.", DCT, ("Tuesday", "2013-03-19"),
     "until after a past cue stays past"),
    ("The hearing was adjourned until Tuesday.", DCT, ("Tuesday", "2013-03-26"), "a deferral until: ahead"),
    ("Until Thursday, they had not called him a suspect.", DCT, ("Thursday", "2013-03-21"),
     "a sentence-initial until gives way to a past cue"),
    ("Exiles will now ``proceed with all their resources to impede or delay'' the ruling, Cuba predicted "
     "Wednesday.", DCT, ("Wednesday", "2013-03-20"),
     "a regular past form right before the weekday wins over a future cue outside the window"),
    ("Exiles will now ``proceed with all their resources to impede or delay'' the ruling, the lawyers needed "
     "Tuesday.", DCT, ("Tuesday", "2013-03-19"), "needed is a past form too"),
    ("Exiles will now ``proceed with all their resources to impede or delay'' the ruling, the lawyers will "
     "proceed Tuesday.", DCT, ("Tuesday", "2013-03-26"), "proceed is no past form"),
    ("The team will play at 7 p.m. local time on Saturday.", DCT, ("Saturday", "2013-03-23"),
     "a.m./p.m. before a lower-case word ends no sentence: the future cue still holds"),
    ("The launch is set for 9:30 a.m. EDT (1330 GMT) on Friday.", DCT, ("Friday", "2013-03-22"),
     "nor before a zone in capitals"),
    ("The festival takes place from June 28 to July 7.", DCT, ("July 7", "2013-07-07"),
     "a present schedule verb: this year's summer, months ahead"),
    ("The offer expires June 30.", DCT, ("June 30", "2013-06-30"), "expires: a date ahead"),
    ("Schools will remain closed until Monday, officials said.", DCT, ("Monday", "2013-03-25"),
     "a past form after 'will remain' is an adjective, not a past cue"),
    ("The law, passed in 2011, takes effect on July 1.", DCT, ("July 1", "2013-07-01"), "takes effect: ahead"),
    ("The law took effect on July 1.", DCT, ("July 1", "2012-07-01"), "took effect: behind"),
    ("The court hears the case on Monday.", DCT, ("Monday", "2013-03-25"), "a present schedule verb: ahead"),
    ("The minister will visit the worst-hit areas on Thursday, his office said.", DCT, ("Thursday", "2013-03-28"),
     "a cue glued to a hyphen is part of a compound adjective ('worst-hit'), no past verb"),
    ("The union rejected the offer three days earlier than expected.", DCT, ("three days", "P3D"),
     "'earlier than' compares with a plan: a length, no date"),
    ("It happened the day before yesterday.", DCT, ("the day before yesterday", "2013-03-20"), "two days back"),
    ("The shop opens the day after tomorrow.", DCT, ("the day after tomorrow", "2013-03-24"), "two days ahead"),
    ("In November, after the twenty-fifth anniversary of the Roe vs. Wade Supreme Court decision on abortion, "
     "a bombing at a clinic in Birmingham, Ala., killed a guard.", DCT, ("November", "2012-11"),
     "a fronted month takes the tense of its clause, even far on; vs. ends no sentence"),
    ("The storm is forecast to make landfall late Thursday.", DCT, ("late Thursday", "2013-03-28"),
     "'is forecast' is a future cue (mod END)"),
    ("The vote is likely to take place Monday.", DCT, ("Monday", "2013-03-25"), "'is likely to': future"),
    ("They'll decide Tuesday.", DCT, ("Tuesday", "2013-03-26"), "'ll glued to its word is a future cue"),
    ("They’ll decide Wednesday.", DCT, ("Wednesday", "2013-03-27"), "so is ’ll with a curly apostrophe"),
    ("The strike lasted until Tuesday.", DCT, ("Tuesday", "2013-03-19"), "'lasted' is past: 'until' does not point ahead"),
    ("The hearing is Monday.", DCT, ("Monday", "2013-03-25"), "a present copula right before: arranged, ahead"),
    ("The deadline is Aug. 1.", DCT, ("Aug. 1", "2013-08-01"), "the same before a day of the month"),
    ("The hearing was Monday.", DCT, ("Monday", "2013-03-18"), "a past copula: behind"),
    ("Negotiators are meeting with the unions Monday.", DCT, ("Monday", "2013-03-25"),
     "a present progressive a few words before: arranged, ahead"),
    ("The group is meeting officials who arrived Tuesday.", DCT, ("Tuesday", "2013-03-19"),
     "a past cue nearer than the progressive wins"),
    ("The company said the hearing is on Monday.", DCT, ("Monday", "2013-03-25"),
     "the copula right before is nearer than 'said'"),
    ("Rates might rise in September.", DCT, ("September", "2013-09"), "might: ahead"),
    ("The project should be finished in October.", DCT, ("October", "2013-10"), "should: ahead"),
    ("Voters go to the polls on Tuesday.", DCT, ("Tuesday", "2013-03-26"), "go to the polls: ahead"),
    ("Officials warned Wednesday that they should expect little help.", DCT, ("Wednesday", "2013-03-20"),
     "a regular past right before outweighs a future cue in the clause after"),
    ("The decline is being attributed to a fourth-quarter report.", DCT, ("fourth-quarter", "2012-Q4"),
     "'is being' + participle is a passive, no arrangement"),
    ("Markets are closed on Monday for the holiday.", DCT, ("Monday", "2013-03-25"),
     "a present passive or adjective before: arranged, ahead"),
    ("The store was closed on Monday.", DCT, ("Monday", "2013-03-18"), "the same in the past: behind"),
    ("The governor ordered a shutdown of offices, starting Monday.", DCT, ("Monday", "2013-03-25"),
     "starting + a day: from a day ahead"),
    ("Tickets go on sale at 10 a.m. Saturday.", DCT, ("10 a.m. Saturday", "2013-03-23T10:00"), "go on sale: ahead"),
    ("He said he would return to Washington on Wednesday, earlier than planned.", DCT,
     ("Wednesday", "2013-03-27"), "'earlier than' compares: no past cue after the weekday"),
    ("He will be found floating in an inner-tube off the Florida coast on Thanksgiving Day.", DCT,
     ("Thanksgiving Day", "2013-11-28"), "a past form after 'will be' just before the window is a future passive"),
    ("The attack began early Tuesday.", DCT, ("early Tuesday", "2013-03-19"),
     "early/late before a weekday is part of the expression, as before a month (mod START)"),
]

IN_FOCUS = [
    ("The bomb exploded on June 8, 2022. The day before, police had a warning.", ("The day before", "2022-06-07"),
     "a unit before the date in focus, no event after it"),
    ("Sales rose in 2019. The year before, they had fallen.", ("The year before", "2018"), "the year before"),
    ("Sales rose 5% in 2019, after falling 3% the prior year.", ("the prior year", "2018"), "prior = previous"),
    ("The bomb exploded on Wednesday, June 8, 2022. That weekend, thousands marched.",
     ("That weekend", "2022-W23-WE"), "that weekend: the weekend of the week in focus"),
    ("The ship sank on Jan. 9, 2019. By the following January, it was raised.", ("the following January", "2020-01"),
     "the following + month: after the date in focus"),
    ("Rebels attacked on Friday, March 1, 2024. Earlier in the day, a convoy left.", ("Earlier in the day", "2024-03-01"),
     "earlier in the day: the day in focus"),
    ("Germany was reunified in October 1990. That August, Iraq had invaded.", ("That August", "1990-08"),
     "that + month: the year in focus"),
    ("The Blizzard of 1993 dropped 43 inches in March of that year.", ("March of that year", "1993-03"),
     "month of that year: the year in focus"),
    ("They met in 1998. Two years later they married. By the following spring, they had a child.",
     ("the following spring", "2001-SP"), "the following + season: after the year in focus"),
    ("Ferguson, who turns 70 on Dec. 31, spoke.", ("Dec. 31", "2024-12-31"), "turns: ahead"),
    ("City, who play Fulham on Monday, trained.", ("Monday", "2024-03-18"), "a plural schedule verb (play, face, host): ahead"),
]


@pytest.mark.parametrize(("text", "expected", "note"), IN_FOCUS)
def test_relative_to_the_date_in_focus(text, expected, note):
    last = tag(text, dt.date(2024, 3, 14)).mentions[-1]
    assert (last.text, last.value) == expected, note


def test_this_week_told_on_a_sunday():
    sunday = dt.date(2001, 9, 30)
    assert [m.value for m in tag("They will meet in Brussels later this week.", sunday).mentions] == ["2001-W40"], \
        "later this week, told on the last day of an ISO week: the week ahead"
    assert [m.value for m in tag("Markets fell earlier this week.", sunday).mentions] == ["2001-W39"]
    assert [m.value for m in tag("The talks continued until this week.", sunday).mentions] == ["2001-W39"], \
        "'until' is a preposition, no future"


def test_a_cue_is_a_whole_word_at_the_windows_edge():
    text = "Gonzalez's lawyer asked for a visa Thursday for his client for the expected visit, but was told no."
    # "expected" crosses the end of the 30 characters searched after the weekday: it is no "expect"
    assert [m.value for m in tag(text, dt.date(2026, 11, 25)).mentions] == ["2026-11-19"]


def test_vague_hours_later_fall_on_the_day_in_focus():
    got = [m.value for m in tag("The storm made landfall at 6:10 a.m. Monday. It struck a few hours later.",
                                dt.date(2005, 8, 31)).mentions]
    assert got == ["2005-08-29T06:10", "2005-08-29"]


def test_a_unit_or_two_is_a_length():
    (m,) = tag("A decision is expected within the next day or two.", DCT).mentions
    assert (m.text, m.type.value, m.value) == ("the next day or two", "DURATION", "PXD")


def test_end_after_a_modal_is_the_verb():
    (m,) = tag("The deal will end June 30.", DCT).mentions
    assert (m.text, m.mod) == ("June 30", None)


def test_may_ends_a_sentence():
    got = [(m.text, m.value) for m in tag("The law took effect in May. It will be reviewed in June.", DCT).mentions]
    assert got == [("May", "2012-05"), ("June", "2013-06")], "'May.' is a word, no abbreviation: its tense stays its own"


def test_the_year_before_a_figure_last_year():
    text = "Revenues dropped to $300 million last year, down from $450 million the year before."
    assert [m.value for m in tag(text, dt.date(1998, 9, 7)).mentions] == ["1997", "1996"]


def test_a_unit_before_an_event_is_left_alone():
    assert tag("He was arrested on the day before the election.", dt.date(2024, 3, 14)).mentions == ()
    (m,) = tag("It was hot the year before last.", dt.date(2024, 3, 14)).mentions
    assert (m.text, m.value) == ("the year before last", "2022")


@table(CASES)
def test_relative(text, dct, expected, note):

    mentions = tag(text, dct).mentions
    assert (mentions[-1].text, mentions[-1].value) == expected, note


def test_were_planning_to_after_a_date_is_no_past_cue():

    text = "Farmers planned a large march in the capital on Saturday and were planning to block roads on Monday."
    assert [(m.text, m.value) for m in tag(text, DCT).mentions] == [("Saturday", "2013-03-23"),
                                                                    ("Monday", "2013-03-25")]


def test_quarter_in_focus_keeps_its_granularity():

    mentions = tag("Third-quarter profit rose 5% from a year earlier.", dt.date(1989, 10, 26)).mentions
    assert [(m.text, m.value) for m in mentions] == [("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


D89 = dt.date(1989, 10, 26)
COMPARISONS = [
    ("Third-quarter net rose to $5 from $4 a year earlier.", ("a year earlier", "1988-Q3"),
     "a reported quarter: the same quarter a year before"),
    ("Third-quarter net rose. For the nine months, net was $9, up from $7 a year earlier.",
     ("a year earlier", "1988"), "after 'the nine months' the comparison is with that span: a year"),
    ("Third-quarter net rose. For the three months, sales rose to $5 from $4 a year earlier.",
     ("a year earlier", "1988-Q3"), "the three months are the quarter"),
    ("Third-quarter net fell. Analysts see losses through the third quarter of 1990. "
     "Sales fell to $1 from $2 a year ago.", ("a year ago", "1988-Q3"),
     "a future quarter is no report to compare with"),
    ("The company reported higher fourth-quarter earnings of $5, compared with $4 a year earlier.",
     ("a year earlier", "1988-Q4"), "a fiscal quarter told in the past tense is a report"),
    ("Net fell in the quarter ended Sept. 30, from $4 a year earlier.", ("a year earlier", "1988-Q3"),
     "the day a quarter ended does not change the period compared"),
    ("Net fell in the third quarter, from $4 for the corresponding period last year.",
     ("the corresponding period last year", "1988-Q3"), "the corresponding period last year"),
    ("Net fell in the third quarter. Sales for last year's quarter were $3.", ("last year's quarter", "1988-Q3"),
     "last year's quarter"),
    ("Net fell in the third quarter. For the quarter a year ago, it earned $3.", ("the quarter a year ago", "1988-Q3"),
     "the quarter a year ago is one expression"),
    ("Third-quarter net was $24 million, compared with a loss of $3 million last year.", ("last year", "1988-Q3"),
     "a figure last year compares with the reported quarter"),
    ("Third-quarter sales rose 13% from last year's $1.55 billion.", ("last year", "1988-Q3"),
     "last year's figure"),
    ("Third-quarter sales rose. Last year, the company lost money.", ("Last year", "1988"),
     "last year on its own is the year"),
]


@table([(text, D89, expected, note) for text, expected, note in COMPARISONS])
def test_year_earlier_compares_with_the_reported_period(text, dct, expected, note):

    mentions = tag(text, dct).mentions
    assert (mentions[-1].text, mentions[-1].value) == expected, (note, [(m.text, m.value) for m in mentions])
