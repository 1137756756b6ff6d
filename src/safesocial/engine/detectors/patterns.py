"""Regular expressions several detectors share, all over folded (lower-case, accent-free) text."""

from __future__ import annotations

import re

NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)"
YEAR = rf"(?:year|yr|y) ?(?:\d{{1,2}}|{NUMBER_WORDS})"
CLASS_CODE = r"(?:class )?(?:\d{1,2}[a-z]{1,2}|[rn]\d?[a-z])"

# "in my class", "in 6C", "from Year 6", "my pupil", "one of my students", "a boy called"
CLASS_CONTEXT = re.compile(
    r"\b(?:(?:in|from|of|into|joined|joining|teach|teaching|taught) (?:my|our|the|his|her|their) "
    r"(?:class|form|tutor group|group|set|reception class|year group|classes|register|nurture group)"
    rf"|(?:in|from|of|into|joined|joining) (?:{YEAR}|{CLASS_CODE}|reception|nursery|foundation|ks[1-5])\b"
    rf"|{YEAR}\b"
    r"|my (?:pupils?|students?|tutees?|class|form|kids in|little ones?|year \d+s?|reception kids|mentee)"
    r"|(?:pupils?|students?|child|boy|girl|kid|lad|lass)s? (?:called|named)"
    r"|in class|at school|in school|in lessons?|at pickup|at pick up|on the playground|in assembly|at break|at lunch"
    r"|(?:pupils?|students?) (?:in|at|from)"
    r"|(?:his|her|their) (?:teacher|class teacher|ta|form tutor|sats|reading|phonics|spellings|behaviour|iep|ehcp)"
    r"|(?:the|our|my) (?:school|headteacher|head|senco|dsl)\b)"
)

# Nouns for a pupil or pupils
PUPIL_NOUN = r"(?:pupils?|students?|kids|children|child|class|boys?|girls?|year \d+s?|y\d+s?|learners?|little ones|reception|tutor group|form group|team)"

# The text is about work or school (for discusses_work and the disclaimer detector)
WORK_CONTEXT = re.compile(
    r"\b(?:my (?:school|class|pupils?|students?|job|work|head|headteacher|boss|employer|colleagues?|trust|academy|form|department|ta)"
    r"|at work|at school|our school|the school|this school|(?:teach|teaching|teacher|teachers|taught)\b|headteachers?|head teacher|"
    r"slt|senior leadership|ofsted|inspection|curriculum|sats|gcses?|a levels?|phonics|dfe|department for education|"
    r"education secretary|academy trusts?|multi academy|mats?\b|governors?|pupils?|classroom|staffroom|staff room|"
    r"workload|marking|lesson plans?|the sector|education|schools|inset|parents evening|report writing|"
    r"neu|nasuwt|unison|strike|pay award|teachers pay|send provision|ehcps?|exclusions?|behaviour policy|uniform policy)"
)

# First-person statements that the views are one's own
DISCLAIMER = re.compile(
    r"(?:views?|opinions?|thoughts|tweets|posts)(?: expressed)?(?: here)? (?:are|is) (?:all )?(?:my own|mine|personal|my personal)"
    r"|(?:all )?(?:views|opinions) (?:my )?own|personal (?:views|opinions|account|capacity)|own views|views mine|"
    r"not (?:the views|those|representative) of (?:my|the) (?:employer|school|trust|academy)|"
    r"do(?:es)? not (?:necessarily )?(?:reflect|represent) (?:the views of )?(?:my|the) (?:employer|school|trust|academy)|"
    r"speaking (?:for myself|personally)|in a personal capacity|rts? (?:are not|aren't|≠|!=) endorsements?"
)

# Negation cues just before a phrase
NEGATION = re.compile(
    r"\b(?:not|never|no|don't|dont|do not|doesn't|doesnt|does not|isn't|isnt|is not|aren't|arent|are not|"
    r"wasn't|wasnt|weren't|werent|won't|wont|wouldn't|wouldnt|can't|cant|cannot|shouldn't|shouldnt|nobody|nothing|"
    r"none|neither|nor|without|hardly|false that|untrue that|myth that|wrong to say|ridiculous to say|refuse to)\b"
)

# Reported or quoted speech and condemnation
REPORTED = re.compile(
    r"\b(?:called (?:me|him|her|them|us|a|an|my|our|another|one)|(?:was|were|being|been|got) called|shouted|yelled|"
    r"wrote|written|graffiti|said|says|saying|told (?:me|him|her|them)|used the word|the word|the term|"
    r"slurs?|quote|quoting|reported|reporting|report it|overheard|heard (?:a|someone|some)|"
    r"someone (?:said|wrote|posted|called|shouted)|comments? like)\b"
)

CONDEMN = re.compile(
    r"\b(?:unacceptable|not acceptable|never acceptable|never ok|not ok|not okay|is wrong|was wrong|so wrong|"
    r"zero tolerance|disgusted|appalled|horrified|sickened|shocked|condemn\w*|stand against|stand up to|"
    r"challenge\w*|call(?:ing)? (?:it|this|that) out|won't tolerate|will not tolerate|not tolerated|"
    r"racism|racist|homophobi\w+|transphobi\w+|biphobi\w+|misogyn\w+|sexis[mt]|ableis[mt]|antisemiti\w+|"
    r"islamophobi\w+|xenophobi\w+|bigot\w*|hate speech|hate crime|hateful|no place for (?:this|that|hate)|"
    r"educat\w+ (?:them|pupils|children|him|her)|dealt with|sanction\w*|excluded for|talked to (?:them|him|her) about)\b"
)

FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i am|me|my|we|we're|us|our|ourselves|myself)\b")
SECOND_PERSON = re.compile(r"\b(?:you|your|you're|youre|u|ur|yourself)\b")
THIRD_PERSON_TARGET = re.compile(
    r"\b(?:he|she|they|him|her|them|his|this guy|that guy|this woman|that woman|this man|that man|"
    r"mr|mrs|ms|miss|dr|sir|the head|headteacher|head teacher|the deputy|the senco|teacher|teachers|"
    r"staff|colleague|colleagues|parent|parents|mum|dad|pupil|pupils|student|students|kid|kids|child|boy|girl|"
    r"governor|governors|caretaker|ta|lunch lady|dinner lady)\b"
)

TITLE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\.? [A-Z][a-zA-Z'\-]+")
