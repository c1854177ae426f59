"""UK mobile and landline numbers, in the ways people type them.

Presidio's phone recognizer relies on ``phonenumbers``, which rejects Ofcom's drama ranges
(07700 900xxx, 0116 496 0xxx ...): those are exactly the numbers fiction, training material and
test data use, and a draft that posts one is still posting a phone number. So numbers are checked
by shape (a leading 0 or +44 and nine or ten further digits) and scored by number range.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

from screening.detectors.pii_recognizers._context import ContextRescoring, phrases

_GAP = r"[ \t.\-]?"
# +44 7700 900123 / +44 (0)7700 900123 / 0044 ... / 07700 900123 / (0116) 496 0123 / 020-7946-0123
_PREFIX = r"(?:(?:\+|00)[ ]?44" + _GAP + r"(?:\(0\)" + _GAP + r")?|\(?0)"
_NUMBER = _PREFIX + r"\d(?:\)?" + _GAP + r"\d){8,9}"


def national_digits(text: str) -> str:
    """The number in national form (``07700900123``), whatever its formatting."""
    digits = re.sub(r"\D", "", text)
    if digits.startswith("0044"):
        digits = digits[4:]
    elif digits.startswith("44") and text.lstrip().startswith("+"):
        digits = digits[2:]
    if digits.startswith("0"):
        digits = digits[1:]
    return "0" + digits


class UkPhoneRecognizer(ContextRescoring, PatternRecognizer):
    """UK phone numbers: mobiles score higher than landlines, non-geographic numbers lowest."""

    PATTERNS = [Pattern("UK phone number", r"(?<![\w+])" + _NUMBER + r"(?![\w])", 0.5)]
    SUPPORT = phrases(r"call", r"ring", r"phone", r"mobile", r"mob", r"tel", r"telephone", r"text",
                      r"whatsapp", r"number", r"contact", r"reach", r"landline", r"m", r"t")
    SUPPORT_BOOST = 0.15
    UNDERMINE = phrases(r"order(?: no\.?| number)?", r"invoice(?: no\.?)?", r"ref(?:erence)?", r"sku")

    def __init__(self) -> None:
        super().__init__(supported_entity="UK_PHONE", patterns=self.PATTERNS, context=["phone", "mobile"])

    def base_score(self, matched: str, score: float) -> float:
        national = national_digits(matched)
        if len(national) not in (10, 11):
            return 0.0
        kind = national[1]
        if kind == "7":
            return 0.7  # mobiles (and 070/076 personal numbers): almost always one person's
        if kind in "12":
            return 0.55 if len(national) >= 10 else 0.0  # geographic landlines: a home or a desk
        if kind in "35":
            return 0.3  # non-geographic / corporate: usually an organisation's line
        if kind == "8":
            return 0.2  # freephone and shared-cost: organisations, not people
        return 0.0
