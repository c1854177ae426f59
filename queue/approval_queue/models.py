"""The approval queue's tables (SQLAlchemy 2 declarative), and the status and role enums.

The schema itself is created and changed only by the Alembic migrations in ``queue/migrations``;
these classes must match them (``tests/approval_queue/test_migrations.py`` checks).
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Role(enum.StrEnum):
    """What a user may do."""

    AUTHOR = "author"  # staff: submit drafts, edit and resubmit or withdraw their own
    REVIEWER = "reviewer"  # Social Media Officer: claim flagged drafts and decide on them
    ADMIN = "admin"  # senior staff: decide escalations, manage users; may also review


class Status(enum.StrEnum):
    """Where a submission is in its life. Terminal: authorised, rejected, expired, withdrawn."""

    AUTHORISED = "authorised"  # may be posted: the authorisation record holds the sha256 of the exact text
    PENDING_REVIEW = "pending_review"  # flagged (or on an approval-only account), waiting for a reviewer
    IN_REVIEW = "in_review"  # claimed by one reviewer until their lease lapses
    CHANGES_REQUESTED = "changes_requested"  # back with the author to edit and resubmit as a new version
    REJECTED = "rejected"  # must not be posted
    ESCALATED = "escalated"  # a reviewer handed the decision to the admins
    EXPIRED = "expired"  # undecided for longer than the expiry period
    WITHDRAWN = "withdrawn"  # the author took it back


TERMINAL = frozenset({Status.AUTHORISED, Status.REJECTED, Status.EXPIRED, Status.WITHDRAWN})


class Priority(enum.IntEnum):
    """Queue priority: a ``block`` decision from the screener is reviewed first."""

    NORMAL = 1
    HIGH = 2


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both databases (SQLite would otherwise hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; use datetime.now(UTC)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    # sha256 of the API token: tokens are 256-bit random, so a fast hash is enough to make a leak useless.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # scrypt, for the web sign-in; None means the user signs in with the API token only.
    password_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class Submission(Base):
    __tablename__ = "submissions"
    __table_args__ = (
        # Race-safe idempotency: a repeated key from the same author can never make a second row.
        UniqueConstraint("author_id", "idempotency_key", name="uq_submissions_author_idempotency_key"),
        Index("ix_submissions_queue", "status", "priority", "submitted_at"),
        Index("ix_submissions_author", "author_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    account: Mapped[str | None] = mapped_column(String(200), default=None)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), default=None)
    status: Mapped[str] = mapped_column(String(30))
    priority: Mapped[int] = mapped_column(Integer, default=Priority.NORMAL)
    # The current version's screening decision (allow, review, block).
    decision: Mapped[str] = mapped_column(String(10))
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # When the current version entered the queue; the SLA and queue order count from here.
    submitted_at: Mapped[datetime]
    sla_due_at: Mapped[datetime | None] = mapped_column(default=None)
    sla_breached_at: Mapped[datetime | None] = mapped_column(default=None)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    claimed_until: Mapped[datetime | None] = mapped_column(default=None)

    author: Mapped[User] = relationship(foreign_keys=[author_id], lazy="joined")
    claimed_by: Mapped[User | None] = relationship(foreign_keys=[claimed_by_id], lazy="joined")
    versions: Mapped[list[SubmissionVersion]] = relationship(
        back_populates="submission", order_by="SubmissionVersion.number", lazy="selectin"
    )


class SubmissionVersion(Base):
    """One text of a submission; a resubmission adds a version and keeps the earlier ones."""

    __tablename__ = "submission_versions"
    __table_args__ = (UniqueConstraint("submission_id", "number", name="uq_versions_submission_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(10))
    findings: Mapped[list[Any]]
    scores: Mapped[dict[str, Any]]
    errors: Mapped[list[Any]]
    language: Mapped[str] = mapped_column(String(20))
    policy_version: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime]

    submission: Mapped[Submission] = relationship(back_populates="versions")


class Authorisation(Base):
    """Proof that one exact text was authorised: a publishing client compares its sha256."""

    __tablename__ = "authorisations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), unique=True)
    version: Mapped[int] = mapped_column(Integer)
    # None when the screening policy authorised a clean draft on its own.
    authorised_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    basis: Mapped[str] = mapped_column(String(20))  # "screening" or "review"
    authorised_at: Mapped[datetime]
    text_sha256: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)

    authorised_by: Mapped[User | None] = relationship(lazy="joined")


class Event(Base):
    """One action, append-only and hash-chained (``services/audit.py``); triggers refuse UPDATE and DELETE."""

    __tablename__ = "events"

    # Assigned by the writer as previous + 1 under the chain lock, so the hash can cover it.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    submission_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    actor_id: Mapped[int | None] = mapped_column(Integer, default=None)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(30), default=None)
    to_status: Mapped[str | None] = mapped_column(String(30), default=None)
    version: Mapped[int | None] = mapped_column(Integer, default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    # Unique: two writers that read the same head can never both append (a fork is refused).
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class OutboxMessage(Base):
    """A notification to deliver off the request path, with retries and backoff."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "delivered_at", "failed_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(10))  # "webhook" or "email"
    target: Mapped[str] = mapped_column(Text)  # URL, or comma-separated addresses
    topic: Mapped[str] = mapped_column(String(30))  # "submitted", "decided", "escalated"
    payload: Mapped[dict[str, Any]]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    delivered_at: Mapped[datetime | None] = mapped_column(default=None)
    failed_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime]


# -- the web interface's tables (migration 0002) --------------------------------------------------


class IncidentStatus(enum.StrEnum):
    """Where an incident's investigation is."""

    OPEN = "open"  # reported, nobody has looked yet
    INVESTIGATING = "investigating"  # an officer is looking into it
    CLOSED = "closed"  # finished; the outcome says what was done


class AuditJobStatus(enum.StrEnum):
    """Where a batch audit started from the web is."""

    QUEUED = "queued"  # uploaded, waiting for the worker thread
    RUNNING = "running"  # screening posts; progress is updated as chunks finish
    DONE = "done"  # results and report written in the job folder
    FAILED = "failed"  # stopped; ``error`` says why


class SocialAccount(Base):
    """The live directory of official accounts, kept by the Social Media Officer (seeded from the policy)."""

    __tablename__ = "social_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handle: Mapped[str] = mapped_column(String(200), unique=True)
    platform: Mapped[str] = mapped_column(String(50))
    owner: Mapped[str] = mapped_column(String(200), default="")
    approval_required: Mapped[bool] = mapped_column(Boolean, default=True)
    # Retired accounts stay listed (old submissions name them) but are no longer offered.
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Incident(Base):
    """A published post or a concern reported for investigation."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    post_url: Mapped[str] = mapped_column(String(500), default="")
    account: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(Text, default="")
    reported_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    reported_by: Mapped[User] = relationship(lazy="joined")


class IncidentLink(Base):
    """A submission an incident concerns."""

    __tablename__ = "incident_links"
    __table_args__ = (UniqueConstraint("incident_id", "submission_id", name="uq_incident_links"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"))


class IncidentNote(Base):
    """One entry in an incident's investigation log (append-only by convention: the domain never edits)."""

    __tablename__ = "incident_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    # The status the incident moved to with this note, when it changed.
    status: Mapped[str | None] = mapped_column(String(20), default=None)
    created_at: Mapped[datetime]

    author: Mapped[User] = relationship(lazy="joined")


class AuditJob(Base):
    """A batch audit of historical posts started from the web; files live in ``var/audits/<id>/``."""

    __tablename__ = "audit_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    filename: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(20))
    total: Mapped[int | None] = mapped_column(Integer, default=None)
    done: Mapped[int] = mapped_column(Integer, default=0)
    progress: Mapped[str] = mapped_column(String(200), default="")
    decisions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)

    created_by: Mapped[User] = relationship(lazy="joined")
