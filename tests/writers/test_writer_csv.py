"""The CSV table: golden files, and read back with the csv module."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from timeline.model import EventKind, Timeline
from timeline.writers import render as render_format
from timeline.writers.csv_table import COLUMNS, render
from writer_cases import CASES, TRICKY_TITLE, day_span, make_event, sample_timeline


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case, golden):
    golden(f"{case}.csv", render(CASES[case]()))


def test_header_and_one_row_per_event(sample):
    data = render(sample)
    assert data.startswith(b"id,kind,start,end,granularity,timex,title,location,confidence,documents,quote\r\n")
    assert not data.startswith(b"\xef\xbb\xbf")
    table = rows(data)
    assert len(table) == len(sample.events)
    assert list(table[0]) == list(COLUMNS)
    assert data == render(sample_timeline()) == render_format(sample, "csv")


def test_cells_read_back_exactly(sample):
    by_title = {r["title"]: r for r in rows(render(sample))}
    tricky = by_title[TRICKY_TITLE]
    assert tricky["location"] == "Zürich; Halle 3, \\ Tor 東"
    assert tricky["documents"] == "world-metaverse-conference-anting; closing-ceremony-notice"
    assert tricky["quote"] == "A quote, with; \"marks\" and\na newline *here*\nSecond source — 東京"
    conference = by_title["Second World Metaverse Conference"]
    assert (conference["start"], conference["end"], conference["granularity"]) == ("2023-09-20", "2023-09-22", "day")
    assert (conference["confidence"], conference["kind"]) == ("0.95", "occurrence")
    deadline = by_title["Industry scale of 100 billion yuan (US$13.7 billion)"]
    assert (deadline["start"], deadline["end"], deadline["timex"]) == ("2025", "2025", "2025")
    vague = rows(render(sample))[-1]
    assert (vague["kind"], vague["start"], vague["end"], vague["timex"]) == ("vague", "", "", "PAST_REF")


def test_formula_cells_are_defused():
    event = make_event(EventKind.OCCURRENCE, "=HYPERLINK(\"x\")", "2023-09-22", day_span(dt.date(2023, 9, 22)),
                       "@SUM(A1)", location="+1 call")
    (row,) = rows(render(Timeline("t", events=(event,))))
    assert (row["title"], row["location"], row["quote"]) == ("'=HYPERLINK(\"x\")", "'+1 call", "'@SUM(A1)")
