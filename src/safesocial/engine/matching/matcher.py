"""Match connections to the people in a school directory.

An index is built once per directory; each connection is then matched in a few dictionary look-ups:

1. a handle the directory records for the person (same platform: certain; another platform: likely),
   or an email address (LinkedIn);
2. the display name, normalised (names.fold), against every legal, preferred and former name of every
   person, allowing a middle name, surname-first order, a nickname (names.Nicknames) and a surname
   particle written or dropped ("ap Rhys", "Ó Briain");
3. failing that, a typo (rapidfuzz, optimal string alignment: one edit for names up to eight
   letters, two beyond, none for four letters or fewer) restricted by blocking: only people who
   share the surname exactly are compared on forename, and only people who share the forename (or a
   nickname of it) are compared on surname, in both cases starting with the same letter, so a
   trust-sized directory stays fast;
4. for platforms that give only a username, the username read as a name ("dafydd_rhys").

Each candidate carries a confidence (0..1) and a one-line reason. When two people are within
``margin`` of the best, the match is ambiguous and every close candidate is returned: the audit
reports that instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..directory import Directory, Person
from .exports import Connection
from .names import (
    Nicknames,
    ParsedName,
    compact,
    default_nicknames,
    fold,
    handle_key,
    handle_words,
    parse_display_name,
    surname_variants,
    tokens,
)

# How a directory name variant was built, with the confidence an exact match on it earns.
_VARIANTS: tuple[tuple[str, float], ...] = (
    ("legal name", 0.97),  # 0
    ("preferred name", 0.95),  # 1
    ("preferred forename with legal surname", 0.95),  # 2
    ("legal forename with preferred surname", 0.94),  # 3
    ("former surname", 0.9),  # 4
    ("surname without its particle", 0.88),  # 5
    ("first forename only", 0.9),  # 6
)
HANDLE_SAME_PLATFORM = 1.0
HANDLE_OTHER_PLATFORM = 0.8
EMAIL = 1.0
MIDDLE_NAME_FACTOR = 0.95
REVERSED_FACTOR = 0.9
NICKNAME_FACTOR = 0.85  # a nickname is weaker evidence than the name itself
HANDLE_AS_NAME_CAP = 0.75
FUZZY_LONG = 8  # names longer than this may differ by two edits, others by one (four letters or fewer: none)
FUZZY_FLOOR, FUZZY_TOP = 0.6, 0.85  # confidence bounds of a fuzzy match
PLATFORM_ALIASES = {"twitter": "x", "fb": "facebook", "ig": "instagram", "insta": "instagram", "snap": "snapchat"}


@dataclass(frozen=True, slots=True)
class Candidate:
    person_id: str
    confidence: float
    reason: str  # one plain-English line: why this connection may be this person


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A connection and the people it may be. One candidate: matched. Several: ambiguous."""

    connection: Connection
    candidates: tuple[Candidate, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    @property
    def best(self) -> Candidate:
        return self.candidates[0]

    @property
    def person_id(self) -> str | None:
        return None if self.ambiguous else self.candidates[0].person_id

    @property
    def confidence(self) -> float:
        return self.candidates[0].confidence


class _Found:
    """Best candidate per person while one connection is matched."""

    __slots__ = ("best", "definitive")

    def __init__(self) -> None:
        self.best: dict[int, tuple[float, str]] = {}
        self.definitive: set[int] = set()

    def add(self, idx: int, confidence: float, reason: str, *, definitive: bool = False) -> None:
        seen = self.best.get(idx)
        if seen is None or confidence > seen[0]:
            self.best[idx] = (confidence, reason)
        if definitive:
            self.definitive.add(idx)

    def __bool__(self) -> bool:
        return bool(self.best)


def _platform(name: str) -> str:
    name = name.strip().lower()
    return PLATFORM_ALIASES.get(name, name)


class Matcher:
    """An index of one directory's names and handles. Build once, match many connections."""

    def __init__(
        self,
        directory: Directory,
        *,
        nicknames: Nicknames | None = None,
        min_confidence: float = 0.6,
        margin: float = 0.05,
        fuzzy_long: int = FUZZY_LONG,
    ) -> None:
        self.directory = directory
        self.nicknames = nicknames or default_nicknames()
        self.min_confidence = min_confidence
        self.margin = margin
        self.fuzzy_long = fuzzy_long
        self.people: tuple[Person, ...] = directory.people
        self._names: dict[str, list[tuple[int, int]]] = {}  # compact forename+surname -> (person, variant)
        self._handles: dict[str, list[tuple[int, str]]] = {}  # handle -> (person, platform)
        self._emails: dict[str, list[int]] = {}
        surname_block: dict[str, dict[str, list[int]]] = {}  # "surname|f" -> forename -> people
        forename_block: dict[str, dict[str, list[int]]] = {}  # "forename|s" -> surname -> people
        for idx, person in enumerate(self.people):
            self._index_person(idx, person, surname_block, forename_block)
        # Blocks as parallel tuples, the form rapidfuzz's process functions take.
        self._by_surname = {k: _flatten(v) for k, v in surname_block.items()}
        self._by_forename = {k: _flatten(v) for k, v in forename_block.items()}

    # ------------------------------------------------------------------------------ index

    def _index_person(
        self,
        idx: int,
        person: Person,
        surname_block: dict[str, dict[str, list[int]]],
        forename_block: dict[str, dict[str, list[int]]],
    ) -> None:
        legal_f = tokens(person.legal_forename)
        pref_f = tokens(person.preferred_forename)
        legal_s = tokens(person.legal_surname)
        pref_s = tokens(person.preferred_surname)
        former_s = tokens(person.former_surname)
        forenames: list[tuple[str, bool]] = []  # (compact forename, preferred?)
        if legal_f:
            forenames.append((compact(legal_f), False))
            if len(legal_f) > 1:
                forenames.append((legal_f[0], False))
        if pref_f:
            forenames.append((compact(pref_f), True))
        surnames: list[tuple[str, str]] = []  # (compact surname, legal|preferred|former|particle)
        for kind, toks in (("legal", legal_s), ("preferred", pref_s), ("former", former_s)):
            for n, variant in enumerate(surname_variants(toks)):
                surnames.append((variant, kind if n == 0 else "particle"))
        for i, (fore, preferred) in enumerate(forenames):
            first_only = not preferred and i == 1
            for sur, kind in surnames:
                if first_only:
                    code = 6
                elif kind == "former":
                    code = 4
                elif kind == "particle":
                    code = 5
                elif preferred:
                    code = 1 if (kind == "preferred" or not pref_s) else 2
                else:
                    code = 0 if kind == "legal" else 3
                self._names.setdefault(fore + sur, []).append((idx, code))
                # Fuzzy blocks: the part that must agree exactly, and the first letter of the other.
                if fore and sur:
                    surname_block.setdefault(f"{sur}|{fore[0]}", {}).setdefault(fore, []).append(idx)
                    forename_block.setdefault(f"{fore}|{sur[0]}", {}).setdefault(sur, []).append(idx)
        for platform, handle in person.handles:
            self._handles.setdefault(handle_key(handle), []).append((idx, _platform(platform)))
        if person.email:
            self._emails.setdefault(person.email.strip().lower(), []).append(idx)

    # ------------------------------------------------------------------------------ matching

    def match_all(self, connections: Iterable[Connection]) -> list[NameMatch]:
        out = []
        for connection in connections:
            found = self.match(connection)
            if found is not None:
                out.append(found)
        return out

    def match(self, connection: Connection) -> NameMatch | None:
        found = _Found()
        if connection.handle:
            self._match_handle(connection, found)
        if connection.email:
            for idx in self._emails.get(connection.email.lower(), ()):
                found.add(idx, EMAIL, f"email {connection.email} is recorded for them", definitive=True)
        if not found.definitive:
            if connection.name:
                self._match_name(parse_display_name(connection.name), connection.name, found)
            if not found and connection.handle and connection.platform != "x":
                self._match_handle_as_name(connection.handle, found)
        return self._decide(connection, found)

    def _match_handle(self, connection: Connection, found: _Found) -> None:
        key = handle_key(connection.handle)
        platform = _platform(connection.platform)
        for idx, recorded in self._handles.get(key, ()):
            if recorded == platform:
                found.add(
                    idx, HANDLE_SAME_PLATFORM, f"username {key} is recorded for them on {platform}", definitive=True
                )
            elif len(key) >= 5:
                found.add(idx, HANDLE_OTHER_PLATFORM, f"username {key} is recorded for them on {recorded}")

    def _match_name(self, parsed: ParsedName, raw: str, found: _Found, *, cap: float = 1.0, via: str = "") -> None:
        toks = parsed.tokens
        if len(toks) < 2:
            if len(toks) == 1 and len(toks[0]) >= 6:  # names run together: "siobhanobriain"
                self._exact(toks[0], found, 0.9 * cap, f"{via}the name run together")
            return
        self._exact_names(toks, parsed.alt_surnames, found, cap, via)
        if not found:
            self._fuzzy(toks, parsed.alt_surnames, found, cap, via)

    def _exact(self, key: str, found: _Found, factor: float, how: str, *, ceiling: float = 1.0) -> bool:
        hits = self._names.get(key)
        if not hits:
            return False
        for idx, code in hits:
            label, confidence = _VARIANTS[code]
            reason = f"same {label}" + (f" ({how})" if how else "")
            found.add(idx, round(min(confidence * factor, ceiling), 3), reason)
        return True

    def _exact_names(self, toks: tuple[str, ...], alts: tuple[str, ...], found: _Found, cap: float, via: str) -> None:
        n = len(toks)
        first, rest = toks[0], compact(toks[1:])
        self._exact(compact(toks), found, cap, via.rstrip(", "))
        for alt in alts:  # "Chloe Baker (Wright)": Wright as a former or other surname
            self._exact(first + alt, found, cap, f"{via}bracketed surname")
        for k in range(2, n):  # skip middle names: first token + the last n-k tokens
            self._exact(first + compact(toks[k:]), found, MIDDLE_NAME_FACTOR * cap, f"{via}middle name ignored")
        # Surname first ("Nowak Zoë"; "Nowak, Zoë" is already turned round by parse_display_name).
        self._exact(toks[-1] + compact(toks[:-1]), found, REVERSED_FACTOR * cap, f"{via}surname written first")
        # Nicknames of the first name: Kuba for Jakub, Katie for Katherine.
        surnames = [rest, toks[-1]] if n > 2 else [rest]
        for alt in sorted(self.nicknames.equivalents(first)):
            for sur in surnames:
                if self._exact(
                    alt + sur,
                    found,
                    NICKNAME_FACTOR * cap,
                    f"{via}{first.capitalize()} as another form of {alt.capitalize()}",
                ):
                    break

    def _fuzzy(self, toks: tuple[str, ...], alts: tuple[str, ...], found: _Found, cap: float, via: str) -> None:
        n = len(toks)
        # People sharing a surname exactly: compare forenames.
        splits = [(compact(toks[:k]), compact(toks[k:])) for k in range(1, n)]
        if n > 2:
            splits.append((toks[0], toks[-1]))
        splits.extend((toks[0], alt) for alt in alts)
        for fore, sur in splits:
            block = self._by_surname.get(f"{sur}|{fore[:1]}")
            if block is None:
                continue
            for choice, owners, edits, confidence in self._similar(fore, block):
                for owner in owners:
                    found.add(
                        owner, confidence * cap, f"{via}same surname, forename {fore!r} {_edits(edits)} {choice!r}"
                    )
        # People sharing the forename (or a nickname of it): compare surnames.
        firsts = [toks[0], *sorted(self.nicknames.equivalents(toks[0]))]
        surnames = [compact(toks[1:])] + ([toks[-1]] if n > 2 else [])
        for fore in firsts:
            nick = f", {toks[0].capitalize()} as another form of {fore.capitalize()}" if fore != toks[0] else ""
            factor = NICKNAME_FACTOR if nick else 1.0
            for sur in surnames:
                block = self._by_forename.get(f"{fore}|{sur[:1]}")
                if block is None:
                    continue
                for choice, owners, edits, confidence in self._similar(sur, block):
                    for owner in owners:
                        found.add(
                            owner,
                            confidence * factor * cap,
                            f"{via}same forename{nick}, surname {sur!r} {_edits(edits)} {choice!r}",
                        )

    def _similar(
        self, query: str, block: tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]
    ) -> list[tuple[str, tuple[int, ...], int, float]]:
        """Names of the block within a typo of ``query``: (name, owners, edits, confidence).

        Edits are counted as optimal string alignment (a swap of two neighbouring letters is one
        edit). Names of four letters or fewer must agree exactly (Sian is not Sean, Mark not Mary);
        up to eight letters allow one edit; longer names two.
        """
        if len(query) < 3:
            return []
        names, owners = block
        out = []
        for choice, edits, i in process.extract(query, names, scorer=OSA.distance, score_cutoff=2, limit=None):
            longest = max(len(query), len(choice))
            allowed = 0 if longest <= 4 else 1 if longest <= self.fuzzy_long else 2
            if 0 < edits <= allowed:
                similarity = 1.0 - edits / longest
                confidence = min(FUZZY_TOP, max(FUZZY_FLOOR, FUZZY_FLOOR + similarity - 0.75))
                out.append((choice, owners[i], int(edits), confidence))
        return out

    def _match_handle_as_name(self, handle: str, found: _Found) -> None:
        words = handle_words(handle)
        via = f"username {handle_key(handle)!r} read as a name, "
        if len(words) == 1:
            if len(words[0]) >= 6:  # "siobhanobriain"
                self._exact(words[0], found, HANDLE_AS_NAME_CAP * 0.95, via.rstrip(", "))
            return
        # Every run of two or more words ("the_real_jack_thompson_x" holds "jack thompson").
        n = len(words[:6])
        for i in range(n - 1):
            for j in range(n, i + 1, -1):
                self._exact_names(words[i:j], (), found, HANDLE_AS_NAME_CAP, via)

    def _decide(self, connection: Connection, found: _Found) -> NameMatch | None:
        if found.definitive:
            pool = {i: found.best[i] for i in found.definitive}
        else:
            pool = {i: v for i, v in found.best.items() if v[0] >= self.min_confidence}
        if not pool:
            return None
        if len(pool) == 1:
            ((idx, (confidence, reason)),) = pool.items()
            return NameMatch(
                connection, (Candidate(self.people[idx].person_id, round(min(confidence, 1.0), 3), reason),)
            )
        ranked = sorted(pool.items(), key=lambda item: (-item[1][0], self.people[item[0]].person_id))
        top = ranked[0][1][0]
        close = [item for item in ranked if top - item[1][0] < self.margin - 1e-9][:5]
        candidates = tuple(
            Candidate(self.people[idx].person_id, round(min(confidence, 1.0), 3), reason)
            for idx, (confidence, reason) in close
        )
        return NameMatch(connection, candidates)


def _flatten(block: dict[str, list[int]]) -> tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]:
    """Distinct names of a block, and who has each (the form rapidfuzz's process functions take)."""
    return tuple(block), tuple(tuple(dict.fromkeys(owners)) for owners in block.values())


def _edits(n: int) -> str:
    return "one letter from" if n == 1 else f"{n} letters from"


def describe_normalisation(raw: str, person_name: str) -> str:
    """ "exactly" when the strings are equal, else what the comparison ignored."""
    if raw == person_name:
        return "exactly"
    if raw.casefold() == person_name.casefold():
        return "ignoring case"
    if fold(raw) == fold(person_name):
        return "ignoring case, accents and punctuation"
    return ""
