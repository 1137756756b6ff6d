import pytest

from safesocial.engine.detectors.offensive import Offensive

from .conftest import fires

D = Offensive()

POSITIVE = [
    "Mrs Carter is a useless idiot.",
    "Shut up you stupid cow.",
    "I swear I'll smash his face in.",
    "F*cking hell, sick of this sh1t.",
    "You're a joke and a coward.",
    "what a bunch of muppets",
    "that kid is a r3tard",  # a slur is offensive too
]
NEGATIVE = [
    "Oh crap, left my lanyard at home.",
    "Bloody hell, what a day.",
    "What a lovely assembly.",
    "Ofsted is a broken system and the new framework is a joke.",
]
NEAR_MISS = [
    "I'm such an idiot, I locked my keys in the car.",  # self-deprecation
    "He's not stupid, he just needs more time.",  # negated
    "A pupil called me an idiot today. Dealt with.",  # reported
    "I'll kill myself if I have to mark one more book lol",  # hyperbole, no one threatened
]


@pytest.mark.parametrize("text", POSITIVE)
def test_offensive(text, generic):
    assert fires(D, text, generic)


@pytest.mark.parametrize("text", NEGATIVE + NEAR_MISS)
def test_not_offensive(text, generic):
    assert not fires(D, text, generic)


def test_classifier_scores_are_probabilities():
    assert 0.0 <= D.score("You are an idiot") <= 1.0
    assert D.score("You absolute moron, shut up") > D.score("Thank you for a lovely evening")
