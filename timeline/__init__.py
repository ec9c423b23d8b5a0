"""timeline: read news articles, find what they say about time, export events.

The public API lives in :mod:`timeline.api`; the CLI (``timeline``) only wires options to it.
"""
from .api import build_timeline, extract, render
from .errors import ArticleError, RuleError, TimelineError, WriterError
from .model import (
    Document,
    Event,
    EventKind,
    Granularity,
    Mention,
    Source,
    Tagging,
    TimeRange,
    Timeline,
    TimeSpan,
    TimexType,
)

__version__ = "0.1.0"

__all__ = [
    "ArticleError", "Document", "Event", "EventKind", "Granularity", "Mention", "RuleError", "Source",
    "Tagging", "TimeRange", "TimeSpan", "Timeline", "TimelineError", "TimexType", "WriterError",
    "build_timeline", "extract", "render",
]
