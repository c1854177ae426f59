"""`screening evaluate`: run the evaluate step of one or every shipped model (see screening.training.TRAINERS)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from screening.artefacts import models_root
from screening.errors import ConfigError
from screening.evaluation.explore import evaluate_model
from screening.training import TRAINERS

_ROOT = Path(__file__).resolve().parent.parent.parent


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("models", nargs="*", help=f"Models to evaluate (default: all of {', '.join(TRAINERS) or 'none'}).")
    parser.add_argument("--data-dir", type=Path, default=_ROOT / "data", help="Training and validation data.")
    parser.add_argument("--models-dir", type=Path, default=None, help="Artefact root (default: models/).")
    parser.add_argument("--report-dir", type=Path, default=Path("reports"), help="Where reports are written.")
    parser.add_argument("--json", action="store_true", help="Print one JSON object {model: metrics} and nothing else.")


def run(args: argparse.Namespace) -> int:
    chosen = args.models or list(TRAINERS)
    unknown = [m for m in chosen if m not in TRAINERS]
    if unknown:
        raise ConfigError(f"No trainable model named {', '.join(map(repr, unknown))}; choose from {', '.join(TRAINERS)}.")
    models_dir = args.models_dir or models_root()
    args.report_dir.mkdir(parents=True, exist_ok=True)
    results = {}
    for name in chosen:
        # The same call the evaluation notebook makes, so its figures are these figures.
        with contextlib.redirect_stdout(sys.stderr if args.json else sys.stdout):
            results[name] = evaluate_model(name, args.data_dir, models_dir, args.report_dir)
        if not args.json:
            print(f"{name}: {json.dumps(results[name], indent=2, sort_keys=True)}")
    if args.json:
        print(json.dumps(results, indent=2, sort_keys=True, default=str))
    else:
        print(f"Reports written to {args.report_dir}/")
    return 0
