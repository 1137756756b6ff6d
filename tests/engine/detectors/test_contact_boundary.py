import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.contact_boundary import ContactBoundary

from .conftest import fires

D = ContactBoundary()

POSITIVE = [
    ("Year 6, add me on snap for homework help", {}, "pupil"),
    ("follow me on insta and I'll follow you back", {"kind": "message", "recipient_role": "pupil"}, "pupil"),
    (
        "Do you want to meet up after school?",
        {"kind": "message", "recipient_role": "pupil", "role": "contractor"},
        "pupil",
    ),
    ("just add me on Facebook and message me there", {"kind": "message", "recipient_role": "parent"}, "parent"),
    ("Sir can I add you on snapchat?", {"role": "pupil", "kind": "message", "recipient_role": "staff"}, "staff"),
    ("Any of my old students want to add me?", {}, "former_pupil"),
]
NEGATIVE = [
    ("Please use the school app to message me about homework.", {"kind": "message", "recipient_role": "pupil"}),
    ("Add me on LinkedIn if you're a fellow SENCO!", {}),
    ("Lovely to meet up with old friends at the weekend.", {}),
]


@pytest.mark.parametrize(("text", "item", "target"), POSITIVE)
def test_private_contact_is_found_with_who(text, item, target, generic):
    (f,) = D.detect(Item(text, **item), generic)
    assert target in f.facets


@pytest.mark.parametrize(("text", "item"), NEGATIVE)
def test_open_or_adult_contact_is_fine(text, item, generic):
    assert not fires(D, text, generic, **item)


def test_family_relationship_is_recorded(generic):
    (f,) = D.detect(Item("Year 5 pupils: my nephew says add me on snap"), generic)
    assert "family_relationship" in f.facts
