"""promotion.v1: financial, commercial, business or political promotion and campaigning."""

from __future__ import annotations

from .base import Item, RawFinding, analyse
from .context import SchoolContext
from .phrases import PhraseRule, RuleSet, rule, run_rules

NAME = "promotion.v1"

_SCHOOL_FUNDRAISING = r"\b(?:justgiving|just giving|gofundme|donations?|donate|sponsor me|running (?:the )?[\w ]{0,20}for (?:charity|macmillan|cancer research|mind|the hospice|nspcc)|pta|pfa|friends of|school fair|summer fair|christmas fair|bake sale|cake sale|non uniform|raised £?\d+ for|sponsored (?:walk|run|silence)|children in need|comic relief|red nose|school trip)\b"

RULES: tuple[PhraseRule, ...] = (
    rule(
        r"\b(?:discount code|promo code|use (?:my )?code|affiliate link|link in (?:my )?bio|dm (?:me )?to order|dm for prices|"
        r"order now|shop now|buy now|now taking orders|taking bookings|book (?:now|your slot)|limited stock|free delivery|"
        r"\d{1,2} ?% off|half price|special offer|my (?:small |new |side )?(?:business|shop|etsy|store|brand|company|online shop)|"
        r"my (?:candle|cake|jewellery|jewelry|crafts?|nail|lash|beauty|tutoring|tuition) (?:business|shop|page|service)|"
        r"(?:etsy|depop|vinted|ebay) (?:shop|store)|check out my (?:shop|page|store|website|channel)|"
        r"join my team|business opportunity|work from home opportunity|earn (?:£|\$)\d+|passive income|"
        r"(?:avon|younique|herbalife|forever living|scentsy|usborne books at home|arbonne|juice plus|tropic skincare|neal's yard)|"
        r"crypto|bitcoin|forex|investment opportunity|invest (?:now|with me)|(?:private )?tutoring (?:available|rates|slots)|"
        r"tuition (?:available|rates|slots)|£\d+(?:\.\d{2})? ?(?:per |an |a |/ ?)(?:hour|hr|session|lesson|set|class|head|night)\b|rates? (?:start|from) £|"
        r"side ?hustle|subscribe (?:to my|for (?:the full|more|exclusive)|on my)|mates'? rates|(?:message|msg|dm|text|pm|inbox) (?:me )?(?:to|for) (?:book|order|prices|a quote|details|info)|"
        r"(?:few|limited|last) (?:slots|spaces|places) (?:left|available|remaining)|(?:tutoring|tuition|lessons|coaching) (?:over|on|via) (?:zoom|teams|skype)|"
        r"(?:earning|making money|make money|earn) (?:from|with) (?:them|these|it|home)|looking for \d+ more (?:for|to join) (?:my|our) team|"
        r"(?:\w+ )?ambassador\b[^.!?\n]{0,40}?\b(?:shop|link|code|discount)|shop my (?:faves|favourites|picks|edit)|"
        r"tickets? (?:for|to) my (?:band'?s |show|gig|event|night)[^.!?\n]{0,40}?£\d+)",
        "The text promotes a business or a personal financial interest.",
        score=0.85,
        facets=("commercial",),
        subtype="commercial",
        unless=_SCHOOL_FUNDRAISING,
    ),
    rule(
        r"\b(?:vote (?:for|labour|conservative|tory|tories|reform|lib ?dem|green|snp|plaid|leave|remain)|"
        r"(?:labour|conservatives?|tory|tories|reform uk|reform|lib dems?|liberal democrats?|green party|snp|plaid cymru) "
        r"(?:candidate|campaign|are the only|will fix|deserve your vote|is the only)|"
        r"sign (?:my|the|our) petition|petition (?:to|against|for)\b|join (?:the|our) (?:march|protest|campaign|rally)|"
        r"campaign(?:ing)? for (?:the )?(?:labour|conservative|reform|green|lib dem|council)|canvass\w*|"
        r"(?:i'm|i am|im) standing (?:as|for) (?:a |the )?(?:councillor|council|mp|election)|vote for me|"
        r"elect (?:me|our candidate)|don't vote|do not vote|get out and vote (?:for|labour|tory|reform|green)|"
        r"general election|local elections?|(?:keir starmer|rishi sunak|nigel farage|kemi badenoch|ed davey) (?:is|has|will)|"
        r"knock(?:ed|ing)? (?:on )?\d+ doors|(?:door|doors) (?:knocking|knocked) (?:for|with)|(?:leaflet(?:ing|ed|s)?|canvass\w*) (?:for|with) (?:labour|the tories|conservatives|reform|the greens|lib dems|the snp)|"
        r"(?:march|rally|demo|protest) (?:to save|against|for)[^.!?\n]{0,60}?(?:bring|join|share|come)|bring (?:your )?placards|"
        r"(?:for|vote) (?:reform|labour|the tories|the greens|lib dems?)\b[^.!?\n]{0,60}?\bget out and vote)",
        "The text is political campaigning or promotion.",
        score=0.8,
        facets=("political",),
        subtype="political",
        unless=r"\b(?:school council|class reps?|student council|eco council|house captains?|head (?:boy|girl)|star of the week|pupil voice|sports leaders?)\b",
    ),
)


class Promotion:
    name = NAME
    categories = ("promotion",)

    def __init__(self) -> None:
        self.rules = RuleSet(RULES)

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        return run_rules(analyse(item.text), self.rules, category="promotion", detector=NAME)
