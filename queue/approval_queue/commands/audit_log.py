"""`screening audit-log verify`: check the approval queue's hash-chained event log.

Exit status 0 when every event checks out, 1 when the chain is broken (naming the first bad event).
"""

from __future__ import annotations

import argparse

from approval_queue.db import open_database
from approval_queue.services.audit import verify_chain


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="Default: SCREENING_DATABASE_URL, else SQLite under var/.")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("verify", help="Recompute every event's hash and link; exit 1 at the first bad one.")


def run(args: argparse.Namespace) -> int:
    database = open_database(args.database_url)
    with database.read() as session:
        report = verify_chain(session)
    if report.ok:
        print(f"Audit log intact: {report.events} events, head {report.head_hash}.")
        return 0
    where = f"event {report.first_bad_seq}" if report.first_bad_seq is not None else "after the last event"
    print(f"Audit log BROKEN at {where}: {report.problem}. "
          f"The first {report.events} events check out (head {report.head_hash}).")
    return 1
