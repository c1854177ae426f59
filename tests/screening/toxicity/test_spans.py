"""Span helpers: words, sentences, attribution selection and the Toxic Spans character F1."""

from __future__ import annotations

import pytest

from screening.toxicity.spans import char_f1, select_attributed, sentences, words


def test_words_trim_punctuation_but_keep_offsets() -> None:
    text = "Well, (honestly) he's an idiot!"
    assert [text[s:e] for s, e in words(text)] == ["Well", "honestly", "he's", "an", "idiot"]


def test_sentences_split_after_stops_and_line_breaks() -> None:
    text = "First one. Second one!  Third?\nFourth"
    assert [text[s:e] for s, e in sentences(text)] == ["First one.", "Second one!", "Third?", "Fourth"]


def test_select_attributed_keeps_the_big_drops_and_merges_neighbours() -> None:
    text = "you absolute utter idiot today"
    drops = [(0, 3, 0.0), (4, 12, 0.3), (13, 18, 0.25), (19, 24, 0.5), (25, 30, 0.01)]
    assert [text[s:e] for s, e in select_attributed(drops, text)] == ["absolute utter idiot"]


def test_select_attributed_returns_nothing_when_no_word_matters() -> None:
    assert select_attributed([(0, 3, 0.001), (4, 8, 0.004)], "some text") == []


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        (set(), set(), 1.0),
        ({1}, set(), 0.0),
        (set(), {1}, 0.0),
        ({1, 2, 3, 4}, {3, 4, 5, 6}, 0.5),
        ({1, 2}, {1, 2}, 1.0),
    ],
)
def test_char_f1_follows_the_semeval_definition(predicted: set[int], gold: set[int], expected: float) -> None:
    assert char_f1(predicted, gold) == pytest.approx(expected)
