"""The cheap first stage: spares the learned models the drafts they could not flag.

Most posts an organisation writes are ordinary; yet every learned model (the offensive and
discriminatory heads, the defamation heads, the confidential classifier) needs the MiniLM encoder,
and the defamation detector needs a dependency parse, which together cost several times the shared
spaCy pass. The prefilter is a logistic regression on hashed character and word n-grams (the same
counts the toxicity heads read, extracted once per batch), *distilled* from the full pipeline: it
was trained to predict whether any learned model scores a draft near or above its category's
threshold (``screening.training.prefilter``). Its threshold was chosen on held-back data for
recall >= 0.995 of the drafts the full pipeline flags; ``screening evaluate prefilter`` measures
the recall it loses on every category's evaluation sets (model card: ``models/prefilter/v1/``).

A draft the prefilter clears (``Draft.cleared``) still goes through every rule: personal data,
credentials, term lists and confidentiality markers, the offensive-term lexicon (a hit re-opens the
draft for the toxicity models). Drafts not in English are never cleared (the n-grams are English).
Turn it off with ``prefilter: false`` in the policy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from screening.artefacts import Artefact, ProcessWide, load_artefact
from screening.compiled import CompiledTextClassifier, HashedText, check_close, hashed_text
from screening.errors import ModelLoadError

logger = logging.getLogger(__name__)

ARTEFACT_NAME = "prefilter"
ARTEFACT_VERSION = "v1"
MODEL_FILE = "prefilter.skops"
# Languages whose drafts may be cleared: the n-grams were learned on English.
CLEARABLE_LANGUAGES = frozenset({"en", "und"})
PROBE_TEXTS = (
    "Great turnout at the open day today. Thanks to everyone who came along!",
    "Everyone knows Dave Smith has been stealing from the college for years.",
    "You are all useless idiots.",
    "",
)


class Prefilter:
    """The loaded first stage; ``cleared(texts, languages)`` says which drafts skip the learned models."""

    def __init__(self, artefact: Artefact) -> None:
        import skops.io as sio

        path = artefact.file(MODEL_FILE)
        untrusted = sio.get_untrusted_types(file=path)
        if untrusted:
            raise ModelLoadError(
                f"{str(path)!r} contains types this library does not trust ({', '.join(untrusted)}); "
                "it was not written by `screening train prefilter`. Restore it from git or retrain."
            )
        self.artefact = artefact
        self._pipeline = sio.load(path)
        self._compiled = CompiledTextClassifier(self._pipeline)
        try:
            self.threshold = float(artefact.metadata["threshold"])
        except (KeyError, TypeError, ValueError):
            raise ModelLoadError(
                f"{str(artefact.path / 'metadata.json')!r} has no valid 'threshold'; retrain with "
                "`screening train prefilter`."
            ) from None
        self.stale = self._stale_models(artefact)
        if self.stale:
            logger.warning(
                "the prefilter was distilled from other versions of %s; it may clear drafts the installed "
                "models would flag. Retrain it: `screening train prefilter`.", ", ".join(self.stale))
        check_close(self._compiled.proba(HashedText(PROBE_TEXTS)), self._pipeline.predict_proba(list(PROBE_TEXTS))[:, 1],
                    "prefilter", 1e-6)

    @staticmethod
    def _stale_models(artefact: Artefact) -> list[str]:
        """The models (``name/version``) whose metadata changed since the prefilter was distilled from them."""
        from screening.artefacts import sha256_file

        recorded: dict[str, str] = artefact.metadata.get("distilled_models", {})
        root = artefact.path.parent.parent
        stale = []
        for key, digest in sorted(recorded.items()):
            path = root / key / "metadata.json"
            if not path.is_file() or sha256_file(path) != digest:
                stale.append(key)
        return stale

    def proba(self, texts: Sequence[str]) -> np.ndarray:
        """P(some learned model would flag the draft) per text: the highest of the draft's and its sentences'."""
        return draft_scores(texts, lambda pieces: self._compiled.proba(
            hashed_text(pieces) if pieces is texts else HashedText(pieces)))

    def cleared(self, texts: Sequence[str], languages: Sequence[str]) -> list[bool]:
        """Which drafts the learned models may skip: English (or undetermined) and under the threshold."""
        if not texts:
            return []
        scores = self.proba(texts)
        return [bool(p < self.threshold) and lang in CLEARABLE_LANGUAGES
                for p, lang in zip(scores, languages, strict=True)]


# Sentences are scored in windows of at least this many characters (consecutive sentences joined):
# a lone short sentence ("Bring your questions.") has too few n-grams for a steady score.
MIN_WINDOW_CHARS = 150


def windows(text: str, min_chars: int = MIN_WINDOW_CHARS) -> list[tuple[int, int]]:
    """Consecutive sentences of ``text`` joined into spans of at least ``min_chars`` (the last may be shorter
    only when the whole text is)."""
    from screening.toxicity.spans import sentences

    out: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in sentences(text):
        current = (start, end) if current is None else (current[0], end)
        if current[1] - current[0] >= min_chars:
            out.append(current)
            current = None
    if current is not None:
        if out:
            out[-1] = (out[-1][0], current[1])
        else:
            out.append(current)
    return out


def draft_scores(texts: Sequence[str], score: Callable[[Sequence[str]], np.ndarray]) -> np.ndarray:
    """Per draft, the highest ``score`` of the whole text and of each of its windows of sentences.

    A long post with one bad sentence among ordinary ones reads as ordinary as a whole (the n-gram
    weights are spread over the whole text); its parts (``windows``) are scored on their own as well.
    ``score`` is called once with ``texts`` itself, and once more with the parts if any draft has several.
    """
    best = np.asarray(score(texts), dtype=np.float64).copy()
    owners: list[int] = []
    pieces: list[str] = []
    for i, text in enumerate(texts):
        spans = windows(text)
        if len(spans) > 1:
            owners.extend([i] * len(spans))
            pieces.extend(text[start:end] for start, end in spans)
    if pieces:
        np.maximum.at(best, np.asarray(owners), np.asarray(score(pieces), dtype=np.float64))
    return best


def _load_shipped() -> Prefilter:
    prefilter = Prefilter(load_artefact(ARTEFACT_NAME, ARTEFACT_VERSION))
    logger.info("loaded prefilter %s/%s (threshold %.3f)", ARTEFACT_NAME, ARTEFACT_VERSION, prefilter.threshold)
    return prefilter


_shipped: ProcessWide[Prefilter] = ProcessWide(_load_shipped)


def load_prefilter(root: Path | None = None) -> Prefilter:
    """The process-wide prefilter (``root``: another models folder, bypassing the cache)."""
    if root is not None:
        return Prefilter(load_artefact(ARTEFACT_NAME, ARTEFACT_VERSION, root=root))
    return _shipped.get()
