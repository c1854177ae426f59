"""The pipeline's contract, with the real shipped detectors and models."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

import pytest

from screening import CATEGORIES, InputError, Screener
from screening.detectors import registry
from screening.detectors.base import Draft
from screening.findings import Detection, Finding
from screening.policy import load_policy

pytestmark = pytest.mark.model


@registry.register("test.exploding.v1")
class ExplodingDetector:
    """A real detector whose model is broken: it raises on every batch."""

    name: ClassVar[str] = "test.exploding.v1"
    version: ClassVar[str] = "1"
    categories: ClassVar[tuple] = ("offensive",)
    requires: ClassVar[frozenset] = frozenset()

    def __init__(self, policy) -> None:
        self.policy = policy

    def load(self) -> None:
        pass

    def detect(self, drafts: Sequence[Draft]) -> list[Detection]:
        raise RuntimeError("model weights unreadable")


@registry.register("test.word.v1")
class WordDetector:
    """Flags the word 'zebra' as offensive: a tiny real detector used to test span mapping."""

    name: ClassVar[str] = "test.word.v1"
    version: ClassVar[str] = "1"
    categories: ClassVar[tuple] = ("offensive",)
    requires: ClassVar[frozenset] = frozenset()

    def __init__(self, policy) -> None:
        pass

    def load(self) -> None:
        pass

    def detect(self, drafts: Sequence[Draft]) -> list[Detection]:
        out = []
        for d in drafts:
            findings = [Finding("offensive", "insult", m.start(), m.end(), "zebra", 0.95, "high", self.name,
                                "Test word.") for m in re.finditer("zebra", d.text)]
            out.append(Detection(findings=findings, scores={"offensive": 0.95 if findings else 0.01}))
        return out


def _screener_with(*names: str) -> Screener:
    policy = load_policy().model_copy(update={"detectors": list(names)})
    return Screener.load(policy=policy)


def test_screen_returns_the_contract_shape(screener):
    result = screener.screen("We are proud to announce our new welding course starting in March.")
    assert result.decision in ("allow", "review", "block")
    assert set(result.scores) == set(CATEGORIES)
    assert all(0.0 <= s <= 1.0 for s in result.scores.values())
    assert result.language == "en"
    data = result.to_dict()
    assert set(data) >= {"decision", "findings", "scores", "language"}


def test_a_detector_that_raises_sends_the_draft_to_review_not_allow():
    screener = _screener_with("test.exploding.v1")
    result = screener.screen("A perfectly harmless post about our open day.")
    assert result.decision == "review"
    assert result.errors and result.errors[0].detector == "test.exploding.v1"
    assert "model weights unreadable" in result.errors[0].error


def test_fail_fast_policy_raises_the_detector_error():
    policy = load_policy().model_copy(update={"detectors": ["test.exploding.v1"], "fail_fast": True})
    with pytest.raises(RuntimeError, match="unreadable"):
        Screener.load(policy=policy).screen("hello there everyone")


def test_spans_map_back_to_the_original_text_through_evasions():
    screener = _screener_with("test.word.v1")
    text = "What a z\u200be\u200bb\u200br\u200ba you are, ｚebra"
    result = screener.screen(text)
    assert result.decision == "block"  # score 0.95 >= offensive block_threshold
    for f in result.findings:
        assert text[f.start:f.end] == f.text
        assert f.policy_clause == screener.policy.categories["offensive"].clause
    assert [f.text for f in result.findings] == ["z\u200be\u200bb\u200br\u200ba", "ｚebra"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "empty"), ("   \n\t ", "empty"), ("x" * 20_001, "over the limit of 20,000"),
     (b"\xff\xfe bad bytes", "not valid UTF-8"), (42, "must be text")],
)
def test_bad_input_is_refused_with_a_sentence(screener, text, message):
    with pytest.raises(InputError, match=message):
        screener.screen(text)


def test_screen_many_keeps_order_and_matches_screen(screener):
    texts = [f"Post number {i}: join us at the open day on {i} May." for i in range(1, 6)]
    texts.append("Email me at jane.doe@example.com or call 07700 900123.")
    many = screener.screen_many(texts)
    assert [r.text_sha256 for r in many] == [screener.screen(t).text_sha256 for t in texts]
    assert [r.decision for r in many] == [screener.screen(t).decision for t in texts]


@pytest.mark.parametrize("name", [n for n in registry.names() if not n.startswith("test.")])
def test_every_registered_detector_keeps_the_contract(name):
    """One contract test over every registered detector: shapes, categories, exact offsets."""
    screener = _screener_with(name)
    detector = screener.detectors[0]
    texts = ["Call John Smith on 07700 900123, he's a total idiot and a fraud.",
             "Our confidential reporting line is open to all staff.",
             "\u202eevil\u202c t\u200best 👍🏽 مرحبا",
             "Hi"]
    results = screener.screen_many(texts)
    for text, result in zip(texts, results, strict=True):
        assert not result.errors, result.errors
        for f in result.findings:
            assert f.category in detector.categories
            assert f.detector == name
            assert 0 <= f.start < f.end <= len(text)
            assert text[f.start:f.end] == f.text
            assert f.explanation.strip()
