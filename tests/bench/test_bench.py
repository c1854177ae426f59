"""The benchmark itself runs (quick mode) and writes every row: the bench code cannot rot unnoticed.

Nothing here asserts a speed: speed is measured by `make bench`, never asserted in tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.probes import percentile
from bench.run import Sizes, render

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("values", "share", "expected"),
    [([3.0, 1.0, 2.0], 0.5, 2.0), ([float(i) for i in range(1, 101)], 0.95, 95.0), ([7.0], 0.95, 7.0)],
)
def test_percentile_is_nearest_rank(values: list[float], share: float, expected: float) -> None:
    assert percentile(values, share) == expected


def test_quick_mode_is_smaller_than_the_issue_sizes() -> None:
    quick, full = Sizes.for_mode(True), Sizes.for_mode(False)
    assert (full.drafts, full.posts, full.dask_posts) == (1000, 5000, 20000)
    assert quick.drafts < full.drafts and quick.posts < full.posts and quick.dask_posts < full.dask_posts


def test_render_says_when_a_measurement_failed() -> None:
    machine = {"date": "d", "load_average": [0, 0, 0], "cpu": "c", "cores": 2, "ram_gb": 1, "os": "o",
               "python": "3.11", "git_revision": "abc", "libraries": {"spacy": "3.8"}}
    text = render({"machine": machine, "errors": {"service": "the service did not answer"}}, True, "x")
    assert "| service | not measured: the service did not answer |" in text
    assert "quick mode" in text


@pytest.mark.slow
@pytest.mark.model
def test_quick_bench_writes_every_row_and_the_machine(tmp_path: Path) -> None:
    output = tmp_path / "RESULTS.md"
    done = subprocess.run([sys.executable, "-m", "bench.run", "--quick", "--output", str(output)], cwd=REPO,
                          capture_output=True, text=True, timeout=3000)
    assert done.returncode == 0, done.stderr[-3000:]
    text = output.read_text(encoding="utf-8")
    for row in ("Pre-check p50", "Pre-check p95", "Audit throughput", "Dask LocalCluster",
                "Peak resident memory per Dask worker", "`screening check` of one draft",
                "Service: first", "Service resident memory", "API: 8 concurrent clients",
                "Keep torch out of the runtime", "lingua low-accuracy mode", "CPU:", "Python 3.11"):
        assert row in text
    assert "not measured" not in text
    raw = json.loads((REPO / "bench" / "results" / "latest.json").read_text(encoding="utf-8"))
    assert raw["dask"]["identical_results"] is True
    assert raw["service"]["failures"] == 0
