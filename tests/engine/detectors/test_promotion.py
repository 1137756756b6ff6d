import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.promotion import Promotion

D = Promotion()

# text, item fields, fires? (positives, negatives and near misses)
TABLE = [
    ("Check out my candle business! Use code TEACH20.", {}, True),
    ("Vote Labour on Thursday!", {}, True),
    ("Private tutoring available, £35 per hour.", {}, True),
    ("The PTA Christmas fair raised £1,200!", {}, False),
    ("Remember to vote for your school council reps.", {}, False),  # near miss: school elections
]


@pytest.mark.parametrize(("text", "item", "expected"), TABLE)
def test_promotion(text, item, expected, generic):
    assert bool(D.detect(Item(text, **item), generic)) is expected
