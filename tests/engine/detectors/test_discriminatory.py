import pytest

from safesocial.engine.detectors.discriminatory import Discriminatory

from .conftest import fires

D = Discriminatory()

POSITIVE = [
    "Immigrants are ruining this town and should be sent back.",  # derogation + exclusion
    "Women shouldn't be heads, they're too emotional.",  # opinion
    "Why are Muslims so backward?",  # question
    "Gay teachers shouldn't be allowed near children.",
    "Older teachers are dead wood.",  # age
    "Pregnant teachers are a burden, never hire them.",  # pregnancy
    "Disabled kids are a burden on mainstream schools.",  # disability
    "Polish people are all thieves.",  # nationality
    "Jews run the banks, everyone knows it.",
    "Immigrants are vermin",  # dehumanisation
    "Gays should be shot",  # threat
    # obfuscation: leetspeak, swaps, deletions, spacing, asterisks
    "that kid is such a r3tard",
    "stop being such a f a g g o t",
    "go back to your own country you p@ki",
    "what a bunch of tr@nnies",
    "ur such a fagot",
    "ur a faggto",
    "ur a n*gger",
    "fag got",
]
NEGATIVE = [
    "Muslim families have made our school so much richer.",  # positive statement
    "Women make up most of the teaching workforce.",  # neutral
    "Happy Diwali to everyone celebrating!",
    "Fuck me, what a week.",  # profanity attacking nobody
    "We went to see the monkeys at the zoo.",
    "Our trip to Niger was amazing.",
]
NEAR_MISS = [
    # counter-speech that quotes or reports hate to denounce it
    "A pupil called another child a racist name today. That language is never acceptable.",
    "Someone shouted homophobic abuse at our Year 9s. Disgusted. We will challenge this.",
    "A parent called our TA a 'p@ki' at pickup. Reported to the police.",
    # negated hate
    "I don't think immigrants are lazy at all.",
    "It is wrong to say disabled people are a burden.",
    # reclaimed in-group use
    "As a queer teacher I want my pupils to know they can be themselves.",
    "We queers have to stick together.",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_discriminatory(text, generic):
    assert fires(D, text, generic)


@pytest.mark.parametrize("text", NEGATIVE + NEAR_MISS)
def test_not_discriminatory(text, generic):
    assert not fires(D, text, generic)
