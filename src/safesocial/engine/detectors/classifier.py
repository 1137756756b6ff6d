"""Linear text classifiers scored with numpy alone.

``scripts/train_classifiers.py`` fits two logistic-regression models on hashed character and word
n-grams (``textfeatures.featurise``) plus a few lexicon counts (``lexicon_features``) and saves them
to ``data/classifiers.npz``: weights as float16, the bias, the decision threshold chosen on held-out
data, and the feature spec. ``offensive`` is trained on OLID, Davidson et al. and SafeSocial's own
school sentences; ``hate`` on ToxiGen's hateful versus neutral statements about groups. Scoring a
post is one sparse dot product: no scikit-learn at run time.
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
import numpy.typing as npt

from .lexicon import Hit, Token, lexicon_hits, load_lexicon, tokens
from .textfeatures import FeatureSpec, featurise, normalise

ARTEFACT = "classifiers.npz"
DENSE_FEATURES = (
    "profanity",
    "insult",
    "threat",
    "harassment",
    "slur",
    "group",
    "derogation",
    "exclusion",
    "counter",
    "any_offensive",
    "second_person",
    "mild",
)
_SECOND = frozenset({"you", "your", "you're", "youre", "u", "ur", "yourself", "ya"})


def lexicon_features(toks: list[Token] | tuple[Token, ...], text: str | None = None) -> npt.NDArray[np.float32]:
    """Counts of lexicon hits by section, capped and scaled to 0..1, in DENSE_FEATURES order.

    With ``text`` (the text the tokens came from) the hits come from the shared per-text cache.
    """
    toks = list(toks)
    counts = dict.fromkeys(DENSE_FEATURES, 0.0)
    if text is not None:
        off_hits: Sequence[Hit] = lexicon_hits("offensive_terms.txt", text)
        dis_hits: Sequence[Hit] = lexicon_hits("discriminatory_terms.txt", text)
    else:
        off_hits = load_lexicon("offensive_terms.txt").find(toks)
        dis_hits = load_lexicon("discriminatory_terms.txt").find(toks)
    for hit in off_hits:
        counts[hit.section] = counts.get(hit.section, 0.0) + 1
    for hit in dis_hits:
        section = hit.section.split(":", 1)[0]
        key = {"slur": "slur", "reclaimable": "slur", "group": "group"}.get(section, section)
        if key in counts:
            counts[key] += 1
    counts["any_offensive"] = 1.0 if counts["profanity"] + counts["insult"] + counts["threat"] + counts["slur"] else 0.0
    counts["second_person"] = 1.0 if any(t.text in _SECOND for t in toks) else 0.0
    return np.array([min(counts[k], 3.0) / 3.0 for k in DENSE_FEATURES], dtype=np.float32)


@dataclass(frozen=True)
class LinearModel:
    name: str
    weights: npt.NDArray[np.float32]
    dense: npt.NDArray[np.float32]
    bias: float
    threshold: float
    spec: FeatureSpec

    def score(self, text: str, toks: list[Token] | tuple[Token, ...] | None = None) -> float:
        """Probability-like score in 0..1."""
        idx, vals = featurise(normalise(text), self.spec)
        z = float(np.dot(self.weights[idx], vals)) + self.bias
        dense = lexicon_features(toks, text) if toks is not None else lexicon_features(tokens(text))
        z += float(np.dot(self.dense, dense))
        return float(1.0 / (1.0 + np.exp(-z)))


def save_models(path: str, models: list[LinearModel], meta: dict[str, object]) -> None:
    arrays: dict[str, npt.NDArray[np.generic]] = {}
    header: dict[str, object] = {"models": [], **meta}
    for m in models:
        arrays[f"{m.name}_w"] = m.weights.astype(np.float16)
        arrays[f"{m.name}_dense"] = m.dense.astype(np.float32)
        header["models"].append(  # type: ignore[attr-defined]
            {"name": m.name, "bias": m.bias, "threshold": m.threshold, "spec": m.spec.as_dict()}
        )
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


@functools.cache
def load_models() -> dict[str, LinearModel]:
    """The trained models shipped with the package, or {} if the artefact is missing."""
    ref = resources.files("safesocial.engine.detectors") / "data" / ARTEFACT
    try:
        raw = ref.read_bytes()
    except FileNotFoundError:
        return {}
    with np.load(io.BytesIO(raw)) as data:
        header = json.loads(bytes(data["header"]).decode())
        out = {}
        for entry in header["models"]:
            name = entry["name"]
            out[name] = LinearModel(
                name=name,
                weights=data[f"{name}_w"].astype(np.float32),
                dense=data[f"{name}_dense"].astype(np.float32),
                bias=float(entry["bias"]),
                threshold=float(entry["threshold"]),
                spec=FeatureSpec.from_dict(entry["spec"]),
            )
    return out


def artefact_header() -> dict[str, object]:
    ref = resources.files("safesocial.engine.detectors") / "data" / ARTEFACT
    with np.load(io.BytesIO(ref.read_bytes())) as data:
        header: dict[str, object] = json.loads(bytes(data["header"]).decode())
    return header
