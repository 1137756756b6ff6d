import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.confidential import Confidential

D = Confidential()

# text, item fields, fires? (positives, negatives and near misses)
TABLE = [
    ("One of my pupils has just been diagnosed with ADHD.", {}, True),
    ("A girl in my class is on a child protection plan.", {}, True),
    ("My TA has been signed off with stress for six weeks.", {}, True),
    ("SLT have decided to cut two TA posts but it hasn't been announced yet.", {}, True),
    ("My work password is Oakfield2025!", {}, True),
    ("He has a reading age of six and he's in Year 5.", {}, True),
    ("It's Autism Awareness Week in school.", {}, False),
    ("Great training on ADHD strategies today.", {}, False),
    ("The Year 6 SATs results came out and we are so proud.", {}, False),  # near miss: a class, not a child
]


@pytest.mark.parametrize(("text", "item", "expected"), TABLE)
def test_confidential(text, item, expected, generic):
    assert bool(D.detect(Item(text, **item), generic)) is expected
