"""The estimators behind the toxicity heads.

``TextEmbeddingLogisticRegression`` (v2 offensive and discriminatory heads): TF-IDF (hashed) n-grams of the
text hstacked with the embedding. ``ScaledLogisticRegression`` (v1 heads, v2 characteristic head):
logistic regression on standardised embedding dimensions.

A plain ``Pipeline(StandardScaler, LogisticRegression)`` cannot take ``sample_weight`` through
``CalibratedClassifierCV`` without metadata routing, and skops cannot save routed estimators; this
small estimator does the same and follows scikit-learn's rules (hyperparameters in ``__init__``,
``fit`` returns ``self``, learned attributes end in ``_``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


class ScaledLogisticRegression(ClassifierMixin, BaseEstimator):
    """Standardise each feature (weighted mean and spread), then fit an L2 logistic regression."""

    def __init__(self, C: float = 1.0, max_iter: int = 3000) -> None:  # noqa: N803  (scikit-learn's name)
        self.C = C
        self.max_iter = max_iter

    def fit(self, X: np.ndarray, y: np.ndarray, sample_weight: np.ndarray | None = None) -> ScaledLogisticRegression:  # noqa: N803
        X = np.asarray(X, dtype=np.float64)
        weights = np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        self.mean_ = np.average(X, axis=0, weights=weights)
        spread = np.sqrt(np.average((X - self.mean_) ** 2, axis=0, weights=weights))
        self.scale_ = np.where(spread > 1e-12, spread, 1.0)
        self.model_ = LogisticRegression(C=self.C, max_iter=self.max_iter)
        self.model_.fit((X - self.mean_) / self.scale_, y, sample_weight=weights)
        self.classes_ = self.model_.classes_
        return self

    def _scaled(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        return (np.asarray(X, dtype=np.float64) - self.mean_) / self.scale_

    def decision_function(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        return self.model_.decision_function(self._scaled(X))

    def predict_proba(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        return self.model_.predict_proba(self._scaled(X))

    def predict(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        return self.model_.predict(self._scaled(X))


TEXT_COLUMN = "text"


def hashed_tfidf(analyzer: str, ngrams: tuple[int, int], n_features: int) -> Pipeline:
    """Hashed n-gram counts + sublinear TF-IDF (what ``screening.compiled`` reads as one block)."""
    return Pipeline([
        ("hash", HashingVectorizer(analyzer=analyzer, ngram_range=ngrams, n_features=n_features,
                                   alternate_sign=False, norm=None, dtype=np.float32)),
        ("tfidf", TfidfTransformer(sublinear_tf=True)),
    ])


def head_inputs(texts: Sequence[str], embeddings: np.ndarray) -> pd.DataFrame:
    """The stacked heads' input: one row per text, the text and its 384 embedding dimensions."""
    frame = pd.DataFrame(np.asarray(embeddings, dtype=np.float32),
                         columns=[f"e{i}" for i in range(np.shape(embeddings)[1])])
    frame.insert(0, TEXT_COLUMN, list(texts))
    return frame


class TextEmbeddingLogisticRegression(ClassifierMixin, BaseEstimator):
    """Logistic regression on TF-IDF n-grams of the text hstacked with the standardised embedding.

    The embedding carries meaning the words do not ("not suitable for mums"); character 2-5-grams
    carry the exact (and disguised) wording a frozen 384-d encoder blurs. Everything learned lives in
    one scikit-learn ``Pipeline`` (``pipeline_``); this wrapper exists so ``sample_weight`` reaches
    the logistic regression through ``CalibratedClassifierCV`` without metadata routing, which skops
    cannot save. ``X`` is a frame from ``head_inputs``.
    """

    def __init__(self, C: float = 1.0, char_features: int = 2**18, word_features: int = 2**17,  # noqa: N803
                 embedding_weight: float = 1.0, max_iter: int = 2000) -> None:
        self.C = C
        self.char_features = char_features
        self.word_features = word_features
        self.embedding_weight = embedding_weight
        self.max_iter = max_iter

    def _pipeline(self, n_dims: int) -> Pipeline:
        # Hashed n-grams + TF-IDF weights rather than TfidfVectorizer: skops writes a vocabulary of
        # 90k n-grams as ~1 KB of JSON per entry (a 209 MB head); hashed columns need no vocabulary.
        dims = [f"e{i}" for i in range(n_dims)]
        features = ColumnTransformer([
            ("char", hashed_tfidf("char_wb", (2, 5), self.char_features), TEXT_COLUMN),
            ("word", hashed_tfidf("word", (1, 2), self.word_features), TEXT_COLUMN),
            ("embedding", StandardScaler(), dims),
        ], transformer_weights={"char": 1.0, "word": 1.0, "embedding": self.embedding_weight},
            sparse_threshold=1.0)
        return Pipeline([("features", features),
                         ("classifier", LogisticRegression(C=self.C, max_iter=self.max_iter, solver="liblinear"))])

    def fit(self, X: pd.DataFrame, y: np.ndarray, sample_weight: np.ndarray | None = None,  # noqa: N803
            ) -> TextEmbeddingLogisticRegression:
        n_dims = X.shape[1] - 1
        self.pipeline_ = self._pipeline(n_dims)
        self.pipeline_.fit(X, y, classifier__sample_weight=sample_weight)
        self.classes_ = self.pipeline_.classes_
        return self

    def decision_function(self, X: pd.DataFrame) -> np.ndarray:  # noqa: N803
        return self.pipeline_.decision_function(X)

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:  # noqa: N803
        return self.pipeline_.predict_proba(X)

    def predict(self, X: pd.DataFrame) -> np.ndarray:  # noqa: N803
        return self.pipeline_.predict(X)
