"""Offensive content: insults, profanity, harassment and mockery, threats, sexual content.

``offensive.minilm.v1``: a calibrated head on the text (TF-IDF n-grams) and the shared MiniLM embedding, plus an
obfuscation-tolerant lexicon (``screening.toxicity``); findings point at the offending words
(lexicon match, else leave-one-out attribution, else the sentence). ``Detection.scores`` always
carries the offensive score, also under the threshold. Model card: ``models/toxicity/v2/README.md``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import ClassVar

from screening.detectors.base import Draft, Feature
from screening.detectors.registry import register
from screening.findings import Category, Detection, Finding
from screening.toxicity.detector import ToxicityDetectorBase
from screening.toxicity.explain import cap_for_language, offensive_explanation, severity
from screening.toxicity.spans import offensive_spans

logger = logging.getLogger(__name__)


@register("offensive.minilm.v1")
class OffensiveDetector(ToxicityDetectorBase):
    """Flags offensive drafts and points at the words that make them so."""

    name: ClassVar[str] = "offensive.minilm.v1"
    version: ClassVar[str] = "2"
    categories: ClassVar[tuple[Category, ...]] = ("offensive",)
    requires: ClassVar[frozenset[Feature]] = frozenset({"embedding"})

    def detect(self, drafts: Sequence[Draft]) -> list[Detection]:
        model, encoder, assessments = self.assess_batch(drafts)
        results = []
        for draft, scored in zip(drafts, assessments, strict=True):
            findings = []
            if scored.offensive >= self.threshold:
                spans = offensive_spans(draft.text, model.lexicon, model.offensive_proba, encoder,
                                        flagged=True, threshold=self.threshold)
                for span in spans:
                    level = cap_for_language(severity(scored.offensive, span.label), draft.language)
                    findings.append(Finding(
                        category="offensive", label=span.label, start=span.start, end=span.end,
                        text=draft.text[span.start : span.end], score=round(scored.offensive, 4),
                        severity=level, detector=self.name,
                        explanation=offensive_explanation(span.label, span.obfuscated, draft.language),
                    ))
                logger.debug("offensive score %.3f (head %.3f), %d spans by %s", scored.offensive,
                             scored.offensive_head, len(spans), spans[0].method if spans else "-")
            results.append(Detection(findings=findings, scores={"offensive": round(scored.offensive, 4)}))
        return results
