"""The estimator behind each toxicity head: logistic regression on standardised embedding dimensions.

A plain ``Pipeline(StandardScaler, LogisticRegression)`` cannot take ``sample_weight`` through
``CalibratedClassifierCV`` without metadata routing, and skops cannot save routed estimators; this
small estimator does the same and follows scikit-learn's rules (hyperparameters in ``__init__``,
``fit`` returns ``self``, learned attributes end in ``_``).
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression


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
