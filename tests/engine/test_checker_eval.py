"""Accuracy floors on the labelled sets and OLID (generous: they catch regressions, not noise)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from safesocial.commands.check import evaluate, read_cases
from safesocial.engine.detectors.classifier import load_models

ROOT = Path(__file__).resolve().parents[2]
OLID = Path(__file__).resolve().parents[3] / "shared" / "data" / "olid"


def test_dev_set_is_big_and_covers_every_category_role_and_pack():
    cases = read_cases(str(ROOT / "tests/data/checker/dev.jsonl"))
    assert len(cases) >= 400
    cats = {c for case in cases for c in case["expected_categories"]}
    from safesocial.engine.vocab import CATEGORIES, CHECKER_ROLES

    assert cats == set(CATEGORIES)
    assert {c["role"] for c in cases} == set(CHECKER_ROLES)
    assert {c["policy"] for c in cases} == {"walsall", "welton", "waterville", "bitterne-park", "community-2025"}
    assert sum(1 for c in cases if not c["expected_categories"]) > 100  # hard negatives


def test_dev_set_accuracy_floor():
    report = evaluate(read_cases(str(ROOT / "tests/data/checker/dev.jsonl")))
    assert report["verdict_accuracy"] >= 0.95
    assert report["micro_precision"] >= 0.9 and report["micro_recall"] >= 0.9


def test_holdout_set_accuracy_floor():
    report = evaluate(read_cases(str(ROOT / "tests/data/checker/holdout.jsonl")))
    assert report["verdict_accuracy"] >= 0.9


def test_blind_holdout_set_accuracy_floor():
    # written without sight of the detectors; 0.81 before the Nov 2026 recall work, 0.85 after
    report = evaluate(read_cases(str(ROOT / "tests/data/checker/holdout2.jsonl")))
    assert report["verdict_accuracy"] >= 0.82
    assert report["micro_precision"] >= 0.7


@pytest.mark.skipif(not OLID.is_dir(), reason="shared/data/olid is not available")
def test_olid_level_a_macro_f1_floor():
    with open(OLID / "testset-levela.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open(OLID / "labels-levela.csv", encoding="utf-8") as fh:
        labels = {r["id"]: r["label"] == "OFF" for r in csv.DictReader(fh)}
    model = load_models()["offensive"]
    y = np.array([labels[r["id"]] for r in rows])
    p = np.array([model.score(r["tweet"]) >= model.threshold for r in rows])
    f1s = []
    for positive in (True, False):
        tp = np.sum((p == positive) & (y == positive))
        fp = np.sum((p == positive) & (y != positive))
        fn = np.sum((p != positive) & (y == positive))
        f1s.append(2 * tp / (2 * tp + fp + fn))
    macro = float(np.mean(f1s))
    assert macro >= 0.75, macro  # a profanity baseline gets about 0.73
