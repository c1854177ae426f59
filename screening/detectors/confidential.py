"""The confidential detector: credentials, internal systems, term lists, markers and a trained classifier.

Registered as ``confidential.hybrid.v1``. Evidence comes in three strengths:

- **Hard rules** stand on their own: credentials (detect-secrets' plugins in-process, and
  credentials written in prose), internal host names and private IP addresses, the policy's term
  lists, and confidentiality markers ("internal use only", "under NDA", "embargoed until", and their
  Welsh, French, German and Spanish forms). The span is the value, host, term or marker.
- **Soft cues** ("not yet published" by a figure, "still vulnerable to", exam answers, "Project X
  launches in May", "don't tell anyone yet") are weighed with the classifier: the finding's score is
  ``1 - (1 - p_leak) * (1 - cue weight)`` and the classifier picks the sub-type among those the cue
  allows. The span is the sentence.
- **The classifier alone** (a logistic-regression head over the shared MiniLM embedding, trained
  on ``data/confidential/``) reports the most likely sub-type when nothing else fired and
  ``p_leak = 1 - p(none)`` is at least the head's ``classifier_min`` (chosen by cross-validation on the
  training rows when the head is trained, stored in its ``metadata.json``); the span is the sentence
  it scores highest.

Labels are the sub-type names (``credential``, ``internal_host``, ...) or ``term_list.<slug>`` for
a term list, so a policy can act per label (``label_actions``). Credentials and terms from a list
whose action is ``block`` are high severity; the factory refuses a policy in which such a list
could not block.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import numpy as np

from screening.detectors.base import Draft, Feature
from screening.detectors.confidential_parts import credentials, cues
from screening.detectors.confidential_parts.classifier import ConfidentialHead
from screening.detectors.confidential_parts.common import (
    CLASSES,
    DESCRIPTIONS,
    SUBTYPES,
    Hit,
    Sentence,
    SubType,
    sentences,
)
from screening.detectors.confidential_parts.hosts import HostMatcher
from screening.detectors.confidential_parts.terms import TermMatcher, label_for, subtype_for
from screening.detectors.registry import register
from screening.errors import ConfigError
from screening.findings import Category, Detection, Finding
from screening.policy.model import Policy

logger = logging.getLogger(__name__)

_NONE = CLASSES.index("none")
# A soft cue in a draft detected as not English weighs at least this much: with the default policy
# threshold (0.5) the cue alone then shows the sentence for review. Cues are conjunctions (a figure
# *and* "not yet published", a weakness *and* "still"), so they are specific enough to stand alone.
NON_ENGLISH_CUE_WEIGHT = 0.5


@register("confidential.hybrid.v1")
class ConfidentialDetector:
    """Finds confidential information in drafts; see the module docstring for how."""

    name: ClassVar[str] = "confidential.hybrid.v1"
    version: ClassVar[str] = "1"
    categories: ClassVar[tuple[Category, ...]] = ("confidential",)
    requires: ClassVar[frozenset[Feature]] = frozenset({"embedding"})

    def __init__(self, policy: Policy, models_root: Path | None = None) -> None:
        _check_block_lists(policy)
        self._models_root = models_root
        self._terms = TermMatcher(policy.term_lists)
        self._hosts = HostMatcher(policy.allow_list.domains)
        self._subtype_by_label: dict[str, SubType] = {s: s for s in SUBTYPES}
        self._subtype_by_label.update({label_for(tl): subtype_for(tl) for tl in policy.term_lists})
        self._head: ConfidentialHead | None = None
        self._threshold = policy.categories["confidential"].threshold

    def load(self) -> None:
        """Build detect-secrets' plugins and load the classifier head (idempotent)."""
        credentials.load()
        if self._head is None:
            self._head = ConfidentialHead.load(self._models_root)

    @property
    def classifier_min(self) -> float:
        """The leak probability at which the classifier reports on its own (rules and cues report below it)."""
        self.load()
        assert self._head is not None
        return float(self._head.classifier_min)

    def subtype_of(self, label: str) -> SubType | None:
        """The sub-type a finding label stands for (a term list's label maps to its list's sub-type)."""
        return self._subtype_by_label.get(label)

    def detect(self, drafts: Sequence[Draft]) -> list[Detection]:
        self.load()
        assert self._head is not None
        # A draft the pipeline's first stage cleared keeps every rule; the classifier (and the embedding
        # it reads) is skipped unless a soft cue needs its leak probability.
        probabilities = np.zeros((len(drafts), len(CLASSES)), dtype=np.float64)
        probabilities[:, _NONE] = 1.0
        found = [cues.find(d.text) for d in drafts]  # (markers, soft cues) per draft, read once
        scored = [i for i, d in enumerate(drafts) if not d.cleared or found[i][1]]
        if scored:
            probabilities[scored] = self._head.proba(self._embeddings([drafts[i] for i in scored]))
        analysed = [self._hits(d.text, p, d.language, f)
                    for d, p, f in zip(drafts, probabilities, found, strict=True)]
        # Drafts the classifier alone reports: score their sentences in one encoder pass for the batch
        # (one pass per draft cost more than the rest of the detector together).
        wanted = [i for i, (_, needs) in enumerate(analysed) if needs]
        spans = {i: sentences(drafts[i].text) for i in wanted}
        chunks = [(i, s) for i in wanted if len(spans[i]) > 1 for s in spans[i]]
        leakiest: dict[int, tuple[float, Sentence]] = {}
        if chunks:
            from screening.encoder import load_encoder

            scored = self._head.proba(load_encoder().encode([drafts[i].text[s.start:s.end] for i, s in chunks]))
            for (i, span), row in zip(chunks, scored, strict=True):
                if i not in leakiest or row[_NONE] < leakiest[i][0]:
                    leakiest[i] = (float(row[_NONE]), span)
        out = []
        for i, (draft, proba) in enumerate(zip(drafts, probabilities, strict=True)):
            hits = analysed[i][0]
            if analysed[i][1]:
                best = leakiest[i][1] if i in leakiest else (spans[i][0] if spans[i] else None)
                hits = [*hits, self._classifier_hit(draft.text, proba, best)]
            hits = _prefer_content(hits, self._threshold)
            out.append(self._detection(draft.text, proba, hits))
        return out

    # -- internals ---------------------------------------------------------------------------

    @staticmethod
    def _embeddings(drafts: Sequence[Draft]) -> np.ndarray:
        missing = [i for i, d in enumerate(drafts) if d.embedding is None]
        matrix = np.zeros((len(drafts), 384), dtype=np.float32)
        for i, draft in enumerate(drafts):
            if draft.embedding is not None:
                matrix[i] = draft.embedding
        if missing:
            # Called outside the pipeline (tests, tools): embed here with the same shared encoder.
            from screening.encoder import load_encoder

            matrix[missing] = load_encoder().encode([drafts[i].text for i in missing])
        return matrix

    def _hits(self, text: str, proba: np.ndarray, language: str | None,
              found: tuple[list[Hit], list[cues.Cue]] | None = None) -> tuple[list[Hit], bool]:
        """Rule and cue hits of one draft, and whether the classifier alone should add one."""
        p_leak = float(1.0 - proba[_NONE])
        markers, soft_cues = found if found is not None else cues.find(text)
        hard = _merge(credentials.find(text) + self._hosts.find(text) + self._terms.find(text) + markers)
        # MiniLM is an English encoder: in other languages its leak probability is low even on clear
        # leaks, so a cue there must carry the finding on its own (weight at least NON_ENGLISH_CUE_WEIGHT).
        floor = NON_ENGLISH_CUE_WEIGHT if language not in (None, "en", "und") else 0.0
        # A soft cue or the classifier says nothing where the draft says the kind of leak is over
        # (embargo lifted, weakness fixed, figures published, project launched, harmless "internal").
        soft = [h for h in self._soft(proba, p_leak, hard, soft_cues, floor) if not cues.negated(text, h.subtype, h.start)]
        hits = hard + soft
        # The classifier alone reports at the artefact's cross-validated threshold (``classifier_min``).
        assert self._head is not None
        minimum = self._head.classifier_min
        # It adds nothing where a rule or cue already reports the sub-type it would name.
        top: SubType = max((proba[CLASSES.index(s)], s) for s in SUBTYPES)[1]
        # Credentials and hosts are strings the rules read directly: the classifier alone names the first only
        # where the draft names a secret at all, and never the second (a host the rules left alone is public).
        # Falling back to its next sub-type was tried: on these drafts that one was wrong as well.
        if top == "internal_host" or (top == "credential" and not credentials.could_hold_one(text)):
            return hits, False
        # Nor beside a rule that names what leaks (a credential, a host, a term, an embargo or NDA marker):
        # the draft is reported already, and the classifier's second sub-type there is a guess.
        return hits, (p_leak >= minimum and not cues.negated(text, top)
                      and not any(h.score >= minimum or h.subtype == top for h in hits)
                      and not any(h.hard and h.label != "internal_marker" for h in hits))

    def _detection(self, text: str, proba: np.ndarray, hits: list[Hit]) -> Detection:
        p_leak = float(1.0 - proba[_NONE])
        findings = [
            Finding(category="confidential", label=h.label, start=h.start, end=h.end, text=text[h.start:h.end],
                    score=round(min(max(h.score, 0.0), 1.0), 4), severity=h.severity, detector=self.name,
                    explanation=h.explanation)
            for h in sorted(hits, key=lambda h: (h.start, h.end, h.label))
        ]
        for f in findings:
            logger.debug("confidential %s score=%.3f at [%d, %d)", f.label, f.score, f.start, f.end)
        top = max([p_leak, *(f.score for f in findings)])
        return Detection(findings=findings, scores={"confidential": round(top, 4)})

    @staticmethod
    def _soft(proba: np.ndarray, p_leak: float, hard: list[Hit], soft_cues: list[cues.Cue],
              weight_floor: float = 0.0) -> list[Hit]:
        out: list[Hit] = []
        specific = [c for c in soft_cues if len(c.subtypes) == 1]
        for cue in soft_cues:
            if len(cue.subtypes) > 1 and (specific or hard):
                # "Don't tell anyone yet" says something is secret, not what: a draft with a specific cue
                # (exam, weakness, figures, client) or a rule is read as that, wherever it sits.
                continue
            subtype = max(cue.subtypes, key=lambda s: proba[CLASSES.index(s)])
            if any(h.subtype == subtype and h.start < cue.end and cue.start < h.end for h in hard):
                continue  # the same sentence already has hard evidence of this kind
            score = 1.0 - (1.0 - p_leak) * (1.0 - max(cue.weight, weight_floor))
            out.append(Hit(
                subtype=subtype, label=subtype, start=cue.start, end=cue.end, score=score, severity="medium",
                explanation=(f"This sentence looks like {DESCRIPTIONS[subtype]} ({cue.reason}; classifier "
                             f"leak probability {p_leak:.2f}). Check it is public before posting."),
                hard=False,
            ))
        return _merge(out)

    @staticmethod
    def _classifier_hit(text: str, proba: np.ndarray, best: Sentence | None) -> Hit:
        """The classifier's own finding, on ``best`` (the leakiest sentence) or the whole draft."""
        p_leak = float(1.0 - proba[_NONE])
        leak = [(proba[CLASSES.index(s)], s) for s in SUBTYPES]
        subtype: SubType = max(leak)[1]
        start, end = (best.start, best.end) if best else (0, len(text))
        return Hit(
            subtype=subtype, label=subtype, start=start, end=end, score=p_leak, severity="medium",
            explanation=(f"The classifier reads this as {DESCRIPTIONS[subtype]} (leak probability "
                         f"{p_leak:.2f}), though no rule matched. Check it is public before posting."),
            hard=False,
        )


def _prefer_content(hits: list[Hit], threshold: float) -> list[Hit]:
    """Drop the ``internal_marker`` finding where another reported one says what leaks.

    "Internal only" or "don't share" on a post with a password, an exam answer or unreleased figures is
    how the post is marked, not what it leaks: the draft is reported under the content's sub-type. A
    marker stays when it is the only reported evidence (and term lists keep their own labels).
    """
    if any(h.label != "internal_marker" and h.subtype != "internal_marker" and h.score >= threshold for h in hits):
        return [h for h in hits if h.label != "internal_marker"]
    return hits


def _merge(hits: list[Hit]) -> list[Hit]:
    """Keep one hit per overlapping group of the same label: the highest-scoring, longest one."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.score, -(h.end - h.start), h.start)):
        if any(k.label == hit.label and k.start < hit.end and hit.start < k.end for k in kept):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


def _check_block_lists(policy: Policy) -> None:
    """Refuse a policy where a term list's ``block`` action could not take effect."""
    rules = policy.categories["confidential"]
    for term_list in policy.term_lists:
        if term_list.action != "block":
            continue
        label = label_for(term_list)
        if rules.label_actions.get(label) == "block" or rules.block_severity in ("medium", "high"):
            continue
        raise ConfigError(
            f"Term list {term_list.name!r} has action 'block', but the policy's confidential category "
            f"neither sets block_severity nor label_actions[{label!r}]: block; its matches would only be "
            f"reviewed. Add `block_severity: high` or `label_actions: {{{label}: block}}` under "
            "categories.confidential."
        )
