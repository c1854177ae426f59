"""The trained toxicity heads and word lists, loaded once from ``models/toxicity/v2/``.

The artefact holds three scikit-learn heads, saved with skops (never pickle) and checked by sha256
on load:

- ``offensive.skops``: calibrated probability that a post is offensive (TF-IDF n-grams of the text
  stacked with the shared MiniLM sentence embedding);
- ``discriminatory.skops``: calibrated probability that it demeans a protected group (same inputs);
- ``characteristic.skops``: which Equality Act characteristic a discriminatory post targets (embedding);

plus ``lexicon.json`` (offensive terms and slurs, matched obfuscation-tolerantly),
``identity.json`` (words naming protected groups) and, in ``metadata.json``, the thresholds chosen
on validation data.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from screening.artefacts import Artefact, ProcessWide, load_artefact
from screening.compiled import CompiledHead, HashedText, check_close, compile_head, hashed_text
from screening.errors import ModelLoadError
from screening.toxicity.heads import TextEmbeddingLogisticRegression, head_inputs
from screening.toxicity.lexicon import Lexicon

logger = logging.getLogger(__name__)

ARTEFACT_NAME = "toxicity"
ARTEFACT_VERSION = "v2"
HEADS = ("offensive", "discriminatory", "characteristic")
# Texts the compiled heads are checked on at load time against scikit-learn's own predict_proba.
PROBE_TEXTS = (
    "Great turnout at the open day today. Thanks to everyone who came along!",
    "Whoever organised this is a complete idiot, what a useless shambles.",
    "Women just aren't cut out for engineering, let's be honest.",
    "f u c k this, sh1t day",
    "",
)
PROBE_TOLERANCE = 1e-5

# Types beyond skops' default-trusted set (scikit-learn estimators, numpy arrays) that the heads
# contain; a file holding anything else is refused at load time.
TRUSTED_TYPES = [
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "screening.toxicity.heads.ScaledLogisticRegression",
    "screening.toxicity.heads.TextEmbeddingLogisticRegression",
]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Decision thresholds chosen on validation data (also written in the model card)."""

    offensive: float
    discriminatory: float


class ToxicityModel:
    """The loaded heads, lexicon and identity terms. Build it with ``load_toxicity_model()``."""

    def __init__(self, artefact: Artefact) -> None:
        import skops.io as sio

        self.artefact = artefact
        self.heads: dict[str, Any] = {}
        for head in HEADS:
            path = artefact.file(f"{head}.skops")
            untrusted = [t for t in sio.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
            if untrusted:
                raise ModelLoadError(
                    f"{str(path)!r} contains types this library does not trust ({', '.join(untrusted)}); "
                    "it was not written by `screening train`. Restore it from git or retrain."
                )
            self.heads[head] = sio.load(path, trusted=TRUSTED_TYPES)
        records = json.loads(artefact.file("lexicon.json").read_text(encoding="utf-8"))
        self.lexicon = Lexicon.from_records(records["terms"])
        identity = json.loads(artefact.file("identity.json").read_text(encoding="utf-8"))
        self.identity_terms: dict[str, list[str]] = identity["characteristics"]
        self.characteristics: list[str] = [str(c) for c in self.heads["characteristic"].classes_]
        # Scoring goes through compiled copies of the heads (same arithmetic, no per-call overhead).
        self._compiled: dict[str, CompiledHead] = {name: compile_head(h) for name, h in self.heads.items()}
        # v2 heads read the text and the embedding; v1 heads read the embedding alone.
        inner = getattr(self.heads["offensive"], "estimator", None)
        inner = getattr(inner, "estimator", inner)  # calibrated over a FrozenEstimator
        self.reads_text = isinstance(inner, TextEmbeddingLogisticRegression)
        dims = int(self._compiled["characteristic"].dims)
        probe = np.random.default_rng(0).standard_normal((len(PROBE_TEXTS), dims)).astype(np.float32)
        self.check_compiled(probe / np.linalg.norm(probe, axis=1, keepdims=True))
        chosen = artefact.metadata.get("thresholds", {})
        try:
            self.thresholds = Thresholds(float(chosen["offensive"]), float(chosen["discriminatory"]))
        except (KeyError, TypeError, ValueError):
            raise ModelLoadError(
                f"{str(artefact.path / 'metadata.json')!r} has no valid 'thresholds' for offensive and "
                "discriminatory; retrain with `screening train toxicity`."
            ) from None

    def offensive_proba(self, texts: Sequence[str], embeddings: np.ndarray) -> np.ndarray:
        """Calibrated P(offensive) per text (``embeddings``: the encoder's (n, 384) rows for ``texts``)."""
        return self._compiled["offensive"].proba(self._hashed_text(texts), embeddings)[:, 1]

    def discriminatory_proba(self, texts: Sequence[str], embeddings: np.ndarray) -> np.ndarray:
        """Calibrated P(discriminatory) per text."""
        return self._compiled["discriminatory"].proba(self._hashed_text(texts), embeddings)[:, 1]

    def characteristic_proba(self, embeddings: np.ndarray) -> np.ndarray:
        """P(characteristic | discriminatory) per row, columns in ``self.characteristics`` order."""
        return self._compiled["characteristic"].proba(None, embeddings)

    def sklearn_proba(self, head: str, texts: Sequence[str], embeddings: np.ndarray) -> np.ndarray:
        """``head``'s probabilities through scikit-learn itself (the reference the compiled heads match)."""
        reads_text = head != "characteristic" and self.reads_text
        return self.heads[head].predict_proba(head_inputs(texts, embeddings) if reads_text else embeddings)

    def check_compiled(self, embeddings: np.ndarray, texts: Sequence[str] = PROBE_TEXTS) -> float:
        """Largest difference between the compiled heads and scikit-learn on ``texts``; raises over tolerance."""
        fast = [self._compiled[h].proba(None if h == "characteristic" else HashedText(texts), embeddings) for h in HEADS]
        reference = [self.sklearn_proba(h, texts, embeddings) for h in HEADS]
        return check_close(np.concatenate([f.ravel() for f in fast]), np.concatenate([r.ravel() for r in reference]),
                           "toxicity heads", PROBE_TOLERANCE)

    def _hashed_text(self, texts: Sequence[str]) -> HashedText | None:
        """The n-gram counts of ``texts``, shared with the other models scoring the same batch."""
        return hashed_text(texts) if self.reads_text else None


def _load_shipped() -> ToxicityModel:
    model = ToxicityModel(load_artefact(ARTEFACT_NAME, ARTEFACT_VERSION))
    logger.info("loaded toxicity model %s/%s", ARTEFACT_NAME, ARTEFACT_VERSION)
    return model


_shipped: ProcessWide[ToxicityModel] = ProcessWide(_load_shipped)


def load_toxicity_model(root: Path | None = None, version: str = ARTEFACT_VERSION) -> ToxicityModel:
    """The process-wide toxicity model (``root``: another models folder, bypassing the cache; ``version``
    is honoured only with ``root``)."""
    if root is not None:
        return ToxicityModel(load_artefact(ARTEFACT_NAME, version, root=root))
    return _shipped.get()
