"""Hand-built taggings for events tests: mentions found by their words, spans computed from values."""
from __future__ import annotations

import re

from timeline.events.spans import between, value_span
from timeline.model import Mention, Tagging, TimeRange, TimexType


def mention(text: str, words: str, value: str, nth: int = 0, type: TimexType | None = None) -> Mention:
    """The ``nth`` occurrence of ``words`` in ``text`` as a mention with ``value``."""
    starts = [m.start() for m in re.finditer(re.escape(words), text)]
    start = starts[nth]
    if type is None:
        type = TimexType.DURATION if re.match(r"P(?:T|X|\d)", value) else TimexType.DATE
    return Mention(words, start, start + len(words), "test", type, value, value_span(value))


def joined(first: Mention, last: Mention) -> TimeRange:
    """A range over two day mentions."""
    return TimeRange(first, last, between(first.span.first_day, last.span.last_day))


def tagging(*items: Mention | TimeRange) -> Tagging:
    """A Tagging from mentions and ranges (range ends are listed as mentions too, as the tagger does)."""
    mentions, ranges = [], []
    for item in items:
        if isinstance(item, TimeRange):
            ranges.append(item)
            mentions += [item.first, item.last]
        else:
            mentions.append(item)
    return Tagging(tuple(sorted(mentions, key=lambda m: m.start)), tuple(ranges))
