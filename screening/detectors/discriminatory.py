"""Discriminatory content: demeaning people for an Equality Act 2010 protected characteristic.

``discriminatory.minilm.v1``: a calibrated head on the text and the shared MiniLM embedding, a characteristic
head naming which characteristic (the finding's label: ``age``, ``race``, ``sex`` ...), and the
slur lexicon. Findings point at a slur when there is one, else at the sentence the head scores
highest (``biased job adverts``: "not suitable for mums"). ``Detection.scores`` always carries the
discriminatory score. Model card: ``models/toxicity/v2/README.md``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import ClassVar

from screening.detectors.base import Draft, Feature
from screening.detectors.registry import register
from screening.findings import Category, Detection, Finding
from screening.toxicity.detector import ToxicityDetectorBase
from screening.toxicity.explain import (
    cap_for_language,
    discriminatory_explanation,
    severity,
)
from screening.toxicity.spans import best_sentence

logger = logging.getLogger(__name__)


@register("discriminatory.minilm.v1")
class DiscriminatoryDetector(ToxicityDetectorBase):
    """Flags drafts that demean or exclude people for a protected characteristic."""

    name: ClassVar[str] = "discriminatory.minilm.v1"
    version: ClassVar[str] = "2"
    categories: ClassVar[tuple[Category, ...]] = ("discriminatory",)
    requires: ClassVar[frozenset[Feature]] = frozenset({"embedding"})

    def detect(self, drafts: Sequence[Draft]) -> list[Detection]:
        model, encoder, assessments = self.assess_batch(drafts)
        results = []
        for draft, scored in zip(drafts, assessments, strict=True):
            findings = []
            score = round(scored.discriminatory, 4)
            if scored.discriminatory >= self.threshold:
                slurs = [m for m in scored.matches if m.term.category == "discriminatory" and m.term.tier == "strong"]
                if slurs:
                    spans = [(m.start, m.end, m.term.label, True) for m in slurs]
                else:
                    parts = best_sentence(draft.text, model.discriminatory_proba, encoder, self.threshold)
                    spans = [(s, e, scored.characteristic, False) for s, e in parts]
                for start, end, label, is_slur in spans:
                    findings.append(Finding(
                        category="discriminatory", label=label, start=start, end=end,
                        text=draft.text[start:end], score=score,
                        severity=cap_for_language(severity(score), draft.language), detector=self.name,
                        explanation=discriminatory_explanation(label, is_slur, draft.language),
                    ))
                logger.debug("discriminatory score %.3f (head %.3f), label %s, %d spans", scored.discriminatory,
                             scored.discriminatory_head, scored.characteristic, len(spans))
            results.append(Detection(findings=findings, scores={"discriminatory": score}))
        return results
