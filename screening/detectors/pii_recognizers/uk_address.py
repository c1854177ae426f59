"""Home addresses: UK street addresses and postcodes.

An organisation's own address in an events post is not personal data, a colleague's home
address is; the words around it ("lives at", "venue", "our campus") tell which.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import UkPostcodeRecognizer

from screening.detectors.pii_recognizers._context import ContextRescoring, clamp, has_context, phrases
from screening.detectors.pii_recognizers.uk_identifiers import CASE_SENSITIVE

POSTCODE = (
    r"(?:[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]?|[A-PR-UWYZ][0-9]{2}|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]?"
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{2})[ ]?[0-9][ABD-HJLNP-UW-Z]{2}"
)
_STREET_TYPES = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl"
    r"|Gardens|Gdns|Terrace|Grove|Hill|Park|Row|Square|Sq|Walk|Mews|Rise|View|Green|Parade|Vale"
    r"|Gate|Wharf|Yard|Meadows?|Fields?|Croft|Chase|Approach|Embankment|Quay|Boulevard"
)
_WORD = r"[A-Z][a-z']+(?:-[A-Z][a-z']+)?"
STREET_ADDRESS = (
    r"(?:\b(?:Flat|Apartment|Apt\.?|Unit)[ ]\d{1,4}[A-Z]?,?[ ])?"
    r"\b\d{1,4}[A-Za-z]?(?:-\d{1,4})?,?[ ]"
    r"(?:" + _WORD + r"[ ]){1,3}(?:" + _STREET_TYPES + r")\.?\b"
    # then optionally a locality or town or two, and a postcode
    r"(?:,?[ ](?!and\b|in\b|on\b|at\b)" + _WORD + r"(?:[ ]" + _WORD + r")?){0,2}"
    r"(?:,?[ ]\b" + POSTCODE + r"\b)?"
)

RESIDENTIAL = phrases(
    r"lives?", r"living", r"moved(?: house)?(?: to)?", r"home(?: address)?", r"address", r"house",
    r"flat", r"resides?", r"stays?", r"staying", r"neighbou?rs?", r"round at", r"address is",
    r"postcode", r"post code", r"deliver(?:y|ed)?(?: to)?", r"send (?:it|them) to", r"party at",
)
ORGANISATIONAL = phrases(
    r"campus", r"venue", r"office", r"offices", r"headquarters", r"hq", r"reception", r"our building",
    r"held at", r"join us", r"visit us", r"open day", r"library", r"centre", r"site", r"workshop",
    r"conference", r"exhibition", r"shop", r"store", r"branch", r"cafe", r"restaurant", r"hotel",
    r"event", r"theatre", r"bus", r"stop", r"our partners",
)
# A street-address line just above a postcode (an address block over several lines).
_ADDRESS_LINE = r"\d{1,4}[A-Za-z]?,? [A-Z][a-z']+(?: [A-Z][a-z']+){0,2} (?:" + _STREET_TYPES + r")"


class StreetAddressRecognizer(ContextRescoring, PatternRecognizer):
    """Street addresses (``Flat 2, 14 Mill Lane, Leicester, LE2 1AB``)."""

    PATTERNS = [Pattern("UK street address", STREET_ADDRESS, 0.55)]
    SUPPORT = RESIDENTIAL
    SUPPORT_BOOST = 0.25
    UNDERMINE = ORGANISATIONAL
    UNDERMINE_PENALTY = 0.35
    WINDOW_BEFORE = 50
    UNDERMINE_BEFORE = 60
    UNDERMINE_AFTER = 25

    def __init__(self) -> None:
        super().__init__(supported_entity="STREET_ADDRESS", patterns=self.PATTERNS, context=["address"])
        self.global_regex_flags = CASE_SENSITIVE

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # type: ignore[no-untyped-def]
        """Also lower an address that follows an organisation's name ("Meridian Foods, 12 Mill Lane")."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None:
            return results
        # spaCy's small model often calls a person's name ORG; names found by ``person_spans``
        # (the artifacts' entities) are not organisations.
        people = list(getattr(nlp_artifacts, "entities", []))
        organisations = [e for e in doc.ents if e.label_ in ("ORG", "FAC")
                         and not any(p.start_char < e.end_char and e.start_char < p.end_char for p in people)]
        for result in results:
            follows_org = any(result.start - 60 <= e.end_char <= result.start for e in organisations)
            if follows_org and not has_context(RESIDENTIAL, text, result.start, result.end, 50, 0):
                result.score = clamp(result.score - self.UNDERMINE_PENALTY)
        return [r for r in results if r.score > 0]



class UkPostcodeContextRecognizer(ContextRescoring, UkPostcodeRecognizer):
    """A full UK postcode: a weak signal alone (often the organisation's), clear near "lives"."""

    PATTERNS = [Pattern("UK postcode", r"\b(?:GIR[ ]?0AA|" + POSTCODE + r")\b", 0.3)]
    SUPPORT = phrases(RESIDENTIAL.pattern, r"zip(?: code)?", _ADDRESS_LINE)
    WINDOW_BEFORE = 120
    SUPPORT_BOOST = 0.35
    UNDERMINE = ORGANISATIONAL
    UNDERMINE_PENALTY = 0.3
    UNDERMINE_BEFORE = 100
    UNDERMINE_AFTER = 0

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=["postcode", "address"])
        self.global_regex_flags = CASE_SENSITIVE
