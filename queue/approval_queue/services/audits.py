"""Batch audits started from the web: store the upload in ``var/audits/<id>/``, run
``screening.audit.audit`` on a worker thread, keep the progress in the ``audit_jobs`` row.

One audit runs at a time (one worker thread): screening is CPU-bound, and the service must stay
responsive for people pre-checking drafts. An audit interrupted by a restart continues where it
stopped (the audit library's checkpoint) when the service starts again.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select, update

from approval_queue.db import Database
from approval_queue.errors import InvalidRequest, NotFound, PermissionDenied
from approval_queue.models import AuditJob, AuditJobStatus, Role, User
from approval_queue.services.audit import append_event
from screening.audit import AuditOptions, audit
from screening.errors import ScreeningError

logger = logging.getLogger(__name__)

ALLOWED_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".js")
AUDITORS = frozenset({Role.REVIEWER, Role.ADMIN})
_COUNT = re.compile(r"([\d,]+)/([\d,]+) posts")


@dataclass(frozen=True, slots=True)
class AuditJobView:
    id: int
    filename: str
    status: AuditJobStatus
    total: int | None
    done: int
    progress: str
    decisions: dict[str, int]
    error: str
    created_by: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    has_report: bool

    @property
    def percent(self) -> int:
        if self.status is AuditJobStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (AuditJobStatus.DONE, AuditJobStatus.FAILED)


def _require_auditor(actor: User) -> None:
    if actor.role not in AUDITORS:
        raise PermissionDenied(f"Your role is {actor.role}; only reviewers and admins run audits.")


class _ProgressSink:
    """A text stream for ``screening.audit.progress.Progress`` that saves the count to the job row.

    It claims to be a terminal so that the bar is redrawn often (at most ten times a second); the
    database is written at most every ``every`` seconds.
    """

    def __init__(self, save: Callable[[int, int | None, str], None], every: float = 0.5) -> None:
        self.save = save
        self.every = every
        self._last = 0.0

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        line = text.replace("\r", "").replace("\033[K", "").strip()
        match = _COUNT.search(line)
        now = time.monotonic()
        if match and now - self._last >= self.every:
            self._last = now
            done, total = (int(g.replace(",", "")) for g in match.groups())
            self.save(done, total, line.split("] ", 1)[-1][:200])
        return len(text)

    def flush(self) -> None:
        pass


class AuditJobs:
    """Create audit jobs from uploads, run them one at a time, and report their progress."""

    def __init__(self, db: Database, var_dir: Path, policy_path: Path | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self.root = var_dir / "audits"
        self.policy_path = policy_path
        self.clock = clock or (lambda: datetime.now(UTC))
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    # -- files ---------------------------------------------------------------------------------

    def folder(self, job_id: int) -> Path:
        return self.root / str(job_id)

    def _input(self, job_id: int) -> Path | None:
        found = sorted(self.folder(job_id).glob("input.*"))
        return found[0] if found else None

    def report_path(self, actor: User, job_id: int) -> Path:
        """The finished job's ``report.html`` (``NotFound`` before it exists)."""
        self.get(actor, job_id)
        path = self.folder(job_id) / "out" / "report.html"
        if not path.is_file():
            raise NotFound(f"Audit {job_id} has no report yet; wait until it has finished.")
        return path

    # -- jobs ----------------------------------------------------------------------------------

    def create(self, actor: User, filename: str, upload: BinaryIO) -> AuditJobView:
        """Store an uploaded export and queue its audit."""
        _require_auditor(actor)
        name = Path(filename or "").name
        suffix = Path(name).suffix.lower()
        if suffix not in ALLOWED_SUFFIXES:
            raise InvalidRequest(f"{name or 'The file'!r} is not a file the audit reads; upload a CSV, JSONL, "
                                 "Parquet file or a platform export (.csv, .jsonl, .json, .parquet, .js).")
        now = self.clock()
        with self.db.write() as session:
            job = AuditJob(created_by_id=actor.id, filename=name[:255], status=AuditJobStatus.QUEUED.value,
                           total=None, done=0, progress="Waiting to start.", decisions={}, error="",
                           created_at=now)
            session.add(job)
            session.flush()
            job_id = job.id
            append_event(session, action="audit_started", actor=actor, now=now, reason=f"audit {job_id}: {name}")
        folder = self.folder(job_id)
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / f"input{suffix}").open("wb") as out:
            while chunk := upload.read(1 << 20):
                out.write(chunk)
        if (folder / f"input{suffix}").stat().st_size == 0:
            self._finish(job_id, AuditJobStatus.FAILED, error="The uploaded file is empty; choose the export again.")
        else:
            self.start(job_id)
        return self.get(actor, job_id)

    def list_jobs(self, actor: User) -> list[AuditJobView]:
        _require_auditor(actor)
        with self.db.read() as session:
            rows = session.scalars(select(AuditJob).order_by(AuditJob.created_at.desc(), AuditJob.id.desc())
                                   .limit(100)).all()
            return [self._view(j) for j in rows]

    def get(self, actor: User, job_id: int) -> AuditJobView:
        _require_auditor(actor)
        with self.db.read() as session:
            job = session.get(AuditJob, job_id)
            if job is None:
                raise NotFound(f"There is no audit {job_id}.")
            return self._view(job)

    # -- running -------------------------------------------------------------------------------

    def start(self, job_id: int) -> Future[None]:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="audit")
            return self._executor.submit(self.run, job_id)

    def resume_unfinished(self) -> list[int]:
        """Queue again the jobs a restart interrupted; the checkpoint skips posts already screened."""
        with self.db.read() as session:
            ids = list(session.scalars(select(AuditJob.id).where(AuditJob.status.in_(
                [AuditJobStatus.QUEUED.value, AuditJobStatus.RUNNING.value])).order_by(AuditJob.id)))
        for job_id in ids:
            self.start(job_id)
        return ids

    def shutdown(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None

    def run(self, job_id: int) -> None:
        """Run one audit to the end, recording progress, the outcome or the reason it failed."""
        source = self._input(job_id)
        if source is None:
            self._finish(job_id, AuditJobStatus.FAILED, error="The uploaded file is missing from the job folder.")
            return
        self._save(job_id, status=AuditJobStatus.RUNNING.value, started_at=self.clock(),
                   progress="Loading the screening models.")
        sink = _ProgressSink(lambda done, total, line: self._save(job_id, done=done, total=total, progress=line))
        options = AuditOptions(policy_path=self.policy_path, resume=True)
        try:
            summary = audit(source, self.folder(job_id) / "out", options, progress_stream=sink)  # type: ignore[arg-type]
        except ScreeningError as exc:
            logger.warning("audit %d failed: %s", job_id, type(exc).__name__)
            self._finish(job_id, AuditJobStatus.FAILED, error=str(exc))
            return
        except Exception:  # noqa: BLE001  (a worker thread must record any failure, not die silently)
            logger.exception("audit %d failed unexpectedly", job_id)
            self._finish(job_id, AuditJobStatus.FAILED,
                         error="The audit stopped on an unexpected error; the service log has the details.")
            return
        self._finish(job_id, AuditJobStatus.DONE, done=summary.total, total=summary.total,
                     decisions=dict(summary.decisions),
                     progress=f"{summary.total:,} posts screened, {summary.flagged:,} flagged.")
        logger.info("audit %d done: %d posts", job_id, summary.total)

    def _save(self, job_id: int, **values: Any) -> None:
        with self.db.write() as session:
            session.execute(update(AuditJob).where(AuditJob.id == job_id).values(**values))

    def _finish(self, job_id: int, status: AuditJobStatus, **values: Any) -> None:
        if status is AuditJobStatus.FAILED:
            values.setdefault("progress", "Stopped.")
        self._save(job_id, status=status.value, finished_at=self.clock(), **values)

    def _view(self, job: AuditJob) -> AuditJobView:
        return AuditJobView(
            job.id, job.filename, AuditJobStatus(job.status), job.total, job.done, job.progress,
            {str(k): int(v) for k, v in (job.decisions or {}).items()}, job.error, job.created_by.name,
            job.created_at, job.started_at, job.finished_at,
            (self.folder(job.id) / "out" / "report.html").is_file())
