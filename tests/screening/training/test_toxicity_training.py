"""`screening train toxicity` end to end on a small deterministic copy of data/: the artefact it writes
loads through the normal loader (hashes, trusted types, thresholds) and scores drafts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from screening.training.toxicity_data import DECISIONS_FILE, load_workplace

ROOT = Path(__file__).resolve().parents[3]


def test_reviewer_decisions_are_training_rows_and_never_displace_held_out_drafts(tmp_path: Path) -> None:
    heldout = {"text": "Gareth from payroll is an absolute halfwit.", "offensive": 1, "discriminatory": 0,
               "characteristic": None, "kind": "insult"}
    decisions = [{**heldout, "kind": "reviewer_decision"},
                 {"text": "Only under-30s need apply.", "offensive": None, "discriminatory": 1,
                  "characteristic": "age", "kind": "reviewer_decision"}]
    (tmp_path / "heldout.jsonl").write_text(json.dumps(heldout) + "\n", encoding="utf-8")
    (tmp_path / DECISIONS_FILE).write_text("".join(json.dumps(r) + "\n" for r in decisions), encoding="utf-8")

    rows = list(load_workplace(tmp_path))

    assert [(r.split, r.kind) for r in rows] == [("heldout", "insult"), ("train", "reviewer_decision"),
                                                 ("train", "reviewer_decision")]
    assert rows[2].offensive is None and rows[2].characteristic == "age"


@pytest.mark.slow
@pytest.mark.model
def test_train_command_writes_a_toxicity_artefact_that_loads_and_scores(tmp_path: Path, capsys) -> None:
    from screening.artefacts import load_artefact
    from screening.cli import main
    from screening.encoder import load_encoder
    from screening.evaluation.explore import small_copy
    from screening.toxicity.assess import assess
    from screening.toxicity.model import load_toxicity_model
    from screening.training.toxicity_data import data_sha256

    # Every workplace training draft (the domain the heads must learn), 150 rows of each public file.
    data = small_copy(ROOT / "data", tmp_path / "data", rows=150,
                      per_file={"workplace/train.jsonl": 10_000, "workplace/train_extra.jsonl": 10_000})
    models = tmp_path / "models"

    assert main(["train", "toxicity", "--data-dir", str(data), "--models-dir", str(models)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("toxicity: {")

    artefact = load_artefact("toxicity", "v2", root=models)  # every file's sha256 checked
    assert set(artefact.metadata["files"]) == {"README.md", "offensive.skops", "discriminatory.skops",
                                               "characteristic.skops", "lexicon.json", "identity.json"}
    assert artefact.metadata["data_sha256"] == data_sha256(data)
    assert artefact.metadata["data_sha256"] != data_sha256(ROOT / "data")
    thresholds = artefact.metadata["thresholds"]
    assert all(0.2 <= thresholds[h] <= 0.8 for h in ("offensive", "discriminatory"))
    assert f"offensive: **{thresholds['offensive']}**" in artefact.file("README.md").read_text(encoding="utf-8")
    assert artefact.metadata["metrics"]["training_rows"]["workplace/train"] > 600

    model = load_toxicity_model(root=models)  # the loader the detectors use: trusted types only
    assert model.reads_text
    texts = [
        "Dave in accounts is a useless idiot and everyone knows it.",
        "Applicants must be under 30 and not planning a family.",
        "Our spring welding courses open for enrolment on Monday.",
    ]
    embeddings = load_encoder().encode(texts)
    offensive = model.offensive_proba(texts, embeddings)
    discriminatory = model.discriminatory_proba(texts, embeddings)
    assert np.all((offensive >= 0) & (offensive <= 1)) and np.all((discriminatory >= 0) & (discriminatory <= 1))
    assert offensive[0] > offensive[2] and discriminatory[1] > discriminatory[2]
    scored = assess(texts, embeddings, model, load_encoder())
    assert scored[0].offensive >= model.thresholds.offensive > scored[2].offensive
    assert scored[2].discriminatory < model.thresholds.discriminatory
