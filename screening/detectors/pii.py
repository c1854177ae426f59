"""Personal data in a draft: presidio's analyzer over the shared spaCy ``Doc``, with UK recognizers.

The detector never runs spaCy itself. The pipeline makes one ``Doc`` per draft; presidio's
``NlpArtifacts`` are built from it (``artifacts_from_doc``) and handed to
``AnalyzerEngine.analyze(..., nlp_artifacts=...)``, so presidio's own NLP engine is a stub that
refuses to process text. After presidio, three policy rules apply:

* the organisation's role-based contacts (``allow_list``: e-mails, domains, phone numbers in any
  formatting) are not findings;
* overlapping results keep the strongest one (a street address swallows its postcode);
* a person's name counts only when joined to personal data about them: the same sentence holds a
  contact detail, identifier, address, date of birth or special-category fact (high score), or
  another sentence of the draft holds an identifier or special-category fact (middling score).
  A name alone ("Congratulations to Priya Shah on her award!") scores below any sensible threshold.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from screening.detectors.base import Draft, Feature
from screening.detectors.pii_recognizers.names import person_spans
from screening.detectors.pii_recognizers.uk_phone import national_digits
from screening.detectors.registry import register
from screening.errors import DetectorError
from screening.findings import Category, Detection, Finding, Severity
from screening.nlp import load_spacy

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, RecognizerResult
    from presidio_analyzer.nlp_engine import NlpArtifacts
    from spacy.language import Language
    from spacy.tokens import Doc

    from screening.policy.model import Policy

logger = logging.getLogger(__name__)

# Findings scoring under this are not reported at all (they would only add noise to the category
# score); the policy's threshold decides which of the rest reach a reviewer.
MIN_REPORTED_SCORE = 0.15

PERSON = "PERSON"
# Digits inside a link are page ids and tracking codes, not identifiers.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
PERSON_SAME_SENTENCE = 0.8
PERSON_SAME_DRAFT = 0.55
PERSON_ALONE = 0.15


@dataclass(frozen=True, slots=True)
class LabelInfo:
    """How one label is worded for staff and how serious it is."""

    what: str
    why: str
    severity: Severity
    # Whether the label, found elsewhere in a draft, makes a name in another sentence personal data.
    identifying: bool = False

    def explanation(self) -> str:
        return f"This looks like {self.what}; {self.why}."


_WHY_DP = "posting it breaches data protection"
LABELS: dict[str, LabelInfo] = {
    "UK_NINO": LabelInfo("a UK National Insurance number",
                         "posting someone's NI number breaches data protection and risks identity fraud",
                         "high", True),
    "UK_NHS": LabelInfo("an NHS number", "it identifies a patient, and posting it breaches data protection",
                        "high", True),
    "UK_PASSPORT": LabelInfo("a passport number", "posting someone's passport number breaches data "
                             "protection and risks identity fraud", "high", True),
    "UK_DRIVING_LICENCE": LabelInfo("a UK driving licence number", "it encodes the holder's name and date "
                                    "of birth, and posting it breaches data protection", "high", True),
    "UK_BANK_ACCOUNT": LabelInfo("UK bank details (sort code and account number)",
                                 "posting someone's bank details breaches data protection and risks fraud",
                                 "high", True),
    "IBAN_CODE": LabelInfo("a bank account number (IBAN)",
                           "posting someone's bank details breaches data protection and risks fraud", "high", True),
    "CREDIT_CARD": LabelInfo("a payment card number",
                             "posting a card number exposes its holder to fraud and breaches data protection",
                             "high", True),
    "DATE_OF_BIRTH": LabelInfo("someone's date of birth",
                               "together with a name it identifies them, and " + _WHY_DP, "medium", True),
    "UK_PHONE": LabelInfo("a personal phone number", "posting someone's number without their consent breaches "
                          "data protection; use the organisation's published contact numbers instead", "medium"),
    "EMAIL_ADDRESS": LabelInfo("a personal e-mail address", "posting someone's address without their consent "
                               "breaches data protection; use the organisation's role mailboxes instead", "medium"),
    "STREET_ADDRESS": LabelInfo("a home address", "posting where someone lives breaches data protection and "
                                "can put them at risk", "medium", True),
    "UK_POSTCODE": LabelInfo("a postcode", "with other details it can show where someone lives", "low"),
    "UK_VEHICLE_REG": LabelInfo("a vehicle registration number", "it can be traced to the car's keeper", "low"),
    PERSON: LabelInfo("a person's name alongside personal data about them",
                      "naming someone next to their details makes them identifiable", "medium"),
}

_SPECIAL = {
    "HEALTH": "health information about a named person",
    "PREGNANCY": "information about a named person's pregnancy",
    "RELIGION": "a named person's religion or beliefs",
    "SEXUAL_ORIENTATION": "a named person's sexual orientation",
    "GENDER_IDENTITY": "a named person's gender identity",
    "ETHNICITY": "a named person's ethnic origin",
    "POLITICAL_OPINION": "a named person's political opinions",
    "TRADE_UNION": "a named person's trade-union membership",
    "CRIMINAL_RECORD": "a named person's criminal record or alleged offences",
}
for _suffix, _what in _SPECIAL.items():
    LABELS[f"SPECIAL_CATEGORY_{_suffix}"] = LabelInfo(
        _what, "this is special-category personal data, which must not be shared without explicit consent",
        "high", True)


def label_info(label: str) -> LabelInfo:
    """Wording and severity for a label (an unknown label is treated as a weak signal)."""
    return LABELS.get(label) or LabelInfo(f"personal data ({label})", _WHY_DP, "low")


# -- presidio plumbing ----------------------------------------------------------------------------


def _shared_doc_engine(nlp: Language) -> object:
    """A presidio ``NlpEngine`` that answers vocabulary questions but never processes text."""
    from presidio_analyzer.nlp_engine import NlpEngine

    stop_words = frozenset(nlp.Defaults.stop_words)

    class SharedDocNlpEngine(NlpEngine):
        """Presidio's view of the pipeline's spaCy model: artifacts come from the shared ``Doc``."""

        def load(self) -> None:
            """Already loaded: the pipeline owns the model."""

        def is_loaded(self) -> bool:
            return True

        def process_text(self, text: str, language: str) -> NlpArtifacts:
            raise DetectorError(
                "The PII detector was asked to run spaCy on a draft itself; it only reads the pipeline's "
                "shared Doc. Pass nlp_artifacts built with artifacts_from_doc()."
            )

        def process_batch(self, texts, language, batch_size=1, n_process=1, **kwargs):  # type: ignore[no-untyped-def]
            raise DetectorError("The PII detector never runs spaCy in batches; it reads the shared Docs.")

        def is_stopword(self, word: str, language: str) -> bool:
            return word.lower() in stop_words

        def is_punct(self, word: str, language: str) -> bool:
            return bool(word) and not any(ch.isalnum() for ch in word)

        def get_supported_entities(self) -> list[str]:
            return [PERSON]

        def get_supported_languages(self) -> list[str]:
            return ["en"]

    return SharedDocNlpEngine()


def artifacts_from_doc(doc: Doc, engine: object) -> NlpArtifacts:
    """Presidio ``NlpArtifacts`` for an existing ``Doc``, without running any pipe.

    Like presidio's ``SpacyNlpEngine._doc_to_nlp_artifact`` with two differences: entity spans are
    new ``Span`` objects labelled ``PERSON`` from ``person_spans`` (spaCy's PERSON entities cleaned
    up, plus names the small model misses; presidio relabels ``doc.ents`` in place, which would
    change the ``Doc`` other detectors read), and the lemmatizer is excluded from the shared
    pipeline, so lower-cased token texts stand in for lemmas in context matching.
    """
    from presidio_analyzer.nlp_engine import NlpArtifacts

    people = person_spans(doc)
    return NlpArtifacts(
        entities=people,
        tokens=doc,
        tokens_indices=[token.idx for token in doc],
        lemmas=[token.lower_ for token in doc],
        nlp_engine=engine,  # type: ignore[arg-type]
        language="en",
        scores=[0.85] * len(people),
    )


# -- the detector ---------------------------------------------------------------------------------


@register("pii.presidio.v1")
class PresidioPiiDetector:
    """UK personal data (identifiers, contact details, addresses, special-category facts)."""

    name: ClassVar[str] = "pii.presidio.v1"
    version: ClassVar[str] = "1"
    categories: ClassVar[tuple[Category, ...]] = ("pii",)
    requires: ClassVar[frozenset[Feature]] = frozenset({"doc"})

    def __init__(self, policy: Policy) -> None:
        self.threshold = policy.categories["pii"].threshold
        allow = policy.allow_list
        self._allowed_emails = frozenset(e.strip().lower() for e in allow.emails)
        self._allowed_domains = tuple(d.strip().lower().lstrip("@") for d in allow.domains)
        self._allowed_phones = frozenset(national_digits(p) for p in allow.phone_numbers)
        self._analyzer: AnalyzerEngine | None = None
        self._engine: object | None = None

    def load(self) -> None:
        """Build presidio's analyzer with exactly the recognizers this detector needs."""
        if self._analyzer is not None:
            return
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

        from screening.detectors.pii_recognizers import build_recognizers

        started = time.perf_counter()
        self._engine = _shared_doc_engine(load_spacy())
        recognizers = build_recognizers()
        registry = RecognizerRegistry(recognizers=recognizers, supported_languages=["en"])
        self._analyzer = AnalyzerEngine(registry=registry, nlp_engine=self._engine,  # type: ignore[arg-type]
                                        supported_languages=["en"])
        logger.info("pii.presidio.v1 loaded %d recognizers in %.2fs", len(recognizers),
                    time.perf_counter() - started)

    def detect(self, drafts: Sequence[Draft]) -> list[Detection]:
        """One ``Detection`` per draft; reads ``draft.doc`` (made here only if the caller gave none)."""
        self.load()
        return [self._detect_one(draft) for draft in drafts]

    # -- internals ---------------------------------------------------------------------------

    def _detect_one(self, draft: Draft) -> Detection:
        assert self._analyzer is not None
        doc = draft.doc if draft.doc is not None else load_spacy()(draft.text)
        if doc.text != draft.text:
            raise DetectorError("The shared spaCy Doc does not match the draft's text; the pipeline is out of step.")
        results = self._analyzer.analyze(
            text=draft.text, language="en", nlp_artifacts=artifacts_from_doc(doc, self._engine),
            score_threshold=MIN_REPORTED_SCORE,
        )
        links = [m.span() for m in _URL.finditer(draft.text)]
        results = [r for r in results if not self._allow_listed(r.entity_type, draft.text[r.start : r.end])
                   and not any(a <= r.start and r.end <= b for a, b in links)]
        people = [r for r in results if r.entity_type == PERSON]
        others = _strongest_non_overlapping([r for r in results if r.entity_type != PERSON])
        people = [p for p in people if not any(_overlaps(p, o) for o in others)]
        findings = [self._finding(draft.text, r.entity_type, r.start, r.end, r.score) for r in others]
        findings += [self._finding(draft.text, PERSON, p.start, _trim_possessive(draft.text, p.start, p.end),
                                   self._person_score(doc, p, others)) for p in people]
        findings = [f for f in findings if f.score >= MIN_REPORTED_SCORE]
        findings.sort(key=lambda f: (f.start, f.end, f.label))
        score = max((f.score for f in findings), default=0.0)
        return Detection(findings=findings, scores={"pii": score})

    def _allow_listed(self, label: str, text: str) -> bool:
        if label == "EMAIL_ADDRESS":
            address = text.strip().lower()
            domain = address.rsplit("@", 1)[-1]
            return address in self._allowed_emails or any(
                domain == d or domain.endswith("." + d) for d in self._allowed_domains
            )
        if label == "UK_PHONE":
            return national_digits(text) in self._allowed_phones
        return False

    def _person_score(self, doc: Doc, person: RecognizerResult, others: list[RecognizerResult]) -> float:
        reported = [o for o in others if o.score >= self.threshold]
        if not reported:
            return PERSON_ALONE
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is not None:
            sentence = span.sent
            if any(sentence.start_char <= o.start < sentence.end_char for o in reported):
                return PERSON_SAME_SENTENCE
        if any(label_info(o.entity_type).identifying for o in reported):
            return PERSON_SAME_DRAFT
        return PERSON_ALONE

    def _finding(self, text: str, label: str, start: int, end: int, score: float) -> Finding:
        info = label_info(label)
        severity: Severity = info.severity
        if label == PERSON and score < self.threshold:
            severity = "low"
        return Finding(
            category="pii", label=label, start=start, end=end, text=text[start:end],
            score=round(min(1.0, max(0.0, score)), 3), severity=severity, detector=self.name,
            explanation=info.explanation(),
        )


def _trim_possessive(text: str, start: int, end: int) -> int:
    """End of a name without a trailing possessive ("Priya Shah's" -> "Priya Shah")."""
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix, start, end) and end - len(suffix) > start:
            return end - len(suffix)
    return end


def _overlaps(a: RecognizerResult, b: RecognizerResult) -> bool:
    return a.start < b.end and b.start < a.end


# Labels that describe the same kind of thing; a longer result swallows a shorter one of its family.
_FAMILIES = {
    "STREET_ADDRESS": "address", "UK_POSTCODE": "address",
    "UK_BANK_ACCOUNT": "bank", "IBAN_CODE": "bank",
}


def label_family(label: str) -> str:
    """The family a label belongs to (special categories are one family; most labels are their own)."""
    if label.startswith("SPECIAL_CATEGORY_"):
        return "special"
    return _FAMILIES.get(label, label)


def _strongest_non_overlapping(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Merge results inside a longer one of their family, then keep the strongest of any overlap.

    A postcode inside a street address is part of it (the address takes the higher score); among
    other overlapping results the highest score wins (the longer one on a tie).
    """
    merged: list[RecognizerResult] = []
    for result in sorted(results, key=lambda r: (-(r.end - r.start), -r.score, r.start)):
        container = next((m for m in merged if m.start <= result.start and result.end <= m.end
                          and label_family(m.entity_type) == label_family(result.entity_type)), None)
        if container is None:
            merged.append(result)
        else:
            container.score = max(container.score, result.score)
    kept: list[RecognizerResult] = []
    for result in sorted(merged, key=lambda r: (-r.score, -(r.end - r.start), r.start)):
        if not any(_overlaps(result, k) for k in kept):
            kept.append(result)
    return kept
