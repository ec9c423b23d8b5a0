"""The JSON export: golden files, the JSON Schema (validated with jsonschema), dates at their granularity."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from timeline.model import Timeline
from timeline.schema import TIMELINE_SCHEMA_ID, timeline_schema
from timeline.writers import render as render_format
from timeline.writers.json_timeline import render
from writer_cases import CASES, TRICKY_TITLE, sample_timeline

DOCS = Path(__file__).parents[2] / "docs" / "json-format.md"


def validate(data: dict) -> None:
    validator = jsonschema.Draft202012Validator(
        timeline_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(data)


def export(timeline: Timeline) -> dict:
    data = json.loads(render(timeline))
    validate(data)
    return data


def events_by_title(data: dict) -> dict[str, dict]:
    return {e["title"]: e for e in data["events"]}


def test_schema_is_valid_draft_2020_12_shipped_in_the_package():
    schema = timeline_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == TIMELINE_SCHEMA_ID


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_and_valid(case, golden):
    data = render(CASES[case]())
    golden(f"{case}.json", data)
    validate(json.loads(data))


def test_bytes_are_deterministic_utf8_indented_with_trailing_newline(sample):
    data = render(sample)
    assert data == render(sample_timeline()) == render_format(sample, "json")
    assert data.endswith(b"}\n") and not data.endswith(b"\n\n")
    text = data.decode("utf-8")
    assert "東京" in text and "\\u" not in text  # ensure_ascii=False
    assert text.startswith('{\n  "schema": ')


def test_field_order_is_the_format_order(sample):
    data = export(sample)
    assert list(data) == ["schema", "version", "name", "documents", "events", "warnings"]
    assert list(data["events"][0]) == [
        "id", "title", "kind", "start", "end", "granularity", "timex", "all_day", "timezone", "location",
        "confidence", "description", "sources", "mentions",
    ]
    assert list(data["documents"][0]) == ["id", "title", "published", "source", "url"]


def test_dates_at_their_granularity_with_inclusive_end(sample):
    events = events_by_title(export(sample))
    conference = events["Second World Metaverse Conference"]
    assert (conference["start"], conference["end"], conference["granularity"]) == ("2023-09-20", "2023-09-22", "day")
    assert conference["all_day"] is True
    deadline = events["Industry scale of 100 billion yuan (US$13.7 billion)"]
    assert (deadline["start"], deadline["end"], deadline["timex"], deadline["kind"]) == ("2025", "2025", "2025", "deadline")
    assert events["Metaverse research institute built"]["start"] == "2023-W38"
    assert (events[TRICKY_TITLE]["start"], events[TRICKY_TITLE]["end"]) == ("2023-09", "2023-09")
    closing = events["Closing ceremony"]
    assert (closing["start"], closing["end"]) == ("2023-09-22T15:00+08:00", "2023-09-22T17:00+08:00")
    assert (closing["all_day"], closing["timezone"], closing["granularity"]) == (False, "Asia/Shanghai", "time")
    launch = events["Launch window without a known zone"]
    assert (launch["start"], launch["end"], launch["timezone"]) == ("2023-10-02T09:30", "2023-10-02T09:30", None)


def test_vague_event_is_kept_undated_and_last(sample):
    data = export(sample)
    vague = data["events"][-1]
    assert vague["kind"] == "vague" and vague["timex"] == "PAST_REF"
    assert (vague["start"], vague["end"], vague["granularity"], vague["all_day"]) == (None, None, None, None)
    assert vague["mentions"][0]["text"] == "in recent years"


def test_events_are_chronological(sample):
    starts = [e["start"] for e in export(sample)["events"] if e["start"]]
    assert starts[0] == "2023-09" and starts[-1] == "2025"


def test_sources_mentions_documents_and_warnings(sample):
    data = export(sample)
    assert [d["id"] for d in data["documents"]] == ["world-metaverse-conference-anting", "closing-ceremony-notice"]
    assert data["documents"][1]["url"] == "https://example.org/closing"
    tricky = events_by_title(data)[TRICKY_TITLE]
    assert [s["document"] for s in tricky["sources"]] == ["world-metaverse-conference-anting", "closing-ceremony-notice"]
    mention = events_by_title(data)["Second World Metaverse Conference"]["mentions"][0]
    assert mention == {"text": "September 20", "start": 110, "end": 122, "rule": "en.date.month_day",
                       "type": "DATE", "value": "2023-09-20", "mod": None}
    assert data["warnings"] == list(sample.warnings)


@pytest.mark.parametrize(
    "field, value",
    [("start", "2023-09-20T00:00"), ("end", "2025"), ("granularity", "fortnight"), ("kind", "rumour"), ("extra", 1)],
)
def test_schema_rejects_what_the_format_does_not_allow(sample, field, value):
    data = export(sample)
    conference = events_by_title(data)["Second World Metaverse Conference"]
    conference[field] = value
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_schema_rejects_half_dated_vague_event(sample):
    data = export(sample)
    data["events"][-1]["end"] = "2023"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_documented_example_is_valid():
    blocks = re.findall(r"```json\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert blocks, "docs/json-format.md has no ```json example"
    for block in blocks:
        validate(json.loads(block))
