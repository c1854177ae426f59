"""Training and evaluation of the ``defamatory`` artefact (``models/defamatory/v1``).

Training data is ``data/defamation/train.jsonl`` (see its README). Each draft is split into
sentences by the shared spaCy pipeline; a sentence is an allegation of kind K when it overlaps a
gold span of kind K (including allegations about nobody identifiable: the detector's target
check, not the classifier, rules those out). Sentences are encoded with the shared MiniLM
encoder and two heads are fitted:

- ``allegation.skops``: allegation vs not, logistic regression calibrated with Platt scaling
  (``CalibratedClassifierCV``, 5 folds), so the score is a probability the policy's threshold
  can be read against;
- ``kind.skops``: which of the ten kinds, multinomial logistic regression on allegation sentences.

``evaluate`` runs the real detector (rules + heads) on the held-out, workplace and clean drafts.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from screening.artefacts import git_revision, library_versions, write_metadata
from screening.training import read_jsonl

logger = logging.getLogger(__name__)

NAME = "defamatory"
VERSION = "v1"
THRESHOLD = 0.5  # matches the policy's `defamatory.threshold`; see the model card
ALLEGATION_C = 4.0
KIND_C = 8.0
SEED = 0
EVAL_FILES = ("heldout.jsonl", "workplace.jsonl", "clean.jsonl")
TRAIN_FILES = ("train.jsonl", "background_presidio.jsonl")


def sentence_table(rows: Sequence[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Every sentence of every row with its allegation label (a kind or ``"none"``)."""
    from screening.detectors.defamatory import split_sentences
    from screening.nlp import load_spacy

    texts: list[str] = []
    labels: list[str] = []
    for row, doc in zip(rows, load_spacy().pipe([r["text"] for r in rows], batch_size=64), strict=True):
        for unit in split_sentences(doc):
            if unit.cues.official:
                # The detector never scores an official report with its source ("HSE reports that
                # X was fined ..."): as a negative it would only teach the head that the words of
                # the outcome ("convicted of bribery") are not an allegation.
                continue
            label = "none"
            for span in row["spans"]:
                overlap = min(unit.end, span["end"]) - max(unit.start, span["start"])
                if overlap > 0.5 * min(unit.end - unit.start, span["end"] - span["start"]):
                    label = span["label"]
            texts.append(unit.masked)
            labels.append(label)
    return texts, labels


def _encode(texts: list[str]) -> np.ndarray:
    from screening.encoder import load_encoder

    return np.asarray(load_encoder().encode(texts), dtype=np.float32)


def _encoder_identity() -> dict[str, Any]:
    """What the heads were trained on top of, recorded so a different encoder is noticed."""
    from screening import encoder

    identity: dict[str, Any] = {"module": encoder.__name__}
    for attribute in ("ENCODER_NAME", "ENCODER_VERSION", "ARTEFACT_NAME", "ARTEFACT_VERSION"):
        if hasattr(encoder, attribute):
            identity[attribute.lower()] = getattr(encoder, attribute)
    return identity


def build_heads(embeddings: np.ndarray, labels: list[str]) -> tuple[Any, Any]:
    """Fit the calibrated allegation head and the kind head."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    y = np.array([label != "none" for label in labels], dtype=int)
    allegation = CalibratedClassifierCV(
        LogisticRegression(C=ALLEGATION_C, max_iter=2000, class_weight="balanced"),
        method="sigmoid",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
    ).fit(embeddings, y)
    positive = y == 1
    kind = LogisticRegression(C=KIND_C, max_iter=3000, class_weight="balanced").fit(
        embeddings[positive], np.array(labels)[positive]
    )
    return allegation, kind


def _cross_validated(embeddings: np.ndarray, labels: list[str]) -> dict[str, float]:
    """Out-of-fold sentence-level figures on the training data (for the model card)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score, precision_score, recall_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    y = np.array([label != "none" for label in labels], dtype=int)
    predicted = cross_val_predict(
        LogisticRegression(C=ALLEGATION_C, max_iter=2000, class_weight="balanced"), embeddings, y,
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
    )
    return {
        "cv_sentence_precision": round(float(precision_score(y, predicted)), 4),
        "cv_sentence_recall": round(float(recall_score(y, predicted)), 4),
        "cv_sentence_f1": round(float(f1_score(y, predicted)), 4),
    }


def train(data_dir: Path, models_dir: Path) -> dict[str, Any]:
    """Fit both heads on ``data_dir/defamation/train.jsonl``; write ``models_dir/defamatory/v1``."""
    import skops.io as sio

    started = time.perf_counter()
    train_paths = [p for p in (_data_folder(data_dir) / name for name in TRAIN_FILES) if p.is_file()]
    rows = [row for path in train_paths for row in read_jsonl(path)]
    texts, labels = sentence_table(rows)
    embeddings = _encode(texts)
    allegation, kind = build_heads(embeddings, labels)
    metrics: dict[str, Any] = {
        "train_drafts": len(rows),
        "train_sentences": len(texts),
        "train_sentence_labels": dict(sorted(Counter(labels).items())),
        **_cross_validated(embeddings, labels),
    }
    folder = models_dir / NAME / VERSION
    folder.mkdir(parents=True, exist_ok=True)
    sio.dump(allegation, folder / "allegation.skops")
    sio.dump(kind, folder / "kind.skops")
    report = evaluate(data_dir, models_dir, None, _write_metadata=(folder, train_paths, metrics))
    metrics.update(report["summary"])
    logger.info("trained %s/%s in %.1fs", NAME, VERSION, time.perf_counter() - started)
    return metrics


def _data_folder(data_dir: Path) -> Path:
    """Accept either the repository's ``data/`` or ``data/defamation/`` itself."""
    return data_dir if (data_dir / "train.jsonl").is_file() else data_dir / "defamation"


def _sha256_files(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


# -- evaluation -------------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def score_file(detector: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Draft-level figures for one data file, broken down by kind, negative type and pair."""
    from screening.detectors.base import Draft
    from screening.nlp import load_spacy

    docs = list(load_spacy().pipe([r["text"] for r in rows], batch_size=64))
    drafts = [Draft(text=r["text"], language="en", doc=d) for r, d in zip(rows, docs, strict=True)]
    detections = detector.detect(drafts)

    tp = fp = fn = tn = 0
    kind_right = 0
    per_kind: dict[str, Counter[str]] = defaultdict(Counter)
    per_neg: dict[str, Counter[str]] = defaultdict(Counter)
    per_assertion: dict[str, Counter[str]] = defaultdict(Counter)
    spans_hit = 0
    pair_outcome: dict[str, list[bool]] = defaultdict(list)
    severities: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for row, detection in zip(rows, detections, strict=True):
        findings = sorted(detection.findings, key=lambda f: -f.score)
        flagged = bool(findings)
        gold = row.get("label", "none")  # corporate/clean.jsonl rows are unlabelled clean posts
        predicted = findings[0].label if findings else "none"
        if gold != "none":
            per_kind[gold]["gold"] += 1
            per_assertion[row["assertion"]]["gold"] += 1
            if flagged:
                tp += 1
                per_kind[gold]["found"] += 1
                per_assertion[row["assertion"]]["found"] += 1
                kind_right += predicted == gold
                severities[findings[0].severity] += 1
                if any(f.start < s["end"] and f.end > s["start"] for f in findings for s in row["spans"]):
                    spans_hit += 1
            else:
                fn += 1
        else:
            neg_type = row.get("neg_type") or row.get("kind") or "other"
            per_neg[neg_type]["total"] += 1
            if flagged:
                fp += 1
                per_neg[neg_type]["flagged"] += 1
            else:
                tn += 1
        if flagged:
            per_kind[predicted]["predicted"] += 1
            per_kind[predicted]["predicted_correct_kind"] += predicted == gold
            per_kind[predicted]["predicted_defamatory"] += gold != "none"
        if row.get("pair"):
            pair_outcome[row["pair"]].append(flagged == (gold != "none"))
        if flagged != (gold != "none"):
            errors.append({"id": row["id"], "gold": gold, "predicted": predicted,
                           "score": findings[0].score if findings else detection.scores.get("defamatory", 0.0)})
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = (round(2 * precision * recall / (precision + recall), 4)
          if precision is not None and recall is not None and precision + recall else None)
    return {
        "drafts": len(rows),
        "positives": tp + fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "flagged_rate": _ratio(tp + fp, len(rows)),
        "kind_accuracy_on_detected": _ratio(kind_right, tp),
        "span_overlaps_gold_allegation": _ratio(spans_hit, tp),
        "per_kind": {
            kind: {
                "gold": c["gold"], "recall": _ratio(c["found"], c["gold"]),
                "predicted": c["predicted"],
                "precision": _ratio(c["predicted_defamatory"], c["predicted"]),
                "precision_same_kind": _ratio(c["predicted_correct_kind"], c["predicted"]),
            }
            for kind, c in sorted(per_kind.items())
        },
        "per_assertion_recall": {a: _ratio(c["found"], c["gold"]) for a, c in sorted(per_assertion.items())},
        "negatives_flagged": {n: {"total": c["total"], "flagged": c["flagged"],
                                  "false_positive_rate": _ratio(c["flagged"], c["total"])}
                              for n, c in sorted(per_neg.items())},
        "minimal_pairs_all_correct": _ratio(sum(all(v) for v in pair_outcome.values()), len(pair_outcome)),
        "severity_of_detected": dict(sorted(severities.items())),
        "errors": errors,
    }


def evaluate(data_dir: Path, models_dir: Path, report_dir: Path | None,
             _write_metadata: tuple[Path, list[Path], dict[str, Any]] | None = None) -> dict[str, Any]:
    """Run the detector on the held-out, workplace and clean drafts; write a report if asked."""
    from screening.detectors.defamatory import DefamatoryDetector

    folder = _data_folder(data_dir)
    if _write_metadata is not None:
        # Hashes must exist before the detector can load the new artefact; metrics follow below.
        artefact_dir, train_paths, train_metrics = _write_metadata
        _metadata(artefact_dir, train_paths, train_metrics, {})
    detector = DefamatoryDetector(None, models_root=models_dir)
    detector.load()
    files: dict[str, dict[str, Any]] = {}
    for name in EVAL_FILES:
        files[name] = score_file(detector, read_jsonl(folder / name))
    # Clean corporate posts written for the confidential detector, when present, are a second
    # false-positive check on ordinary posts.
    corporate = folder.parent / "corporate" / "clean.jsonl"
    if corporate.is_file():
        files["corporate/clean.jsonl"] = score_file(detector, read_jsonl(corporate))
    summary = {
        f"{name.removesuffix('.jsonl')}_{key}": value[key]
        for name, value in files.items()
        for key in ("precision", "recall", "flagged_rate")
        # Precision on a set without defamatory drafts says nothing; its flagged rate does.
        if value[key] is not None and (value["positives"] or key == "flagged_rate")
    }
    report = {"summary": summary, "files": files}
    if _write_metadata is not None:
        artefact_dir, train_paths, train_metrics = _write_metadata
        _metadata(artefact_dir, train_paths, train_metrics, {k: {kk: vv for kk, vv in v.items() if kk != "errors"}
                                                              for k, v in files.items()})
    if report_dir is not None:
        report_dir.mkdir(parents=True, exist_ok=True)
        (report_dir / "defamatory.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    # The per-draft error lists stay in the report file; the returned figures are for printing.
    return {"summary": summary,
            "files": {name: {k: v for k, v in value.items() if k != "errors"} for name, value in files.items()}}


def _metadata(folder: Path, train_paths: list[Path], train_metrics: dict[str, Any],
              evaluation: dict[str, Any]) -> None:
    data = sorted(train_paths[0].parent.glob("*.jsonl"))
    write_metadata(folder, {
        "name": NAME,
        "version": VERSION,
        "detector": "defamatory.minilm.v1",
        "threshold": THRESHOLD,
        "encoder": _encoder_identity(),
        "data_sha256": _sha256_files(train_paths),
        "train_files": [p.name for p in train_paths],
        "eval_data_sha256": {p.name: _sha256_files([p]) for p in data},
        "hyperparameters": {"allegation_C": ALLEGATION_C, "kind_C": KIND_C, "calibration": "sigmoid, 5-fold",
                            "seed": SEED},
        "library_versions": library_versions("scikit-learn", "skops", "numpy", "spacy", "onnxruntime"),
        "git_revision": git_revision(),
        "metrics": {"train": train_metrics, "evaluation": evaluation},
    }, files=["allegation.skops", "kind.skops"])
