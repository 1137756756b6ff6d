import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.disclaimer import Disclaimer

D = Disclaimer()

# text, item fields, fires? (positives, negatives and near misses)
TABLE = [
    ("Ofsted is a broken system and the new framework is a joke.", {}, True),
    ("Teacher. Lover of books.", {"kind": "profile"}, True),
    ("Ofsted is a broken system. Views my own.", {}, False),
    ("Ofsted should be scrapped.", {"role": "parent"}, False),
    ("I think the new DfE guidance is ridiculous.", {"channel": "official"}, True),
    ("So proud of my class today, best poems ever.", {}, False),  # near miss: not a sector matter
]


@pytest.mark.parametrize(("text", "item", "expected"), TABLE)
def test_disclaimer(text, item, expected, generic):
    assert bool(D.detect(Item(text, **item), generic)) is expected
