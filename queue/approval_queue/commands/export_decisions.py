"""`screening export-decisions`: reviewers' decisions as labelled rows (JSON lines or CSV) for retraining.

The rows hold the drafts' text: write them only where training data may live.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from approval_queue.db import open_database
from approval_queue.services.export import EXPORT_FIELDS, decision_rows
from screening.errors import InputError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="Default: SCREENING_DATABASE_URL, else SQLite under var/.")
    parser.add_argument("-o", "--output", type=Path, help="File to write (default: standard output).")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--since", help="Only decisions on or after this date (YYYY-MM-DD, UTC).")


def run(args: argparse.Namespace) -> int:
    since = _parse_date(args.since) if args.since else None
    rows = decision_rows(open_database(args.database_url), since)
    if args.output:
        with args.output.open("w", encoding="utf-8", newline="") as handle:
            count = _write(rows, handle, args.format)
        print(f"Wrote {count} decisions to {args.output}.", file=sys.stderr)
    else:
        count = _write(rows, sys.stdout, args.format)
    return 0


def _write(rows: Iterable[dict[str, Any]], handle: TextIO, fmt: str) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(handle, fieldnames=list(EXPORT_FIELDS))
        writer.writeheader()
    for row in rows:
        if fmt == "csv":
            writer.writerow({k: _cell(v) for k, v in row.items()})
        else:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _cell(value: Any) -> Any:
    """Lists of names join with ';'; lists of records (findings) stay JSON so nothing is lost."""
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return ";".join(value)
        return json.dumps(value, ensure_ascii=False)
    return value


def _parse_date(value: str) -> datetime:
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise InputError(f"--since {value!r} is not a date; write it as YYYY-MM-DD.") from None
