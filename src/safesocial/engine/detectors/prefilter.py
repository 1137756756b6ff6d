"""A sound pre-check for regular expressions: skip a pattern when the text cannot match it.

``required_literals(pattern)`` reads the pattern's syntax tree and returns a set of strings such
that every match of the pattern contains at least one of them (or ``None`` when no useful set
exists: a pattern made only of classes, or whose best set has a string shorter than
``MIN_LITERAL``). Every ``LiteralGate`` adds its patterns' literals to one Aho-Corasick automaton
shared by all detectors, so one pass over a text (``present``, cached per text) tells every gate
which of its patterns could match; the others are never run.

The gate is exact, not a heuristic: a match is a substring of the text, so a string inside every
match is inside the text. Skipping a pattern whose strings are all absent changes no result, only
the time taken (``tests/engine/detectors/test_prefilter.py`` holds the detectors to that).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import ahocorasick

MIN_LITERAL = 3

_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None if there is no useful set."""
    found = _sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    if not found or min(map(len, found)) < MIN_LITERAL:
        return None
    if pattern.flags & re.IGNORECASE:
        return None  # a case-blind pattern matches text that holds none of its literals as written
    return frozenset(found)


_EXACT_LIMIT = 256  # the most strings an exact set may hold before it is given up


def _sequence(items: Iterable[tuple[object, object]]) -> set[str] | None:
    """The best literal set for a sequence of nodes.

    Consecutive nodes that each match one of a small, known set of strings (a literal, a short
    alternation of literals, an optional letter) are joined: ``(?:he|she)'?s (?:1[89]|2\\d)``
    requires one of ``he's``, ``hes``, ``she's``, ``shes``. Otherwise a part's own set is a candidate.
    The best candidate is the one whose shortest string is longest.
    """
    candidates: list[set[str]] = []
    run: set[str] | None = None  # the strings the current run of exact nodes can match

    def end_run() -> None:
        nonlocal run
        if run and "" not in run:
            candidates.append(run)
        run = None

    for op, av in items:
        exact = _exact(op, av)
        if exact is not None:
            joined = {a + b for a in (run or {""}) for b in exact}
            if len(joined) <= _EXACT_LIMIT:
                run = joined
                continue
            end_run()
            run = exact
            continue
        end_run()
        part: set[str] | None = None
        if op is sre.SUBPATTERN:
            part = _sequence(av[-1])  # type: ignore[index]
        elif op is sre.ATOMIC_GROUP:
            part = _sequence(av)  # type: ignore[arg-type]
        elif op is sre.BRANCH:
            part = _alternatives(av[1])  # type: ignore[index]
        elif op in _REPEATS and av[0] >= 1:  # type: ignore[index]
            part = _sequence(av[2])  # type: ignore[index]
        if part:
            candidates.append(part)
    end_run()
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _exact(op: object, av: object) -> set[str] | None:
    """The complete, small set of strings a node can match, or None."""
    if op is sre.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return {""}
    if op is sre.IN:
        items = av  # type: ignore[assignment]
        if all(kind is sre.LITERAL for kind, _ in items) and len(items) <= 8:  # type: ignore[attr-defined]
            return {chr(code) for _, code in items}  # type: ignore[attr-defined]
        return None
    if op is sre.SUBPATTERN:
        return _exact_sequence(av[-1])  # type: ignore[index]
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            part = _exact_sequence(branch)
            if part is None:
                return None
            out |= part
        return out if len(out) <= _EXACT_LIMIT else None
    if op in _REPEATS and av[1] == 1:  # type: ignore[index]  # x? or x{1}
        part = _exact_sequence(av[2])  # type: ignore[index]
        if part is None:
            return None
        return part | {""} if av[0] == 0 else part  # type: ignore[index]
    return None


def _exact_sequence(items: Iterable[tuple[object, object]]) -> set[str] | None:
    out = {""}
    for op, av in items:
        part = _exact(op, av)
        if part is None:
            return None
        out = {a + b for a in out for b in part}
        if len(out) > _EXACT_LIMIT:
            return None
    return out


def _alternatives(branches: Sequence[Iterable[tuple[object, object]]]) -> set[str] | None:
    out: set[str] = set()
    for branch in branches:
        part = _sequence(branch)
        if not part:
            return None  # this branch can match without any literal we know of
        out |= part
    return out


class _Vocabulary:
    """Every literal any gate needs, in one automaton, so a text is scanned once for all gates."""

    def __init__(self) -> None:
        self.literals: set[str] = set()
        self.automaton: ahocorasick.Automaton | None = None

    def add(self, literals: set[str]) -> None:
        if literals - self.literals:
            self.literals |= literals
            self.automaton = None
            present.cache_clear()

    def scan(self, text: str) -> frozenset[str]:
        automaton = self.automaton
        if automaton is None:
            if not self.literals:
                return frozenset()
            automaton = ahocorasick.Automaton()
            for literal in self.literals:
                automaton.add_word(literal, literal)
            automaton.make_automaton()
            self.automaton = automaton
        return frozenset(literal for _, literal in automaton.iter(text))


_VOCABULARY = _Vocabulary()


@functools.lru_cache(maxsize=16)
def present(text: str) -> frozenset[str]:
    """The gate literals that occur in ``text`` (cached: every detector asks about the same text)."""
    return _VOCABULARY.scan(text)


class LiteralGate:
    """Which of a list of patterns could match a text.

    ``gates`` holds, per position, the patterns that must all be able to match (a rule's pattern and
    its ``needs`` pattern); a position with no usable literals is always open.
    """

    def __init__(self, gates: Sequence[Sequence[re.Pattern[str] | None]]) -> None:
        self._requirements: list[tuple[frozenset[str], ...]] = []
        literals: set[str] = set()
        for patterns in gates:
            sets = tuple(s for p in patterns if p is not None and (s := required_literals(p)) is not None)
            self._requirements.append(sets)
            for s in sets:
                literals |= s
        _VOCABULARY.add(literals)

    def open(self, text: str) -> list[bool]:
        """Per position: could the patterns match ``text``? (False means certainly not.)"""
        found = present(text)
        return [all(not s.isdisjoint(found) for s in sets) for sets in self._requirements]
