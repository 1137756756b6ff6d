import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.safeguarding import Safeguarding

from .conftest import fires

D = Safeguarding()

POSITIVE = [
    ("I don't want to be here anymore, I keep thinking about ending it all.", "self_harm", "pupil"),
    ("been cutting myself again, nobody notices", "self_harm", "pupil"),
    ("my step dad hits me when mum is at work", "disclosure", "pupil"),
    ("I'm scared to go home tonight", "disclosure", "pupil"),
    ("got nudes of a year 9 girl, dm if you want them", "indecent_images", "pupil"),
    ("anyone want the nudes of that girl from Y10?", "indecent_images", "public"),
    ("You're so mature for your age. Send me a pic of yourself?", "grooming", "public"),
    ("It's our little secret, don't tell your mum", "grooming", "staff"),
    ("Worried about a child in my class, bruises all over her arms again.", "concern", "staff"),
    (
        "One of the Year 8 lads is running packages for some older boys, county lines I reckon.",
        "exploitation",
        "parent",
    ),
    ("That year 10 is well fit", "sexual_content", "contractor"),
]
NEGATIVE = [
    "Great suicide prevention training from Papyrus today.",
    "We talked to Year 9 about the law on sharing nudes in PSHE.",
    "Lovely day at the beach with the family.",
]
NEAR_MISS = [
    ("I'll kill myself if I have to mark one more book today lol", "staff"),
    ("Our secret Santa is tomorrow, don't tell your mum what you got her!", "parent"),
]


@pytest.mark.parametrize(("text", "subtype", "role"), POSITIVE)
def test_concerns_are_found_with_their_kind(text, subtype, role, generic):
    recipient = "pupil" if subtype == "grooming" else None
    found = D.detect(Item(text, role=role, kind="message" if recipient else "post", recipient_role=recipient), generic)
    assert subtype in {f.subtype for f in found}


@pytest.mark.parametrize("text", NEGATIVE)
def test_talk_about_safeguarding_is_not_a_concern(text, generic):
    assert not fires(D, text, generic)


@pytest.mark.parametrize(("text", "role"), NEAR_MISS)
def test_hyperbole_and_surprises_are_not_concerns(text, role, generic):
    assert not fires(D, text, generic, role=role)
