"""The compiled toxicity heads give scikit-learn's probabilities, and a mismatch stops the load."""

from __future__ import annotations

import copy
import csv
from pathlib import Path

import numpy as np
import pytest

from screening.errors import ModelLoadError

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def model_and_encoder():
    from screening.encoder import load_encoder
    from screening.toxicity.model import load_toxicity_model

    return load_toxicity_model(), load_encoder()


def _texts() -> list[str]:
    with (REPO / "data/audit_sample/posts.csv").open(encoding="utf-8", newline="") as handle:
        posts = [row["text"] for row in csv.DictReader(handle)][:150]
    return posts + ["f*cking useless", "sh1t", "f u c k off", "1d10t", "", "   ", "Diolch i bawb!", "Ελληνικά 😀"]


def test_compiled_heads_match_scikit_learn_on_real_posts(model_and_encoder) -> None:
    model, encoder = model_and_encoder
    texts = _texts()
    embeddings = encoder.encode([t or " " for t in texts])
    assert model.check_compiled(embeddings, texts) < 1e-6
    offensive = model.offensive_proba(texts, embeddings)
    reference = model.sklearn_proba("offensive", texts, embeddings)[:, 1]
    np.testing.assert_allclose(offensive, reference, atol=1e-6)
    assert offensive.max() > 0.5 > offensive.min()  # the sample holds abuse and ordinary posts


def test_heads_score_each_batch_afresh(model_and_encoder) -> None:
    model, encoder = model_and_encoder
    first, second = ["What a useless idiot."], ["Thanks for coming to the open day."]
    a = model.offensive_proba(first, encoder.encode(first))
    b = model.offensive_proba(second, encoder.encode(second))
    assert a[0] > 0.5 > b[0]  # the n-gram counts of the first batch are not reused for the second


def test_a_head_that_differs_from_its_compiled_copy_stops_the_load(model_and_encoder) -> None:
    model, encoder = model_and_encoder
    changed = copy.copy(model)
    changed.heads = dict(model.heads)
    head = copy.deepcopy(model.heads["offensive"])
    head.calibrated_classifiers_[0].calibrators[0].a_ *= 2.0  # sklearn now disagrees with the compiled copy
    changed.heads["offensive"] = head
    with pytest.raises(ModelLoadError, match="differ from scikit-learn"):
        changed.check_compiled(encoder.encode(["What a useless idiot."]), ["What a useless idiot."])


def test_a_batch_without_any_n_gram_is_scored(model_and_encoder) -> None:
    model, encoder = model_and_encoder
    texts = ["", "  "]  # no character or word n-gram at all
    embeddings = encoder.encode([" ", " "])
    np.testing.assert_allclose(model.offensive_proba(texts, embeddings),
                               model.sklearn_proba("offensive", texts, embeddings)[:, 1], atol=1e-6)
