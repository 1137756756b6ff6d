"""safeguarding.v1: a child may be at risk.

Disclosures of abuse, self-harm or suicidal intent, grooming indicators (secrecy, flattery, moving
to private channels, meeting, requests for images), sexual content involving children,
exploitation, and offers of indecent images of children (subtype ``indecent_images``, which the
verdict turns into its own actions: do not open, copy or forward; refer to the police and LADO).
A finding here always escalates, whatever the pack.
"""

from __future__ import annotations

import re

from .base import Item, RawFinding, analyse
from .context import SchoolContext
from .phrases import PhraseRule, RuleSet, rule, run_rules

NAME = "safeguarding.v1"

_CHILD = r"(?:year (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\w*|y\d+|yr ?\d+|\d{1,2} ?(?:year|yr)s? old|(?:1[0-7]|[5-9]) ?yo|schoolgirls?|schoolboys?|pupils?|students?|kids?|child(?:ren)?|minors?|underage|under age|girls? in|boys? in|girl from|boy from|teen\w*|little (?:girl|boy)s?|sixth form(?:ers?| girls?| boys?| students?)?|year 1[0-3] (?:girls?|boys?))"
_TRAINING = r"\b(?:awareness|training|refresher|case stud(?:y|ies)|contextual safeguarding|dsl course|level 3|prevention|charity|fundrais\w*|webinar|course|lesson on|assembly on|pshe|campaign|helpline|samaritans|childline|mind\b|papyrus|kooth|staff meeting|policy)\b"

RULES: tuple[PhraseRule, ...] = (
    rule(
        rf"\b(?:nudes?|naked (?:pics?|photos?|pictures?|videos?|selfies?)|nude (?:pics?|photos?|pictures?|videos?|selfies?)|explicit (?:pics?|photos?|images?|videos?)|indecent (?:images?|photos?|pics?)|sexy (?:pics?|photos?|videos?)|dirty (?:pics?|videos?))"
        rf"[^.!?\n]{{0,40}}?\b{_CHILD}",
        "The text offers or mentions indecent images of a child.",
        score=0.95,
        subtype="indecent_images",
        negatable=False,
        unless=_TRAINING
        + r"|\b(?:sharing nudes is illegal|talk(?:ed|ing)? (?:to|with) (?:pupils|students|year \d+) about)\b",
    ),
    rule(
        rf"\b{_CHILD}[^.!?\n]{{0,40}}?\b(?:nudes?|naked (?:pics?|photos?|videos?)|nude (?:pics?|photos?)|sent (?:me |him |her )?(?:a )?(?:nude|naked))"
        r"|\b(?:anyone want|who wants|got|have|selling|sharing|send(?:ing)? you|i'?ll send|dm for|swap(?:ping)?) (?:the |her |his |some |them |these )?(?:nudes|naked pics|nude pics|pics of her|pics of him)\b",
        "The text offers or mentions indecent images of a child.",
        score=0.9,
        subtype="indecent_images",
        negatable=False,
        unless=_TRAINING,
    ),
    rule(
        r"\b(?:send (?:me )?(?:a |some )?(?:pic|photo|picture|selfie|video)s? of (?:you|yourself)|what (?:are|r) (?:you|u) wearing|"
        r"are (?:you|u) (?:home )?alone|so mature for (?:your|ur) age|you'?re (?:so )?(?:mature|grown up) for|our (?:little )?secret|"
        r"don'?t tell (?:your|ur) (?:mum|dad|parents|mam|teacher|friends)|delete (?:this|these|our) (?:messages?|chat|texts)|"
        r"you'?re (?:my )?(?:special|favourite) (?:girl|boy|pupil|student)|(?:i'?ll|i will|let me) buy (?:you|u)|top up (?:your|ur) phone|"
        r"i'?ll pick (?:you|u) up|meet (?:me )?(?:after school|at the park|somewhere|in secret)|nobody (?:has|needs) to know)\b",
        "The message shows grooming indicators (secrecy, flattery, requests for images, private meetings).",
        score=0.85,
        subtype="grooming",
        negatable=False,
        unless=_TRAINING + r"|\b(?:signs of grooming|grooming (?:signs|awareness))\b",
    ),
    rule(
        r"\b(?:(?:he|she|they|my (?:dad|mum|mam|step ?dad|step ?mum|uncle|brother|cousin|mum'?s boyfriend|boyfriend|grandad|coach|carer)|someone|a man|an adult)"
        r" (?:touch(?:es|ed)?|hurt(?:s)?|hit(?:s)?|beat(?:s)?|kick(?:s|ed)?|punch(?:es|ed)?|burn(?:s|ed|t)?|strangl\w+|chok\w+|lock(?:s|ed)? me|"
        r"makes? me (?:do|touch|watch)|forced? me|sexually|raped|abus\w+|films? me|watch(?:es)? me (?:in|when|get))\b[^.!?\n]{0,30}?\b(?:me|my|us)\b|"
        r"(?:scared|afraid|frightened|terrified) (?:to go|of going) home|(?:not|don'?t feel) safe at home|"
        r"(?:he|she|they) (?:told|said) (?:me )?not to tell|i was (?:raped|abused|molested|assaulted)|sexually abused me|"
        r"nobody feeds me|haven'?t eaten (?:since|for days)|locked (?:me )?in my room)",
        "The text contains what may be a disclosure of abuse.",
        score=0.9,
        subtype="disclosure",
        negatable=False,
        unless=_TRAINING,
    ),
    rule(
        r"\b(?:(?:want|going|gonna|wanna|plan(?:ning)?|thinking (?:about|of)) (?:to )?(?:kill (?:myself|my self)|end (?:it|it all|my life)|die)|kill myself|kms|"
        r"end it all|suicid\w*|(?:cutting|cut|hurting|hurt|harming|burning|burnt|starving) (?:myself|my self|my arms?|my legs?|my wrists?)|self[- ]?harm\w*|"
        r"don'?t want to (?:be here|live|wake up) (?:any ?more|anymore)|no (?:reason|point) (?:to live|in living|living)|"
        r"better off (?:without me|dead)|overdos\w+|take all (?:my|the) pills|can'?t go on)\b",
        "The text suggests self-harm or suicidal thoughts.",
        score=0.9,
        subtype="self_harm",
        negatable=False,
        unless=_TRAINING
        + r"|\b(?:lol|lmao|haha|😂|🤣|if i have to (?:mark|do|teach|sit)|one more (?:email|meeting|ofsted))\b",
    ),
    rule(
        r"\b(?:county lines|trap house|(?:run|running|carry|carrying|holding|hold) (?:a |the |some )?(?:packages?|parcels?|bags?|drugs|gear) for|"
        r"cuckoo\w*|(?:owes?|owe) (?:them|him|the dealers?) money|given (?:money|a phone|trainers|drugs) (?:and|by) (?:an )?older|"
        r"older (?:boy|man|men|lads?)\w* (?:pick(?:s|ed)? (?:her|him) up|give (?:her|him)|buy(?:s)? (?:her|him))|sugar daddy|"
        r"went missing (?:again|overnight|for (?:days|the weekend))|sexual exploitation|\bcse\b|\bcce\b)\b",
        "The text suggests a child may be being exploited.",
        score=0.85,
        subtype="exploitation",
        negatable=False,
        unless=_TRAINING,
    ),
    rule(
        rf"\b(?:(?:sexy|hot|fit|fuckable|shaggable|peng) (?:{_CHILD}|schoolgirls?|little girls?|one in (?:my|year))|"
        rf"(?:{_CHILD})[^.!?\n]{{0,25}}?\b(?:is|are|looks?|looking) (?:so |well |proper |really )?(?:hot|sexy|fit|fuckable|developed|peng)|"
        rf"(?:sex|sexual|shag\w*|sleep(?:ing)? with|dating|kiss(?:ed|ing)?) (?:a |with a |one of (?:my|the) )?(?:{_CHILD}))\b",
        "The text has sexual content involving a child.",
        score=0.9,
        subtype="sexual_content",
        negatable=False,
        unless=_TRAINING + r"|\b(?:rse|relationships education|sex education|consent lesson)\b",
    ),
    rule(
        r"\b(?:(?:bruis\w+|marks|burns|cuts|welts) (?:on|all over) (?:his|her|their) (?:arms?|legs?|face|back|neck|body)|"
        r"(?:came|comes|coming) (?:in|to school) (?:hungry|starving|filthy|in the same clothes|with (?:a black eye|bruises))|"
        r"(?:made|making) a disclosure|disclosed (?:to me|that)|(?:wasn'?t|not|never) collected (?:again|from school)|"
        r"neglect(?:ed)?|left (?:home )?alone (?:all|for)|flinch(?:es|ed) when|worried (?:about|sick about) (?:a|one of my|this|the) (?:pupil|child|boy|girl|kid))\b",
        "The text describes signs that a child may be at risk.",
        score=0.8,
        subtype="concern",
        negatable=False,
        unless=_TRAINING,
    ),
    rule(
        r"\b(?:(?:keeps?|kept) (?:coming|creeping|getting) (?:in|into) (?:my|our) (?:room|bed)|(?:says|said|calls?) (?:it'?s|its) (?:our|a) (?:game|secret)|"
        r"(?:makes?|made|making) (?:me|him|her) (?:do|doing) (?:stuff|things)|(?:told|tells|says) (?:me|him|her|us) not to tell (?:anyone|anybody|mum|dad|my mum|my dad)|"
        r"(?:no|isn'?t any|there'?s no|there is no) food in the (?:house|flat|fridge)|(?:mum|dad|mam|my mum|my dad) (?:hasn'?t|has not|haven'?t|not) been (?:back|home) (?:since|for)|"
        r"(?:\d+(?:st|nd|rd|th)?|third|second|fourth|another) (?:day|night) (?:with )?no (?:food|lunch|tea|dinner|breakfast|eating)|"
        r"(?:getting|get|being|be) (?:engaged|married) (?:off )?to (?:my|a|an) (?:cousin|man|older)|(?:make|making|forcing|force) me (?:get )?marr\w+|"
        r"black eye again|(?:won'?t|wouldn'?t|will not) (?:say|tell (?:me|us)) how (?:it|they|that) happened|"
        r"(?:his|her|my) (?:uncle|dad|stepdad|step dad|brother|cousin|mum'?s boyfriend) makes (?:him|her|me) ['‘]?do (?:stuff|things))",
        "The text contains what may be a disclosure of abuse or neglect.",
        score=0.85,
        subtype="disclosure",
        negatable=False,
        unless=_TRAINING,
    ),
    rule(
        r"\b(?:unaliv\w+|un-aliv\w+|kys|sewerslide|(?:the )?barcode on my (?:arm|leg|wrist)|sharpener blade|(?:my )?blades? again|"
        r"(?:doing|did|started) the thing with the (?:blade|sharpener|razor)|long sleeves (?:in|for) (?:pe|summer)|"
        r"not (?:gonna|going to) be (?:around|here) (?:much )?(?:longer|for long|anymore)|this is (?:my )?goodbye|"
        r"(?:want|wanna|need) to disappear (?:forever|for good)|wish i (?:was|were|wasn'?t) (?:dead|alive|born|here)|"
        r"(?:need|have) to be under \d+ ?(?:stone|st|kg)|(?:starving|starve) myself|haven'?t eaten (?:in|for) (?:days|\d+ days))",
        "The text suggests self-harm, an eating disorder or suicidal thoughts.",
        score=0.85,
        subtype="self_harm",
        negatable=False,
        unless=_TRAINING + r"|\b(?:lol|lmao|haha|😂|🤣|if i have to (?:mark|do|teach|sit))\b",
    ),
    rule(
        r"\b(?:mature for (?:my|your|ur|her|his) age|(?:he'?s|she'?s|hes|shes|he is|she is) (?:1[89]|2\d|3\d|4\d) (?:and|but)|"
        r"(?:move|moving|take|taking) (?:this|the|our) (?:chat|convo|conversation) (?:to|over to|onto) (?:telegram|snap(?:chat)?|whatsapp|signal|discord|insta|kik|wickr)|"
        r"(?:the )?school (?:app|email|system) (?:logs|monitors|records|sees) (?:everything|it all)|don'?t (?:mention|say anything about) (?:it|this) (?:at|in) school|"
        r"(?:put|stuck) (?:some )?(?:credit|money) on (?:your|ur) (?:phone|card|account)|gorgeous for (?:1[0-7]|[5-9])|(?:fit|pretty|hot|sexy) for (?:your|ur) age|"
        r"(?:selfie|pic|photo) (?:of (?:you|u) )?in (?:your|ur) (?:uniform|pe kit|bikini|pyjamas|pjs)|only telling you (?:this )?(?:cos|because) (?:you'?re|your|ur) my favourite|"
        r"our little (?:chats|talks|secret)|(?:keeps?|kept) messaging (?:her|him) (?:saying|telling)|buying (?:her|him|me) (?:vapes|alcohol|gifts|presents|phones?))",
        "The message shows grooming indicators (secrecy, flattery, gifts, moving to private channels).",
        score=0.85,
        subtype="grooming",
        negatable=False,
        unless=_TRAINING + r"|\b(?:signs of grooming|grooming (?:signs|awareness))\b",
    ),
    rule(
        r"\b(?:£\d+ to (?:take|carry|drop|deliver|run) (?:a |the |some )?(?:bag|package|parcel|box)|(?:take|carry|drop) (?:a |the )?(?:bag|package|parcel) to \w+ (?:on|for)|"
        r"gives? (?:us|them|the kids|kids|her|him) free (?:vapes|weed|alcohol|booze|fags|phones)|lets? (?:us|them|the kids|kids) (?:chill|hang|stay|sleep) (?:in|at) his (?:flat|house|place|car)|"
        r"older (?:lads|boys|men|guys) (?:on mopeds|in (?:a |flash )?cars?|waiting (?:by|outside|at) the (?:gates?|school))|got in (?:a|the) car with (?:them|older|some)|"
        r"(?:new|brand new) (?:phones?|trainers|clothes) (?:and|that|nobody|no one)[^.!?\n]{0,30}?(?:explain|paid|know)|"
        r"great replacement|race war|(?:radicalis|radicaliz)\w+|(?:telegram|discord) group with (?:some )?(?:older|adult|men))",
        "The text suggests a child may be being exploited or radicalised.",
        score=0.85,
        subtype="exploitation",
        negatable=False,
        unless=_TRAINING,
    ),
    rule(
        rf"\b(?:(?:vid|video|videos|pics?|photos?|footage|clip) of (?:that |the |a |this )?(?:{_CHILD}|\w+ (?:girl|boy))[^.!?\n]{{0,40}}?\b(?:changing rooms?|toilets?|shower|undress\w*|naked|getting changed)|"
        rf"(?:{_CHILD})[^.!?\n]{{0,20}}?\b(?:is|are|looks?) (?:well |so |really )?developed for (?:her|his|their) age|well developed for (?:her|his|their) age)",
        "The text mentions sexualised images of, or sexual comments about, a child.",
        score=0.9,
        subtype="sexual_content",
        negatable=False,
        unless=_TRAINING,
    ),
)


class Safeguarding:
    name = NAME
    categories = ("safeguarding_concern",)

    def __init__(self) -> None:
        self.rules = RuleSet(RULES)

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        found = run_rules(a, self.rules, category="safeguarding_concern", detector=NAME)
        if item.role == "pupil":
            return found
        # grooming phrases between adults ("our little secret" about a surprise party) need a child
        keep = []
        for f in found:
            if f.subtype == "grooming" and item.recipient_role != "pupil" and not re.search(_CHILD, a.folded):
                continue
            keep.append(f)
        return keep
