"""Train and evaluate the pipeline's cheap first stage (``screening.prefilter``) by distillation.

Training (``screening train prefilter``):

1. Texts: the *training* parts of every data set the learned detectors were trained on (toxicity
   sources and workplace drafts, confidential and defamation training drafts), sampled per source;
   no evaluation set, no benchmark corpus, no held-out split. (Tried and not kept: 2,400 unlabelled
   ordinary staff posts plus 900 of them with one training draft inside. The full pipeline scores
   36% of such ordinary posts at half a threshold or more, so they became targets and fewer drafts
   were cleared: benchmark drafts 62% -> 40%, clean corporate 55% -> 26%.)
2. Targets: the full pipeline (first stage off) screens each text; a text is positive when any
   learned category (confidential, defamatory, offensive, discriminatory) scores at least
   ``MARGIN`` times the score at which its model reports (``_references``: the policy threshold,
   or the confidential classifier's own higher bar): the drafts a model flags, and those it nearly flags.
3. Model: logistic regression on hashed character 2-5-grams and word 1-2-grams (the hashing the
   toxicity heads use, so a batch's counts are extracted once), balanced classes.
4. Threshold: on a held-back fifth of the texts (split by hash), the highest threshold that keeps
   ``MIN_RECALL`` of the drafts the full pipeline flags.

Evaluation (``screening evaluate prefilter``): every category's evaluation sets screened twice, with
the first stage off and on: the gold positives the full pipeline catches that the staged one loses,
and the share of drafts cleared.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from screening.training import read_jsonl

logger = logging.getLogger(__name__)

ARTEFACT_NAME = "prefilter"
ARTEFACT_VERSION = "v1"
MODEL_FILE = "prefilter.skops"
LEARNED = ("confidential", "defamatory", "offensive", "discriminatory")
MARGIN = 0.5
MIN_RECALL = 0.995
SEED = 13
C = 4.0
# Texts per toxicity source (train split only); the project's own drafts are taken whole.
PER_SOURCE = 900


def training_texts(data_dir: Path) -> list[tuple[str, str]]:
    """(source, text) pairs for distillation, deterministic."""
    from screening.training.toxicity_data import load_all

    rng = random.Random(SEED)
    by_source: dict[str, list[str]] = {}
    for example in load_all(data_dir):
        if example.split == "train":
            by_source.setdefault(example.source, []).append(example.text)
    pairs: list[tuple[str, str]] = []
    for source, texts in sorted(by_source.items()):
        texts = sorted(set(texts))
        if source != "workplace" and len(texts) > PER_SOURCE:
            texts = rng.sample(texts, PER_SOURCE)
        pairs.extend((source, t) for t in texts)
    for name, path in (("confidential", data_dir / "confidential" / "train.jsonl"),
                       ("defamation", data_dir / "defamation" / "train.jsonl"),
                       ("defamation_background", data_dir / "defamation" / "background_presidio.jsonl")):
        if path.is_file():
            pairs.extend((name, row["text"]) for row in read_jsonl(path))
    seen: set[str] = set()
    unique = []
    for source, text in pairs:
        if text.strip() and len(text) <= 20_000 and text not in seen:
            seen.add(text)
            unique.append((source, text))
    return unique


def _screen(screener: Any, texts: list[str], what: str) -> list[Any]:
    results: list[Any] = []
    started = time.perf_counter()
    for offset in range(0, len(texts), 256):
        results.extend(screener.screen_many(texts[offset : offset + 256]))
        logger.info("%s: %d/%d screened (%.0f s)", what, len(results), len(texts), time.perf_counter() - started)
    return results


def _screeners(models_dir: Path | None) -> tuple[Any, Any]:
    """The full pipeline with the first stage off, and the same pipeline with it on (if trained)."""
    from screening.pipeline import Screener
    from screening.policy import load_policy
    from screening.prefilter import load_prefilter

    policy = load_policy(None)
    full = Screener.load(policy=policy.model_copy(update={"prefilter": False}))
    full.cache_size = 0
    staged = None
    if models_dir is not None and (Path(models_dir) / ARTEFACT_NAME / ARTEFACT_VERSION / "metadata.json").is_file():
        staged = Screener(full.policy, full.detectors, cache_size=0, prefilter=load_prefilter(Path(models_dir)))
    return full, staged


def _references(full: Any) -> np.ndarray:
    """Per learned category, the score at which its *model* can report a finding on a cleared draft's behalf.

    That is the policy threshold, except where a detector's model reports alone only above a higher
    bar: the confidential classifier reports on its own from its ``classifier_min`` (0.94), and below
    it only with a rule or cue, which run on cleared drafts too (a soft cue even brings the classifier
    back). Measuring nearness against the policy threshold there made the first stage imitate the
    confidential classifier's raw leak probability, which is 0.3 or more on a quarter of ordinary posts.
    """
    references = np.array([full.policy.categories[c].threshold for c in LEARNED], dtype=np.float64)
    for detector in full.detectors:
        floor = getattr(detector, "classifier_min", None)
        if floor is not None and "confidential" in detector.categories:
            i = LEARNED.index("confidential")
            references[i] = max(references[i], float(floor))
    return references


def _category_scores(results: list[Any]) -> np.ndarray:
    """The learned categories' scores per text, in ``LEARNED`` order."""
    return np.array([[r.scores.get(c, 0.0) for c in LEARNED] for r in results], dtype=np.float64).reshape(-1, len(LEARNED))


def _flagged(results: list[Any]) -> np.ndarray:
    return np.array([any(f.category in LEARNED for f in r.findings) for r in results])


def distilled_models(root: Path | None = None) -> dict[str, str]:
    """sha256 of each other artefact's metadata.json (``name/version``): what the prefilter imitates."""
    from screening.artefacts import models_root, sha256_file

    base = Path(root) if root is not None else models_root()
    return {f"{path.parent.parent.name}/{path.parent.name}": sha256_file(path)
            for path in sorted(base.glob("*/*/metadata.json")) if path.parent.parent.name != ARTEFACT_NAME}


def _distil(full: Any, texts: list[str], data_dir: Path, margin: float = MARGIN) -> tuple[np.ndarray, np.ndarray]:
    """Targets and flags from the full pipeline, cached (under ``var/cache/prefilter`` beside the data,
    like the trainers' embeddings) by texts, policy and the metadata of the models distilled."""
    key = hashlib.sha256()
    key.update("\n".join(texts).encode("utf-8"))
    key.update(full.policy.model_dump_json().encode("utf-8"))
    key.update(json.dumps(distilled_models(), sort_keys=True).encode("utf-8"))
    cache = Path(data_dir).resolve().parent / "var" / "cache" / "prefilter" / f"distil-{key.hexdigest()[:20]}.npz"
    if cache.is_file():
        with np.load(cache, allow_pickle=False) as saved:
            logger.info("distillation scores from the cache %s", cache)
            scores, flagged = saved["scores"], saved["flagged"]
    else:
        results = _screen(full, texts, "distillation")
        scores, flagged = _category_scores(results), _flagged(results)
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, scores=scores, flagged=flagged)
    nearness = (scores / _references(full)).max(axis=1)
    return nearness >= margin, flagged


def build_estimator() -> Any:
    """The first stage's pipeline: hashed TF-IDF n-grams (as the toxicity heads hash) + logistic regression."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    from screening.toxicity.heads import hashed_tfidf

    return Pipeline([
        ("features", FeatureUnion([("char", hashed_tfidf("char_wb", (2, 5), 2**18)),
                                   ("word", hashed_tfidf("word", (1, 2), 2**17))])),
        ("classifier", LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=2000)),
    ])


def choose_threshold(proba: np.ndarray, flagged: np.ndarray, min_recall: float = MIN_RECALL) -> float:
    """The highest threshold keeping ``min_recall`` of the flagged texts (``proba >= threshold`` passes)."""
    if not flagged.any():
        raise ValueError("No flagged text in the threshold split; the distillation set is too small.")
    ordered = np.sort(proba[flagged])
    keep = int(np.ceil(min_recall * len(ordered)))
    return float(ordered[len(ordered) - keep])


def train(data_dir: Path, models_dir: Path) -> dict[str, Any]:
    """Distil the full pipeline into ``models_dir/prefilter/v1/``."""
    import skops.io as sio

    from screening.artefacts import git_revision, library_versions, write_metadata
    from screening.prefilter import draft_scores
    from screening.training.toxicity_data import hash_split

    pairs = training_texts(Path(data_dir))
    texts = [t for _, t in pairs]
    sources = [s for s, _ in pairs]
    full, _ = _screeners(None)
    target, flagged = _distil(full, texts, Path(data_dir))
    is_val = np.array([hash_split(t, 0.2) == "val" for t in texts])
    model = build_estimator().fit([t for t, v in zip(texts, is_val, strict=True) if not v], target[~is_val])
    val_texts = [t for t, v in zip(texts, is_val, strict=True) if v]
    proba = draft_scores(val_texts, lambda pieces: model.predict_proba(list(pieces))[:, 1])
    threshold = choose_threshold(proba, flagged[is_val])
    passed = proba >= threshold
    metrics = {
        "texts": len(texts), "train_texts": int((~is_val).sum()), "threshold_texts": int(is_val.sum()),
        "sources": dict(sorted(Counter(sources).items())),
        "targets": int(target.sum()), "flagged_by_full_pipeline": int(flagged.sum()),
        "margin": MARGIN, "min_recall": MIN_RECALL, "C": C,
        "threshold_split": {
            "recall_of_flagged": round(float(passed[flagged[is_val]].mean()), 4),
            "recall_of_targets": round(float(passed[target[is_val]].mean()), 4),
            "cleared_share": round(float((~passed).mean()), 4),
            "cleared_share_of_unflagged": round(float((~passed[~flagged[is_val]]).mean()), 4),
        },
    }
    folder = Path(models_dir) / ARTEFACT_NAME / ARTEFACT_VERSION
    folder.mkdir(parents=True, exist_ok=True)
    sio.dump(model, folder / MODEL_FILE)
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
    metadata = {
        "name": ARTEFACT_NAME, "version": ARTEFACT_VERSION, "threshold": threshold, "data_sha256": digest,
        "distilled_from": [d.name for d in full.detectors], "policy_version": full.policy.version,
        "distilled_models": distilled_models(),
        "library_versions": library_versions("scikit-learn", "skops", "numpy", "spacy", "onnxruntime"),
        "git_revision": git_revision(), "metrics": metrics,
    }
    (folder / "README.md").write_text(_model_card(metadata, None), encoding="utf-8")
    write_metadata(folder, metadata, files=[MODEL_FILE, "README.md"])
    logger.info("prefilter threshold %.4f: %s", threshold, metrics["threshold_split"])
    write_card(Path(data_dir), Path(models_dir))
    return metrics


def write_card(data_dir: Path, models_dir: Path) -> dict[str, Any]:
    """Evaluate the artefact under ``models_dir`` and write its figures into its card and metadata."""
    from screening.artefacts import write_metadata

    folder = Path(models_dir) / ARTEFACT_NAME / ARTEFACT_VERSION
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    metadata.pop("files", None)
    evaluation = evaluate(Path(data_dir), Path(models_dir), None)
    metadata["evaluation"] = evaluation["summary"]
    (folder / "README.md").write_text(_model_card(metadata, evaluation), encoding="utf-8")
    write_metadata(folder, metadata, files=[MODEL_FILE, "README.md"])
    return evaluation


def evaluation_sets(data_dir: Path) -> dict[str, list[tuple[str, set[str]]]]:
    """Each evaluation set as (text, gold categories) pairs; none of them is trained on.

    Rows the pipeline would refuse as input (empty after normalisation, over the length limit) are left out.
    """
    from screening.normalise import normalise

    sets = _evaluation_sets(data_dir)
    return {name: [(t, gold) for t, gold in rows if normalise(t).text.strip() and len(t) <= 20_000]
            for name, rows in sets.items()}


def _evaluation_sets(data_dir: Path) -> dict[str, list[tuple[str, set[str]]]]:
    from screening.training.toxicity_data import load_hateval, load_olid

    sets: dict[str, list[tuple[str, set[str]]]] = {}
    folder = data_dir / "confidential" / "heldout.jsonl"
    if folder.is_file():
        sets["confidential held-out"] = [(r["text"], {"confidential"} if r["label"] != "none" else set())
                                         for r in read_jsonl(folder)]
    for name in ("heldout.jsonl", "workplace.jsonl"):
        path = data_dir / "defamation" / name
        if path.is_file():
            sets[f"defamation {name.removesuffix('.jsonl')}"] = [
                (r["text"], {"defamatory"} if r.get("group") == "positive" else set()) for r in read_jsonl(path)]
    path = data_dir / "workplace" / "heldout.jsonl"
    if path.is_file():
        sets["workplace toxicity held-out"] = [
            (r["text"], {c for c in ("offensive", "discriminatory") if r.get(c)}) for r in read_jsonl(path)]
    rng = random.Random(SEED)
    ext = data_dir / "external"
    for name, loader, folder_name in (("OLID validation", load_olid, "olid-2019"),
                                      ("HatEval validation", load_hateval, "hateval-2019")):
        if (ext / folder_name).is_dir():
            rows = [(e.text, {c for c in ("offensive", "discriminatory") if getattr(e, c)})
                    for e in loader(ext / folder_name) if e.split == "val"]
            sets[name] = rng.sample(rows, min(600, len(rows)))
    path = data_dir / "audit_sample" / "posts.csv"
    if path.is_file():
        import csv

        # Synthetic posts of real lengths (bench.corpus): long ones hide one bad sentence among ordinary ones.
        with path.open(encoding="utf-8", newline="") as handle:
            sets["audit sample (long posts)"] = [(r["text"], {r["intended"]} & set(LEARNED))
                                                 for r in csv.DictReader(handle)]
    path = data_dir / "corporate" / "clean.jsonl"
    if path.is_file():
        sets["corporate clean"] = [(r["text"], set()) for r in read_jsonl(path)]
    return sets


def evaluate(data_dir: Path, models_dir: Path, report_dir: Path | None) -> dict[str, Any]:
    """Lost recall and cleared share of the staged pipeline against the full one, per evaluation set."""
    full, staged = _screeners(Path(models_dir))
    if staged is None:
        raise FileNotFoundError(f"No prefilter artefact under {models_dir}; run `screening train prefilter` first.")
    table: dict[str, Any] = {}
    lost_total = caught_total = 0
    for name, rows in evaluation_sets(Path(data_dir)).items():
        texts = [t for t, _ in rows]
        off = _screen(full, texts, f"{name} (first stage off)")
        on = _screen(staged, texts, f"{name} (first stage on)")
        cleared = staged.prefilter.cleared(texts, [r.language for r in on])
        caught = lost = 0
        for (_, gold), a, b in zip(rows, off, on, strict=True):
            for category in gold:
                if any(f.category == category for f in a.findings):
                    caught += 1
                    lost += not any(f.category == category for f in b.findings)
        changed = sum(a.decision != b.decision for a, b in zip(off, on, strict=True))
        table[name] = {"drafts": len(texts), "cleared_share": round(sum(cleared) / max(1, len(texts)), 4),
                       "gold_positives_caught_full": caught, "lost_by_first_stage": lost,
                       "decisions_changed": changed}
        lost_total += lost
        caught_total += caught
    summary = {"lost_recall": round(lost_total / max(1, caught_total), 4), "lost": lost_total,
               "caught_full": caught_total}
    report = {"summary": summary, "sets": table}
    if report_dir is not None:
        Path(report_dir).mkdir(parents=True, exist_ok=True)
        (Path(report_dir) / "prefilter.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        (Path(report_dir) / "prefilter.md").write_text(_evaluation_table(report), encoding="utf-8")
    print(_evaluation_table(report))
    return report


def _evaluation_table(report: dict[str, Any]) -> str:
    lines = ["| set | drafts | cleared | gold positives caught (full) | lost by the first stage | decisions changed |",
             "| --- | --- | --- | --- | --- | --- |"]
    for name, row in report["sets"].items():
        lines.append(f"| {name} | {row['drafts']} | {row['cleared_share']:.1%} | {row['gold_positives_caught_full']} "
                     f"| {row['lost_by_first_stage']} | {row['decisions_changed']} |")
    s = report["summary"]
    lines.append(f"\nLost recall overall: {s['lost']} of {s['caught_full']} ({s['lost_recall']:.2%}).\n")
    return "\n".join(lines)


def _model_card(metadata: dict[str, Any], evaluation: dict[str, Any] | None) -> str:
    m = metadata["metrics"]
    split = m["threshold_split"]
    sources = ", ".join(f"{k} {v}" for k, v in m["sources"].items())
    return f"""# Prefilter {ARTEFACT_VERSION}: the pipeline's cheap first stage

**What it is.** A logistic regression on hashed TF-IDF character 2-5-grams and word 1-2-grams that
estimates whether any learned model of the pipeline (confidential classifier, defamation heads,
offensive and discriminatory heads) would score a draft at least {MARGIN} times the score at which
it reports (its category's policy threshold; for the confidential classifier, which reports alone only
from its cross-validated `classifier_min`, that bar). Drafts under its threshold ({metadata['threshold']:.4f}) skip those models and the
dependency parse; every rule (personal data, credentials, term lists, markers, the offensive-term
lexicon) still runs on them, and drafts not in English are never cleared. Turn it off with
`prefilter: false` in the policy. Code: `screening/prefilter.py`; training: `screening train prefilter`.

**Intended use.** Speed: the pre-check and batch audits over mostly ordinary posts. Not a
classifier of its own: it never flags anything.

**Data.** Distilled from the full pipeline (policy {metadata['policy_version']}, detectors
{', '.join(metadata['distilled_from'])}) over {m['texts']} training texts, training parts only
({sources}); {m['targets']} targets, {m['flagged_by_full_pipeline']} flagged by the full pipeline.
Data hash {metadata['data_sha256'][:16]}.

**Threshold.** Chosen on a held-back fifth ({m['threshold_texts']} texts, split by hash) as the
highest keeping {MIN_RECALL} of the drafts the full pipeline flags: recall of flagged drafts
{split['recall_of_flagged']}, of targets {split['recall_of_targets']}; {split['cleared_share']:.1%} of
those texts cleared ({split['cleared_share_of_unflagged']:.1%} of the unflagged ones).

**Evaluation** (`screening evaluate prefilter`: each set screened with the first stage off and on):

{_evaluation_table(evaluation) if evaluation else '(not evaluated yet)'}
**Limitations.** It inherits the learned models' blind spots and adds a small loss of its own
(above); a draft it clears gets category scores of 0 from the learned models. It must be retrained
whenever a learned model or the policy thresholds change (`screening train prefilter`), since it
imitates them: `metadata.json` records the sha256 of each model's metadata it was distilled from
(`distilled_models`), and loading it beside other versions logs a warning naming them.
"""
