"""The literal pre-check is exact: it may only skip a pattern that could not have matched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from safesocial.engine import corpus
from safesocial.engine.checker import Item, judge
from safesocial.engine.detectors import confidential, contact_boundary, disrepute, promotion, pupil_image, safeguarding
from safesocial.engine.detectors.prefilter import LiteralGate, required_literals
from safesocial.engine.detectors.textfeatures import fold
from safesocial.engine.model import AdoptedPolicy
from safesocial.engine.packs import load_pack

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bhello world\b", {"hello world"}),  # zero-width \b does not break a run
        (r"\b(?:drunk|pissed) at work\b", {"drunk at work", "pissed at work"}),  # small exact sets are joined
        (r"\b(?:drunk|pissed|hammered)\b", {"drunk", "pissed", "hammered"}),
        (r"colou?r", {"color", "colour"}),  # an optional letter doubles the run
        (r"a{0,3}bcd", {"bcd"}),  # a repeat that may be absent gives nothing
        (r"[a-z]+ing (?:to|for) school", {"ing to school", "ing for school"}),
        (r"\w+ (?:at|in) [a-z]+ (?:school|class)", {" school", " class"}),  # the longest shortest string wins
        (r"(?:xyz)+ing", {"xyz"}),  # a repeat that must be present gives its own
        (r"(?:abc|)def", {"abcdef", "def"}),  # an empty branch is one of the exact strings
        (r"ab(?!x)cd", {"abcd"}),  # a look-ahead consumes nothing
        (r"(?:sent|send) me (?:a )?pic", {"sent me pic", "sent me a pic", "send me pic", "send me a pic"}),
    ],
)
def test_required_literals(pattern, expected):
    assert required_literals(re.compile(pattern)) == frozenset(expected)


@pytest.mark.parametrize(
    "pattern",
    [
        r"[a-z]+",  # no literal at all
        r"(?:abc|)",  # may match the empty string
        r"ab|cd",  # only short literals
        r"\d{5}",
        r"(?:dog|[a-z]at)",  # one branch has no literal
    ],
)
def test_no_useful_literals(pattern):
    assert required_literals(re.compile(pattern)) is None


def test_case_blind_patterns_are_never_gated():
    assert required_literals(re.compile("hello world", re.IGNORECASE)) is None
    gate = LiteralGate([(re.compile("hello world", re.IGNORECASE),)])
    assert gate.open("HELLO WORLD") == [True]


def test_gate_needs_every_pattern_of_a_position():
    gate = LiteralGate([(re.compile(r"\bdrunk\b"), re.compile(r"\bschool\b")), (re.compile(r"\bparty\b"), None)])
    assert gate.open("drunk at school") == [True, False]
    assert gate.open("drunk at the party") == [False, True]
    assert gate.open("nothing here") == [False, False]


def _texts() -> list[str]:
    texts = [c.text for c in corpus.generate(3000, seed=7)]
    for name in ("dev.jsonl", "holdout.jsonl"):
        with (ROOT / "tests/data/checker" / name).open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh)
    return list(dict.fromkeys(texts))


def _gated_patterns() -> list[re.Pattern[str]]:
    patterns = [p for _, _, p in confidential._TOPICS] + [p for _, p in contact_boundary._HOW]
    for module in (safeguarding, disrepute, promotion, pupil_image):
        for r in module.RULES:
            patterns.append(r.pattern)
            if r.needs is not None:
                patterns.append(r.needs)
    return patterns


def test_every_match_of_every_gated_pattern_holds_one_of_its_literals():
    texts = [fold(t) for t in _texts()]
    checked = 0
    for pattern in _gated_patterns():
        literals = required_literals(pattern)
        if literals is None:
            continue
        for text in texts:
            m = pattern.search(text)
            if m is not None:
                assert any(lit in m.group(0) for lit in literals), (pattern.pattern[:60], m.group(0))
                checked += 1
    assert checked > 500  # the texts exercise the patterns, so the property is tested, not vacuous


def test_judgements_are_the_same_with_the_gate_open(monkeypatch, oakfield):
    policy = AdoptedPolicy.adopt(load_pack("walsall"))
    items = [Item(t, role="staff") for t in _texts()[:1500]] + [
        Item(t, role="pupil", kind="message", recipient_role="staff") for t in _texts()[-300:]
    ]
    gated = [judge(it, policy, oakfield).as_dict() for it in items]
    monkeypatch.setattr(LiteralGate, "open", lambda self, text: [True] * len(self._requirements))
    ungated = [judge(it, policy, oakfield).as_dict() for it in items]
    assert gated == ungated
    assert sum(1 for j in gated if j["verdict"] != "ok") > 200
