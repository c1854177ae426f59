"""The defamatory detector on real models: minimal pairs, spans, explanations, rules and artefact checks.

Every draft here is new wording (not a row of the training data) about invented people and firms.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from screening.detectors.base import Draft
from screening.detectors.defamatory import (
    DefamatoryDetector,
    assertion_cues,
    find_targets,
    split_sentences,
)
from screening.errors import ModelLoadError
from screening.findings import Finding
from screening.nlp import load_spacy
from screening.policy import load_policy

pytestmark = pytest.mark.model

MODELS = Path(__file__).resolve().parents[3] / "models"


@pytest.fixture(scope="module")
def detector() -> DefamatoryDetector:
    loaded = DefamatoryDetector(None)
    loaded.load()
    return loaded


def findings_for(detector: DefamatoryDetector, text: str) -> list[Finding]:
    doc = load_spacy()(text)
    return detector.detect([Draft(text=text, language="en", doc=doc)])[0].findings


# (defamatory draft, its minimal pair that is not defamatory, what the pair changes)
MINIMAL_PAIRS = [
    ("Lorna Bexley fiddled the club's accounts and pocketed the difference.",
     "I didn't enjoy Lorna Bexley's talk on club accounts.", "fact vs taste opinion"),
    ("Drayton Workwear sells counterfeit safety boots with forged labels.",
     "Drayton Workwear's new safety boots are not to my taste, too heavy.", "fact vs taste opinion"),
    ("Castlegate Electrical forged the signatures on our test certificates.",
     "Some electricians forge the signatures on test certificates.", "named vs unidentifiable"),
    ("Our former site manager was drunk on the job every Friday afternoon.",
     "Some site managers are drunk on the job every Friday afternoon.", "described vs unidentifiable"),
    ("I heard that Pellow Groundworks was fined after a trench collapse.",
     "HSE reports that Pellow Groundworks was fined £18,000 at Leicester Magistrates' Court after a trench collapse.",
     "rumour vs official report"),
    ("Apparently Hugo Marchetti paid the buyer a bribe to win the framework.",
     "According to the Serious Fraud Office, Hugo Marchetti was convicted at Southwark Crown Court of bribery.",
     "rumour vs official report"),
]


@pytest.mark.parametrize(("defamatory", "innocent", "difference"), MINIMAL_PAIRS,
                         ids=[f"{d}-{i}" for i, (_, _, d) in enumerate(MINIMAL_PAIRS)])
def test_defamatory_flags_allegation_but_not_its_minimal_pair(
    detector: DefamatoryDetector, defamatory: str, innocent: str, difference: str
) -> None:
    assert findings_for(detector, defamatory), f"missed ({difference}): {defamatory}"
    assert not findings_for(detector, innocent), f"false alarm ({difference}): {innocent}"


# Kinds overlap (sexual assault is also a crime; fraud often involves dishonesty): each case lists
# the labels that are right for it.
@pytest.mark.parametrize(("text", "labels"), [
    ("Whitcombe Motors clocked the mileage on every car they sold us and pocketed the difference.", {"fraud"}),
    pytest.param("Fern Oduya sexually harassed a seventeen-year-old apprentice at the Christmas party.",
                 {"sexual_misconduct"}, marks=pytest.mark.xfail(
                     strict=True, reason="known miss (allegation score 0.3): see Limitations in the model card")),
    ("Fern Oduya groped two apprentices in the stores.", {"sexual_misconduct", "crime"}),
    pytest.param("Oswin Tate turns up to teach the welding class drunk.", {"drunkenness"}, marks=pytest.mark.xfail(
        strict=True, reason="known miss since the issue-5 retraining (allegation score 0.44, was 0.86): see "
                            "Limitations in the model card")),
    ("Our old caretaker broke into the staff lockers and stole three laptops.", {"crime"}),
    ("Stenson Testing backdated the gas safety certificates for the whole estate.", {"falsification"}),
])
def test_defamatory_labels_the_kind_of_allegation(detector: DefamatoryDetector, text: str, labels: set[str]) -> None:
    found = findings_for(detector, text)
    assert len(found) == 1
    assert found[0].label in labels


def test_defamatory_span_covers_the_allegation_sentence_only(detector: DefamatoryDetector) -> None:
    lead = "Great turnout at the open day, thanks to everyone who came! "
    allegation = "Also, Benbow Scaffolding bribed the inspector to sign off their towers."
    text = lead + allegation + " Back to work tomorrow."
    found = findings_for(detector, text)
    assert len(found) == 1
    finding = found[0]
    assert finding.start == len(lead)
    assert text[finding.start : finding.end] == allegation
    assert finding.text == allegation


@pytest.mark.parametrize(("text", "target"), [
    ("Dominic Farrant stole tools from the college stores.", "Dominic Farrant"),
    ("The HSE inspector who visited our site yesterday took cash to ignore the missing guard rails.",
     "The HSE inspector who visited our site yesterday"),
    ("A certain supplier in Leicester sells fake CE-marked harnesses.", "A certain supplier in Leicester"),
    ("Avoid Ridgeback Plant Hire. They forged the inspection logs on the excavators.", "Ridgeback Plant Hire"),
])
def test_defamatory_explanation_names_the_target(detector: DefamatoryDetector, text: str, target: str) -> None:
    found = findings_for(detector, text)
    assert found, text
    assert target in found[0].explanation


@pytest.mark.parametrize(("text", "severity"), [
    ("Oswin Tate embezzled the apprentices' bursary fund.", "high"),
    ("I heard that Oswin Tate embezzled the apprentices' bursary fund.", "medium"),
    ("Not saying Oswin Tate embezzled the bursary fund, but draw your own conclusions.", "medium"),
    ("Oswin Tate was drunk at work again today.", "medium"),
])
def test_defamatory_severity_is_high_only_for_serious_allegations_stated_as_fact(
    detector: DefamatoryDetector, text: str, severity: str
) -> None:
    found = findings_for(detector, text)
    assert found, text
    assert found[0].severity == severity


@pytest.mark.parametrize("text", [
    "Applications for our September plumbing courses are now open.",
    "Congratulations to Marsh & Daughters Joinery on their 50th anniversary!",
    "Today's toolbox talk covers how to spot counterfeit PPE and fake certificates.",
    "The tribunal cleared Elspeth Quarry of all wrongdoing this morning.",
    "I think the new assessment framework is far too complicated.",
])
def test_defamatory_leaves_ordinary_and_hard_negative_posts_alone(detector: DefamatoryDetector, text: str) -> None:
    assert findings_for(detector, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Dominic Farrant stole the tools.", ["Dominic Farrant"]),
    ("Our former trainer stole the tools.", ["Our former trainer"]),
    ("Some trainers steal tools.", []),
    ("Plenty of contractors bribed the inspector.", []),  # the inspector is the object, not the accused
])
def test_find_targets_accepts_names_and_definite_descriptions_only(text: str, expected: list[str]) -> None:
    sentence = next(iter(load_spacy()(text).sents))
    assert [t.text for t in find_targets(sentence)] == expected


@pytest.mark.parametrize(("text", "assertion"), [
    ("Keystone Lifts falsified the test logs.", "fact"),
    ("I heard that Keystone Lifts falsified the test logs.", "rumour"),
    ("Keystone Lifts falsified the test logs? Draw your own conclusions.", "insinuation"),
    ("I reckon Keystone Lifts falsified the test logs.", "opinion"),
    ("HSE reports that Keystone Lifts was fined at Derby Crown Court for falsifying test logs.", "official"),
])
def test_assertion_cues_classify_how_the_allegation_is_put(text: str, assertion: str) -> None:
    units = split_sentences(load_spacy()(text))
    assert units[0].cues.assertion == assertion
    doc = load_spacy()(text)
    first = next(iter(doc.sents))
    assert assertion_cues(first, doc.text[first.end_char:]).assertion == assertion


def test_defamatory_runs_in_the_pipeline_and_maps_offsets_onto_the_original() -> None:
    from screening.pipeline import Screener

    policy = load_policy().model_copy(update={"detectors": ["defamatory.minilm.v1"]})
    assert "defamatory.minilm.v1" in load_policy().detectors
    screener = Screener.load(policy=policy)
    text = "Lovely day.\u200b Garrow Roofing Ltd stole the lead from the sports hall roof."
    result = screener.screen(text)
    assert result.flagged_categories == ["defamatory"]
    finding = result.findings[0]
    assert text[finding.start : finding.end] == finding.text
    assert "Garrow Roofing Ltd" in finding.text
    assert finding.policy_clause.startswith("s.3.2(a)")
    assert result.decision in {"review", "block"}


def test_defamatory_refuses_a_tampered_artefact(tmp_path: Path) -> None:
    shutil.copytree(MODELS / "defamatory", tmp_path / "defamatory")
    with (tmp_path / "defamatory" / "v1" / "kind.skops").open("ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(ModelLoadError, match="sha256"):
        DefamatoryDetector(None, models_root=tmp_path).load()
