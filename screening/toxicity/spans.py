"""Point findings at the offending words rather than the whole post.

Three methods, tried in order:

1. ``lexicon``: obfuscation-tolerant matches of offensive terms and slurs (``Lexicon.find``);
2. ``attribution``: leave-one-out over words with the encoder and a head: the words whose removal
   lowers the head's probability most (used when no lexicon word is present);
3. ``sentence``: the sentence the head scores highest, when nothing narrower stands out.

Scored with character-offset F1 on the SemEval 2021 Toxic Spans trial set (see the model card).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np

from screening.toxicity.lexicon import Lexicon, Tier

if TYPE_CHECKING:
    from screening.encoder import Encoder

Method = Literal["lexicon", "attribution", "sentence"]
# (texts, their embeddings) -> one probability per text.
ScoreFn = Callable[[Sequence[str], np.ndarray], np.ndarray]

_WORD = re.compile(r"\S+")
_EDGE = ".,;:!?\"'’“”()[]{}<>"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")

# Leave-one-out keeps words whose removal lowers the probability by at least MIN_DROP and by at
# least REL_DROP of the largest drop (tuned on Toxic Spans train; see screening.training.toxicity).
MIN_DROP = 0.02
REL_DROP = 0.5
MAX_WORDS = 60


@dataclass(frozen=True, slots=True)
class Span:
    """A localised part of a text: ``text[start:end]``, what it is and how it was found."""

    start: int
    end: int
    label: str
    method: Method
    obfuscated: bool = False


def words(text: str) -> list[tuple[int, int]]:
    """Whitespace-separated words with surrounding punctuation trimmed, as (start, end)."""
    spans = []
    for match in _WORD.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (split after . ! ? and at line breaks), whitespace trimmed."""
    spans = []
    position = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        start = position
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if start < stop:
            spans.append((start, stop))
        if match:
            position = match.end()
    return spans or [(0, len(text))]


def leave_one_out(text: str, score: ScoreFn, encoder: Encoder, max_words: int = MAX_WORDS) -> list[tuple[int, int, float]]:
    """For each word (up to ``max_words``): how much removing it lowers ``score`` of the text."""
    spans = words(text)[:max_words]
    if not spans:
        return []
    variants = [text] + [text[:s] + text[e:] for s, e in spans]
    probabilities = score(variants, encoder.encode(variants))
    return [(s, e, float(probabilities[0] - p)) for (s, e), p in zip(spans, probabilities[1:], strict=True)]


def select_attributed(
    drops: Sequence[tuple[int, int, float]], text: str, min_drop: float = MIN_DROP, rel_drop: float = REL_DROP
) -> list[tuple[int, int]]:
    """Words that carry the score, adjacent ones merged into one span."""
    if not drops:
        return []
    best = max(d for _, _, d in drops)
    if best < min_drop:
        return []
    keep = [(s, e) for s, e, d in drops if d >= max(min_drop, rel_drop * best)]
    merged: list[tuple[int, int]] = []
    for s, e in keep:
        if merged and not text[merged[-1][1] : s].strip():
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def best_sentence(text: str, score: ScoreFn, encoder: Encoder, threshold: float) -> list[tuple[int, int]]:
    """The highest-scoring sentence, plus any other sentence at or above ``threshold``."""
    parts = sentences(text)
    if len(parts) == 1:
        return parts
    pieces = [text[s:e] for s, e in parts]
    probabilities = score(pieces, encoder.encode(pieces))
    top = int(np.argmax(probabilities))
    return [p for i, p in enumerate(parts) if i == top or probabilities[i] >= threshold]


def offensive_spans(
    text: str, lexicon: Lexicon, score: ScoreFn, encoder: Encoder, *, flagged: bool, threshold: float
) -> list[Span]:
    """Where a post is offensive.

    Strong lexicon terms are always returned; weak ones (``idiot``, ``kill``) only when the
    classifier ``flagged`` the post. Without a lexicon match a flagged post is localised by
    leave-one-out attribution, then by its highest-scoring sentence.
    """
    tiers: tuple[Tier, ...] = ("strong", "weak") if flagged else ("strong",)
    found = [
        Span(m.start, m.end, m.term.label if m.term.category == "offensive" else "slur", "lexicon", m.obfuscated)
        for m in lexicon.find(text, tiers=tiers)
    ]
    if found or not flagged:
        return found
    attributed = select_attributed(leave_one_out(text, score, encoder), text)
    if attributed:
        return [Span(s, e, "abusive", "attribution") for s, e in attributed]
    return [Span(s, e, "abusive", "sentence") for s, e in best_sentence(text, score, encoder, threshold)]


def char_f1(predicted: set[int], gold: set[int]) -> float:
    """SemEval 2021 Task 5 per-post F1 over character offsets (1.0 when both are empty)."""
    if not gold:
        return 1.0 if not predicted else 0.0
    if not predicted:
        return 0.0
    overlap = len(predicted & gold)
    if overlap == 0:
        return 0.0
    precision = overlap / len(predicted)
    recall = overlap / len(gold)
    return 2 * precision * recall / (precision + recall)
