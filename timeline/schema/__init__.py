"""JSON Schemas of timeline's own formats, shipped as package data.

``timeline.schema.json`` describes the JSON export (``timeline export --format json``); see
docs/json-format.md.
"""
from __future__ import annotations

import json
from importlib import resources

TIMELINE_SCHEMA_ID = "urn:timeline:schema:timeline:v1"


def timeline_schema() -> dict:
    """The JSON Schema (draft 2020-12) of the JSON export, loaded from the package."""
    text = resources.files(__name__).joinpath("timeline.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
