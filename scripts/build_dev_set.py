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

    python scripts/build_dev_set.py   # rewrites tests/data/checker/dev.jsonl, holdout.jsonl and holdout2.jsonl

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
    # ------------------------------------------------ second batch (Nov 2026): everyday UK phrasing, slang
    # ================================================================ disrepute
    ("Absolutely steaming last night, had to teach period 1 in sunglasses 😎🤢", ["disrepute"], {}),
    ("Hanging out my arse in the staffroom. Whose idea was a school night sesh?? 😂", ["disrepute"], {}),
    ("still a bit half-cut from the leaving do tbh, thank god it's only INSET", ["disrepute"], {}),
    (
        "rough as a badger's this morning. 3 bottles of prosecco on a tuesday was a choice. year 2 are getting a film",
        ["disrepute"],
        {},
    ),
    ("Pure blootered last night, pretty sure I still smelt of voddy at registration 🙈", ["disrepute"], {}),
    ("sneaky can of stella in the car at lunch, only way I'm getting through 9X this afternoon", ["disrepute"], {}),
    (
        "😂 same, still tipsy from the staff do and I've got Reception in 20 mins",
        ["disrepute"],
        {"kind": "comment"},
    ),
    ("Had a cheeky line or two Saturday, still buzzing for Monday's INSET 🤪❄️", ["disrepute"], {}),
    ("nothing like a fat zoot after a day with year 9 🌿💨", ["disrepute"], {}),
    ("Rang in with 'food poisoning' 🤒... currently horizontal by the pool in Magaluf 🍹", ["disrepute"], {}),
    ("Told the head my nan was poorly so I could go to Download. Third poorly nan this year 🤘", ["disrepute"], {}),
    (
        "Can you cover my period 1 tomorrow? I'll be in bits after Oasis, gonna say I've got a migraine 🤫",
        ["disrepute"],
        {"kind": "message", "recipient_role": "staff"},
    ),
    (
        "Spicy set dropping on my Fansly tonight 🔥 subscribe for the full thing, teachers need paying somehow 😉",
        ["disrepute", "promotion"],
        {},
    ),
    ("[image: selfie in underwear on the bed, caption 'marking can wait 😘']", ["disrepute"], {}),
    (
        "Got nicked for drink driving on the way home from the staff Christmas party. Car's impounded. FML",
        ["disrepute"],
        {},
    ),
    (
        "Came to help at the school disco proper merry after the pub, the kids thought I was hilarious 🍻🪩",
        ["disrepute"],
        {"role": "volunteer"},
    ),
    (
        "Lads on the school roof job had a few tinnies at dinner, no harm done 🍺",
        ["disrepute"],
        {"role": "contractor"},
    ),
    (
        "Full governing body went much better after the two bottles of red I'd had beforehand 🍷🥴",
        ["disrepute"],
        {"role": "governor"},
    ),
    ("got so mortal at the party last night i woke up in someone's garden 💀", ["disrepute"], {"role": "pupil"}),
    ("Bladdered at the Year 11 prom afterparty. The kids were better behaved than the staff 🙈", ["disrepute"], {}),
    # disrepute hard negatives
    ("Couple of pints at the rugby club Saturday, cracking match 🏉", [], {}),
    ("Prosecco and a catch-up with the girls tonight, well earned after half term 🥂", [], {}),
    (
        "Staff quiz night at the Red Lion raised £340 for the minibus fund! Lime and soda for me, I was driving 🚗",
        [],
        {},
    ),
    ("Covering drugs and alcohol in PSHE with Year 9 next week - anyone got good resources?", [], {}),
    ("Off sick with norovirus, feel grim. Sorry 4C, gutted to miss the trip 😷", [], {}),
    ("First week back after Christmas feels like a hangover even when you've not touched a drop 😴", [], {}),
    ("Half term! Tenerife for a week, sunbathing and sangria ☀️🍹", [], {}),
    (
        "Tried to pull a sickie at 15 and my mum marched me in anyway 😂 now I'm the teacher I can spot one a mile off",
        [],
        {},
    ),
    ("Pints in the beer garden, first proper sun of the year 🍺☀️", [], {"role": "contractor"}),
    # ================================================================ safeguarding_concern
    (
        "mums new boyfriend keeps coming in my room at night and says its our game and not to tell anyone",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "no food in the house again and mum hasnt been back since sunday. been giving my little brother dry cereal",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "started doing the thing with the sharpener blade again. long sleeves in pe tmrw",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "everyone would be better off without me tbh. been googling how many paracetamol it takes",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    ("the barcode on my arm is getting worse and idk how to stop", ["safeguarding_concern"], {"role": "pupil"}),
    (
        "not gonna be around much longer so this is goodbye i guess. love u all x",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    ("thinking about unaliving myself 24/7 rn 🙃", ["safeguarding_concern"], {"role": "pupil", "kind": "comment"}),
    (
        "3rd day no lunch or tea. need to be under 6 stone before the residential or im not going",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "he says he loves me and hes 24 but its fine cos im mature for my age. meeting him saturday dont tell anyone",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "going pakistan in the summer and mum says im getting engaged to my cousin. im 15 and i dont want to",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "my cousin gets £200 to take a bag to blackpool on the train on school days, says i can do it too",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "theres a man above the shop who gives us free vapes and lets us chill in his flat after school, hes sound",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "whos got the vid of that yr 8 girl in the changing rooms, send it to the gc 😂",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "Put some credit on your phone and got those trainers you wanted 👟 don't mention it at school x",
        ["safeguarding_concern", "inappropriate_contact:pupil"],
        {"kind": "message", "recipient_role": "pupil"},
    ),
    (
        "You can always come to mine after training if things are bad at home. I'll pick you up round the corner so your dad doesn't see",
        ["safeguarding_concern", "inappropriate_contact:pupil"],
        {"role": "volunteer", "kind": "message", "recipient_role": "pupil"},
    ),
    (
        "Let's move this chat to Telegram, the school app logs everything lol",
        ["safeguarding_concern", "inappropriate_contact:pupil"],
        {"kind": "message", "recipient_role": "pupil"},
    ),
    (
        "ur gorgeous for 13 btw 😍 send us a selfie in ur uniform?",
        ["safeguarding_concern", "inappropriate_contact:pupil"],
        {"role": "public", "kind": "message", "recipient_role": "pupil"},
    ),
    (
        "Only telling you this cos you're my favourite - I think about you a lot. Our little chats are the best bit of my day x",
        ["safeguarding_concern", "inappropriate_contact:pupil"],
        {"kind": "message", "recipient_role": "pupil"},
    ),
    (
        "Older lads on mopeds waiting by the gates again and two of our Y9s got in a car with them. New phones, "
        "new Canada Goose, no job. Ringing the DSL now.",
        ["safeguarding_concern"],
        {},
    ),
    (
        "Little one in my class has worn the same clothes all week, starving at breakfast club and flinched when I reached "
        "for a pencil. Logged it but can't stop thinking about her",
        ["safeguarding_concern"],
        {},
    ),
    (
        "Year 10 lad told me today his uncle makes him 'do stuff' for money. Passed it straight on but I'm shaken",
        ["safeguarding_concern"],
        {},
    ),
    (
        "Year 9 boy in my form sharing 'great replacement' videos and says he's in a Telegram group with some older men. Worried.",
        ["safeguarding_concern"],
        {},
    ),
    (
        "Really worried about Dafydd in 4B, black eye again this morning and he won't say how it happened",
        ["safeguarding_concern", "pupil_identified", "confidential_information"],
        {"school": OAK},
    ),
    (
        "My daughter's 12 and some 19 year old keeps messaging her saying she's special and buying her vapes. "
        "Police say there's nothing they can do?!",
        ["safeguarding_concern"],
        {"role": "parent"},
    ),
    (
        "Some of them sixth form girls are well developed for their age if you know what I mean 👀",
        ["safeguarding_concern"],
        {"role": "contractor"},
    ),
    # safeguarding hard negatives
    ("Level 3 DSL refresher done ✅ really good case studies on contextual safeguarding and county lines", [], {}),
    ("Mental Health Awareness Week: Year 7 made worry monsters and talked about trusted adults 💚", [], {}),
    ("PANTS lesson with Year 2 today, they sang the NSPCC song all through lunch 🩲🦖", [], {}),
    (
        "Thank you to everyone who came to our online safety evening - brilliant questions about grooming and sextortion.",
        [],
        {"channel": "official"},
    ),
    ("I'm DYING 😂 Year 5's assembly about the Romans was unreal", [], {}),
    ("Year 6 are running a bake sale for Papyrus after their mental health unit. So proud.", [], {}),
    (
        "Watched Adolescence on Netflix - every parent should, it opened my eyes to what kids see online",
        [],
        {"role": "parent"},
    ),
    ("Buying my nephew trainers for his 13th, what do teenagers even wear now?? 😅", [], {}),
    # ================================================================ promotion
    ("Side hustle alert 🚨 doing gel nails from home now, £20 a set, message me to book 💅", ["promotion"], {}),
    ("GCSE maths tutoring over Zoom, £40/hr, enhanced DBS, few slots left before mocks 📚", ["promotion"], {}),
    (
        "Lost 2 stone with these shakes and now I'm earning from them too 🙌 only looking for 3 more for my team, who's in?",
        ["promotion"],
        {},
    ),
    ("Made £3k this month off a crypto trading bot 🚀 passive income is real, referral link in bio", ["promotion"], {}),
    (
        "New Avon brochure is in my pigeonhole, orders to me in the staffroom by Friday please 💄",
        ["promotion:at_work"],
        {},
    ),
    (
        "Primary teacher 🍎 | Tropic skincare ambassador 🌿 | shop my faves via the link 👇",
        ["promotion"],
        {"kind": "profile"},
    ),
    ("March to save our NHS this Saturday, town hall 11am ✊ bring placards and share this!", ["promotion"], {}),
    (
        "Knocked 200 doors today for Reform. Britain deserves better - get out and vote!",
        ["promotion"],
        {"role": "governor"},
    ),
    (
        "Fellow governors - I'm standing for the council in May and would really appreciate your vote. Leaflet attached.",
        ["promotion"],
        {"role": "governor"},
    ),
    ("Use my code BECKY10 at Gymshark for 10% off 💪", ["promotion"], {"role": "volunteer"}),
    (
        "Doing kitchen fits at mates rates this month 👌 just done a school canteen so you know the quality. DM for a quote",
        ["promotion"],
        {"role": "contractor"},
    ),
    (
        "Hey mummas! I'm officially a Younique presenter 💕 join my VIP group for exclusive offers",
        ["promotion"],
        {"role": "parent"},
    ),
    # promotion hard negatives
    (
        "Selling our old sofa, grey 3 seater, pet and smoke free, £60 ono, collection from Kirkby",
        [],
        {"role": "parent"},
    ),
    ("Running the London Marathon for Macmillan 💚 any donations gratefully received, JustGiving link in bio", [], {}),
    ("Interesting result in the by-election last night, turnout was really low", [], {}),
    (
        "Polls are open 7am-10pm today. We're a polling station so school is closed to pupils.",
        [],
        {"channel": "official"},
    ),
    (
        "Year 5 are selling their enterprise keyrings at break, £1 each, all profits to the school garden 🌻",
        [],
        {"channel": "official"},
    ),
    # ================================================================ pupil_image
    ("Uploading the vid of 5B's Tudor rap, it's too good not to share 🎤👑", ["pupil_image"], {}),
    ("Check my story for the residential pics, the kids on the zipwire are hilarious 😂", ["pupil_image"], {}),
    ("Going live on insta from the school disco 🪩 come watch the kids' dance-off!", ["pupil_image"], {}),
    ("Popped the class photo in the parents' WhatsApp so everyone can see the new uniforms", ["pupil_image"], {}),
    (
        "Look at our fabulous new Reception class on their first day! 🎒 [photo: 28 children on the front steps]",
        ["pupil_image"],
        {"channel": "official"},
    ),
    (
        "Ruby Patel collecting her headteacher's award this morning, so chuffed for her [photo]",
        ["pupil_image", "pupil_identified"],
        {"school": OAK},
    ),
    (
        "Nativity's on YouTube for the grandparents who couldn't make it 🎄 [video: whole Reception class on stage]",
        ["pupil_image"],
        {"role": "parent"},
    ),
    (
        "Got a cracking shot of the whole U11s squad with their medals, tagging all the mums so you can grab it 🏅",
        ["pupil_image"],
        {"role": "parent"},
    ),
    (
        "Took loads of lovely photos of the kids at reading café this morning, will stick them on my Facebook later 😊",
        ["pupil_image"],
        {"role": "volunteer"},
    ),
    (
        "Got some great shots of the Year 6 leavers doing their dance, posting them on the village FB group now",
        ["pupil_image"],
        {"role": "governor"},
    ),
    (
        "Pic of the finished playground with the kids having their first go on it, chuffed 👷",
        ["pupil_image"],
        {"role": "contractor"},
    ),
    ("posted the vid of that year 7 getting dunked in the pond on my story 💀💀", ["pupil_image"], {"role": "pupil"}),
    # pupil_image hard negatives
    ("[image: Year 2 rainforest display, no children in shot] Two evenings but worth it 🦜", [], {}),
    ("Our new sensory garden before the children get their hands on it 🌻 [photo]", [], {}),
    ("First school photo of my twins arrived today, framing it for nanny 🥹", [], {"role": "parent"}),
    (
        "Please don't share photos or videos of the nativity that include children other than your own.",
        [],
        {"channel": "official"},
    ),
    ("[image: empty classroom, tables labelled] Ready for my new class on Wednesday!", [], {}),
    # ================================================================ complaint_or_grievance
    (
        "Third cover lesson in my only free today. Apparently PPA is 'optional' at this place 🙄",
        ["complaint_or_grievance"],
        {},
    ),
    (
        "12 years at this school and I found out about the restructure from a parent at the gate. Cheers SLT.",
        ["complaint_or_grievance"],
        {},
    ),
    (
        "Capability started after ONE bad obs. This place chews people up and spits them out.",
        ["complaint_or_grievance"],
        {},
    ),
    ("Same here hun, our SLT never back us with parents either 🙄", ["complaint_or_grievance"], {"kind": "comment"}),
    (
        "My lad's been bullied since September and school keep saying they're 'monitoring it'. Monitoring WHAT exactly?!",
        ["complaint_or_grievance"],
        {"role": "parent"},
    ),
    (
        "Brookside have cancelled the Y6 residential with 2 weeks notice and no refund. Absolute shambles.",
        ["complaint_or_grievance"],
        {"role": "parent", "school": BR},
    ),
    (
        "Not being funny but SEN support at this school is non existent. EHCP says 1:1 and she's had none since Christmas",
        ["complaint_or_grievance"],
        {"role": "parent"},
    ),
    (
        "Another meeting where the head just swerves every question we ask. Waste of my evening.",
        ["complaint_or_grievance"],
        {"role": "governor"},
    ),
    (
        "Volunteered there 5 years and never once got a thank you. Not going back.",
        ["complaint_or_grievance"],
        {"role": "volunteer"},
    ),
    (
        "Mr Okafor is a jumped-up little prick who thinks he's God",
        ["offensive", "complaint_or_grievance"],
        {"role": "parent", "school": OAK},
    ),
    # complaint hard negatives
    ("Really supportive chat with my line manager today, feeling much better about workload", [], {}),
    ("Parents' evening tonight, 32 appointments, wish me luck ☕☕☕", [], {}),
    ("Huge thanks to the office for sorting my son's dinner money so quickly 🙏", [], {"role": "parent"}),
    (
        "If you have concerns about the new uniform supplier please email the office and we'll look into it.",
        [],
        {"channel": "official"},
    ),
    # ================================================================ discriminatory (and counter-speech)
    (
        "Half the class can't speak a word of English. These people come here and expect us to do everything for them",
        ["discriminatory"],
        {},
    ),
    (
        "Not being funny but why do the travellers' kids always end up excluded? It's in the blood.",
        ["discriminatory"],
        {},
    ),
    ("Is it just me or are the Asian parents always the pushiest at parents' evening?", ["discriminatory"], {}),
    ("Bet she only got the headship cos she's a black woman and they needed to tick a box 🙄", ["discriminatory"], {}),
    (
        "A man in Reception changing nappies? No thanks. Men shouldn't be doing that job.",
        ["discriminatory"],
        {"role": "governor"},
    ),
    (
        "just saying, Pride month in a primary school is grooming kids into being gay",
        ["discriminatory"],
        {"role": "parent"},
    ),
    ("the new supply teacher is such a m0ng lmao", ["discriminatory", "offensive"], {"role": "pupil"}),
    ("all the r*gheads in year 10 are the same", ["discriminatory", "offensive"], {"role": "pupil"}),
    ("this RE lesson is so gay 🙄", ["discriminatory"], {"role": "pupil"}),
    (
        "Muzzies are taking over our schools, halal menus everywhere now",
        ["discriminatory", "offensive"],
        {"role": "public"},
    ),
    # discriminatory hard negatives
    (
        "Heard a Year 8 use the P-word today. Reported, both families called, and it will never be shrugged off in my room.",
        [],
        {},
    ),
    ("Our Traveller families are some of the most supportive we have. The stereotypes are so unfair.", [], {}),
    ("Yes I'm disabled and yes I'm a teacher. Stop asking how I 'manage' 🦽", [], {}),
    ("So many racist comments under the paper's post about the new mosque. Do better, people.", [], {"role": "public"}),
    ("No, a man teaching EYFS isn't weird. Best Reception teacher we ever had was a bloke.", [], {"role": "parent"}),
    ("As a fat queer teacher in a small town, visibility matters 💅🏳️‍🌈", [], {}),
    # ================================================================ pupil_identified
    ("noah williams in 4 has the best laugh, he sets the whole class off 😂", ["pupil_identified"], {"school": BR}),
    (
        "Massive well done to Kuba Z for getting into the county football academy ⚽",
        ["pupil_identified"],
        {"school": OAK, "role": "parent"},
    ),
    (
        "Vicky in Year 2 read me three whole books today, what a superstar 📚",
        ["pupil_identified"],
        {"school": BR, "role": "volunteer"},
    ),
    # ================================================================ confidential_information
    (
        "Freya Brown's mum has been sectioned, poor kid doesn't know whether she's coming or going",
        ["confidential_information", "pupil_identified"],
        {"school": BR},
    ),
    (
        "Mia Johnson's EHCP finally came through, 25 hours 1:1 👏",
        ["confidential_information", "pupil_identified"],
        {"school": BR},
    ),
    (
        "Guess which colleague just got a final written warning 👀 won't say who but they teach PE",
        ["confidential_information"],
        {},
    ),
    (
        "Head told us in confidence we're joining a trust by Easter. Parents haven't a clue yet",
        ["confidential_information"],
        {},
    ),
    (
        "Fixed the staff room lock. Main gate code is 4471 btw if any of the lads need in",
        ["confidential_information"],
        {"role": "contractor"},
    ),
    # ================================================================ personal_contact_details
    (
        "Year 11 - text me on 07700 900789 if you get stuck on revision, any time before midnight",
        ["personal_contact_details:phone", "personal_contact_details:to_pupils", "inappropriate_contact:pupil"],
        {},
    ),
    (
        "My personal email is sam.teach1985@hotmail.co.uk if you'd rather contact me there than on Dojo",
        ["personal_contact_details", "inappropriate_contact:parent"],
        {"kind": "message", "recipient_role": "parent"},
    ),
    (
        "Anyone wanting to talk about the merger, I'm at 22 Wellgate Road, door's always open",
        ["personal_contact_details"],
        {"role": "governor"},
    ),
    (
        "mob's 07700 900654, drop me a msg about the reading rota",
        ["personal_contact_details:phone"],
        {"role": "volunteer"},
    ),
    (
        "Over the holidays please ring me directly on 07700900345 with any queries - Mr Ali",
        ["personal_contact_details:phone"],
        {"school": BR, "channel": "official"},
    ),
    # personal contact hard negatives
    # ================================================================ offensive
    (
        "Whoever the tw*t was that parked across my drive at drop off, learn to drive you absolute melt",
        ["offensive"],
        {"role": "parent"},
    ),
    (
        "ur actually so ugly no wonder nobody sits with u, weirdo",
        ["offensive"],
        {"role": "pupil", "kind": "message", "recipient_role": "pupil"},
    ),
    ("Teachers are lazy c**ts who get 13 weeks off a year", ["offensive"], {"role": "public", "kind": "comment"}),
    # ================================================================ defamatory_allegation
    (
        "Everyone knows the PE teacher at Brookside is selling weed to the year 11s",
        ["defamatory_allegation"],
        {"role": "parent", "school": BR},
    ),
    (
        "Miss Green has been bumping up her favourites' coursework marks for years, she should be struck off",
        ["defamatory_allegation"],
        {"role": "parent", "school": OAK},
    ),
    (
        "Our business manager's been taking backhanders off the catering firm, mark my words",
        ["defamatory_allegation"],
        {"role": "governor"},
    ),
    ("Rumour is the head's leaving at Easter - no idea if it's true, I'll wait for a letter", [], {"role": "parent"}),
    # ================================================================ school_identity
    (
        "KS2 teacher at Brookside Primary Academy 🍎 | coffee addict | Spurs 💙",
        ["school_identity:profile", "school_identity:mention", "missing_disclaimer"],
        {"school": BR, "kind": "profile"},
    ),
    (
        "Tickets for my band's gig at the Crown on Sat, £5 - email r.green@oakfield.sch.uk to reserve 🎸",
        ["school_identity:work_email", "promotion"],
        {"school": OAK},
    ),
    (
        "As a teacher at Oakfield I can tell you the school fully backs the Save Our Library campaign - sign the petition!",
        ["school_identity:representative", "school_identity:mention", "promotion"],
        {"school": OAK},
    ),
    ("Another mad Monday at OPS 😅", ["school_identity:mention"], {"school": OAK}),
    ("Dad of 3, Leeds Rhinos fan, occasional baker. Views my own.", [], {"school": OAK, "kind": "profile"}),
    # ================================================================ inappropriate_contact
    (
        "Saw your netball match on your story, well played! Follow me back and we can chat about training 😊",
        ["inappropriate_contact:pupil_request"],
        {"kind": "message", "recipient_role": "pupil"},
    ),
    (
        "Add me on snap if you want tips for your college interview, I'm on there loads",
        ["inappropriate_contact:pupil_request"],
        {"role": "governor", "kind": "message", "recipient_role": "pupil"},
    ),
    (
        "Found a few of my old Year 11s from 2019 on insta, sending follow requests to catch up 🥰",
        ["inappropriate_contact:former_pupil"],
        {},
    ),
    (
        "Hiya hun, it's Miss from Reception 😊 add me on FB and we'll sort drinks sometime x",
        ["inappropriate_contact:parent"],
        {"kind": "message", "recipient_role": "parent"},
    ),
    (
        "miss whats ur insta, wanna show u my art",
        ["inappropriate_contact:staff"],
        {"role": "pupil", "kind": "message", "recipient_role": "staff"},
    ),
    # inappropriate_contact hard negatives
    (
        "Please contact me through the school email or Class Dojo - I'm not able to accept requests on personal accounts.",
        [],
        {"kind": "message", "recipient_role": "parent"},
    ),
    ("Following @oakfieldprimary for all the school news 🍎", [], {"role": "parent", "school": OAK}),
    # ================================================================ missing_disclaimer
    ("The RAAC mess proves the DfE let school buildings rot for a decade. Disgraceful.", ["missing_disclaimer"], {}),
    ("Phones should be banned in every school by law, no ifs no buts 📵", ["missing_disclaimer"], {}),
    ("Academy trusts are a money grab dressed up as school improvement.", ["missing_disclaimer"], {"role": "governor"}),
    ("Personal views only, not my employer's: the pay award was never properly funded.", [], {}),
    ("SATs are pointless for 10 year olds.", [], {"role": "parent"}),
    ("The new RSE guidance is out today, link here for anyone who wants a read.", [], {}),
    # ================================================================ misc hard negatives
    ("Proud mum moment: my eldest got into the county youth orchestra 🎻", [], {"role": "parent"}),
    ("Finally finished the new fence round the school field, looks mint", [], {"role": "contractor"}),
    (
        "Whoever found a blue lunchbox outside the Co-op, it's my grandson's - could you drop it at the school office? 🙏",
        [],
        {"role": "public"},
    ),
    ("mocks done!!! cinema and maccies to celebrate 🍿🍟", [], {"role": "pupil"}),
    ("Parish council meeting tonight then fish and chips, living the dream 🐟", [], {"role": "governor"}),
    ("Charity car wash at the scout hut Saturday 10-2, every penny to the hospice 🚗🧽", [], {"role": "public"}),
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
    (
        "One of my Year 5 girls has just been diagnosed with diabetes, scary for the family.",
        ["confidential_information"],
        {},
    ),
    ("A lad in my tutor group has been permanently excluded, shame.", ["confidential_information"], {}),
    (
        "Our deputy is off with stress again and nobody is covering.",
        ["confidential_information", "complaint_or_grievance"],
        {},
    ),
    ("His mum is homeless at the moment and they're in a B&B.", ["confidential_information"], {}),
    ("My mobile is 07700 900777 - text any time.", ["personal_contact_details:phone"], {}),
    (
        "Drop me an email at sam.teaches@hotmail.co.uk for the forms.",
        ["personal_contact_details"],
        {"role": "volunteer"},
    ),
    (
        "The head is a spineless liar and everyone can see it.",
        ["offensive", "defamatory_allegation"],
        {"role": "parent"},
    ),
    ("Some of these kids are absolute little shits.", ["offensive"], {}),
    (
        "I'll batter you at the gates tomorrow, watch your back.",
        ["offensive"],
        {"role": "pupil", "kind": "message", "recipient_role": "pupil"},
    ),
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
    (
        "Deputy Head at Brookside Academy. Husband. Cyclist.",
        ["school_identity:profile", "school_identity:mention", "missing_disclaimer"],
        {"school": BR, "kind": "profile"},
    ),
    (
        "On behalf of the school, I can confirm the trip is cancelled.",
        ["school_identity:representative"],
        {"school": OAK},
    ),
    ("Selling my handmade cards, 3 for £5, message me to order.", ["promotion"], {"role": "volunteer", "verdicts": {}}),
    ("Vote Reform on Thursday - time for change!", ["promotion"], {"role": "governor"}),
    ("Snap me if you need help with your homework, Year 8!", ["inappropriate_contact:pupil"], {}),
    (
        "Come round to mine after school and we can practise your lines.",
        ["inappropriate_contact:pupil"],
        {"kind": "message", "recipient_role": "pupil"},
    ),
    (
        "Delete these messages after you read them, ok? Don't tell your parents we talked.",
        ["safeguarding_concern", "inappropriate_contact:pupil"],
        {"kind": "message", "recipient_role": "pupil", "role": "volunteer"},
    ),
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


# Second hold-out (Nov 2026): written blind - by someone who had not seen the detectors, the dev
# cases or the first hold-out, and never ran the checker on them - and scored once before the
# detectors were changed and once after; never used for tuning.
HOLDOUT_2: list[tuple[str, list[str], dict[str, object]]] = [
    # ------------------------------------------------------------------ safeguarding_concern
    (
        "dont tell anyone ok but my mums boyfriend keeps coming in my room at night when shes on lates and i dont want to go home. can i stay at yours fri",
        ["safeguarding_concern"],
        {"role": "pupil", "kind": "message", "recipient_role": "pupil"},
    ),
    (
        "relapsed last night after 4 months 😔 long sleeves for the rest of the week i guess",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "my cousin gets me to drop little packages off to his mates after school, £50 a go and he says i'm too young to get in trouble anyway 💸💸",
        ["safeguarding_concern"],
        {"role": "pupil"},
    ),
    (
        "There's a video going round the Year 9 group chat of one of the girls undressed. My son showed me this morning and I feel sick. Who do I even report this to?",
        ["safeguarding_concern"],
        {"role": "parent", "kind": "comment"},
    ),
    (
        "Lad at training last night had bruises right up his arm again, and he flinched when I went to high five him. Said his dad 'just gets angry sometimes'. Not sure who I'm meant to tell",
        ["safeguarding_concern"],
        {"role": "volunteer"},
    ),
    (
        "hey saw ur tiktok ur well pretty 😍 how old r u? im 19 but age is just a number lol. add my snap n send us a pic of ur outfit 👀",
        ["safeguarding_concern", "inappropriate_contact:pupil"],
        {"role": "public", "kind": "message", "recipient_role": "pupil"},
    ),
    (
        "you're honestly so mature for your age, way easier to talk to than anyone in the staffroom. probably best we keep these chats between us tho, people wouldn't get it x",
        ["safeguarding_concern", "inappropriate_contact:pupil"],
        {"role": "staff", "kind": "message", "recipient_role": "pupil"},
    ),
    (
        "some of them sixth form girls at the job this week are proper fit 😏 can't believe they're only 16 lol",
        ["safeguarding_concern", "disrepute"],
        {"role": "contractor"},
    ),
    # safeguarding look-alikes
    (
        "Level 3 DSL refresher done ✅ Big focus on contextual safeguarding and county lines this year - genuinely useful session, recommend it to any DDSLs",
        [],
        {"role": "staff"},
    ),
    (
        "It's Children's Mental Health Week! 💙 Our pupils will be exploring ways to look after their wellbeing. If you are ever worried about a child, please speak to our Designated Safeguarding Lead.",
        [],
        {"role": "staff", "channel": "official"},
    ),
    (
        "Mind's 'Ask Twice' campaign is so simple but it matters. If a mate says they're fine, ask again 💚",
        [],
        {"role": "volunteer"},
    ),
    (
        "im literally deaddd 😭😭 she did NOT just say that in front of the whole class",
        [],
        {"role": "pupil", "kind": "comment"},
    ),
    (
        "Did the NSPCC PANTS pack with our two at the weekend, honestly brilliant for little ones and not awkward at all. Recommend",
        [],
        {"role": "parent"},
    ),
    # ------------------------------------------------------------------ disrepute
    (
        "absolutely hanging 🤢 whose idea was tequila on a school night. 30 Year 5s and a phonics screening before lunch, pray for me",
        ["disrepute"],
        {"role": "staff"},
    ),
    (
        "'migraine' day today 🤒🤫 currently three pints deep in a beer garden in Brighton ☀️🍺 don't tell my head of year",
        ["disrepute"],
        {"role": "staff"},
    ),
    (
        "Couple of cheeky lines in the car park before the PTA quiz and I smashed the music round 😂❄️❄️",
        ["disrepute"],
        {"role": "volunteer"},
    ),
    (
        "Bit worse for wear at the governors' meeting last night 🍷🍷🍷 hope nobody clocked me nodding off during the budget item lol",
        ["disrepute"],
        {"role": "governor"},
    ),
    (
        "New spicy content up on my OF every Friday night 😘🔥 link in bio. Teachers need side hustles too 😉",
        ["disrepute", "promotion"],
        {"role": "staff"},
    ),
    (
        "skived 3rd period to hotbox the bogs with the boys 💨💨 head of year none the wiser",
        ["disrepute"],
        {"role": "pupil"},
    ),
    (
        "Lesson learned: never go on the sambuca the night before parents' evening. Rough as a badger and I've got 28 appointments 🦡",
        ["disrepute"],
        {"role": "staff"},
    ),
    # disrepute look-alikes
    (
        "Friday night sorted: one small glass of red and the Bake Off final 🍷 living my best life",
        [],
        {"role": "staff"},
    ),
    ("Dry January day 19 and I'm considering murdering a Pinot Grigio 😂", [], {"role": "staff"}),
    (
        "Staff Christmas do was lovely - Secret Santa carnage as always and massive thanks to the PTA for the mince pies 🎄",
        [],
        {"role": "staff"},
    ),
    (
        "Birthday meal out, a couple of cocktails and home by ten like the absolute rock star I am 🎂",
        [],
        {"role": "governor"},
    ),
    # ------------------------------------------------------------------ promotion
    (
        "Girls I've been SO busy with my new beauty biz 💄✨ if you want a side income you can do from your phone while the kids nap, drop me a 💕 and I'll send you the info. No experience needed!",
        ["promotion"],
        {"role": "staff"},
    ),
    (
        "Catalogues are in the staffroom ladies 😊 get your orders to me by Friday and I'll drop them in your pigeonholes. Christmas gift sets are 40% off!",
        ["promotion:at_work"],
        {"role": "staff"},
    ),
    (
        "Polls open 7am til 10pm Thursday - vote Green for a cleaner Kirklees 🌍 Got a pile of leaflets in my porch if anyone can help deliver this weekend",
        ["promotion"],
        {"role": "staff"},
    ),
    (
        "Turned £500 into £3k in 6 weeks with this crypto signals group 🚀🚀 not financial advice but DM me for the link before it closes",
        ["promotion"],
        {"role": "staff"},
    ),
    (
        "Need a new boiler before winter? 10% off for any families from the school this month, just mention where your kids go 👍🔥",
        ["promotion"],
        {"role": "contractor"},
    ),
    (
        "Please write to your MP today opposing the cuts to school funding - template letter in the link, takes 2 minutes ✉️ #FairFunding",
        ["promotion"],
        {"role": "staff", "channel": "official"},
    ),
    (
        "Mum of 3 | Teacher by day 🍎 | Building my empire with Arbonne 🌿 ask me how you can too!",
        ["promotion"],
        {"role": "staff", "kind": "profile"},
    ),
    # promotion look-alikes
    (
        "Our PTA Summer Fair is this Saturday 12-3! 🎪 Tombola, cake stall and the legendary splat the rat. Every penny goes towards new playground equipment.",
        [],
        {"role": "staff", "channel": "official"},
    ),
    ("Non uniform tomorrow for Children in Need, bring a quid and a cake if you can 🧁", [], {"role": "parent"}),
    # ------------------------------------------------------------------ pupil_image
    (
        "The Year 2 nativity 😭 managed to film a couple of bits from the side of the stage, look at the little sheep!!",
        ["pupil_image"],
        {"role": "staff"},
    ),
    (
        "Sports day pics 📸 I've tagged the other mums so you can grab yours, sorry some of the kids are a bit blurry 😂",
        ["pupil_image"],
        {"role": "parent"},
    ),
    (
        "Look at our fantastic Year 6 leavers in their new hoodies! 🎉 Where did the time go? #ClassOf2025",
        ["pupil_image"],
        {"role": "staff", "channel": "official"},
    ),
    (
        "Got some cracking snaps of the under 10s at the swimming gala today, full album going on my Facebook tonight 🏊‍♀️",
        ["pupil_image"],
        {"role": "volunteer"},
    ),
    (
        "posting the vid of the year 1s doing their dance at the talent show 😭😭 they're too cute",
        ["pupil_image"],
        {"role": "pupil"},
    ),
    (
        "Throwback to residential 2019 🏕️ found these on my old phone - some of you lot will be at uni now! Tag yourselves 😂",
        ["pupil_image"],
        {"role": "staff"},
    ),
    (
        "Lovely to hear the choir at the cathedral tonight, here's a short clip of their final song 🎶",
        ["pupil_image"],
        {"role": "governor"},
    ),
    (
        "New playground finished, first lot of kids let loose on it this morning and they loved it. Pic below 😁",
        ["pupil_image"],
        {"role": "contractor"},
    ),
    # pupil_image look-alikes
    (
        "Class display finally up! No names or faces, don't worry 😉 our Egyptian death masks came out brilliantly",
        [],
        {"role": "staff"},
    ),
    (
        "A peek at the new library reading corner, all ready for the children on Monday 📚",
        [],
        {"role": "staff", "channel": "official"},
    ),
    (
        "Friendly reminder from school: please only share photos of YOUR OWN child from the nativity 🙏",
        [],
        {"role": "parent"},
    ),
    # ------------------------------------------------------------------ complaint_or_grievance
    (
        "Absolutely fuming. Third time this term my son's come home in someone else's PE kit and the school just shrug. Brilliant communication as always 🙃",
        ["complaint_or_grievance"],
        {"role": "parent"},
    ),
    (
        "Rang the office FOUR times about the bullying and still nobody's called me back. They don't give a toss unless your kid's top of the league tables",
        ["complaint_or_grievance"],
        {"role": "parent", "kind": "comment"},
    ),
    (
        "6th year running with no pay progression and now they want us running after school clubs for free. SLT have well and truly lost the room",
        ["complaint_or_grievance", "missing_disclaimer"],
        {"role": "staff"},
    ),
    (
        "this school is an actual joke, detention cos my socks were the wrong black 💀 like what",
        ["complaint_or_grievance"],
        {"role": "pupil"},
    ),
    (
        "The parking outside the primary on Elm Rd at home time is a disgrace. Parents blocking my drive every single day and the school won't lift a finger",
        ["complaint_or_grievance"],
        {"role": "public"},
    ),
    (
        "Three hours at governors last night and every question we asked got brushed off. Starting to feel like we're only there to rubber stamp",
        ["complaint_or_grievance", "missing_disclaimer"],
        {"role": "governor"},
    ),
    # complaint look-alikes
    (
        "Massive shout out to the office ladies who sorted my lad's lost coat saga 😂 absolute legends",
        [],
        {"role": "parent"},
    ),
    (
        "Anyone know what time pick up is the day before the inset? Letter says 1.30 but the app says 3.15 🤔",
        [],
        {"role": "parent", "kind": "comment"},
    ),
    ("Complaining about the weather AGAIN. Is it even summer?? ☔", [], {"role": "public"}),
    # ------------------------------------------------------------------ discriminatory
    (
        "Why should I have to share the staff loos with a tranny now? Not what I signed up for",
        ["discriminatory"],
        {"role": "staff"},
    ),
    ("shut up u p@k1 nobody asked 😂", ["discriminatory"], {"role": "pupil", "kind": "comment"}),
    (
        "Honestly don't get why the gays need a whole month. Keep it away from my kids' school, it's grooming plain and simple",
        ["discriminatory"],
        {"role": "parent"},
    ),
    (
        "Genuine question - are gypsies even capable of holding down a proper job or is it just not in their blood?",
        ["discriminatory"],
        {"role": "public"},
    ),
    (
        "Sorry but women over 50 just can't handle a Year 6 class. Bring back the male teachers",
        ["discriminatory"],
        {"role": "staff"},
    ),
    (
        "dont let the retard on our team hes so slow 🙄",
        ["discriminatory"],
        {"role": "pupil", "kind": "message", "recipient_role": "pupil"},
    ),
    (
        "Half the kids at that school are r*fugees who can't speak a word of English. Cockroaches the lot of em",
        ["discriminatory"],
        {"role": "contractor"},
    ),
    ("j00s run everything, even the academy trusts 🤡 wake up people", ["discriminatory"], {"role": "public"}),
    # discriminatory look-alikes
    (
        "Someone shouted 'go back to your own country' at one of our mums in the car park today. Disgusting. No place for racism anywhere, least of all outside a primary school.",
        [],
        {"role": "staff"},
    ),
    ("happy pride to all my fellow queers 🏳️‍🌈 we out here", [], {"role": "pupil"}),
    (
        "So proud to be part of a School of Sanctuary 💛 welcoming families seeking asylum is what community means",
        [],
        {"role": "governor"},
    ),
    ("For fuck's sake, the M62 is a car park again. Absolute shitshow 🚗🚗🚗", [], {"role": "public"}),
    (
        "It's simply not true that migrants are taking all the school places - the council's own figures show the opposite. Stop sharing this rubbish.",
        [],
        {"role": "parent", "kind": "comment"},
    ),
    (
        "Black History Month assembly was brilliant today, our Year 6s researched Walter Tull and Mary Seacole 👏",
        [],
        {"role": "staff"},
    ),
    # ------------------------------------------------------------------ offensive
    (
        "The new head is a smug little prick who couldn't organise a piss up in a brewery",
        ["offensive", "complaint_or_grievance"],
        {"role": "parent", "kind": "comment"},
    ),
    ("Mr Davies is a sweaty fat nonce everyone knows it", ["offensive", "defamatory_allegation"], {"role": "pupil"}),
    ("Some parents are thick as mince. READ THE LETTER SHARON 🤦‍♀️", ["offensive"], {"role": "staff"}),
    (
        "I know where you live you stuck up cow. Keep giving my kid detentions and see what happens",
        ["offensive"],
        {"role": "parent", "kind": "message", "recipient_role": "staff"},
    ),
    (
        "tbh the kids in 5B are feral little shits, no idea how their teacher copes",
        ["offensive"],
        {"role": "volunteer"},
    ),
    (
        "nobody even likes u, ugly ginger freak. do us all a favour and stay home tmrw 🤮",
        ["offensive"],
        {"role": "pupil", "kind": "comment"},
    ),
    # offensive look-alikes
    ("my brother is such an idiot he put salt in his tea instead of sugar 😭😭", [], {"role": "pupil"}),
    ("This sodding printer. Every. Single. Morning. 🖨️😤", [], {"role": "staff"}),
    # ------------------------------------------------------------------ defamatory_allegation
    (
        "Everyone knows the head's been helping herself to the PTA money. New car every year on a head's salary? Do the maths 🤔",
        ["defamatory_allegation"],
        {"role": "parent"},
    ),
    (
        "Heard the caretaker at St Mary's got caught flogging the school laptops on eBay. Police were round yesterday apparently",
        ["defamatory_allegation"],
        {"role": "public", "kind": "comment"},
    ),
    (
        "That school fiddles its SATs, the teachers literally give the kids the answers. Ask anyone whose child's been there",
        ["defamatory_allegation"],
        {"role": "parent"},
    ),
    (
        "Mr Lloyd from Oakfield got done for drink driving last year and they STILL let him drive the minibus 🤷",
        ["defamatory_allegation", "complaint_or_grievance"],
        {"role": "public", "kind": "comment", "school": "oakfield"},
    ),
    (
        "A little bird tells me our chair awarded the catering contract to his brother-in-law's firm. Funny that 🤔",
        ["defamatory_allegation"],
        {"role": "governor"},
    ),
    # defamatory look-alikes
    ("Someone has nicked my yoghurt from the staffroom fridge AGAIN. I will find you 🕵️", [], {"role": "staff"}),
    ("Our head's been shortlisted for a national leadership award! So well deserved 👏", [], {"role": "parent"}),
    # ------------------------------------------------------------------ confidential_information / pupil_identified
    (
        "Poor Ollie in 2G had another seizure in PE today, third this month 😟 think mum's finally getting him a neuro referral",
        ["pupil_identified", "confidential_information"],
        {"role": "staff", "school": "oakfield"},
    ),
    (
        "Half the staff signed off with stress and Gareth's now on a phased return. Running on fumes here",
        ["confidential_information"],
        {"role": "staff", "school": "oakfield"},
    ),
    (
        "Can't say much but the head's disciplinary hearing is next week. Fingers crossed it's sorted before Ofsted land",
        ["confidential_information"],
        {"role": "governor"},
    ),
    (
        "The little girl I hear read on Tuesdays has gone into foster care, social services took her and her brother last week 💔",
        ["confidential_information"],
        {"role": "volunteer"},
    ),
    (
        "Millie J's practice SATs back - working towards in reading AGAIN 🙃 after all those interventions",
        ["pupil_identified", "confidential_information"],
        {"role": "staff", "school": "oakfield"},
    ),
    (
        "Huge well done to Isla in Year 1 who has worked so hard with her speech therapist this term! 🌟",
        ["pupil_identified", "confidential_information"],
        {"role": "staff", "channel": "official", "school": "oakfield"},
    ),
    (
        "Grace in 2C was an absolute superstar in assembly this morning 🌟",
        ["pupil_identified"],
        {"role": "staff", "school": "oakfield"},
    ),
    (
        "Got to hand out the headteacher's awards today - Summer in Year 1 and Harry in Year 2 were both beaming 😁",
        ["pupil_identified"],
        {"role": "governor", "school": "oakfield"},
    ),
    (
        "Mia J in year 5 is such a snake, fake af. nobody go near her",
        ["pupil_identified", "offensive"],
        {"role": "pupil", "school": "brookside"},
    ),
    # look-alikes: names that are words, training, own sickness
    (
        "Hope everyone has a fab summer, will be back in September raring to go ☀️",
        [],
        {"role": "staff", "school": "oakfield"},
    ),
    (
        "Jack of all trades today: teacher, nurse, IT support and football referee 😂",
        [],
        {"role": "staff", "school": "oakfield"},
    ),
    ("Off to Mum and Dad's ruby wedding do tonight 💍 40 years!", [], {"role": "volunteer", "school": "oakfield"}),
    ("Freya Ridings live tonight 🎶🎶 been waiting months for this", [], {"role": "staff", "school": "brookside"}),
    (
        "Really useful CPD today on supporting children with ADHD in class - loads of practical strategies to try",
        [],
        {"role": "staff"},
    ),
    # ------------------------------------------------------------------ school_identity
    (
        "Year 4 teacher @ Oakfield Primary 🍎 | coffee | running | Leeds Utd 💛💙",
        ["school_identity:profile"],
        {"role": "staff", "kind": "profile", "school": "oakfield"},
    ),
    (
        "Deputy Head at Brookside Primary Academy. Mum of 2. Views my own.",
        ["school_identity:profile"],
        {"role": "staff", "kind": "profile", "school": "brookside"},
    ),
    (
        "Anyone got spare Arctic Monkeys tickets for Sheffield? Email me on r.green@oakfield.sch.uk 🙏",
        ["school_identity:work_email"],
        {"role": "staff", "school": "oakfield"},
    ),
    (
        "Speaking on behalf of the governing body, we are very disappointed by the comments on this page and will be taking it further.",
        ["school_identity:representative"],
        {"role": "governor", "kind": "comment"},
    ),
    (
        "Changed my profile pic to the school crest for the centenary 💙 #Oakfield100",
        ["school_identity:logo"],
        {"role": "staff", "school": "oakfield"},
    ),
    (
        "Another manic Monday at Oakfield Primary 😅 roll on half term",
        ["school_identity:mention"],
        {"role": "staff", "school": "oakfield"},
    ),
    # look-alikes
    (
        "Oakfield Primary is proud to have been awarded the Eco-Schools Green Flag! 🌿 Thank you to our brilliant eco-council.",
        [],
        {"role": "staff", "channel": "official", "school": "oakfield"},
    ),
    ("Teacher. Runner. Cat mum 🐈 Views my own.", [], {"role": "staff", "kind": "profile"}),
    (
        "Drove past Brookside Academy today, the new building looks amazing",
        [],
        {"role": "public", "school": "brookside"},
    ),
    # ------------------------------------------------------------------ personal_contact_details
    (
        "Lost black cat near Hollins Lane, answers to Biscuit 😿 please ring me on 07700 900 482 if you spot him",
        ["personal_contact_details:phone"],
        {"role": "staff"},
    ),
    (
        "Anyone need a lift to the Year 6 trip? I'm at 14 Beech Grove, LS6 2QT, happy to squeeze 3 in",
        ["personal_contact_details"],
        {"role": "volunteer"},
    ),
    (
        "Odd jobs, fencing, flat pack, guttering - any parents need a hand ring Steve on 07700-900-919 👍",
        ["personal_contact_details:phone", "promotion"],
        {"role": "contractor"},
    ),
    (
        "For tickets to the Year 6 production please text Mrs Carter on 07700900118 🎭",
        ["personal_contact_details:phone"],
        {"role": "staff", "channel": "official", "school": "oakfield"},
    ),
    (
        "here's my personal number 07700900654, text me if you need anything over the holidays. don't tell the others tho x",
        ["personal_contact_details:to_pupils", "inappropriate_contact:pupil", "safeguarding_concern"],
        {"role": "staff", "kind": "message", "recipient_role": "pupil"},
    ),
    (
        "Art teacher 🎨 | Students: snap me @msb_artroom for homework help anytime!",
        ["personal_contact_details:to_pupils", "inappropriate_contact:pupil"],
        {"role": "staff", "kind": "profile"},
    ),
    # look-alikes
    (
        "Any questions, please call the school office on 01632 960 500 or email office@oakfield.sch.uk",
        [],
        {"role": "staff", "channel": "official", "school": "oakfield"},
    ),
    (
        "Scam alert ⚠️ calls from an 0800 number claiming to be HMRC. Don't give them any details!",
        [],
        {"role": "public"},
    ),
    # ------------------------------------------------------------------ inappropriate_contact
    (
        "Sent friend requests to a few of my tutor group last night, nice to see what they get up to outside school 😊",
        ["inappropriate_contact:pupil_request"],
        {"role": "staff"},
    ),
    (
        "Now you've left school you can finally follow me back on insta 😂 we should grab a coffee sometime!",
        ["inappropriate_contact:former_pupil"],
        {"role": "staff", "kind": "message", "recipient_role": "public"},
    ),
    (
        "Hi Lisa, hope you don't mind me messaging on here rather than the app 😊 got your number off the class list - fancy a drink Friday? Won't mention it at school 😉",
        ["inappropriate_contact:parent"],
        {"role": "staff", "kind": "message", "recipient_role": "parent"},
    ),
    (
        "pls follow me back on insta sir 🙏 ur my fav teacher",
        ["inappropriate_contact:staff"],
        {"role": "pupil", "kind": "message", "recipient_role": "staff"},
    ),
    # look-alikes
    (
        "Year 6 parents - please use the ParentMail app to contact your child's class teacher, not personal social media 🙏",
        [],
        {"role": "staff", "channel": "official"},
    ),
    (
        "Hi Mrs Johnson, just a quick reminder that Mia's reading record needs signing this week. Thanks!",
        [],
        {"role": "staff", "channel": "official", "kind": "message", "recipient_role": "parent", "school": "brookside"},
    ),
    (
        "u coming to mine after school? mums doing pizza 🍕",
        [],
        {"role": "pupil", "kind": "message", "recipient_role": "pupil"},
    ),
    (
        "Bumped into an ex-pupil in Tesco who's now a nurse on the children's ward. Made my week 😊",
        [],
        {"role": "staff"},
    ),
    # ------------------------------------------------------------------ missing_disclaimer
    (
        "Single word Ofsted judgements were always going to break people. Glad they've gone but the report cards aren't much better tbh",
        ["missing_disclaimer"],
        {"role": "staff"},
    ),
    (
        "Academisation is being forced on small rural schools with zero evidence it works. Our community deserves better.",
        ["missing_disclaimer"],
        {"role": "governor"},
    ),
    (
        "Phones should be banned in every secondary, full stop. The difference in our corridors since September has been unreal.",
        ["missing_disclaimer"],
        {"role": "staff"},
    ),
    (
        "SEND funding is an absolute scandal. Schools are left picking up the pieces the LA won't pay for.",
        ["missing_disclaimer"],
        {"role": "governor", "kind": "comment"},
    ),
    # look-alikes
    (
        "Personally I think this year's pay award is fair - but these are my own views, not my employer's.",
        [],
        {"role": "staff"},
    ),
    (
        "(Views my own) Really encouraged by the new SEND proposals, finally some realism about funding.",
        [],
        {"role": "governor"},
    ),
    ("Phones should be banned in schools, no question about it", [], {"role": "parent"}),
    ("Finished the roof on the primary today, ahead of schedule 💪 onto the next one", [], {"role": "contractor"}),
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
    for cases, prefix, out in (
        (CASES, "dev", OUT),
        (HOLDOUT, "holdout", OUT.with_name("holdout.jsonl")),
        (HOLDOUT_2, "holdout2", OUT.with_name("holdout2.jsonl")),
    ):
        rows = _expand(cases, prefix)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} cases ({len(cases)} texts x {len(PACKS)} packs) to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
