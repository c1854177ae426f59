"""Data protection: purge decided drafts' text after the retention period, and export everything
held about one person (a subject access request).

Retention keeps the audit record: the submission row, every version's sha256, screening decision,
scores and finding categories/labels/offsets, the authorisation record and the hash-chained
events are untouched (events are append-only; the chain still verifies). Only the text goes: the
version's ``text`` and each finding's ``text`` become empty. One ``text_purged`` event per
submission records when and under which setting it happened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select

from approval_queue.db import Database
from approval_queue.errors import NotFound, PermissionDenied
from approval_queue.models import TERMINAL, Authorisation, Event, Role, Submission, SubmissionVersion, User
from approval_queue.services.audit import append_event

logger = logging.getLogger(__name__)

PURGED_ACTION = "text_purged"
PURGE_BATCH = 200  # submissions per transaction: a long backlog never holds the write lock for long


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What one purge run did."""

    submissions: int
    versions: int
    cutoff: datetime


def purge_decided_text(db: Database, retention_days: int, now: datetime | None = None,
                       *, max_batches: int = 10_000) -> PurgeReport:
    """Remove the text of every version of submissions decided (terminal) before ``now - retention_days``."""
    if retention_days <= 0:
        raise ValueError(f"retention_days must be positive, not {retention_days}.")
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=retention_days)
    submissions = versions = 0
    for _ in range(max_batches):
        with db.write() as session:
            due = session.scalars(
                select(Submission).where(Submission.status.in_([s.value for s in TERMINAL]),
                                         Submission.updated_at < cutoff,
                                         Submission.versions.any(SubmissionVersion.text != ""))
                .order_by(Submission.id).limit(PURGE_BATCH)).unique().all()
            if not due:
                break
            for submission in due:
                for version in submission.versions:
                    if version.text:
                        version.text = ""
                        version.findings = [{**f, "text": ""} for f in version.findings]
                        versions += 1
                append_event(session, action=PURGED_ACTION, actor=None, now=now, submission_id=submission.id,
                             from_status=submission.status, to_status=submission.status,
                             version=submission.current_version,
                             reason=f"Text removed after the retention period of {retention_days} days; "
                                    "hashes and decisions kept.")
                submissions += 1
    if submissions:
        logger.info("retention: purged the text of %d versions of %d submissions decided before %s",
                    versions, submissions, cutoff.date())
    return PurgeReport(submissions=submissions, versions=versions, cutoff=cutoff)


def export_person(db: Database, user_id: int, actor: User | None = None,
                  clock: Callable[[], datetime] | None = None) -> dict[str, Any]:
    """Everything held about one user: account, submissions with every version, findings and
    authorisations, and every audit event they did or that concerns their submissions.

    ``actor`` is the admin asking (None for the command line). Token and password hashes are left
    out: they are credentials, not data about the person.
    """
    if actor is not None and actor.role != Role.ADMIN:
        raise PermissionDenied(f"Your role is {actor.role}; only admins can export a person's data.")
    with db.read() as session:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound(f"There is no user {user_id}; `screening users list` shows them.")
        submissions = session.scalars(select(Submission).where(Submission.author_id == user_id)
                                      .order_by(Submission.id)).unique().all()
        own_ids = [s.id for s in submissions]
        authorisations = {a.submission_id: a for a in session.scalars(
            select(Authorisation).where(Authorisation.submission_id.in_(own_ids))).unique()} if own_ids else {}
        events = session.scalars(select(Event).where(or_(
            Event.actor_id == user_id, Event.submission_id.in_(own_ids) if own_ids else False,
        )).order_by(Event.seq)).all()
        return {
            "exported_at": (clock or (lambda: datetime.now(UTC)))().isoformat(),
            "user": {"id": user.id, "name": user.name, "role": user.role, "active": user.active,
                     "has_password": user.password_hash is not None, "created_at": user.created_at.isoformat()},
            "submissions": [_submission(s, authorisations.get(s.id)) for s in submissions],
            "events": [_event(e) for e in events],
        }


def user_id_by_name(db: Database, name: str) -> int:
    with db.read() as session:
        found = session.scalar(select(User.id).where(User.name == name.strip()))
    if found is None:
        raise NotFound(f"There is no user named {name!r}; `screening users list` shows them.")
    return int(found)


def _submission(s: Submission, authorisation: Authorisation | None) -> dict[str, Any]:
    return {
        "id": s.id, "status": s.status, "account": s.account, "decision": s.decision,
        "idempotency_key": s.idempotency_key, "created_at": s.created_at.isoformat(),
        "updated_at": s.updated_at.isoformat(),
        "versions": [{"number": v.number, "text": v.text, "text_purged": not v.text, "text_sha256": v.text_sha256,
                      "decision": v.decision, "findings": v.findings, "scores": v.scores,
                      "language": v.language, "policy_version": v.policy_version,
                      "created_at": v.created_at.isoformat()} for v in s.versions],
        "authorisation": None if authorisation is None else {
            "id": authorisation.id, "version": authorisation.version, "basis": authorisation.basis,
            "authorised_at": authorisation.authorised_at.isoformat(), "text_sha256": authorisation.text_sha256,
            "reason": authorisation.reason},
    }


def _event(e: Event) -> dict[str, Any]:
    return {"seq": e.seq, "submission_id": e.submission_id, "actor": e.actor, "action": e.action,
            "from_status": e.from_status, "to_status": e.to_status, "version": e.version, "reason": e.reason,
            "created_at": e.created_at.isoformat(), "hash": e.hash}
