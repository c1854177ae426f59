"""discriminatory.minilm.v1 on the real encoder and heads: protected characteristics, slurs, hard negatives."""

from __future__ import annotations

import pytest

from screening.detectors.base import Draft
from screening.detectors.discriminatory import DiscriminatoryDetector
from screening.encoder import load_encoder
from screening.findings import Detection
from screening.policy import load_policy

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def detector() -> DiscriminatoryDetector:
    found = DiscriminatoryDetector(load_policy())
    found.load()
    return found


def run(detector: DiscriminatoryDetector, text: str, language: str = "en") -> Detection:
    embedding = load_encoder().encode([text])[0]
    return detector.detect([Draft(text=text, language=language, embedding=embedding)])[0]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("We're hiring young, energetic digital natives. Older applicants need not apply.", "age"),
        ("Gays shouldn't be working with children on our youth programme.", "sexual_orientation"),
        ("Go back to your own country, you filthy foreigners.", "race"),
        ("Send the immigrants back, they are parasites the lot of them.", "race"),
        ("Muslims are vermin and should be kicked out of the country.", "religion"),
    ],
)
def test_discriminatory_detector_names_the_characteristic(
    detector: DiscriminatoryDetector, text: str, label: str
) -> None:
    detection = run(detector, text)
    assert detection.findings, f"not flagged (score {detection.scores['discriminatory']})"
    assert {f.label for f in detection.findings} == {label}
    assert "Equality Act 2010" in detection.findings[0].explanation


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("Our new trainee is a p@ki and he stinks.", "p@ki", "race"),
        ("No f@gs in my workshop.", "f@gs", "sexual_orientation"),
        ("Stop acting like a retard in the meeting.", "retard", "disability"),
    ],
)
def test_discriminatory_finding_points_at_the_slur(
    detector: DiscriminatoryDetector, text: str, word: str, label: str
) -> None:
    detection = run(detector, text)
    assert [(f.text, f.label) for f in detection.findings] == [(word, label)]


def test_discriminatory_finding_points_at_the_sentence_not_the_post(detector: DiscriminatoryDetector) -> None:
    text = "New rota is up. Women are too stupid to be engineers and should stay at home."
    detection = run(detector, text)
    assert [(f.text, f.label) for f in detection.findings] == [
        ("Women are too stupid to be engineers and should stay at home.", "sex")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Proud to celebrate International Women's Day with our female engineering apprentices.",
        "Our Muslim staff network hosted a community iftar last night. Thank you to everyone who came.",
        "Welcome to our new apprentices from Poland and Romania, great to have you with us.",
        "We offer flexible working for parents returning from maternity leave.",
        "Happy Pride from all of us at Northfield!",
        "We're a Disability Confident employer and welcome applications from disabled people.",
        "No, 'immigrants are stealing our jobs' is not banter. It's racism and we will report it.",
        "We stand against racism in all its forms. There is no place for it at Northfield.",
        "Black oxide coating on the new batch of fixings.",
        "Our older learners bring decades of experience to every class.",
    ],
)
def test_discriminatory_detector_leaves_identity_mentions_and_counter_speech_alone(
    detector: DiscriminatoryDetector, text: str
) -> None:
    detection = run(detector, text)
    assert not detection.findings, [(f.label, f.score) for f in detection.findings]


@pytest.mark.parametrize(
    ("biased", "neutral"),
    [
        ("Project coordinator role: long hours, not suitable for mums.",
         "Project coordinator role: long hours, flexible start times for parents."),
        ("We want a young, energetic team, so older applicants need not apply.",
         "We want an energetic team, and applicants of every age are welcome."),
        ("The Polish apprentices are lazy, typical of that lot.",
         "The Polish apprentices finished the project early, great work."),
        ("Women can't weld, it's a fact.",
         "Women weld as well as anyone, it's a fact."),
        ("Wheelchair users slow the whole site down.",
         "Wheelchair users can now reach every part of the site."),
        ("Muslims are all extremists, I wouldn't trust one on site.",
         "Muslims on our staff organised the charity iftar on site."),
    ],
)
def test_discriminatory_score_is_higher_for_the_biased_version_of_a_draft(
    detector: DiscriminatoryDetector, biased: str, neutral: str
) -> None:
    # Subtle bias is often under the threshold (model card: held-out workplace recall), but the
    # score must still rank the biased wording above the neutral one.
    assert run(detector, biased).scores["discriminatory"] > run(detector, neutral).scores["discriminatory"]


def test_discriminatory_detector_reports_its_score_under_the_threshold(detector: DiscriminatoryDetector) -> None:
    detection = run(detector, "The refurbished canteen reopens on Monday with a new menu.")
    assert not detection.findings
    assert 0.0 <= detection.scores["discriminatory"] < detector.threshold


def test_discriminatory_finding_on_non_english_draft_says_model_is_english_only(
    detector: DiscriminatoryDetector,
) -> None:
    detection = run(detector, "Keine Ausländer, nur deutsche Bewerber. Pakis raus.", language="de")
    assert detection.findings
    assert all("English" in f.explanation for f in detection.findings)
