"""TimeML reading (text, offsets, DCT, gold TIMEX3) and writing, and round trips between the two."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.corpus import read_corpus
from timeline.errors import ArticleError, WriterError
from timeline.model import Document, Mention, TimexType
from timeline.timeml import file_name, parse_timeml, read_timeml_path, to_timeml, write_timeml_folder

TBAQ_LIKE = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
<DOCID>APW19980807.0261</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07T10:30:00" temporalFunction="false" functionInDocument="CREATION_TIME">08/07/1998 10:30:00</TIMEX3></DCT>
<TITLE>Explosions rock U.S. embassies</TITLE>
<TEXT>
NAIROBI, Kenya (AP) _ Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> &amp; <SIGNAL sid="s1">on</SIGNAL> <TIMEX3 tid="t1" type="DATE" value="1998-08-07" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">Friday</TIMEX3>, for <TIMEX3 tid="t2" type="DURATION" value="P3D" mod="APPROX">three days</TIMEX3><TIMEX3 tid="t3" type="DATE" value="PRESENT_REF"/>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"""


def test_reads_text_without_markup_with_offsets_dct_and_gold():
    gold = parse_timeml(TBAQ_LIKE, "a/APW.tml")
    doc = gold.document
    assert doc.id == "APW19980807.0261"
    assert doc.published == dt.date(1998, 8, 7)
    assert doc.title == "Explosions rock U.S. embassies"
    assert doc.text == "\nNAIROBI, Kenya (AP) _ Bombs exploded & on Friday, for three days.\n"
    assert [(t.text, t.type, t.value, t.mod) for t in gold.timexes] == [
        ("Friday", TimexType.DATE, "1998-08-07", None), ("three days", TimexType.DURATION, "P3D", "APPROX")]
    assert all(doc.text[t.start:t.end] == t.text for t in gold.timexes)
    assert gold.where == "a/APW.tml"


@pytest.mark.parametrize("xml, message", [
    ("<TimeML><TEXT>a</TEX></TimeML>", "x.tml: not well-formed XML: mismatched tag: line 1, column 17"),
    ("<TimeML><DCT/></TimeML>", "x.tml: no <TEXT> element"),
    ("<TimeML><TEXT>a</TEXT></TimeML>", 'x.tml: no DCT (a TIMEX3 with functionInDocument="CREATION_TIME")'),
    ('<TimeML><TIMEX3 functionInDocument="CREATION_TIME" value="08/07/98"/><TEXT>a</TEXT></TimeML>',
     "x.tml: bad dct '08/07/98': expected YYYY-MM-DD"),
    ('<TimeML><TIMEX3 functionInDocument="CREATION_TIME" value="1998-08-07"/>'
     '<TEXT><TIMEX3 tid="t9" type="WHEN">x</TIMEX3></TEXT></TimeML>',
     "x.tml: TIMEX3 t9: type 'WHEN' is not DATE, TIME, DURATION or SET"),
])
def test_bad_timeml_raises_article_error(xml, message):
    with pytest.raises(ArticleError) as info:
        parse_timeml(xml, "x.tml")
    assert str(info.value) == message


def test_doc_id_falls_back_to_file_name():
    xml = '<TimeML><TIMEX3 functionInDocument="CREATION_TIME" value="1998-08-07"/><TEXT>a</TEXT></TimeML>'
    assert parse_timeml(xml, "dir/wsj_0001.tml").document.id == "wsj_0001"


def test_writes_timex3_with_escaped_text_and_mod():
    doc = Document("d<1>", 'A & B <said> "Friday"\r\n', dt.date(1998, 8, 8), title="T & T")
    mentions = [Mention('"Friday"', 13, 21, "x", TimexType.DATE, "1998-08-07", mod="APPROX")]
    xml = to_timeml(doc, mentions)
    assert "<DOCID>d&lt;1&gt;</DOCID>" in xml
    assert '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-08" temporalFunction="false" ' \
           'functionInDocument="CREATION_TIME">1998-08-08</TIMEX3></DCT>' in xml
    assert ('<TEXT>A &amp; B &lt;said&gt; <TIMEX3 tid="t1" type="DATE" value="1998-08-07" mod="APPROX">'
            '"Friday"</TIMEX3>&#13;\n</TEXT>') in xml
    back = parse_timeml(xml, "d.tml")
    assert (back.document.id, back.document.text, back.document.title) == (doc.id, doc.text, doc.title)


def test_round_trip_of_a_read_document():
    gold = parse_timeml(TBAQ_LIKE, "APW.tml")
    again = parse_timeml(to_timeml(gold.document, gold.timexes), "APW.tml")
    assert again.document == gold.document
    assert again.timexes == gold.timexes


@pytest.mark.parametrize("mentions, message", [
    ([(0, 4), (2, 6)], "doc d: mention [2,6) 'y 19' overlaps another or lies outside the text"),
    ([(3, 40)], "doc d: mention [3,40) ' 1998' overlaps another or lies outside the text"),
])
def test_overlapping_or_outside_mentions_are_a_writer_error(mentions, message):
    text = "May 1998"
    doc = Document("d", text, dt.date(1998, 5, 1))
    ms = [Mention(text[s:e], s, e, "x", TimexType.DATE, "1998") for s, e in mentions]
    with pytest.raises(WriterError) as info:
        to_timeml(doc, ms)
    assert str(info.value) == message


def test_characters_xml_cannot_hold_are_a_writer_error():
    with pytest.raises(WriterError) as info:
        to_timeml(Document("d", "a\x00b", dt.date(1998, 5, 1)), [])
    assert str(info.value) == "doc d: character '\\x00' at offset 1 cannot be written in XML"


xml_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x01\x02\x03\x04\x05"
                                 "\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
                                 "\x1c\x1d\x1e\x1f\ufffe\uffff"), max_size=60)


@settings(max_examples=150, deadline=None)
@given(text=xml_text, cuts=st.lists(st.integers(0, 60), max_size=8),
       ttype=st.sampled_from(list(TimexType)), mod=st.sampled_from([None, "APPROX", "START"]))
def test_round_trip_any_text_and_non_overlapping_mentions(text, cuts, ttype, mod):
    points = sorted({c for c in cuts if c <= len(text)})
    spans = [(a, b) for a, b in zip(points[::2], points[1::2]) if b > a]
    mentions = tuple(Mention(text[a:b], a, b, "gold", ttype, f"v&{a}<\"", mod=mod) for a, b in spans)
    doc = Document("doc-1", text, dt.date(2013, 3, 22), source="doc-1.tml")
    back = parse_timeml(to_timeml(doc, mentions), "doc-1.tml")
    assert back.document == doc
    assert back.timexes == mentions


def test_folder_reading_sorted_with_one_error_per_bad_file(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.tml").write_text(TBAQ_LIKE.replace("APW19980807.0261", "B"), encoding="utf-8")
    (tmp_path / "a.tml").write_text(TBAQ_LIKE.replace("APW19980807.0261", "A"), encoding="utf-8")
    (tmp_path / "c.tml").write_text("<TimeML>", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    got = list(read_corpus(tmp_path))
    assert [x.document.id if not isinstance(x, ArticleError) else str(x) for x in got] == [
        "A", f"{tmp_path / 'c.tml'}: not well-formed XML: no element found: line 1, column 8", "B"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert [str(x) for x in read_timeml_path(empty)] == [f"{empty}: no .tml files in this folder"]


def test_folder_writing_one_file_per_document(tmp_path):
    gold = parse_timeml(TBAQ_LIKE, "APW.tml")
    clash = Document("APW19980807/0261", "x", dt.date(1998, 8, 7))
    other = Document("APW19980807_0261", "x", dt.date(1998, 8, 7))
    results = list(write_timeml_folder(tmp_path / "out", [(gold.document, gold.timexes), (clash, ()),
                                                          (other, ())]))
    assert results[0] == tmp_path / "out" / "APW19980807.0261.tml"
    assert results[1] == tmp_path / "out" / "APW19980807_0261.tml"
    assert str(results[2]) == ("doc APW19980807_0261: file name APW19980807_0261.tml is already used by "
                               "doc APW19980807/0261")
    assert parse_timeml(results[0].read_bytes(), "x").timexes == gold.timexes
    assert file_name("../etc") == "_etc"
