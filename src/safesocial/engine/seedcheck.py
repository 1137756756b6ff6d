"""Check a policy pack against the plain text of its seed policy.

Every sentence of the seed that carries an obligation (must, should, never, not, prohibited,
required, expected, will, ...) must appear verbatim in the pack's clause texts. Only whitespace,
line breaks, bullets, leading clause numbers and text formatting (markdown emphasis, links, HTML
tags left by the PDF conversion) are tolerated as differences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import PolicyPack

OBLIGATION = re.compile(
    r"\b(must|mustn't|should|shouldn't|shall|never|not|cannot|can't|don't|won't|prohibited|required|expected|will)\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_BULLET = re.compile(r"^\s*(?:[-*•▪◦·☐☑■□]\s*)+")
_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\)|\([a-z]\)|[ivx]+\.)\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)]*\s*$")
_SPLIT = re.compile(r"(?<=[.!?])['\"”’)]*\s+(?=[A-Z“\"'(\[])")


def clean(text: str) -> str:
    """Remove formatting the seed's conversion left: emphasis, links, HTML tags, bullets, numbers."""
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    return text


def _strip_line(line: str) -> str:
    line = clean(line)
    line = _BULLET.sub("", line)
    line = _NUMBER.sub("", line)
    line = _BULLET.sub("", line)
    return " ".join(line.split())


def units(seed_text: str) -> list[str]:
    """Split seed text into paragraph units, joining lines a page break split mid-sentence."""
    out: list[str] = []
    for raw in seed_text.splitlines():
        line = _strip_line(raw)
        if not line:
            continue
        continues = out and not _SENTENCE_END.search(out[-1]) and line[0].islower()
        if continues:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def sentences(seed_text: str) -> list[str]:
    found: list[str] = []
    for unit in units(seed_text):
        found.extend(s.strip() for s in _SPLIT.split(unit) if s.strip())
    return found


def normative_sentences(seed_text: str) -> list[str]:
    return [s for s in sentences(seed_text) if OBLIGATION.search(s)]


def normalise(text: str) -> str:
    return " ".join(_strip_line(line) for line in clean(text).splitlines() if line.strip())


def pack_corpus(pack: PolicyPack) -> str:
    return "\n".join(normalise(c.text) for c in pack.clauses)


@dataclass(frozen=True, slots=True)
class SeedCheck:
    pack: str
    normative: int
    missing: tuple[str, ...]


def check_pack_against_seed(pack: PolicyPack, seed_text: str) -> SeedCheck:
    corpus = pack_corpus(pack)
    # A sentence may be split across two clauses at a bullet; join neighbours with one space too.
    joined = " ".join(normalise(c.text) for c in pack.clauses)
    wanted = normative_sentences(seed_text)
    missing = tuple(s for s in wanted if s not in corpus and s not in joined)
    return SeedCheck(pack=pack.id, normative=len(wanted), missing=missing)
