"""Precision and recall of matching on a labelled set of exports (tests/data/exports/labels.json).

labels.json::

    {"directory": "../directories/riverside",          # relative to the labels file
     "files": {"facebook/your_friends.json": [
         {"name": "Siobhán Ní Bhriain", "handle": "", "person_id": "R001"},
         {"name": "Jack Thompson", "handle": "", "person_id": null, "ambiguous": ["R012", "R014"]},
         {"name": "Emma Watson", "handle": "", "person_id": null}]}}

Every connection read from a labelled file must carry a label (matched by name and handle). For a
label with a person_id: the matcher naming that person is a true positive; naming another person a
false positive (and a false negative); naming nobody, or being ambiguous, a false negative. For a
label of nobody: naming anyone, or being ambiguous, is a false positive. A label "ambiguous" (the
name alone cannot tell) is right when the matcher reports exactly those candidates; such labels are
counted apart, outside precision and recall.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..directory import load_directory
from .exports import read_export
from .matcher import Matcher


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    ambiguous_right: int = 0
    ambiguous_wrong: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn
        self.ambiguous_right += other.ambiguous_right
        self.ambiguous_wrong += other.ambiguous_wrong
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "true_positives": self.tp,
            "false_positives": self.fp,
            "false_negatives": self.fn,
            "true_negatives": self.tn,
            "ambiguous_right": self.ambiguous_right,
            "ambiguous_wrong": self.ambiguous_wrong,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "mistakes": list(self.errors),
        }


@dataclass
class Report:
    files: dict[str, Score]
    total: Score

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total.as_dict(), "files": {f: s.as_dict() for f, s in self.files.items()}}

    def summary(self) -> str:
        t = self.total
        lines = [
            f"Matching on {sum(s.tp + s.fp + s.fn + s.tn + s.ambiguous_right + s.ambiguous_wrong for s in self.files.values())} "
            f"labelled connections in {len(self.files)} files:",
            f"  precision {t.precision:.3f}  recall {t.recall:.3f}  "
            f"(TP {t.tp}, FP {t.fp}, FN {t.fn}, TN {t.tn}; ambiguous right {t.ambiguous_right}, wrong {t.ambiguous_wrong})",
        ]
        for name, s in self.files.items():
            lines.append(f"  {name:42} P {s.precision:.2f} R {s.recall:.2f}  TP {s.tp} FP {s.fp} FN {s.fn} TN {s.tn}")
        if t.errors:
            lines.append("Mistakes:")
            lines.extend(f"  {e}" for e in t.errors)
        return "\n".join(lines)


def evaluate_labels(path: str | Path) -> Report:
    labels_path = Path(path)
    doc = json.loads(labels_path.read_text(encoding="utf-8"))
    directory = load_directory(labels_path.parent / doc["directory"])
    matcher = Matcher(directory)
    files: dict[str, Score] = {}
    total = Score()
    for rel, entries in doc["files"].items():
        score = Score()
        export = read_export(labels_path.parent / rel)
        truth = {(e.get("name", ""), e.get("handle", "")): e for e in entries}
        seen: set[tuple[str, str]] = set()
        for connection in export.connections:
            key = (connection.name, connection.handle)
            label = truth.get(key)
            if label is None:
                score.errors.append(f"{rel}: {key} has no label")
                continue
            seen.add(key)
            found = matcher.match(connection)
            predicted = found.person_id if found else None
            candidates = sorted(c.person_id for c in found.candidates) if found else []
            shown = connection.name or connection.handle
            expected = label.get("person_id")
            if label.get("ambiguous"):
                if found is not None and found.ambiguous and candidates == sorted(label["ambiguous"]):
                    score.ambiguous_right += 1
                else:
                    score.ambiguous_wrong += 1
                    score.errors.append(f"{rel}: {shown!r} should be ambiguous {label['ambiguous']}, got {candidates}")
            elif expected is None:
                if found is None:
                    score.tn += 1
                else:
                    score.fp += 1
                    score.errors.append(f"{rel}: {shown!r} is nobody at the school, matched {candidates}")
            elif predicted == expected:
                score.tp += 1
            else:
                score.fn += 1
                if predicted is not None:
                    score.fp += 1
                score.errors.append(f"{rel}: {shown!r} is {expected}, matched {candidates or 'nobody'}")
        for key in truth:
            if key not in seen:
                score.errors.append(f"{rel}: labelled {key} was not read from the file")
        files[rel] = score
        total.add(score)
    return Report(files, total)
