"""Names as the connection audit compares them: normalisation, nicknames and mojibake repair.

Two spellings of one name should normalise to the same tokens: case, accents (Siobhán, Zieliński,
Łucja), apostrophes (O'Connor, O’Connor, OConnor), hyphens, dots and underscores, and runs of
whitespace do not count. Honorifics ("Mrs", "Dr") and post-nominals ("PhD", "QTS") are dropped; a
bracketed part ("Sarah Clarke (Smith)", as Facebook shows a former surname) is kept apart as an
alternative surname.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

# Letters that Unicode decomposition does not reduce to ASCII.
_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ø": "o",
        "Ø": "o",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "Þ": "th",
        "ð": "d",
        "Ð": "d",
        "ı": "i",
        "ŀ": "l",
        "Ŀ": "l",
    }
)
# Apostrophes and look-alikes vanish (O'Connor = OConnor); every other non-letter separates tokens.
_APOSTROPHES = re.compile(r"['’‘`´ʼʻ′]")
_NON_LETTERS = re.compile(r"[^a-z]+")
_BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]")

HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "revd", "sir", "dame", "fr", "sr", "jr"}
)
POST_NOMINALS = frozenset(
    {"phd", "mba", "msc", "bsc", "ba", "ma", "med", "qts", "pgce", "frsa", "cipd", "fca", "aca", "obe", "mbe", "cbe"}
)
# Particles that may be written, dropped or joined: Welsh ap/ab, Irish Ó/Ní/Nic/Uí, continental van/de.
SURNAME_PARTICLES = frozenset(
    {"ap", "ab", "o", "ni", "nic", "ui", "van", "von", "de", "da", "di", "du", "del", "la", "le"}
)


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII letters and single spaces: accents, apostrophes and punctuation removed."""
    text = text.translate(_SPECIAL)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.translate(_SPECIAL)
    text = _APOSTROPHES.sub("", text.casefold())
    return _NON_LETTERS.sub(" ", text).strip()


def tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def compact(parts: tuple[str, ...] | list[str]) -> str:
    """Tokens joined without spaces: "Ó Briain", "O'Briain" and "OBriain" all give "obriain"."""
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A display name split into comparable tokens, with any bracketed alternative surname."""

    tokens: tuple[str, ...]
    alt_surnames: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return compact(self.tokens)


@functools.lru_cache(maxsize=65536)
def parse_display_name(text: str) -> ParsedName:
    """Tokens of a display name, honorifics and post-nominals dropped, "Last, First" turned round."""
    alts = tuple(compact(tokens(m)) for m in _BRACKETS.findall(text) if tokens(m))
    main = _BRACKETS.sub(" ", text)
    if main.count(",") == 1:
        last, first = main.split(",")
        first_tokens = [t for t in tokens(first) if t not in POST_NOMINALS]
        if first_tokens and tokens(last):
            main = f"{first} {last}"
        else:
            main = last  # "Smith, PhD": a post-nominal after the comma, not a forename
    parts = [t for t in tokens(main) if t not in POST_NOMINALS]
    while len(parts) > 2 and parts[0] in HONORIFICS:
        parts = parts[1:]
    if len(parts) == 2 and parts[0] in HONORIFICS:
        parts = parts[1:]  # "Mrs Clarke": a surname alone
    return ParsedName(tuple(parts), tuple(a for a in alts if a))


def surname_variants(surname_tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The compact surname, and without a leading particle ("ap rhys" also as "rhys")."""
    if not surname_tokens:
        return ()
    out = [compact(surname_tokens)]
    if len(surname_tokens) > 1 and surname_tokens[0] in SURNAME_PARTICLES:
        out.append(compact(surname_tokens[1:]))
    return tuple(out)


def handle_key(handle: str) -> str:
    """How handles compare: lower case, no leading @, no surrounding space."""
    return handle.strip().lstrip("@").strip().lower()


def handle_words(handle: str) -> tuple[str, ...]:
    """The letter runs of a handle: "ruby.patel_14" gives ("ruby", "patel")."""
    return tokens(re.sub(r"\d+", " ", handle))


def repair_mojibake(text: str) -> str:
    """Undo Meta's export encoding (UTF-8 bytes stored as Latin-1 code points): "ZoÃ«" to "Zoë".

    Only a string whose every character is Latin-1 and whose bytes are valid UTF-8 is changed;
    anything else (a correct "Zoë", an emoji) is returned as it was.
    """
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


class Nicknames:
    """Forename equivalence groups (data/nicknames.txt). Two names are equivalent if they share a group."""

    def __init__(self, groups: list[tuple[str, ...]]) -> None:
        self._groups = groups
        index: dict[str, set[int]] = {}
        for i, group in enumerate(groups):
            for name in group:
                index.setdefault(name, set()).add(i)
        self._index = {name: frozenset(ids) for name, ids in index.items()}
        self._equivalents: dict[str, frozenset[str]] = {}

    @classmethod
    def parse(cls, text: str) -> Nicknames:
        groups: list[tuple[str, ...]] = []
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            head, _, rest = line.partition(":")
            names = [compact(tokens(n)) for n in [head, *rest.split(",")]]
            group = tuple(dict.fromkeys(n for n in names if n))
            if len(group) > 1:
                groups.append(group)
        return cls(groups)

    def equivalents(self, name: str) -> frozenset[str]:
        """Every other name sharing a group with this (normalised, compact) forename."""
        cached = self._equivalents.get(name)
        if cached is not None:
            return cached
        out: set[str] = set()
        for gid in self._index.get(name, ()):
            out.update(self._groups[gid])
        out.discard(name)
        result = frozenset(out)
        self._equivalents[name] = result
        return result

    def __len__(self) -> int:
        return len(self._groups)


@functools.cache
def default_nicknames() -> Nicknames:
    text = resources.files("safesocial.engine.matching").joinpath("data", "nicknames.txt").read_text(encoding="utf-8")
    return Nicknames.parse(text)
