"""Retraining from reviewers' decisions: rows per model, the not-worse rule, version folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.retraining import ADAPTERS, Metric, compare, next_version, training_rows


def decision(action: str, findings: list[dict], version: int = 1, sid: int = 1) -> dict:
    return {"submission_id": sid, "version": version, "text": "Project Kestrel launches in May, keep it quiet.",
            "action": action, "findings": findings}


CONF = [{"category": "confidential", "label": "codename", "score": 0.8},
        {"category": "pii", "label": "PERSON", "score": 0.9}]


@pytest.mark.parametrize(("action", "findings", "expected"), [
    ("approve", CONF, "none"),  # the reviewer found it fit to post: a false alarm to learn from
    ("approve", [], "none"),
    ("reject", CONF, "codename"),
    ("request_changes", CONF, "codename"),
    ("reject", [{"category": "pii", "label": "PERSON", "score": 0.9}], None),  # objected to something else
])
def test_confidential_rows_take_the_label_from_the_decision_and_its_findings(action, findings, expected):
    rows = training_rows(ADAPTERS["confidential"], [decision(action, findings)])
    assert [r["label"] for r in rows] == ([expected] if expected else [])


def test_defamatory_rejection_marks_the_whole_draft_with_the_finding_label():
    rows = training_rows(ADAPTERS["defamatory"], [decision("reject", [
        {"category": "defamatory", "label": "crime", "score": 0.7}])])
    assert rows[0]["label"] == "crime"
    assert rows[0]["spans"] == [{"start": 0, "end": len(rows[0]["text"]), "label": "crime"}]


OFF = {"category": "offensive", "label": "insult", "score": 0.7}
DISC = {"category": "discriminatory", "label": "age", "score": 0.6}


@pytest.mark.parametrize(("action", "findings", "expected"), [
    ("approve", [OFF, DISC], (0, 0, None)),  # a false alarm on both heads
    ("reject", [OFF], (1, None, None)),  # the reviewer judged the draft, not whether it also discriminates
    ("request_changes", [DISC, OFF], (1, 1, "age")),
    ("reject", [{**DISC, "label": "slur"}], (None, 1, None)),  # a slur's label is not a characteristic
    ("reject", CONF, None),  # no toxicity finding: the rejection says nothing about toxicity
    ("approve", [], None),
])
def test_toxicity_rows_label_only_drafts_with_an_offensive_or_discriminatory_finding(action, findings, expected):
    rows = training_rows(ADAPTERS["toxicity"], [decision(action, findings)])
    got = [(r["offensive"], r["discriminatory"], r["characteristic"]) for r in rows]
    assert got == ([expected] if expected else [])
    assert all(r["kind"] == "reviewer_decision" and r["text"] for r in rows)


def test_toxicity_rows_are_counted_by_what_the_reviewer_made_of_them():
    adapter = ADAPTERS["toxicity"]
    rows = training_rows(adapter, [decision("approve", [OFF], sid=1), decision("reject", [OFF, DISC], sid=2)])
    assert [adapter.row_label(r) for r in rows] == ["none", "offensive+discriminatory"]


def test_latest_decision_on_a_version_wins():
    rows = training_rows(ADAPTERS["confidential"], [decision("reject", CONF), decision("approve", CONF)])
    assert [r["label"] for r in rows] == ["none"]


@pytest.mark.parametrize(("shipped", "candidate", "tolerance", "not_worse"), [
    ({"r": 0.8, "fp": 0.1}, {"r": 0.8, "fp": 0.1}, 0.0, True),
    ({"r": 0.8, "fp": 0.1}, {"r": 0.85, "fp": 0.05}, 0.0, True),
    ({"r": 0.8, "fp": 0.1}, {"r": 0.79, "fp": 0.1}, 0.0, False),
    ({"r": 0.8, "fp": 0.1}, {"r": 0.79, "fp": 0.1}, 0.02, True),
    ({"r": 0.8, "fp": 0.1}, {"r": 0.9, "fp": 0.2}, 0.0, False),  # better recall does not buy more false alarms
])
def test_candidate_is_promotable_only_when_no_figure_is_worse(shipped, candidate, tolerance, not_worse):
    adapter = ADAPTERS["confidential"]
    adapter = type(adapter)(adapter.model, adapter.category, adapter.artefact, adapter.pinned_version,
                            adapter.train_file, adapter.to_row,
                            (Metric("r", lambda m: m["r"]), Metric("fp", lambda m: m["fp"], False)))
    table, ok = compare(adapter, shipped, candidate, tolerance)
    assert ok is not_worse
    assert [row["metric"] for row in table] == ["r", "fp"]


def test_next_version_follows_the_highest_existing(tmp_path: Path):
    for name in ("v1", "v3", "retired", "v2-old"):
        (tmp_path / name).mkdir()
    assert next_version(tmp_path) == "v4"
    assert next_version(tmp_path / "retired") == "v1"


def test_promote_puts_the_candidate_where_the_detector_loads_and_retires_the_old_files(tmp_path: Path):
    from screening.artefacts import load_artefact, write_metadata
    from screening.retraining import _promote

    for version, content in (("v1", b"shipped"), ("v2", b"candidate")):
        folder = tmp_path / "confidential" / version
        folder.mkdir(parents=True)
        (folder / "head.skops").write_bytes(content)
        write_metadata(folder, {"name": "confidential", "version": version}, files=["head.skops"])
    (tmp_path / "confidential" / "v2" / "retraining.json").write_text("{}")

    _promote(tmp_path / "confidential", "v2", "v1")

    loaded = load_artefact("confidential", "v1", root=tmp_path)  # hashes still verify
    assert loaded.file("head.skops").read_bytes() == b"candidate"
    assert loaded.metadata["promoted_from"] == "v2" and loaded.metadata["version"] == "v1"
    assert not (tmp_path / "confidential" / "v1" / "retraining.json").exists()
    [retired] = (tmp_path / "confidential" / "retired").iterdir()
    assert (retired / "head.skops").read_bytes() == b"shipped"


@pytest.mark.slow
@pytest.mark.model
def test_retrain_command_writes_a_new_version_and_promotes_it_when_allowed(tmp_path: Path, capsys):
    """End to end on small data: decisions in, candidate v2 out, comparison printed, v1 switched."""
    import json
    import shutil

    from screening.cli import main
    from screening.detectors.confidential_parts.classifier import ConfidentialHead
    from screening.evaluation.explore import small_copy

    root = Path(__file__).resolve().parents[2]
    models = tmp_path / "models"
    shutil.copytree(root / "models", models, symlinks=True)
    data = small_copy(root / "data", tmp_path / "data", per_file={"confidential/train.jsonl": 300})
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text("".join(json.dumps(d) + "\n" for d in [
        {**decision("reject", CONF, sid=1), "text": "Project Kestrel goes live next month, keep it quiet."},
        {**decision("approve", [], sid=2), "text": "Enrolment for our spring welding courses is now open."},
    ]), encoding="utf-8")
    # A tolerance of 1 accepts any candidate: this test is about the mechanics, not the figures.
    code = main(["retrain-from-decisions", str(decisions), "--model", "confidential", "--models-dir", str(models),
                 "--data-dir", str(data), "--quick", "--promote", "--tolerance", "1"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "added 2 rows from decisions {'codename': 1, 'none': 1}" in out
    assert "heldout mean recall over sub-types" in out and "Promoted" in out
    report = json.loads((models / "confidential" / "v2" / "retraining.json").read_text(encoding="utf-8"))
    assert report["promoted"] and report["candidate_version"] == "v2"
    head = ConfidentialHead.load(models)  # the detector's pinned v1 now holds v2's verified files
    assert head.artefact is not None and head.artefact.metadata["promoted_from"] == "v2"
    assert (models / "confidential" / "v2" / "head.skops").read_bytes() == (models / "confidential" / "v1" / "head.skops").read_bytes()
    assert (root / "models" / "confidential" / "v1" / "metadata.json").read_text() != (
        models / "confidential" / "v1" / "metadata.json").read_text()  # the shipped folder is untouched


@pytest.mark.slow
@pytest.mark.model
def test_toxicity_retrain_command_compares_with_the_shipped_heads_and_promotes_only_when_allowed(
        tmp_path: Path, capsys):
    """Small data, real trainer: decisions on offensive findings become rows, candidate v3 is compared
    with the shipped v2 on the same validation data, and the pinned v2 is replaced only when asked."""
    import json
    import shutil

    from screening.cli import main
    from screening.evaluation.explore import small_copy
    from screening.toxicity.model import load_toxicity_model

    root = Path(__file__).resolve().parents[2]
    models = tmp_path / "models"
    shutil.copytree(root / "models", models, symlinks=True)
    data = small_copy(root / "data", tmp_path / "data", rows=60,
                      per_file={"workplace/train.jsonl": 10_000, "workplace/train_extra.jsonl": 10_000})
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text("".join(json.dumps(d) + "\n" for d in [
        {**decision("reject", [OFF], sid=1), "text": "Tell that clueless muppet in logistics to get lost."},
        {**decision("approve", [OFF], sid=2), "text": "We killed it at the regional skills final this year!"},
        {**decision("reject", CONF, sid=3)},  # no toxicity finding: not a row
    ]), encoding="utf-8")
    shipped_metadata = (models / "toxicity" / "v2" / "metadata.json").read_text(encoding="utf-8")

    args = ["retrain-from-decisions", str(decisions), "--model", "toxicity", "--models-dir", str(models),
            "--data-dir", str(data), "--quick"]
    code = main(args)
    out = capsys.readouterr().out
    assert out.startswith("toxicity: added 2 rows from decisions {'offensive': 1, 'none': 1}")  # no evaluate tables
    assert "OLID validation macro-F1" in out and "corporate posts flagged" in out
    assert code in (0, 1), out
    report = json.loads((models / "toxicity" / "v3" / "retraining.json").read_text(encoding="utf-8"))
    assert report["candidate_version"] == "v3" and not report["promoted"]
    assert [row["metric"] for row in report["comparison"]][:2] == ["OLID validation macro-F1",
                                                                   "HatEval validation macro-F1"]
    assert all(row["shipped"] is not None for row in report["comparison"])
    candidate = json.loads((models / "toxicity" / "v3" / "metadata.json").read_text(encoding="utf-8"))
    assert candidate["retrained_from_decisions"]["added_rows"] == {"offensive": 1, "none": 1}
    assert "comparison" not in candidate["metrics"]  # --quick: no baseline refit for the card
    assert (models / "toxicity" / "v2" / "metadata.json").read_text(encoding="utf-8") == shipped_metadata

    # A tolerance of 1 accepts any candidate: this part is about the mechanics of promotion.
    assert main([*args, "--promote", "--tolerance", "1"]) == 0
    assert "Promoted" in capsys.readouterr().out
    model = load_toxicity_model(root=models)  # the pinned v2 now holds v4's verified files
    assert model.artefact.metadata["promoted_from"] == "v4"
    assert (root / "models" / "toxicity" / "v2" / "metadata.json").read_text(encoding="utf-8") == shipped_metadata
