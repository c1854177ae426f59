"""The screening pipeline: policy + detectors -> one decision per draft.

``Screener.load()`` reads the policy and builds (and loads) every detector it names, once.
``screen_many`` normalises the drafts, makes one spaCy ``Doc`` and one embedding per draft only if
some detector needs them, runs each detector over the whole batch, maps every span back onto the
original text, applies the policy's thresholds and actions, and fails closed: a detector that
raises is recorded in the result and the decision becomes at least ``review``.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from screening import redaction
from screening.errors import DetectorError, InputError
from screening.findings import (
    CATEGORIES,
    Decision,
    Detection,
    DetectorFailure,
    Finding,
    ScreeningResult,
    stricter,
)
from screening.nlp import detect_languages, load_spacy, torch_hidden
from screening.normalise import NormalisedText, normalise
from screening.policy import Policy, load_policy

# Importing the detectors imports presidio and spaCy; without this guard thinc and presidio would
# also import torch (~190 MB, a second or more), which no runtime model uses. See screening.nlp.
with torch_hidden():
    from screening.detectors import registry
    from screening.detectors.base import Detector, Draft, Feature

if TYPE_CHECKING:
    from screening.prefilter import Prefilter

logger = logging.getLogger(__name__)

_SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2}


class Screener:
    """Screens drafts against a policy with the detectors it names.

    Build it with ``Screener.load(policy_path)``; it is safe to share between threads once loaded.
    Identical drafts are screened once: within a ``screen_many`` call, and across calls through a
    small LRU cache of the last ``cache_size`` results (a draft re-checked after an unrelated edit
    elsewhere, a retweet in an audit). Detectors are deterministic, so a cached result is the
    result; ``cache_size=0`` turns the cache off.
    """

    def __init__(
        self, policy: Policy, detectors: Sequence[Detector], batch_size: int = 64, cache_size: int = 512,
        prefilter: Prefilter | None = None,
    ) -> None:
        self.policy = policy
        self.detectors = list(detectors)
        self.prefilter = prefilter
        self.batch_size = batch_size
        self.cache_size = cache_size
        self._cache: OrderedDict[str, ScreeningResult] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._features: frozenset[Feature] = frozenset().union(*(d.requires for d in self.detectors))

    @classmethod
    def load(cls, policy_path: str | Path | None = None, *, policy: Policy | None = None) -> Screener:
        """Load the policy (the shipped default when ``None``) and every model it needs, once."""
        if policy is None:
            policy = load_policy(policy_path)
        started = time.perf_counter()
        # No runtime model needs torch (the encoder is onnxruntime), yet spaCy's thinc and presidio
        # import it when they can: ~190 MB and a second of start-up. See screening.nlp.
        with torch_hidden():
            import screening.detectors  # noqa: F401  (registers the built-in detectors)

            detectors = [registry.get(name)(policy) for name in policy.detectors]
            for detector in detectors:
                detector.load()
            screener = cls(policy, detectors)
            if policy.prefilter and "embedding" in screener._features:
                from screening.prefilter import load_prefilter

                screener.prefilter = load_prefilter()
            if "doc" in screener._features:
                load_spacy()
            if "embedding" in screener._features:
                from screening.encoder import load_encoder

                load_encoder()
        logger.info(
            "screener loaded: policy %s, detectors %s, %.2fs",
            policy.version, [d.name for d in detectors], time.perf_counter() - started,
        )
        return screener

    # -- public API -------------------------------------------------------------------------

    def check_text(self, text: object) -> str:
        """Validate one draft's text, raising ``InputError`` with a sentence saying what is wrong."""
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"The draft is not valid UTF-8 (byte {exc.start} cannot be decoded); save it as UTF-8 and try again."
                ) from None
        if not isinstance(text, str):
            raise InputError(f"The draft must be text, not {type(text).__name__}.")
        # Invisible characters alone (zero-width spaces) are empty too; a letter or digit survives normalising.
        if not any(ch.isalnum() for ch in text[:64]) and not normalise(text).text.strip():
            raise InputError("The draft is empty or only whitespace; paste the text you want to post.")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate (e.g. JSON "\ud800") cannot be stored or hashed
            raise InputError(
                f"The draft has an unpaired surrogate character at position {exc.start}, which is not valid "
                "Unicode text; remove it (it is often a broken emoji) and try again."
            ) from None
        limit = self.policy.limits.max_chars
        if len(text) > limit:
            raise InputError(
                f"The draft is {len(text):,} characters long, over the limit of {limit:,}; "
                "shorten it or split it into several posts."
            )
        return text

    def screen(self, text: str) -> ScreeningResult:
        """Screen one draft."""
        return self.screen_many([text])[0]

    def screen_many(self, texts: Sequence[str]) -> list[ScreeningResult]:
        """Screen drafts in batches; results are in input order. Every text is validated first."""
        checked = [self.check_text(t) for t in texts]
        redaction.remember(checked)  # the log safeguard scrubs these from any record (never logged on purpose)
        known: dict[str, ScreeningResult] = {}
        with self._cache_lock:
            for text in checked:
                hit = self._cache.get(text)
                if hit is not None:
                    known[text] = hit
                    self._cache.move_to_end(text)
        todo = list(dict.fromkeys(t for t in checked if t not in known))
        for offset in range(0, len(todo), self.batch_size):
            batch = todo[offset : offset + self.batch_size]
            known.update(zip(batch, self._screen_batch(batch), strict=True))
        if self.cache_size and todo:
            with self._cache_lock:
                for text in todo[-self.cache_size :]:
                    if not known[text].errors:  # a failed detector may succeed next time
                        self._cache[text] = known[text]
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return [known[text] for text in checked]

    # -- internals ---------------------------------------------------------------------------

    def _prepare(self, texts: list[str]) -> tuple[list[NormalisedText], list[Draft]]:
        normalised = [normalise(t) for t in texts]
        plain = [n.text for n in normalised]
        languages = detect_languages(plain)
        docs: list[object | None] = [None] * len(texts)
        embeddings: list[object | None] = [None] * len(texts)
        cleared = [False] * len(texts)
        if self.prefilter is not None:
            cleared = self.prefilter.cleared(plain, languages)
        if "doc" in self._features:
            docs = list(load_spacy().pipe(plain, batch_size=self.batch_size))
        if "embedding" in self._features:
            from screening.encoder import load_encoder

            wanted = [i for i, skip in enumerate(cleared) if not skip]
            if wanted:
                matrix = load_encoder().encode([plain[i] for i in wanted])
                for i, row in zip(wanted, matrix, strict=True):
                    embeddings[i] = row
        drafts = [
            Draft(text=text, language=lang, doc=doc, embedding=emb, cleared=skip)  # type: ignore[arg-type]
            for text, lang, doc, emb, skip in zip(plain, languages, docs, embeddings, cleared, strict=True)
        ]
        return normalised, drafts

    def _screen_batch(self, texts: list[str]) -> list[ScreeningResult]:
        normalised, drafts = self._prepare(texts)
        per_draft: list[list[Detection]] = [[] for _ in texts]
        failures: list[list[DetectorFailure]] = [[] for _ in texts]
        for detector in self.detectors:
            started = time.perf_counter()
            try:
                detections = detector.detect(drafts)
                if len(detections) != len(drafts):
                    raise DetectorError(
                        f"Detector {detector.name!r} returned {len(detections)} results for {len(drafts)} drafts."
                    )
            except Exception as exc:  # noqa: BLE001  (fail closed: any detector error means review)
                if self.policy.fail_fast:
                    raise
                logger.exception("detector %s failed on a batch of %d drafts", detector.name, len(drafts))
                for failure in failures:
                    failure.append(DetectorFailure(detector=detector.name, error=f"{type(exc).__name__}: {exc}"))
                continue
            logger.debug("detector %s: %d drafts in %.1f ms", detector.name, len(drafts),
                         (time.perf_counter() - started) * 1000)
            for bucket, detection in zip(per_draft, detections, strict=True):
                bucket.append(detection)
        return [
            self._decide(n, draft.language, d, f)
            for n, draft, d, f in zip(normalised, drafts, per_draft, failures, strict=True)
        ]

    def _decide(
        self,
        normalised: NormalisedText,
        language: str,
        detections: list[Detection],
        failures: list[DetectorFailure],
    ) -> ScreeningResult:
        original = normalised.original
        scores = {c: 0.0 for c in CATEGORIES}
        kept: list[Finding] = []
        decision: Decision = "allow"
        for detection in detections:
            for category, score in detection.scores.items():
                if category in scores:
                    scores[category] = max(scores[category], float(score))
            for finding in detection.findings:
                rules = self.policy.categories[finding.category]
                scores[finding.category] = max(scores[finding.category], finding.score)
                if finding.score < rules.threshold:
                    continue
                start, end = normalised.span(finding.start, finding.end)
                mapped = finding.replace(
                    start=start, end=end, text=original[start:end], policy_clause=rules.clause
                )
                kept.append(mapped)
                action: Decision = rules.label_actions.get(finding.label, rules.action)
                if rules.block_threshold is not None and finding.score >= rules.block_threshold:
                    action = "block"
                if rules.block_severity is not None and (
                    _SEVERITY_RANK[finding.severity] >= _SEVERITY_RANK[rules.block_severity]
                ):
                    action = "block"
                decision = stricter(decision, action)
        if failures:
            decision = stricter(decision, "review")
        kept.sort(key=lambda f: (f.start, f.end, f.category, f.label))
        redaction.remember(f.text for f in kept)
        for finding in kept:
            logger.debug("finding %s/%s by %s score=%.3f at [%d, %d)", finding.category, finding.label,
                         finding.detector, finding.score, finding.start, finding.end)
        return ScreeningResult(
            decision=decision,
            findings=kept,
            scores={c: round(s, 4) for c, s in scores.items()},
            language=language,
            errors=failures,
            text_sha256=hashlib.sha256(original.encode("utf-8")).hexdigest(),
            policy_version=self.policy.version,
        )
