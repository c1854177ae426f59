"""Measurements that run inside one fresh process each; ``bench.run`` starts them and reads their JSON.

``python -m bench.probes latency --drafts 1000`` and ``python -m bench.probes lingua --mode low``
print one JSON object on the last line of standard output.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import statistics
import sys
import time
from typing import Any


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in [0, 1]) of a non-empty list."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))
    return ordered[index]


def latency(drafts: int, seed: int) -> dict[str, Any]:
    """p50/p95 of ``Screener.screen`` beside one full en_core_web_sm pass over the same drafts.

    The two are timed alternately on each draft, so a burst of load from elsewhere on the machine
    hits both sides alike. The screener's result cache is off: every draft is really screened.
    """
    from bench.corpus import generate
    from screening.nlp import SPACY_MODEL, import_spacy
    from screening.pipeline import Screener

    texts = [p.text for p in generate(drafts, seed=seed)]
    started = time.perf_counter()
    screener = Screener.load()
    load_seconds = time.perf_counter() - started
    screener.cache_size = 0
    floor = import_spacy().load(SPACY_MODEL)  # the whole model, every component: one plain pass
    for text in texts[:10]:  # warm-up: first calls allocate
        floor(text)
        screener.screen(text)
    screen_times, floor_times = [], []
    for text in texts:
        t0 = time.perf_counter()
        floor(text)
        t1 = time.perf_counter()
        screener.screen(text)
        t2 = time.perf_counter()
        floor_times.append(t1 - t0)
        screen_times.append(t2 - t1)
    t0 = time.perf_counter()
    screener.screen_many(texts)
    batch_seconds = time.perf_counter() - t0
    means = _means(screener, texts, floor)
    return {
        **means,
        "drafts": len(texts),
        "chars_p50": statistics.median(len(t) for t in texts),
        "chars_max": max(len(t) for t in texts),
        "detectors": [d.name for d in screener.detectors],
        "load_seconds": load_seconds,
        "screen_p50_ms": 1000 * percentile(screen_times, 0.50),
        "screen_p95_ms": 1000 * percentile(screen_times, 0.95),
        "spacy_p50_ms": 1000 * percentile(floor_times, 0.50),
        "spacy_p95_ms": 1000 * percentile(floor_times, 0.95),
        "screen_one_by_one_per_s": len(texts) / sum(screen_times),
        "screen_many_per_s": len(texts) / batch_seconds,
    }


def _means(screener: Any, texts: list[str], floor: Any) -> dict[str, Any]:
    """Each speed means with and without, on the same drafts in this process."""
    from screening.encoder import load_encoder
    from screening.nlp import detect_languages, load_spacy
    from screening.toxicity.model import load_toxicity_model

    out: dict[str, Any] = {}
    prefilter = screener.prefilter
    if prefilter is not None:
        out["cleared_share"] = sum(prefilter.cleared(texts, detect_languages(texts))) / len(texts)
        screener.prefilter = None
        times = []
        for text in texts:
            t0 = time.perf_counter()
            screener.screen(text)
            times.append(time.perf_counter() - t0)
        screener.prefilter = prefilter
        out["no_prefilter_p50_ms"] = 1000 * percentile(times, 0.50)
        out["no_prefilter_p95_ms"] = 1000 * percentile(times, 0.95)
    # What single detectors add to the per-draft time: the whole pipeline against the same pipeline
    # without them (separate passes over the same drafts, so no memo is shared between the sides).
    from screening.pipeline import Screener

    def mean_ms(candidate: Any) -> float:
        t0 = time.perf_counter()
        for text in texts:
            candidate.screen(text)
        return 1000 * (time.perf_counter() - t0) / len(texts)

    def without(*names: str) -> Any:
        kept = [d for d in screener.detectors if d.name not in names]
        return Screener(screener.policy, kept, cache_size=0, prefilter=screener.prefilter)

    def batch_ms(candidate: Any) -> float:
        t0 = time.perf_counter()
        candidate.screen_many(texts)
        return 1000 * (time.perf_counter() - t0) / len(texts)

    out["all_detectors_batch_ms"] = batch_ms(screener)
    out["without_confidential_batch_ms"] = batch_ms(without("confidential.hybrid.v1"))
    out["all_detectors_mean_ms"] = mean_ms(screener)
    out["without_toxicity_mean_ms"] = mean_ms(without("offensive.minilm.v1", "discriminatory.minilm.v1"))
    out["without_confidential_mean_ms"] = mean_ms(without("confidential.hybrid.v1"))
    # The shared spaCy pass (senter, parser on demand) against the same model with its parser.
    shared, sample = load_spacy(), texts[:300]
    t0 = time.perf_counter()
    for text in sample:
        shared(text)
    out["shared_pass_ms"] = 1000 * (time.perf_counter() - t0) / len(sample)
    with_parser = floor.select_pipes(disable=["lemmatizer"])
    t0 = time.perf_counter()
    for text in sample:
        floor(text)
    out["parser_pass_ms"] = 1000 * (time.perf_counter() - t0) / len(sample)
    with_parser.restore()
    # The toxicity heads on one draft at a time: scikit-learn's predict_proba against the compiled copies.
    model, encoder = load_toxicity_model(), load_encoder()
    sample = texts[:100]
    rows = encoder.encode(sample)
    t0 = time.perf_counter()
    for i, text in enumerate(sample):
        for head in ("offensive", "discriminatory", "characteristic"):
            model.sklearn_proba(head, [text], rows[i : i + 1])
    out["heads_sklearn_ms"] = 1000 * (time.perf_counter() - t0) / len(sample)
    t0 = time.perf_counter()
    for i, text in enumerate(sample):
        model.offensive_proba([text], rows[i : i + 1])
        model.discriminatory_proba([text], rows[i : i + 1])
        model.characteristic_proba(rows[i : i + 1])
    out["heads_compiled_ms"] = 1000 * (time.perf_counter() - t0) / len(sample)
    out.update(_hashing_and_ruler(screener, texts, floor))
    return out


def _hashing_and_ruler(screener: Any, texts: list[str], floor: Any) -> dict[str, Any]:
    """The first stage's scoring per draft with and without the n-gram memo; the attribute ruler's time
    (``floor``: the whole model, loaded already, whose own attribute ruler is the comparison)."""
    from screening.compiled import hashing_without_memo
    from screening.nlp import load_spacy

    out: dict[str, Any] = {}
    prefilter = screener.prefilter
    if prefilter is not None:
        prefilter.proba(texts)  # the memo warm, as in a running service
        for key, memo in (("prefilter_score_memo_ms", True), ("prefilter_score_sklearn_ms", False)):
            t0 = time.perf_counter()
            with contextlib.nullcontext() if memo else hashing_without_memo():
                for text in texts:
                    prefilter.proba([text])
            out[key] = 1000 * (time.perf_counter() - t0) / len(texts)
    # The attribute ruler on docs that have been through the pipes before it (tagger and senter).
    shared, sample = load_spacy(), texts[:300]
    docs = []
    for text in sample:
        doc = shared.make_doc(text)
        for name, pipe in shared.pipeline:
            if name == "fast_attribute_ruler":
                break
            doc = pipe(doc)
        docs.append(doc)
    rulers = (("ruler_model_ms", floor.get_pipe("attribute_ruler")),
              ("ruler_fast_ms", shared.get_pipe("fast_attribute_ruler")))
    for key, ruler in rulers:
        t0 = time.perf_counter()
        for doc in docs:
            ruler(doc)
        out[key] = 1000 * (time.perf_counter() - t0) / len(docs)
    return out


def lingua(mode: str, drafts: int, seed: int) -> dict[str, Any]:
    """Resident memory and load time of language identification in one mode, and its answers."""
    import os

    import psutil

    from bench.corpus import generate

    os.environ["SCREENING_LANGUAGE_ACCURACY"] = mode
    from screening.nlp import detect_languages

    texts = [p.text for p in generate(drafts, seed=seed)] + MULTILINGUAL
    process = psutil.Process()
    before = process.memory_info().rss
    started = time.perf_counter()
    detect_languages(["Warm-up text long enough to need the detector."])
    load_seconds = time.perf_counter() - started
    rss_mb = (process.memory_info().rss - before) / 1e6
    started = time.perf_counter()
    codes = detect_languages(texts)
    return {"mode": mode, "load_seconds": load_seconds, "rss_mb": rss_mb, "codes": codes,
            "detect_per_s": len(texts) / (time.perf_counter() - started)}


# Short drafts in the other supported languages (synthetic, written for this benchmark).
MULTILINGUAL = [
    "Merci à tous d'être venus à la journée portes ouvertes aujourd'hui.",
    "Les candidatures pour l'apprentissage ferment vendredi.",
    "Danke an alle, die heute zum Tag der offenen Tür gekommen sind.",
    "Die Bewerbungen für die Ausbildung enden am Freitag.",
    "Gracias a todos los que vinieron hoy a la jornada de puertas abiertas.",
    "Las solicitudes para el programa de aprendices cierran el viernes.",
    "Diolch i bawb a ddaeth i'r diwrnod agored heddiw.",
    "Mae ceisiadau ar gyfer y cynllun prentisiaeth yn cau ddydd Gwener.",
    "Fiers de nos apprenants qui ont présenté leurs projets cette semaine.",
    "Stolz auf unsere Auszubildenden, die diese Woche ihre Projekte vorgestellt haben.",
    "Orgullosos de nuestros estudiantes que presentaron sus proyectos esta semana.",
    "Balch iawn o'n dysgwyr a gyflwynodd eu prosiectau yr wythnos hon.",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("probe", choices=("latency", "lingua"))
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--mode", choices=("low", "high"), default="low")
    args = parser.parse_args(argv)
    if args.probe == "latency":
        result = latency(args.drafts, args.seed)
    else:
        result = lingua(args.mode, args.drafts, args.seed)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
