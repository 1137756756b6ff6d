#!/usr/bin/env python
"""Write tests/data/checker/dev.jsonl: the checker's labelled development set.

Every case below is hand-written for a UK school context. A case lists the *labels* it carries:
a category, or ``category:facet`` where the facet changes which clauses speak to it (a school name
in a profile versus in a post, contact details offered to pupils versus posted publicly...). The
``expected_categories`` written to the file are the categories alone: what is in the text for that
role, channel and kind, before any pack is applied.

The expected verdict for each pack comes from ``SEVERITY`` below: my reading of each pack's clauses
(which roles and channels each binds, must versus should), written down once per category instead
of case by case so that it can be reviewed against the packs. A case may override it (``verdicts``).

    python scripts/build_dev_set.py   # rewrites tests/data/checker/dev.jsonl and holdout.jsonl

``HOLDOUT`` cases were written after the detectors had been tuned on ``CASES`` and are never used for
tuning; their figures are the honest estimate.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests/data/checker/dev.jsonl"
PACKS = ("walsall", "bitterne-park", "waterville", "welton", "community-2025")
ADULT_WORKERS = ("staff", "governor", "volunteer", "contractor")

A, B, E, OK = "advise", "breach", "escalate", "ok"
RANK = {OK: 0, A: 1, B: 2, E: 3}


def severity(pack: str, label: str, role: str, channel: str) -> str:
    """How ``pack`` treats ``label`` for ``role`` on ``channel`` (my reading of the pack's clauses)."""
    if label.startswith("safeguarding_concern"):
        return E
    staffish = role == "staff"
    if pack == "walsall":
        # 1.5, 8.x bind staff/contractor/volunteer; 7.x also governors; 4.x and 17-18 official only
        w7 = role in ("staff", "contractor", "volunteer", "governor")
        w8 = role in ("staff", "contractor", "volunteer")
        table = {
            "pupil_identified": B if w7 else OK,
            "confidential_information": B if w7 else OK,
            "offensive": B if w7 else OK,
            "discriminatory": B if w7 else OK,
            "defamatory_allegation": B if w7 else OK,
            "complaint_or_grievance": B if w7 else OK,
            "promotion": A if w7 else OK,  # 7.3 only "in school time": unknown from text -> advise
            "promotion:at_work": B if w7 else OK,
            "inappropriate_contact:pupil": B if w7 else OK,
            "inappropriate_contact:former_pupil": A if w7 else OK,  # 7.10a: under 18 unknown -> advise
            "inappropriate_contact:parent": B if w7 else OK,
            "school_identity:profile": B if (w8 and channel == "personal") else OK,  # 8.2
            "school_identity:representative": B if (w7 and channel == "personal") else OK,  # 7.7
            "disrepute": B if w8 else OK,  # 8.4 personal; 4.2/14.1 official
            "missing_disclaimer": (A if w8 else OK),  # 8.3 personal; 17.10 official
            "personal_contact_details": B if (w8 and channel == "official") else OK,  # 17.9
            "personal_contact_details:to_pupils": B if (w8 and channel == "official") else OK,
            "pupil_image": B if (staffish and channel == "official") else OK,  # 18.2b
        }
    elif pack == "bitterne-park":
        bound = role == "staff"  # staff, agency workers, partner organisations; governors only by spirit
        table = {
            "pupil_identified": B,  # 2.2.b2 lists pupil_identified; 2.2 advises
            "confidential_information": B,
            "offensive": B,
            "discriminatory": B,
            "defamatory_allegation": B,
            "complaint_or_grievance": A,  # 2.2.b6
            "school_identity:mention": A,  # 2.2
            "school_identity:profile": A,
            "school_identity:logo": A,  # 2.2.b4
            "pupil_image": A,  # 2.2.b4
            "inappropriate_contact:pupil": A,  # 2.1
            "inappropriate_contact:parent": A,
            "disrepute": B,  # 1.0.p2, 2.2.p2
        }
        table = {k: (v if bound else OK) for k, v in table.items()}
        if channel == "official":
            for k in (
                "school_identity:mention",
                "school_identity:profile",
                "school_identity:logo",
                "pupil_image",
                "inappropriate_contact:pupil",
                "inappropriate_contact:parent",
                "disrepute",
            ):
                table.pop(k, None)
    elif pack == "waterville":
        bound = role in ("staff", "contractor")
        table = {
            "pupil_identified": B,  # 401.p5
            "confidential_information": B,
            "offensive": B,  # 401.p9
            "disrepute": B,
            "discriminatory": A,  # 401.p2 names it (should); 401.p9 only if also offensive
            "promotion": A,  # 401.p3c
            "promotion:at_work": A,
            "missing_disclaimer": A,  # 401.p7
            "school_identity:work_email": A if channel == "personal" else OK,  # 401.p8
            "school_identity:representative": A,  # 401.p7 "not representative of those of the school"
            "inappropriate_contact:pupil_request": B,  # 401.p6a friending a pupil is prohibited
            "inappropriate_contact:former_pupil": A,  # 401.p6b caution with ex-students
            "inappropriate_contact:parent": A,  # 401.p10 same social circle: acknowledge openly
            "school_identity:logo": A if channel == "personal" else OK,
            "inappropriate_contact:pupil": A,  # 401.p2
            "personal_contact_details:to_pupils": A,  # 401.p2
        }
        table = {k: (v if bound else OK) for k, v in table.items()}
    elif pack == "welton":
        adults = role in ADULT_WORKERS
        table = {
            "confidential_information": B if adults else OK,  # 2.3.7 staff, appendix A all adults
            "offensive": B if adults else OK,  # 2.3.10
            "discriminatory": B if adults else OK,  # 2.3.9
            "defamatory_allegation": B if staffish else OK,  # 2.3.8 staff and agency
            "disrepute": B if adults else OK,  # 2.2.1a
            "school_identity:profile": A if (staffish and channel == "personal") else OK,  # 2.3.11
            "personal_contact_details:phone": A if adults else OK,  # 2.4.2 keep phone numbers private
            "personal_contact_details:to_pupils": A if adults else OK,  # 2.5.3, 2.5.6
            "inappropriate_contact:pupil": B if adults else OK,  # 2.5.7a must not
            "inappropriate_contact:former_pupil": A if adults else OK,  # 2.2.3a boundaries (should)
            "inappropriate_contact:parent": A if adults else OK,  # 2.4.7 own phone to contact parents; 2.2.3a
        }
    elif pack == "community-2025":
        workers = role in ADULT_WORKERS
        table = {
            "confidential_information": B if workers else OK,  # staff-expectations.3
            "pupil_identified": B if workers else OK,
            "pupil_image": B if role in ("staff", "parent") else OK,  # staff .4 / parent .3
            "inappropriate_contact:pupil": B if workers else OK,  # staff .1/.2
            "personal_contact_details:to_pupils": B if workers else OK,  # staff .2
            "inappropriate_contact:staff": A if role == "pupil" else OK,  # student .4
            "offensive": B if role in ("pupil", "parent") else OK,  # student .2, parent .4
            "discriminatory": B if role == "pupil" else OK,  # student .2 (parents: only if offensive too)
            "disrepute": B if role == "pupil" else OK,  # student .3
            "defamatory_allegation": B if role == "parent" else OK,  # parent .4
            "complaint_or_grievance": B if role == "parent" else OK,  # parent .2a/.2b
        }
    else:
        raise ValueError(pack)
    if label == "inappropriate_contact:pupil_request":
        label = "inappropriate_contact:pupil_request" if label in table else "inappropriate_contact:pupil"
    if label in table:
        return table[label]
    base = label.split(":", 1)[0]
    if ":" in label:
        return OK  # a facet the pack does not speak to
    return table.get(base, OK)


def expected_verdict(pack: str, labels: list[str], role: str, channel: str) -> str:
    best = OK
    for label in labels:
        s = severity(pack, label, role, channel)
        if RANK[s] > RANK[best]:
            best = s
    return best


# (text, labels, options). Options: role, channel, kind, recipient_role, school, packs, verdicts.
OAK = "oakfield"
BR = "brookside"
CASES: list[tuple[str, list[str], dict[str, object]]] = [
    # ---------------------------------------------------------------- ordinary posts (hard negatives)
    ("What a brilliant week! Sports day was a highlight for everyone.", [], {}),
    ("I hope everyone has a restful half term. See you all soon.", [], {"school": OAK}),
    ("Will anyone be at the CPD session on Thursday? Would be good to catch up.", [], {"school": OAK}),
    ("Summer holidays are nearly here and I cannot wait for a lie in.", [], {"school": OAK}),
    ("Grace before meals is a lovely tradition at my nan's house.", [], {"school": OAK}),
    ("Ruby wedding anniversary for my parents this weekend, forty years together!", [], {"school": OAK}),
    ("Jack of all trades, master of none - that's me with DIY.", [], {"school": OAK}),
    ("There is always hope when a community pulls together like this.", [], {"school": OAK}),
    ("Hope you all have a lovely summer! Will be back refreshed in September.", [], {"school": OAK}),
    ("Will you all please bring a coat tomorrow, it's going to pour.", [], {"school": OAK, "role": "parent"}),
    ("I will miss this year group so much when they go up to big school.", [], {"school": OAK}),
    ("Happy Diwali to everyone celebrating this weekend!", [], {}),
    ("Eid Mubarak to all our families celebrating today.", [], {}),
    ("Our LGBT History Month display looks amazing this year.", [], {}),
    ("Proud to work somewhere that celebrates every language our children speak - 31 at the last count!", [], {}),
    ("Women in science day: the girls loved meeting a real engineer.", [], {}),
    ("Had a glass of wine with dinner and an early night. Bliss.", [], {}),
    ("Fed up with this rain, my garden is a swamp.", [], {}),
    ("Anyone know a good plumber in Leeds? Boiler has packed in again.", [], {}),
    ("Marking books on a Sunday evening with a cup of tea.", [], {}),
    ("Lovely walk along the canal this morning before the new term starts.", [], {}),
    ("Just finished a great book on outdoor learning, highly recommend it.", [], {}),
    ("It's Autism Awareness Week and we have been learning about neurodiversity.", [], {}),
    ("Anti-bullying week starts Monday - odd socks at the ready!", [], {}),
    ("Reminder that the PTA bake sale is on Friday after school.", [], {"role": "parent"}),
    ("Congratulations to the netball team on reaching the county final!", [], {"role": "parent"}),
    ("Oh crap, left my lanyard at home again.", [], {}),
    ("Bloody hell, what a day. Need a cuppa.", [], {}),
    ("I'm such an idiot, I locked my keys in the car.", [], {}),
    ("The Year 6 SATs results came out and we are so proud of every child.", [], {"school": OAK}),
    ("Thank you to all the parents who came to the carol concert.", [], {"school": OAK, "channel": "official"}),
    ("Our school council met today to plan the summer fair.", [], {"school": OAK, "channel": "official"}),
    ("Reading with the little ones is the best part of my day.", [], {}),
    ("Can't believe how fast this year has gone.", [], {"role": "governor"}),
    ("Great to see so many volunteers at the litter pick on Saturday.", [], {"role": "volunteer"}),
    ("Finished the new roof on the sports hall today, happy with that job.", [], {"role": "contractor"}),
    ("Lovely to see the children enjoying the new playground.", [], {"role": "public"}),
    ("Does anyone have ideas for teaching fractions to Year 4? Asking for a friend.", [], {}),
    ("Sunday roast with the in-laws, then a long walk with the dog.", [], {"role": "governor"}),
    ("Just booked a holiday to Cornwall for the summer. Can't wait!", [], {"role": "volunteer"}),
    ("My daughter's first day at secondary today, where did the time go?", [], {"role": "parent"}),
    ("Gwen Stefani was amazing in concert last night!", [], {"school": OAK}),
    ("Harry Potter marathon this weekend with my own kids.", [], {"school": OAK}),
    ("We went to see the monkeys at the zoo, the kids loved it.", [], {"role": "parent"}),
    ("Selling my old bike, £40, collection only.", [], {"role": "public"}),
    # ---------------------------------------------------------------- pupil_identified
    ("Ruby Patel in 6C finally cracked long division today!", ["pupil_identified"], {"school": OAK}),
    ("Dafydd in 4B made me laugh so much this morning.", ["pupil_identified"], {"school": OAK}),
    ("So proud of Siobhan O Briain, best poem in the school.", ["pupil_identified"], {"school": OAK}),
    ("Well done to Zoe Nowak for her amazing swimming badge.", ["pupil_identified"], {"school": OAK}),
    ("Lucy from my class brought me flowers today, so sweet.", ["pupil_identified"], {"school": OAK}),
    ("Will in my class told the funniest joke at lunch.", ["pupil_identified"], {"school": OAK}),
    ("I hope Grace from Year 2 feels better soon.", ["pupil_identified"], {"school": OAK}),
    ("Summer in Year 1 read her first book all by herself today!", ["pupil_identified"], {"school": OAK}),
    ("Jack Thompson's handwriting has come on leaps and bounds.", ["pupil_identified"], {"school": OAK}),
    ("Hope in 3B has been a little superstar this week.", ["pupil_identified"], {"school": OAK}),
    ("Kuba from Year 6 scored the winning goal at the tournament!", ["pupil_identified"], {"school": OAK}),
    ("Katie Murphy's art is going in the county exhibition.", ["pupil_identified"], {"school": OAK}),
    ("Ollie in my class lost his first tooth in the middle of phonics.", ["pupil_identified"], {"school": OAK}),
    ("Bumped into Emily Clarke in town, she's grown so much since leaving us.", ["pupil_identified"], {"school": OAK}),
    ("Ciarán Byrne in Year 6 did a fantastic job leading assembly.", ["pupil_identified"], {"school": BR}),
    ("Meg from my class made everyone a card for my birthday.", ["pupil_identified"], {"school": BR}),
    ("Priya Patel's daughter is a joy to teach.", ["pupil_identified"], {"school": OAK}),
    (
        "Guess which boy in 5B forgot his PE kit for the fifth week running? Starts with an A and ends in lex.",
        ["pupil_identified"],
        {"school": OAK},
    ),
    ("Tom in 6C was brilliant in the play.", ["pupil_identified"], {}),
    ("Follow ruby.p2014 on insta, she's posting her art!", ["pupil_identified"], {"school": OAK}),
    (
        "Muhammad Khan and Isla Robertson were the stars of the Year 1 nativity.",
        ["pupil_identified"],
        {"school": OAK, "channel": "official"},
    ),
    ("Niamh Fitzgerald, star of the week in Reception!", ["pupil_identified"], {"school": OAK, "role": "governor"}),
    ("Harry Wilson was so helpful at the library today.", ["pupil_identified"], {"school": OAK, "role": "volunteer"}),
    ("Well done Alex Kowalczyk, Year 4 chess champion!", ["pupil_identified"], {"school": OAK, "role": "parent"}),
    ("the new girl in 5B whose mum works at the chippy is really struggling to settle", ["pupil_identified"], {}),
    # ---------------------------------------------------------------- pupil_image
    ("Here are some photos of my class on the trip to the Deep!", ["pupil_image"], {}),
    ("Video of the Year 6 leavers' dance - they smashed it!", ["pupil_image"], {}),
    ("Couldn't resist sharing this pic of the kids in forest school, look at their faces!", ["pupil_image"], {}),
    ("[image: children in 3P holding up their science posters]", ["pupil_image"], {}),
    (
        "Posting pics of the whole football team after the final, so proud of all the lads.",
        ["pupil_image"],
        {"role": "parent"},
    ),
    ("Here's a photo of the new library, the shelves look amazing.", [], {}),
    ("Photos of my classroom display, took me all weekend.", [], {}),
    ("My son's first day photo - he looks so grown up!", [], {"role": "parent"}),
    ("Reminder: no photos of pupils on personal accounts please.", [], {"channel": "official"}),
    # ---------------------------------------------------------------- confidential_information
    (
        "One of my pupils has just been diagnosed with ADHD and his mum is really struggling.",
        ["confidential_information"],
        {},
    ),
    ("A girl in my class is on a child protection plan, so sad.", ["confidential_information"], {}),
    (
        "Ruby Patel's dad is in prison again, no wonder she's struggling.",
        ["confidential_information", "pupil_identified"],
        {"school": OAK},
    ),
    ("Three of my Year 6s got excluded today for fighting.", ["confidential_information"], {}),
    ("My TA has been signed off with stress for six weeks, nightmare.", ["confidential_information"], {}),
    ("SLT have decided to cut two TA posts but it hasn't been announced yet.", ["confidential_information"], {}),
    ("Mr Lloyd is under investigation, don't tell anyone.", ["confidential_information"], {}),
    ("He has a reading age of six and he's in Year 5.", ["confidential_information"], {}),
    (
        "One of our looked after children has moved foster placement again.",
        ["confidential_information"],
        {"role": "governor"},
    ),
    ("My work password is Oakfield2025! if anyone needs to cover my register.", ["confidential_information"], {}),
    ("Half my class are on pupil premium and it shows.", ["confidential_information"], {}),
    (
        "Governors agreed tonight to close the nursery but it's not been announced yet.",
        ["confidential_information"],
        {"role": "governor"},
    ),
    (
        "Poor Dafydd in 4B, his parents are divorcing and he's in bits.",
        ["confidential_information", "pupil_identified"],
        {"school": OAK},
    ),
    (
        "Mrs Carter is off sick again, that's three weeks now.",
        ["confidential_information"],
        {"school": OAK, "role": "parent"},
    ),
    ("We talked about epilepsy awareness in assembly today.", [], {}),
    ("Great training on ADHD strategies today, lots to take back to class.", [], {}),
    ("Free school meals should be for every child, in my view.", [], {"role": "public"}),
    # ---------------------------------------------------------------- personal_contact_details
    ("New number for anyone who needs it: 07700 900123", ["personal_contact_details:phone"], {}),
    (
        "Parents, feel free to text me on 07700 900456 if you need anything.",
        ["personal_contact_details:phone", "inappropriate_contact:parent"],
        {"verdicts": {"waterville": "ok"}},
    ),  # 401.p10 is about befriending, not texting
    ("Email me at jo.bloggs77@gmail.com and I'll send the worksheets over.", ["personal_contact_details"], {}),
    ("We've moved! Come and see us at 14 Acacia Avenue, LS1 4AB.", ["personal_contact_details"], {"role": "parent"}),
    ("Call me on +44 (0)7700-900-321 tonight", ["personal_contact_details:phone"], {"role": "volunteer"}),
    ("Landline is 0161 496 0123 if my mobile is off.", ["personal_contact_details:phone"], {"role": "governor"}),
    ("Ring 020 7946 0018 for bookings", ["personal_contact_details:phone"], {"role": "contractor"}),
    ("Please call the school office on 01632 960000 to report an absence.", [], {"channel": "official"}),
    ("The score was 3-2 to us, final whistle at 12:05.", [], {}),
    ("Our charity raised £1,250.75 this year, thank you!", [], {}),
    ("Born on 12 05 2016, she's nearly ten now.", [], {"role": "parent"}),
    # ---------------------------------------------------------------- offensive
    (
        "Mrs Carter is a useless idiot and everyone knows it.",
        ["offensive", "complaint_or_grievance"],
        {"school": OAK, "role": "parent"},
    ),
    ("What a pathetic excuse for a teacher, absolute clown.", ["offensive"], {"role": "parent"}),
    ("Shut up you stupid cow, nobody cares what you think.", ["offensive"], {"role": "public"}),
    ("Some of the parents at pickup are complete morons.", ["offensive"], {}),
    ("I swear if that kid's dad kicks off again I'll smash his face in.", ["offensive"], {}),
    ("F*cking hell this job is killing me, sick of this sh1t.", ["offensive", "complaint_or_grievance"], {}),
    ("You're a joke of a headteacher and a coward.", ["offensive", "complaint_or_grievance"], {"role": "parent"}),
    ("That supply teacher is a total knobhead.", ["offensive"], {"role": "pupil"}),
    (
        "Everyone hates you, just leave school already.",
        ["offensive"],
        {"role": "pupil", "kind": "message", "recipient_role": "pupil"},
    ),
    ("The governors are a bunch of spineless muppets.", ["offensive"], {"role": "staff"}),
    ("He's not stupid, he just needs more time.", [], {"role": "parent"}),
    ("A pupil called me an idiot today. Dealt with, moving on.", [], {}),
    ("What the hell is going on with the weather?", [], {"role": "public"}),
    # ---------------------------------------------------------------- discriminatory (and counter-speech)
    ("Immigrants are ruining this town and should be sent back.", ["discriminatory"], {"role": "public"}),
    ("Women shouldn't be heads, they're too emotional.", ["discriminatory"], {}),
    ("Why are Muslims so backward?", ["discriminatory"], {"role": "parent"}),
    ("Gay teachers shouldn't be allowed near children.", ["discriminatory"], {"role": "parent"}),
    ("I just think trans people are confused and need help, not a new toilet.", ["discriminatory"], {}),
    ("Older teachers are dead wood and should be got rid of.", ["discriminatory"], {"role": "governor"}),
    ("Pregnant teachers are a burden on the timetable, never hire them.", ["discriminatory"], {"role": "governor"}),
    ("Polish people are all thieves.", ["discriminatory"], {"role": "contractor"}),
    ("Disabled kids are a burden on mainstream schools.", ["discriminatory"], {"role": "volunteer"}),
    ("that kid is such a r3tard lol", ["discriminatory", "offensive"], {"role": "pupil"}),
    ("stop being such a f a g g o t", ["discriminatory", "offensive"], {"role": "pupil"}),
    ("go back to your own country you p@ki", ["discriminatory", "offensive"], {"role": "public"}),
    ("what a bunch of tr@nnies", ["discriminatory", "offensive"], {"role": "pupil"}),
    ("ur such a fagot", ["discriminatory", "offensive"], {"role": "pupil"}),
    ("Jews run the banks, everyone knows it.", ["discriminatory"], {"role": "public", "verdicts": {}}),
    (
        "A pupil called another child a racist name today. We dealt with it and that language is never acceptable.",
        [],
        {},
    ),
    (
        "Someone shouted homophobic abuse at our Year 9s on the bus. Disgusted. We will challenge this every time.",
        [],
        {},
    ),
    ("I don't think immigrants are lazy at all, my best colleagues came here from Poland.", [], {}),
    ("As a queer teacher I want my pupils to know they can be themselves.", [], {}),
    ("Proud to be a gay dad at the school gate.", [], {"role": "parent"}),
    ("Muslim families have made our school so much richer.", [], {}),
    ("Women make up most of the teaching workforce but few heads.", [], {}),
    ("It is wrong to say disabled people are a burden.", [], {"role": "governor"}),
    ("Fuck me, what a week.", ["offensive"], {}),
    # ---------------------------------------------------------------- defamatory_allegation
    ("The head is fiddling the books and everyone knows it.", ["defamatory_allegation"], {}),
    (
        "Mr Okafor hit a child in the corridor and the school covered it up.",
        ["defamatory_allegation"],
        {"school": OAK, "role": "parent"},
    ),
    ("The caretaker has been stealing from the PTA tin for years.", ["defamatory_allegation"], {"role": "parent"}),
    ("Mrs Morgan comes into work drunk, ask anyone.", ["defamatory_allegation"], {"school": BR}),
    (
        "Oakfield Primary faked their SATs results, I'm sure of it.",
        ["defamatory_allegation"],
        {"school": OAK, "role": "public"},
    ),
    ("The deputy is having an affair with a governor.", ["defamatory_allegation"], {"role": "governor"}),
    ("Mr Okafor never stole anything, those rumours are nonsense.", [], {"school": OAK, "role": "parent"}),
    # ---------------------------------------------------------------- complaint_or_grievance
    ("Honestly the worst school to work for, SLT don't care about staff at all.", ["complaint_or_grievance"], {}),
    ("Sick and tired of the way this school treats its teachers.", ["complaint_or_grievance"], {}),
    ("Passed over for TLR again. Management clearly have favourites.", ["complaint_or_grievance"], {}),
    (
        "I'm going to make a formal complaint about the school's handling of the bullying.",
        ["complaint_or_grievance"],
        {"role": "parent"},
    ),
    ("The school office never replies to emails. Shocking.", ["complaint_or_grievance"], {"role": "parent"}),
    (
        "My son's teacher doesn't care about him at all, no support whatsoever.",
        ["complaint_or_grievance"],
        {"role": "parent"},
    ),
    ("Head teacher refused to meet me again. Disgraceful.", ["complaint_or_grievance"], {"role": "parent"}),
    ("Love this school, the staff are amazing!", [], {"role": "parent"}),
    ("Great support from my head today when I needed it.", [], {}),
    # ---------------------------------------------------------------- school_identity
    (
        "Teacher at Oakfield Primary. Mum of two. Gin enthusiast.",
        ["school_identity:profile", "school_identity:mention", "missing_disclaimer"],
        {"school": OAK, "kind": "profile"},
    ),
    (
        "Year 4 teacher @ Brookside Academy | Views my own",
        ["school_identity:profile", "school_identity:mention"],
        {"school": BR, "kind": "profile"},
    ),
    ("Mum, runner, baker. Lover of dogs.", [], {"school": OAK, "kind": "profile"}),
    ("Busy day at Oakfield today, the kids were great.", ["school_identity:mention"], {"school": OAK}),
    (
        "Contact me at h.carter@oakfield.sch.uk about the football tournament.",
        ["school_identity:work_email"],
        {"school": OAK},
    ),
    (
        "Speaking on behalf of Oakfield Primary, we reject these claims completely.",
        ["school_identity:representative", "school_identity:mention"],
        {"school": OAK},
    ),
    ("My new profile pic is the school logo, looks smart!", ["school_identity:logo"], {"school": OAK}),
    ("Great to see @oakfieldprimary in the local paper!", [], {"school": OAK, "role": "parent"}),
    (
        "Brookside Primary Academy is recruiting - see our website for details.",
        [],
        {"school": BR, "channel": "official"},
    ),
    # ---------------------------------------------------------------- promotion
    ("Check out my candle business! Use code TEACH20 for 20% off.", ["promotion"], {}),
    ("Private tutoring available, £35 per hour, DM me.", ["promotion"], {}),
    ("Vote Labour on Thursday, our schools depend on it!", ["promotion"], {}),
    ("Please sign my petition to save the library - link in bio.", ["promotion"], {"role": "governor"}),
    ("Taking orders now for my Etsy shop, perfect teacher gifts.", ["promotion"], {"role": "volunteer"}),
    ("Join my team and earn £500 a week from home, message me!", ["promotion"], {"role": "public"}),
    ("At school today I sold 20 tubs of my Scentsy wax in the staffroom, DM to order.", ["promotion:at_work"], {}),
    ("The PTA Christmas fair raised £1,200 - thank you everyone!", [], {"role": "parent"}),
    ("Remember to vote for your school council reps this week.", [], {"channel": "official"}),
    # ---------------------------------------------------------------- inappropriate_contact
    (
        "Year 6, add me on snap: miss_b22 for homework help",
        ["inappropriate_contact:pupil_request", "personal_contact_details:to_pupils"],
        {},
    ),
    (
        "Hey, follow me on insta and I'll follow you back x",
        ["inappropriate_contact:pupil_request"],
        {"kind": "message", "recipient_role": "pupil"},
    ),
    (
        "Message me on WhatsApp instead of the school app, it's easier.",
        ["inappropriate_contact:pupil"],
        {"kind": "message", "recipient_role": "pupil", "role": "volunteer"},
    ),
    (
        "Do you want to meet up after school? I can give you a lift home.",
        ["inappropriate_contact:pupil"],
        {"kind": "message", "recipient_role": "pupil", "role": "contractor"},
    ),
    (
        "Accept my friend request so we can chat about the match.",
        ["inappropriate_contact:pupil_request"],
        {"kind": "message", "recipient_role": "pupil", "role": "governor"},
    ),
    (
        "Happy to chat, just add me on Facebook and message me there.",
        ["inappropriate_contact:parent"],
        {"kind": "message", "recipient_role": "parent"},
    ),
    (
        "Sir can I add you on snapchat?",
        ["inappropriate_contact:staff"],
        {"role": "pupil", "kind": "message", "recipient_role": "staff"},
    ),
    ("Miss, follow me back on TikTok pleaseee", ["inappropriate_contact:staff"], {"role": "pupil", "kind": "comment"}),
    (
        "Any of my old students from the class of 2015 want to add me? Would love to hear how you're all doing.",
        ["inappropriate_contact:former_pupil"],
        {},
    ),
    ("Please use the school app to message me about homework.", [], {"kind": "message", "recipient_role": "pupil"}),
    ("Added my nephew on Facebook, he's in Year 5 at another school.", [], {}),
    ("Add me on LinkedIn if you're a fellow SENCO!", [], {}),
    # ---------------------------------------------------------------- safeguarding_concern
    (
        "Hey Ruby, add me on snapchat but don't tell your mum ok? It's our little secret.",
        ["safeguarding_concern", "inappropriate_contact:pupil_request", "pupil_identified"],
        {"school": OAK, "kind": "message", "recipient_role": "pupil"},
    ),
    (
        "You're so mature for your age. Send me a pic of yourself?",
        ["safeguarding_concern", "inappropriate_contact:pupil"],
        {"kind": "message", "recipient_role": "pupil", "role": "public"},
    ),
    (
        "I don't want to be here anymore, I keep thinking about ending it all.",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    ("my step dad hits me when mum is at work and I'm scared to go home", ["safeguarding_concern"], {"role": "pupil"}),
    ("got nudes of a year 9 girl, dm if you want them", ["safeguarding_concern"], {"role": "pupil"}),
    ("anyone want the nudes of that girl from Y10? sharing them tonight", ["safeguarding_concern"], {"role": "public"}),
    ("Worried about a child in my class, bruises all over her arms again today.", ["safeguarding_concern"], {}),
    (
        "One of the Year 8 lads is running packages for some older boys, county lines I reckon.",
        ["safeguarding_concern"],
        {"role": "parent"},
    ),
    ("been cutting myself again, nobody notices", ["safeguarding_concern"], {"role": "pupil"}),
    ("That year 10 is well fit, I'd date her.", ["safeguarding_concern"], {"role": "contractor", "verdicts": {}}),
    ("Great suicide prevention training from Papyrus today, every school should do it.", [], {}),
    ("We talked to Year 9 about the law on sharing nudes in PSHE today.", [], {}),
    ("I'll kill myself if I have to mark one more book today lol", [], {}),
    ("Our secret Santa is tomorrow, don't tell your mum what you got her!", [], {"role": "parent"}),
    # ---------------------------------------------------------------- disrepute
    ("Still drunk from last night, teaching Year 4 in an hour lol.", ["disrepute"], {}),
    ("So hungover at work today, the kids are far too loud.", ["disrepute"], {}),
    ("Smoked a few spliffs before parents evening, made it bearable.", ["disrepute"], {}),
    ("Pulled a sickie today, beach day!", ["disrepute"], {}),
    ("New pics up on my OnlyFans, link in bio 😉", ["disrepute", "promotion"], {}),
    ("Got absolutely wasted at the staff do, can't remember a thing.", ["disrepute"], {"role": "volunteer"}),
    ("Drugs awareness talk for Year 6 today from the police, really useful.", [], {}),
    ("Friday drinks with the team, one glass and home by eight.", [], {}),
    ("So drunk lol", ["disrepute"], {"role": "pupil"}),
    # ---------------------------------------------------------------- missing_disclaimer
    ("Ofsted is a broken system and the new framework is a joke.", ["missing_disclaimer"], {}),
    ("I think the new curriculum is a disaster for primary schools.", ["missing_disclaimer"], {"role": "governor"}),
    ("Teacher workload is out of control and the DfE should be ashamed.", ["missing_disclaimer"], {}),
    ("Ofsted is a broken system and the new framework is a joke. Views my own.", [], {}),
    ("I think the new DfE guidance is ridiculous.", ["missing_disclaimer"], {"channel": "official"}),
    ("Ofsted should be scrapped.", [], {"role": "parent"}),
]


# Written after the detectors were tuned on CASES and never used for tuning: an honest estimate.
HOLDOUT: list[tuple[str, list[str], dict[str, object]]] = [
    ("Nothing beats a Friday afternoon story time with my class.", [], {}),
    ("Will the roadworks on the high street ever end?", [], {"school": OAK}),
    ("Such a lovely summer fair, thank you to all the volunteers.", [], {"school": OAK, "role": "governor"}),
    ("Made a Ruby-red velvet cake for the staff room bake off.", [], {"school": OAK}),
    ("Jack and I are off to Wales for the weekend.", [], {"school": OAK, "role": "parent"}),
    ("Learning about Ramadan with our Year 3s was really special.", [], {}),
    ("Refugee week: our pupils wrote letters of welcome to families arriving in the city.", [], {}),
    ("My boss bought the whole team doughnuts, what a legend.", [], {}),
    ("Gutted the match got rained off, next week instead.", [], {"role": "pupil"}),
    ("What a shit day, the car broke down and I missed the train.", ["offensive"], {}),
    ("Aoife in Year 4 did the most beautiful drawing of a horse.", ["pupil_identified"], {"school": OAK}),
    ("Gwen from 5B has been chosen for the county choir!", ["pupil_identified"], {"school": OAK}),
    ("Tom Clarke and his sister both got 100% in their spelling test.", ["pupil_identified"], {"school": OAK}),
    ("Noah Williams was star of the week, well deserved.", ["pupil_identified"], {"school": BR}),
    ("Freya in my class cried all through assembly, bless her.", ["pupil_identified"], {"school": BR}),
    ("Pics from today's Year 2 trip to the farm - the children loved the lambs!", ["pupil_image"], {}),
    ("Sharing this video of my form singing happy birthday to me.", ["pupil_image"], {}),
    ("One of my Year 5 girls has just been diagnosed with diabetes, scary for the family.", ["confidential_information"], {}),
    ("A lad in my tutor group has been permanently excluded, shame.", ["confidential_information"], {}),
    ("Our deputy is off with stress again and nobody is covering.", ["confidential_information", "complaint_or_grievance"], {}),
    ("His mum is homeless at the moment and they're in a B&B.", ["confidential_information"], {}),
    ("My mobile is 07700 900777 - text any time.", ["personal_contact_details:phone"], {}),
    ("Drop me an email at sam.teaches@hotmail.co.uk for the forms.", ["personal_contact_details"], {"role": "volunteer"}),
    ("The head is a spineless liar and everyone can see it.", ["offensive", "defamatory_allegation"], {"role": "parent"}),
    ("Some of these kids are absolute little shits.", ["offensive"], {}),
    ("I'll batter you at the gates tomorrow, watch your back.", ["offensive"], {"role": "pupil", "kind": "message", "recipient_role": "pupil"}),
    ("Asylum seekers are parasites and should be deported.", ["discriminatory"], {"role": "public"}),
    ("Female teachers can't handle behaviour, everyone knows it.", ["discriminatory"], {}),
    ("you're such a sp@z", ["discriminatory", "offensive"], {"role": "pupil"}),
    ("Why do gay people have to shove it in everyone's faces?", ["discriminatory"], {"role": "parent", "verdicts": {}}),
    ("A parent called our TA a racist slur at pickup. Reported to the police. Totally unacceptable.", [], {}),
    ("I don't believe Muslims are any less British than me.", [], {}),
    ("The PE teacher has been stealing kit from the store cupboard.", ["defamatory_allegation"], {"role": "parent"}),
    ("Mrs Green lied to Ofsted about the attendance figures.", ["defamatory_allegation"], {"school": OAK}),
    ("This school is a shambles, nobody listens to parents.", ["complaint_or_grievance"], {"role": "parent"}),
    ("Fuming that SLT have cancelled PPA again. Worst place I've ever worked.", ["complaint_or_grievance"], {}),
    ("Deputy Head at Brookside Academy. Husband. Cyclist.", ["school_identity:profile", "school_identity:mention", "missing_disclaimer"], {"school": BR, "kind": "profile"}),
    ("On behalf of the school, I can confirm the trip is cancelled.", ["school_identity:representative"], {"school": OAK}),
    ("Selling my handmade cards, 3 for £5, message me to order.", ["promotion"], {"role": "volunteer", "verdicts": {}}),
    ("Vote Reform on Thursday - time for change!", ["promotion"], {"role": "governor"}),
    ("Snap me if you need help with your homework, Year 8!", ["inappropriate_contact:pupil"], {}),
    ("Come round to mine after school and we can practise your lines.", ["inappropriate_contact:pupil"], {"kind": "message", "recipient_role": "pupil"}),
    ("Delete these messages after you read them, ok? Don't tell your parents we talked.", ["safeguarding_concern", "inappropriate_contact:pupil"], {"kind": "message", "recipient_role": "pupil", "role": "volunteer"}),
    ("i want to die, nobody would even notice if i was gone", ["safeguarding_concern"], {"role": "pupil"}),
    ("my uncle touches me when nobody is home", ["safeguarding_concern"], {"role": "pupil"}),
    ("selling pics of that year 8 girl, dm me", ["safeguarding_concern"], {"role": "public"}),
    ("She came into school hungry again and in the same clothes all week.", ["safeguarding_concern"], {}),
    ("Absolutely hanging this morning, still got Year 3 for PE first thing.", ["disrepute"], {}),
    ("Did a couple of lines at the party, back at school Monday like nothing happened.", ["disrepute"], {}),
    ("Another pointless Ofsted framework from the DfE. Broken system.", ["missing_disclaimer"], {}),
    ("Teachers' pay award is an insult. Views my own.", [], {}),
    ("Parents, you can always reach me on the school email.", [], {"channel": "official"}),
    ("Thanks to Year 6 for a brilliant leavers' assembly today.", [], {"channel": "official", "school": OAK}),
    ("Our Muslim families are welcome to use the quiet room during Ramadan.", [], {"channel": "official"}),
    ("Halal options are now on the lunch menu every day.", [], {"channel": "official"}),
]


def _expand(cases: list[tuple[str, list[str], dict[str, object]]], prefix: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for n, (text, labels, opts) in enumerate(cases, start=1):
        role = str(opts.get("role", "staff"))
        channel = str(opts.get("channel", "personal"))
        kind = str(opts.get("kind", "post"))
        recipient = opts.get("recipient_role")
        school = opts.get("school")
        cats = sorted({lab.split(":", 1)[0] for lab in labels})
        overrides = dict(opts.get("verdicts", {}))  # type: ignore[call-overload]
        for pack in opts.get("packs", PACKS):  # type: ignore[union-attr]
            row: dict[str, object] = {
                "id": f"{prefix}-{n:03d}-{pack}",
                "text": text,
                "role": role,
                "channel": channel,
                "kind": kind,
            }
            if recipient:
                row["recipient_role"] = recipient
            row["policy"] = pack
            if school:
                row["school"] = school
            row["expected_categories"] = cats
            row["expected_verdict"] = overrides.get(pack) or expected_verdict(pack, labels, role, channel)
            rows.append(row)
    return rows


def main() -> int:
    for cases, prefix, out in ((CASES, "dev", OUT), (HOLDOUT, "holdout", OUT.with_name("holdout.jsonl"))):
        rows = _expand(cases, prefix)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} cases ({len(cases)} texts x {len(PACKS)} packs) to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
