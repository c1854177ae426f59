"""Dates of birth: a date joined to words about birth.

A date on its own (an event, a deadline) is not personal data; "born on 14/03/1987" or
"DOB 14 March 1987" is. Day and month without a year ("her birthday is 3 June") still narrow
down who someone is, but less, so they score lower.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

from screening.detectors.pii_recognizers._context import ContextRescoring, clamp, phrases

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_HAS_YEAR = re.compile(r"(?:19|20)\d{2}\b|\d[/.\-]\d{1,2}[/.\-]\d")


class DateOfBirthRecognizer(ContextRescoring, PatternRecognizer):
    """Dates within a few words of "born", "DOB", "date of birth" or "birthday"."""

    PATTERNS = [
        Pattern("numeric date", r"\b(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)?\d{2}\b",
                0.05),
        Pattern("ISO date", r"\b" + _YEAR + r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b", 0.05),
        Pattern("day month year", r"\b" + _DAY + r"(?: of)? " + _MONTH + r",? " + _YEAR + r"\b", 0.05),
        Pattern("month day year", r"\b" + _MONTH + r" " + _DAY + r",? " + _YEAR + r"\b", 0.05),
        Pattern("day month", r"\b" + _DAY + r"(?: of)? " + _MONTH + r"(?![\w])", 0.01),
        Pattern("month day", r"\b" + _MONTH + r" " + _DAY + r"\b", 0.01),
    ]
    SUPPORT = phrases(r"born", r"d\.?o\.?b\.?", r"date of birth", r"birth ?date", r"birthday", r"b'?day",
                      r"birth")
    SUPPORT_BOOST = 0.75
    UNDERMINE = None
    WINDOW_BEFORE = 45
    WINDOW_AFTER = 25

    def __init__(self) -> None:
        super().__init__(supported_entity="DATE_OF_BIRTH", patterns=self.PATTERNS, context=["born"])

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # type: ignore[no-untyped-def]
        """Keep only dates that context made a date of birth; a day and month alone count less."""
        results = []
        for result in super().analyze(text, entities, nlp_artifacts, regex_flags):
            if result.score < 0.5:
                continue  # no birth context: an ordinary date
            if not _HAS_YEAR.search(text[result.start : result.end]):
                result.score = clamp(result.score - 0.3)
            results.append(result)
        return results
