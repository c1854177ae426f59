"""The cheap first stage spares the learned models ordinary drafts and loses nothing else."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from screening.errors import ModelLoadError

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
LEARNED = ("confidential", "defamatory", "offensive", "discriminatory")


@pytest.fixture(scope="module")
def full_screener(screener):
    from screening.pipeline import Screener

    return Screener(screener.policy, screener.detectors, cache_size=0)


def test_the_shipped_policy_turns_the_first_stage_on_and_the_policy_can_turn_it_off(screener) -> None:
    from screening.pipeline import Screener

    assert screener.prefilter is not None
    off = Screener.load(policy=screener.policy.model_copy(update={"prefilter": False}))
    assert off.prefilter is None


def test_ordinary_posts_are_cleared_and_problem_posts_are_not(screener) -> None:
    ordinary = ["Great turnout at the careers fair today in Leicester. Thanks to everyone who came along!",
                "Applications for the apprenticeship scheme close on Friday. Details on our website."]
    problems = ["Everyone knows Dave Smith from the welding course has been stealing from the college for years.",
                "Whoever organised the open day is a complete idiot. What a useless shambles.",
                "Old people shouldn't bother applying for the bootcamp, they can't learn anything new.",
                "Can't say much yet but the pilot figures came in 40% over target, don't share before the board."]
    assert screener.prefilter.cleared(ordinary, ["en", "en"]) == [True, True]
    assert screener.prefilter.cleared(problems, ["en"] * 4) == [False] * 4
    # Drafts in other languages are never cleared: the n-grams are English.
    assert screener.prefilter.cleared(["Merci à tous pour la journée portes ouvertes."], ["fr"]) == [False]


def test_rules_still_run_on_a_cleared_draft(screener) -> None:
    cases = {
        "Great turnout at the open day! Ring Jess on 07700 900123 for the photos.": "pii",
        "Staff wifi password for the open day is Northfield2026! Enjoy the day.": "confidential",
        "What a sh1t turnout at the open day today.": "offensive",
    }
    for text, category in cases.items():
        result = screener.screen(text)
        assert any(f.category == category for f in result.findings), (text, result.findings)


def test_no_true_flag_of_the_full_pipeline_is_lost_on_the_audit_sample(screener, full_screener) -> None:
    """Posts written to carry a problem keep the finding; only the full pipeline's false alarms may go."""
    with (REPO / "data/audit_sample/posts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:300]
    texts = [row["text"] for row in rows]
    staged = screener.screen_many(texts)
    full = full_screener.screen_many(texts)
    cleared = screener.prefilter.cleared(texts, [r.language for r in staged])
    assert sum(cleared) > len(texts) // 3  # a good share of posts skip the learned models (57% in the card)
    kept = 0
    for row, a, b in zip(rows, full, staged, strict=True):
        category = row["intended"]
        if category in LEARNED and any(f.category == category for f in a.findings):
            assert any(f.category == category for f in b.findings), (category, row["text"])
            kept += 1
    assert kept >= 20


def test_a_changed_prefilter_file_is_refused(tmp_path: Path) -> None:
    from screening.prefilter import ARTEFACT_NAME, ARTEFACT_VERSION, load_prefilter

    folder = tmp_path / ARTEFACT_NAME / ARTEFACT_VERSION
    shutil.copytree(REPO / "models" / ARTEFACT_NAME / ARTEFACT_VERSION, folder)
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["threshold"] > 0
    with (folder / "prefilter.skops").open("ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(ModelLoadError, match="prefilter.skops"):
        load_prefilter(tmp_path)


def test_the_shipped_prefilter_was_distilled_from_the_shipped_models(screener) -> None:
    assert screener.prefilter.stale == []
    assert set(screener.prefilter.artefact.metadata["distilled_models"]) >= {"toxicity/v2", "defamatory/v1",
                                                                            "confidential/v1"}


def test_a_prefilter_beside_other_models_says_it_is_stale(tmp_path: Path) -> None:
    from screening.prefilter import ARTEFACT_NAME, ARTEFACT_VERSION, load_prefilter

    shutil.copytree(REPO / "models" / ARTEFACT_NAME / ARTEFACT_VERSION, tmp_path / ARTEFACT_NAME / ARTEFACT_VERSION)
    shutil.copytree(REPO / "models" / "toxicity" / "v2", tmp_path / "toxicity" / "v2")
    metadata = tmp_path / "toxicity" / "v2" / "metadata.json"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace('"v2"', '"v2-retrained"', 1), encoding="utf-8")
    stale = load_prefilter(tmp_path).stale
    assert "toxicity/v2" in stale and "defamatory/v1" in stale  # changed, and absent from this models folder


def test_distillation_measures_the_confidential_classifier_against_its_own_bar(screener) -> None:
    from screening.training.prefilter import LEARNED, _references

    references = dict(zip(LEARNED, _references(screener), strict=True))
    confidential = next(d for d in screener.detectors if "confidential" in d.categories)
    assert references["confidential"] == max(screener.policy.categories["confidential"].threshold,
                                             confidential.classifier_min) > 0.5
    for category in ("defamatory", "offensive", "discriminatory"):
        assert references[category] == screener.policy.categories[category].threshold
