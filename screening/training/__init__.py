"""Training and evaluation of the shipped models, reachable as `screening train` / `screening evaluate`.

Each entry names a module exposing ``train(data_dir: Path, models_dir: Path) -> dict`` (metrics of the
new artefact) and ``evaluate(data_dir: Path, models_dir: Path, report_dir: Path) -> dict``.
"""

from __future__ import annotations

# model name -> module; one line per trainable model.
TRAINERS: dict[str, str] = {
    "confidential": "screening.training.confidential",
    "defamatory": "screening.training.defamation",
    "toxicity": "screening.training.toxicity",
    # Last: it is distilled from the others (see screening.training.prefilter).
    "prefilter": "screening.training.prefilter",
}
