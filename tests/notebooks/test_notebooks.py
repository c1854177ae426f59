"""The notebooks run end to end on small data, with the venv's Python, and are stored without outputs.

Each notebook is executed with nbclient (kernel ``python3``, 120 s per cell at most) with
``SCREENING_NOTEBOOK_SMALL=1``; the evaluation notebook's figures must equal
``screening evaluate --json`` on the same data.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TIMEOUT_S = 120


def execute(path: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    """Run the notebook from the repository root in a kernel that inherits ``env``."""
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    saved = dict(os.environ)
    os.environ.update(env)
    # Small data gains nothing from BLAS threads; on a shared 2-core runner they only contend.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "queue"), saved.get("PYTHONPATH", "")])
    try:
        NotebookClient(notebook, timeout=TIMEOUT_S, kernel_name="python3",
                       resources={"metadata": {"path": str(ROOT)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return notebook


def _stdout(notebook: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])
                   if o.get("output_type") == "stream")


def test_there_are_the_three_notebooks():
    assert {p.name for p in NOTEBOOKS} == {"evaluation.ipynb", "audit-exploration.ipynb", "retraining.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_has_no_outputs(path: Path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: strip outputs before committing"


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("name", ["audit-exploration", "retraining"])
def test_notebook_runs_on_small_data_with_the_venv_python(name: str):
    notebook = execute(ROOT / "notebooks" / f"{name}.ipynb", {"SCREENING_NOTEBOOK_SMALL": "1"})
    out = _stdout(notebook)
    assert f"python: {sys.executable}" in out
    assert "small mode: True" in out
    if name == "retraining":
        # Three rejections of drafts with confidential findings and two approvals became rows;
        # the candidate went to a new version folder and was compared with the shipped head.
        assert "rows added from decisions: {'codename': 1, 'embargo': 1, 'credential': 1, 'none': 2}" in out
        assert "candidate: v2 | not worse:" in out
    else:
        assert "screened 60 posts" in out


@pytest.mark.slow
@pytest.mark.model
def test_evaluation_notebook_figures_equal_screening_evaluate_json(tmp_path: Path, capsys):
    from screening.cli import main
    from screening.evaluation.explore import small_copy
    from screening.training import TRAINERS

    data = small_copy(ROOT / "data", tmp_path / "data")
    figures_path = tmp_path / "figures.json"
    notebook = execute(ROOT / "notebooks" / "evaluation.ipynb", {
        "SCREENING_NOTEBOOK_SMALL": "1", "SCREENING_NOTEBOOK_DATA_DIR": str(data),
        "SCREENING_NOTEBOOK_FIGURES": str(figures_path)})
    assert f"python: {sys.executable}" in _stdout(notebook)
    figures = json.loads(figures_path.read_text(encoding="utf-8"))
    assert figures, "no shipped model was evaluated"
    assert set(figures) <= set(TRAINERS)
    capsys.readouterr()
    assert main(["evaluate", "--json", "--data-dir", str(data), "--report-dir", str(tmp_path / "r"), *sorted(figures)]) == 0
    assert json.loads(capsys.readouterr().out) == figures
