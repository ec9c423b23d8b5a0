"""Folders, globs, stdin, missing and unreadable paths; deterministic order and unique ids."""
import datetime as dt
import io
import json
import os

import pytest

import timeline.readers as readers
from timeline.errors import ArticleError
from timeline.readers import read_inputs

D = dt.date(2023, 9, 22)


def article(path, body="Held on Friday.", date="2023-09-22"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Date: {date}\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path):
    article(tmp_path / "b.txt")
    article(tmp_path / "a.md")
    article(tmp_path / "sub" / "c.txt")
    article(tmp_path / "sub" / "deeper" / "a.txt")
    (tmp_path / "sub" / "d.jsonl").write_text(json.dumps({"id": "d1", "date": "2023-09-22", "text": "x"}) + "\n")
    (tmp_path / "notes.csv").write_text("not,an,article\n")
    (tmp_path / "package.json").write_text('{"name": "not an article"}\n')
    article(tmp_path / ".hidden" / "e.txt")
    article(tmp_path / ".f.txt")
    return tmp_path


def test_folder_is_recursive_sorted_and_skips_hidden(tree):
    docs = list(read_inputs([str(tree)]))
    assert [os.path.relpath(d.source.split(":")[0], tree) for d in docs] == [
        "a.md", "b.txt", "sub/c.txt", "sub/d.jsonl", "sub/deeper/a.txt"]
    assert [d.id for d in docs] == ["a", "b", "c", "d1", "a-2"]


def test_excluded_folder_is_skipped(tree):
    docs = list(read_inputs([str(tree)], exclude=[tree / "sub"]))
    assert [d.id for d in docs] == ["a", "b"]


def test_json_is_read_when_named_not_when_found_in_a_folder(tree):
    [err] = read_inputs([str(tree / "package.json")])
    assert str(err) == f"{tree / 'package.json'}: no article text (a non-empty \"text\" field)"


def test_glob_and_order_of_arguments(tree):
    results = list(read_inputs([str(tree / "sub" / "*.txt"), str(tree / "*.txt"), str(tree / "**" / "a.*")]))
    assert [d.id for d in results] == ["c", "b", "a", "a-2"]


def test_same_file_twice_is_read_once(tree):
    assert [d.id for d in read_inputs([str(tree / "b.txt"), str(tree / "b.txt"), str(tree / "." / "b.txt")])] == ["b"]


def test_missing_path_glob_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    missing, nomatch, empty = str(tmp_path / "nope.txt"), str(tmp_path / "*.nope"), str(tmp_path / "empty")
    assert [str(e) for e in read_inputs([missing, nomatch, empty])] == [
        f"{missing}: no such file or directory",
        f"{nomatch}: no file matches this pattern",
        f"{empty}: no articles in folder (looked for .htm, .html, .jsonl, .markdown, .md, .ndjson, .text, .txt, .xhtml)",
    ]


def test_unreadable_file(tmp_path, monkeypatch):
    path = article(tmp_path / "locked.txt")
    if os.geteuid() == 0:  # root reads anything: simulate the refusal

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(readers, "open", refuse, raising=False)
    else:
        path.chmod(0)
    [err] = read_inputs([str(path)])
    assert str(err) == f"{path}: permission denied"


def test_stdin_text_and_mixed_with_files(tmp_path):
    path = article(tmp_path / "x.txt")
    stdin = io.BytesIO(b"Published: Sept. 22, 2023\n\nThe talks began on Monday.")
    docs = list(read_inputs([str(path), "-"], stdin=stdin))
    assert [(d.id, d.source, d.text) for d in docs] == [
        ("x", str(path), "Held on Friday."), ("stdin", "-", "The talks began on Monday.")]


def test_stdin_jsonl_and_html_are_sniffed():
    lines = b'{"id": "j", "date": "2023-09-22", "text": "t"}\n{"id": "k", "date": "2023-09-22", "text": "u"}\n'
    assert [d.id for d in read_inputs(["-"], stdin=io.BytesIO(lines))] == ["j", "k"]
    page = (b"<!DOCTYPE html><html><body><article><p>The talks were held in Geneva on September 20, "
            b"officials said on Friday.</p></article></body></html>")
    [doc] = read_inputs(["-"], D, stdin=io.BytesIO(page))
    assert doc.text.startswith("The talks were held in Geneva")


def test_empty_stdin():
    [err] = read_inputs(["-"], stdin=io.BytesIO(b""))
    assert str(err) == "-: empty file"


def test_unknown_suffix_named_explicitly_reads_as_text(tmp_path):
    path = article(tmp_path / "story.article")
    [doc] = read_inputs([str(path)])
    assert doc.id == "story" and isinstance(doc, readers.Document)


def test_errors_never_stop_the_batch(tmp_path):
    good = article(tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    results = list(read_inputs([str(tmp_path / "missing.txt"), str(tmp_path)]))
    assert [type(r).__name__ for r in results] == ["ArticleError", "ArticleError", "Document"]
    assert results[2].source == str(good)
    assert all(isinstance(r, (ArticleError, readers.Document)) for r in results)
