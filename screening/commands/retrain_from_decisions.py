"""`screening retrain-from-decisions`: retrain a model with reviewers' exported decisions and compare.

Writes the candidate to ``models/<name>/v<N+1>/``, prints the comparison with the shipped model on
the same validation data, and switches the detector to it only with ``--promote`` and only when the
candidate is not worse on any headline figure. Exit status: 0 not worse (promoted if asked), 1 worse.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from screening.artefacts import models_root
from screening.retraining import ADAPTERS, format_table, retrain

_ROOT = Path(__file__).resolve().parent.parent.parent


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("decisions", type=Path, help="JSON lines from `screening export-decisions -o FILE`.")
    parser.add_argument("--model", required=True, choices=sorted(ADAPTERS), help="The model to retrain.")
    parser.add_argument("--data-dir", type=Path, default=_ROOT / "data", help="Training and validation data.")
    parser.add_argument("--models-dir", type=Path, default=None, help="Artefact root (default: models/).")
    parser.add_argument("--promote", action="store_true",
                        help="Switch the detector to the candidate when it is not worse (default: only write it).")
    parser.add_argument("--tolerance", type=float, default=0.0,
                        help="How much a figure may drop and still count as not worse (default 0).")
    parser.add_argument("--quick", action="store_true",
                        help="Skip the trainer's hyper-parameter search that only feeds the model card (small data, CI).")
    parser.add_argument("--json", action="store_true", help="Print the result as JSON instead of a table.")


def run(args: argparse.Namespace) -> int:
    result = retrain(args.model, args.decisions, args.data_dir, args.models_dir or models_root(),
                     promote=args.promote, tolerance=args.tolerance, quick=args.quick)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
        return 0 if result.not_worse else 1
    print(f"{args.model}: added {sum(result.added_rows.values())} rows from decisions {result.added_rows}")
    print(format_table(result.comparison))
    print(f"Candidate written to {result.candidate_path}")
    if result.promoted:
        print(f"Promoted: the detector now loads {result.candidate_version}'s files.")
    elif not result.not_worse:
        print("Not promoted: the candidate is worse on at least one figure.")
    else:
        print("Not promoted (add --promote to switch the detector to it).")
    return 0 if result.not_worse else 1
