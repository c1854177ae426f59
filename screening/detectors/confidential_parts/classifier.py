"""The trained head of the confidential detector: sub-type probabilities from a MiniLM embedding.

A scikit-learn ``Pipeline`` (a multinomial logistic regression) over the shared encoder's
384-dimensional, L2-normalised sentence embedding, trained on ``data/confidential/train.jsonl`` by
``screening.training.confidential`` and shipped as skops in ``models/confidential/v1/``. It
predicts one of ``CLASSES`` (the nine sub-types and ``none``); ``1 - p(none)`` is the probability
that a draft leaks something.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from screening.artefacts import Artefact, load_artefact
from screening.detectors.confidential_parts.common import CLASSES
from screening.errors import ModelLoadError

logger = logging.getLogger(__name__)

ARTEFACT_NAME = "confidential"
ARTEFACT_VERSION = "v1"
MODEL_FILE = "head.skops"
# The sub-type head: which kind of leak, trained on leak rows only (see ``ConfidentialHead``).
SUBTYPE_FILE = "subtype.skops"
# The only types the skops file may contain; anything else is refused at load.
TRUSTED_TYPES = frozenset({
    "sklearn.pipeline.Pipeline",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.preprocessing._data.StandardScaler",
    "numpy.ndarray", "numpy.dtype", "numpy.float64", "numpy.int64", "numpy.str_",
    "builtins.str", "builtins.int", "builtins.float", "builtins.list", "builtins.dict", "builtins.tuple",
})


def build_estimator(c: float = 4.0, seed: int = 0):  # noqa: ANN201  (sklearn Pipeline)
    """The untrained head: scaling then a multinomial logistic regression.

    Classes are not re-weighted: clean drafts are the common case, and the prior towards ``none``
    keeps the head from flagging ordinary announcements it has not seen the like of.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    return Pipeline([
        ("scale", StandardScaler()),
        ("clf", LogisticRegression(C=c, max_iter=3000, random_state=seed)),
    ])


def _load_checked(path: Path) -> object:
    import skops.io as sio

    untrusted = set(sio.get_untrusted_types(file=path))
    unexpected = sorted(untrusted - TRUSTED_TYPES)
    if unexpected:
        raise ModelLoadError(
            f"{str(path)!r} contains types outside the confidential head's allow-list ({', '.join(unexpected)}); "
            "retrain it with `screening train confidential` rather than trusting the file."
        )
    return sio.load(path, trusted=sorted(untrusted))


@dataclass(frozen=True, slots=True)
class ConfidentialHead:
    """A loaded head: ``proba`` gives an ``(n, len(CLASSES))`` matrix in ``CLASSES`` order.

    Two estimators: ``pipeline`` (all ten classes, strongly regularised) gives ``p(none)``, the
    leak probability that decides whether the classifier reports anything; ``subtype`` (the nine
    leak classes, regularisation chosen by cross-validation) says which kind of leak. Strong
    regularisation keeps ``p(none)`` sensible on unfamiliar clean posts but blurs the sub-types;
    the second head keeps them apart. The sub-type columns are ``(1 - p(none)) * p(sub-type)``.
    """

    pipeline: object
    subtype: object | None = None
    artefact: Artefact | None = None
    # The leak probability at which the classifier alone reports a draft: chosen at training time by
    # cross-validation over the training rows and stored in ``metadata.json`` under ``thresholds``.
    classifier_min: float = 0.9

    @classmethod
    def load(cls, root: Path | None = None) -> ConfidentialHead:
        """Load ``models/confidential/v1/head.skops`` after checking its hash and its types."""
        artefact = load_artefact(ARTEFACT_NAME, ARTEFACT_VERSION, root)
        path = artefact.file(MODEL_FILE)
        pipeline = _load_checked(path)
        subtype = _load_checked(artefact.file(SUBTYPE_FILE))
        for model, expected, where in ((pipeline, CLASSES, path), (subtype, CLASSES[:-1], SUBTYPE_FILE)):
            classes = [str(c) for c in model.classes_]  # type: ignore[attr-defined]
            if sorted(classes) != sorted(expected):
                raise ModelLoadError(
                    f"{str(where)!r} predicts classes {classes}, not the expected {list(expected)}; retrain it."
                )
        threshold = artefact.metadata.get("thresholds", {}).get("classifier_min")
        if not isinstance(threshold, int | float) or not 0.0 < threshold < 1.0:
            raise ModelLoadError(
                f"{str(artefact.path / 'metadata.json')!r} has no valid thresholds.classifier_min ({threshold!r}); "
                "retrain with `screening train confidential`, which chooses it by cross-validation."
            )
        logger.info("loaded confidential head %s/%s (classifier_min %.2f)", ARTEFACT_NAME, ARTEFACT_VERSION, threshold)
        return cls(pipeline=pipeline, subtype=subtype, artefact=artefact, classifier_min=float(threshold))

    def proba(self, embeddings: np.ndarray) -> np.ndarray:
        """Class probabilities in ``CLASSES`` order for a float32 ``(n, 384)`` matrix."""
        if len(embeddings) == 0:
            return np.zeros((0, len(CLASSES)), dtype=np.float64)
        raw = self.pipeline.predict_proba(embeddings)  # type: ignore[attr-defined]
        order = [list(self.pipeline.classes_).index(c) for c in CLASSES]  # type: ignore[attr-defined]
        out = raw[:, order]
        if self.subtype is not None:
            kinds = self.subtype.predict_proba(embeddings)  # type: ignore[attr-defined]
            names = list(self.subtype.classes_)  # type: ignore[attr-defined]
            p_leak = 1.0 - out[:, -1]
            for column, name in enumerate(CLASSES[:-1]):
                out[:, column] = p_leak * kinds[:, names.index(name)]
        return out
