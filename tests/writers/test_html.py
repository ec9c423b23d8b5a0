"""The HTML writer: one self-contained, escaped, deterministic page with one entry per dated event."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html.parser import HTMLParser

from timeline import writers
from timeline.model import Document, Event, EventKind, Granularity, Source, Timeline, TimeSpan
from timeline.writers import html

QUOTE = "The second World Metaverse Conference was held in Anting Town on September 20-22."
NASTY = '<img src=x onerror="alert(1)"> & "quotes" \'single\' </li></ol>'


def event(n: int, kind: EventKind, title: str, span: TimeSpan | None, where: str | None = None,
          quote: str = QUOTE) -> Event:
    """Event number ``n``, quoted from the one article."""
    return Event(f"e{n}", title, kind, span.timex if span else "PAST_REF", span, location=where,
                 sources=(Source("doc", quote, 0, len(quote)),))


def page_timeline() -> Timeline:
    """Dated events over two years (a range, a day, a deadline year, a timed one), a vague one, a nasty one."""
    year_2025 = TimeSpan(dt.date(2025, 1, 1), dt.date(2026, 1, 1), Granularity.YEAR, "2025")
    events = (
        event(1, EventKind.DEADLINE, "Industry scale of 100 billion yuan", year_2025, "Anting Town"),
        event(2, EventKind.OCCURRENCE, "World Metaverse Conference",
              TimeSpan(dt.date(2023, 9, 20), dt.date(2023, 9, 23), Granularity.DAY, "2023-09-20"), "Anting Town"),
        event(3, EventKind.PUBLICATION, "Article published",
              TimeSpan(dt.date(2023, 9, 22), dt.date(2023, 9, 23), Granularity.DAY, "2023-09-22")),
        event(4, EventKind.VAGUE, "Jiading develops its industries", None, "Jiading"),
        event(5, EventKind.SCHEDULED, NASTY,
              TimeSpan(dt.date(2023, 7, 1), dt.date(2023, 10, 1), Granularity.QUARTER, "2023-Q3"), NASTY, NASTY),
        event(6, EventKind.SCHEDULED, "Closing ceremony",
              TimeSpan(dt.datetime(2023, 9, 22, 15), dt.datetime(2023, 9, 22, 17), Granularity.TIME,
                       "2023-09-22T15:00")),
    )
    doc = Document("doc", QUOTE, dt.date(2023, 9, 22), title=f"Anting {NASTY}", url="javascript:alert(1)")
    return Timeline(f"Metaverse {NASTY}", (doc,), events, warnings=(f"doc: {NASTY}",))


class Page(HTMLParser):
    """Parses a page into its tags (name, attrs), the text under each tag name, and the whole text."""

    def __init__(self, data: bytes) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.texts: list[tuple[tuple[str, ...], str]] = []
        self.decl: list[str] = []
        self.feed(data.decode("utf-8"))
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.decl.append(decl)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "img", "link", "input", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-3:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.texts.append((tuple(self.stack), data))

    def classes(self, name: str) -> list[dict[str, str | None]]:
        """Attributes of every element whose class list contains ``name``."""
        return [attrs for _, attrs in self.tags if name in (attrs.get("class") or "").split()]

    def text_in(self, tag: str) -> list[str]:
        """Text directly inside each ``tag`` element."""
        return [text for stack, text in self.texts if stack and stack[-1] == tag]


def test_page_is_well_formed_with_one_entry_per_dated_event():
    page = Page(html.render(page_timeline()))
    assert page.decl == ["DOCTYPE html"] and page.stack == []
    entries = page.classes("event")
    assert [e["id"] for e in entries] == ["event-e5", "event-e2", "event-e3", "event-e6", "event-e1"]
    assert len(page.classes("undated-event")) == 1
    assert page.text_in("h2")[:2] == ["2023", "2025"]
    assert "Without a date" in page.text_in("h2")


def test_all_text_is_escaped():
    data = html.render(page_timeline())
    page = Page(data)
    assert not any(attrs.get("onerror") for _, attrs in page.tags)
    assert NASTY in page.text_in("h3")
    assert f"Metaverse {NASTY}" in page.text_in("title")
    assert NASTY in page.text_in("blockquote")
    assert f"Metaverse {NASTY}" in page.text_in("h1")
    assert data.count(b"<img") == 0 and data.count(b"</ol>") == 2  # two year lists, nothing injected


def test_page_needs_no_network_and_links_only_http_articles():
    page = Page(html.render(page_timeline()))
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "iframe", "img"}
    assert not any("src" in attrs for _, attrs in page.tags)
    assert not any(attrs.get("href", "").startswith("javascript") for _, attrs in page.tags)
    assert "style" in tags


def test_dates_labels_and_kinds():
    page = Page(html.render(page_timeline()))
    times = {attrs["datetime"] for tag, attrs in page.tags if tag == "time"}
    assert times == {"2023-09-20", "2023-09-22", "2023-09-22T15:00", "2025"}
    labels = page.text_in("time") + page.text_in("span")
    assert "20-22 September 2023" in labels and "By 2025" in labels and "Q3 2023" in labels
    assert "22 September 2023, 15:00-17:00" in labels
    assert "Deadline" in page.text_in("span") and "Happened" in page.text_in("span")
    assert len(page.classes("kind-deadline")) == 1


def test_output_is_deterministic_and_independent_of_event_order():
    timeline = page_timeline()
    first = html.render(timeline)
    assert html.render(timeline) == first
    assert html.render(replace(timeline, events=tuple(reversed(timeline.events)))) == first
    assert writers.render(timeline, "html") == first
    assert writers.output_name("anting", "html") == "anting.html"


def test_empty_timeline_is_a_page_too():
    page = Page(html.render(Timeline("Empty")))
    assert page.classes("event") == [] and page.text_in("h1") == ["Empty"]


def test_event_details_quote_each_sentence_once_and_cite_each_article_once():
    docs = {"a": Document("a", "", dt.date(2023, 9, 22), title="First <article>"),
            "b": Document("b", "", None, title="Second", url="https://example.org/b?x=1&y=2")}
    sources = (Source("a", "Held on September 20-22.", 0, 24), Source("b", "It ended <Friday>.", 0, 18),
               Source("a", "Held on September 20-22.", 40, 64))
    merged = replace(event(7, EventKind.OCCURRENCE, "Conference", None, "Anting"), sources=sources,
                     description="Held on September 20-22.")
    assert html.event_details_html(merged, docs) == (
        '<p class="where">Anting</p>'
        "<blockquote>Held on September 20-22.</blockquote>"
        '<p class="source"><cite>First &lt;article&gt;</cite> (22 September 2023)</p>'
        "<blockquote>It ended &lt;Friday&gt;.</blockquote>"
        '<p class="source"><a href="https://example.org/b?x=1&amp;y=2"><cite>Second</cite></a></p>'
    )
    described = replace(merged, description="A three-day conference & fair.", sources=sources[:1])
    assert "<p>A three-day conference &amp; fair.</p>" in html.event_details_html(described, docs)
