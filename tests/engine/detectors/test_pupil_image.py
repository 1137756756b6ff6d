import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.pupil_image import PupilImage

D = PupilImage()

# text, item fields, fires? (positives, negatives and near misses)
TABLE = [
    ("Here are some photos of my class on the trip!", {}, True),
    ("[image: children in 3P holding posters]", {}, True),
    ("Here's a photo of the new library.", {}, False),
    ("My son's first day photo!", {"role": "parent"}, False),
]


@pytest.mark.parametrize(("text", "item", "expected"), TABLE)
def test_pupil_image(text, item, expected, generic):
    assert bool(D.detect(Item(text, **item), generic)) is expected
