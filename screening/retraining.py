"""Retrain a shipped model with reviewers' decisions, compare it with the shipped one, promote only if not worse.

The loop (``notebooks/README.md`` walks through it):

1. ``screening export-decisions -o decisions.jsonl`` writes one row per reviewer decision.
2. :func:`retrain` turns the rows that concern one model into that model's training rows (an
   :class:`Adapter` says how), appends them to a copy of its training file, trains a candidate
   with the model's own ``train`` into a scratch models folder, and evaluates candidate and
   shipped artefact with the model's own ``evaluate`` on the *same* validation data.
3. The candidate is written to a new version folder ``models/<name>/v<N+1>/`` with the
   comparison (``retraining.json``). With ``promote=True`` and a candidate that is not worse on
   any headline metric, it replaces the files of the version the detector loads (the previous
   files are kept under ``models/<name>/retired/``).

Detectors pin the artefact version they load (``ARTEFACT_VERSION``), so promoting means putting
the candidate's verified files in that folder; the new version folder remains as the record.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from screening.artefacts import MODELS_ENV
from screening.errors import InputError
from screening.evaluation.explore import evaluate_model, models_env

logger = logging.getLogger(__name__)

NOT_ACCEPTABLE = frozenset({"reject", "request_changes"})


@dataclass(frozen=True, slots=True)
class Metric:
    """A headline figure read from a model's evaluate() dict, and which direction is better."""

    name: str
    read: Callable[[dict[str, Any]], float | None]
    higher_is_better: bool = True


def _label(row: dict[str, Any]) -> str:
    return str(row["label"])


@dataclass(frozen=True, slots=True)
class Adapter:
    """How decisions become training rows for one model, and which figures decide promotion."""

    model: str  # key in screening.training.TRAINERS
    category: str
    artefact: str  # models/<artefact>/
    pinned_version: str  # the version folder its detector loads
    train_file: str  # relative to the data folder
    to_row: Callable[[dict[str, Any]], dict[str, Any] | None]
    metrics: tuple[Metric, ...] = field(default_factory=tuple)
    # Trainer-module attributes replaced in quick mode (small data, CI): searches that only
    # inform the model card, not the artefact.
    quick: dict[str, Any] = field(default_factory=dict)
    # Other folders of the data folder the trainer reads (train_file's own folder is always copied).
    data_folders: tuple[str, ...] = ()
    # What a training row counts as in the report's added-rows summary.
    row_label: Callable[[dict[str, Any]], str] = _label


def _category_labels(decision: dict[str, Any], category: str) -> list[str]:
    """The finding labels of ``category``, highest score first (older exports: none known)."""
    findings = [f for f in decision.get("findings") or [] if f.get("category") == category]
    return [f["label"] for f in sorted(findings, key=lambda f: -(f.get("score") or 0.0))]


def _confidential_row(decision: dict[str, Any]) -> dict[str, Any] | None:
    """Approved: the text is not confidential (``none``). Rejected with a confidential finding: its
    sub-type. Rejected without one: the reviewer objected to something else, so no label."""
    from screening.detectors.confidential import ConfidentialDetector
    from screening.nlp import detect_language
    from screening.policy import load_policy

    text = decision["text"]
    base = {"id": f"decision-{decision['submission_id']}-v{decision['version']}", "text": text,
            "language": detect_language(text), "source": "reviewer-decision"}
    if decision["action"] == "approve":
        return {**base, "label": "none"}
    if decision["action"] not in NOT_ACCEPTABLE:
        return None
    detector = ConfidentialDetector(load_policy())
    for label in _category_labels(decision, "confidential"):
        subtype = detector.subtype_of(label)
        if subtype:
            return {**base, "label": subtype}
    return None


def _defamatory_row(decision: dict[str, Any]) -> dict[str, Any] | None:
    """Approved: no allegation. Rejected with a defamatory finding: the whole draft carries it
    (reviewers judge drafts, not sentences, so the span is the draft)."""
    text = decision["text"]
    base = {"id": f"decision-{decision['submission_id']}-v{decision['version']}", "text": text,
            "source": "reviewer-decision"}
    if decision["action"] == "approve":
        return {**base, "label": "none", "spans": []}
    labels = _category_labels(decision, "defamatory")
    if decision["action"] not in NOT_ACCEPTABLE or not labels:
        return None
    return {**base, "label": labels[0], "spans": [{"start": 0, "end": len(text), "label": labels[0]}]}


def _toxicity_row(decision: dict[str, Any]) -> dict[str, Any] | None:
    """Only drafts with an offensive or discriminatory finding: approved, both labels 0 (a false alarm);
    rejected or sent back, 1 for each category found, the other unknown (``None``: the reviewer
    judged the draft, not that category), the characteristic from a discriminatory finding's label.
    A decision on a draft without such a finding says nothing about toxicity: no row."""
    from screening.training.toxicity_data import CHARACTERISTICS

    offensive = _category_labels(decision, "offensive")
    discriminatory = _category_labels(decision, "discriminatory")
    if not (offensive or discriminatory):
        return None
    base = {"id": f"decision-{decision['submission_id']}-v{decision['version']}", "text": decision["text"],
            "source": "reviewer-decision", "kind": "reviewer_decision"}
    if decision["action"] == "approve":
        return {**base, "offensive": 0, "discriminatory": 0, "characteristic": None}
    if decision["action"] not in NOT_ACCEPTABLE:
        return None
    characteristic = next((c for c in discriminatory if c in CHARACTERISTICS), None)
    return {**base, "offensive": 1 if offensive else None, "discriminatory": 1 if discriminatory else None,
            "characteristic": characteristic}


def _toxicity_label(row: dict[str, Any]) -> str:
    """The row's label for the added-rows count: what the reviewer's decision made of the draft."""
    found = [c for c in ("offensive", "discriminatory") if row[c] == 1]
    return "+".join(found) if found else "none"


def _mean_recall(report: dict[str, Any]) -> float | None:
    values = [v["recall"] for k, v in report["per_subtype"].items() if k != "none" and v["support"]]
    return round(sum(values) / len(values), 4) if values else None


ADAPTERS: dict[str, Adapter] = {
    "confidential": Adapter(
        "confidential", "confidential", "confidential", "v1", "confidential/train.jsonl", _confidential_row,
        (Metric("heldout mean recall over sub-types", _mean_recall),
         Metric("heldout clean drafts left alone", lambda r: r["per_subtype"]["none"]["recall"]),
         Metric("corporate posts flagged", lambda r: r.get("corporate", {}).get("flagged_rate"), False)),
        # The C grid's cross-validation is reported in the card; the head is fitted with CHOSEN_C.
        quick={"C_GRID": (0.02,)},
    ),
    "defamatory": Adapter(
        "defamatory", "defamatory", "defamatory", "v1", "defamation/train.jsonl", _defamatory_row,
        (Metric("heldout precision", lambda r: r["summary"].get("heldout_precision")),
         Metric("heldout recall", lambda r: r["summary"].get("heldout_recall")),
         Metric("workplace recall", lambda r: r["summary"].get("workplace_recall")),
         Metric("clean posts flagged", lambda r: r["summary"].get("clean_flagged_rate"), False)),
    ),
    # Offensive and discriminatory share one artefact and one trainer; decisions on either finding
    # go to workplace/reviewer_decisions.jsonl, read as training rows only (toxicity_data.DECISIONS_FILE).
    "toxicity": Adapter(
        "toxicity", "offensive/discriminatory", "toxicity", "v2", "workplace/reviewer_decisions.jsonl",
        _toxicity_row,
        (Metric("OLID validation macro-F1", lambda r: _get(r, "olid_val", "macro_f1")),
         Metric("HatEval validation macro-F1", lambda r: _get(r, "hateval_val", "macro_f1")),
         Metric("workplace heldout offensive macro-F1", lambda r: _get(r, "workplace_heldout_offensive", "macro_f1")),
         Metric("workplace heldout discriminatory macro-F1",
                lambda r: _get(r, "workplace_heldout_discriminatory", "macro_f1")),
         Metric("Toxic Spans trial char F1", lambda r: _get(r, "toxic_spans_trial", "char_f1")),
         Metric("corporate posts flagged", lambda r: _get(r, "corporate_clean_flagged", "rate"), False)),
        # The TF-IDF baseline and heads-only columns inform the model card, not the artefact.
        quick={"CARD_COMPARISON": False},
        data_folders=("external", "lexicon"),
        row_label=_toxicity_label,
    ),
}


def _get(report: dict[str, Any], key: str, field: str) -> float | None:
    value = (report.get(key) or {}).get(field)
    return None if value is None else float(value)


@dataclass(frozen=True, slots=True)
class Retrained:
    """What :func:`retrain` did: the comparison, where the candidate is, whether it was promoted."""

    model: str
    candidate_version: str
    candidate_path: Path
    added_rows: dict[str, int]
    comparison: list[dict[str, Any]]
    not_worse: bool
    promoted: bool

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.model, "candidate_version": self.candidate_version,
                "candidate_path": str(self.candidate_path), "added_rows": self.added_rows,
                "comparison": self.comparison, "not_worse": self.not_worse, "promoted": self.promoted}


def read_decisions(path: Path) -> list[dict[str, Any]]:
    """Rows written by ``screening export-decisions`` (JSON lines)."""
    if not path.is_file():
        raise InputError(f"The decisions file {str(path)!r} does not exist; write it with `screening export-decisions -o FILE`.")
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:
                    raise InputError(f"Line {number} of {str(path)!r} is not JSON; export with --format jsonl.") from None
    return rows


def training_rows(adapter: Adapter, decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The model's training rows from the decisions that concern it (the latest decision per version wins)."""
    latest: dict[tuple[Any, Any], dict[str, Any]] = {}
    for decision in decisions:
        latest[(decision["submission_id"], decision["version"])] = decision
    return [row for row in (adapter.to_row(d) for d in latest.values()) if row is not None]


def compare(adapter: Adapter, shipped: dict[str, Any], candidate: dict[str, Any],
            tolerance: float = 0.0) -> tuple[list[dict[str, Any]], bool]:
    """One row per headline metric, and whether the candidate is no worse on every one."""
    table = []
    ok_all = True
    for metric in adapter.metrics:
        before, after = metric.read(shipped), metric.read(candidate)
        if before is None or after is None:
            ok = True  # a figure the data cannot measure decides nothing
        elif metric.higher_is_better:
            ok = after >= before - tolerance
        else:
            ok = after <= before + tolerance
        ok_all &= ok
        table.append({"metric": metric.name, "better": "higher" if metric.higher_is_better else "lower",
                      "shipped": before, "candidate": after,
                      "change": round(after - before, 4) if before is not None and after is not None else None,
                      "not_worse": ok})
    return table, ok_all


def format_table(table: list[dict[str, Any]]) -> str:
    """The comparison as a fixed-width text table."""
    lines = [f"{'metric':42} {'better':6} {'shipped':>8} {'candidate':>9} {'change':>8}  verdict"]
    for row in table:
        def num(v: Any) -> str:
            return "n/a" if v is None else f"{v:.4f}"
        lines.append(f"{row['metric']:42} {row['better']:6} {num(row['shipped']):>8} {num(row['candidate']):>9} "
                     f"{num(row['change']):>8}  {'ok' if row['not_worse'] else 'WORSE'}")
    return "\n".join(lines)


def next_version(folder: Path) -> str:
    """``v<N+1>`` for the highest ``v<N>`` already in ``folder``."""
    numbers = [int(m.group(1)) for p in folder.glob("v*") if (m := re.fullmatch(r"v(\d+)", p.name))]
    return f"v{max(numbers, default=0) + 1}"


def retrain(model: str, decisions_path: Path, data_dir: Path, models_dir: Path, *, promote: bool = False,
            tolerance: float = 0.0, report_dir: Path | None = None, quick: bool = False) -> Retrained:
    """Retrain ``model`` with the exported decisions; see the module docstring for the steps."""
    from screening.training import TRAINERS

    if model not in ADAPTERS:
        known = ", ".join(ADAPTERS)
        raise InputError(f"No retraining adapter for model {model!r} yet; models that can be retrained: {known}.")
    adapter = ADAPTERS[model]
    rows = training_rows(adapter, read_decisions(decisions_path))
    if not rows:
        raise InputError(f"None of the decisions in {str(decisions_path)!r} concern the {model} model "
                         "(an approval, or a rejection of a draft with one of its findings); nothing to add.")
    data_dir, models_dir = Path(data_dir), Path(models_dir)
    with tempfile.TemporaryDirectory(prefix=f"retrain-{model}-") as scratch_name:
        scratch = Path(scratch_name)
        # Training data: a copy of the model's data folder with the decisions appended.
        train_data = scratch / "data"
        model_folder = Path(adapter.train_file).parts[0]
        shutil.copytree(data_dir / model_folder, train_data / model_folder)
        for extra in (*adapter.data_folders, "corporate"):  # "corporate": shared files some evaluate() steps read
            if (data_dir / extra).is_dir():
                shutil.copytree(data_dir / extra, train_data / extra)
        # Trainers that cache embeddings under <data>/../var/cache share the caller's cache (as small_copy does).
        shared_var = data_dir.resolve().parent / "var"
        if shared_var.is_dir():
            (scratch / "var").symlink_to(shared_var, target_is_directory=True)
        with (train_data / adapter.train_file).open("a", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        # Candidate models root: every other artefact (the encoder) linked, this one fresh.
        candidate_root = scratch / "models"
        candidate_root.mkdir()
        for entry in models_dir.iterdir():
            if entry.is_dir() and entry.name != adapter.artefact:
                (candidate_root / entry.name).symlink_to(entry.resolve(), target_is_directory=True)
        trainer = importlib.import_module(TRAINERS[model])
        with (models_env(candidate_root), _overridden(trainer, adapter.quick if quick else {}),
              _blas_threads(1 if quick else None)):
            # Trainers embed through the shared encoder, which finds its artefact via this variable.
            os.environ[MODELS_ENV] = str(candidate_root)
            trainer.train(train_data, candidate_root)
        reports = report_dir or scratch / "reports"
        # Both on the caller's validation data, never the copy with the decisions in it. Tables an
        # evaluate() prints go to stderr: stdout carries only the comparison (or --json).
        with contextlib.redirect_stdout(sys.stderr):
            shipped = evaluate_model(model, data_dir, models_dir, reports / "shipped")
            candidate = evaluate_model(model, data_dir, candidate_root, reports / "candidate")
        table, not_worse = compare(adapter, shipped, candidate, tolerance)

        version = next_version(models_dir / adapter.artefact)
        destination = models_dir / adapter.artefact / version
        shutil.copytree(candidate_root / adapter.artefact / adapter.pinned_version, destination)
    label_counts: dict[str, int] = {}
    for row in rows:
        label = adapter.row_label(row)
        label_counts[label] = label_counts.get(label, 0) + 1
    metadata_path = destination / "metadata.json"
    metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    metadata.update(version=version, retrained_from_decisions={
        "decisions_file": decisions_path.name, "added_rows": label_counts, "base_version": adapter.pinned_version,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
    })
    metadata_path.write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
    promoted = False
    if promote and not_worse:
        _promote(models_dir / adapter.artefact, version, adapter.pinned_version)
        promoted = True
    result = Retrained(model, version, destination, label_counts, table, not_worse, promoted)
    (destination / "retraining.json").write_text(json.dumps(result.to_dict(), indent=2) + "\n", encoding="utf-8")
    logger.info("retrained %s as %s: not worse %s, promoted %s", model, version, not_worse, promoted)
    return result


@contextmanager
def _blas_threads(limit: int | None) -> Iterator[None]:
    """On small data BLAS threads only fight each other (a 300-row fit ran 5x slower on 2 busy cores)."""
    if limit is None:
        yield
        return
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=limit, user_api="blas"):
        yield


@contextmanager
def _overridden(module: Any, values: dict[str, Any]) -> Iterator[None]:
    before = {name: getattr(module, name) for name in values}
    try:
        for name, value in values.items():
            setattr(module, name, value)
        yield
    finally:
        for name, value in before.items():
            setattr(module, name, value)


def _promote(folder: Path, version: str, pinned: str) -> None:
    """Put ``version``'s files where the detector loads them; keep the previous files under ``retired/``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    retired = folder / "retired" / f"{pinned}-{stamp}"
    retired.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(folder / pinned), retired)
    shutil.copytree(folder / version, folder / pinned, ignore=shutil.ignore_patterns("retraining.json"))
    metadata_path = folder / pinned / "metadata.json"
    metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    metadata.update(version=pinned, promoted_from=version, promoted_at=stamp, replaced=str(retired.relative_to(folder)))
    metadata_path.write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
