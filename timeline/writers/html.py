"""A self-contained HTML page per export: ``<stem>.html``.

The page is a static chronology that any browser shows offline: semantic HTML (``<ol>`` of
``<article>``s with ``<time>``, ``<blockquote>``, ``<cite>``), one inline stylesheet, no script, no
external resource. Events are grouped by year and sorted chronologically; events without a date are
listed apart, and so are the timeline's warnings and the articles read. Every string that comes from
an article is HTML-escaped. Output is deterministic (nothing depends on the clock or the machine).

The TimelineJS viewer is deliberately not embedded: inlining it from ``node_modules`` only where that
folder exists would give different bytes on different machines (and a ~300 kB page); the
``.timelinejs.json`` export is there for TimelineJS.

The HTML fragments here (date labels, event details, article citations) are shared with the
TimelineJS writer, whose slide text is HTML too.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from itertools import groupby

from ..model import Document, Event, EventKind, Granularity, Timeline
from .dates import chronological, day_label, iso_start, text_order, when_label

#: How each event kind is named next to its date.
KIND_LABELS: Mapping[EventKind, str] = {
    EventKind.PUBLICATION: "Publication",
    EventKind.OCCURRENCE: "Happened",
    EventKind.SCHEDULED: "Scheduled",
    EventKind.DEADLINE: "Deadline",
    EventKind.PERIOD: "Period",
    EventKind.VAGUE: "Approximate",
}
# Granularities whose ISO value is also a valid HTML ``<time datetime>`` (week, month, date, year).
_HTML_DATETIME = (Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.YEAR)

CSS = """\
:root { color-scheme: light dark; --muted: #666; --rule: #ccc; --accent: #8a3b12; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin-bottom: .25rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--rule); margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: .1rem 0 .3rem; }
ol.chronology { list-style: none; padding: 0; margin: 0; }
li.event { border-left: 3px solid var(--rule); padding: .2rem 0 .2rem 1rem; margin: 1rem 0; }
li.kind-deadline { border-left-color: var(--accent); }
.when { margin: 0; font-family: system-ui, sans-serif; font-size: .9rem; font-weight: 600; }
.kind { font-weight: 400; color: var(--muted); text-transform: uppercase; font-size: .75rem;
        letter-spacing: .05em; margin-left: .5rem; }
.kind-deadline .kind { color: var(--accent); font-weight: 700; }
.where, .source, .summary, footer { color: var(--muted); font-family: system-ui, sans-serif; font-size: .9rem; }
.where, .source { margin: .2rem 0; }
blockquote { margin: .4rem 0; padding-left: .8rem; border-left: 2px solid var(--rule); font-style: italic; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); }
@media print { li.event { break-inside: avoid; } }
"""


def render(timeline: Timeline) -> bytes:
    """Serialize ``timeline`` as one self-contained HTML page (UTF-8, no script, no network)."""
    return page(timeline).encode("utf-8")


def page(timeline: Timeline) -> str:
    """The HTML page of ``timeline`` as a string."""
    documents = {doc.id: doc for doc in timeline.documents}
    dated = dated_events(timeline.events, timeline.documents)
    undated = undated_events(timeline.events, timeline.documents)
    name = escape(timeline.name)
    body = [f"<header>\n<h1>{name}</h1>\n<p class=\"summary\">{escape(summary(timeline))}</p>\n</header>",
            "<main>"]
    for year, events in groupby(dated, key=lambda e: e.span.first_day.year):
        body.append(_year_section(year, events, documents))
    if undated:
        items = "\n".join(f'<li class="undated-event">{undated_html(e, documents)}</li>' for e in undated)
        body.append(f'<section class="undated">\n<h2>Without a date</h2>\n<ul>\n{items}\n</ul>\n</section>')
    if timeline.warnings:
        items = "\n".join(f"<li>{escape(w)}</li>" for w in timeline.warnings)
        body.append(f'<section class="warnings">\n<h2>Notes</h2>\n<ul>\n{items}\n</ul>\n</section>')
    if timeline.documents:
        items = "\n".join(f"<li>{document_html(d.id, d)}</li>" for d in timeline.documents)
        body.append(f'<section class="articles">\n<h2>Articles</h2>\n<ul>\n{items}\n</ul>\n</section>')
    body.append("</main>\n<footer><p>Chronology written by timeline.</p></footer>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{name}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def dated_events(events: Iterable[Event], documents: Sequence[Document] = ()) -> list[Event]:
    """The events that have a span, chronologically, those of one time in the order the texts tell them."""
    return chronological((e for e in events if e.span is not None), documents)


def undated_events(events: Iterable[Event], documents: Sequence[Document] = ()) -> list[Event]:
    """The events without a span (vague: "in recent years"), in the order the texts tell them."""
    return sorted((e for e in events if e.span is None), key=text_order(documents))


def summary(timeline: Timeline) -> str:
    """One line that counts the dated events and the articles: "3 dated events from 1 article."."""
    dated = sum(1 for e in timeline.events if e.span is not None)
    text = f"{dated} dated event{'' if dated == 1 else 's'}"
    n_docs = len(timeline.documents)
    if n_docs:
        text += f" from {n_docs} article{'' if n_docs == 1 else 's'}"
    return text + "."


def event_details_html(event: Event, documents: Mapping[str, Document]) -> str:
    """HTML of what is known about an event besides its date and title, all escaped.

    Its location, its description (unless it only repeats a quote), then per article the sentences
    quoted from it (each once) and the article's citation.
    """
    parts = []
    if event.location:
        parts.append(f'<p class="where">{escape(event.location)}</p>')
    quotes = {source.quote.strip() for source in event.sources}
    if event.description and event.description.strip() not in quotes:
        parts.append(f"<p>{escape(event.description)}</p>")
    for document_id in event.documents:
        said = dict.fromkeys(s.quote for s in event.sources if s.document_id == document_id)
        parts.extend(f"<blockquote>{escape(quote)}</blockquote>" for quote in said)
        parts.append(f'<p class="source">{document_html(document_id, documents.get(document_id))}</p>')
    return "".join(parts)


def document_html(document_id: str, document: Document | None) -> str:
    """An article as HTML: its headline (linked when it has an http(s) URL) and its publication day."""
    if document is None:
        return f"<cite>{escape(document_id)}</cite>"
    cite = f"<cite>{escape(document.title or document.id)}</cite>"
    if document.url and document.url.startswith(("https://", "http://")):
        cite = f'<a href="{escape(document.url)}">{cite}</a>'
    if document.published is not None:
        cite += f" ({day_label(document.published)})"
    return cite


def undated_html(event: Event, documents: Mapping[str, Document] | None = None) -> str:
    """An event without a date as HTML: its title and the words that place it vaguely ("in recent years"),
    then its details (location, quotes, articles) when ``documents`` is given."""
    item = f"<strong>{escape(event.title)}</strong>"
    if event.mentions:
        item += f" ({escape(event.mentions[0].text)})"
    if documents is None:
        return item
    return item + event_details_html(event, documents)


def _year_section(year: int, events: Iterable[Event], documents: Mapping[str, Document]) -> str:
    items = "\n".join(_event_item(event, documents) for event in events)
    return (f'<section class="year" aria-labelledby="year-{year}">\n<h2 id="year-{year}">{year}</h2>\n'
            f'<ol class="chronology">\n{items}\n</ol>\n</section>')


def _event_item(event: Event, documents: Mapping[str, Document]) -> str:
    kind = event.kind.value
    return (
        f'<li class="event kind-{kind}" id="event-{escape(event.id)}">\n<article>\n'
        f'<p class="when">{_time_html(event)} <span class="kind">{KIND_LABELS[event.kind]}</span></p>\n'
        f"<h3>{escape(event.title)}</h3>\n{event_details_html(event, documents)}\n</article>\n</li>"
    )


def _time_html(event: Event) -> str:
    span = event.span
    label = escape(when_label(event))
    if span.is_timed or span.granularity in _HTML_DATETIME:
        return f'<time datetime="{escape(iso_start(span))}">{label}</time>'
    return f'<span class="date">{label}</span>'
