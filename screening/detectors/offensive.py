"""Offensive content: insults, profanity, harassment and mockery, threats, sexual content.

``offensive.minilm.v1``: a calibrated head on the shared MiniLM embedding plus an
obfuscation-tolerant lexicon (``screening.toxicity``); findings point at the offending words
(lexicon match, else leave-one-out attribution, else the sentence). ``Detection.scores`` always
carries the offensive score, also under the threshold. Model card: ``models/toxicity/v1/README.md``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from screening.detectors.base import Draft, Feature
from screening.detectors.registry import register
from screening.findings import Category, Detection, Finding
from screening.toxicity.assess import assess
from screening.toxicity.explain import cap_for_language, draft_embeddings, offensive_explanation, severity
from screening.toxicity.spans import offensive_spans

if TYPE_CHECKING:
    from screening.encoder import Encoder
    from screening.policy.model import Policy
    from screening.toxicity.model import ToxicityModel

logger = logging.getLogger(__name__)


@register("offensive.minilm.v1")
class OffensiveDetector:
    """Flags offensive drafts and points at the words that make them so."""

    name: ClassVar[str] = "offensive.minilm.v1"
    version: ClassVar[str] = "1"
    categories: ClassVar[tuple[Category, ...]] = ("offensive",)
    requires: ClassVar[frozenset[Feature]] = frozenset({"embedding"})

    def __init__(self, policy: Policy) -> None:
        self.threshold = policy.categories["offensive"].threshold
        self._model: ToxicityModel | None = None
        self._encoder: Encoder | None = None

    def load(self) -> None:
        if self._model is None:
            from screening.encoder import load_encoder
            from screening.toxicity.model import load_toxicity_model

            self._model = load_toxicity_model()
            self._encoder = load_encoder()

    def detect(self, drafts: Sequence[Draft]) -> list[Detection]:
        self.load()
        assert self._model is not None and self._encoder is not None
        model, encoder = self._model, self._encoder
        embeddings = draft_embeddings(drafts, encoder)
        results = []
        for draft, scored in zip(drafts, assess([d.text for d in drafts], embeddings, model, encoder), strict=True):
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
