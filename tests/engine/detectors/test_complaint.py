import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.complaint import Complaint

D = Complaint()

# text, item fields, fires? (positives, negatives and near misses)
TABLE = [
    ("Honestly the worst school to work for, SLT don't care about staff.", {}, True),
    ("I'm going to make a formal complaint about the school.", {}, True),
    ("My son's teacher doesn't care about him at all.", {}, True),
    ("Passed over for TLR again.", {}, True),
    ("Love this school, the staff are amazing!", {}, False),
    ("Please use the school app to message me.", {}, False),  # near miss: "mess" inside "message"
]


@pytest.mark.parametrize(("text", "item", "expected"), TABLE)
def test_complaint(text, item, expected, generic):
    assert bool(D.detect(Item(text, **item), generic)) is expected
