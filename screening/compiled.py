"""Linear model heads' arithmetic without scikit-learn's per-call overhead, n-grams shared across heads.

A fitted head (``CalibratedClassifierCV`` over a linear model, see ``screening.toxicity.heads``) is
a few linear maps and sigmoids, yet ``predict_proba`` on one draft costs about 6 ms: building a
385-column frame, ``ColumnTransformer`` dispatch and input validation, per head and per call. A
pre-check screens one draft at a time, so that overhead was most of the two toxicity detectors'
time. ``compile_head`` reads the learned arrays once at load time; ``HashedText`` extracts the
n-gram counts of a batch once for every head that reads text (the offensive and discriminatory
heads hash the same way). The result is the same probability to float precision:
``ToxicityModel`` checks each compiled head against scikit-learn on probe texts when it loads and
refuses to start if they differ, and ``tests/screening/toxicity/test_fast_heads.py`` checks more. The
defamation detector's heads (logistic regressions on sentence embeddings) go the same way.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.special import expit, softmax
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

from screening.errors import ModelLoadError
from screening.toxicity.heads import ScaledLogisticRegression, TextEmbeddingLogisticRegression


def _hasher_key(hasher: HashingVectorizer) -> tuple[Any, ...]:
    key = getattr(hasher, "_screening_key", None)
    if key is None:
        key = tuple(sorted((k, repr(v)) for k, v in hasher.get_params().items()))
        hasher._screening_key = key  # the parameters of a fitted head never change
    return key


@dataclass(frozen=True, slots=True)
class Counts:
    """A batch's n-gram counts in CSR form (what ``scipy.sparse.csr_matrix`` holds, without its checks)."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    shape: tuple[int, int]


def _default_text_handling(params: dict[str, Any]) -> bool:
    return (params["input"] == "content" and params["lowercase"] and params["preprocessor"] is None
            and params["strip_accents"] is None and params["decode_error"] == "strict"
            and not params["alternate_sign"])


class _HashMemo:
    """A hasher's counts built from memoised pieces: hashing only what earlier texts did not contain.

    The analyser (a Python loop over every n-gram) is most of ``HashingVectorizer.transform``'s cost
    on a short post, and most of a post's words have been seen before. Two set-ups are memoised, both
    with scikit-learn's default text handling (lower-cased, no accent stripping):

    - ``char_wb``: n-grams never cross a space (the text is lower-cased, split on whitespace and each
      word padded with a space on either side), so a text's counts are the sum of its words' counts;
      the memo holds each word's hashed n-grams.
    - ``word``: the analyser's features (tokens and joined token n-grams) are cheap to list; the memo
      holds each feature's column.

    Either way the result equals ``hasher.transform`` (tested on every project text). The memo
    starts afresh when it holds ``MAX_ENTRIES``.
    """

    MAX_ENTRIES = 50_000

    def __init__(self, hasher: HashingVectorizer) -> None:
        from sklearn.feature_extraction import FeatureHasher

        self._hasher = hasher
        self._by_word = hasher.analyzer == "char_wb"
        self._analyse = hasher.build_analyzer()
        self._features = FeatureHasher(n_features=hasher.n_features, input_type="string", alternate_sign=False,
                                       dtype=hasher.dtype)
        self._memo: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def applies(hasher: HashingVectorizer) -> bool:
        params = hasher.get_params()
        return params["analyzer"] in ("char_wb", "word") and _default_text_handling(params)

    def _pieces(self, text: str) -> list[str]:
        return text.lower().split() if self._by_word else self._analyse(text)

    def _hash(self, pieces: list[str]) -> sp.csr_matrix:
        if self._by_word:
            return sp.csr_matrix(self._hasher.transform(pieces))
        return sp.csr_matrix(self._features.transform([piece] for piece in pieces))

    def transform(self, texts: Sequence[str]) -> Counts:
        split = [self._pieces(text) for text in texts]
        with self._lock:
            memo = self._memo
            new = list(dict.fromkeys(p for row in split for p in row if p not in memo))
            if new:
                if len(memo) + len(new) > self.MAX_ENTRIES:
                    memo.clear()
                    new = list(dict.fromkeys(p for row in split for p in row))
                fresh = self._hash(new)
                for i, piece in enumerate(new):
                    lo, hi = fresh.indptr[i], fresh.indptr[i + 1]
                    memo[piece] = (fresh.indices[lo:hi].astype(np.int64), fresh.data[lo:hi])
            found = [[memo[p] for p in row] for row in split]
        n_features = int(self._hasher.n_features)
        keys, values = [], []
        for row, parts in enumerate(found):
            for indices, data in parts:
                keys.append(indices + row * n_features if row else indices)
                values.append(data)
        if not keys:
            return Counts(np.zeros(0, self._hasher.dtype), np.zeros(0, np.int32),
                          np.zeros(len(texts) + 1, np.int64), (len(texts), n_features))
        unique, inverse = np.unique(np.concatenate(keys), return_inverse=True)
        summed = np.bincount(inverse, weights=np.concatenate(values)).astype(self._hasher.dtype)
        indptr = np.searchsorted(unique, np.arange(len(texts) + 1) * n_features)
        return Counts(summed, (unique % n_features).astype(np.int32), indptr, (len(texts), n_features))


_memos: dict[tuple[Any, ...], _HashMemo | None] = {}
_memo_off = threading.local()


@contextlib.contextmanager
def hashing_without_memo() -> Iterator[None]:
    """While inside (in this thread), counts come straight from scikit-learn: for benchmarks and tests."""
    _memo_off.value = True
    try:
        yield
    finally:
        _memo_off.value = False


def _hashed_counts(hasher: HashingVectorizer, texts: Sequence[str]) -> Counts | sp.csr_matrix:
    """``hasher.transform(texts)`` in CSR form, through a ``_HashMemo`` where one applies."""
    key = _hasher_key(hasher)
    if key not in _memos:
        _memos[key] = _HashMemo(hasher) if _HashMemo.applies(hasher) else None
    memo = _memos[key]
    if memo is None or getattr(_memo_off, "value", False):
        return sp.csr_matrix(hasher.transform(texts))
    return memo.transform(texts)


class HashedText:
    """Raw n-gram counts of a batch of texts, one matrix per distinct hashing set-up, computed once."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self._counts: dict[tuple[Any, ...], Counts | sp.csr_matrix] = {}

    def counts(self, hasher: HashingVectorizer) -> Counts | sp.csr_matrix:
        key = _hasher_key(hasher)
        found = self._counts.get(key)
        if found is None:
            found = self._counts[key] = _hashed_counts(hasher, self.texts)
        return found


@dataclass(frozen=True, slots=True)
class _TfidfBlock:
    """One hashed n-gram block: counts -> sublinear tf * idf -> l2 rows, times its column weight."""

    hasher: HashingVectorizer
    idf: np.ndarray
    sublinear: bool
    l2: bool
    weight: float
    coef: np.ndarray  # the classifier's coefficients for this block's columns

    @classmethod
    def from_pipeline(cls, name: str, transformer: Any, weight: float, coef: np.ndarray) -> _TfidfBlock:
        """The block of a fitted ``Pipeline([("hash", HashingVectorizer), ("tfidf", TfidfTransformer)])``.

        ``coef``: the classifier's weights from this block's first column on (the block takes what it covers).
        """
        hasher, tfidf = transformer.named_steps["hash"], transformer.named_steps["tfidf"]
        if hasher.get_params()["norm"] is not None or tfidf.norm not in ("l2", None) or not tfidf.use_idf:
            raise ModelLoadError(f"The {name!r} block of this head is not hashed counts + l2 TF-IDF.")
        return cls(hasher=hasher, idf=np.asarray(tfidf.idf_, dtype=np.float64), sublinear=bool(tfidf.sublinear_tf),
                   l2=tfidf.norm == "l2", weight=weight, coef=coef[: hasher.n_features])

    def decision(self, hashed: HashedText) -> np.ndarray:
        """Each row's contribution to the decision value (row-wise numpy on the CSR arrays)."""
        counts = hashed.counts(self.hasher)
        data = counts.data.astype(np.float64)
        if self.sublinear:
            data = np.log(data) + 1.0
        data *= self.idf[counts.indices]
        rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
        n = counts.shape[0]
        # (bincount of no rows is an int array: cast, so a batch without any n-gram still works)
        dots = np.bincount(rows, weights=data * self.coef[counts.indices], minlength=n).astype(np.float64)
        if self.l2:
            norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=n).astype(np.float64))
            dots = np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)
        return self.weight * dots


@dataclass(frozen=True, slots=True)
class _Calibration:
    """Sigmoid calibrators of one ``_CalibratedClassifier`` (one per class column, or one if binary)."""

    a: np.ndarray
    b: np.ndarray

    def proba(self, decision: np.ndarray) -> np.ndarray:
        """Class probabilities from decision values, normalised like scikit-learn's."""
        if decision.ndim == 1:
            positive = expit(-(self.a[0] * decision + self.b[0]))
            return np.column_stack([1.0 - positive, positive])
        proba = expit(-(decision * self.a + self.b))
        total = proba.sum(axis=1, keepdims=True)
        uniform = np.full_like(proba, 1.0 / proba.shape[1])
        return np.divide(proba, total, out=uniform, where=total != 0)


class CompiledHead:
    """A fitted calibrated head as plain arrays: ``proba(hashed, embeddings)`` like ``predict_proba``."""

    def __init__(self, members: list[tuple[Any, _Calibration]], classes: np.ndarray, dims: int) -> None:
        self._members = members  # (decision function, calibration) per calibrated classifier
        self.classes_ = classes
        self.dims = dims  # embedding width the head reads

    def proba(self, hashed: HashedText | None, embeddings: np.ndarray) -> np.ndarray:
        x = np.asarray(embeddings, dtype=np.float64)
        total = None
        for decision, calibration in self._members:
            proba = calibration.proba(decision(hashed, x))
            total = proba if total is None else total + proba
        assert total is not None
        return total / len(self._members)


def _text_embedding_decision(model: TextEmbeddingLogisticRegression) -> Any:
    pipeline = model.pipeline_
    features, classifier = pipeline.named_steps["features"], pipeline.named_steps["classifier"]
    if classifier.coef_.shape[0] != 1:
        raise ModelLoadError(f"A text head must be binary; this one has {classifier.coef_.shape[0]} rows of weights.")
    coef = classifier.coef_[0].astype(np.float64)
    intercept = float(classifier.intercept_[0])
    weights = features.transformer_weights or {}
    blocks: list[_TfidfBlock] = []
    offset = 0
    scaler = None
    emb_slice = slice(0, 0)
    for name, transformer, _columns in features.transformers_:
        if name == "remainder":
            continue
        if name in ("char", "word"):
            blocks.append(_TfidfBlock.from_pipeline(name, transformer, float(weights.get(name, 1.0)), coef[offset:]))
            width = blocks[-1].coef.shape[0]
        elif name == "embedding":
            scaler = transformer
            width = len(scaler.mean_)
            emb_slice = slice(offset, offset + width)
        else:
            raise ModelLoadError(f"This head has a feature block {name!r} that the fast path does not know.")
        offset += width
    if offset != coef.shape[0] or scaler is None:
        raise ModelLoadError(f"This head's feature blocks cover {offset} columns, but it has {coef.shape[0]} weights.")
    emb_coef = float(weights.get("embedding", 1.0)) * coef[emb_slice] / scaler.scale_
    emb_intercept = intercept - float(emb_coef @ scaler.mean_)

    def decision(hashed: HashedText | None, x: np.ndarray) -> np.ndarray:
        if hashed is None:
            raise ValueError("This head reads the text as well as the embedding; pass the texts.")
        out = x @ emb_coef + emb_intercept
        for block in blocks:
            out = out + block.decision(hashed)
        return out

    return decision


def _linear_decision(coef: np.ndarray, intercept: np.ndarray) -> Any:
    """``x @ coef.T + intercept`` (one column: a 1-d result, as scikit-learn's binary decision_function)."""
    coef = np.asarray(coef, dtype=np.float64)  # (classes or 1, dims)
    intercept = np.asarray(intercept, dtype=np.float64)

    def decision(hashed: HashedText | None, x: np.ndarray) -> np.ndarray:
        out = x @ coef.T + intercept
        return out[:, 0] if out.shape[1] == 1 else out

    return decision


def _scaled_decision(model: ScaledLogisticRegression) -> Any:
    """The standardisation folded into the weights: (x - mean) / scale @ w = x @ (w / scale) - mean @ (w / scale)."""
    coef = model.model_.coef_ / model.scale_
    return _linear_decision(coef, model.model_.intercept_ - coef @ model.mean_)


def _lr_decision(lr: LogisticRegression) -> Any:
    return _linear_decision(lr.coef_, lr.intercept_)


class CompiledLogisticRegression:
    """A fitted plain ``LogisticRegression`` on dense features: ``proba(x)`` like ``predict_proba``."""

    def __init__(self, lr: LogisticRegression) -> None:
        self._decision = _lr_decision(lr)
        self.classes_ = np.asarray(lr.classes_)

    def proba(self, x: np.ndarray) -> np.ndarray:
        decision = self._decision(None, np.asarray(x, dtype=np.float64))
        if decision.ndim == 1:
            positive = expit(decision)
            return np.column_stack([1.0 - positive, positive])
        return softmax(decision, axis=1)


def compile_head(head: Any) -> CompiledHead:
    """Read a fitted ``CalibratedClassifierCV`` (sigmoid) over one of this package's estimators."""
    members = []
    dims = 0
    for calibrated in getattr(head, "calibrated_classifiers_", []):
        if calibrated.method != "sigmoid":
            raise ModelLoadError(f"Only sigmoid calibration has a fast path, not {calibrated.method!r}.")
        estimator = calibrated.estimator
        estimator = getattr(estimator, "estimator", estimator) if type(estimator).__name__ == "FrozenEstimator" \
            else estimator
        if isinstance(estimator, TextEmbeddingLogisticRegression):
            decision = _text_embedding_decision(estimator)
            dims = len(estimator.pipeline_.named_steps["features"].named_transformers_["embedding"].mean_)
        elif isinstance(estimator, ScaledLogisticRegression):
            decision = _scaled_decision(estimator)
            dims = len(estimator.mean_)
        elif isinstance(estimator, LogisticRegression):
            decision = _lr_decision(estimator)
            dims = estimator.coef_.shape[1]
        else:
            raise ModelLoadError(f"No fast path for a head built on {type(estimator).__name__}.")
        a = np.array([float(c.a_) for c in calibrated.calibrators])
        b = np.array([float(c.b_) for c in calibrated.calibrators])
        members.append((decision, _Calibration(a=a, b=b)))
    if not members:
        raise ModelLoadError(f"{type(head).__name__} is not a fitted CalibratedClassifierCV.")
    return CompiledHead(members, np.asarray(head.classes_), dims)


class CompiledTextClassifier:
    """A fitted ``Pipeline(FeatureUnion(hashed TF-IDF blocks), LogisticRegression)``, binary.

    ``proba(hashed)`` is P(positive) per text, reading the n-gram counts from a shared ``HashedText``.
    """

    def __init__(self, pipeline: Any) -> None:
        union, classifier = pipeline.steps[0][1], pipeline.steps[-1][1]
        if not isinstance(classifier, LogisticRegression) or classifier.coef_.shape[0] != 1:
            raise ModelLoadError("A text classifier must end in a binary LogisticRegression.")
        coef = classifier.coef_[0].astype(np.float64)
        weights = getattr(union, "transformer_weights", None) or {}
        blocks, offset = [], 0
        for name, transformer in union.transformer_list:
            blocks.append(_TfidfBlock.from_pipeline(name, transformer, float(weights.get(name, 1.0)), coef[offset:]))
            offset += blocks[-1].coef.shape[0]
        if offset != coef.shape[0]:
            raise ModelLoadError(f"The text blocks cover {offset} columns, but the classifier has {coef.shape[0]}.")
        self._blocks = blocks
        self._intercept = float(classifier.intercept_[0])

    def proba(self, hashed: HashedText) -> np.ndarray:
        decision = np.full(len(hashed.texts), self._intercept)
        for block in self._blocks:
            decision += block.decision(hashed)
        return expit(decision)


def check_close(fast: np.ndarray, reference: np.ndarray, what: str, tolerance: float) -> float:
    """Largest difference between a compiled model's output and scikit-learn's; refuses to load over ``tolerance``."""
    worst = float(np.max(np.abs(np.asarray(fast) - np.asarray(reference)))) if np.size(fast) else 0.0
    if worst > tolerance:
        raise ModelLoadError(
            f"The compiled {what} differ from scikit-learn by {worst:.2g} on probe inputs (tolerance "
            f"{tolerance:g}); the installed scikit-learn computes them differently from the one this library "
            "was checked with. Install the pinned versions (requirements.lock)."
        )
    return worst


_last_hashed = threading.local()


def hashed_text(texts: Sequence[str]) -> HashedText:
    """The n-gram counts of ``texts``, reused while the same batch is scored by several models.

    The pipeline's first stage and both toxicity heads hash the same texts the same way: the
    counts are extracted once per batch (per thread).
    """
    last: HashedText | None = getattr(_last_hashed, "value", None)
    if last is not None and len(last.texts) == len(texts) and all(
        a is b or a == b for a, b in zip(last.texts, texts, strict=True)
    ):
        return last
    hashed = _last_hashed.value = HashedText(texts)
    return hashed
