"""Encodings: BOMs, UTF-16, legacy single-byte files, binary and empty files. Never a UnicodeDecodeError."""
import codecs
import datetime as dt

import pytest

from timeline.errors import ArticleError
from timeline.readers import read_inputs

TEXT = ("date 2023-09-22 Café opens in Zürich\n\n"
        "The café “Grüne Straße” opened on September 20, naïve critics said. "
        "Its owner, Renée Müller, said the façade was finished in August and the crème brûlée is très bon.\n")


@pytest.mark.parametrize(
    "name,data",
    [
        ("utf8", TEXT.encode("utf-8")),
        ("utf8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("utf16-le-bom", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
        ("utf16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
        ("utf16", TEXT.encode("utf-16")),
        ("utf32", TEXT.encode("utf-32")),
        ("cp1252", TEXT.encode("cp1252")),
    ],
)
def test_encodings_decode_to_the_same_document(tmp_path, name, data):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    [doc] = read_inputs([str(path)])
    assert doc.published == dt.date(2023, 9, 22)
    assert doc.title == "Café opens in Zürich"
    assert doc.text == TEXT.split("\n\n", 1)[1].strip()


def test_latin1_legacy_file(tmp_path):
    text = "Date: 2023-09-22\n\nLe président a annoncé vendredi que la réunion aura lieu à Genève en été, après les élections.\n"
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("latin-1"))
    [doc] = read_inputs([str(path)])
    assert "président" in doc.text and "Genève" in doc.text


def test_html_meta_charset(tmp_path):
    page = ("<html><head><meta charset=\"windows-1252\"><title>Café</title></head><body><article>"
            "<p>The café “Grüne Straße” opened on September 20, 2023, said Renée Müller, its owner, in Zürich.</p>"
            "</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    [doc] = read_inputs([str(path)], dt.date(2023, 9, 22))
    assert "“Grüne Straße”" in doc.text


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        (codecs.BOM_UTF16_LE + "   ".encode("utf-16-le"), "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), not a text article"),
        (bytes(range(1, 32)) * 20, "binary file (control characters), not a text article"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid UTF-16 text after its byte-order mark"),
    ],
)
def test_empty_and_binary_files(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    [err] = read_inputs([str(path)])
    assert isinstance(err, ArticleError)
    assert str(err) == f"{path}: {reason}"


def test_random_bytes_never_raise(tmp_path):
    import random

    rng = random.Random(7)
    for n in range(60):
        path = tmp_path / f"r{n}.txt"
        path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))))
        for result in read_inputs([str(path)], dt.date(2023, 9, 22)):
            assert isinstance(result, (ArticleError,)) or isinstance(result.text, str)


def test_mostly_ascii_cp1252_is_not_read_as_cyrillic(tmp_path):
    text = "Date: 2023-09-22\n\nCafé “x” " + "7" * 5000
    path = tmp_path / "ascii.txt"
    path.write_bytes(text.encode("cp1252"))
    [doc] = read_inputs([str(path)])
    assert doc.text.startswith("Café “x” 777")


def test_cp1251_russian_is_read_as_russian(tmp_path):
    text = "Date: 2023-09-22\n\nПривет, мир. Это тест на русском языке, сказал он в пятницу 22 сентября."
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    [doc] = read_inputs([str(path)])
    assert doc.text == text.split("\n\n", 1)[1]
