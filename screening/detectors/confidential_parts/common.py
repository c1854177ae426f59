"""The typed hit every part returns, the sub-type names, and a light sentence splitter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from screening.findings import Severity
from screening.normalise import compile_folded

SubType = Literal[
    "credential", "internal_marker", "nda_client", "codename", "embargo", "unreleased_figures",
    "internal_host", "security_weakness", "exam_content",
]
SUBTYPES: tuple[SubType, ...] = get_args(SubType)
# The classifier's classes: every sub-type plus "none" (clean).
CLASSES: tuple[str, ...] = (*SUBTYPES, "none")

DESCRIPTIONS: dict[str, str] = {
    "credential": "a credential (password, key, PIN or token)",
    "internal_marker": "material marked as internal or confidential",
    "nda_client": "a client or contract that is under a non-disclosure agreement",
    "codename": "an internal project codename, unannounced product or launch plan",
    "embargo": "an embargoed announcement",
    "unreleased_figures": "results or figures that have not been published",
    "internal_host": "an internal host name or private IP address",
    "security_weakness": "an unpatched security weakness",
    "exam_content": "certification exam questions or answers",
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of evidence found by a part: a span of the draft, its sub-type, and why.

    ``label`` is what the finding will carry (the sub-type, or ``term_list.<slug>`` for a term
    list); ``hard`` hits stand on their own, soft ones are weighed with the classifier.
    """

    subtype: SubType
    label: str
    start: int
    end: int
    score: float
    severity: Severity
    explanation: str
    hard: bool = True


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


_BOUNDARY = compile_folded(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-ZÀ-ÖØ-Þ0-9¡¿])|\n+")


def sentences(text: str) -> list[Sentence]:
    """Split into sentences on end punctuation followed by a capital, and on line breaks.

    Good enough to report "the sentence" of a classifier-only finding; offsets exclude the
    surrounding whitespace.
    """
    spans: list[Sentence] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        spans.append(_trim(text, begin, match.start()))
        begin = match.end()
    spans.append(_trim(text, begin, len(text)))
    return [s for s in spans if s.end > s.start]


def _trim(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end)


def sentence_at(text: str, position: int) -> Sentence:
    """The sentence holding ``position`` (the last one if it is past the end)."""
    spans = sentences(text) or [Sentence(0, len(text))]
    for span in spans:
        if span.start <= position < span.end:
            return span
    return spans[-1]


def near_on_line(pattern: re.Pattern[str], text: str, start: int, end: int, before: int, after: int) -> bool:
    """Whether ``pattern`` occurs within ``before`` characters before ``start`` and ``after`` after ``end``,
    without crossing a line break (the context of one value: "never use passwords like ...")."""
    lo = max(start - before, text.rfind("\n", 0, start) + 1, 0)
    line_end = text.find("\n", end)
    hi = min(end + after, len(text) if line_end < 0 else line_end)
    return pattern.search(text, lo, hi) is not None
