"""Quoting a source sentence for people to read, shared by the writers that show quotes as text.

    >>> quoted("The summit ended Friday.")
    '“The summit ended Friday.”'
    >>> quoted("“We will return,” she said Monday.")
    '“‘We will return,’ she said Monday.”'
"""
from __future__ import annotations

_INNER = str.maketrans({"“": "‘", "”": "’"})


def quoted(text: str) -> str:
    """``text`` in double quotation marks; its own double quotes become single ones, as typography
    nests quotes, so a quote that starts with a quotation never shows as ““…”."""
    return f"“{text.translate(_INNER)}”"
