"""pupil_image.v1: images or videos of pupils shared (or about to be) on social media.

Text cannot show a photo, so this reads what the post says it carries: "photos from Year 6's trip",
"here's a video of my class", "pic of the kids on sports day", "[image: pupils in the hall]".
Images of things (the new library, my classroom display) and images of one's own children (a
parent's "my daughter's first day") do not fire.
"""

from __future__ import annotations

from .base import Item, RawFinding, analyse
from .context import SchoolContext
from .patterns import PUPIL_NOUN
from .phrases import PhraseRule, RuleSet, rule, run_rules

NAME = "pupil_image.v1"

_IMAGE = r"(?:photos?|pics?|pictures?|piccies|snaps|videos?|vids?|footage|clips?|selfies?|images?|filmed|recorded|photographed|snapped)"
_OTHER_CHILDREN = rf"(?:the|our|my|these|those|some|all the|all of the|a few|lots of|his|her|their|other people'?s|everyone'?s|\w+'s) (?:{PUPIL_NOUN}|friends|team|squad|cast|choir|players|classmates)"

RULES: tuple[PhraseRule, ...] = (
    rule(
        rf"\b{_IMAGE}\b[^.!?\n]{{0,40}}?\b(?:of|from|with|showing|featuring)\b[^.!?\n]{{0,30}}?\b(?:{PUPIL_NOUN}|sports day|school trip|nativity|assembly|school play|residential|prom|leavers)\b",
        "The post shares (or says it shares) photos or video that show pupils.",
        score=0.8,
        unless=r"\b(?:no (?:photos|pictures|images)|without (?:any )?(?:faces|children|pupils)|(?:faces|children|pupils) (?:blurred|not shown|hidden)|consent form|photo consent|don't post|do not post|please don't|not allowed to (?:post|share))\b",
    ),
    rule(
        rf"\b(?:{_OTHER_CHILDREN})\b[^.!?\n]{{0,40}}?\b(?:in (?:this|the|these) |on (?:this|the) )?{_IMAGE}\b",
        "The post shares photos or video of pupils.",
        score=0.75,
        unless=r"\b(?:no (?:photos|pictures|images)|consent form|don't post|do not post|not allowed to)\b",
    ),
    rule(
        r"\[(?:image|photo|picture|video|pic)[^\]]{0,80}?(?:pupils?|children|kids|class|students|boy|girl|year \d+)[^\]]{0,80}\]",
        "The post attaches an image that shows pupils.",
        score=0.9,
        negatable=False,
    ),
)


class PupilImage:
    name = NAME
    categories = ("pupil_image",)

    def __init__(self) -> None:
        self.rules = RuleSet(RULES)

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        found = run_rules(a, self.rules, category="pupil_image", detector=NAME, first_only=True)
        if item.role == "parent" and found:
            # a parent's photos of their own child are theirs to share
            only_own = not any(
                w in a.folded
                for w in (
                    "class",
                    "friends",
                    "team",
                    "everyone",
                    "all the",
                    "kids",
                    "children",
                    "pupils",
                    "squad",
                    "cast",
                )
            )
            if only_own:
                return []
        return found
