"""Text normalisation and hashed n-gram features shared by the classifiers and their training script.

The training script (``scripts/train_classifiers.py``) and the run-time scorer call the same
``featurise`` so the two can never drift apart. Only numpy and the standard library are used at run
time: hashing is deterministic (CRC-32 for words, a polynomial rolling hash for characters), so the
artefact gives the same scores in every process.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

_URL = re.compile(r"https?://\S+|www\.\S+|\burl\b", re.IGNORECASE)
_MENTION = re.compile(r"@\w+")
_REPEAT = re.compile(r"(.)\1{2,}")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[!?]")
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "i", "€": "e"}
)


def fold(text: str) -> str:
    """Lower-case and strip accents (Siobhán -> siobhan, Łucja -> lucja); keeps string length."""
    if text.isascii():
        return text.lower()
    return text.translate(_FoldTable())


class _FoldTable(dict[int, str]):
    """str.translate table that folds each character once and remembers it (shared by all calls)."""

    _memo: dict[int, str] = {}

    def __missing__(self, code: int) -> str:
        folded = self._memo.get(code)
        if folded is None:
            ch = chr(code)
            low = ch.lower()
            if len(low) != 1:
                low = ch
            base = _FOLD_EXTRA.get(low)
            if base is None:
                decomposed = unicodedata.normalize("NFKD", low)
                base = decomposed[0] if decomposed and decomposed[0].isascii() else low
            folded = base
            self._memo[code] = folded
        return folded


_FOLD_EXTRA = {
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ß": "s",
    "æ": "a",
    "œ": "o",
    "’": "'",
    "‘": "'",
    "ı": "i",
    "ŵ": "w",
    "ŷ": "y",
}


def normalise(text: str) -> str:
    """Normalise text for the classifiers: fold, mask URLs and mentions, squeeze repeats."""
    text = _URL.sub(" url ", text)
    text = _MENTION.sub(" @user ", text)
    text = fold(text).replace("#", " ")
    text = _REPEAT.sub(r"\1\1", text)
    return text


def deleet(token: str) -> str:
    """Undo common leetspeak substitutions in one token (sh1t -> shit, @ss -> ass)."""
    return token.translate(_LEET)


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    """How text becomes a hashed feature vector; stored beside the weights in the artefact."""

    buckets: int = 1 << 18
    char_min: int = 2
    char_max: int = 5
    word_ngrams: int = 2
    char_weight: float = 1.0
    word_weight: float = 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "buckets": self.buckets,
            "char_min": self.char_min,
            "char_max": self.char_max,
            "word_ngrams": self.word_ngrams,
            "char_weight": self.char_weight,
            "word_weight": self.word_weight,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureSpec:
        return cls(
            buckets=int(data["buckets"]),
            char_min=int(data["char_min"]),
            char_max=int(data["char_max"]),
            word_ngrams=int(data["word_ngrams"]),
            char_weight=float(data["char_weight"]),
            word_weight=float(data["word_weight"]),
        )


_PRIME = np.uint64(1_000_003)
_MASK = np.uint64(0xFFFFFFFF)


def _char_hashes(text: str, spec: FeatureSpec) -> npt.NDArray[np.uint64]:
    data = np.frombuffer((" " + text + " ").encode("utf-8", "ignore"), dtype=np.uint8).astype(np.uint64)
    size = data.shape[0]
    parts = []
    acc = np.zeros(size, dtype=np.uint64)
    for n in range(1, spec.char_max + 1):
        # acc[i] holds the hash of data[i : i + n]
        if n == 1:
            acc = data.copy()
        else:
            acc = ((acc[:-1] * _PRIME) + data[n - 1 :]) & _MASK
        if n >= spec.char_min:
            parts.append((acc + np.uint64(n * 7919)) & _MASK)
        if acc.shape[0] <= 1:
            break
    if not parts:
        return np.zeros(0, dtype=np.uint64)
    return np.concatenate(parts)


def featurise(text: str, spec: FeatureSpec) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """Sparse feature vector of already normalised text: (sorted bucket indices, L2-normalised values)."""
    words = _WORD.findall(text)
    word_keys = list(words)
    if spec.word_ngrams >= 2:
        word_keys.extend(f"{a} {b}" for a, b in itertools.pairwise(words))
    word_hash = np.fromiter((zlib.crc32(w.encode()) for w in word_keys), dtype=np.uint64, count=len(word_keys))
    char_hash = _char_hashes(" ".join(words), spec)
    buckets = np.uint64(spec.buckets)
    w_idx = (word_hash % buckets).astype(np.int64)
    c_idx = (char_hash % buckets).astype(np.int64)
    idx_parts: list[npt.NDArray[np.int64]] = []
    val_parts: list[npt.NDArray[np.float32]] = []
    for block, weight in ((w_idx, spec.word_weight), (c_idx, spec.char_weight)):
        if block.size == 0:
            continue
        uniq, counts = np.unique(block, return_counts=True)
        vals = (1.0 + np.log(counts)).astype(np.float32)
        vals *= np.float32(weight) / np.float32(np.sqrt(float(np.dot(vals, vals))))
        idx_parts.append(uniq)
        val_parts.append(vals)
    if not idx_parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(idx_parts), np.concatenate(val_parts)
