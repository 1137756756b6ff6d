"""pupil_image.v1: images or videos of pupils shared (or about to be) on social media.

Text cannot show a photo, so this reads what the post says it carries: "photos from Year 6's trip",
"here's a video of my class", "pic of the kids on sports day", "[image: pupils in the hall]".
Images of things (the new library, my classroom display) and images of one's own children (a
parent's "my daughter's first day") do not fire.
"""

from __future__ import annotations

import re

from .base import Item, RawFinding, analyse
from .context import SchoolContext
from .patterns import PUPIL_NOUN
from .phrases import PhraseRule, RuleSet, rule, run_rules

NAME = "pupil_image.v1"

_ATTACHED = re.compile(r"\[(?:photo|pic|picture|image|video|vid)s?\]")

_IMAGE = r"(?:photos?|pics?|pictures?|piccies|snaps|videos?|vids?|footage|clips?|selfies?|images?|shots?|reels?|filmed|recorded|photographed|snapped)"
_EVENT = r"(?:sports day|school trip|trip|nativity|assembly|school play|residential|prom|leavers|school disco|disco|christmas play|performance|concert|match|tournament)"
_NOT_SHOWN = r"\b(?:no (?:photos|pictures|images)|without (?:any )?(?:faces|children|pupils)|(?:faces|children|pupils|kids) (?:blurred|not shown|hidden)|no (?:children|pupils|kids|faces|people|one) in (?:shot|the (?:photo|picture|shot|frame)|it)|empty (?:classroom|hall|room)|before the (?:children|kids|pupils)|consent form|photo consent|don't post|do not post|please don't|not allowed to (?:post|share))\b"
_OTHER_CHILDREN = rf"(?:the|our|my|these|those|some|all the|all of the|a few|lots of|his|her|their|other people'?s|everyone'?s|\w+'s) (?:{PUPIL_NOUN}|friends|team|squad|cast|choir|players|classmates)"

RULES: tuple[PhraseRule, ...] = (
    rule(
        rf"\b{_IMAGE}\b[^.!?\n]{{0,40}}?\b(?:of|from|with|showing|featuring)\b[^.!?\n]{{0,30}}?\b(?:{PUPIL_NOUN}|{_EVENT}|squad|u\d{{1,2}}s?|\d{{1,2}}[a-z]'?s?)\b",
        "The post shares (or says it shares) photos or video that show pupils.",
        score=0.8,
        unless=_NOT_SHOWN,
    ),
    rule(
        rf"\b{_EVENT} {_IMAGE}\b|\bgoing live\b[^.!?\n]{{0,40}}?\b(?:school|disco|class|sports day|kids|pupils|assembly|playground)\b|"
        r"\btag(?:ging|ged)? (?:all )?(?:the )?(?:mums|parents|dads|families)\b|\b(?:check|see|watch) (?:my|our) (?:story|reel|stories)\b[^.!?\n]{0,40}?\b(?:kids|pupils|class|children|trip|residential)\b",
        "The post shares (or says it shares) photos or video of pupils at a school event.",
        score=0.75,
        unless=_NOT_SHOWN,
    ),
    rule(
        rf"\b(?:{_OTHER_CHILDREN})\b[^.!?\n]{{0,40}}?\b(?:in (?:this|the|these) |on (?:this|the) )?{_IMAGE}\b",
        "The post shares photos or video of pupils.",
        score=0.75,
        unless=_NOT_SHOWN,
    ),
    rule(
        r"\[(?:image|photo|picture|video|pic)[^\]]{0,80}?\b(?:pupils?|children|kids|class|students|boys?|girls?|year \d+)\b[^\]]{0,80}\]",
        "The post attaches an image that shows pupils.",
        score=0.9,
        negatable=False,
        unless=_NOT_SHOWN,
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
        attached = _ATTACHED.search(a.folded) if not found else None
        if attached and any(r.role == "pupil" for hit in context.find_names(a.folded) for r in hit.refs):
            # "[photo]" on a post that names a pupil of the school
            found = [
                RawFinding(
                    "pupil_image",
                    attached.span(),
                    a.text[slice(*attached.span())],
                    "The post attaches a photo and names a pupil.",
                    NAME,
                    0.8,
                )
            ]
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
