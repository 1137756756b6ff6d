"""discriminatory.v1: content that attacks or demeans people for a protected characteristic.

Fires on slurs (also obfuscated: leetspeak, swapped or dropped letters, spaced-out or run-together
letters, asterisks), on a group named together with derogation, dehumanisation, exclusion or a
threat in the same sentence - whether stated, asked ("why are X so ...?") or put as an opinion
("I just think X shouldn't teach") - and on hateful statements about a group that the hate
classifier recognises.

Does not fire on counter-speech that quotes or reports hate to denounce it, on neutral or positive
statements about a group, on negated hate ("I don't think X are ..."), on reclaimed in-group use
("as a queer teacher"), or on profanity that attacks nobody.
"""

from __future__ import annotations

import functools
import re

from .base import Analysis, Item, RawFinding, analyse, clip
from .classifier import load_models
from .context import SchoolContext
from .lexicon import lexicon_hits, load_lexicon
from .patterns import CONDEMN, NEGATION, REPORTED

NAME = "discriminatory.v1"

_IN_GROUP = re.compile(
    r"\b(?:as an? (?:\w+ )?|i'?m an? (?:proud )?|i am an? (?:proud )?|we(?:'re| are)? |us |our |my fellow |fellow |proud )$"
)
_NOT_X_BUT = re.compile(
    r"\b(?:i'?m|i am) not (?:a )?(?:racist|homophobic|sexist|transphobic|bigot\w*|xenophobic)\b[^.!?\n]{0,10}\bbut\b"
)
_QUOTED = re.compile(r"[\"“‘'][^\"”’']{1,40}[\"”’']")
_SUBSTITUTE = (("ph", "f"), ("q", "g"), ("kk", "gg"), ("ck", "gg"))
_REAL_WORDS = frozenset(
    {"niger", "nigel", "niggle", "snigger", "sniggers", "faggots", "spastics", "retarded", "trannie", "spicy", "spices", "spicey"}
)


@functools.cache
def _slur_index() -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    """variant -> (slur, characteristic) including one-edit spellings of long slurs; reclaimable set."""
    lex = load_lexicon("discriminatory_terms.txt")
    index: dict[str, tuple[str, str]] = {}
    reclaimable: set[str] = set()
    for section, terms in lex.sections.items():
        kind, _, characteristic = section.partition(":")
        if kind not in ("slur", "reclaimable"):
            continue
        for term in terms:
            base = term.rstrip("*").replace(" ", "")
            if kind == "reclaimable":
                reclaimable.add(base)
            index.setdefault(base, (term, characteristic))
            if len(base) >= 6 and " " not in term:
                for i in range(len(base)):
                    variant = base[:i] + base[i + 1 :]
                    if variant not in _REAL_WORDS:
                        index.setdefault(variant, (term, characteristic))
                for i in range(len(base) - 1):
                    variant = base[:i] + base[i + 1] + base[i] + base[i + 2 :]
                    index.setdefault(variant, (term, characteristic))
    return index, frozenset(reclaimable)


@functools.lru_cache(maxsize=65536)
def _lookup(word: str) -> tuple[str, str] | None:
    index, _ = _slur_index()
    if word in _REAL_WORDS:
        return None
    candidates = [word, re.sub(r"(.)\1+", r"\1\1", word)]
    squeezed = re.sub(r"(.)\1+", r"\1", word)
    candidates.append(squeezed)
    for a, b in _SUBSTITUTE:
        if a in word:
            candidates.append(word.replace(a, b))
    for cand in candidates:
        found = index.get(cand)
        if found is not None:
            return found
        # plural or -y/-s endings of a known slur
        for suffix in ("s", "es", "z", "y", "ies"):
            if cand.endswith(suffix) and cand[: -len(suffix)] in index and len(cand) - len(suffix) >= 4:
                return index[cand[: -len(suffix)]]
    return None


def slur_hits(a: Analysis) -> list[tuple[int, int, str]]:
    """(start, end, characteristic) of slurs in the text, excluding reclaimed in-group use."""
    return list(_slur_hits(a.text))


@functools.lru_cache(maxsize=16)
def _slur_hits(text: str) -> tuple[tuple[int, int, str], ...]:
    a = analyse(text)
    _, reclaimable = _slur_index()
    toks = a.tokens
    out: list[tuple[int, int, str]] = []
    i = 0
    n = len(toks)
    while i < n:
        found = None
        span = (toks[i].start, toks[i].end)
        # spaced-out letters: "f a g g o t", "n.i.g.g.e.r"
        if len(toks[i].text) == 1:
            j = i
            while j < n and len(toks[j].text) == 1 and (j == i or toks[j].start - toks[j - 1].end <= 3):
                j += 1
            if j - i >= 3:
                joined = "".join(t.text for t in toks[i:j])
                found = _lookup(joined)
                if found:
                    span = (toks[i].start, toks[j - 1].end)
                    i = j - 1
        if found is None and len(toks[i].text) >= 2:
            found = _lookup(toks[i].text)
            if found is None and i + 1 < n and toks[i + 1].start - toks[i].end <= 2 and len(toks[i].text) <= 5:
                joined = toks[i].text + toks[i + 1].text
                pair = _lookup(joined)
                if pair and len(joined) >= 5 and _lookup(toks[i + 1].text) is None:
                    found = pair
                    span = (toks[i].start, toks[i + 1].end)
                    i += 1
        if found is not None:
            term, characteristic = found
            base = term.rstrip("*").replace(" ", "")
            before = a.folded[max(a.sentence_of(span[0])[0], span[0] - 30) : span[0]]
            if base in reclaimable and _IN_GROUP.search(before):
                i += 1
                continue
            out.append((span[0], span[1], characteristic))
        i += 1
    # multi-word slurs ("half caste", "jungle bunny")
    for hit in lexicon_hits("discriminatory_terms.txt", a.text):
        if hit.section.startswith("slur") and " " in hit.term and not any(s <= hit.start < e for s, e, _ in out):
            out.append((hit.start, hit.end, hit.section.split(":", 1)[1]))
    return tuple(out)


def _counter_speech(a: Analysis, start: int) -> bool:
    s_start, s_end = a.sentence_of(start)
    sentence = a.folded[s_start:s_end]
    if _NOT_X_BUT.search(sentence):
        return False
    if REPORTED.search(sentence) or CONDEMN.search(sentence):
        return True
    # condemnation in the sentence just after ("Disgusting. That word has no place here.")
    whole = a.folded
    return bool(CONDEMN.search(whole) and (REPORTED.search(whole) or _QUOTED.search(a.text[s_start:s_end])))


class Discriminatory:
    name = NAME
    categories = ("discriminatory",)

    def __init__(self, *, classifier_threshold: float = 0.8, reach: int = 60) -> None:
        if not 0.0 < classifier_threshold < 1.0:
            raise ValueError("discriminatory.v1: classifier_threshold must be between 0 and 1")
        self.threshold = classifier_threshold
        self.reach = reach
        self.lexicon = load_lexicon("discriminatory_terms.txt")
        self.model = load_models().get("hate")

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        out: list[RawFinding] = []
        for start, end, characteristic in slur_hits(a):
            if _counter_speech(a, start):
                continue
            out.append(self._finding(a, start, end, characteristic, "slur", 0.9))
            return out
        hits = lexicon_hits("discriminatory_terms.txt", a.text)
        groups = [h for h in hits if h.section.startswith("group:")]
        attacks = [h for h in hits if h.section in ("derogation", "exclusion")]
        for g in groups:
            s_start, s_end = a.sentence_of(g.start)
            for atk in attacks:
                if not (s_start <= atk.start < s_end) or abs(atk.start - g.end) > self.reach:
                    continue
                lo, hi = min(g.end, atk.start), max(g.end, atk.start)
                between = a.folded[lo:hi]
                lead = a.folded[max(s_start, g.start - 30) : g.start]
                just_before = " ".join(between.split()[-2:]) if atk.start > g.end else ""
                negator = NEGATION.search(just_before) or NEGATION.search(lead)
                if negator and atk.section != "exclusion":
                    continue
                if negator and atk.section == "exclusion" and NEGATION.search(lead):
                    continue
                if _counter_speech(a, g.start):
                    continue
                if self._benign_group_use(a, g.start, atk.start, atk.term):
                    continue
                return [
                    self._finding(
                        a, min(g.start, atk.start), max(g.end, atk.end), g.section.split(":", 1)[1], atk.section, 0.8
                    )
                ]
        if groups and self.model is not None:
            p = self.model.score(a.text, a.tokens)
            if p >= self.threshold:
                g = groups[0]
                s_start, s_end = a.sentence_of(g.start)
                lead = a.folded[s_start : g.start]
                if not NEGATION.search(lead) and not _counter_speech(a, g.start):
                    out.append(self._finding(a, s_start, s_end, g.section.split(":", 1)[1], "classifier", round(p, 3)))
        return out

    @staticmethod
    def _benign_group_use(a: Analysis, group_start: int, attack_start: int, term: str) -> bool:
        """Words like 'sick', 'lazy' or 'burden' next to a group can describe, not attack."""
        window = a.folded[max(0, min(group_start, attack_start) - 40) : max(group_start, attack_start) + 40]
        if re.search(
            r"\b(?:support(?:ing)?|help(?:ing)?|care for|caring for|against|protect|fight|tackl\w+|challenge|reduce|no longer)\b",
            window,
        ):
            return True
        return term in ("sick", "burden", "a burden", "confused", "cheap") and not re.search(
            r"\b(?:are|is) (?:all |just |so )?" + re.escape(term), window
        )

    def _finding(self, a: Analysis, start: int, end: int, characteristic: str, how: str, score: float) -> RawFinding:
        label = characteristic.replace("_", " ")
        explanation = {
            "slur": f"The text uses a slur relating to {label}.",
            "derogation": f"The text demeans people for a protected characteristic ({label}).",
            "exclusion": f"The text would deny people rights or a place because of a protected characteristic ({label}).",
            "classifier": f"The hate classifier reads this as an attack on people for a protected characteristic ({label}).",
        }[how]
        return RawFinding(
            "discriminatory",
            (start, end),
            clip(a.text, start, end),
            explanation,
            NAME,
            score,
            frozenset({characteristic, how}),
            subtype=how,
        )
