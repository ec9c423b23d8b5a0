"""The Markdown chronology, read back with markdown-it-py (CommonMark, and with GFM tables/strikethrough)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from timeline.model import EventKind, Timeline
from timeline.writers import render as render_format
from timeline.writers.markdown import escape, render
from writer_cases import CASES, TRICKY_TITLE, day_span, make_event, sample_timeline

PRESETS = ("commonmark", "js-default")  # js-default adds GFM tables and ~~strikethrough~~


def parse(data: bytes, preset: str = "commonmark"):
    return MarkdownIt(preset).parse(data.decode("utf-8"))


def inline_text(token) -> str:
    """The text a reader sees in an inline token (markup dropped)."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append("\n")
    return "".join(out)


def headings(tokens) -> list[tuple[str, str]]:
    return [(tok.tag, inline_text(tokens[i + 1])) for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def sections(tokens) -> dict[str, list[str]]:
    """h2 title -> the first line (label: title) of each top-level list item below it."""
    out: dict[str, list[str]] = {}
    current = None
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag == "h2":
            current = inline_text(tokens[i + 1])
            out[current] = []
        elif tok.type == "bullet_list_open":
            depth += 1
        elif tok.type == "bullet_list_close":
            depth -= 1
        elif tok.type == "inline" and depth == 1 and tokens[i - 1].type == "paragraph_open" and tokens[i - 2].type == "list_item_open":
            out[current].append(inline_text(tok))
    return out


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case, golden):
    golden(f"{case}.md", render(CASES[case]()))


def test_deterministic_and_registered(sample):
    assert render(sample) == render(sample_timeline()) == render_format(sample, "md")
    assert render(sample).endswith(b"\n") and not render(sample).endswith(b"\n\n")


@pytest.mark.parametrize("preset", PRESETS)
def test_headings(sample, preset):
    assert headings(parse(render(sample), preset)) == [
        ("h1", "World Metaverse Conference, Anting"),
        ("h2", "2023"),
        ("h2", "Deadlines and targets"),
        ("h2", "Undated references"),
        ("h2", "Sources"),
    ]


@pytest.mark.parametrize("preset", PRESETS)
def test_list_items_in_date_order_with_human_labels(sample, preset):
    items = sections(parse(render(sample), preset))
    flat_title = " ".join(TRICKY_TITLE.split())
    assert items["2023"] == [
        f"September 2023: {flat_title} (Zürich; Halle 3, \\ Tor 東)",
        "Week 38, 2023: Metaverse research institute built",
        "20-22 September 2023: Second World Metaverse Conference (Anting Town, Jiading District)",
        "22 September 2023: World Metaverse Conference held in Anting",
        "22 September 2023, 15:00-17:00 (Asia/Shanghai): Closing ceremony (Anting Town)",
        "2 October 2023, 09:30: Launch window without a known zone",
    ]
    assert items["Deadlines and targets"] == [
        "By 2025: Industry scale of 100 billion yuan (US$13.7 billion) (Anting Town)"
    ]
    assert items["Undated references"] == [
        "In recent years: Jiading promotes intelligent, green and integrated development (Jiading)"
    ]


@pytest.mark.parametrize("preset", PRESETS)
def test_quotes_are_blockquotes_inside_the_items(sample, preset):
    tokens = parse(render(sample), preset)
    quotes = []
    inside = 0
    for tok in tokens:
        if tok.type == "blockquote_open":
            assert tok.level >= 2  # nested in a list item, not a top-level block
            inside += 1
        elif tok.type == "blockquote_close":
            inside -= 1
        elif tok.type == "inline" and inside:
            quotes.append(inline_text(tok))
    assert "“A quote, with; \"marks\" and a newline *here*” (world-metaverse-conference-anting)" in quotes
    assert "“Second source — 東京” (closing-ceremony-notice)" in quotes
    assert len(quotes) == 9


@pytest.mark.parametrize("preset", PRESETS)
def test_no_markup_from_the_data(sample, preset):
    """Only the writer's own markup: bold labels, blockquotes, lists, headings, italic document titles."""
    allowed = {"text", "strong_open", "strong_close", "softbreak", "em_open", "em_close"}
    for tok in parse(render(sample), preset):
        for child in tok.children or []:
            assert child.type in allowed, (child.type, child.content, tok.content)
        assert tok.type not in ("html_block", "code_block", "fence", "table_open", "hr")


def test_vague_event_without_mention_uses_its_timex_label():
    event = make_event(EventKind.VAGUE, "Soon things", "FUTURE_REF", None, "Things will happen soon.")
    items = sections(parse(render(Timeline("t", events=(event,)))))
    assert items == {"Undated references": ["In the future: Soon things"]}


def test_years_group_and_deadlines_sort_by_due_day():
    events = (
        make_event(EventKind.OCCURRENCE, "b", "2024-01-02", day_span(dt.date(2024, 1, 2)), "b"),
        make_event(EventKind.OCCURRENCE, "a", "2023-12-30", day_span(dt.date(2023, 12, 30)), "a"),
        make_event(EventKind.DEADLINE, "late", "2026-03-01", day_span(dt.date(2026, 3, 1)), "l"),
        make_event(EventKind.DEADLINE, "early", "2025-06-30", day_span(dt.date(2025, 6, 30)), "e"),
    )
    items = sections(parse(render(Timeline("t", events=events))))
    assert items == {
        "2023": ["30 December 2023: a"],
        "2024": ["2 January 2024: b"],
        "Deadlines and targets": ["By 30 June 2025: early", "By 1 March 2026: late"],
    }


def test_empty_timeline_says_so():
    assert render(Timeline("Empty")) == b"# Empty\n\nNo events.\n"


@pytest.mark.parametrize("preset", PRESETS)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t*_[]()<>#|~&!\\`-+=.1 "), max_size=40))
def test_escaped_text_reads_back_as_itself(preset, text):
    flat = " ".join(text.split())
    for line in (f"- **x**: {escape(text)}", escape(text)):
        tokens = MarkdownIt(preset).parse(line)
        inline = [t for t in tokens if t.type == "inline"]
        seen = "".join(inline_text(t) for t in inline)
        if line.startswith("- "):
            seen = seen[len("x: "):]
        assert seen == flat
        for tok in inline:
            assert all(c.type in ("text", "strong_open", "strong_close") for c in tok.children)
