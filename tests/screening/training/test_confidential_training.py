"""How the confidential trainer chooses its threshold and folds (on small made-up arrays)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from screening.artefacts import models_root
from screening.detectors.confidential_parts.common import SUBTYPES
from screening.training import read_jsonl
from screening.training.confidential import (
    MAX_CLEAN_FLAG_RATE,
    _folds,
    choose_threshold,
    evaluate,
    labelled_sets,
    score_set,
    tables,
)


@pytest.mark.parametrize(("clean_scores", "expected"), [
    ([0.1] * 200, 0.5),  # no clean row scores high: the lowest threshold of the grid
    ([0.1] * 198 + [0.7, 0.8], 0.5),  # 1% of clean rows at 0.7 or above is within budget
    ([0.1] * 196 + [0.7, 0.8, 0.9, 0.93], 0.81),  # 4 high clean rows: only two may pass
])
def test_threshold_is_the_lowest_within_the_clean_flag_budget(clean_scores: list[float], expected: float) -> None:
    p_leak = np.array(clean_scores + [0.99] * 50)
    is_leak = np.array([False] * len(clean_scores) + [True] * 50)
    chosen, table = choose_threshold(p_leak, is_leak)
    assert chosen == expected
    assert table[str(chosen)]["clean_flag_rate"] <= MAX_CLEAN_FLAG_RATE


def test_folds_keep_every_fill_of_a_template_together() -> None:
    labels = np.array(["none", "embargo"] * 50)
    groups = np.array([f"t{i // 4}" for i in range(100)])
    for _, scored in _folds(labels, groups):
        held = set(groups[scored].tolist())
        assert all(set(np.flatnonzero(groups == g)) <= set(scored.tolist()) for g in held)


# -- the labelled sets `screening evaluate confidential` reports ------------------------------------

_DATA = Path(__file__).resolve().parents[3] / "data"


def _row(i: int, label: str, language: str = "en", text: str = "") -> dict[str, str]:
    return {"id": f"r{i}", "text": text or f"draft {i}", "label": label, "language": language}


@pytest.mark.parametrize("name", ["blind", "blind2"])
def test_the_blind_set_is_read_with_every_sub_type_and_language(name: str) -> None:
    sets = labelled_sets(_DATA)
    assert set(sets) == {"heldout", "blind", "blind2"}
    blind = sets[name]
    labels = Counter(r["label"] for r in blind)
    assert len(blind) >= 300
    assert all(labels[s] >= 20 for s in SUBTYPES), labels
    assert 0.35 <= labels["none"] / len(blind) <= 0.45
    leak_languages = Counter(r["language"] for r in blind if r["label"] != "none")
    assert all(leak_languages[lang] >= 15 for lang in ("cy", "fr", "de", "es")), leak_languages
    assert len({r["id"] for r in blind}) == len(blind)
    assert all(r["id"].startswith({"blind": "blind-", "blind2": "conf-bl2-"}[name]) for r in blind)
    # independent of the other held-out sets and of training: no shared text
    others = {r["text"] for other, rows in sets.items() if other != name for r in rows}
    others |= {r["text"] for r in read_jsonl(_DATA / "confidential" / "train.jsonl")}
    assert not others & {r["text"] for r in blind}


def test_a_set_with_an_unknown_label_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "confidential"
    folder.mkdir()
    (folder / "heldout.jsonl").write_text(json.dumps(_row(0, "none")) + "\n", encoding="utf-8")
    (folder / "heldout_blind.jsonl").write_text(json.dumps(_row(1, "secret_sauce")) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="secret_sauce"):
        labelled_sets(tmp_path)


def test_a_set_is_scored_per_sub_type_per_language_and_overall() -> None:
    rows = [_row(0, "credential"), _row(1, "credential", "cy"), _row(2, "embargo", "fr"),
            _row(3, "none"), _row(4, "none", "cy")]
    predicted = [{"credential"}, set(), {"internal_marker"}, {"embargo"}, set()]
    scored = score_set(rows, predicted)
    assert scored["per_subtype"]["credential"] == {"precision": 1.0, "recall": 0.5, "support": 2, "false_positives": 0}
    assert scored["per_subtype"]["embargo"]["false_positives"] == 1
    assert scored["per_subtype"]["embargo"]["recall"] == 0.0
    assert scored["recall_by_language"] == {"cy": 0.0, "en": 1.0, "fr": 0.0}
    assert scored["by_language"]["cy"]["clean_rows"] == 1
    assert scored["overall"] == {"leak_rows": 3, "leaks_flagged": 2, "leak_recall": 0.6667, "subtype_recall": 0.3333,
                                 "precision": 0.6667, "clean_rows": 2, "clean_flagged": 1, "clean_flag_rate": 0.5}
    assert [e["id"] for e in scored["errors"]] == ["r1", "r2", "r3"]
    report = tables({"per_subtype": {}, "blind": scored})
    assert "Set `blind` (heldout_blind.jsonl, 5 rows): 2 of 3 leaks flagged" in report
    assert "| cy | 1 | 0.000 | 1 | 0 |" in report


@pytest.mark.model
def test_evaluate_reports_the_blind_set_beside_the_held_out_set(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "confidential"
    folder.mkdir(parents=True)
    heldout = [_row(0, "none", text="The canteen opens at noon on Friday.")]
    blind = [_row(1, "credential", text="The wifi password for room 4 is Otter!Lake2291, don't share it."),
             _row(2, "none", text="Our confidential reporting line is open to all staff.")]
    blind2 = [_row(3, "credential", text="Login for the booking tablet: admin / Heron#7741-blue, keep it to yourselves.")]
    for name, rows in (("heldout.jsonl", heldout), ("heldout_blind.jsonl", blind), ("heldout_blind2.jsonl", blind2)):
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    results = evaluate(tmp_path / "data", models_root(), tmp_path / "reports")
    assert results["heldout_rows"] == 1
    assert results["blind"]["rows"] == 2
    assert results["blind"]["per_subtype"]["credential"]["recall"] == 1.0
    assert results["blind"]["overall"]["clean_rows"] == 1
    assert results["blind2"]["rows"] == 1
    assert results["blind2"]["overall"]["leak_rows"] == 1
    report = (tmp_path / "reports" / "confidential.md").read_text(encoding="utf-8")
    assert "Set `blind`" in report
    assert "Set `blind2` (heldout_blind2.jsonl, 1 rows)" in report
