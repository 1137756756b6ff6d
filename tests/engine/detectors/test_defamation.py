import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.defamation import Defamation

D = Defamation()

# text, item fields, fires? (positives, negatives and near misses)
TABLE = [
    ("The head is fiddling the books.", {}, True),
    ("The caretaker has been stealing from the PTA tin.", {}, True),
    ("Mr Okafor hit a child in the corridor.", {}, True),
    ("The head gave a lovely speech.", {}, False),
    ("Mr Okafor never stole anything.", {}, False),  # near miss: denied
]


@pytest.mark.parametrize(("text", "item", "expected"), TABLE)
def test_defamation(text, item, expected, generic):
    assert bool(D.detect(Item(text, **item), generic)) is expected
