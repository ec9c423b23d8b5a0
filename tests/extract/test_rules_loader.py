"""The loader rejects bad rule files with a RuleError that names the file and the rule."""
import time

import pytest

from timeline.errors import RuleError
from timeline.extract import tag
from timeline.extract.rules import load

from .helpers import DCT

VOCAB = """
[vocab.month]
may = 5
[tense]
future = ["will"]
past = ["was"]
[ranges]
connectors = ["-"]
openers = ["from"]
"""
GOOD = """
[meta]
dct = 2013-03-22
[[rule]]
id = "xx.month"
pattern = '(?P<month>{month})'
op = "date"
examples = [["may", "2013-05"]]
"""


def _lang(tmp_path, rules: str, name: str = "xx"):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "vocab.toml").write_text(VOCAB)
    (folder / "dates.toml").write_text(rules)
    return load(name, tmp_path)


def test_a_good_language_loads(tmp_path):
    language = _lang(tmp_path, GOOD)
    assert [r.id for r in language.rules] == ["xx.month"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("op = \"date\"", "op = \"teleport\""), "unknown op"),
        (("(?P<month>{month})", "({month})"), "named groups only"),
        (("{month}", "{moon}"), "unknown macro"),
        (("(?P<month>{month})", "(?P<month>{month}"), "bad pattern"),
        (('examples = [["may", "2013-05"]]', "examples = []"), "examples"),
        (("(?P<month>{month})", "(?P<month>.*)"), "start"),
        (('op = "date"', 'op = "date"\nargs = { gran_ularity = "M" }'), "takes no args ['gran_ularity']"),
        (('op = "date"', 'op = "ref"'), "needs args ['value']"),
        (('op = "date"', 'op = "date"\npriority = "high"'), "priority must be an integer"),
        (('op = "date"', 'op = "date"\nsets_focus = "no"'), "sets_focus must be true or false"),
    ],
)
def test_bad_rules_name_file_and_rule(tmp_path, change, message):
    with pytest.raises(RuleError) as err:
        _lang(tmp_path, GOOD.replace(*change))
    assert "dates.toml" in str(err.value) and "xx.month" in str(err.value) and message in str(err.value)


def test_unknown_language(tmp_path):
    with pytest.raises(RuleError):
        load("zz", tmp_path)


def test_cost_is_linear_on_hostile_text():
    hostile = ("1 2 3 - 4 / 5 , 6 . the the a a May may 19 20 " * 4000) + "9" * 5000
    start = time.perf_counter()
    tag(hostile, DCT)
    assert time.perf_counter() - start < 5.0


def test_a_rule_with_possessive_and_atomic_parts_loads_and_tags_its_example(tmp_path):
    rules = GOOD.replace("(?P<month>{month})", r"(?:(?>early|late)\s+)?+(?P<month>{month})")
    language = _lang(tmp_path, rules.replace('[["may", "2013-05"]]', '[["late may", "2013-05"]]'))
    assert [text for text, _ in language.rules[0].examples] == ["late may"]
    rule = language.rules[0]
    assert rule.regex.match("late may").group("month") == "may"
    assert {("late", True), ("early", True), ("may", True)} <= rule.starts
