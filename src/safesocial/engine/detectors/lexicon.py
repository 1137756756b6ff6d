"""Word lists stored as data files under ``detectors/data`` and a fast whole-word matcher for them.

A lexicon file has ``[section]`` headers and one term per line; ``#`` starts a comment. A term is
one or more words; a trailing ``*`` on a single-word term matches any ending (``idiot*`` matches
``idiots`` and ``idiotic``). Matching works on the token stream produced by ``tokens``: accents
folded, lower-cased, leetspeak undone in tokens that mix letters with digits or symbols, and runs of
three or more repeated letters squeezed to two (``stuuuupid`` matches ``stupid`` via ``stuupid`` ->
the matcher also tries the single-letter squeeze).
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import NamedTuple

from .textfeatures import fold

_TOKEN = re.compile(r"[a-z0-9@$!|€*]+(?:'[a-z]+)?")
_HAS_ALPHA = re.compile(r"[a-z]")
_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "i",
        "€": "e",
        "*": "",
    }
)
_REPEAT2 = re.compile(r"(.)\1{2,}")
_REPEAT1 = re.compile(r"(.)\1+")


class Token(NamedTuple):  # a tuple: a post has dozens and they are built on the hot path
    text: str  # normalised form
    start: int  # character offsets in the original text
    end: int


def tokens(text: str) -> list[Token]:
    """Normalised word tokens with their spans in ``text`` (fold keeps the string length)."""
    folded = fold(text).replace("’", "'")
    out = []
    triples = _REPEAT2.search(folded) is not None
    for m in _TOKEN.finditer(folded):
        raw = m.group(0)
        if raw.isalpha():  # the common case: a plain word
            out.append(Token(_REPEAT2.sub(r"\1\1", raw) if triples else raw, m.start(), m.end()))
            continue
        lead = len(raw) - len(raw.lstrip("@*!|"))
        raw = raw.strip("@*!|")
        if not raw:
            continue
        start = m.start() + lead
        if not _HAS_ALPHA.search(raw):
            if raw.isdigit():
                out.append(Token(raw, start, start + len(raw)))
            continue
        word = raw.translate(_LEET) if not raw.isalpha() and "'" not in raw else raw
        word = word.strip("'")
        if not word:
            continue
        out.append(Token(_REPEAT2.sub(r"\1\1", word), start, start + len(raw)))
    return out


class Hit(NamedTuple):
    section: str
    term: str
    start: int
    end: int
    token_start: int  # index of the first token
    token_end: int  # index after the last token


class Lexicon:
    """Sections of terms compiled for whole-word matching over a token list."""

    def __init__(self, sections: dict[str, list[str]]) -> None:
        self.sections = {name: tuple(terms) for name, terms in sections.items()}
        self._exact: dict[str, str] = {}
        self._prefix: list[tuple[str, str]] = []
        self._phrases: dict[tuple[str, ...], str] = {}
        self._max_len = 1
        for section, terms in sections.items():
            for term in terms:
                words = tuple(term.split())
                if len(words) == 1 and words[0].endswith("*"):
                    self._prefix.append((words[0][:-1], section))
                elif len(words) == 1:
                    self._exact.setdefault(words[0], section)
                else:
                    self._phrases.setdefault(words, section)
                    self._max_len = max(self._max_len, len(words))
        self._prefix.sort(key=lambda p: -len(p[0]))
        self._prefix_first = {p[0][:3] for p in self._prefix}
        self._phrase_first = {words[0] for words in self._phrases}
        self._memo: dict[str, tuple[str, str] | None] = {}

    def _word_section(self, word: str) -> tuple[str, str] | None:
        memo = self._memo
        if word in memo:
            return memo[word]
        found = self._word_section_uncached(word)
        if len(memo) < 200_000:
            memo[word] = found
        return found

    def _word_section_uncached(self, word: str) -> tuple[str, str] | None:
        for candidate in (word, _REPEAT1.sub(r"\1", word)) if _REPEAT1.search(word) else (word,):
            section = self._exact.get(candidate)
            if section is not None:
                return section, candidate
            if candidate[:3] in self._prefix_first:
                for stem, sect in self._prefix:
                    if candidate.startswith(stem):
                        return sect, stem + "*"
        return None

    def find(self, toks: list[Token]) -> list[Hit]:
        hits: list[Hit] = []
        words = [t.text for t in toks]
        first, known = self._phrase_first, self._word_section
        if not any(w in first or known(w) is not None for w in set(words)):
            return hits  # the common case: no word of the text starts a term
        i = 0
        n = len(words)
        while i < n:
            matched = False
            sizes = range(min(self._max_len, n - i), 1, -1) if words[i] in self._phrase_first else ()
            for size in sizes:
                key = tuple(words[i : i + size])
                section = self._phrases.get(key)
                if section is not None:
                    hits.append(Hit(section, " ".join(key), toks[i].start, toks[i + size - 1].end, i, i + size))
                    i += size
                    matched = True
                    break
            if matched:
                continue
            found = self._word_section(words[i])
            if found is not None:
                hits.append(Hit(found[0], found[1], toks[i].start, toks[i].end, i, i + 1))
            i += 1
        return hits


def parse_lexicon(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
            continue
        if current is None:
            raise ValueError(f"term {line!r} before any [section]")
        sections[current].append(" ".join(fold(line).split()))
    return sections


def read_data(name: str) -> str:
    return (resources.files("safesocial.engine.detectors") / "data" / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=64)
def lexicon_hits(name: str, text: str) -> tuple[Hit, ...]:
    """The hits of a packaged lexicon in a text (cached: several detectors ask for the same)."""
    from .base import analyse

    return tuple(load_lexicon(name).find(list(analyse(text).tokens)))


@functools.cache
def load_lexicon(name: str) -> Lexicon:
    """Load a lexicon data file (cached: lexicons are immutable)."""
    return Lexicon(parse_lexicon(read_data(name)))
