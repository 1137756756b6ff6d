#!/usr/bin/env python
"""Train SafeSocial's offensive-language and hate classifiers and write the small artefact.

    python scripts/train_classifiers.py [--data /work/shared/data] [--out src/safesocial/engine/detectors/data/classifiers.npz]

Data (read in place, never copied into the repository; see shared/data/README.md for licences):
- OLID v1.0 training set (level A: OFF/NOT), Zampieri et al. 2019;
- Davidson et al. 2017 (hate or offensive vs neither), down-weighted: it is mostly American profanity;
- ToxiGen prompts (hateful vs neutral statements about 15 groups) and Davidson's hate class for the
  hate model;
- SafeSocial's own sentences in UK school contexts from ``safesocial.engine.corpus`` (templated,
  deterministic), so ordinary talk about pupils, Ofsted and workload does not look offensive.

Model: logistic regression (scikit-learn, training only) on hashed char 2-5-grams and word 1-2-grams
(``textfeatures.featurise``) plus lexicon counts (``classifier.lexicon_features``). The decision
threshold is chosen for macro-F1 on a held-out 15% of the training data, then the model is refitted
on everything. The OLID *test* set is only scored at the end and never used for any choice.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from safesocial.engine import corpus  # noqa: E402
from safesocial.engine.detectors.classifier import (  # noqa: E402
    DENSE_FEATURES,
    LinearModel,
    lexicon_features,
    save_models,
)
from safesocial.engine.detectors.lexicon import tokens  # noqa: E402
from safesocial.engine.detectors.textfeatures import FeatureSpec, featurise, normalise  # noqa: E402

SPEC = FeatureSpec(buckets=1 << 18, char_min=2, char_max=5, word_ngrams=2)
DENSE_SCALE = 3.0  # lexicon columns are multiplied by this before fitting (a weaker penalty on them)
csv.field_size_limit(10_000_000)


def read_olid(data: Path) -> tuple[list[str], list[int], list[str], list[int]]:
    with open(data / "olid/olid-training-v1.0.tsv", encoding="utf-8") as fh:
        train = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open(data / "olid/testset-levela.tsv", encoding="utf-8") as fh:
        test = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open(data / "olid/labels-levela.csv", encoding="utf-8") as fh:
        labels = {r["id"]: r["label"] for r in csv.DictReader(fh)}
    return (
        [r["tweet"] for r in train],
        [int(r["subtask_a"] == "OFF") for r in train],
        [r["tweet"] for r in test],
        [int(labels[r["id"]] == "OFF") for r in test],
    )


def read_davidson(data: Path) -> tuple[list[str], list[int]]:
    with open(data / "davidson2017/labeled_data.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [r["tweet"] for r in rows], [int(r["class"] != "2") for r in rows]


def read_davidson_hate(data: Path) -> tuple[list[str], list[int], np.ndarray]:
    """Davidson for the hate model: hate = 1; offensive-but-not-hate and neither = 0 (down-weighted)."""
    with open(data / "davidson2017/labeled_data.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    weights = {"0": 0.3, "1": 0.05, "2": 0.2}
    return (
        [r["tweet"] for r in rows],
        [int(r["class"] == "0") for r in rows],
        np.array([weights[r["class"]] for r in rows]),
    )


def read_toxigen(data: Path) -> tuple[list[str], list[int]]:
    texts: dict[str, int] = {}
    for path in sorted((data / "toxigen-prompts").glob("*_1k.txt")):
        label = 1 if path.name.startswith("hate_") else 0
        for line in path.read_text(encoding="utf-8").splitlines():
            for part in line.split("\\n"):
                text = part.strip().lstrip("-").strip()
                if len(text) > 8 and text not in texts:
                    texts[text] = label
    return list(texts), list(texts.values())


def matrix(texts: list[str]) -> csr_matrix:
    rows, cols, vals = [], [], []
    dense = np.zeros((len(texts), len(DENSE_FEATURES)), dtype=np.float32)
    for i, text in enumerate(texts):
        idx, v = featurise(normalise(text), SPEC)
        rows.append(np.full(len(idx), i))
        cols.append(idx)
        vals.append(v)
        dense[i] = lexicon_features(tokens(text))
    sparse = csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(len(texts), SPEC.buckets)
    )
    return hstack([sparse, csr_matrix(dense * DENSE_SCALE)]).tocsr()


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    best = (0.0, 0.5)
    for th in np.arange(0.2, 0.81, 0.01):
        score = f1_score(y, p >= th, average="macro")
        if score > best[0]:
            best = (float(score), float(th))
    return best


def fit(
    name: str, x: csr_matrix, y: np.ndarray, w: np.ndarray, holdout: np.ndarray, c: float
) -> tuple[LinearModel, float]:
    train = ~holdout
    model = LogisticRegression(C=c, max_iter=4000, class_weight="balanced", solver="liblinear")
    model.fit(x[train], y[train], sample_weight=w[train])
    dev_f1, threshold = best_threshold(y[holdout], model.predict_proba(x[holdout])[:, 1])
    model.fit(x, y, sample_weight=w)
    coef = model.coef_[0]
    linear = LinearModel(
        name=name,
        weights=coef[: SPEC.buckets].astype(np.float16).astype(np.float32),
        dense=(coef[SPEC.buckets :] * DENSE_SCALE).astype(np.float32),
        bias=float(model.intercept_[0]),
        threshold=threshold,
        spec=SPEC,
    )
    return linear, dev_f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="/work/shared/data", type=Path)
    parser.add_argument("--out", default=ROOT / "src/safesocial/engine/detectors/data/classifiers.npz", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    started = time.time()
    rng = np.random.default_rng(args.seed)

    olid_x, olid_y, test_x, test_y = read_olid(args.data)
    dav_x, dav_y = read_davidson(args.data)
    school_x, school_y = corpus.classifier_sentences(seed=args.seed)
    off_texts = olid_x + dav_x + school_x
    off_y = np.array(olid_y + dav_y + school_y)
    off_w = np.concatenate([np.ones(len(olid_x)), np.full(len(dav_x), 0.15), np.full(len(school_x), 0.5)])
    holdout = np.zeros(len(off_texts), dtype=bool)
    holdout[: len(olid_x)] = rng.random(len(olid_x)) < 0.15  # hold out OLID training tweets only
    print(f"offensive: {len(olid_x)} OLID + {len(dav_x)} Davidson + {len(school_x)} school sentences", flush=True)
    x = matrix(off_texts)
    offensive, off_dev = fit("offensive", x, off_y, off_w, holdout, c=1.0)

    tox_x, tox_y = read_toxigen(args.data)
    dav_hate_x, dav_hate_y, dav_hate_w = read_davidson_hate(args.data)
    hate_texts = tox_x + dav_hate_x + school_x
    hate_y = np.array(tox_y + dav_hate_y + [0] * len(school_x))
    hate_w = np.concatenate([np.ones(len(tox_x)), dav_hate_w, np.full(len(school_x), 0.5)])
    hold = rng.random(len(hate_texts)) < 0.1
    print(
        f"hate: {len(tox_x)} ToxiGen statements ({sum(tox_y)} hateful) + {len(dav_hate_x)} Davidson + {len(school_x)} school sentences",
        flush=True,
    )
    hate, hate_dev = fit("hate", matrix(hate_texts), hate_y, hate_w, hold, c=2.0)

    test = matrix(test_x)
    w = np.concatenate([offensive.weights, offensive.dense / DENSE_SCALE])
    z = test @ w + offensive.bias
    p = 1.0 / (1.0 + np.exp(-z))
    olid_f1 = float(f1_score(np.array(test_y), p >= offensive.threshold, average="macro"))
    meta = {
        "trained_with": "scripts/train_classifiers.py",
        "seed": args.seed,
        "offensive": {"heldout_macro_f1": round(off_dev, 4), "threshold": round(offensive.threshold, 3)},
        "hate": {"heldout_macro_f1": round(hate_dev, 4), "threshold": round(hate.threshold, 3)},
        "olid_test_macro_f1": round(olid_f1, 4),
        "data": ["OLID v1.0 (training set)", "Davidson et al. 2017", "ToxiGen prompts", "safesocial.engine.corpus"],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_models(str(args.out), [offensive, hate], meta)
    print(json.dumps(meta, indent=2))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB) in {time.time() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
