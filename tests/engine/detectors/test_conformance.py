"""Every registered detector: a stable versioned name, deterministic, spans inside the text, an
explanation, categories from the vocabulary, and no crash on awkward input."""

import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.registry import DETECTORS, build_detector, default_detectors
from safesocial.engine.vocab import CATEGORIES

SAMPLES = [
    "Ruby Patel in 6C is a star! Call me on 07700 900123 or email jo@gmail.com.",
    "The head is fiddling the books, this school is a shambles, you useless idiot.",
    "Immigrants are vermin. Hey, add me on snap but don't tell your mum.",
    "Teacher at Oakfield Primary. Views my own.",
    "😀 ñ ß Łódź — «quotes» \u200b zero-width",
    "a" * 5000,
    ".",
    "\n\n\t",
]


@pytest.mark.parametrize("detector", default_detectors(), ids=lambda d: d.name)
@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("kind", ["post", "profile", "message"])
def test_conformance(detector, text, kind, oakfield):
    item = Item(text, kind=kind, recipient_role="pupil" if kind == "message" else None)
    first = detector.detect(item, oakfield)
    assert first == detector.detect(item, oakfield)  # deterministic
    for f in first:
        assert f.category in detector.categories and f.category in CATEGORIES
        assert f.detector == detector.name
        assert f.explanation.strip().endswith(".")
        assert 0.0 <= f.score <= 1.0
        if f.span is not None:
            start, end = f.span
            assert 0 <= start < end <= len(text)


def test_registry_names_are_versioned_and_unique():
    names = [d.name for d in default_detectors()]
    assert names == list(DETECTORS)
    assert all(n.count(".v") == 1 and n.split(".v")[1].isdigit() for n in names)
    covered = {c for d in default_detectors() for c in d.categories}
    assert covered == set(CATEGORIES) - {"pupil_image"} | {"pupil_image"}
    assert covered == set(CATEGORIES)


def test_bad_parameters_are_refused_with_the_name():
    with pytest.raises(ValueError, match=r"pupil_names\.v1: window"):
        build_detector("pupil_names.v1", window=1)
    with pytest.raises(ValueError, match="no detector named"):
        build_detector("nope.v1")
    with pytest.raises(ValueError, match=r"offensive\.v1"):
        build_detector("offensive.v1", colour="red")
