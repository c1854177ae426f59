"""`screening audit`: screen every post in a file of historical posts and write a report.

Exit status: 0 when nothing was flagged, 1 when some post needs review or is blocked (or could
not be screened), 2 for a usage or input error (a missing text column, an unreadable file).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from screening.audit.engine import EngineOptions
from screening.audit.runner import AuditOptions, audit
from screening.audit.sources import FORMATS, Columns
from screening.errors import ConfigError


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be at least 1")
    return number


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, help="CSV, JSONL, Parquet, tweets.js, Shares.csv or a "
                        "Facebook/Instagram JSON export.")
    parser.add_argument("-o", "--output", dest="outdir", type=Path, required=True,
                        help="Folder for results.csv, report.html and the resumable checkpoint.")
    parser.add_argument("--format", choices=FORMATS, help="Input format (default: from extension and content).")
    parser.add_argument("--text-column", default="text", help="Column or field holding the post (default: text).")
    parser.add_argument("--id-column", help="Column holding the post's id (default: id if present, else row number).")
    parser.add_argument("--date-column", help="Column holding the post's date (default: date, created_at, ...).")
    parser.add_argument("--account-column", help="Column holding the account (default: account, handle, ...).")
    parser.add_argument("--account", help="Account to record for posts whose format has none (Shares.csv, exports).")
    parser.add_argument("--policy", type=Path, help="Policy YAML file (default: the shipped policy).")
    parser.add_argument("--output-format", choices=("csv", "parquet"), default="csv",
                        help="results.csv (default) or results.parquet.")
    parser.add_argument("--workers", type=_positive, default=1,
                        help="Processes to screen in (each loads the models once; default 1).")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local processes (default) or a Dask cluster.")
    parser.add_argument("--scheduler", help="Address of an existing Dask scheduler (tcp://host:8786); "
                        "default: a LocalCluster with --workers workers.")
    parser.add_argument("--chunk-size", type=_positive, default=256,
                        help="Posts per unit of work and per checkpoint write (default 256).")
    parser.add_argument("--resume", action="store_true", help="Continue an interrupted audit in OUTDIR.")
    parser.add_argument("--overwrite", action="store_true", help="Discard an earlier audit in OUTDIR and start again.")
    parser.add_argument("--enqueue", action="store_true",
                        help="Send flagged posts to the approval queue for review (needs --queue-url and "
                        "SCREENING_QUEUE_TOKEN).")
    parser.add_argument("--queue-url", default=os.environ.get("SCREENING_QUEUE_URL"),
                        help="The approval queue's base URL, e.g. http://127.0.0.1:8000 (default: $SCREENING_QUEUE_URL).")
    parser.add_argument("--no-report", action="store_true", help="Skip report.html.")
    parser.add_argument("-q", "--quiet", action="store_true", help="No progress output.")


def run(args: argparse.Namespace) -> int:
    if args.enqueue and not args.queue_url:
        raise ConfigError("--enqueue needs the approval queue's address: pass --queue-url URL or set SCREENING_QUEUE_URL.")
    options = AuditOptions(
        fmt=args.format,
        columns=Columns(text=args.text_column, id=args.id_column, date=args.date_column,
                        account=args.account_column),
        account=args.account,
        policy_path=args.policy,
        output_format=args.output_format,
        engine=EngineOptions(engine=args.engine, workers=args.workers, chunk_size=args.chunk_size,
                             scheduler=args.scheduler),
        resume=args.resume,
        overwrite=args.overwrite,
        report=not args.no_report,
        progress=not args.quiet,
        queue_url=args.queue_url if args.enqueue else None,
    )
    try:
        summary = audit(args.input, args.outdir, options)
    except KeyboardInterrupt:
        print(f"screening: audit interrupted; every finished batch is saved. Continue it with "
              f"`screening audit {args.input} -o {args.outdir} --resume`.", file=sys.stderr)
        return 130
    d = summary.decisions
    resumed = f" ({summary.resumed_from:,} from the earlier run)" if summary.resumed_from else ""
    print(f"Screened {summary.total:,} posts{resumed}: {d.get('allow', 0):,} allow, {d.get('review', 0):,} "
          f"review, {d.get('block', 0):,} block, {d.get('error', 0):,} not screened.")
    print(f"Results: {os.fspath(summary.results)}")
    if summary.report is not None:
        print(f"Report:  {os.fspath(summary.report)}")
    if summary.enqueued is not None:
        print(f"Queued for review: {summary.enqueued.submitted:,} flagged posts "
              f"({summary.enqueued.already_queued:,} were already queued); see {os.fspath(summary.enqueued.log)}")
    return 0 if summary.flagged == 0 and not d.get("error") else 1
