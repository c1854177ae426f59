"""Presidio recognizers for UK personal data, one concept per module.

``build_recognizers()`` returns the set the ``pii.presidio.v1`` detector runs: presidio's own
recognizers where they fit (e-mail, payment card, IBAN, spaCy names, the UK identifiers it ships
disabled), subclassed where staff drafts need more, and new ones for what presidio lacks (UK phone
numbers, bank details, street addresses, dates of birth, special-category facts).
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, IbanRecognizer, SpacyRecognizer

from screening.detectors.pii_recognizers.contact import OfflineEmailRecognizer
from screening.detectors.pii_recognizers.date_of_birth import DateOfBirthRecognizer
from screening.detectors.pii_recognizers.special_category import SpecialCategoryRecognizer
from screening.detectors.pii_recognizers.uk_address import (
    StreetAddressRecognizer,
    UkPostcodeContextRecognizer,
)
from screening.detectors.pii_recognizers.uk_bank_account import UkBankAccountRecognizer
from screening.detectors.pii_recognizers.uk_identifiers import (
    UkDrivingLicenceSpacedRecognizer,
    UkNhsChecksumRecognizer,
    UkNinoAnySpacingRecognizer,
    UkPassportContextRecognizer,
    UkVehicleRegistrationContextRecognizer,
)
from screening.detectors.pii_recognizers.uk_phone import UkPhoneRecognizer

__all__ = ["build_recognizers"]


def build_recognizers() -> list[EntityRecognizer]:
    """Fresh instances of every recognizer the PII detector uses (and no others)."""
    return [
        UkNinoAnySpacingRecognizer(),
        UkNhsChecksumRecognizer(),
        UkPassportContextRecognizer(),
        UkDrivingLicenceSpacedRecognizer(),
        UkVehicleRegistrationContextRecognizer(),
        UkPhoneRecognizer(),
        UkBankAccountRecognizer(),
        UkPostcodeContextRecognizer(),
        StreetAddressRecognizer(),
        DateOfBirthRecognizer(),
        OfflineEmailRecognizer(),
        CreditCardRecognizer(),
        IbanRecognizer(),
        SpacyRecognizer(supported_entities=["PERSON"]),
        SpecialCategoryRecognizer(),
    ]
