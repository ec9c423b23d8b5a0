"""Property tests: no input makes the readers or the tagger raise, offsets always index the text, and
every export parses back. Example counts stay modest (``EXAMPLES``); bench/fuzz.py runs them at scale."""
import datetime as dt
import json
import re
import string

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from timeline.batch import safe_stem, unique_stems
from timeline.errors import ArticleError
from timeline.model import Document
from timeline.readers import read_bytes
from timeline.readers.dates import DateParseError, parse_date

EXAMPLES = 60
fast = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
kinds = st.sampled_from(["text", "jsonl", "json", "auto"])
# Text that looks like news about time: words, numbers, month names, punctuation, odd whitespace.
TOKENS = ["May", "March", "Sept.", "Monday", "last", "next", "week", "year", "2023", "20", "-", "–", "/",
          "by", "since", "from", "to", "until", "ago", "days", "the", "a.m.", "3 p.m.", "Q3", "1990s", ",",
          ".", "\n", "\n\n", "  ", "\t", "\u00a0", "é", "’", "Date:", "99999", "February 30", "00"]
news_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), news_text)


@fast
@given(data=st.binary(max_size=600), kind=kinds, reference=st.none() | dates)
def test_readers_never_raise_on_bytes(data, kind, reference):
    for result in read_bytes(data, "in.txt", kind, "in", reference):
        assert isinstance(result, (Document, ArticleError))
        if isinstance(result, Document):
            assert result.text.strip() and result.published is not None


@fast
@given(text=any_text, kind=kinds, reference=st.none() | dates)
def test_readers_never_raise_on_text(text, kind, reference):
    for result in read_bytes(text.encode("utf-8", "surrogatepass"), "in.txt", kind, "in", reference):
        assert isinstance(result, (Document, ArticleError))


@fast
@given(published=dates, body=news_text.filter(lambda t: re.search(r"\w", t)))
def test_header_date_is_read_back(published, body):
    data = f"Date: {published.isoformat()}\n\n{body}".encode()
    [result] = read_bytes(data, "in.txt", "text", "in")
    if isinstance(result, Document):
        assert result.published == published
    else:  # a body of only whitespace, or of control characters, is not an article
        assert result.message in {"no article text after the header", "binary file (NUL bytes), not a text article",
                                  "binary file (control characters), not a text article"}


@fast
@given(value=st.text(max_size=60))
def test_parse_date_only_raises_its_own_error(value):
    try:
        assert isinstance(parse_date(value), dt.date)
    except DateParseError:
        pass


@fast
@example(ids=["NUL", "NUL"])
@example(ids=["a", "A", "a.timelinejs", "../a", "..", ""])
@given(ids=st.lists(st.text(max_size=150), max_size=12))
def test_output_stems_are_safe_and_unique(ids):
    stems = unique_stems(ids, ["ics", "json", "timelinejs"])
    assert len({s.casefold() for s in stems}) == len(stems)
    for stem in stems:
        assert re.fullmatch(r"[\w.-]+", stem) and not stem.startswith((".", "-"))
        assert len(stem.encode()) <= 130 and stem == safe_stem(stem)


def _tagger():
    try:
        from timeline.extract import tag  # noqa: F401
    except ImportError:
        return False
    return True


tagger = pytest.mark.skipif(not _tagger(), reason="the tagger (timeline.extract.tag) is not there yet")


@tagger
@fast
@given(text=any_text, published=dates)
def test_extract_never_raises_and_offsets_index_the_text(text, published):
    from timeline import api

    tagging = api.extract(text, published)
    for mention in tagging.mentions:
        assert 0 <= mention.start <= mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
    for span in tagging.ranges:
        assert 0 <= span.start <= span.end <= len(text)


def _layers():
    try:
        from timeline.events import build_timeline  # noqa: F401
        from timeline.writers import ics, json_timeline, markdown  # noqa: F401
    except ImportError:
        return False
    from pathlib import Path

    return (Path(__file__).resolve().parents[1] / "timeline" / "schema" / "timeline.schema.json").exists()


layers = pytest.mark.skipif(not _layers(), reason="events layer, writers or JSON Schema not there yet")
words = st.lists(st.sampled_from(TOKENS + ["The talks were held", "officials said", "will open", "Geneva"]),
                 min_size=1, max_size=30).map(" ".join)


@layers
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(words, any_text), min_size=1, max_size=3), published=dates)
@example(texts=["May Monday since 3 p.m."], published=dt.date(2000, 1, 1))  # a period "since" a time: whole days
def test_every_export_parses_back(texts, published):
    import icalendar
    import jsonschema
    from pathlib import Path

    from timeline import api

    schema = json.loads((Path(__file__).resolve().parents[1] / "timeline" / "schema" / "timeline.schema.json").read_text())
    docs = [Document(f"d{i}", t, published, None, f"d{i}.txt") for i, t in enumerate(texts) if t.strip()]
    if not docs:
        return
    timeline = api.build_timeline(docs, "prop")
    calendar = icalendar.Calendar.from_ical(api.render(timeline, "ics"))
    assert calendar.name == "VCALENDAR"
    jsonschema.validate(json.loads(api.render(timeline, "json")), schema)
    assert isinstance(api.render(timeline, "md").decode("utf-8"), str)
