"""refiners.words_before finds what the regex it replaces finds, at every position of tricky texts."""
import random
import re

from timeline.extract.refiners import words_before

_REFERENCE = re.compile(r"(?:(?<!\w)([^\W\d_]+)\s+)?(?<!\w)([^\W\d_]+)\s+$")
_ALPHABET = "ab Z\t\n_1²½٣é-.,'\u2003xyzqq  "


def _reference(text: str, start: int):
    m = _REFERENCE.search(text, max(0, start - 24), start)
    return None if m is None else (m.group(1), m.group(2))


def test_same_as_the_regex_everywhere():
    rng = random.Random(7)
    texts = ["said he would by  Friday", "ahead of Tuesday", "a_b by May", "3by May", "x\nby\n",
             "abcdefghijklmnopqrstuvwxyz by", "in advance of the vote on"]
    texts += ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    for text in texts:
        for start in range(len(text) + 1):
            assert words_before(text, start) == _reference(text, start), (text, start)
