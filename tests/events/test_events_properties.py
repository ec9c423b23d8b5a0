"""Properties of any timeline the events layer builds: it never fails on odd text, ids are unique and
stable, events are sorted, titles are short and clean, confidences are in [0, 1]."""
import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from events_helpers import mention
from timeline.events import events_from_taggings
from timeline.events.spans import sort_key
from timeline.model import Document, EventKind, Tagging

PIECES = ["The council", "approved", "the plan", "was held", "in Paris", "at the same time", "the next day",
          "a week later", ",", ".", "\n\n", "said", "will open", "by", "since", "for three years", "which",
          "``", "''", "(", ")", "Mr.", "U.S.", "NAIROBI, Kenya (AP) _", "the three-day event", "--", "and"]
DATES = [("May 3, 2021", "2021-05-03"), ("2025", "2025"), ("last Friday", "2021-06-04"),
         ("in recent years", "PAST_REF"), ("June", "2021-06"), ("three years", "P3Y")]


@st.composite
def articles(draw):
    parts = draw(st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(DATES)), min_size=1, max_size=40))
    text, mentions = "", []
    for part in parts:
        words, value = (part, None) if isinstance(part, str) else part
        text += ("" if not text else " ") + words
        if value is not None:
            mentions.append((words, value, text.count(words) - 1))
    found = [mention(text, w, v, nth=n) for w, v, n in mentions]
    unique = {(m.start, m.end): m for m in found}
    return Document("p", text, dt.date(2021, 6, 9), draw(st.sampled_from([None, "A headline"]))), \
        Tagging(tuple(sorted(unique.values(), key=lambda m: m.start)))


@settings(max_examples=300, deadline=None)
@given(articles())
def test_any_article_gives_a_well_formed_timeline(article):
    doc, tagging = article
    timeline = events_from_taggings((doc,), (tagging,), "p")
    events = timeline.events
    assert len({e.id for e in events}) == len(events)
    assert [sort_key(e.span) for e in events] == sorted(sort_key(e.span) for e in events)
    assert sum(e.kind == EventKind.PUBLICATION for e in events) == 1
    for e in events:
        assert 0 <= e.confidence <= 1
        assert e.title and (e.title[-1].isalnum() or e.title[-1] in ")%" or re.search(r"\w\.\w*\.$", e.title)), e.title
        assert (e.span is None) == (e.kind == EventKind.VAGUE)
        for s in e.sources:
            assert s.document_id == "p" and 0 <= s.start <= s.end <= len(doc.text)
    again = events_from_taggings((doc,), (tagging,), "p")
    assert [e.id for e in again.events] == [e.id for e in events]
