"""Training and evaluation of the shipped models, reachable as `screening train` / `screening evaluate`.

Each entry names a module exposing ``train(data_dir: Path, models_dir: Path) -> dict`` (metrics of the
new artefact) and ``evaluate(data_dir: Path, models_dir: Path, report_dir: Path) -> dict``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# model name -> module; one line per trainable model.
TRAINERS: dict[str, str] = {
    "confidential": "screening.training.confidential",
    "defamatory": "screening.training.defamation",
    "toxicity": "screening.training.toxicity",
    # Last: it is distilled from the others (see screening.training.prefilter).
    "prefilter": "screening.training.prefilter",
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of one JSONL data file (blank lines skipped)."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
