"""How much the confidential detector adds to the pipeline's batch time.

``python -m bench.confidential [--n 1000] [--rounds 2]`` screens the same synthetic drafts
(``bench.corpus``) with the shipped policy and with the same policy minus
``confidential.hybrid.v1``, in one process, alternating the two so that machine noise hits both, and
reports the best time of each. When no other detector needs the shared MiniLM embedding, removing
this detector also removes the encoder pass, so ``overhead`` includes it;
``overhead_when_embedding_shared`` compares with a pipeline that computes the embedding anyway (as it
does once the toxicity or defamation detectors run), and the detector's own work (rules, head) is
reported separately.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

NAME = "confidential.hybrid.v1"


def measure(n: int = 1000, rounds: int = 2, seed: int = 8) -> dict[str, Any]:
    """Batch seconds for ``n`` drafts with and without the detector, and the relative overhead."""
    from bench.corpus import generate
    from screening.pipeline import Screener
    from screening.policy import load_policy

    texts = [p.text for p in generate(n, seed=seed)]
    policy = load_policy()
    if NAME not in policy.detectors:
        raise SystemExit(f"The shipped policy does not run {NAME}; nothing to measure.")
    with_it = Screener.load(policy=policy)
    without = Screener.load(policy=policy.model_copy(update={"detectors": [d for d in policy.detectors if d != NAME]}))
    # The pipeline as it will run once another detector needs the shared embedding (toxicity,
    # defamation): the encoder pass is paid either way, so only this detector's own work differs.
    shared = Screener(without.policy, without.detectors)
    shared._features = without._features | {"embedding"}
    screeners = {"without": without, "without_but_embedding_shared": shared, "with": with_it}
    for screener in screeners.values():
        screener.screen_many(texts[:32])  # warm caches and lazy loads outside the timing
    timings: dict[str, list[float]] = {key: [] for key in screeners}
    for _ in range(rounds):
        for key, screener in screeners.items():
            started = time.perf_counter()
            screener.screen_many(texts)
            timings[key].append(time.perf_counter() - started)
    detector = next(d for d in with_it.detectors if d.name == NAME)
    _, drafts = with_it._prepare(texts)
    started = time.perf_counter()
    detector.detect(drafts)
    own = time.perf_counter() - started
    best_with, best_without = min(timings["with"]), min(timings["without"])
    best_shared = min(timings["without_but_embedding_shared"])
    return {
        "drafts": n, "rounds": rounds, "detectors_with": list(policy.detectors),
        "seconds_with": round(best_with, 3), "seconds_without": round(best_without, 3),
        "seconds_without_but_embedding_shared": round(best_shared, 3),
        "overhead": round(best_with / best_without - 1.0, 4),
        "overhead_when_embedding_shared": round(best_with / best_shared - 1.0, 4),
        "detector_own_seconds": round(own, 3), "detector_own_share_of_batch": round(own / best_with, 4),
        "embedding_needed_without": "embedding" in without._features,
    }


def corporate_decisions(path: str = "data/corporate/clean.jsonl") -> dict[str, Any]:
    """What the whole shipped pipeline decides on the clean corporate set (every row should be allowed)."""
    from collections import Counter
    from pathlib import Path

    from screening.pipeline import Screener

    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    results = Screener.load().screen_many([r["text"] for r in rows])
    flagged = Counter(c for r in results for c in r.flagged_categories)
    return {
        "rows": len(rows), "decisions": dict(Counter(r.decision for r in results)),
        "drafts_flagged_by_category": dict(flagged),
        "not_allowed_ids": [row["id"] for row, r in zip(rows, results, strict=True) if r.decision != "allow"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--corporate", action="store_true", help="Also screen data/corporate/clean.jsonl.")
    args = parser.parse_args()
    print(json.dumps(measure(args.n, args.rounds), indent=2))
    if args.corporate:
        print(json.dumps(corporate_decisions(), indent=2))


if __name__ == "__main__":
    main()
