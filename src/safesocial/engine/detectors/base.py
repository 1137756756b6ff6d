"""What every detector shares: the item it reads, the finding it returns, and one text analysis.

A detector is an object with a stable versioned ``name`` (``contact_details.v1``), the
``categories`` it can report, parameters validated in ``__init__``, and one pure method
``detect(item, context) -> list[RawFinding]``: deterministic, no I/O, spans inside the text.

``analyse(text)`` folds, tokenises and splits the text once; it is cached so the dozen detectors
that run over one post share the work.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .lexicon import Token, tokens
from .textfeatures import fold

if TYPE_CHECKING:
    from .context import SchoolContext


@dataclass(frozen=True, slots=True)
class Item:
    """One piece of text to judge and the facts about it that the checker takes as input.

    ``facts`` names conditions or exceptions the caller knows to hold (``prior_approval``,
    ``parental_consent``, ``family_relationship``...): the rules honour them. The CLI never sets it.
    """

    text: str
    role: str = "staff"
    channel: str = "personal"
    kind: str = "post"
    recipient_role: str | None = None
    facts: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class RawFinding:
    """What a detector saw, before the policy is applied.

    ``facets`` narrow what was seen inside the category (``work_email``, ``profile_name``...) so the
    rules can tell a clause about logos from a clause about profile names. ``facts`` are conditions
    the detector established (``former_pupil``, ``under_18``, ``family_relationship``...).
    """

    category: str
    span: tuple[int, int] | None
    evidence: str
    explanation: str
    detector: str
    score: float = 1.0
    facets: frozenset[str] = frozenset()
    facts: frozenset[str] = frozenset()
    subtype: str = ""


class Detector(Protocol):
    name: str
    categories: tuple[str, ...]

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]: ...


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Analysis:
    """The text, folded (lower-case, accents stripped, same length) and tokenised, with sentences."""

    text: str
    folded: str
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]
    words: tuple[str, ...] = field(default=())

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return 0, len(self.text)

    def window(self, start: int, end: int, width: int = 60) -> str:
        """The folded text around a span, within its sentence and ``width`` characters either side."""
        s_start, s_end = self.sentence_of(start)
        return self.folded[max(s_start, start - width) : min(s_end, end + width)]


@functools.lru_cache(maxsize=16)
def analyse(text: str) -> Analysis:
    folded = fold(text)
    toks = tuple(tokens(text))
    sentences = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            sentences.append((start, m.start()))
        start = m.end()
    if start < len(text):
        sentences.append((start, len(text)))
    return Analysis(text, folded, toks, tuple(sentences), tuple(t.text for t in toks))


def clip(text: str, start: int, end: int, limit: int = 120) -> str:
    """Evidence: the matched text, shortened with an ellipsis if long."""
    snippet = " ".join(text[start:end].split())
    return snippet if len(snippet) <= limit else snippet[: limit - 1] + "…"


def has_any(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None
