"""The events layer: from tagged documents to a Timeline of happenings (what, when, where).

Modules, one job each: ``sentences`` (sentences and clauses with offsets), ``grammar`` (cues, tense,
modifiers), ``attribution`` (reporting frames, speakers, quotes), ``phrases`` (a date's own phrase: reduced
relatives, named happenings), ``titles`` (headline-style titles), ``antecedents`` (the name a title's leading
pronoun stands for), ``locations`` (places and datelines),
``spans`` (calendar arithmetic), ``confidence``, ``merge`` (same happening, ids, order) and ``build`` (the
walk through one document). Word lists live in ``lexicon.toml``.
"""
from __future__ import annotations

from ..model import Document, Tagging, Timeline
from .build import document_events, publication
from .merge import finalize, merge_events

__all__ = ["build_timeline", "document_events", "events_from_taggings", "publication"]


def build_timeline(documents: tuple[Document, ...], name: str, *, merge: bool = True) -> Timeline:
    """Tag each document, build its events, and (``merge``) join the same happening across documents."""
    from ..extract import tag

    taggings = []
    warnings = []
    for doc in documents:
        if doc.published is None:
            warnings.append(f"{doc.id}: no publication date: relative expressions cannot be resolved")
            taggings.append(Tagging())
        else:
            taggings.append(tag(doc.text, doc.published))
    timeline = events_from_taggings(documents, tuple(taggings), name, merge=merge)
    return Timeline(timeline.name, timeline.documents, timeline.events, (*warnings, *timeline.warnings))


def events_from_taggings(documents: tuple[Document, ...], taggings: tuple[Tagging, ...], name: str, *,
                         merge: bool = True) -> Timeline:
    """The Timeline of documents whose taggings are given (one per document, same order)."""
    per_document = []
    warnings: list[str] = []
    for doc, tagging in zip(documents, taggings, strict=True):
        found, warned = document_events(doc, tagging)
        pub = publication(doc, tagging)
        per_document.append(([pub] if pub else []) + found)
        warnings.extend(f"{doc.id}: {w}" for w in tagging.warnings)
        warnings.extend(warned)
    events = [e for found in per_document for e in found]
    if merge:
        events = merge_events(events)
    return Timeline(name=name, documents=tuple(documents), events=finalize(events), warnings=tuple(warnings))
