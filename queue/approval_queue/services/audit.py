"""The append-only, hash-chained event log.

Each event stores the previous event's hash and a sha256 over its own canonical serialisation
(sorted-key compact JSON of every field, the previous hash included), so editing or deleting any
event breaks the chain from that point on. Appends are serialised (PostgreSQL: a transaction-level
advisory lock; SQLite: the ``BEGIN IMMEDIATE`` write lock), and ``prev_hash`` is unique, so two
writers can never fork the chain. The database refuses UPDATE and DELETE on the table (triggers in
the first migration); this module only ever inserts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from approval_queue.db import EVENT_CHAIN_LOCK_KEY
from approval_queue.models import Event, Submission, User

GENESIS_HASH = "0" * 64


def canonical_bytes(event: Event) -> bytes:
    """The exact bytes an event's hash covers."""
    created = event.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    fields: dict[str, Any] = {
        "seq": event.seq,
        "submission_id": event.submission_id,
        "actor_id": event.actor_id,
        "actor": event.actor,
        "action": event.action,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "version": event.version,
        "reason": event.reason,
        "created_at": created,
        "prev_hash": event.prev_hash,
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def event_hash(event: Event) -> str:
    return hashlib.sha256(canonical_bytes(event)).hexdigest()


def append_event(
    session: Session,
    *,
    action: str,
    actor: User | None,
    now: datetime,
    submission_id: int | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    version: int | None = None,
    reason: str = "",
) -> Event:
    """Append one event to the chain inside the caller's write transaction."""
    if session.get_bind().dialect.name == "postgresql":
        # Held to the end of the transaction: the next writer reads the head only after we commit.
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": EVENT_CHAIN_LOCK_KEY})
    head = session.execute(select(Event.seq, Event.hash).order_by(Event.seq.desc()).limit(1)).first()
    event = Event(
        seq=(head.seq + 1) if head else 1,
        submission_id=submission_id,
        actor_id=actor.id if actor else None,
        actor=actor.name if actor else "system",
        action=action,
        from_status=from_status,
        to_status=to_status,
        version=version,
        reason=reason,
        # Microsecond precision is what both databases keep; the hash must survive a round trip.
        created_at=now.astimezone(UTC),
        prev_hash=head.hash if head else GENESIS_HASH,
    )
    event.hash = event_hash(event)
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The outcome of checking the chain: ``ok``, how many events, the head, or the first bad event."""

    ok: bool
    events: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: str = ""


def verify_chain(session: Session, *, batch: int = 1000) -> ChainReport:
    """Recompute every hash and link in order; report the first event that does not check out.

    Also compares each submission's status with its newest event, which catches the deletion of
    the last events of the chain (a truncated tail leaves no broken link behind).
    """
    expected_seq = 1
    previous = GENESIS_HASH
    count = 0
    last_status: dict[int, str | None] = {}
    rows = session.execute(select(Event).order_by(Event.seq).execution_options(yield_per=batch)).scalars()
    for event in rows:
        if event.seq != expected_seq:
            return ChainReport(False, count, previous, expected_seq,
                               f"event {expected_seq} is missing (the next one stored is {event.seq}); "
                               "events were deleted")
        if event.prev_hash != previous:
            return ChainReport(False, count, previous, event.seq,
                               f"event {event.seq} does not link to event {event.seq - 1} "
                               "(its prev_hash differs from that event's hash)")
        if event_hash(event) != event.hash:
            return ChainReport(False, count, previous, event.seq,
                               f"event {event.seq} ({event.action} by {event.actor}) was altered: "
                               "its content no longer matches its hash")
        if event.submission_id is not None and event.to_status is not None:
            last_status[event.submission_id] = event.to_status
        previous = event.hash
        count += 1
        expected_seq += 1
    stored = {row.id: row.status for row in session.execute(select(Submission.id, Submission.status))}
    for submission_id, status in sorted(stored.items()):
        if last_status.get(submission_id) != status:
            return ChainReport(False, count, previous, None,
                               f"submission {submission_id} is {status} but its newest event says "
                               f"{last_status.get(submission_id)}; events at the end of the chain were "
                               "deleted or the submission was changed outside the service")
    return ChainReport(True, count, previous)


def event_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Event)) or 0)
