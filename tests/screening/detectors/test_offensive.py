"""offensive.minilm.v1 on the real encoder and heads: what it flags, what it leaves, where it points."""

from __future__ import annotations

import pytest

from screening.detectors.base import Draft
from screening.detectors.offensive import OffensiveDetector
from screening.encoder import load_encoder
from screening.findings import Detection
from screening.policy import load_policy

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def detector() -> OffensiveDetector:
    found = OffensiveDetector(load_policy())
    found.load()
    return found


def run(detector: OffensiveDetector, text: str, language: str = "en") -> Detection:
    embedding = load_encoder().encode([text])[0]
    return detector.detect([Draft(text=text, language=language, embedding=embedding)])[0]


@pytest.mark.parametrize(
    "text",
    [
        "Dave in accounts is a complete idiot and everyone knows it.",
        "Our competitors at Brightwell are a bunch of clueless morons.",
        "If Mark touches my lunch again I'll break his legs.",
        pytest.param("The new receptionist can lay my pipes any day ;)", marks=pytest.mark.xfail(
            strict=True, reason="known miss: innuendo without a rude word scores 0.30 under the 0.32 threshold "
            "(models/toxicity/v2/README.md, limitations)")),
        "Honestly our client is a lying bastard.",
        "Shut up Kevin, nobody cares about your stupid opinion.",
        "What a pathetic loser our new manager is.",
    ],
)
def test_offensive_detector_flags_clear_abuse(detector: OffensiveDetector, text: str) -> None:
    detection = run(detector, text)
    assert detection.findings, f"not flagged (score {detection.scores['offensive']})"
    assert all(f.category == "offensive" and f.detector == "offensive.minilm.v1" for f in detection.findings)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Total f*cking shambles from the suppliers today.", "f*cking"),
        ("Kevin from IT is a sh1t engineer.", "sh1t"),
        ("The client can kiss my a$$.", "a$$"),
        ("f u c k this client and their deadlines", "f u c k"),
        ("Our new line manager is a d1ckhead.", "d1ckhead"),
        ("The helpdesk are useless b@stards.", "b@stards"),
        ("this assessor is a complete c*nt", "c*nt"),
    ],
)
def test_offensive_detector_sees_through_disguised_spellings(
    detector: OffensiveDetector, text: str, word: str
) -> None:
    detection = run(detector, text)
    spans = [f.text for f in detection.findings]
    assert word in spans, spans
    finding = next(f for f in detection.findings if f.text == word)
    assert "disguise" in finding.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Reminder: test the kill switch on every lathe before the session starts.",
        "We hate downtime, so the maintenance team now works a rolling night shift.",
        "Black oxide finishing gives tools a smart look and mild corrosion resistance.",
        "This week's practical: a full-penetration butt weld on 10 mm plate.",
        "Lab demo: what an acid attack on stainless steel looks like under the microscope.",
        "Fit the ball cock and check the cistern fills to the line.",
        "Our class will assist Scunthorpe College with the assessment next week.",
        "Open day this Saturday, 10am to 3pm: tour our workshops and meet the tutors.",
        "Congratulations to all our learners who graduated this week!",
        "Our team is killing it this term: a 98% pass rate!",
    ],
)
def test_offensive_detector_leaves_hard_negatives_alone(detector: OffensiveDetector, text: str) -> None:
    detection = run(detector, text)
    assert not detection.findings, [(f.text, f.score) for f in detection.findings]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Thanks for the update. Dave in accounts is a complete idiot though.", "idiot"),
        ("Great event overall, but the caterer was a useless moron.", "moron"),
        ("Brightwell Welding are a bunch of wankers and their prices prove it.", "wankers"),
    ],
)
def test_offensive_finding_points_at_the_word_not_the_post(
    detector: OffensiveDetector, text: str, word: str
) -> None:
    detection = run(detector, text)
    assert word in [f.text for f in detection.findings]
    assert all(f.end - f.start < len(text) for f in detection.findings)
    for finding in detection.findings:
        assert text[finding.start : finding.end] == finding.text


def test_offensive_detector_reports_its_score_under_the_threshold(detector: OffensiveDetector) -> None:
    detection = run(detector, "The library will close at 6pm on Friday for stocktaking.")
    assert not detection.findings
    assert 0.0 <= detection.scores["offensive"] < detector.threshold


def test_offensive_severity_rises_with_score(detector: OffensiveDetector) -> None:
    mild = run(detector, "Honestly that meeting was a crap waste of time.")
    severe = run(detector, "Go f*ck yourself you worthless piece of sh1t, I'll smash your face in.")
    assert severe.findings
    assert severe.scores["offensive"] >= mild.scores["offensive"]
    assert {f.severity for f in severe.findings} & {"medium", "high"}


def test_offensive_finding_on_non_english_draft_says_model_is_english_only(detector: OffensiveDetector) -> None:
    detection = run(detector, "Ce client est un putain de connard, quel fuck de merde.", language="fr")
    assert detection.findings
    assert all("English" in f.explanation for f in detection.findings)
    assert all(f.severity != "high" for f in detection.findings)


def test_offensive_detector_batches_drafts_in_order(detector: OffensiveDetector) -> None:
    texts = ["Lovely weather for the open day.", "You absolute f*cking idiot, Dave.", "Results are out!"]
    drafts = [Draft(text=t, language="en") for t in texts]  # no shared embedding: computed here
    detections = detector.detect(drafts)
    assert [bool(d.findings) for d in detections] == [False, True, False]
