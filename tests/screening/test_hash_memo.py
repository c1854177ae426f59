"""The memoised n-gram hashing (``screening.compiled``) gives exactly scikit-learn's counts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from screening import compiled

ROOT = Path(__file__).resolve().parents[2]
ODD = ["ΟΔΟΣ  İstanbul\u00a0tab\tx", "", "   ", "a", "the the the cat cat", "ß STRASSE ǅ", "f*ck   sh1t a$$",
       "line\nbreak\r\n\twith\u2003em space", "🙂🙂 emoji-only 🙂"]


def _project_texts() -> list[str]:
    texts = list(ODD)
    for path in sorted((ROOT / "data").glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def _dense_rows(counts: compiled.Counts | sp.csr_matrix) -> sp.csr_matrix:
    return sp.csr_matrix((counts.data, counts.indices, counts.indptr), shape=counts.shape)


@pytest.mark.parametrize(("analyzer", "ngrams"), [("char_wb", (2, 5)), ("word", (1, 2)), ("word", (1, 1))])
def test_memoised_counts_equal_scikit_learn_on_every_project_text(analyzer: str, ngrams: tuple[int, int]) -> None:
    hasher = HashingVectorizer(analyzer=analyzer, ngram_range=ngrams, n_features=2**18, alternate_sign=False,
                               norm=None, dtype=np.float32)
    memo = compiled._HashMemo(hasher)
    texts = _project_texts()
    assert len(texts) > 5000
    expected = sp.csr_matrix(hasher.transform(texts))
    batch = memo.transform(texts)  # a cold memo: every piece is new
    assert batch.data.dtype == expected.dtype
    assert np.array_equal(batch.indptr, expected.indptr)
    assert abs(_dense_rows(batch) - expected).sum() == 0
    for i in range(0, 600, 7):  # a warm memo, one text at a time (the pre-check)
        one = memo.transform([texts[i]])
        assert abs(_dense_rows(one) - expected[i]).sum() == 0, texts[i]


def test_the_memo_starts_afresh_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    hasher = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 3), n_features=2**10, alternate_sign=False,
                               norm=None)
    memo = compiled._HashMemo(hasher)
    monkeypatch.setattr(memo, "MAX_ENTRIES", 3)
    texts = ["one two three", "four five", "six"]
    for text in texts:
        assert abs(_dense_rows(memo.transform([text])) - sp.csr_matrix(hasher.transform([text]))).sum() == 0
        assert len(memo._memo) <= 3


def test_other_set_ups_go_to_scikit_learn_unchanged() -> None:
    hasher = HashingVectorizer(analyzer="char", ngram_range=(2, 3), n_features=2**10, alternate_sign=False,
                               norm=None, lowercase=False)
    assert not compiled._HashMemo.applies(hasher)
    counts = compiled.HashedText(["Mixed Case", "x"]).counts(hasher)
    assert abs(_dense_rows(counts) - sp.csr_matrix(hasher.transform(["Mixed Case", "x"]))).sum() == 0


def test_measurements_can_switch_the_memo_off() -> None:
    hasher = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), n_features=2**12, alternate_sign=False,
                               norm=None)
    with compiled.hashing_without_memo():
        plain = compiled.HashedText(["Open day on Friday"]).counts(hasher)
    memoised = compiled.HashedText(["Open day on Friday"]).counts(hasher)
    assert isinstance(plain, sp.csr_matrix) and isinstance(memoised, compiled.Counts)
    assert abs(_dense_rows(plain) - _dense_rows(memoised)).sum() == 0
