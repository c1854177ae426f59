"""`screening retention purge`: remove the text of drafts decided longer ago than the retention period.

The audit record stays (hashes, decisions, events); the chain still verifies afterwards.
"""

from __future__ import annotations

import argparse

from approval_queue.core.config import get_settings
from approval_queue.db import open_database
from approval_queue.services.data_protection import purge_decided_text
from screening.errors import InputError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="Default: SCREENING_DATABASE_URL, else SQLite under var/.")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    purge = sub.add_parser("purge", help="Purge decided drafts' text older than the retention period.")
    purge.add_argument("--days", type=int, help="Retention in days (default: SCREENING_RETENTION_DAYS).")


def run(args: argparse.Namespace) -> int:
    days = args.days if args.days is not None else get_settings().retention_days
    if days is None or days <= 0:
        raise InputError("No retention period: pass --days N (a positive number) or set SCREENING_RETENTION_DAYS.")
    report = purge_decided_text(open_database(args.database_url), days)
    print(f"Purged the text of {report.versions} versions of {report.submissions} submissions decided before "
          f"{report.cutoff:%Y-%m-%d %H:%M} UTC; hashes, decisions and the audit log are kept.")
    return 0
