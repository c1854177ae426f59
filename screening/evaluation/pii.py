"""Entity-level evaluation of the ``pii.presidio.v1`` detector on ``data/pii``.

A gold entity is found when a reported finding overlaps it and belongs to the same label family
(a street address found as a postcode, or a sort code found as an IBAN, still counts); a finding is
correct when it overlaps a gold entity of its family. Findings are what the pipeline reports under
the policy (threshold and allow list applied), so the figures are the ones staff would see.

    python -m screening.evaluation.pii [--split dev|heldout] [--policy FILE] [--report FILE]
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import screening.detectors  # noqa: F401  (imports the detectors with torch hidden, see screening.nlp)
from screening.detectors.pii import label_family
from screening.findings import Finding

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "pii"
DETECTOR = "pii.presidio.v1"

# Labels that name the same kind of thing match each other (the detector's own families).
family = label_family


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Per-label counts and rates (recall by gold label, precision by reported label)."""

    label: str
    gold: int
    found: int
    reported: int
    correct: int

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else float("nan")

    @property
    def precision(self) -> float:
        return self.correct / self.reported if self.reported else float("nan")


@dataclass
class PiiReport:
    """What ``evaluate`` measured."""

    split: str
    drafts: int
    recall: float
    precision: float
    labels: list[LabelScore]
    negative_drafts: int
    negative_drafts_flagged: int
    seconds_spacy: float
    seconds_pipeline: float
    misses: list[dict[str, object]] = field(default_factory=list)
    false_alarms: list[dict[str, object]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["labels"] = [dict(asdict(s), recall=_r(s.recall), precision=_r(s.precision)) for s in self.labels]
        return data

    def table(self) -> str:
        lines = [f"{'label':38} {'gold':>5} {'recall':>7} {'reported':>8} {'precision':>9}"]
        for s in self.labels:
            lines.append(f"{s.label:38} {s.gold:5d} {_fmt(s.recall):>7} {s.reported:8d} {_fmt(s.precision):>9}")
        lines.append(f"{'ALL':38} {sum(s.gold for s in self.labels):5d} {_fmt(self.recall):>7} "
                     f"{sum(s.reported for s in self.labels):8d} {_fmt(self.precision):>9}")
        lines.append(f"drafts {self.drafts}; drafts without gold entities flagged: "
                     f"{self.negative_drafts_flagged}/{self.negative_drafts}")
        lines.append(f"spaCy alone {self.seconds_spacy:.2f}s, whole pipeline {self.seconds_pipeline:.2f}s "
                     f"(x{self.seconds_pipeline / max(self.seconds_spacy, 1e-9):.2f})")
        return "\n".join(lines)


def _r(x: float) -> float | None:
    return None if x != x else round(x, 4)


def _fmt(x: float) -> str:
    return "-" if x != x else f"{x:.3f}"


def load_examples(split: str, data_dir: Path = DATA_DIR) -> list[dict[str, object]]:
    path = data_dir / f"{split}.jsonl"
    if not path.exists():
        from screening.errors import ConfigError

        raise ConfigError(f"No PII data at {path}; run `python -m screening.training.pii_data` to generate it.")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(examples: Iterable[dict[str, object]], predictions: Iterable[list[Finding]]) -> tuple[
        list[LabelScore], list[dict[str, object]], list[dict[str, object]], int, int]:
    """Per-label scores, the misses and false alarms, and how many negative drafts were flagged."""
    gold_n: Counter[str] = Counter()
    found_n: Counter[str] = Counter()
    reported_n: Counter[str] = Counter()
    correct_n: Counter[str] = Counter()
    misses: list[dict[str, object]] = []
    false_alarms: list[dict[str, object]] = []
    negatives = flagged = 0
    for example, findings in zip(examples, predictions, strict=True):
        spans: list[dict[str, object]] = example["spans"]  # type: ignore[assignment]
        if not spans:
            negatives += 1
            flagged += bool(findings)
        for span in spans:
            label = str(span["label"])
            gold_n[label] += 1
            if any(_overlap(f.start, f.end, span["start"], span["end"]) and family(f.label) == family(label)  # type: ignore[arg-type]
                   for f in findings):
                found_n[label] += 1
            else:
                misses.append({"id": example["id"], "label": label, "text": span.get("text")})
        for f in findings:
            reported_n[f.label] += 1
            if any(_overlap(f.start, f.end, s["start"], s["end"]) and family(f.label) == family(str(s["label"]))  # type: ignore[arg-type]
                   for s in spans):
                correct_n[f.label] += 1
            else:
                false_alarms.append({"id": example["id"], "label": f.label, "text": f.text, "score": f.score})
    labels = sorted(set(gold_n) | set(reported_n))
    table = [LabelScore(label, gold_n[label], found_n[label], reported_n[label], correct_n[label]) for label in labels]
    return table, misses, false_alarms, negatives, flagged


def evaluate(split: str = "dev", policy_path: str | Path | None = None, data_dir: Path = DATA_DIR,
             repeats: int = 3) -> PiiReport:
    """Screen every draft of a split with only the PII detector and score the reported findings.

    Also times one spaCy pass over the drafts against the whole pipeline (normalisation, language
    identification, the shared spaCy pass and the detector), best of ``repeats`` runs each.
    """
    from screening.nlp import load_spacy
    from screening.pipeline import Screener
    from screening.policy import load_policy

    policy = load_policy(policy_path)
    screener = Screener.load(policy=policy.model_copy(update={"detectors": [DETECTOR]}))
    screener.cache_size = 0  # every run must screen every draft, or the timing means nothing
    examples = load_examples(split, data_dir)
    texts = [str(e["text"]) for e in examples]
    nlp = load_spacy()
    screener.screen_many(texts[:16])  # warm up both paths
    # The machine is shared: time both paths alternately and keep each one's best run.
    seconds_spacy = seconds_pipeline = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        list(nlp.pipe(texts, batch_size=screener.batch_size))
        seconds_spacy = min(seconds_spacy, time.perf_counter() - started)
        started = time.perf_counter()
        results = screener.screen_many(texts)
        seconds_pipeline = min(seconds_pipeline, time.perf_counter() - started)
    table, misses, false_alarms, negatives, flagged = score(examples, [r.findings for r in results])
    gold = sum(s.gold for s in table)
    reported = sum(s.reported for s in table)
    return PiiReport(
        split=split, drafts=len(examples),
        recall=sum(s.found for s in table) / gold if gold else float("nan"),
        precision=sum(s.correct for s in table) / reported if reported else float("nan"),
        labels=table, negative_drafts=negatives, negative_drafts_flagged=flagged,
        seconds_spacy=round(seconds_spacy, 3), seconds_pipeline=round(seconds_pipeline, 3),
        misses=misses, false_alarms=false_alarms,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Evaluate the PII detector on data/pii.")
    parser.add_argument("--split", default="dev", choices=["dev", "heldout"])
    parser.add_argument("--policy", default=None, help="policy file (default: the shipped one)")
    parser.add_argument("--report", type=Path, default=None, help="write the full report as JSON here")
    parser.add_argument("--show-errors", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--repeats", type=int, default=3, help="timing runs (best one counts)")
    args = parser.parse_args(argv)
    report = evaluate(args.split, args.policy, repeats=max(1, args.repeats))
    print(report.table())
    if args.show_errors:
        for miss in report.misses:
            print("MISS", json.dumps(miss, ensure_ascii=False))
        for alarm in report.false_alarms:
            print("FALSE", json.dumps(alarm, ensure_ascii=False))
    if args.report:
        args.report.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
