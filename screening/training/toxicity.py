"""Train and evaluate the offensive and discriminatory heads (`screening train toxicity`).

``train(data_dir, models_dir)`` fits three calibrated logistic-regression heads: offensive and
discriminatory on TF-IDF n-grams of the text stacked with the shared MiniLM embedding, the
characteristic head on the embedding alone (embeddings cached under ``var/cache/embeddings``), learns extra span words from the Toxic
Spans training posts, picks thresholds on validation data, measures everything the model card
reports, and writes ``models/toxicity/v2/``. ``evaluate(data_dir, models_dir, report_dir)``
re-measures a shipped artefact on the validation sets and writes ``toxicity.json`` / ``.md``.

Run (niced: the host has two shared cores)::

    nice -n 10 python -m screening.training.toxicity train
    nice -n 10 python -m screening.training.toxicity evaluate
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from screening.artefacts import git_revision, library_versions, models_root, write_metadata
from screening.encoder import ARTEFACT_VERSION as ENCODER_VERSION
from screening.training.toxicity_data import (
    CHARACTERISTICS,
    EmbeddingCache,
    Example,
    data_sha256,
    load_all,
    load_corporate_clean,
    load_toxic_spans,
)

logger = logging.getLogger(__name__)

ARTEFACT = ("toxicity", "v2")
# The workplace drafts are the target domain but a few hundred rows among ~75k: weight them up.
WORKPLACE_WEIGHT = 40.0
# Inverse regularisation on standardised embedding dimensions (raw unit-length embeddings needed
# C=2 and still underfit the workplace drafts: held-out discriminatory recall 0.48 vs 0.75 scaled).
HEAD_C = {"offensive": 4.0, "discriminatory": 4.0, "characteristic": 0.05}
# Scale of the standardised embedding block next to the unit-length TF-IDF blocks in the stacked
# heads: 384 unit-variance dimensions would otherwise outweigh the n-grams twentyfold.
EMBEDDING_WEIGHT = 0.1
# Measure the TF-IDF baseline and the heads without lexicon for the model card's comparison table
# (refits a baseline on all the data; `retrain-from-decisions --quick` turns it off).
CARD_COMPARISON = True
# Toxic Spans words kept as weak span terms: seen this often, inside a toxic span this often.
SPAN_WORD_MIN_COUNT = 8
SPAN_WORD_MIN_RATE = 0.45
# Toxic Spans annotators marked these where they were used abusively, but they are innocent on
# their own in workplace posts (technical words, mild words); identity words are excluded too.
_NOT_SPAN_WORDS = frozenset(
    "duck butt screw screwed shoot balls syndrome hang executed devil kick kicked darn silly crazy nuts "
    "ridiculous rubbish gross".split()
)
_STOP = frozenset(
    "the a an and or but of to in on at for with is are was were be been it this that you your he she they "
    "them his her their we our i me my not no so as if just all who what people like".split()
)


@dataclass
class Corpus:
    """Examples and their embeddings as aligned arrays (-1 where a label is unknown)."""

    examples: list[Example]
    embeddings: np.ndarray
    source: np.ndarray
    split: np.ndarray
    offensive: np.ndarray
    discriminatory: np.ndarray
    characteristic: np.ndarray
    kind: np.ndarray

    @property
    def texts(self) -> list[str]:
        return [e.text for e in self.examples]

    def mask(self, split: str, source: str | None = None) -> np.ndarray:
        m = self.split == split
        return m & (self.source == source) if source else m


def cache_dir(data_dir: Path) -> Path:
    """Git-ignored embedding cache next to the data folder (``var/`` is ignored)."""
    return data_dir.resolve().parent / "var" / "cache" / "embeddings"


def build_corpus(data_dir: Path) -> Corpus:
    examples = load_all(data_dir)
    cache = EmbeddingCache(cache_dir(data_dir), ENCODER_VERSION)
    embeddings = cache.embed([e.text for e in examples])
    return Corpus(
        examples=examples,
        embeddings=embeddings,
        source=np.array([e.source for e in examples]),
        split=np.array([e.split for e in examples]),
        offensive=np.array([-1 if e.offensive is None else e.offensive for e in examples]),
        discriminatory=np.array([-1 if e.discriminatory is None else e.discriminatory for e in examples]),
        characteristic=np.array([e.characteristic or "" for e in examples]),
        kind=np.array([e.kind for e in examples]),
    )


def _weights(corpus: Corpus, mask: np.ndarray) -> np.ndarray:
    return np.where(corpus.source[mask] == "workplace", WORKPLACE_WEIGHT, 1.0)


def make_head(c: float) -> Any:
    """A calibrated, standardised logistic regression over the 384-d embedding (sigmoid, 3-fold)."""
    from sklearn.calibration import CalibratedClassifierCV

    from screening.toxicity.heads import ScaledLogisticRegression

    return CalibratedClassifierCV(ScaledLogisticRegression(C=c), method="sigmoid", cv=3)


def fit_stacked_head(c: float, inputs: Any, labels: np.ndarray, weights: np.ndarray,
                     rng: np.random.Generator) -> Any:
    """A logistic regression over TF-IDF n-grams of the text + the embedding, fitted on 90% of the rows,
    then sigmoid-calibrated on the other 10% (``CalibratedClassifierCV`` over the frozen head).

    One fit instead of three: with ``cv=3`` the stacked head took over ten minutes per head on the
    shared two-core host and the run could not finish.
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.frozen import FrozenEstimator

    from screening.toxicity.heads import TextEmbeddingLogisticRegression

    calibrate = rng.random(len(labels)) < 0.1
    head = TextEmbeddingLogisticRegression(C=c, embedding_weight=EMBEDDING_WEIGHT).fit(
        inputs[~calibrate], labels[~calibrate], sample_weight=weights[~calibrate])
    return CalibratedClassifierCV(FrozenEstimator(head), method="sigmoid").fit(
        inputs[calibrate], labels[calibrate], sample_weight=weights[calibrate])


def fit_heads(corpus: Corpus) -> dict[str, Any]:
    """Fit the three heads on the training split."""
    from screening.toxicity.heads import head_inputs

    heads: dict[str, Any] = {}
    train = corpus.split == "train"
    rng = np.random.default_rng(0)  # which training rows calibrate the stacked heads
    for head, labels in (("offensive", corpus.offensive), ("discriminatory", corpus.discriminatory)):
        m = train & (labels >= 0)
        started = time.perf_counter()
        idx = np.flatnonzero(m)
        inputs = head_inputs([corpus.examples[i].text for i in idx], corpus.embeddings[idx])
        heads[head] = fit_stacked_head(HEAD_C[head], inputs, labels[m], _weights(corpus, m), rng)
        logger.info("fitted %s head on %d rows in %.1fs", head, int(m.sum()), time.perf_counter() - started)
    m = train & (corpus.characteristic != "")
    heads["characteristic"] = make_head(HEAD_C["characteristic"]).fit(
        corpus.embeddings[m], corpus.characteristic[m], sample_weight=_weights(corpus, m)
    )
    return heads


# -- span lexicon ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z']+")


def learn_span_words(posts: Sequence[tuple[str, list[int]]], min_count: int, min_rate: float) -> list[str]:
    """Words that are usually inside the marked toxic span when they occur in a Toxic Spans post."""
    seen: Counter[str] = Counter()
    toxic: Counter[str] = Counter()
    for text, offsets in posts:
        marked = set(offsets)
        for match in _TOKEN.finditer(text):
            word = match.group().lower().strip("'")
            if len(word) < 3 or word in _STOP:
                continue
            seen[word] += 1
            inside = sum(1 for i in range(match.start(), match.end()) if i in marked)
            if inside * 2 >= match.end() - match.start():
                toxic[word] += 1
    return sorted(w for w, n in seen.items() if n >= min_count and toxic[w] / n >= min_rate)


def build_lexicon(data_dir: Path) -> list[dict[str, str]]:
    """Seed terms (``data/lexicon/seed.json``) plus weak span words learned from Toxic Spans train."""
    seed = json.loads((data_dir / "lexicon" / "seed.json").read_text(encoding="utf-8"))["terms"]
    known = {r["term"] for r in seed}
    posts = load_toxic_spans(data_dir / "external" / "toxic-spans-2021", "train")
    identity = json.loads((data_dir / "lexicon" / "identity.json").read_text(encoding="utf-8"))
    group_words = {w.lower() for words in identity["characteristics"].values() for w in words}
    # A learned word that names a group ("gay", "mexican") would be pointed at as an insult: never.
    learned = [w for w in learn_span_words(posts, SPAN_WORD_MIN_COUNT, SPAN_WORD_MIN_RATE)
               if w not in _NOT_SPAN_WORDS and w not in group_words and w.rstrip("s") not in group_words]
    records = [dict(r, category=r.get("category", "offensive"), source="seed") for r in seed]
    records += [{"term": w, "label": "insult", "tier": "weak", "category": "offensive", "source": "toxic_spans"}
                for w in learned if w not in known]
    logger.info("lexicon: %d seed terms, %d learned from Toxic Spans", len(seed), len(records) - len(seed))
    return records


# -- metrics --------------------------------------------------------------------------------------


def _binary(y: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

    if len(y) == 0:  # an empty slice (thinned data, say) has no figures rather than an error
        return {"n": 0, "macro_f1": None, "precision": None, "recall": None, "accuracy": None}
    return {
        "n": int(len(y)),
        "macro_f1": round(float(f1_score(y, predicted, average="macro", zero_division=0)), 4),
        "precision": round(float(precision_score(y, predicted, zero_division=0)), 4),
        "recall": round(float(recall_score(y, predicted, zero_division=0)), 4),
        "accuracy": round(float(accuracy_score(y, predicted)), 4),
    }


def choose_threshold(y: np.ndarray, scores: np.ndarray, grid: Sequence[float] | None = None) -> float:
    """The threshold maximising macro-F1 of ``scores >= t`` against ``y`` on validation data."""
    from sklearn.metrics import f1_score

    grid = grid or [round(t, 2) for t in np.arange(0.2, 0.81, 0.02)]
    best = max(grid, key=lambda t: (f1_score(y, scores >= t, average="macro"), -abs(t - 0.5)))
    return float(best)


MULTILINGUAL_FILE = "multilingual_heldout.jsonl"
NON_ENGLISH = ("cy", "de", "es", "fr")


def non_english_figures(data_dir: Path, model: Any, encoder: Any) -> dict[str, Any]:
    """How the English-only heads fare on posts in Welsh, German, Spanish and French.

    Recall: ``workplace/multilingual_heldout.jsonl`` (48 insults, threats, harassment and stereotypes,
    12 per language, evaluation only). False alarms: the non-English rows of
    ``confidential/train.jsonl``, none of which is offensive or discriminatory (leaks and clean posts).
    A draft counts as flagged when either head reaches its threshold.
    """
    from screening.training import read_jsonl

    out: dict[str, Any] = {}

    def flagged(texts: list[str]) -> np.ndarray:
        return score_texts(texts, encoder.encode(texts), model, encoder).either(model)

    path = data_dir / "workplace" / MULTILINGUAL_FILE
    if path.is_file():
        rows = list(read_jsonl(path))
        hits = flagged([r["text"] for r in rows])
        languages = np.array([r["language"] for r in rows])
        out["non_english_recall"] = {lang: flagged_share(hits[languages == lang])
                                     for lang in NON_ENGLISH if (languages == lang).any()}
    path = data_dir / "confidential" / "train.jsonl"
    if path.is_file():
        rows = [r for r in read_jsonl(path) if r.get("language") in NON_ENGLISH]
        out["non_english_benign_flagged"] = flagged_share(flagged([r["text"] for r in rows]))
    return out


def flagged_share(flags: np.ndarray) -> dict[str, Any]:
    """How many of a set's drafts are flagged: ``{"n", "flagged", "rate"}`` (rate 0.0 for an empty set)."""
    return {"n": int(len(flags)), "flagged": int(np.sum(flags)),
            "rate": round(float(np.mean(flags)), 4) if len(flags) else 0.0}


@dataclass
class Scored:
    """Final (lexicon-aware) and head-only scores for a list of texts."""

    offensive: np.ndarray
    discriminatory: np.ndarray
    offensive_head: np.ndarray
    discriminatory_head: np.ndarray
    characteristic: list[str]

    def either(self, model: Any) -> np.ndarray:
        """Drafts either head flags at the model's thresholds."""
        return (self.offensive >= model.thresholds.offensive) | (self.discriminatory >= model.thresholds.discriminatory)


def score_texts(texts: list[str], embeddings: np.ndarray, model: Any, encoder: Any) -> Scored:
    from screening.toxicity.assess import assess

    results = assess(texts, embeddings, model, encoder)
    return Scored(
        offensive=np.array([r.offensive for r in results]),
        discriminatory=np.array([r.discriminatory for r in results]),
        offensive_head=np.array([r.offensive_head for r in results]),
        discriminatory_head=np.array([r.discriminatory_head for r in results]),
        characteristic=[r.characteristic for r in results],
    )


def toxic_spans_f1(posts: Sequence[tuple[str, list[int]]], model: Any, encoder: Any) -> dict[str, float]:
    """Mean per-post character F1 of ``offensive_spans`` on Toxic Spans posts (all treated as flagged)."""
    from screening.toxicity.spans import char_f1, offensive_spans

    methods: Counter[str] = Counter()
    scores = []
    for text, gold in posts:
        spans = offensive_spans(text, model.lexicon, model.offensive_proba, encoder, flagged=True,
                                threshold=model.thresholds.offensive)
        methods[spans[0].method if spans else "none"] += 1
        predicted = {i for s in spans for i in range(s.start, s.end)}
        scores.append(char_f1(predicted, set(gold)))
    return {"char_f1": round(float(np.mean(scores)), 4), "posts": len(posts),
            **{f"method_{k}": v for k, v in sorted(methods.items())}}


def measure(corpus: Corpus, data_dir: Path, model: Any, encoder: Any, span_posts: int | None = None) -> dict[str, Any]:
    """Every figure the model card reports, on validation / held-out data only."""
    metrics: dict[str, Any] = {}
    t_off, t_dis = model.thresholds.offensive, model.thresholds.discriminatory

    def scored(mask: np.ndarray) -> Scored:
        idx = np.flatnonzero(mask)
        return score_texts([corpus.examples[i].text for i in idx], corpus.embeddings[idx], model, encoder)

    m = corpus.mask("val", "olid")
    s = scored(m)
    metrics["olid_val"] = _binary(corpus.offensive[m], s.either(model))
    metrics["olid_val_offensive_head_only"] = _binary(corpus.offensive[m], s.offensive_head >= t_off)
    for source in ("hateval", "hatemoji", "stormfront"):
        m = corpus.mask("val", source)
        metrics[f"{source}_val"] = _binary(corpus.discriminatory[m], scored(m).discriminatory >= t_dis)

    # Workplace held-out drafts: per category, plus the characteristic named.
    m = corpus.mask("heldout", "workplace")
    s = scored(m)
    metrics["workplace_heldout_offensive"] = _binary(corpus.offensive[m], s.offensive >= t_off)
    metrics["workplace_heldout_discriminatory"] = _binary(corpus.discriminatory[m], s.discriminatory >= t_dis)
    gold = corpus.characteristic[m]
    hit = [(g, p) for g, p, d in zip(gold, s.characteristic, s.discriminatory >= t_dis, strict=True) if g and d]
    metrics["workplace_heldout_characteristic_accuracy"] = {
        "n": len(hit), "accuracy": round(sum(g == p for g, p in hit) / max(1, len(hit)), 4)}
    kinds = corpus.kind[m]
    either = s.either(model)
    for group in ("identity_positive", "counter_speech", "hard_negative", "banter"):
        metrics[f"workplace_heldout_fpr_{group}"] = flagged_share(either[kinds == group])
    # Fairness on public data: neutral ToxiGen sentences about the same groups (validation split).
    m = corpus.mask("val", "toxigen") & (corpus.discriminatory == 0)
    s = scored(m)
    metrics["toxigen_neutral_val_fpr"] = flagged_share(s.either(model))
    clean = load_corporate_clean(data_dir)
    s = score_texts(clean, encoder.encode(clean), model, encoder)
    metrics["corporate_clean_flagged"] = flagged_share(s.either(model))
    metrics.update(non_english_figures(data_dir, model, encoder))
    posts = load_toxic_spans(data_dir / "external" / "toxic-spans-2021", "trial")
    metrics["toxic_spans_trial"] = toxic_spans_f1(posts[:span_posts] if span_posts else posts, model, encoder)
    return metrics


def baseline_metrics(corpus: Corpus, thresholds: tuple[float, float]) -> dict[str, Any]:
    """The scikit-learn TF-IDF (character 2-5-grams) + logistic regression baseline, same data and splits."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = np.array(corpus.texts, dtype=object)
    train = corpus.split == "train"
    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True,
                                 max_features=150_000)
    vectoriser.fit(texts[train])
    out: dict[str, Any] = {}
    for head, labels, threshold in (("offensive", corpus.offensive, thresholds[0]),
                                    ("discriminatory", corpus.discriminatory, thresholds[1])):
        m = train & (labels >= 0)
        model = LogisticRegression(C=4.0, max_iter=3000).fit(vectoriser.transform(texts[m]), labels[m],
                                                             sample_weight=_weights(corpus, m))
        checks = (("olid", "val"), ("workplace", "heldout")) if head == "offensive" else (
            ("hateval", "val"), ("hatemoji", "val"), ("workplace", "heldout"))
        for source, split in checks:
            v = corpus.mask(split, source) & (labels >= 0)
            p = model.predict_proba(vectoriser.transform(texts[v]))[:, 1]
            out[f"{source}_{split}_{head}"] = _binary(labels[v], p >= threshold)
    return out


def embedding_only_metrics(corpus: Corpus, model: Any) -> dict[str, Any]:
    """The heads alone (no lexicon, no de-obfuscation), for the comparison table."""
    out: dict[str, Any] = {}
    for head, labels, threshold, proba in (
        ("offensive", corpus.offensive, model.thresholds.offensive, model.offensive_proba),
        ("discriminatory", corpus.discriminatory, model.thresholds.discriminatory, model.discriminatory_proba),
    ):
        checks = (("olid", "val"), ("workplace", "heldout")) if head == "offensive" else (
            ("hateval", "val"), ("hatemoji", "val"), ("workplace", "heldout"))
        for source, split in checks:
            v = corpus.mask(split, source) & (labels >= 0)
            texts = [corpus.examples[i].text for i in np.flatnonzero(v)]
            out[f"{source}_{split}_{head}"] = _binary(labels[v], proba(texts, corpus.embeddings[v]) >= threshold)
    return out


# -- artefact -------------------------------------------------------------------------------------


def write_artefact(models_dir: Path, data_dir: Path, heads: dict[str, Any], lexicon: list[dict[str, str]],
                   thresholds: dict[str, float], metrics: dict[str, Any]) -> Path:
    import skops.io as sio

    folder = models_dir / ARTEFACT[0] / ARTEFACT[1]
    folder.mkdir(parents=True, exist_ok=True)
    for head, estimator in heads.items():
        sio.dump(estimator, folder / f"{head}.skops")
    (folder / "lexicon.json").write_text(json.dumps({"terms": lexicon}, indent=1, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    identity = json.loads((data_dir / "lexicon" / "identity.json").read_text(encoding="utf-8"))
    (folder / "identity.json").write_text(json.dumps(identity, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    write_metadata(folder, {
        "name": ARTEFACT[0], "version": ARTEFACT[1], "encoder": f"encoder/{ENCODER_VERSION}",
        "thresholds": thresholds, "data_sha256": "pending", "metrics": metrics,
    }, [f"{h}.skops" for h in heads] + ["lexicon.json", "identity.json"])
    return folder


def finish_artefact(folder: Path, data_dir: Path, thresholds: dict[str, float], metrics: dict[str, Any],
                    card: str) -> dict[str, Any]:
    """Write the model card and the final metadata (hashes of every file, card included)."""
    (folder / "README.md").write_text(card, encoding="utf-8")
    files = sorted(p.name for p in folder.iterdir() if p.name != "metadata.json")
    return write_metadata(folder, {
        "name": ARTEFACT[0], "version": ARTEFACT[1], "encoder": f"encoder/{ENCODER_VERSION}",
        "thresholds": thresholds,
        "data_sha256": data_sha256(data_dir),
        "library_versions": library_versions("scikit-learn", "skops", "numpy", "onnxruntime", "tokenizers"),
        "git_revision": git_revision(),
        "hyperparameters": {"C": HEAD_C, "embedding_weight": EMBEDDING_WEIGHT,
                            "stacked_features": "TF-IDF hashed char_wb 2-5 (2^18) + word 1-2 (2^17) + embedding",
                            "workplace_weight": WORKPLACE_WEIGHT,
                            "calibration": {"offensive": "sigmoid on 10% of the training rows (seed 0), frozen head",
                                            "discriminatory": "sigmoid on 10% of the training rows, same draw",
                                            "characteristic": "sigmoid, cv=3"},
                            "span_word_min_count": SPAN_WORD_MIN_COUNT, "span_word_min_rate": SPAN_WORD_MIN_RATE},
        "metrics": metrics,
    }, files)


def train(data_dir: Path, models_dir: Path) -> dict[str, Any]:
    """Fit, pick thresholds, measure and write ``models/toxicity/v2``; returns the metrics."""
    from screening.encoder import load_encoder
    from screening.toxicity.model import load_toxicity_model
    from screening.training.toxicity_card import model_card

    data_dir, models_dir = Path(data_dir), Path(models_dir)
    corpus = build_corpus(data_dir)
    heads = fit_heads(corpus)
    lexicon = build_lexicon(data_dir)
    # Provisional artefact so the scoring path (lexicon floors, de-obfuscation) is the shipped one.
    folder = write_artefact(models_dir, data_dir, heads, lexicon, {"offensive": 0.5, "discriminatory": 0.5}, {})
    model = load_toxicity_model(root=models_dir, version=ARTEFACT[1])
    encoder = load_encoder()
    thresholds = pick_thresholds(corpus, model, encoder)
    folder = write_artefact(models_dir, data_dir, heads, lexicon, thresholds, {})
    model = load_toxicity_model(root=models_dir, version=ARTEFACT[1])
    metrics = measure(corpus, data_dir, model, encoder)
    if CARD_COMPARISON:
        metrics["comparison"] = {
            "tfidf_baseline": baseline_metrics(corpus, (thresholds["offensive"], thresholds["discriminatory"])),
            "embedding_heads_only": embedding_only_metrics(corpus, model)}
    metrics["lexicon_terms"] = dict(Counter(r["source"] for r in lexicon))
    metrics["training_rows"] = {k: int(v) for k, v in Counter(
        f"{e.source}/{e.split}" for e in corpus.examples).items()}
    metadata = finish_artefact(folder, data_dir, thresholds, metrics, model_card(thresholds, metrics))
    logger.info("wrote %s", folder)
    return metadata["metrics"]


def pick_thresholds(corpus: Corpus, model: Any, encoder: Any) -> dict[str, float]:
    """Offensive: best mean macro-F1 on OLID validation and workplace validation drafts (equal say);
    discriminatory: best macro-F1 on HatEval validation."""
    from sklearn.metrics import f1_score

    grid = [round(t, 2) for t in np.arange(0.2, 0.81, 0.02)]
    chosen = {}
    for head, labels, sources in (
        ("offensive", corpus.offensive, ("olid", "workplace")),
        # HatEval and the workplace validation drafts (equal say). v1 used HatEval alone: with only
        # ~10 workplace positives the choice fell to 0.32 and flagged identity-positive drafts;
        # v2 has several times more workplace adverts and matched hard negatives.
        ("discriminatory", corpus.discriminatory, ("hateval", "workplace")),
    ):
        parts = []
        for source in sources:
            m = corpus.mask("val", source) & (labels >= 0)
            idx = np.flatnonzero(m)
            s = score_texts([corpus.examples[i].text for i in idx], corpus.embeddings[idx], model, encoder)
            parts.append((labels[m], getattr(s, head)))

        def objective(t: float, parts: list[tuple[np.ndarray, np.ndarray]] = parts) -> float:
            return float(np.mean([f1_score(y, p >= t, average="macro") for y, p in parts]))

        chosen[head] = float(max(grid, key=lambda t: (objective(t), -abs(t - 0.5))))
        logger.info("threshold %s = %.2f (mean macro-F1 %.3f)", head, chosen[head], objective(chosen[head]))
    return chosen


def quantisation_effect(corpus: Corpus, model: Any, float_onnx: Path) -> dict[str, float]:
    """The same heads on float-ONNX embeddings vs the shipped int8 ones (OLID and HatEval validation)."""
    from screening.artefacts import load_artefact
    from screening.encoder import Encoder

    tokenizer = load_artefact("encoder", ENCODER_VERSION).file("tokenizer.json")
    float_encoder = Encoder(float_onnx, tokenizer)
    out: dict[str, float] = {}
    for source, labels, proba, threshold in (
        ("olid", corpus.offensive, model.offensive_proba, model.thresholds.offensive),
        ("hateval", corpus.discriminatory, model.discriminatory_proba, model.thresholds.discriminatory),
    ):
        m = corpus.mask("val", source)
        texts = [corpus.examples[i].text for i in np.flatnonzero(m)]
        as_float = float_encoder.encode(texts)
        out[f"{source}_int8"] = _binary(labels[m], proba(texts, corpus.embeddings[m]) >= threshold)["macro_f1"]
        out[f"{source}_float"] = _binary(labels[m], proba(texts, as_float) >= threshold)["macro_f1"]
        out[f"{source}_embedding_cosine_mean"] = round(float((as_float * corpus.embeddings[m]).sum(1).mean()), 4)
    return out


def evaluate(data_dir: Path, models_dir: Path, report_dir: Path) -> dict[str, Any]:
    """Re-measure the shipped artefact on the validation sets; writes ``report_dir/toxicity.{json,md}``."""
    from screening.encoder import load_encoder
    from screening.toxicity.model import load_toxicity_model
    from screening.training.toxicity_card import metrics_table

    data_dir, models_dir, report_dir = Path(data_dir), Path(models_dir), Path(report_dir)
    corpus = build_corpus(data_dir)
    model = load_toxicity_model(root=models_dir, version=ARTEFACT[1])
    metrics = measure(corpus, data_dir, model, encoder=load_encoder())
    float_onnx = data_dir.resolve().parent / "var" / "cache" / "encoder-float" / "model.onnx"
    if float_onnx.is_file():  # written by `encoder_export --keep-float var/cache/encoder-float`
        metrics["int8_vs_float"] = quantisation_effect(corpus, model, float_onnx)
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "toxicity.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    (report_dir / "toxicity.md").write_text(metrics_table(metrics) + "\n", encoding="utf-8")
    print(metrics_table(metrics))
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description="Train or evaluate the toxicity heads.")
    parser.add_argument("command", choices=["train", "evaluate"])
    parser.add_argument("--data-dir", type=Path, default=Path("data"))
    parser.add_argument("--models-dir", type=Path, default=models_root())
    parser.add_argument("--report-dir", type=Path, default=Path("var/reports"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("screening").setLevel(logging.INFO)
    if args.command == "train":
        print(json.dumps(train(args.data_dir, args.models_dir), indent=2))
    else:
        evaluate(args.data_dir, args.models_dir, args.report_dir)


if __name__ == "__main__":
    main()


__all__ = ["CHARACTERISTICS", "evaluate", "train"]
