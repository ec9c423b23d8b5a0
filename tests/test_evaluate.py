"""The TempEval-3 scorer: pairing rules, metrics, error listing, and agreement with ../shared/eval/score.py."""
from __future__ import annotations

import datetime as dt
import doctest
import importlib.util
import json
import random
from pathlib import Path

import pytest

from timeline import corpus, evaluate, timeml
from timeline.corpus import GoldDocument
from timeline.errors import ArticleError
from timeline.evaluate import context, evaluate as run_evaluate, pair_timexes, score
from timeline.model import Document, Mention, Tagging, TimexType

TEXT = "On Friday, March 5, 1998 the talks ended; three days later, every Monday morning, nothing. " * 2


def m(start: int, end: int, ttype: str = "DATE", value: str = "X", text: str = TEXT) -> Mention:
    return Mention(text[start:end], start, end, "t", TimexType(ttype), value)


# (doc id, gold, pred, reference pairs) -- pairs as ../shared/eval/score.py's pair_timexes returns them.
# TEXT[3:9] "Friday", [11:24] "March 5, 1998", [42:58] "three days later", [60:73] "every Monday ".
CASES = [
    ("exact", [m(3, 9, value="1998-03-06"), m(11, 24, value="1998-03-05")],
     [m(3, 9, value="1998-03-06"), m(11, 24, value="1998-03-12")], [(0, 0), (1, 1)]),
    ("cover", [m(3, 9), m(11, 24)], [m(0, 24)], [(0, 0)]),
    ("split", [m(3, 24, value="1998-03-05")], [m(3, 9, value="1998-03-05"), m(11, 24, value="1998-03-05")],
     [(0, 0)]),
    ("nested", [m(11, 24, value="1998-03-05"), m(42, 58, "DURATION", "P3D")],
     [m(8, 20, "TIME", "1998-03-05"), m(11, 18, value="1998-03-05"), m(19, 44, "DURATION", "P3D"),
      m(42, 58, "DURATION", "P3D")], [(0, 0), (1, 3)]),
    ("empty", [m(3, 9)], [m(5, 5), m(4, 8, "SET")], [(0, 1)]),
    ("missing", [m(3, 9), m(60, 73, "SET", "XXXX-WXX-1")], [m(60, 80, "SET", "XXXX-WXX-1")], [(1, 0)]),
    ("spurious", [], [m(26, 31, value="PAST_REF"), m(26, 31, value="PAST_REF")], []),
    ("ties", [m(3, 9, value="a"), m(3, 18, value="b")], [m(3, 18, value="b"), m(3, 9, value="b")],
     [(0, 1), (1, 0)]),
    ("nothing", [], [], []),
]
assert len({c[0] for c in CASES}) == len(CASES)

# What `python ../shared/eval/score.py gold.jsonl pred.jsonl --json --by-type` printed for CASES.
REFERENCE = {
    "docs": 9, "gold": 12, "pred": 16, "strict_match": 5, "relaxed_match": 10, "type_match": 8,
    "value_match": 8, "relaxed_f1": 0.7142857142857143, "relaxed_p": 0.625, "relaxed_r": 0.8333333333333334,
    "strict_f1": 0.35714285714285715, "strict_p": 0.3125, "strict_r": 0.4166666666666667, "type_acc": 0.8,
    "type_f1": 0.5714285714285715, "type_p": 0.5, "type_r": 0.6666666666666667, "value_acc": 0.8,
    "value_f1": 0.5714285714285715, "value_p": 0.5, "value_r": 0.6666666666666667,
    "by_gold_type": {
        "DATE": {"gold": 10, "gold_recall_relaxed": 0.8, "gold_recall_strict": 0.4, "pred": 11,
                 "type_acc": 0.75, "value_acc": 0.75},
        "DURATION": {"gold": 1, "gold_recall_relaxed": 1.0, "gold_recall_strict": 1.0, "pred": 2,
                     "type_acc": 1.0, "value_acc": 1.0},
        "SET": {"gold": 1, "gold_recall_relaxed": 1.0, "gold_recall_strict": 0.0, "pred": 2,
                "type_acc": 1.0, "value_acc": 1.0},
        "TIME": {"gold": 0, "gold_recall_relaxed": None, "gold_recall_strict": None, "pred": 1,
                 "type_acc": None, "value_acc": None}},
}


@pytest.mark.parametrize("doc_id, gold, pred, expected", CASES, ids=[c[0] for c in CASES])
def test_pairing_matches_reference_pairs(doc_id, gold, pred, expected):
    assert sorted(pair_timexes(gold, pred)) == expected


def test_scores_match_reference_numbers_on_fixed_cases():
    scores = score((doc_id, TEXT, gold, pred) for doc_id, gold, pred, _ in CASES)
    assert scores.as_dict() == REFERENCE
    assert scores.value_f1 == pytest.approx(scores.value_acc * scores.relaxed_f1)


def test_nothing_at_all_scores_one_and_no_predictions_scores_zero():
    empty = score([("d", "text", [], [])])
    assert (empty.strict_f1, empty.relaxed_f1, empty.type_acc, empty.value_f1) == (1.0, 1.0, 1.0, 1.0)
    missed = score([("d", TEXT, [m(3, 9)], [])])
    assert (missed.strict_p, missed.relaxed_r, missed.type_acc, missed.value_f1) == (0.0, 0.0, 0.0, 0.0)


def test_one_to_one_a_prediction_covering_two_golds_counts_once():
    s = score([("d", TEXT, [m(3, 9), m(11, 24)], [m(0, 24)])])
    assert (s.counts["relaxed"], s.relaxed_p, s.relaxed_r) == (1, 1.0, 0.5)


def test_error_listing_kinds_order_and_context():
    s = score([(doc_id, TEXT, gold, pred) for doc_id, gold, pred, _ in CASES], list_errors=True)
    assert [(e.doc_id, e.kind) for e in s.errors] == [
        ("exact", "VALUE"), ("cover", "SPAN"), ("cover", "MISSED"), ("split", "SPAN"), ("split", "SPURIOUS"),
        ("nested", "SPAN+TYPE"), ("nested", "SPURIOUS"), ("nested", "SPURIOUS"),
        ("empty", "SPAN+TYPE"), ("empty", "SPURIOUS"), ("missing", "MISSED"), ("missing", "SPAN"),
        ("spurious", "SPURIOUS"), ("spurious", "SPURIOUS"), ("ties", "VALUE"),
    ]
    assert evaluate.error_summary(s.errors) == "15 errors: SPURIOUS 6, SPAN 3, MISSED 2, SPAN+TYPE 2, VALUE 2"
    assert evaluate.error_summary([]) == "0 errors"
    value_error = s.errors[0]
    assert value_error.context == "On Friday, [[{{March 5, 1998]]}} the talks ended; three days later, ever..."
    assert value_error.describe().splitlines()[0] == (
        "VALUE           exact  gold [11,24) 'March 5, 1998' DATE 1998-03-05  "
        "pred [11,24) 'March 5, 1998' DATE 1998-03-12")
    assert value_error.as_dict()["pred"]["value"] == "1998-03-12"


def test_context_marks_span_and_cuts_window():
    text = "line one\nWe met on Friday.\tThen we left town for good."
    assert context(text, [(19, 25, "[[", "]]")], width=8) == "... met on [[Friday]]. Then w..."
    assert context("Friday", [(0, 6, "[[", "]]")]) == "[[Friday]]"


def test_format_report_has_every_row():
    report = evaluate.format_report(score((d, TEXT, g, p) for d, g, p, _ in CASES))
    assert report.splitlines()[0] == "docs 9   gold timexes 12   predicted 16"
    assert "relaxed    62.50  83.33  71.43   10" in report
    assert "value      50.00  66.67  57.14   acc  80.00 (8/10)" in report
    assert "  TIME         0    1 |      -      -      -      -" in report


def _gold(doc_id: str, text: str, timexes: tuple[Mention, ...] = ()) -> GoldDocument:
    return GoldDocument(Document(doc_id, text, dt.date(1998, 3, 6), source="g.jsonl"), timexes, 1)


def test_evaluate_tags_each_document_and_reports_unreadable_ones():
    def fake_tagger(text: str, dct: dt.date) -> Tagging:
        i = text.find("Friday")
        return Tagging((m(i, i + 6, value=dct.isoformat(), text=text),) if i >= 0 else ())

    docs = [_gold("a", TEXT, (m(3, 9, value="1998-03-06"),)), ArticleError("g.jsonl", "missing 'dct'", 2),
            _gold("b", "nothing here")]
    scores, failures = run_evaluate(docs, fake_tagger)
    assert [str(f) for f in failures] == ["g.jsonl:2: missing 'dct'"]
    assert (scores.counts["docs"], scores.strict_f1, scores.value_acc) == (2, 1.0, 1.0)


def test_evaluate_reports_a_failing_tagger_per_document():
    def broken(text: str, dct: dt.date) -> Tagging:
        raise ZeroDivisionError("boom")

    scores, failures = run_evaluate([_gold("a", TEXT)], broken)
    assert [str(f) for f in failures] == ["g.jsonl:1: doc a: tagger failed: ZeroDivisionError: boom"]
    assert scores.counts["docs"] == 0


def test_evaluate_with_predictions_counts_a_missing_document_as_empty():
    scores, _ = run_evaluate([_gold("a", TEXT, (m(3, 9),)), _gold("b", TEXT)], predictions={"b": (), "z": ()})
    assert (scores.counts["gold"], scores.counts["pred"], scores.relaxed_r) == (1, 0, 0.0)
    assert scores.warnings == ["1 gold doc(s) have no prediction; scored as empty (e.g. a)",
                               "1 predicted doc(s) not in gold; ignored (e.g. z)"]


@pytest.mark.parametrize("module", [corpus, evaluate, timeml])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# ------------------------------------------------- live agreement with the reference scorer --

def _reference_scorer():
    for base in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared")):
        path = base / "eval" / "score.py"
        if path.is_file():
            spec = importlib.util.spec_from_file_location("reference_score", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    pytest.skip("../shared/eval/score.py is not here")


def _random_corpus(seed: int, n_docs: int = 40):
    rnd = random.Random(seed)
    types, values = ["DATE", "TIME", "DURATION", "SET"], ["1998", "1998-03", "P3D", "PAST_REF"]
    docs = []
    for k in range(n_docs):
        text = "x" * rnd.randint(20, 200)

        def spans(count: int) -> list[dict]:
            out = []
            for _ in range(count):
                s = rnd.randrange(len(text))
                e = min(len(text), s + rnd.choice([0, 1, 2, 5, 9, 20]))
                out.append({"start": s, "end": e, "type": rnd.choice(types), "value": rnd.choice(values)})
            return out
        gold = spans(rnd.randint(0, 6))
        pred = [dict(g) for g in gold if rnd.random() < 0.5] + spans(rnd.randint(0, 6))
        rnd.shuffle(pred)
        docs.append((f"d{k}", text, gold, pred))
    return docs


@pytest.mark.parametrize("seed", range(25))
def test_agrees_with_reference_scorer_on_random_corpora(seed):
    reference = _reference_scorer()
    docs = _random_corpus(seed)
    gold_docs = {d: {"doc_id": d, "text": t, "timexes": [dict(x) for x in g]} for d, t, g, _ in docs}
    pred_docs = {d: {"doc_id": d, "timexes": [dict(x) for x in p]} for d, _, _, p in docs}
    expected, _ = reference.score(gold_docs, pred_docs, by_type=True)
    for key in ("warnings", "missing_pred_docs", "extra_pred_docs"):
        expected.pop(key)

    def mentions(items: list[dict], text: str) -> list[Mention]:
        return [Mention(text[x["start"]:x["end"]], x["start"], x["end"], "t", TimexType(x["type"]), x["value"])
                for x in items]
    got = score((d, t, mentions(g, t), mentions(p, t)) for d, t, g, p in docs).as_dict()
    assert got == expected
    for d, t, g, p in docs:
        assert sorted(pair_timexes(mentions(g, t), mentions(p, t))) == sorted(reference.pair_timexes(g, p))


def test_reference_numbers_above_are_still_what_the_reference_prints():
    reference = _reference_scorer()
    gold_docs = {d: {"doc_id": d, "text": TEXT, "timexes": [
        {"start": x.start, "end": x.end, "type": x.type.value, "value": x.value} for x in g]} for d, g, _, _ in CASES}
    pred_docs = {d: {"doc_id": d, "timexes": [
        {"start": x.start, "end": x.end, "type": x.type.value, "value": x.value} for x in p]} for d, _, p, _ in CASES}
    res, _ = reference.score(gold_docs, pred_docs, by_type=True)
    assert {k: v for k, v in res.items() if k in REFERENCE} == REFERENCE
    assert json.dumps(REFERENCE)  # stays JSON-serializable like the reference's --json line
