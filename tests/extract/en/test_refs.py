"""Vague references: PRESENT_REF, PAST_REF, FUTURE_REF."""
from ..helpers import DCT, assert_one, table

CASES = [
    ("It is now clear.", DCT, ("now", "PRESENT_REF"), "now"),
    ("It is currently closed.", DCT, ("currently", "PRESENT_REF"), "currently"),
    ("It closed recently.", DCT, ("recently", "PAST_REF"), "recently"),
    ("It grew in recent years.", DCT, ("recent years", "PAST_REF"), "in recent years"),
    ("It may grow in the future.", DCT, ("the future", "FUTURE_REF"), "the future"),
    ("Prosecutors may soon seek an indictment.", DCT, ("soon", "FUTURE_REF"), "soon"),
    ("It will be healthy enough soon to buy back debt.", DCT, ("soon", "FUTURE_REF"), "soon after the verb"),
]


@table(CASES)
def test_refs(text, dct, expected, note):
    assert_one(text, dct, expected, note)
