"""HTML pages: ``trafilatura`` extracts the article text and title, ``htmldate`` the publication date.

Both are imported on first use (they pull in lxml). A page with no article text (fewer than three words) is an ``ArticleError``.
``htmldate`` looks at the page's metadata and markup (``extensive_search=False``: it does not guess a
date from arbitrary text) and keeps the original publication date rather than an update.
"""
from __future__ import annotations

import datetime as dt

from ..errors import ArticleError

_MIN_WORDS = 3  # fewer words is navigation residue ("Home"), not an article


def read_html(page: str, source: str, reference_date: dt.date | None) -> tuple[str, str | None, str | None, dt.date]:
    """Return ``(text, title, url, published)`` of an HTML article; raises ``ArticleError``."""
    import logging

    import trafilatura

    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        extracted = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                                favor_precision=True)
    except (ValueError, TypeError, RecursionError) as exc:
        raise ArticleError(source, f"cannot parse the HTML page: {exc}") from None
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if len(text.split()) < _MIN_WORDS:
        raise ArticleError(source, "no article text found in the HTML page")
    title = (getattr(extracted, "title", None) or "").strip() or None
    if title and text.startswith(title + "\n"):  # the page's <h1> repeats the headline
        text = text[len(title):].strip()
    url = getattr(extracted, "url", None) or None
    published = reference_date or _find_date(page)
    if published is None:
        from . import NoDateError

        raise NoDateError(source)
    return text, title, url, published


def _find_date(page: str) -> dt.date | None:
    from htmldate import find_date

    try:
        found = find_date(page, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError, RecursionError):
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found)
    except ValueError:
        return None
