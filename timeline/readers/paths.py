"""Expanding the inputs named on the command line: files, folders (recursive), globs and ``-`` (stdin)."""
from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import ArticleError

KINDS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
}
# Folders are searched for these; .json only when named (a folder's .json files are rarely articles:
# package manifests, earlier exports).
FOLDER_SUFFIXES = frozenset(KINDS) - {".json"}
STDIN = "-"
_GLOB_CHARS = set("*?[")


def kind_of(path: str) -> str:
    """The reader for a file name: ``text``, ``html``, ``jsonl`` or ``json`` (unknown suffixes read as text)."""
    return KINDS.get(Path(path).suffix.lower(), "text")


def expand(paths: Sequence[str], exclude: Sequence[str | os.PathLike] = ()) -> Iterator[str | ArticleError]:
    """Yield each input file (or ``-``) once, in argument order; folders and globs expand sorted.

    Folders are searched recursively for ``FOLDER_SUFFIXES``, skipping hidden entries and the
    folders in ``exclude`` (the output folder). A name that matches nothing yields an ``ArticleError``.
    """
    excluded = {_key(Path(p)) for p in exclude}
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                yield STDIN
            continue
        for item in _expand_one(raw, excluded):
            if isinstance(item, ArticleError):
                yield item
                continue
            key = _key(Path(item))
            if key not in seen:
                seen.add(key)
                yield item


def _expand_one(raw: str, excluded: set[str]) -> Iterator[str | ArticleError]:
    path = Path(raw)
    if not raw.strip():
        yield ArticleError(repr(raw), "empty path")
        return
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except (OSError, ValueError) as exc:
        yield ArticleError(raw, f"cannot access: {getattr(exc, 'strerror', None) or exc}")
        return
    if is_dir:
        found = sorted(_walk(path, excluded))
        if not found:
            yield ArticleError(raw, f"no articles in folder (looked for {', '.join(sorted(FOLDER_SUFFIXES))})")
        yield from found
    elif exists:
        yield raw
    elif _GLOB_CHARS & set(raw):
        matches = sorted(m for m in glob.glob(raw, recursive=True) if not os.path.isdir(m))
        if not matches:
            yield ArticleError(raw, "no file matches this pattern")
        yield from matches
    else:
        yield ArticleError(raw, "no such file or directory")


def _walk(folder: Path, excluded: set[str]) -> Iterator[str]:
    def on_error(exc: OSError) -> None:  # unreadable sub-folders are skipped, not fatal
        return None

    for root, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".") and _key(Path(root, d)) not in excluded]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in FOLDER_SUFFIXES:
                yield os.path.join(root, name)


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())
