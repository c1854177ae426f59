"""The offensive and discriminatory detectors share one loaded model and one scoring pass per batch."""

from __future__ import annotations

import pytest

from screening.detectors.base import Draft

pytestmark = pytest.mark.model


def test_both_toxicity_detectors_share_the_model_and_the_batch_assessment(screener):
    offensive = next(d for d in screener.detectors if d.name == "offensive.minilm.v1")
    discriminatory = next(d for d in screener.detectors if d.name == "discriminatory.minilm.v1")
    offensive.load()
    discriminatory.load()
    assert offensive._model is discriminatory._model
    drafts = [Draft(text="What a stupid idea from Dave.", language="en")]
    _, _, first = offensive.assess_batch(drafts)
    _, _, second = discriminatory.assess_batch(drafts)
    assert first is second
    _, _, other = discriminatory.assess_batch([Draft(text="A different draft entirely.", language="en")])
    assert other is not first
