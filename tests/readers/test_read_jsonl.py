"""JSONL archives and .json files: each line a document, bad lines reported with file:line."""
import datetime as dt
import json

from timeline.errors import ArticleError
from timeline.readers import NoDateError, read_inputs

D = dt.date(2023, 9, 22)


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_good_and_bad_lines(tmp_path):
    src = write_lines(tmp_path / "archive.jsonl", [
        json.dumps({"id": "a1", "date": "2023-09-22", "title": "One", "text": "Held on Friday.", "url": "https://x/1"}),
        "{not json",
        json.dumps({"doc_id": "APW1", "dct": "1998-08-07", "title": "Two", "text": "On Friday."}),
        "",
        json.dumps({"id": "a3", "date": "2023-09-22"}),
        json.dumps({"id": "a4", "date": "February 30, 2023", "text": "x"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a5", "text": "No date here."}),
        json.dumps({"text": "No id, has date.", "date": "Sept. 22, 2023"}),
    ])
    results = list(read_inputs([src]))
    docs = [r for r in results if not isinstance(r, ArticleError)]
    errors = [str(r) for r in results if isinstance(r, ArticleError)]
    assert [(d.id, d.published, d.title) for d in docs] == [
        ("a1", D, "One"),
        ("APW1", dt.date(1998, 8, 7), "Two"),
        ("archive-9", D, None),
    ]
    assert docs[0].url == "https://x/1" and docs[0].text == "Held on Friday."
    assert docs[0].source == f"{src}:1"
    assert errors == [
        f"{src}:2: not JSON: Expecting property name enclosed in double quotes at column 2",
        f"{src}:5: no article text (a non-empty \"text\" field)",
        f"{src}:6: bad date: impossible date 'February 30, 2023': day is out of range for month",
        f"{src}:7: expected a JSON object, got list",
        f"{src}:8: no publication date found: pass --reference-date YYYY-MM-DD",
    ]
    assert isinstance(results[-2], NoDateError)


def test_reference_date_overrides_each_line(tmp_path):
    src = write_lines(tmp_path / "a.jsonl", [
        json.dumps({"id": "x", "date": "2001-01-01", "text": "t"}),
        json.dumps({"id": "y", "text": "t"}),
    ])
    assert [d.published for d in read_inputs([src], D)] == [D, D]


def test_duplicate_ids_are_made_unique(tmp_path):
    src = write_lines(tmp_path / "a.jsonl", [json.dumps({"id": "x", "date": "2023-09-22", "text": "t"})] * 3)
    other = tmp_path / "x.txt"
    other.write_text("Date: 2023-09-22\n\nBody.")
    assert [d.id for d in read_inputs([src, str(other)])] == ["x", "x-2", "x-3", "x-4"]


def test_json_file_object_and_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "T", "date": "2023-09-22", "text": "Body."}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"date": "2023-09-22", "text": "A."}, {"text": "B."}, 3]))
    results = list(read_inputs([str(one), str(many)]))
    assert [getattr(r, "id", None) for r in results] == ["one", "many-1", None, None]
    assert [str(r) for r in results[2:]] == [
        f"{many}: item 2: no publication date found: pass --reference-date YYYY-MM-DD",
        f"{many}: item 3: expected a JSON object, got int",
    ]


def test_a_json_list_item_without_a_date_is_a_no_date_error_as_a_jsonl_line_is(tmp_path):
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"date": "2023-09-22", "text": "A."}, {"text": "B."}]))
    lines = write_lines(tmp_path / "many.jsonl", [json.dumps({"date": "2023-09-22", "text": "A."}),
                                                  json.dumps({"text": "B."})])
    from_list, from_lines = list(read_inputs([str(many)]))[1], list(read_inputs([lines]))[1]
    assert isinstance(from_list, NoDateError) and isinstance(from_lines, NoDateError)
    assert str(from_list) == f"{many}: item 2: no publication date found: pass --reference-date YYYY-MM-DD"


def test_json_scalar_and_empty(tmp_path):
    scalar = tmp_path / "s.json"
    scalar.write_text("42")
    blank = tmp_path / "b.jsonl"
    blank.write_text("\n\n  \n")
    assert [str(r) for r in read_inputs([str(scalar), str(blank)])] == [
        f"{scalar}: expected an article object or a list of them, got int",
        f"{blank}: empty file",
    ]


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path):
    src = tmp_path / "deep.jsonl"
    src.write_text("[" * 100000 + "]" * 100000 + "\n")
    [err] = read_inputs([str(src)])
    assert isinstance(err, ArticleError)


def test_dev_corpus_shape():
    """The shared dev corpus uses doc_id/dct/title/text."""
    line = {"doc_id": "APW19980807.0261", "dct": "1998-08-07", "title": "T", "text": "\n\nNAIROBI, Kenya (AP) _\n"}
    from timeline.readers import read_bytes

    [doc] = read_bytes(json.dumps(line).encode(), "dev.jsonl", "jsonl", "dev")
    assert (doc.id, doc.published, doc.text) == ("APW19980807.0261", dt.date(1998, 8, 7), line["text"])
