"""Plain-text articles: header forms, headlines, body offsets and publication dates."""
import datetime as dt
from pathlib import Path

import pytest

from timeline.errors import ArticleError
from timeline.readers import NoDateError, read_bytes, read_inputs
from timeline.readers.text import parse_text

D = dt.date(2023, 9, 22)
SEED = Path(__file__).resolve().parents[2] / "seeds" / "world-metaverse-conference-anting.txt"
BODY = "The talks were held on September 20-22."

# (article text, expected date, expected title, note)
HEADERS = [
    (f"date 2023-09-22 Conference opens\n\n{BODY}", D, "Conference opens", "compact seed header"),
    (f"DATE 2023-09-22\n\n{BODY}", D, None, "compact header without headline"),
    (f"Date: 2023-09-22\n\n{BODY}", D, None, "Date: ISO"),
    (f"Published: Sept. 22, 2023\n\n{BODY}", D, None, "Published: abbreviated month with dot"),
    (f"Published Sept. 22, 2023\n\n{BODY}", D, None, "keyword without colon"),
    (f"Title: Conference opens\nDate: Friday, 22 September 2023\n\n{BODY}", D, "Conference opens", "email-style block"),
    (f"Sept. 22, 2023\n\n{BODY}", D, None, "first line only a date"),
    (f"2023-09-22\n{BODY}", D, None, "ISO date line directly before the body"),
    (f"---\ntitle: \"Conference opens\"\ndate: 2023-09-22\ntags: [a, b]\n---\n{BODY}", D, "Conference opens", "front matter"),
    (f"---\ndate: '2023-09-22'\n---\n\n# Conference opens\n\n{BODY}", D, "Conference opens", "front matter + markdown heading"),
    (f"Conference opens\nSeptember 22, 2023\n\n{BODY}", D, "Conference opens", "headline then date line"),
    (f"Conference opens\nDate: 2023-09-22\n\n{BODY}", D, "Conference opens", "headline then Date: header"),
    (f"\ufeffdate 2023-09-22 Conference opens\r\n\r\n{BODY}\r\n", D, "Conference opens", "BOM and CRLF"),
    (f"\n\n  Date: 2023-09-22  \n\n{BODY}", D, None, "leading blank lines and spaces"),
    (f"Date: Friday, September 22, 2023 10:30 AM EDT\n\n{BODY}", D, None, "date with time and zone name"),
    (f"Published: 2023-09-22T08:00:00Z\n\n{BODY}", D, None, "ISO timestamp"),
    (f"Date: 22/09/2023\n\n{BODY}", D, None, "day first when the first number cannot be a month"),
    (f"Published 22 September 2023 | Updated 23 September 2023\n\n{BODY}", D, None, "part before ' | '"),
    (f"Conference opens\nBy Jane Doe and John O'Roe\nSept. 22, 2023\n\n{BODY}", D, "Conference opens", "byline"),
    (f"By Jane Doe\nDate: 2023-09-22\n\n{BODY}", D, None, "byline first"),
]


def test_header_cases_are_unique():
    texts = [case[0] for case in HEADERS]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("text,published,title,note", HEADERS, ids=[c[3] for c in HEADERS])
def test_header_forms(text, published, title, note):
    [doc] = read_bytes(text.encode("utf-8"), "a.txt", "text", "a")
    assert doc.published == published, note
    assert doc.title == title, note
    assert doc.text == BODY, note


@pytest.mark.parametrize(
    "text,title",
    [
        (f"Conference opens in Anting\n\n{BODY}", "Conference opens in Anting"),
        (f"Will the talks succeed?\n\n{BODY}", "Will the talks succeed?"),
        (f"This is a sentence that ends with a period.\n\n{BODY}", None),
        (f"{BODY}\n\nMore text.", None),
    ],
)
def test_headline_line(text, title):
    [doc] = read_bytes(text.encode(), "a.txt", "text", "a", D)
    assert doc.title == title
    if title:
        assert doc.text == BODY


@pytest.mark.parametrize(
    "text,note",
    [
        (f"Date night ideas for couples\nare everywhere this fall and winter\n{BODY}", "'Date' as a word"),
        (f"Published reports say the talks failed.\n{BODY}", "'Published' as a word"),
        (f"Note: the talks were delayed.\n{BODY}", "unknown key"),
        (f"May 5\n\n{BODY}", "date without a year is not a header date"),
        (f"2023\n\n{BODY}", "a year alone is not a header date"),
        (f"By 2025 the city will have doubled.\n{BODY}", "'By' starting a sentence is not a byline"),
    ],
)
def test_not_headers_need_a_date(text, note):
    [err] = read_bytes(text.encode(), "a.txt", "text", "a")
    assert isinstance(err, NoDateError), note
    assert str(err) == "a.txt: no publication date found: pass --reference-date YYYY-MM-DD"


@pytest.mark.parametrize(
    "header,line,reason",
    [
        ("Date: February 30, 2023", 1, "impossible date 'February 30, 2023': day is out of range for month"),
        ("date 99999-01-01 Headline", 1, "impossible date '99999-01-01': year 99999 is out of range"),
        ("Date: 2023-02-30", 1, "impossible date '2023-02-30': day is out of range for month"),
        ("Published: soonish", 1, "not a date: 'soonish'"),
        ("Published: May 2023", 1, "not a full date (year, month and day) 'May 2023'"),
        ("Title: X\nDate: Jan 1 99999", 2, "impossible date 'Jan 1 99999': year 99999 is out of range"),
        # found by bench/fuzz.py --engine atheris: dateutil raised decimal.InvalidOperation
        ("Date: 2-3H8020206150555555555555555555555555555555555555555555", 1,
         "not a date: '2-3H802020615055555555555555555555555...'"),
    ],
)
def test_bad_header_dates(header, line, reason):
    [err] = read_bytes(f"{header}\n\n{BODY}".encode(), "a.txt", "text", "a")
    assert type(err) is ArticleError
    assert str(err) == f"a.txt:{line}: bad date in header: {reason}"


def test_reference_date_overrides_header_and_bad_header():
    [doc] = read_bytes(f"Date: 2020-01-01\n\n{BODY}".encode(), "a.txt", "text", "a", D)
    assert doc.published == D
    [doc] = read_bytes(f"Date: February 30, 2023\n\n{BODY}".encode(), "a.txt", "text", "a", D)
    assert doc.published == D and doc.text == BODY


def test_reference_date_supplies_missing_date():
    [doc] = read_bytes(BODY.encode(), "a.txt", "text", "a", D)
    assert (doc.published, doc.text, doc.title) == (D, BODY, None)


def test_header_without_body_is_an_error():
    [err] = read_bytes(b"date 2023-09-22 Headline only\n\n", "a.txt", "text", "a")
    assert str(err) == "a.txt: no article text after the header"


def test_front_matter_id_and_url():
    text = f"---\nid: conf-1\nurl: https://example.org/a\ndate: 2023-09-22\n---\n{BODY}"
    [doc] = read_bytes(text.encode(), "a.md", "text", "a")
    assert (doc.id, doc.url) == ("conf-1", "https://example.org/a")


def test_unclosed_front_matter_is_body():
    article = parse_text(f"---\ndate: 2023-09-22\n{BODY}")
    assert article.published is None
    assert article.text.startswith("---")


def test_seed_article():
    [doc] = read_inputs([str(SEED)])
    assert doc.id == "world-metaverse-conference-anting"
    assert doc.published == D
    assert doc.title.startswith("The conference released a white paper")
    assert doc.text.startswith("The second World Metaverse Conference was held")
    start = doc.text.index("September 20-22")
    assert doc.text[start:start + 15] == "September 20-22"
