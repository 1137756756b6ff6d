"""pupil_names.v1: a current or former pupil named or described so they can be identified.

Fires on
- a pupil's full name in any form the directory knows (legal or preferred forename or a common
  nickname, with any of their surnames; accents folded; possessives such as "Ruby Patel's");
- a handle the directory lists for a pupil;
- a forename or surname alone with class context in the same sentence ("Dafydd in 4B", "my pupil
  Kuba"), where a name that is also a word ("Will", "Grace", "Hope", "Summer", "Jack", "Ruby")
  must be capitalised and not used as the word ("Will you...", "this Summer", "I hope");
- a parent named with their child ("Priya Patel's daughter");
- without a directory, a capitalised name next to class context ("Tom in 6C");
- a description that singles a child out ("the new girl in 5B", "the only boy in Year 6 who...").
"""

from __future__ import annotations

import re

from .base import Analysis, Item, RawFinding, analyse, clip
from .context import NameHit, NameRef, SchoolContext, word_names
from .patterns import CLASS_CONTEXT

NAME = "pupil_names.v1"

# After a sentence-initial word-name these words show it is a name ("Will is...", "Hope in 3B").
_NAME_FOLLOWERS = frozenset(
    [
        "is",
        "was",
        "has",
        "had",
        "did",
        "does",
        "got",
        "gets",
        "came",
        "comes",
        "said",
        "says",
        "told",
        "tells",
        "and",
        "from",
        "in",
        "at",
        "who",
        "never",
        "always",
        "keeps",
        "kept",
        "won",
        "wins",
        "scored",
        "scores",
        "wrote",
        "writes",
        "cried",
        "cries",
        "hit",
        "hits",
        "loves",
        "loved",
        "struggled",
        "struggles",
        "finished",
        "left",
        "joined",
        "brought",
        "forgot",
        "forgets",
        "refused",
        "refuses",
        "asked",
        "asks",
        "made",
        "makes",
        "ran",
        "runs",
        "threw",
        "throws",
        "punched",
        "kicked",
        "bit",
        "swore",
        "swears",
        "needs",
        "needed",
        "can't",
        "cant",
        "won't",
        "wont",
        "isn't",
        "wasn't",
    ]
)
# Before a word-name these words show it is the word ("this summer", "no hope", "said grace").
_WORD_BEFORE = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "next",
        "last",
        "every",
        "each",
        "no",
        "some",
        "any",
        "of",
        "high",
        "good",
        "great",
        "new",
        "full",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "little",
        "big",
        "said",
        "say",
        "saying",
        "says",
        "with",
        "into",
        "of",
        "for",
    ]
)
_WORD_AFTER = frozenset(
    [
        "term",
        "terms",
        "holiday",
        "holidays",
        "hols",
        "fair",
        "camp",
        "school",
        "wedding",
        "of",
        "break",
        "uniform",
        "reading",
        "fete",
        "concert",
        "party",
        "before",
        "after",
        "period",
        "time",
        "sun",
        "sunshine",
        "day",
        "days",
        "camps",
        "club",
        "clubs",
        "bbq",
        "barbecue",
        "solstice",
        "season",
        "hat",
        "hats",
        "dress",
        "dresses",
        "you",
        "we",
        "i",
        "to",
        "for",
        "that",
        "everyone",
        "everybody",
        "all",
        "it",
        "this",
        "these",
        "your",
    ]
)
_SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*|[\"'“(]\s*)$")

_DESCRIPTION = re.compile(
    r"\b(?:the|which) (?:only |new |little |tall |quiet |naughty |youngest |oldest |eldest |one |[a-z]+ )?"
    r"(?:boy|girl|child|pupil|kid|lad|lass|student|twins?)\b[^.!?\n]{0,30}?\b(?:in|from) "
    r"(?:my class|our class|the class|(?:year|yr|y) ?\d{1,2}\b|\d{1,2}[a-z]{1,2}\b|reception|nursery)"
    r"[^.!?\n]{0,40}?\b(?:who|whose|with|that|whos|who's)\b"
    r"|\bthe only (?:[a-z]+ )?(?:boy|girl|child|pupil|kid|student) (?:in|from) "
    r"(?:my class|our class|the class|(?:year|yr|y) ?\d{1,2}\b|\d{1,2}[a-z]{1,2}\b|reception|nursery|the school)"
)

_PARENT_CHILD = re.compile(r"^(?:'s|s'|’s)? ?(?:son|daughter|kid|kids|child|children|boy|girl|lad|little one|twins)\b")

_CAP_WORD = re.compile(r"\b([A-Z][a-z'’\-]{2,})\b")
_NOT_NAMES = frozenset(
    [
        "i",
        "the",
        "a",
        "an",
        "and",
        "but",
        "so",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "this",
        "that",
        "these",
        "those",
        "today",
        "yesterday",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "year",
        "class",
        "reception",
        "nursery",
        "school",
        "mr",
        "mrs",
        "miss",
        "ms",
        "dr",
        "sir",
        "head",
        "headteacher",
        "teacher",
        "pupil",
        "pupils",
        "student",
        "students",
        "kids",
        "children",
        "he",
        "she",
        "they",
        "we",
        "you",
        "it",
        "what",
        "when",
        "where",
        "why",
        "how",
        "who",
        "well",
        "just",
        "so",
        "very",
        "really",
        "great",
        "good",
        "lovely",
        "amazing",
        "proud",
        "thanks",
        "thank",
        "please",
        "sorry",
        "oh",
        "hi",
        "hello",
        "dear",
        "love",
        "happy",
        "congratulations",
        "well",
        "done",
        "english",
        "maths",
        "science",
        "art",
        "music",
        "pe",
        "re",
        "history",
        "geography",
        "french",
        "spanish",
        "welsh",
        "computing",
        "phonics",
        "sats",
        "ofsted",
        "christmas",
        "easter",
        "halloween",
        "diwali",
        "eid",
        "hanukkah",
        "half",
        "term",
        "summer",
        "autumn",
        "spring",
        "winter",
        "also",
        "another",
        "one",
        "some",
        "every",
        "all",
        "no",
        "not",
        "if",
        "as",
        "at",
        "in",
        "on",
        "of",
        "for",
        "to",
        "with",
        "from",
        "by",
        "after",
        "before",
        "during",
        "facebook",
        "instagram",
        "insta",
        "snapchat",
        "snap",
        "tiktok",
        "whatsapp",
        "linkedin",
        "twitter",
        "youtube",
        "google",
        "teams",
        "zoom",
        "discord",
        "other",
    ]
)


def _is_capitalised(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    return word[:1].isupper() and not (word.isupper() and len(word) > 1)


def _word_use(a: Analysis, hit: NameHit) -> bool:
    """True if a name that is also a word is used as the word here."""
    text = a.text
    if not _is_capitalised(text, hit.start, hit.end):
        return True
    before = a.folded[max(0, hit.start - 25) : hit.start]
    prev_words = before.split()
    prev = prev_words[-1].strip("\"'“(,") if prev_words else ""
    after = a.folded[hit.end : hit.end + 25]
    if after.startswith(("'s", "’s")):
        return False
    next_words = after.split()
    nxt = next_words[0].strip(".,!?;:\"'”)") if next_words else ""
    at_start = _SENTENCE_START.search(text[max(0, hit.start - 3) : hit.start]) is not None or not prev
    if at_start:
        return nxt not in _NAME_FOLLOWERS
    return bool(prev in _WORD_BEFORE or nxt in _WORD_AFTER)


class PupilNames:
    name = NAME
    categories = ("pupil_identified",)

    def __init__(self, *, window: int = 60) -> None:
        if window < 10:
            raise ValueError("pupil_names.v1: window must be at least 10 characters")
        self.window = window
        self._words = word_names()

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        out: list[RawFinding] = []
        taken: list[tuple[int, int]] = []
        for start, end, refs in context.find_handles(a.folded):
            pupils = [r for r in refs if r.role == "pupil"]
            if pupils:
                out.append(self._finding(a, start, end, pupils[0], "handle", 0.95))
                taken.append((start, end))
        for hit in context.find_names(a.folded):
            if any(s <= hit.start < e for s, e in taken):
                continue
            finding = self._from_name(a, hit, context, item.recipient_role)
            if finding is not None:
                out.append(finding)
                taken.append((hit.start, hit.end))
        if not context.has_directory:
            out.extend(self._generic(a, taken))
        for m in _DESCRIPTION.finditer(a.folded):
            if any(s <= m.start() < e for s, e in taken):
                continue
            out.append(
                RawFinding(
                    category="pupil_identified",
                    span=(m.start(), m.end()),
                    evidence=clip(a.text, m.start(), m.end()),
                    explanation="The post describes a particular child in a way that could identify them.",
                    detector=NAME,
                    score=0.7,
                    facets=frozenset({"description"}),
                )
            )
        return out

    def _from_name(
        self, a: Analysis, hit: NameHit, context: SchoolContext, recipient: str | None = None
    ) -> RawFinding | None:
        pupils = [r for r in hit.refs if r.role == "pupil"]
        contacts = [r for r in hit.refs if r.role == "contact" and r.form == "full"]
        if contacts and not pupils:
            m = _PARENT_CHILD.match(a.folded[hit.end : hit.end + 20].lstrip())
            if m:
                child_ids = context.parents_of.get(contacts[0].person_id, ())
                child = context.people.get(child_ids[0]) if child_ids else None
                label = child.display_name if child else "their child"
                return RawFinding(
                    category="pupil_identified",
                    span=(hit.start, hit.end),
                    evidence=clip(a.text, hit.start, hit.end + 12),
                    explanation=f"Naming a parent with their child identifies the pupil ({label}).",
                    detector=NAME,
                    score=0.85,
                    facets=frozenset({"via_parent"}),
                )
            return None
        if not pupils:
            return None
        full = [r for r in pupils if r.form == "full"]
        if full:
            return self._finding(a, hit.start, hit.end, full[0], "full", 0.95)
        ref = pupils[0]
        addressed = recipient == "pupil" and hit.start < 40
        if not addressed and not CLASS_CONTEXT.search(a.window(hit.start, hit.end, self.window)):
            return None
        if any(r.word_like for r in pupils) and _word_use(a, hit):
            return None
        if not ref.word_like and hit.end - hit.start < 3:
            return None
        return self._finding(a, hit.start, hit.end, ref, ref.form, 0.8)

    def _finding(self, a: Analysis, start: int, end: int, ref: NameRef, how: str, score: float) -> RawFinding:
        facts = {"former_pupil"} if ref.former else {"on_roll"}
        if ref.under_18:
            facts.add("under_18")
        who = "a former pupil" if ref.former else "a pupil"
        how_text = {
            "handle": "their social media handle",
            "full": "their full name",
            "forename": "their first name with class context",
            "surname": "their surname with class context",
        }[how]
        return RawFinding(
            category="pupil_identified",
            span=(start, end),
            evidence=clip(a.text, start, end),
            explanation=f"The text names {who} of the school ({ref.display}) by {how_text}.",
            detector=NAME,
            score=score,
            facets=frozenset({how}),
            facts=frozenset(facts),
        )

    def _generic(self, a: Analysis, taken: list[tuple[int, int]]) -> list[RawFinding]:
        """Without a directory: a capitalised name right next to class context."""
        out: list[RawFinding] = []
        for m in _CAP_WORD.finditer(a.text):
            start, end = m.span()
            low = (
                a.folded[start:end].rstrip("'’s") if a.folded[start:end].endswith(("'s", "’s")) else a.folded[start:end]
            )
            if low in _NOT_NAMES or any(s <= start < e for s, e in taken):
                continue
            after = a.folded[end : end + 25]
            before = a.folded[max(0, start - 25) : start]
            if not (
                re.match(
                    r"(?:'s)? (?:in|from) (?:my class|our class|(?:year|yr|y) ?\d{1,2}\b|\d{1,2}[a-z]{1,2}\b|reception|class \w+)",
                    after,
                )
                or re.search(
                    r"\b(?:my (?:pupil|student|tutee)s?|(?:pupil|student|boy|girl|child|kid) (?:called|named)"
                    r"|year \d{1,2} (?:pupil|student|boy|girl)),? $",
                    before,
                )
            ):
                continue
            if low in self._words and _word_use(a, NameHit(start, end, low, ())):
                continue
            out.append(
                RawFinding(
                    category="pupil_identified",
                    span=(start, end),
                    evidence=clip(a.text, start, min(len(a.text), end + 20)),
                    explanation=f"'{m.group(1)}' looks like a child's name given with their class, which identifies them.",
                    detector=NAME,
                    score=0.6,
                    facets=frozenset({"forename"}),
                    facts=frozenset({"on_roll"}),
                )
            )
            taken.append((start, end))
        return out
