"""Every rule's own examples, resolved against its file's example DCT, must come out as written."""
import pytest

from timeline.extract import tag
from timeline.extract.rules import load

LANGUAGE = load("en")
EXAMPLES = [(rule.id, text, value) for rule in LANGUAGE.rules for text, value in rule.examples]


@pytest.mark.parametrize(("rule_id", "text", "expected"), EXAMPLES, ids=[f"{r}:{t}" for r, t, _ in EXAMPLES])
def test_rule_example(rule_id, text, expected):
    mentions = tag(text, LANGUAGE.example_dct).mentions
    got = [(m.rule_id, m.text, m.value) for m in mentions]
    assert any(m.rule_id == rule_id and m.value == expected for m in mentions), (
        f"{rule_id} on {text!r}: expected {expected}, engine found {got}"
    )


def test_every_rule_has_examples():
    assert all(rule.examples for rule in LANGUAGE.rules)
