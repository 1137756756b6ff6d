"""disrepute.v1: conduct that reflects badly on the profession or the school.

Drunkenness or hangovers at work, illegal drugs, sexual content, crime and dishonesty towards the
employer. A glass of wine with dinner is not disrepute; "still drunk teaching Year 4" is.
"""

from __future__ import annotations

import re

from .base import Item, RawFinding, analyse
from .context import SchoolContext
from .patterns import FIRST_PERSON
from .phrases import PhraseRule, RuleSet, rule, run_rules

NAME = "disrepute.v1"

_WORK = r"\b(?:work|school|class|teaching|teach|lesson|pupils?|kids|students|year \d+|y\d+|yr \d+|\d{1,2}[a-z]\b|reception|nursery|registration|period \d|parents'? evening|assembly|staffroom|staff room|playground|trip|residential|school disco|disco|prom|sports day|duty|monday morning|inset|governing body|governors'? meeting|full governors|the head|obs|observation|ofsted|on the school|school night|staff do)\b"

RULES: tuple[PhraseRule, ...] = (
    rule(
        r"\b(?:(?:still|so|absolutely|totally|completely|proper|well|bit|a bit|pure|dead|fully) (?:drunk|pissed|wasted|hammered|smashed|battered|steaming|trollied|hungover|rough|hanging|merry|tiddly|squiffy|sozzled|half[- ]cut)|"
        r"hungover|hangover|drunk|tipsy|legless|blackout drunk|half[- ]cut|worse for wear|hanging out (?:my|of my) (?:arse|backside|ass)|"
        r"rough as (?:a badger'?s|anything|hell|owt|fuck|f\*\*k|a dog)|(?:still|bit|a bit|proper|well) (?:in bits|fragile|worse for wear)|"
        r"smel(?:t|led|ling|l) (?:of|like) (?:booze|alcohol|drink|wine|vodka|voddy|gin|beer|lager|the pub)|"
        r"(?:bottles?|glass(?:es)?) of (?:red|white|wine|prosecco|fizz|gin|vodka|voddy)[^.!?\n]{0,30}?(?:before|beforehand|at lunch|on a (?:monday|tuesday|wednesday|thursday|school night))|"
        r"(?:can|cans|tinnies|tins|a few tins|a few tinnies|a pint|pints|a bottle) (?:of \w+ )?(?:in the car |in the van )?(?:at|during|over) (?:lunch|dinner|break|work)|"
        r"(?:had|having|sneaky|cheeky) (?:a few )?(?:tinnies|cans?|pints?|bevvies|bevs|drinks) (?:at|during|over|in the car at) (?:lunch|dinner|break|work)|"
        r"(?:sneaky|cheeky) (?:can|tinnie|pint|bevvy|voddy|vodka|gin)|school night sesh|"
        r"vodka in my (?:water|coffee|bottle)|drinking (?:at|in|before|during) (?:work|school|class|lunch)|"
        r"pint(?:s)? at lunch|gin in (?:my|the) (?:mug|flask))\b",
        "The post describes being drunk or hungover in connection with work.",
        score=0.85,
        facets=("alcohol",),
        subtype="alcohol",
        needs=_WORK,
        reach=120,
        whole_text=True,
    ),
    rule(
        r"\b(?:(?:got|get|getting|was|were|so|still|pure|absolutely|totally|proper|well) (?:absolutely |totally |completely |well |proper |so |pure )?(?:drunk|wasted|hammered|smashed|battered|mashed|twatted|paralytic|mortal|blootered|bladdered|steaming|leathered|plastered|sloshed|trashed|wrecked|mullered|munted|lashed|wankered|pickled|rat-?arsed|off my (?:face|head|tits))|"
        r"blootered|bladdered|steaming drunk|on the lash|three sheets to the wind|woke up in (?:someone'?s|a|the) (?:garden|bush|hedge|bath|stranger)|"
        r"blackout drunk|threw up (?:everywhere|in)|can'?t remember (?:last night|anything|a thing)|downed \d+|\d+ (?:pints|shots|bottles) (?:deep|down)|"
        r"bender|on the piss|sesh(?:ing)? (?:till|until) \d)",
        "The post describes heavy drinking that could reflect badly on the profession.",
        score=0.65,
        facets=("alcohol",),
        subtype="alcohol",
    ),
    rule(
        r"\b(?:(?:smok|doing|do|did|took|taking|take|had|buy|bought|score|scored|sell|selling|on|off my face on|high on|snort\w*|rack(?:ed)? up)\w* "
        r"(?:some |a few |a bit of |loads of |lines of |a line of |the )?(?:weed|cannabis|skunk|coke|cocaine|charlie|ket|ketamine|mdma|molly|pills|ecstasy|acid|lsd|shrooms|mushrooms|spice|speed|crack|heroin|a spliff|spliffs?|joints?|edibles?|bong|nitrous|balloons)|"
        r"(?:stoned|baked|high as a kite|off my face|off our faces|tripping|pinging|gurning|monged)|"
        r"(?:spliffs?|joints?|bongs?|zoots?|blunts?) (?:before|after|at|with)|(?:a |fat |big |cheeky )?(?:zoot|blunt|spliff|doobie)s? (?:after|before|at|with|on)|"
        r"lines? of (?:coke|charlie|ket)|my dealer|(?:cheeky|a cheeky|did a|doing a|few|couple of|a couple of|racked up a) (?:lines?|bumps?)\b(?: or two)?|"
        r"(?:a )?line or two|bump of (?:ket|coke|charlie)|on the (?:gear|charlie|ket)|pingers|(?:necked|dropped) (?:a |some |two |a couple of )?(?:pills?|pingers|mandy))\b",
        "The post mentions taking illegal drugs.",
        score=0.9,
        facets=("drugs",),
        subtype="drugs",
        unless=r"\b(?:drugs? (?:awareness|education|talk|workshop|lesson)|pshe|police visit|say no to|dangers of)\b",
    ),
    rule(
        r"\b(?:onlyfans|only fans|fansly|spicy (?:content|set|pics|photos|page)|subscribe (?:for|to see) (?:the full|more)|"
        r"(?:selfie|pic|photo) in (?:my |his |her )?(?:underwear|lingerie|pants|bra|boxers)|(?:underwear|lingerie) (?:selfie|pic|photo)|my nudes|sending nudes|sexting|naked pics?|nude pics?|x ?rated|porn\w*|"
        r"hook ?ups?|one night stand|got laid|shag\w*|sex tape|strip club|stripper|lap dance|"
        r"(?:sexy|naughty|dirty) (?:pics?|photos?|videos?|selfies?))\b",
        "The post has sexual content that could bring the profession into disrepute.",
        score=0.85,
        facets=("sexual",),
        subtype="sexual",
    ),
    rule(
        r"\b(?:pulled a sickie|pulling a sickie|throw(?:ing)? a sickie|called in sick (?:but|and|to go)|"
        r"fake(?:d)? (?:being )?(?:ill|sick)|told (?:work|school|the head) i was (?:ill|sick)|"
        r"rang (?:in|in sick) with ['\"‘“]|(?:called|phoned|rang) in ['\"‘“](?:sick|ill)|(?:gonna|going to|will|i'?ll) (?:say|tell (?:them|the head|work|school)) (?:i'?ve got|i have|i'?m|it'?s) (?:a |the )?(?:migraine|bug|food poisoning|covid|sick|ill|poorly|a temperature)|"
        r"(?:told|tell|telling) (?:the head|work|school|my boss|them|hr|the office) (?:that )?my \w+ (?:was|is|were) (?:poorly|ill|sick|in hospital|dying) so (?:i|we) could|"
        r"(?:another|third|second|\d+(?:st|nd|rd|th)) (?:poorly|dead|sick) (?:nan|gran|grandma|granny|auntie|aunt|uncle|grandad) (?:this|of the) (?:year|term)|"
        r"pretend(?:ed|ing)? to be (?:ill|sick|poorly)|(?:fake|faked|faking) (?:a )?(?:migraine|illness|sick note|doctor'?s note)|"
        r"nicked (?:some|a|the|stuff|pens?)|shoplift\w*|got arrested|been arrested|drink ?driv\w*|caught speeding at \d{3}|"
        r"fiddled (?:my|the) (?:expenses|mileage)|stole (?:from|some|the))\b",
        "The post describes dishonesty or crime that reflects badly on the profession.",
        score=0.8,
        facets=("dishonesty",),
        subtype="dishonesty",
    ),
)


class Disrepute:
    name = NAME
    categories = ("disrepute",)

    def __init__(self) -> None:
        self.rules = RuleSet(RULES)

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        out = []
        for f in run_rules(a, self.rules, category="disrepute", detector=NAME):
            if f.subtype in ("alcohol", "drugs", "dishonesty") and f.span is not None:
                sentence = a.folded[slice(*a.sentence_of(f.span[0]))]
                if _OTHER.search(sentence) and not FIRST_PERSON.search(sentence):
                    continue  # someone else's conduct: an allegation, not the poster's disrepute
            out.append(f)
            break
        return out


_OTHER = re.compile(
    r"\b(?:he|she|they|his|her|their|(?:mr|mrs|ms|miss|dr)\.? [a-z]+|(?:the|a|one of the) (?:\w+ )?(?:head|deputy|caretaker|teacher|teachers|ta|senco|coach))\b"
)
