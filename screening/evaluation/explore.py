"""Evaluation for people: the figures of `screening evaluate` plus per-category curves and slices.

The notebooks (``notebooks/evaluation.ipynb``) and the CLI share this module, so a number shown in
a notebook is the number `screening evaluate --json` prints:

- :func:`evaluate_model` / :func:`evaluate_models` call each ``TRAINERS`` module's ``evaluate``;
  a model whose artefact is not shipped yet comes back as a :class:`NotShipped` value, not an error.
- :func:`category_scores` runs the policy's detectors for one category over the labelled
  validation rows in ``data/`` and returns one row per text (gold label, score, slices), from which
  :func:`threshold_table`, :func:`confusion` and :func:`slice_table` are computed.
- :func:`small_copy` writes a thinned copy of ``data/`` so the notebooks run in CI in seconds
  (``SCREENING_NOTEBOOK_SMALL=1``).
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screening.artefacts import MODELS_ENV
from screening.errors import ModelLoadError
from screening.findings import CATEGORIES
from screening.training import TRAINERS, read_jsonl

logger = logging.getLogger(__name__)

SMALL_ENV = "SCREENING_NOTEBOOK_SMALL"
SMALL_ROWS = 40  # rows kept per data file in small mode: enough for every class to appear
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def small_mode() -> bool:
    """Whether the notebooks should run on thinned data (CI sets ``SCREENING_NOTEBOOK_SMALL=1``)."""
    return os.environ.get(SMALL_ENV, "").strip() not in ("", "0", "false", "no")


# -- the figures of `screening evaluate` ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NotShipped:
    """A model in ``TRAINERS`` that cannot be evaluated here yet, and why."""

    model: str
    reason: str


@contextmanager
def models_env(models_dir: Path) -> Iterator[None]:
    """Some evaluate() functions set ``SCREENING_MODELS_DIR`` for their detector; put it back after."""
    before = os.environ.get(MODELS_ENV)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(MODELS_ENV, None)
        else:
            os.environ[MODELS_ENV] = before


def evaluate_model(name: str, data_dir: Path, models_dir: Path, report_dir: Path) -> dict[str, Any]:
    """Exactly what `screening evaluate NAME` computes: the TRAINERS module's ``evaluate`` dict."""
    if name not in TRAINERS:
        raise KeyError(f"No trainable model named {name!r}; choose from {', '.join(TRAINERS)}.")
    module = importlib.import_module(TRAINERS[name])
    report_dir.mkdir(parents=True, exist_ok=True)
    with models_env(models_dir):
        result: dict[str, Any] = module.evaluate(Path(data_dir), Path(models_dir), Path(report_dir))
    return result


def evaluate_models(names: Sequence[str], data_dir: Path, models_dir: Path,
                    report_dir: Path) -> dict[str, dict[str, Any] | NotShipped]:
    """Evaluate each model; one whose artefact or data is missing becomes a :class:`NotShipped`."""
    out: dict[str, dict[str, Any] | NotShipped] = {}
    for name in names:
        try:
            out[name] = evaluate_model(name, data_dir, models_dir, report_dir)
        except (ModelLoadError, FileNotFoundError, ImportError) as exc:
            logger.warning("model %s not evaluated: %s", name, type(exc).__name__)
            out[name] = NotShipped(name, f"{type(exc).__name__}: {exc}")
    return out


def as_json(value: Any) -> Any:
    """The value as `--json` prints it (tuples become lists, keys strings): for comparisons."""
    return json.loads(json.dumps(value, sort_keys=True, default=str))


def flatten(metrics: dict[str, Any], prefix: str = "", skip: frozenset[str] = frozenset({"errors"})) -> dict[str, Any]:
    """Numeric leaves of a nested metrics dict as ``a.b.c -> value`` (lists of errors left out)."""
    flat: dict[str, Any] = {}
    for key, value in metrics.items():
        if key in skip:
            continue
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{path}.", skip))
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int | float):
            flat[path] = value
    return flat


# -- labelled validation rows per category ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class LabelledFile:
    """A validation file and how to read a row's gold label for one category."""

    path: str  # relative to the data folder
    gold: Callable[[dict[str, Any]], bool]


def _label_not_none(row: dict[str, Any]) -> bool:
    return row.get("label", "none") != "none"


def _never(_row: dict[str, Any]) -> bool:
    return False


def _flag(category: str) -> Callable[[dict[str, Any]], bool]:
    return lambda row: bool(row.get(category))


# Held-out or clean files only: training files would flatter the models.
LABELLED: dict[str, tuple[LabelledFile, ...]] = {
    "pii": (LabelledFile("pii/heldout.jsonl", lambda r: bool(r.get("spans"))),),
    "confidential": (LabelledFile("confidential/heldout.jsonl", _label_not_none),
                     LabelledFile("corporate/clean.jsonl", _never)),
    "defamatory": (LabelledFile("defamation/heldout.jsonl", _label_not_none),
                   LabelledFile("defamation/workplace.jsonl", _label_not_none),
                   LabelledFile("defamation/clean.jsonl", _never)),
    "offensive": (LabelledFile("workplace/heldout.jsonl", _flag("offensive")),
                  LabelledFile("workplace/clean_corporate.jsonl", _flag("offensive"))),
    "discriminatory": (LabelledFile("workplace/heldout.jsonl", _flag("discriminatory")),
                       LabelledFile("workplace/clean_corporate.jsonl", _flag("discriminatory"))),
}

# Mentions of a group that people are discriminated against for: a fair model should not flag a
# post merely for naming the group (Dixon et al. 2018 call this unintended bias).
IDENTITY = re.compile(
    r"\b(muslims?|islam\w*|jew(s|ish)?|christians?|hindus?|sikhs?|black|white|asian|african|"
    r"gay|lesbians?|bisexual|trans(gender)?|lgbtq?\+?|queer|women|woman|men|girls?|disabled|"
    r"disability|wheelchair|autis\w+|deaf|blind|immigrants?|refugees?|migrants?|polish|roma|"
    r"travellers?|pregnan\w+|older|elderly|young people)\b",
    re.IGNORECASE,
)
# Posts that quote or condemn abuse in order to oppose it; flagging them silences the people
# speaking up. Data rows may also say so (`kind`/`neg_type` naming counter-speech or reporting).
COUNTER_SPEECH = re.compile(
    r"\b(unacceptable|not acceptable|condemn\w*|stand (with|against)|no place for|will not tolerate|"
    r"won't tolerate|zero tolerance|report(ed)? (it|this|them)|called (me|her|him|them)|"
    r"stop (calling|saying)|is (never|not) ok(ay)?)\b",
    re.IGNORECASE,
)
_COUNTER_KINDS = ("counter", "quot", "report", "condemn")


def identity_mention(text: str) -> bool:
    """Whether the text names an identity group (the fairness slice)."""
    return IDENTITY.search(text) is not None


def counter_speech(text: str, row: dict[str, Any] | None = None) -> bool:
    """Whether the text opposes abuse (cue words), or its data row says it is counter-speech."""
    if row is not None:
        kind = str(row.get("kind") or row.get("neg_type") or "").lower()
        if any(k in kind for k in _COUNTER_KINDS):
            return True
    return COUNTER_SPEECH.search(text) is not None


def labelled_rows(category: str, data_dir: Path) -> list[dict[str, Any]]:
    """Every validation row for ``category`` present in ``data_dir``: ``{source, id, text, gold, slices}``."""
    out: list[dict[str, Any]] = []
    for spec in LABELLED.get(category, ()):
        path = Path(data_dir) / spec.path
        if not path.is_file():
            continue
        for i, row in enumerate(read_jsonl(path)):
            text = row["text"]
            out.append({
                "source": spec.path, "id": row.get("id", f"{spec.path}:{i}"), "text": text,
                "gold": spec.gold(row), "identity_mention": identity_mention(text) or bool(row.get("characteristic")),
                "counter_speech": counter_speech(text, row),
            })
    return out


def category_detectors(category: str, policy: Any) -> list[str]:
    """Detectors in the policy that report ``category`` (their class says which categories)."""
    from screening.detectors import registry

    names = []
    for name in policy.detectors:
        factory = registry.get(name)
        if category in tuple(getattr(factory, "categories", ())):
            names.append(name)
    return names


def category_scores(category: str, data_dir: Path, policy_path: Path | None = None) -> Any:
    """A DataFrame of the category's validation rows with the policy's detectors' scores.

    ``score`` is the highest score of the category's *findings* with the policy's thresholds
    lifted (0 when there is none), so ``score >= threshold`` is exactly "the pipeline flags it
    for this category" and other thresholds can be tried afterwards. ``signal`` is the
    pipeline's per-category score, which also holds detector-level signals (a classifier's
    probability) that never become a finding on their own. Returns ``None`` when no detector
    for the category is in the policy or no validation file is present.
    """
    import pandas as pd

    from screening.pipeline import Screener
    from screening.policy import load_policy

    policy = load_policy(policy_path)
    detectors = category_detectors(category, policy)
    rows = labelled_rows(category, data_dir)
    if not detectors or not rows:
        return None
    lifted = {name: rules.model_copy(update={"threshold": 0.0}) for name, rules in policy.categories.items()}
    screener = Screener.load(policy=policy.model_copy(update={"detectors": detectors, "categories": lifted}))
    results = screener.screen_many([r["text"] for r in rows])
    frame = pd.DataFrame(rows)
    frame["score"] = [max((f.score for f in r.findings if f.category == category), default=0.0) for r in results]
    frame["signal"] = [float(r.scores.get(category, 0.0)) for r in results]
    frame["detector_error"] = [bool(r.errors) for r in results]
    frame.attrs.update(category=category, detectors=detectors, threshold=policy.categories[category].threshold)
    return frame


def threshold_table(frame: Any, thresholds: Sequence[float] = THRESHOLDS) -> Any:
    """Precision, recall, F1 and flag rate of ``score >= t`` against ``gold`` for each threshold."""
    import pandas as pd

    table = []
    gold = frame["gold"].astype(bool)
    for t in thresholds:
        flagged = frame["score"] >= t
        tp = int((flagged & gold).sum())
        fp = int((flagged & ~gold).sum())
        fn = int((~flagged & gold).sum())
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        table.append({"threshold": t, "precision": round(precision, 4), "recall": round(recall, 4),
                      "f1": round(f1, 4), "flag_rate": round(float(flagged.mean()), 4),
                      "false_positives": fp, "missed": fn})
    return pd.DataFrame(table).set_index("threshold")


def confusion(frame: Any, threshold: float) -> Any:
    """2x2 counts (rows gold, columns predicted) at ``threshold``."""
    import pandas as pd

    predicted = frame["score"] >= threshold
    gold = frame["gold"].astype(bool)
    return pd.DataFrame(
        [[int((~gold & ~predicted).sum()), int((~gold & predicted).sum())],
         [int((gold & ~predicted).sum()), int((gold & predicted).sum())]],
        index=pd.Index(["gold: clean", "gold: flag"]), columns=pd.Index(["pred: clean", "pred: flag"]),
    )


def slice_table(frame: Any, threshold: float, slices: Sequence[str] = ("identity_mention", "counter_speech")) -> Any:
    """False-positive rate on clean rows and recall on flagged rows, inside and outside each slice."""
    import pandas as pd

    predicted = frame["score"] >= threshold
    gold = frame["gold"].astype(bool)
    table = []
    for name in slices:
        for inside in (True, False):
            mask = frame[name].astype(bool) == inside
            negatives = mask & ~gold
            positives = mask & gold
            table.append({
                "slice": name, "in_slice": inside, "rows": int(mask.sum()),
                "clean_rows": int(negatives.sum()),
                "false_positive_rate": round(float(predicted[negatives].mean()), 4) if negatives.any() else None,
                "flag_rows": int(positives.sum()),
                "recall": round(float(predicted[positives].mean()), 4) if positives.any() else None,
            })
    return pd.DataFrame(table)


def misclassified(frame: Any, threshold: float, limit: int = 15) -> Any:
    """The worst errors at ``threshold``: missed flags (lowest scores) and false alarms (highest)."""
    predicted = frame["score"] >= threshold
    gold = frame["gold"].astype(bool)
    missed = frame[gold & ~predicted].sort_values("score").head(limit).assign(error="missed")
    false_alarm = frame[~gold & predicted].sort_values("score", ascending=False).head(limit).assign(error="false alarm")
    import pandas as pd

    return pd.concat([missed, false_alarm])[["error", "source", "id", "score", "text"]]


# -- small data for CI ------------------------------------------------------------------------


def small_copy(data_dir: Path, dest: Path, rows: int = SMALL_ROWS, per_file: dict[str, int] | None = None) -> Path:
    """Copy ``data_dir`` to ``dest`` keeping about ``rows`` evenly spaced rows of each long data file.

    JSON lines, CSV/TSV (parsed, header kept) and plain-text files (one example a line) longer than
    four times ``rows`` are thinned; short files (label mappings, term lists) are copied whole.
    Evenly spaced, not the first rows: data files are often grouped by label. ``per_file``
    overrides ``rows`` for some files (paths relative to ``data_dir``), e.g. a training file
    that must keep every class. Paired line files of equal length stay aligned (same step).
    """
    data_dir, dest = Path(data_dir), Path(dest)
    for source in sorted(data_dir.rglob("*")):
        if not source.is_file():
            continue
        relative = source.relative_to(data_dir).as_posix()
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        keep = (per_file or {}).get(relative, rows)
        if source.suffix == ".jsonl":
            lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
            _write_lines(target, _thin(lines, keep, 1))
        elif source.suffix in (".csv", ".tsv"):
            _thin_table(source, target, keep)
        elif source.suffix == ".txt":
            lines = source.read_text(encoding="utf-8").splitlines()
            _write_lines(target, _thin(lines, keep, 4) if relative not in (per_file or {}) else _thin(lines, keep, 1))
        else:
            shutil.copy2(source, target)
    # Trainers cache embeddings under <data>/../var/cache: share this checkout's cache.
    shared_var = data_dir.resolve().parent / "var"
    if shared_var.is_dir() and not (dest.parent / "var").exists():
        (dest.parent / "var").symlink_to(shared_var, target_is_directory=True)
    return dest


def _thin(items: list[Any], keep: int, min_factor: int) -> list[Any]:
    if len(items) <= keep * min_factor:
        return items
    step = max(1, len(items) // keep)
    return items[::step][:keep]


def _write_lines(target: Path, lines: list[str]) -> None:
    target.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def _thin_table(source: Path, target: Path, keep: int) -> None:
    import csv

    delimiter = "\t" if source.suffix == ".tsv" else ","
    with source.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle, delimiter=delimiter))
    if len(table) <= keep * 4 + 1:
        shutil.copy2(source, target)
        return
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows([table[0], *_thin(table[1:], keep, 1)])


__all__ = [
    "CATEGORIES", "LABELLED", "NotShipped", "category_detectors", "category_scores", "confusion", "counter_speech",
    "evaluate_model", "evaluate_models", "flatten", "identity_mention", "labelled_rows", "misclassified",
    "slice_table", "small_copy", "small_mode", "threshold_table",
]
