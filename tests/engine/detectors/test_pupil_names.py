import pytest

from safesocial.engine.detectors.pupil_names import PupilNames

from .conftest import fires

D = PupilNames()

POSITIVE = [
    "Ruby Patel in 6C finally cracked long division today!",
    "So proud of Siobhan O Briain, best poem in the school.",  # accents folded
    "Well done Siobhán Ó Briain!",
    "Dafydd in 4B made me laugh so much.",
    "Lucy from my class brought me flowers.",  # preferred name of Łucja
    "William Hughes's reading is coming on.",  # legal name of "Will"
    "Will in my class told the funniest joke.",
    "I hope Grace from Year 2 feels better soon.",
    "Hope in 3B has been a superstar.",
    "Kuba from Year 6 scored the winner!",  # nickname of Jakub
    "Bumped into Emily Clarke, she's grown so much since leaving us.",  # former pupil
    "Follow ruby.p2014 on insta, she's posting her art!",  # handle
    "Priya Patel's daughter is a joy to teach.",  # parent named with child
    "Jack Thompson's handwriting has come on leaps and bounds.",  # possessive
]
NEGATIVE = [
    "I hope everyone has a restful half term.",
    "Will anyone be at the CPD session on Thursday?",
    "Summer holidays are nearly here!",
    "Grace before meals is a lovely tradition.",
    "Ruby wedding anniversary for my parents this weekend.",
    "Jack of all trades, master of none.",
    "There is always hope when a community pulls together.",
    "Priya Patel is running the marathon.",  # a parent, not with a child
]
NEAR_MISS = [
    "Hope you all have a lovely summer! Will be back in September.",  # word names at sentence start
    "Will you all please bring a coat tomorrow.",
    "I will miss this year group so much.",
    "Gwen Stefani was amazing in concert last night!",  # a pupil's nickname, no class context
]


@pytest.mark.parametrize("text", POSITIVE)
def test_pupils_named_are_found(text, oakfield):
    assert fires(D, text, oakfield)


@pytest.mark.parametrize("text", NEGATIVE + NEAR_MISS)
def test_words_and_other_people_are_not_pupils(text, oakfield):
    assert not fires(D, text, oakfield)


def test_former_pupil_carries_facts(oakfield):
    (finding,) = D.detect(
        __import__("safesocial.engine.checker", fromlist=["Item"]).Item("Emily Clarke popped in"), oakfield
    )
    assert "former_pupil" in finding.facts and "under_18" in finding.facts


def test_without_directory_a_name_with_class_context_is_found(generic):
    assert fires(D, "Tom in 6C was brilliant in the play.", generic)
    assert not fires(D, "Added my nephew on Facebook, he's in Year 5.", generic)


def test_description_that_singles_out_a_child(generic):
    assert fires(D, "the new girl in 5B whose mum works at the chippy is struggling", generic)


def test_message_to_a_pupil_addressed_by_name(oakfield):
    assert fires(D, "Hey Ruby, well done today", oakfield, kind="message", recipient_role="pupil")
