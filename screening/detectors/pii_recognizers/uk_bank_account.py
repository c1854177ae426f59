"""UK bank details: a sort code with an account number, or either one labelled as such."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from screening.detectors.pii_recognizers._context import ContextRescoring, phrases

_SORT = r"\b\d{2}[- ]\d{2}[- ]\d{2}\b"
_SORT_ANY = r"\b\d{2}[- ]?\d{2}[- ]?\d{2}\b"
_ACCOUNT = r"\b\d{8}\b"
# Between the two parts: a few words ("account", "acc no.", ",", "/"), no other digits.
_BETWEEN = r"[^\d\n]{0,40}?"


class UkBankAccountRecognizer(ContextRescoring, PatternRecognizer):
    """Sort code plus account number (``20-45-77 41234567``), as one UK_BANK_ACCOUNT finding.

    A sort code on its own looks like a date (12-05-24) and an eight-digit number like anything,
    so each alone counts only next to words that say what it is.
    """

    PATTERNS = [
        Pattern("sort code then account", _SORT_ANY + _BETWEEN + _ACCOUNT, 0.6),
        Pattern("account then sort code", _ACCOUNT + _BETWEEN + _SORT, 0.6),
        Pattern("sort code alone", _SORT, 0.1),
        Pattern("account number alone", _ACCOUNT, 0.1),
    ]
    SUPPORT = phrases(r"sort ?code", r"s/c", r"account(?: no\.?| number| num)?", r"acc(?:t)?(?: no\.?)?",
                      r"a/c(?: no\.?)?", r"bank(?: details)?", r"pay(?:ment)?", r"transfer", r"bacs")
    SUPPORT_BOOST = 0.35

    def __init__(self) -> None:
        super().__init__(supported_entity="UK_BANK_ACCOUNT", patterns=self.PATTERNS, context=["account"])

