"""The confidential detector with its real parts: detect-secrets, the rules, and the shipped head."""

from __future__ import annotations

import pytest

from screening.detectors.base import Draft
from screening.detectors.confidential import ConfidentialDetector
from screening.errors import ConfigError
from screening.normalise import normalise
from screening.pipeline import Screener
from screening.policy import load_policy
from tests.screening.detectors.conftest import CONFIDENTIAL_THRESHOLD

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def screener() -> Screener:
    policy = load_policy()
    return Screener.load(policy=policy.model_copy(update={"detectors": ["confidential.hybrid.v1"]}))


def _findings(confidential_detector: ConfidentialDetector, text: str):
    # Detectors are handed normalised text (the pipeline's contract); spans are mapped back here.
    normalised = normalise(text)
    (detection,) = confidential_detector.detect([Draft(text=normalised.text, language="en")])
    kept = []
    for f in detection.findings:
        if f.score >= CONFIDENTIAL_THRESHOLD:
            start, end = normalised.span(f.start, f.end)
            kept.append(f.replace(start=start, end=end, text=text[start:end]))
    return kept


def _spans(confidential_detector: ConfidentialDetector, text: str) -> set[tuple[str, str]]:
    return {(f.label, text[f.start:f.end]) for f in _findings(confidential_detector, text)}


# (draft, label, exact span) for the rules: each row names the span the finding must carry.
SPAN_CASES = [
    # credentials
    ("The wifi password for the workshop is Kestrel2026!", "credential", "Kestrel2026!"),
    ("Shared login for the printer portal: admin / Welcome123", "credential", "Welcome123"),
    ("Door code? It's 4821.", "credential", "4821"),
    ("Our AWS access key is AKIAIOSFODNN7EXAMPLE if you need it", "credential", "AKIAIOSFODNN7EXAMPLE"),
    ("Stripe key: sk_live_4eC39HqLyjWDarjtT1zdp7dc", "credential", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
    ('password = "Zq8#rT2vLm" in the shared config', "credential", "Zq8#rT2vLm"),
    # internal hosts and private IPs
    ("Timesheets live on hr-db.internal from Monday.", "internal_host", "hr-db.internal"),
    ("Printer queue moved to 192.168.14.20 - update your settings.", "internal_host", "192.168.14.20"),
    ("The recorder is on 10.2.33.4:8080.", "internal_host", "10.2.33.4"),
    ("Backups go to 172.20.1.9 nightly.", "internal_host", "172.20.1.9"),
    ("Map \\\\fileserver01\\staff if the share drops.", "internal_host", "fileserver01"),
    ("The wiki moved to intranet.northfield.ac.uk today.", "internal_host", "intranet.northfield.ac.uk"),
    # markers
    ("INTERNAL ONLY: new timetable attached.", "internal_marker", "INTERNAL ONLY"),
    ("Not for external distribution: the revised fee schedule.", "internal_marker",
     "Not for external distribution"),
    ("Embargoed until 9am Thursday: we won the award.", "embargo", "Embargoed until"),
    ("Working with a big energy firm, under NDA for now.", "nda_client", "under NDA"),
]


@pytest.mark.parametrize(("text", "label", "span"), SPAN_CASES, ids=[c[1] + ":" + c[2][:20] for c in SPAN_CASES])
def test_rule_findings_carry_the_exact_span(confidential_detector: ConfidentialDetector, text: str, label: str, span: str) -> None:
    findings = [f for f in _findings(confidential_detector, text) if f.label == label]
    assert findings, f"no {label} finding"
    assert span in {f.text for f in findings}
    assert all(text[f.start:f.end] == f.text for f in findings)


# (draft, sub-type) for leaks that need the cues and the head; the span is the sentence.
SUBTYPE_CASES = [
    ("Draft figures: enrolments are down 14% on last year, not published until the board meets.", "unreleased_figures"),
    ("The student portal is still vulnerable to SQL injection and nobody has fixed it.", "security_weakness"),
    ("We haven't patched the staff VPN yet, so be careful.", "security_weakness"),
    ("Here are the answers to this week's NEBOSH test: 1B 2D 3A 4C 5A.", "exam_content"),
    ("Heads up for tomorrow's exam: question 4 is about permit-to-work, the answer is C.", "exam_content"),
    ("Project Nightjar launches in June - can't say more yet!", "codename"),
]


@pytest.mark.parametrize(("text", "subtype"), SUBTYPE_CASES, ids=[c[1] for c in SUBTYPE_CASES])
def test_detector_finds_each_subtype(confidential_detector: ConfidentialDetector, text: str, subtype: str) -> None:
    labels = {f.label for f in _findings(confidential_detector, text)}
    assert subtype in labels


HARD_NEGATIVES = [
    "Our confidential reporting line is open to all staff, 24 hours a day.",
    "Never share your password, not even with IT. We will never ask for it.",
    "Please use a password manager and turn on two-factor authentication.",
    "Our study, published today in Safety Science, found a 22% improvement in weld quality.",
    "Delighted to announce our new contract with Leicestershire County Council to train 200 apprentices.",
    "Course dates for the NEBOSH General Certificate are now online: next intake March.",
    "We're hiring a Welding Instructor. Salary £34,000, closing date 30 June.",
    "Support for vulnerable learners is available from our wellbeing team.",
    "We patched the VPN last week after our annual penetration test.",
    "The NEBOSH exam is a 60-minute multiple-choice paper taken at the end of the course.",
    "Our cyber security course covers SQL injection and how to defend against it.",
    "Safety tip: know where the kill switch is on every machine before you start.",
    "Learn to make full-penetration butt welds; black oxide finishing is covered too.",
    "Use discount code SPRING10 when you book before Friday.",
    "The embargo has lifted: we can now share that we've won the Queen's Anniversary Prize!",
    "Visit www.northfield.ac.uk/courses or call 0116 496 0000.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_stay_clean(confidential_detector: ConfidentialDetector, text: str) -> None:
    assert _findings(confidential_detector, text) == []


LANGUAGE_CASES = [
    ("fr", "Le mot de passe du wifi est W3ld1ng!77", "credential", "W3ld1ng!77"),
    ("de", "Das WLAN-Passwort für die Werkstatt lautet S@fety_28", "credential", "S@fety_28"),
    ("es", "La contraseña de la red es Workshop2025", "credential", "Workshop2025"),
    ("cy", "Y cyfrinair ar gyfer y wifi yw Summer2024#", "credential", "Summer2024#"),
    ("fr", "Usage interne uniquement : compte rendu de la réunion.", "internal_marker", "Usage interne"),
    ("de", "Nur für den internen Gebrauch: die neue Struktur.", "internal_marker", "Nur für den internen Gebrauch"),
    ("es", "Documento confidencial: el plan de reestructuración.", "internal_marker", "Documento confidencial"),
    ("cy", "Cyfrinachol: cynllun staffio'r adran.", "internal_marker", "Cyfrinachol"),
    ("fr", "Sous embargo jusqu'au 12 mars : notre partenariat.", "embargo", "Sous embargo"),
]


@pytest.mark.parametrize(("language", "text", "label", "span"), LANGUAGE_CASES,
                         ids=[f"{c[0]}-{c[2]}" for c in LANGUAGE_CASES])
def test_non_english_credentials_and_markers_are_caught(
    confidential_detector: ConfidentialDetector, language: str, text: str, label: str, span: str
) -> None:
    assert (label, span) in _spans(confidential_detector, text)


TERM_VARIANTS = [
    ("Testing the new Bluebell build today.", "term_list.project_codenames", "Bluebell"),
    ("BLUEBELL demo went well.", "term_list.project_codenames", "BLUEBELL"),
    ("Both Bluebells are nearly ready.", "term_list.project_codenames", "Bluebells"),
    ("Project-Kestrel kicks off soon.", "term_list.project_codenames", "Project-Kestrel"),
    ("Notes from the project kestrel meeting.", "term_list.project_codenames", "project kestrel"),
    ("Ironbridge's budget was approved.", "term_list.project_codenames", "Ironbridge"),
    ("The Iron-bridge pilot starts soon.", "term_list.project_codenames", "Iron-bridge"),
    ("Visited Marlow Dynamics's plant today.", "term_list.clients_under_nda", "Marlow Dynamics"),
    ("Great day with Tessaract-Energy.", "term_list.clients_under_nda", "Tessaract-Energy"),
    ("Sneak peek of SafeLift Pro!", "term_list.unannounced_products", "SafeLift Pro"),
]


@pytest.mark.parametrize(("text", "label", "span"), TERM_VARIANTS, ids=[c[2] for c in TERM_VARIANTS])
def test_term_lists_match_case_plural_hyphen_and_possessive(
    confidential_detector: ConfidentialDetector, text: str, label: str, span: str
) -> None:
    findings = [f for f in _findings(confidential_detector, text) if f.label == label]
    assert [f.text for f in findings] == [span]
    assert label.split(".", 1)[1].replace("_", " ") in findings[0].explanation.lower()


@pytest.mark.parametrize(("text", "decision"), [
    ("Just signed a training deal with Oakhurst Rail!", "block"),      # clients under NDA: block
    ("Long day of testing on Halcyon.", "review"),                      # project codenames: review
    ("The wifi password is Northfield2026!", "block"),                  # credentials are high severity
    ("Printer queue moved to 192.168.1.20.", "review"),
    ("Join us at the Skills Festival on Saturday!", "allow"),
])
def test_screener_applies_the_term_list_action(screener: Screener, text: str, decision: str) -> None:
    assert screener.screen(text).decision == decision


def test_screener_maps_spans_onto_the_original_text(screener: Screener) -> None:
    text = "The wi\u200bfi password is Kestrel2026!"
    result = screener.screen(text)
    (finding,) = [f for f in result.findings if f.label == "credential"]
    assert text[finding.start:finding.end] == "Kestrel2026!" == finding.text
    assert finding.policy_clause.startswith("s.3.4")


def test_policy_whose_block_list_cannot_block_is_refused() -> None:
    policy = load_policy()
    rules = policy.categories["confidential"].model_copy(update={"block_severity": None})
    broken = policy.model_copy(update={"categories": {**policy.categories, "confidential": rules}})
    with pytest.raises(ConfigError, match="clients under NDA"):
        ConfidentialDetector(broken)


def test_block_list_may_block_through_label_actions_instead() -> None:
    policy = load_policy()
    rules = policy.categories["confidential"].model_copy(
        update={"block_severity": None, "label_actions": {"term_list.clients_under_nda": "block"}}
    )
    ConfidentialDetector(policy.model_copy(update={"categories": {**policy.categories, "confidential": rules}}))


def test_detector_returns_one_detection_per_draft_in_order(confidential_detector: ConfidentialDetector) -> None:
    drafts = [Draft(text=t, language="en") for t in ("Hello all!", "The wifi password is Kx9#mP2qLz", "Thanks")]
    detections = confidential_detector.detect(drafts)
    assert [bool([f for f in d.findings if f.score >= CONFIDENTIAL_THRESHOLD]) for d in detections] == [False, True, False]


@pytest.mark.slow
def test_clean_corporate_set_is_rarely_flagged(confidential_detector: ConfidentialDetector) -> None:
    import json
    from pathlib import Path

    from screening.training.confidential import predict_subtypes

    path = Path(__file__).resolve().parents[3] / "data" / "corporate" / "clean.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = sum(1 for found in predict_subtypes(confidential_detector, texts, CONFIDENTIAL_THRESHOLD) if found)
    assert len(texts) >= 350
    assert flagged / len(texts) < 0.03


# Soft cues in French, German, Spanish and Welsh: a cue in a non-English draft carries the finding even
# though the English encoder is unsure. Written for this test, not copied from the data sets.
NON_ENGLISH_CUE_CASES = [
    ("de", "Die Quote liegt bei 17%, aber diese Zahl ist unveröffentlicht.", "unreleased_figures"),
    ("fr", "Les chiffres internes montrent 23% d'inscriptions en plus.", "unreleased_figures"),
    ("es", "Según los datos internos, el 15% de los alumnos abandona.", "unreleased_figures"),
    ("de", "Der Virenschutz auf den Laborrechnern ist seit Monaten abgelaufen.", "security_weakness"),
    ("fr", "Le serveur a une faille connue et personne ne l'a corrigée.", "security_weakness"),
    ("es", "El cortafuegos del aula sigue apagado.", "security_weakness"),
    ("cy", "Mae twll diogelwch yn y system o hyd.", "security_weakness"),
    ("es", "No compartáis la noticia antes del comunicado oficial del lunes.", "embargo"),
    ("fr", "Nous ne pouvons pas citer ce client, le contrat l'interdit.", "nda_client"),
    ("cy", "Mae gen i atebion yr arholiad diogelwch, anfonwch neges.", "exam_content"),
]


@pytest.mark.parametrize(("language", "text", "subtype"), NON_ENGLISH_CUE_CASES,
                         ids=[f"{c[0]}-{c[2]}" for c in NON_ENGLISH_CUE_CASES])
def test_non_english_soft_cues_are_reported(
    confidential_detector: ConfidentialDetector, language: str, text: str, subtype: str
) -> None:
    (detection,) = confidential_detector.detect([Draft(text=text, language=language)])
    assert subtype in {f.label for f in detection.findings if f.score >= CONFIDENTIAL_THRESHOLD}


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Unsere Jahreszahlen sind heute veröffentlicht worden: 12% mehr Abschlüsse."),
    ("fr", "Notre formation en cybersécurité explique comment corriger une faille."),
    ("es", "Nuestros cursos de seguridad informática empiezan en mayo."),
    ("fr", "L'embargo est levé : nous avons gagné le prix régional."),
    ("cy", "Mae dyddiadau'r arholiadau ar y wefan nawr."),
])
def test_non_english_clean_drafts_stay_clean(confidential_detector: ConfidentialDetector, language: str, text: str) -> None:
    (detection,) = confidential_detector.detect([Draft(text=text, language=language)])
    assert not [f for f in detection.findings if f.score >= CONFIDENTIAL_THRESHOLD]


def test_head_uses_the_cross_validated_threshold_from_its_metadata(confidential_detector: ConfidentialDetector) -> None:
    from screening.detectors.confidential_parts.classifier import ConfidentialHead

    head = ConfidentialHead.load()
    assert head.artefact is not None
    assert head.classifier_min == head.artefact.metadata["thresholds"]["classifier_min"]
    assert head.classifier_min == head.artefact.metadata["metrics"]["classifier_min"]


def test_a_rule_finding_is_not_repeated_by_the_classifier(confidential_detector: ConfidentialDetector) -> None:
    labels = [f.label for f in _findings(confidential_detector, "The wifi password is Kestrel2026!")]
    assert labels.count("credential") == 1
