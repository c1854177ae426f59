"""The PII detector through the real pipeline: real spaCy, real presidio, the shipped policy."""

from __future__ import annotations

import pytest

import screening.detectors  # noqa: F401  (detector modules are imported with torch hidden)
from screening.pipeline import Screener

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def screener() -> Screener:
    from screening.policy import load_policy

    policy = load_policy(None)
    return Screener.load(policy=policy.model_copy(update={"detectors": ["pii.presidio.v1"]}))


POSITIVES = [
    # label, draft, the exact text that must be found
    ("UK_NINO", "Her NI number is QQ 12 34 56 C if payroll need it.", "QQ 12 34 56 C"),
    ("UK_NINO", "NINO: AB123456C", "AB123456C"),
    ("UK_NINO", "national insurance qq123456c", "qq123456c"),
    ("UK_NINO", "NI no. JG-10-33-27-D, thanks", "JG-10-33-27-D"),
    ("UK_NINO", "my NI is DQ 1 2 3 4 5 6 A lol", "DQ 1 2 3 4 5 6 A"),
    ("UK_NINO", "His social security number is ZZ 123456 B", "ZZ 123456 B"),
    ("UK_PHONE", "WhatsApp Kemi on 07700900555", "07700900555"),
    ("UK_PHONE", "Kemi: 0044 7700 900 222", "0044 7700 900 222"),
    ("UK_PHONE", "Ring Dave on 07700 900123 tonight.", "07700 900123"),
    ("UK_PHONE", "Dave's mobile: +44 7700 900456", "+44 7700 900456"),
    ("UK_PHONE", "text me on +44 (0)7700 900789", "+44 (0)7700 900789"),
    ("UK_PHONE", "Her home number is 0116 496 0123.", "0116 496 0123"),
    ("UK_PHONE", "call him on 020-7946-0321", "020-7946-0321"),
    ("UK_PHONE", "landline (0113) 496 0555", "(0113) 496 0555"),
    ("UK_POSTCODE", "She lives in LE2 1AB now.", "LE2 1AB"),
    ("UK_NHS", "NHS number 943 476 5919 for the referral", "943 476 5919"),
    ("UK_NHS", "his nhs no is 9434765919", "9434765919"),
    ("UK_BANK_ACCOUNT", "Pay Sam: sort code 20-45-77, account 41234567", "20-45-77, account 41234567"),
    ("UK_BANK_ACCOUNT", "bank details 41234567 / 20 45 77", "41234567 / 20 45 77"),
    ("IBAN_CODE", "IBAN GB82 WEST 1234 5698 7654 32 for the refund", "GB82 WEST 1234 5698 7654 32"),
    ("UK_PASSPORT", "passport number 925076473, expires next year", "925076473"),
    ("UK_PASSPORT", "Her passport no. is AB1234567.", "AB1234567"),
    ("UK_DRIVING_LICENCE", "driving licence MORGA753116SM9IJ", "MORGA753116SM9IJ"),
    ("UK_DRIVING_LICENCE", "DVLA licence: MORGA 753116 SM9IJ", "MORGA 753116 SM9IJ"),
    ("UK_VEHICLE_REG", "His car reg is AB51 ABC, parked in bay 4.", "AB51 ABC"),
    ("EMAIL_ADDRESS", "Email jo.bloggs@example.com for the notes.", "jo.bloggs@example.com"),
    ("STREET_ADDRESS", "He lives at 14 Mill Lane, Leicester, LE2 1AB.", "14 Mill Lane, Leicester, LE2 1AB"),
    ("DATE_OF_BIRTH", "Jane was born on 14/03/1987.", "14/03/1987"),
    ("DATE_OF_BIRTH", "DOB: 3rd of June 1990", "3rd of June 1990"),
    ("CREDIT_CARD", "card 4111 1111 1111 1111 exp 04/29", "4111 1111 1111 1111"),
    ("SPECIAL_CATEGORY_HEALTH", "Tom from accounts is off with depression", "depression"),
    ("SPECIAL_CATEGORY_PREGNANCY", "Sarah in HR is pregnant", "pregnant"),
    ("SPECIAL_CATEGORY_SEXUAL_ORIENTATION", "Ahmed is gay", "gay"),
    ("SPECIAL_CATEGORY_RELIGION", "Did you know Dan is a devout Catholic?", "Catholic"),
    ("SPECIAL_CATEGORY_TRADE_UNION", "Fiona is our UCU rep, she joined the union last year", "joined the union"),
    ("SPECIAL_CATEGORY_CRIMINAL_RECORD", "Apparently Gary has a criminal record.", "criminal record"),
    ("SPECIAL_CATEGORY_POLITICAL_OPINION", "Ben Carter votes Reform, apparently.", "votes Reform"),
    ("SPECIAL_CATEGORY_GENDER_IDENTITY", "Alex Reid is transgender and joins on Monday.", "transgender"),
    ("SPECIAL_CATEGORY_ETHNICITY", "Kemi Adeyemi is of Nigerian descent, she told us.", "of Nigerian descent"),
    ("SPECIAL_CATEGORY_HEALTH", "Welcome back Emeka! Hope the chemo is going ok.", "chemo"),
    ("PERSON", "Priya Shah's mobile is 07700 900111.", "Priya Shah"),
    ("EMAIL_ADDRESS", "Write to Sam at sam.jones@example.co.uk", "sam.jones@example.co.uk"),
]


@pytest.mark.parametrize(("label", "draft", "expected"), POSITIVES, ids=[f"{p[0]}-{i}" for i, p in enumerate(POSITIVES)])
def test_pii_detector_finds_uk_personal_data(screener: Screener, label: str, draft: str, expected: str) -> None:
    result = screener.screen(draft)
    found = [f for f in result.findings if f.label == label]
    assert found, f"no {label} in {[(f.label, f.text) for f in result.findings]}"
    assert any(f.text == expected for f in found), [f.text for f in found]
    assert result.decision in ("review", "block")
    for finding in result.findings:
        assert draft[finding.start : finding.end] == finding.text
        assert finding.category == "pii"
        assert finding.explanation.startswith("This looks like")


NEGATIVES = [
    "Congratulations to Priya Shah on her award!",
    "Well done to Marcus Okafor and Jen Lee for winning the regional final!",
    "For press enquiries contact press@northfield.ac.uk or call 0116 496 0000.",
    "Questions? Email admissions@northfield.ac.uk or ring +44 116 496 0000.",
    "Any staff member can write to someone@northfield.ac.uk about the open day.",
    "Freephone 0800 123 4567 for course information.",
    "Order ref AB123456C has shipped.",
    "Replacement part no. HT-4410-B and SKU QQ123456C are back in stock.",
    "Our open day is on 14/03/2026 at 1 Station Road, Leicester.",
    "Dr Patel will give a talk on diabetes prevention next week.",
    "Join us for Mental Health Awareness Week: support is available for everyone.",
    "Applications close on 12-05-2026; interviews start 20 May.",
    "Course code ENG4011 runs on Mondays in room B204.",
    "Press office: Press@Northfield.ac.uk, +44 (0)116 496 0000",
    "Call 01164960000 or 0116-496-0000 for the box office.",
    "Tutors can be reached at j.smith@northfield.ac.uk via the intranet.",
    "Invoice no. 20457741 was paid on 12-05-26.",
    "Happy birthday Isla! Cake in the staff room at 3.",
    "Black History Month starts today with a talk in the main hall.",
    "Join us at the campus, 12 College Road, LE1 7RH, for the careers fair.",
    "The minibus was parked outside the sports hall all day.",
    "Sam organised our gay pride float this year!",
    "Priya gave a brilliant talk on Jewish history at the library.",
    "Meet Aisha, our new mental health first aider!",
]


@pytest.mark.parametrize("draft", NEGATIVES)
def test_pii_detector_allows_drafts_without_personal_data(screener: Screener, draft: str) -> None:
    result = screener.screen(draft)
    assert result.decision == "allow", [(f.label, f.text, f.score) for f in result.findings]


def test_name_alone_is_reported_below_threshold(screener: Screener) -> None:
    detector = screener.detectors[0]
    from screening.detectors.base import Draft
    from screening.nlp import load_spacy

    text = "Congratulations to Priya Shah on her award!"
    detection = detector.detect([Draft(text=text, language="en", doc=load_spacy()(text))])[0]
    people = [f for f in detection.findings if f.label == "PERSON"]
    assert all(f.score < screener.policy.categories["pii"].threshold for f in people)


def test_findings_keep_exact_offsets_after_normalisation(screener: Screener) -> None:
    draft = "Zero\u200bwidth: ring 07700\u200b 900123 now"
    result = screener.screen(draft)
    phones = [f for f in result.findings if f.label == "UK_PHONE"]
    assert phones and all(draft[f.start : f.end] == f.text for f in phones)


def test_identifier_labels_block_under_default_policy(screener: Screener) -> None:
    assert screener.screen("NI QQ 12 34 56 C").decision == "block"
    assert screener.screen("call me on 07700 900123").decision == "review"


SEVERITIES = [
    ("NI QQ 12 34 56 C", "UK_NINO", "high"),
    ("NHS number 943 476 5919", "UK_NHS", "high"),
    ("Sarah in HR is pregnant", "SPECIAL_CATEGORY_PREGNANCY", "high"),
    ("call me on 07700 900123", "UK_PHONE", "medium"),
    ("email jo.bloggs@example.com", "EMAIL_ADDRESS", "medium"),
    ("She has just moved to LE2 1AB", "UK_POSTCODE", "low"),
]


@pytest.mark.parametrize(("draft", "label", "severity"), SEVERITIES)
def test_pii_severity_follows_kind_of_data(screener: Screener, draft: str, label: str, severity: str) -> None:
    found = [f for f in screener.screen(draft).findings if f.label == label]
    assert [f.severity for f in found] == [severity]


def test_never_issued_nino_prefix_is_still_reported_but_scores_lower(screener: Screener) -> None:
    issued = [f for f in screener.screen("NI AB 12 34 56 C").findings if f.label == "UK_NINO"]
    never = [f for f in screener.screen("NI QQ 12 34 56 C").findings if f.label == "UK_NINO"]
    assert issued and never
    assert never[0].score < issued[0].score


def test_nhs_number_score_depends_on_check_digit(screener: Screener) -> None:
    valid = [f for f in screener.screen("NHS number 943 476 5919").findings if f.label == "UK_NHS"]
    typo = [f for f in screener.screen("NHS number 943 476 5918").findings if f.label == "UK_NHS"]
    bare_typo = [f for f in screener.screen("Ticket 943 476 5918 is closed").findings if f.label == "UK_NHS"]
    assert valid and typo and not bare_typo
    assert typo[0].score < valid[0].score


def test_explanations_are_sentences_staff_understand(screener: Screener) -> None:
    [finding] = [f for f in screener.screen("NI QQ 12 34 56 C").findings]
    assert finding.explanation == (
        "This looks like a UK National Insurance number; posting someone's NI number breaches data "
        "protection and risks identity fraud."
    )
    assert finding.policy_clause.startswith("s.3.3")


def test_detector_reads_the_shared_doc_and_leaves_it_unchanged(screener: Screener) -> None:
    from screening.detectors.base import Draft
    from screening.errors import DetectorError
    from screening.nlp import load_spacy

    detector = screener.detectors[0]
    text = "Priya Shah lives at 14 Mill Lane, Leicester. Her mobile is 07700 900123."
    doc = load_spacy()(text)
    before = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    [detection] = detector.detect([Draft(text=text, language="en", doc=doc)])
    assert {f.label for f in detection.findings} >= {"STREET_ADDRESS", "UK_PHONE", "PERSON"}
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == before
    # Presidio's own NLP engine refuses to run spaCy: artifacts only come from the shared Doc.
    with pytest.raises(DetectorError):
        detector._engine.process_text(text, "en")


def test_email_recognizer_works_with_the_network_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from screening.detectors.pii_recognizers import contact

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    contact._offline_extractor.cache_clear()
    extractor = contact._offline_extractor()
    assert extractor.suffix_list_urls == ()
    recognizer = contact.OfflineEmailRecognizer()
    [result] = recognizer.analyze("mail jo.bloggs@example.co.uk today", ["EMAIL_ADDRESS"])
    assert result.score >= 0.8


def test_role_mailboxes_outside_the_allow_list_score_below_threshold(screener: Screener) -> None:
    result = screener.screen("Contact info@hartley-engineering.co.uk for quotes.")
    assert result.decision == "allow"
    assert 0 < result.scores["pii"] < screener.policy.categories["pii"].threshold


@pytest.mark.parametrize("draft", [
    "Tracking number 9434765919 - should arrive tomorrow.",
    "Full story: https://www.example.org/news/943-476-5919/welding-awards",
    "Photos at www.example.org/gallery/07700900123 from the open day",
])
def test_numbers_that_only_look_like_identifiers_are_not_reported(screener: Screener, draft: str) -> None:
    result = screener.screen(draft)
    assert result.decision == "allow", [(f.label, f.text, f.score) for f in result.findings]
