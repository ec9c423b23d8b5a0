"""Inputs that look temporal and are not: nothing may be tagged."""
from timeline.extract import tag

from ..helpers import DCT, found, table

CASES = [
    ("Prices may rise.", DCT, None, "may as a verb"),
    ("Theresa May spoke.", DCT, None, "May as a name"),
    ("Protesters march on the capital.", DCT, None, "march as a verb"),
    ("It finished second in the race.", DCT, None, "second as an ordinal"),
    ("It raised US$13.7 billion.", DCT, None, "money"),
    ("It cost $1,990 in all.", DCT, None, "money with a thousands separator"),
    ("About 1,000 people came.", DCT, None, "count"),
    ("The team won 35-21.", DCT, None, "score"),
    ("Call 555-1234 now or later.", DCT, None, "phone number; 'now' is tagged alone"),
    ("Fill in the 1040 form.", DCT, None, "form number"),
    ("He is No. 2 in the party.", DCT, None, "rank"),
    ("Rates rose 12.53%.", DCT, None, "percentage"),
    ("Shares closed at 35.49.", DCT, None, "price"),
    ("The 6-year-old boy smiled.", DCT, None, "age"),
    ("He was 52 years old.", DCT, None, "age with spaces"),
    ("Future earnings may grow.", DCT, None, "future as an adjective"),
    ("Leave as soon as they arrive.", DCT, None, "as soon as"),
    ("He was soon released from the hospital.", DCT, None, "narrative soon: shortly after a past event"),
    ("A trickle of cash soon became a flood.", DCT, None, "soon + past verb"),
    ("He died soon after his capture.", DCT, None, "soon after an event"),
    ("It is too soon to tell.", DCT, None, "too soon: too early"),
    ("Violence flared for the past three summers.", DCT, None, "the past + a count is no PAST_REF"),
    ("The soon-to-be-released film.", DCT, None, "soon-to-be"),
    ("Baker said on ABC's \"This Week\" that talks failed.", DCT, None, "a show's name in title case"),
    ("Gonzalez said on CBS's 60 Minutes that he was sad.", DCT, None, "a show's name with a number"),
    ("For the people of Poland, high noon comes.", DCT, None, "high noon, the idiom"),
    ("He was arrested at this march in the capital.", DCT, None, "march, a protest, after 'this'"),
    ("The quarter-to-quarter comparison improved.", DCT, None, "quarter-to-quarter is no quarter"),
    ("He told USA Today that he was sad.", DCT, None, "a newspaper's name"),
    ("This is VOA Today.", DCT, None, "a programme's name"),
    ("The opening ceremony of the Summer Games drew crowds.", DCT, None, "a season in a name"),
    ("She set a world record of 3:50.07 in the 1,500 meters.", DCT, None, "a race time with hundredths"),
    ("He scored twice in the second half of the game.", DCT, None, "a half 'of' a game, not of a year"),
    ("The first half of the decade saw slow growth.", DCT, None, "a half of a decade is no half year"),
    ("More than a quarter of the population voted.", DCT, None, "a fraction, not three months"),
    ("Three quarters of the vote went to him.", DCT, None, "a fraction of a vote"),
    ("He scored 2000 points in his career.", DCT, None, "a count of points, not a year"),
    ("The strike idled 1500 workers.", DCT, None, "a count of workers, not a year"),
    ("Sales fell over the past two weekends.", DCT, None, "counted weekends are no recurring set"),
    ("The 1000s of fans cheered.", DCT, None, "1000s: thousands, no decade"),
    ("Voters went to the polls on Super Tuesday.", DCT, None, "Super Tuesday: primaries, no plain Tuesday"),
    ("The market crashed on Black Monday.", DCT, None, "Black Monday: a crash, no plain Monday"),
    ("He wrote for The Sunday Times and The Sunday Telegraph.", DCT, None, "newspapers' names"),
    ("The Mail on Sunday published the letter.", DCT, None, "a newspaper's name"),
    ("He stayed in Room 1801 and then Apartment 1912.", DCT, None, "room and apartment numbers"),
    ("Suite 1900 is on the top floor.", DCT, None, "a suite number"),
    ("He sued under Section 1983 after Rule 2004 passed.", DCT, None, "numbers of a section and a rule"),
    ("Flight 1977 left from Gate 1920.", DCT, None, "flight and gate numbers"),
    ("Their office is at 1920 Oak Street.", DCT, None, "a house number"),
    ("The firm moved to 1800 M Street NW, then to 2001 Main St. downtown.", DCT, None, "house numbers"),
    ("2001 Main St. is for sale.", DCT, None, "a house number starting a sentence"),
    ("She lives at 1600 Pennsylvania Avenue.", DCT, None, "the White House's address"),
    ("April Ryan asked the president a question.", DCT, None, "a month name as a first name"),
    ("June Carter's family gathered.", DCT, None, "a month name as a first name, possessive"),
]


@table(CASES)
def test_negative(text, dct, expected, note):
    mentions = [m for m in tag(text, dct).mentions if m.text.lower() != "now"]
    assert mentions == [], f"{note}: {found(text, dct)}"
