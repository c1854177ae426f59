"""UK government identifiers: National Insurance, NHS, passport, driving licence, vehicle registration.

Presidio ships recognizers for all five, disabled by default; these subclasses enable them with
what staff drafts need: any spacing, checksum-aware scores instead of all-or-nothing validation,
and context phrases in both directions (see ``_context``).
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import (
    NhsRecognizer,
    UkDrivingLicenceRecognizer,
    UkNinoRecognizer,
    UkPassportRecognizer,
    UkVehicleRegistrationRecognizer,
)

from screening.detectors.pii_recognizers._context import ContextRescoring, phrases

# Identifiers are written in capitals; matching case-sensitively keeps ordinary words out.
CASE_SENSITIVE = re.DOTALL | re.MULTILINE
_SEP = r"[ \t\-.]?"

# HMRC never issues these prefixes (first letter D, F, I, Q, U, V; second letter D, F, I, O, Q, U,
# V; and the pairs below). A draft that posts one is still an attempt to post an NI number
# (a mistyped or a made-up one is indistinguishable from a real one to a reader), so they are
# reported, only with a lower score.
_ISSUED_PREFIX = re.compile(r"^(?!BG|GB|NK|KN|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$")


class UkNinoAnySpacingRecognizer(ContextRescoring, UkNinoRecognizer):
    """UK National Insurance numbers (``QQ 12 34 56 C``) in any spacing, issued prefixes or not."""

    PATTERNS = [
        Pattern("NINO (any spacing)", r"\b[A-Z]{2}" + (_SEP + r"\d") * 6 + _SEP + r"[A-D]\b", 0.6),
        # In lower case only written solid: "on 12-05-26 a" is not a NINO.
        Pattern("NINO (lower case)", r"\b[a-z]{2}\d{6}[a-d]\b", 0.6),
        # Without the suffix letter it is only a NINO when the text says so.
        Pattern("NINO (no suffix)", r"\b[A-Z]{2}" + (_SEP + r"\d") * 6 + r"\b", 0.15),
    ]
    SUPPORT = phrases(r"national insurance", r"n\.?i\.?(?: no\.?| number| num)?", r"nino", r"hmrc",
                      r"social security(?: number)?", r"ssn")
    SUPPORT_BOOST = 0.25

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=["insurance", "nino"])
        self.global_regex_flags = CASE_SENSITIVE

    def base_score(self, matched: str, score: float) -> float:
        if matched[-1].isdigit():
            return score
        return score + 0.2 if _ISSUED_PREFIX.match(matched[:2].upper()) else score


def nhs_checksum_ok(digits: str) -> bool:
    """The NHS number modulus-11 check (weights 10..2; check digit 11 - r, 11 -> 0, 10 invalid)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# presidio types NhsRecognizer.validate_result as -> bool; the mixin's None means "decide in base_score".
class UkNhsChecksumRecognizer(ContextRescoring, NhsRecognizer):  # type: ignore[misc]
    """NHS numbers (``485 777 3456``), scored by their modulus-11 check digit and context.

    A valid check digit on a ten-digit number is strong evidence; a failed one with "NHS" next
    to it is still someone trying to post an NHS number (mistyped), so it keeps a middling score.
    """

    PATTERNS = [Pattern("NHS number", r"\b\d{3}[- ]?\d{3}[- ]?\d{4}\b", 0.5)]
    SUPPORT = phrases(r"nhs(?: no\.?| number)?", r"national health service", r"patient", r"gp",
                      r"hospital", r"health number")
    SUPPORT_BOOST = 0.35

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=["nhs"])

    def base_score(self, matched: str, score: float) -> float:
        digits = re.sub(r"\D", "", matched)
        if not nhs_checksum_ok(digits):
            return 0.1
        # One ten-digit number in eleven passes the check by chance (order and tracking numbers),
        # so a bare solid number stays under the threshold; the NHS's own 3-3-4 grouping does not.
        return 0.5 if len(digits) != len(matched) else 0.3


class UkPassportContextRecognizer(ContextRescoring, UkPassportRecognizer):
    """UK passport numbers: nine digits (older books) or two letters and seven digits.

    Both shapes are common for other codes, so without "passport" nearby the score stays under
    the default threshold.
    """

    PATTERNS = [
        Pattern("UK passport (letters)", r"\b[A-Z]{2}\d{7}\b", 0.3),
        Pattern("UK passport (digits)", r"\b\d{9}\b", 0.05),
    ]
    SUPPORT = phrases(r"passports?", r"passport (?:no\.?|number)", r"travel document", r"hmpo")
    SUPPORT_BOOST = 0.55

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=["passport"])
        self.global_regex_flags = CASE_SENSITIVE


_LICENCE_BODY = (
    r"[A-Z9]{5}" + _SEP + r"\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])\d"
    + _SEP + r"[A-Z9]{2}\d[A-Z]{2}"
)


class UkDrivingLicenceSpacedRecognizer(ContextRescoring, UkDrivingLicenceRecognizer):
    """DVLA driving licence numbers (``MORGA753116SM9IJ``), also with the groups spaced out."""

    PATTERNS = [Pattern("UK driving licence", r"\b" + _LICENCE_BODY + r"(?:[ ]?\d{2})?\b", 0.55)]
    SUPPORT = phrases(r"driving licen[cs]e", r"driver'?s licen[cs]e", r"dvla", r"licen[cs]e(?: no\.?| number)?",
                      r"dl(?: no\.?| number)?")

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=["licence", "dvla"])
        self.global_regex_flags = CASE_SENSITIVE

    def base_score(self, matched: str, score: float) -> float:
        surname = re.sub(r"[ \t\-.]", "", matched)[:5]
        # The surname field is letters padded with trailing 9s.
        return score if re.fullmatch(r"[A-Z]+9*", surname) else 0.0


class UkVehicleRegistrationContextRecognizer(ContextRescoring, UkVehicleRegistrationRecognizer):
    """UK number plates (``AB51 ABC``, ``A123 BCD``, ``ABC 123D``): weak alone, clear near "car"."""

    SUPPORT = phrases(r"cars?", r"vans?", r"reg(?:istration)?(?: no\.?| number| plate)?", r"number ?plates?",
                      r"plates?", r"vehicles?", r"park(?:ed|s|ing)?", r"drives?", r"driving", r"motorbike",
                      r"(?:parking |disabled )?bay", r"owns")
    SUPPORT_BOOST = 0.35

    def __init__(self) -> None:
        super().__init__(context=["vehicle", "registration"], supported_entity="UK_VEHICLE_REG")
        self.global_regex_flags = CASE_SENSITIVE

    def base_score(self, matched: str, score: float) -> float:
        # Presidio's check: a current-style plate's age identifier must be 02-29 or 51-79.
        valid = UkVehicleRegistrationRecognizer.validate_result(self, matched)
        return 0.0 if valid is False else score
