"""Context scoring shared by the pattern recognizers.

Presidio's own context enhancer looks at single lemmas in a five-word window and can only raise a
score. Staff drafts need both directions: "passport number" two words before a code raises it, and
"SKU" or "order ref" just before a code that happens to look like an identifier lowers it. Each
recognizer here declares the phrases (regular expressions, matched case-insensitively) that support
or undermine a match, and rescores its own results before presidio's enhancer sees them (which then
leaves them alone, because they are marked as already enhanced).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re
from presidio_analyzer import RecognizerResult

_ENHANCED = RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY


def phrases(*alternatives: str) -> re.Pattern[str]:
    """Compile context phrases into one case-insensitive, word-bounded pattern."""
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)


def window(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    """The text just before and just after a span, cut at a blank line (a new paragraph)."""
    left = text[max(0, start - before) : start]
    right = text[end : end + after]
    cut = left.rfind("\n\n")
    if cut >= 0:
        left = left[cut + 2 :]
    cut = right.find("\n\n")
    if cut >= 0:
        right = right[:cut]
    return left, right


def has_context(
    pattern: re.Pattern[str] | None, text: str, start: int, end: int, before: int = 60, after: int = 40
) -> bool:
    """Whether ``pattern`` occurs within the window around ``[start, end)``."""
    if pattern is None:
        return False
    left, right = window(text, start, end, before, after)
    return bool(pattern.search(left) or pattern.search(right))


def clamp(score: float) -> float:
    return max(0.0, min(1.0, round(score, 3)))


def mark_enhanced(results: Iterable[RecognizerResult]) -> list[RecognizerResult]:
    """Mark results as context-scored so presidio's lemma enhancer does not boost them again."""
    kept = []
    for result in results:
        if result.score <= 0:
            continue
        result.recognition_metadata[_ENHANCED] = True
        kept.append(result)
    return kept


class ContextRescoring:
    """Mixin for presidio ``PatternRecognizer`` subclasses: rescore each match by its context.

    ``SUPPORT`` phrases near a match add ``SUPPORT_BOOST``; ``UNDERMINE`` phrases (product codes,
    order references) subtract ``UNDERMINE_PENALTY``. Subclasses may override ``base_score`` to
    validate the matched text (checksums, prefixes) before context is applied.
    """

    SUPPORT: re.Pattern[str] | None = None
    UNDERMINE: re.Pattern[str] | None = phrases(
        r"sku", r"part(?: no\.?| number)?", r"product(?: code)?", r"item(?: code)?", r"model(?: no\.?)?",
        r"serial(?: no\.?| number)?", r"order(?: no\.?| number| ref\.?)?", r"invoice(?: no\.?)?",
        r"ref(?:erence)?\.?(?: no\.?)?", r"batch", r"catalogue", r"course code", r"ticket(?: no\.?)?",
        r"booking(?: ref\.?)?", r"room", r"module",
    )
    SUPPORT_BOOST = 0.3
    UNDERMINE_PENALTY = 0.45
    WINDOW_BEFORE = 60
    WINDOW_AFTER = 40
    UNDERMINE_BEFORE = 25
    UNDERMINE_AFTER = 0

    def base_score(self, matched: str, score: float) -> float:
        """The score of a match before context; 0 drops it."""
        return score

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # type: ignore[no-untyped-def]
        """Run presidio's pattern matching, then rescore each match by its text and context."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)  # type: ignore[misc]
        for result in results:
            score = self.base_score(text[result.start : result.end], result.score)
            if score > 0:
                if has_context(self.SUPPORT, text, result.start, result.end,
                               self.WINDOW_BEFORE, self.WINDOW_AFTER):
                    score += self.SUPPORT_BOOST
                if has_context(self.UNDERMINE, text, result.start, result.end,
                               self.UNDERMINE_BEFORE, self.UNDERMINE_AFTER):
                    score -= self.UNDERMINE_PENALTY
            result.score = clamp(score)
        return mark_enhanced(results)

    def validate_result(self, pattern_text: str) -> bool | None:
        # Validation happens in ``base_score`` so that it can lower a score instead of forcing it
        # to presidio's 0 or 1.
        return None
