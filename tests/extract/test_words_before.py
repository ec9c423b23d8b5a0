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


def test_the_outer_word_read_in_the_lower_cased_text_is_the_one_read_in_the_text():
    # refiners._outer_word: outer_backwards_lower on the lower-cased text finds what outer_backwards finds
    from timeline.extract.engine import lower_same_length
    from timeline.extract.refiners import _derived, _outer_word
    from timeline.extract.rules import load

    language = load("en")
    derived = _derived(language)
    rng = random.Random(11)
    tokens = ["By", "by", "OVER", "over", "Since", "about", "No later than", "NOT LATER THAN", "aby", "Bé", "x",
              "2", " ", "  ", "\t", "\n", "-", ".", ","]
    texts = ["It rose By 2025", "for OVER two years", "No Later Than May", "ABOUT  two weeks", "xby 5"]
    texts += ["".join(rng.choice(tokens) for _ in range(rng.randint(0, 12))) for _ in range(2000)]
    for text in texts:
        lowered = lower_same_length(text)
        for start in range(len(text) + 1):
            assert (_outer_word(language, text, start, derived.outer_backwards_lower, lowered)
                    == _outer_word(language, text, start, derived.outer_backwards)), (text, start)
