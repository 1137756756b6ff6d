"""A deterministic generator of varied synthetic posts in UK school contexts.

Used by ``safesocial check-bench`` (a corpus of any size for throughput and latency) and by
``scripts/train_classifiers.py`` (school sentences that teach the classifiers what ordinary school
talk looks like). Everything is templated from the tables below with ``random.Random(seed)``: the
same seed always gives the same corpus. No real person is named; the pupil names used with the
demo directory are the demo school's invented ones.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = [
    "Ruby",
    "Will",
    "Grace",
    "Summer",
    "Jack",
    "Hope",
    "Siobhán",
    "Dafydd",
    "Zoë",
    "Lucy",
    "Kuba",
    "Aoife",
    "Niamh",
    "Gwen",
    "Alex",
    "Katie",
    "Ollie",
    "Millie",
    "Muhammad",
    "Harry",
    "Isla",
    "Tom",
    "Emily",
    "Chloe",
    "Mia",
    "Noah",
    "Ciarán",
    "Meg",
    "Freya",
    "Joe",
    "Oscar",
    "Amir",
    "Priya",
    "Leon",
    "Ewan",
    "Maisie",
    "Tegan",
    "Lowri",
    "Bartek",
    "Ola",
]
SURNAMES = [
    "Patel",
    "Ó'Briain",
    "Nowak",
    "Hughes",
    "O'Connor",
    "Bailey",
    "Thompson",
    "Adeyemi",
    "Kowalczyk",
    "Murphy",
    "Smith",
    "Jones",
    "Khan",
    "Clarke",
    "Evans",
    "Baker",
    "Price",
    "Wilson",
    "Robertson",
    "Byrne",
    "Davies",
    "Brown",
]
STAFF = ["Mrs Carter", "Mr Okafor", "Miss Green", "Mr Lloyd", "Mrs Kowalska", "Ms Ali", "Mr Hale", "Mrs Morgan"]
SCHOOLS = [
    "Oakfield Primary",
    "Brookside Academy",
    "St Mary's C of E Primary",
    "Hillcrest Junior School",
    "Riverside High School",
    "Bitterne Park Primary",
    "Waterville Primary",
    "Welton Primary",
]
CLASSES = ["6C", "5B", "4H", "3P", "Year 6", "Year 2", "Reception", "Year 4", "Y5", "Class 3"]
ACTIVITIES = [
    "sports day",
    "the school trip to the museum",
    "our Viking topic",
    "the nativity",
    "World Book Day",
    "the science fair",
    "forest school",
    "the residential",
    "phonics week",
    "the summer fair",
    "swimming lessons",
    "the spelling bee",
    "maths week",
]
ADJ = ["brilliant", "lovely", "exhausting", "busy", "fantastic", "chaotic", "wonderful", "long", "fun", "rewarding"]
PHONES = ("07700 900{n:03d}", "+44 7700 900{n:03d}", "07700-900-{n:03d}", "(0161) 496 0{n:03d}", "020 7946 0{n:03d}")

CLEAN = (
    "What a {adj} week! {activity} was a highlight for everyone.",
    "So proud of everyone who took part in {activity} today.",
    "Marking books on a Sunday evening with a cup of tea. Teacher life!",
    "Does anyone have good ideas for teaching fractions to {cls}? Asking for a friend.",
    "Lovely walk along the canal this morning before the new term starts.",
    "Just finished reading a great book on outdoor learning, highly recommend it.",
    "Off to the garden centre with the family, finally some sunshine.",
    "I hope everyone has a restful half term. See you all soon.",
    "Will anyone be at the CPD session on Thursday? Would be good to catch up.",
    "Grace before meals is a lovely tradition at my nan's house.",
    "Summer holidays are nearly here and I cannot wait for some sleep.",
    "Ruby wedding anniversary for my parents this weekend, forty years!",
    "Jack of all trades, master of none, that's me with DIY.",
    "There is always hope when a community pulls together like this.",
    "Happy Diwali to all who are celebrating this weekend!",
    "Eid Mubarak to all our families celebrating today.",
    "Proud to be part of a school that celebrates every culture and language.",
    "Our LGBT history month display looks amazing this year.",
    "Great turnout at the parents' evening, thank you all for coming.",
    "Anyone know a good plumber in the area? Boiler has packed in again.",
    "The new library books have arrived and they look fantastic.",
    "Congratulations to our netball team on reaching the county final!",
    "Football club is cancelled tomorrow because of the weather.",
    "Had a glass of wine with dinner and an early night. Bliss.",
    "Feeling grateful for a supportive team this week.",
    "Reminder that the PTA bake sale is on Friday after school.",
    "It's autism awareness week and we are learning about neurodiversity.",
    "Women in science day: the girls loved meeting a real engineer.",
    "Fed up with this rain, my garden is a swamp.",
    "Can't believe how fast this year has gone.",
)
CONTACT = (
    "Parents, feel free to text me on {phone} if you need anything.",
    "New number for anyone who needs it: {phone}",
    "Email me at {first}.{last}{n}@gmail.com and I'll send the details.",
    "We've moved! Come and visit at {n} Acacia Avenue, LS1 4AB.",
    "Year 6, add me on snap: miss_{last}{n} for homework help",
)
PUPIL = (
    "{first} {last} in {cls} finally cracked long division today!",
    "{first} in my class made me laugh so much this morning.",
    "Well done to {first} from {cls} for the best poem in the school.",
    "Guess who got told off again... {first} {last}, of course.",
)
CONFIDENTIAL = (
    "One of my pupils has just been diagnosed with ADHD and his mum is struggling.",
    "A girl in {cls} is on a child protection plan, so sad.",
    "{first}'s dad is in prison again, no wonder she's struggling in {cls}.",
    "My TA has been signed off with stress for six weeks, nightmare cover.",
    "SLT have decided to cut two TA posts but it hasn't been announced yet.",
    "{first} in {cls} was excluded for three days for fighting.",
)
OFFENSIVE = (
    "{staff} is a useless idiot and everyone knows it.",
    "What a pathetic excuse for a teacher, absolute clown.",
    "Shut up you stupid cow, nobody cares.",
    "Some of the parents at pickup are complete morons.",
    "I swear if that kid kicks off again I'll smash his face in.",
    "F*cking hell this job is killing me, sick of this sh1t.",
)
DISCRIMINATORY = (
    "Immigrants are ruining this country and should be sent back.",
    "Women shouldn't be heads, they're too emotional.",
    "Why are Muslims so backward?",
    "Gay teachers shouldn't be allowed near children.",
    "Trans people are just confused and need help.",
    "Disabled kids are a burden on mainstream schools.",
    "Old teachers are dead wood and should be got rid of.",
)
COUNTER = (
    "A pupil called another child a racist name today. We dealt with it and that language is never acceptable.",
    "Someone shouted homophobic abuse at our Year 9s. Disgusted. We will challenge this every time.",
    "I don't think immigrants are lazy at all, my best colleagues came here from Poland.",
    "As a queer teacher I want my pupils to know they can be themselves.",
)
OTHER = (
    "The head is fiddling the books and everyone knows it.",
    "{staff} hit a child in the corridor and the school covered it up.",
    "Honestly the worst school to work for, SLT don't care about staff at all.",
    "Sick and tired of the way this school treats its teachers.",
    "Teacher at {school}. Mum of two. Gin enthusiast.",
    "Check out my candle business! Use code TEACH20 for 20% off.",
    "Vote Labour on Thursday, our schools depend on it!",
    "Still drunk from last night, teaching Year 4 in an hour lol.",
    "Ofsted is a broken system and the new framework is a joke.",
    "Hey {first}, add me on snapchat but don't tell your mum ok?",
    "I don't want to be here anymore, I think about ending it all.",
    "got nudes of a year 9 girl, dm if you want them",
    "Here are some photos of my class on the school trip!",
    "Speaking on behalf of {school}, we reject these claims.",
)

_ALL = (
    ("clean", CLEAN, 10),
    ("contact", CONTACT, 1),
    ("pupil", PUPIL, 1),
    ("confidential", CONFIDENTIAL, 1),
    ("offensive", OFFENSIVE, 1),
    ("discriminatory", DISCRIMINATORY, 1),
    ("counter", COUNTER, 1),
    ("other", OTHER, 2),
)
ROLES = ("staff", "staff", "staff", "governor", "volunteer", "contractor", "pupil", "parent", "public")
KINDS = ("post", "post", "post", "comment", "message", "profile")


@dataclass(frozen=True, slots=True)
class CorpusItem:
    id: str
    text: str
    role: str
    channel: str
    kind: str
    recipient_role: str | None
    family: str


def _fill(template: str, rng: random.Random) -> str:
    n = rng.randrange(0, 1000)
    return template.format(
        adj=rng.choice(ADJ),
        activity=rng.choice(ACTIVITIES),
        cls=rng.choice(CLASSES),
        first=rng.choice(FIRST),
        last=rng.choice(SURNAMES),
        staff=rng.choice(STAFF),
        school=rng.choice(SCHOOLS),
        phone=rng.choice(PHONES).format(n=n),
        n=n,
    )


def generate(n: int = 10_000, *, seed: int = 2025) -> list[CorpusItem]:
    """``n`` varied items: mostly ordinary posts, some of every kind of problem, lengths varied."""
    rng = random.Random(seed)
    families = [f for f in _ALL for _ in range(f[2])]
    out = []
    for i in range(n):
        family, templates, _ = rng.choice(families)
        parts = [_fill(rng.choice(templates), rng)]
        # vary length: sometimes add more sentences, occasionally a long thread
        extra = rng.choices((0, 1, 2, 5, 15), weights=(50, 25, 15, 8, 2))[0]
        for _ in range(extra):
            parts.append(_fill(rng.choice(CLEAN), rng))
        rng.shuffle(parts)
        text = " ".join(parts)
        kind = rng.choice(KINDS)
        role = rng.choice(ROLES)
        out.append(
            CorpusItem(
                id=f"bench-{i:06d}",
                text=text,
                role=role,
                channel="official" if rng.random() < 0.1 else "personal",
                kind=kind,
                recipient_role=rng.choice(("pupil", "parent", "staff", "public")) if kind == "message" else None,
                family=family,
            )
        )
    return out


_SCHOOL_CLEAN_EXTRA = (
    "Ofsted are visiting next week so everyone is busy with displays.",
    "The year 6 SATs results came out and we are proud of the children.",
    "Staff meeting ran over again but we got a lot done.",
    "Who else is marking until midnight? Workload is real.",
    "Parents evening tonight, wish me luck!",
    "Reading with the little ones is the best part of my day.",
    "Teaching fractions with pizza slices, the kids loved it.",
    "The kids were so excited about the snow today.",
    "Reception had their first PE lesson in the hall.",
    "Our school choir sang beautifully at the care home.",
)
_SCHOOL_OFFENSIVE_EXTRA = (
    "That teacher is a total knobhead and a bully.",
    "The head is a spineless coward and a liar.",
    "Those parents are scum, every last one of them.",
    "You absolute muppet, how did you even get a teaching job?",
    "Shut your mouth you fat ugly cow.",
    "I'm going to batter that kid's dad at pickup.",
    "What a bunch of brainless pillocks in the office.",
    "This school is run by clowns and idiots.",
)


def classifier_sentences(*, seed: int = 13, copies: int = 30) -> tuple[list[str], list[int]]:
    """Labelled school sentences for the offensive classifier: (texts, 1 offensive / 0 not)."""
    rng = random.Random(seed)
    texts: list[str] = []
    labels: list[int] = []
    for _ in range(copies):
        for template in CLEAN + COUNTER + _SCHOOL_CLEAN_EXTRA + CONFIDENTIAL + PUPIL:
            texts.append(_fill(template, rng))
            labels.append(0)
        for template in OFFENSIVE + _SCHOOL_OFFENSIVE_EXTRA:
            texts.append(_fill(template, rng))
            labels.append(1)
    pairs = sorted(set(zip(texts, labels, strict=True)))
    return [t for t, _ in pairs], [y for _, y in pairs]
