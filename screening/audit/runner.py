"""The audit as a library call: read, screen (resumably), write results and the report."""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from screening.audit import engine
from screening.audit.checkpoint import Checkpoint, fingerprint
from screening.audit.enqueue import EnqueueSummary, enqueue_flagged
from screening.audit.output import OutputFormat, write_results
from screening.audit.progress import Progress
from screening.audit.report import summarise, write_report
from screening.audit.sources import Columns, Format, count_posts, detect_format, read_posts
from screening.errors import InputError
from screening.policy import load_policy

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AuditOptions:
    """Everything an audit run needs besides the input and the output folder."""

    fmt: Format | None = None
    columns: Columns = field(default_factory=Columns)
    account: str | None = None
    policy_path: Path | None = None
    output_format: OutputFormat = "csv"
    engine: engine.EngineOptions = field(default_factory=engine.EngineOptions)
    resume: bool = False
    overwrite: bool = False
    report: bool = True
    progress: bool = True
    queue_url: str | None = None


@dataclass(frozen=True, slots=True)
class AuditSummary:
    """What an audit did: counts by decision, where it wrote, how long screening took."""

    results: Path
    report: Path | None
    decisions: dict[str, int]
    screened_now: int
    resumed_from: int
    seconds: float
    enqueued: EnqueueSummary | None = None

    @property
    def total(self) -> int:
        return sum(self.decisions.values())

    @property
    def flagged(self) -> int:
        return self.decisions.get("review", 0) + self.decisions.get("block", 0)


def audit(input_path: Path, outdir: Path, options: AuditOptions | None = None,
          progress_stream: TextIO | None = None) -> AuditSummary:
    """Screen every post in ``input_path`` and write ``outdir/results.csv`` and ``report.html``.

    With ``options.resume`` an interrupted audit of the same input continues where it stopped.
    """
    options = options or AuditOptions()
    if not input_path.is_file():
        raise InputError(f"The input {str(input_path)!r} does not exist or is not a file.")
    fmt = options.fmt or detect_format(input_path)
    policy = load_policy(options.policy_path)
    policy_json = policy.model_dump_json()
    # Opening the reader validates the header before any work starts (exit 2 on a bad file).
    posts = read_posts(input_path, fmt, options.columns, options.account)
    outdir.mkdir(parents=True, exist_ok=True)
    settings = {
        "format": fmt, "columns": [options.columns.text, options.columns.id, options.columns.date,
                                   options.columns.account],
        "account": options.account, "policy_version": policy.version, "policy": policy_json,
    }
    print_ = fingerprint(input_path, settings)
    checkpoint = Checkpoint.open(outdir, print_, resume=options.resume, overwrite=options.overwrite)
    try:
        done = checkpoint.done_rows()
        if done:
            logger.info("resuming: %d posts already screened", len(done))
        total = count_posts(input_path, fmt, options.columns) if options.progress else None
        progress = Progress(total, progress_stream, already=len(done), enabled=options.progress)
        screened_now = 0

        def on_records(records: list[dict[str, object]]) -> None:
            nonlocal screened_now
            checkpoint.append(records)
            screened_now += len(records)
            progress.update(len(records))

        todo = (post for post in posts if post.row not in done)
        started = time.perf_counter()
        try:
            engine.run(todo, policy_json, options.engine, on_records)
        finally:
            progress.close()
        seconds = time.perf_counter() - started
    finally:
        checkpoint.close()
    # Each pass streams the checkpoint in row order; only a row -> offset index stays in memory.
    index = checkpoint.index()
    results = write_results(checkpoint.records(index), outdir, options.output_format)
    summary = summarise(checkpoint.records(index))
    report = None
    if options.report:
        report = write_report(summary, outdir, {
            "input": input_path.name, "format": fmt, "policy_version": policy.version,
        })
    enqueued = None
    if options.queue_url:
        key = f"audit:{print_['sha256_head_tail'][:16]}"
        enqueued = enqueue_flagged(checkpoint.records(index), options.queue_url, key, outdir)
    decisions = Counter({k: v for k, v in summary.decisions.items() if v})
    logger.info("audit done: %d posts, %s, %.1fs", summary.posts, dict(decisions), seconds)
    return AuditSummary(results=results, report=report, decisions=dict(decisions), screened_now=screened_now,
                        resumed_from=len(done), seconds=seconds, enqueued=enqueued)
