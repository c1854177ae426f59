"""The toxicity evaluation reports how the English-only heads fare on posts in other languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def test_the_multilingual_set_has_twelve_posts_per_language_and_labels() -> None:
    rows = [json.loads(line) for line in (ROOT / "data/workplace/multilingual_heldout.jsonl").read_text(
        encoding="utf-8").splitlines()]
    assert sorted({r["language"] for r in rows}) == ["cy", "de", "es", "fr"]
    assert all(sum(r["language"] == lang for r in rows) == 12 for lang in ("cy", "de", "es", "fr"))
    assert all(r["offensive"] or r["discriminatory"] for r in rows)
    assert len({r["id"] for r in rows}) == len(rows) == len({r["text"] for r in rows})


@pytest.mark.model
def test_evaluation_reports_non_english_recall_and_false_alarms() -> None:
    from screening.encoder import load_encoder
    from screening.toxicity.model import load_toxicity_model
    from screening.training.toxicity import non_english_figures

    figures = non_english_figures(ROOT / "data", load_toxicity_model(), load_encoder())
    assert set(figures["non_english_recall"]) == {"cy", "de", "es", "fr"}
    assert sum(v["n"] for v in figures["non_english_recall"].values()) == 48
    assert all(0 <= v["flagged"] <= v["n"] for v in figures["non_english_recall"].values())
    benign = figures["non_english_benign_flagged"]
    assert benign["n"] > 200 and 0 <= benign["flagged"] < benign["n"]


def test_a_missing_multilingual_file_is_left_out(tmp_path: Path) -> None:
    from screening.training.toxicity import non_english_figures

    assert non_english_figures(tmp_path, model=None, encoder=None) == {}
