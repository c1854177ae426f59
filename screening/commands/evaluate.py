"""`screening evaluate`: run the evaluate step of one or every shipped model (see screening.training.TRAINERS)."""

from __future__ import annotations

import argparse
import importlib
import json
from pathlib import Path

from screening.artefacts import models_root
from screening.errors import ConfigError
from screening.training import TRAINERS

_ROOT = Path(__file__).resolve().parent.parent.parent


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("models", nargs="*", help=f"Models to evaluate (default: all of {', '.join(TRAINERS) or 'none'}).")
    parser.add_argument("--data-dir", type=Path, default=_ROOT / "data", help="Training and validation data.")
    parser.add_argument("--models-dir", type=Path, default=None, help="Artefact root (default: models/).")
    parser.add_argument("--report-dir", type=Path, default=Path("reports"), help="Where reports are written.")


def run(args: argparse.Namespace) -> int:
    chosen = args.models or list(TRAINERS)
    unknown = [m for m in chosen if m not in TRAINERS]
    if unknown:
        raise ConfigError(f"No trainable model named {', '.join(map(repr, unknown))}; choose from {', '.join(TRAINERS)}.")
    models_dir = args.models_dir or models_root()
    args.report_dir.mkdir(parents=True, exist_ok=True)
    for name in chosen:
        metrics = importlib.import_module(TRAINERS[name]).evaluate(args.data_dir, models_dir, args.report_dir)
        print(f"{name}: {json.dumps(metrics, indent=2, sort_keys=True)}")
    print(f"Reports written to {args.report_dir}/")
    return 0
