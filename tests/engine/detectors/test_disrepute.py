import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.disrepute import Disrepute

D = Disrepute()

# text, item fields, fires? (positives, negatives and near misses)
TABLE = [
    ("Still drunk from last night, teaching Year 4 in an hour lol.", {}, True),
    ("Smoked a few spliffs before parents evening.", {}, True),
    ("Pulled a sickie today, beach day!", {}, True),
    ("New pics up on my OnlyFans", {}, True),
    ("Had a glass of wine with dinner.", {}, False),
    ("Drugs awareness talk for Year 6 today.", {}, False),
    ("Video of the Year 6 leavers' dance - they smashed it!", {}, False),  # near miss: slang
    ("Mrs Morgan comes into work drunk.", {}, False),  # someone else's conduct: an allegation
]


@pytest.mark.parametrize(("text", "item", "expected"), TABLE)
def test_disrepute(text, item, expected, generic):
    assert bool(D.detect(Item(text, **item), generic)) is expected
