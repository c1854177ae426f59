"""Submissions and the review queue: ``submit``, ``claim``, ``approve``, ``reject``, ``request_changes``,
``escalate``, ``resubmit``, ``withdraw``, and the ageing sweeps (``release_lapsed_claims``,
``mark_sla_breaches``, ``expire_overdue``).

Every change runs in one write transaction that locks the submission's row (PostgreSQL
``FOR UPDATE``; SQLite ``BEGIN IMMEDIATE``), checks the named transition against ``TRANSITIONS``,
changes the row, appends a hash-chained event and queues the notifications. Screening, which is
slow, runs before the transaction opens. Results are frozen views, never ORM rows, so API routes
and web pages can use them after the session has closed.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import case, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from approval_queue import notifications
from approval_queue.core.config import Settings
from approval_queue.db import Database
from approval_queue.errors import (
    ClaimConflict,
    InvalidRequest,
    InvalidTransition,
    NotAuthorised,
    NotFound,
    PermissionDenied,
)
from approval_queue.models import (
    TERMINAL,
    Authorisation,
    Event,
    Priority,
    Role,
    Status,
    Submission,
    SubmissionVersion,
    User,
)
from approval_queue.services.audit import append_event
from screening.findings import ScreeningResult
from screening.pipeline import Screener

logger = logging.getLogger(__name__)

DecisionAction = Literal["approve", "reject", "request_changes", "escalate"]
DECISION_ACTIONS: tuple[DecisionAction, ...] = ("approve", "reject", "request_changes", "escalate")
OPEN_STATUSES = frozenset({Status.PENDING_REVIEW, Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.ESCALATED})
QUEUE_STATUSES = (Status.PENDING_REVIEW, Status.IN_REVIEW, Status.ESCALATED)
MAX_REASON_CHARS = 2000
MAX_KEY_CHARS = 200


@dataclass(frozen=True, slots=True)
class Transition:
    """A named move between statuses, and who may make it."""

    name: str
    sources: frozenset[Status]
    target: Status | None  # None: decided by the screening result (submit)
    roles: frozenset[Role]
    help: str


_ALL = frozenset(Role)
_DECIDERS = frozenset({Role.REVIEWER, Role.ADMIN})
_REVIEWABLE = frozenset({Status.IN_REVIEW, Status.ESCALATED})

TRANSITIONS: dict[str, Transition] = {t.name: t for t in (
    Transition("submit", frozenset(), None, _ALL, "a new draft: authorised if clean, else pending_review"),
    Transition("claim", frozenset({Status.PENDING_REVIEW, Status.IN_REVIEW}), Status.IN_REVIEW, _DECIDERS,
               "a reviewer takes the item; from in_review only once the holder's lease has lapsed"),
    Transition("release", frozenset({Status.IN_REVIEW}), Status.PENDING_REVIEW, _DECIDERS,
               "the holder gives the claim back"),
    Transition("lapse", frozenset({Status.IN_REVIEW}), Status.PENDING_REVIEW, frozenset(),
               "the claim's lease ran out (system)"),
    Transition("approve", _REVIEWABLE, Status.AUTHORISED, _DECIDERS, "authorise the current version"),
    Transition("reject", _REVIEWABLE, Status.REJECTED, _DECIDERS, "refuse it for good"),
    Transition("request_changes", _REVIEWABLE, Status.CHANGES_REQUESTED, _DECIDERS,
               "send it back to the author to edit and resubmit"),
    Transition("escalate", frozenset({Status.IN_REVIEW}), Status.ESCALATED, _DECIDERS,
               "hand the decision to the admins"),
    Transition("resubmit", frozenset({Status.CHANGES_REQUESTED}), Status.PENDING_REVIEW, _ALL,
               "the author's edited text, screened again, as a new version"),
    Transition("withdraw", OPEN_STATUSES, Status.WITHDRAWN, _ALL, "the author takes it back"),
    Transition("expire", OPEN_STATUSES, Status.EXPIRED, frozenset(), "undecided past the expiry period (system)"),
)}


# -- views ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VersionView:
    number: int
    text: str
    text_sha256: str
    decision: str
    findings: list[dict[str, Any]]
    scores: dict[str, float]
    errors: list[dict[str, Any]]
    language: str
    policy_version: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class EventView:
    seq: int
    action: str
    actor: str
    from_status: str | None
    to_status: str | None
    version: int | None
    reason: str
    created_at: datetime
    hash: str


@dataclass(frozen=True, slots=True)
class AuthorisationView:
    """The authorisation record a publishing client checks before posting."""

    id: str
    submission_id: int
    version: int
    authorised_by: str | None
    basis: str
    authorised_at: datetime
    text_sha256: str
    reason: str


@dataclass(frozen=True, slots=True)
class SubmissionView:
    id: int
    status: Status
    priority: Literal["high", "normal"]
    decision: str
    account: str | None
    author: str
    author_id: int
    current_version: int
    text: str
    text_sha256: str
    findings: list[dict[str, Any]]
    scores: dict[str, float]
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime
    sla_due_at: datetime | None
    sla_breached: bool
    claimed_by: str | None
    claimed_until: datetime | None
    idempotency_key: str | None


@dataclass(frozen=True, slots=True)
class SubmissionDetail:
    """A submission with its whole history: every version and every event."""

    submission: SubmissionView
    versions: list[VersionView]
    events: list[EventView]
    authorisation: AuthorisationView | None


@dataclass(frozen=True, slots=True)
class SubmitOutcome:
    submission: SubmissionView
    created: bool  # False: the idempotency key was seen before and this is the first submission


@dataclass(frozen=True, slots=True)
class TextCheck:
    matches: bool
    text_sha256: str
    authorisation: AuthorisationView


@dataclass(frozen=True, slots=True)
class SweepReport:
    lapsed: list[int] = field(default_factory=list)
    breached: list[int] = field(default_factory=list)
    expired: list[int] = field(default_factory=list)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- the service ---------------------------------------------------------------------------------


class QueueService:
    """The approval queue's operations. Thread-safe: every call opens its own transaction."""

    def __init__(self, db: Database, settings: Settings, screener: Screener,
                 clock: Callable[[], datetime] | None = None,
                 approval_lookup: Callable[[str | None], bool] | None = None) -> None:
        self.db = db
        self.settings = settings
        self.screener = screener
        # Whether an account needs approval for every post: the service passes the account
        # directory's answer (services/accounts.py); without one, the policy file's.
        self.needs_approval = approval_lookup or screener.policy.needs_approval
        self.clock = clock or (lambda: datetime.now(UTC))

    # -- submitting --------------------------------------------------------------------------

    def submit(self, actor: User, text: str, account: str | None = None,
               idempotency_key: str | None = None) -> SubmitOutcome:
        """Screen a draft and store it: ``authorised`` at once if clean and its account needs no
        approval, else ``pending_review`` (high priority when the screener says ``block``).

        A repeated ``idempotency_key`` from the same author returns the first submission, even when
        both requests race (the unique constraint decides; the loser reads the winner's row).
        """
        key = _clean_key(idempotency_key)
        if key is not None:
            existing = self._by_key(actor, key)
            if existing is not None:
                return SubmitOutcome(existing, created=False)
        text = self.screener.check_text(text)
        account = account.strip() or None if account is not None else None
        result = self.screener.screen(text)
        needs_review = result.decision != "allow" or self.needs_approval(account)
        now = self.clock()
        try:
            with self.db.write() as session:
                status = Status.PENDING_REVIEW if needs_review else Status.AUTHORISED
                priority = Priority.HIGH if result.decision == "block" else Priority.NORMAL
                submission = Submission(
                    author_id=actor.id, account=account, idempotency_key=key, status=status.value,
                    priority=int(priority), decision=result.decision, current_version=1, created_at=now,
                    updated_at=now, submitted_at=now,
                    sla_due_at=now + self._sla(priority) if needs_review else None,
                )
                submission.versions.append(_version(1, text, result, now))
                session.add(submission)
                session.flush()
                if status is Status.AUTHORISED:
                    session.add(Authorisation(
                        id=str(uuid.uuid4()), submission_id=submission.id, version=1, authorised_by_id=None,
                        basis="screening", authorised_at=now, text_sha256=sha256_text(text),
                        reason="No findings, and the account does not need approval for every post."))
                append_event(session, action="submit", actor=actor, now=now, submission_id=submission.id,
                             from_status=None, to_status=status.value, version=1,
                             reason=_screening_reason(result, account, self.needs_approval))
                if status is Status.PENDING_REVIEW:
                    self._notify(session, "submitted", submission, actor, now, action="submit")
                submission_id = submission.id
        except IntegrityError:
            if key is None:
                raise
            existing = self._by_key(actor, key)
            if existing is None:
                raise
            logger.info("submission by user %d: idempotency key raced, returning submission %d", actor.id,
                        existing.id)
            return SubmitOutcome(existing, created=False)
        logger.info("submission %d by user %d: screening %s, %s", submission_id, actor.id, result.decision,
                    status.value)
        return SubmitOutcome(self._view(submission_id), created=True)

    def resubmit(self, actor: User, submission_id: int, text: str) -> SubmissionView:
        """The author's edited text after ``request_changes``: screened again, stored as a new version,
        and back to ``pending_review`` (a reviewer asked for the change, so a reviewer sees the result)."""
        text = self.screener.check_text(text)
        self._visible(actor, submission_id)
        result = self.screener.screen(text)
        now = self.clock()
        with self.db.write() as session:
            submission = self._locked(session, submission_id)
            if submission.author_id != actor.id:
                raise PermissionDenied(f"Only the author can resubmit submission {submission_id}.")
            source = self._check("resubmit", submission)
            number = submission.current_version + 1
            priority = Priority.HIGH if result.decision == "block" else Priority.NORMAL
            submission.versions.append(_version(number, text, result, now))
            submission.current_version = number
            submission.decision = result.decision
            submission.priority = int(priority)
            submission.submitted_at = now
            submission.sla_due_at = now + self._sla(priority)
            submission.sla_breached_at = None
            self._move(submission, Status.PENDING_REVIEW, now)
            append_event(session, action="resubmit", actor=actor, now=now, submission_id=submission.id,
                         from_status=source, to_status=submission.status, version=number,
                         reason=_screening_reason(result, submission.account, self.needs_approval))
            self._notify(session, "submitted", submission, actor, now, action="resubmit")
        return self._view(submission_id)

    def withdraw(self, actor: User, submission_id: int, reason: str = "") -> SubmissionView:
        """The author takes an undecided submission back."""
        now = self.clock()
        with self.db.write() as session:
            submission = self._locked(session, submission_id)
            self._ensure_visible(actor, submission)
            if submission.author_id != actor.id:
                raise PermissionDenied(f"Only the author can withdraw submission {submission_id}.")
            source = self._check("withdraw", submission)
            self._move(submission, Status.WITHDRAWN, now)
            append_event(session, action="withdraw", actor=actor, now=now, submission_id=submission.id,
                         from_status=source, to_status=submission.status, version=submission.current_version,
                         reason=reason.strip() or "Withdrawn by the author.")
        return self._view(submission_id)

    # -- claiming ----------------------------------------------------------------------------

    def claim(self, actor: User, submission_id: int) -> SubmissionView:
        """Take one item for review until the lease runs out. Two reviewers never both succeed:
        PostgreSQL ``SELECT ... FOR UPDATE SKIP LOCKED``, then (on both databases) a conditional
        UPDATE whose WHERE clause repeats the claimable condition (compare-and-set)."""
        _require_decider(actor, "claim")
        now = self.clock()
        with self.db.write() as session:
            if self.db.is_postgresql:
                got = session.scalar(select(Submission.id).where(Submission.id == submission_id)
                                     .with_for_update(skip_locked=True))
                if got is None:
                    if session.get(Submission, submission_id) is None:
                        raise NotFound(f"There is no submission {submission_id}.")
                    raise ClaimConflict(f"Submission {submission_id} is being claimed or changed by someone "
                                        "else right now; pick another item or try again.")
            submission = session.get(Submission, submission_id)
            if submission is None:
                raise NotFound(f"There is no submission {submission_id}.")
            if submission.author_id == actor.id:
                raise PermissionDenied(f"Submission {submission_id} is your own; another reviewer must review it.")
            source = submission.status
            previous_holder = submission.claimed_by.name if submission.claimed_by else None
            if not self._cas_claim(session, submission_id, actor, now):
                session.refresh(submission)
                self._explain_unclaimable(submission, actor, now)
            session.refresh(submission)
            reason = (f"Claimed until {submission.claimed_until:%Y-%m-%d %H:%M:%S} UTC"
                      + (f"; {previous_holder}'s claim had lapsed" if source == Status.IN_REVIEW else ""))
            append_event(session, action="claim", actor=actor, now=now, submission_id=submission_id,
                         from_status=source, to_status=Status.IN_REVIEW.value,
                         version=submission.current_version, reason=reason)
        return self._view(submission_id)

    def claim_next(self, actor: User) -> SubmissionView | None:
        """Claim the first claimable item in queue order (SLA-breached, then priority, then oldest);
        None when nothing is waiting. PostgreSQL skips rows other reviewers are locking."""
        _require_decider(actor, "claim")
        now = self.clock()
        with self.db.write() as session:
            for _ in range(5):
                query = (select(Submission.id).where(_claimable(now), Submission.author_id != actor.id)
                         .order_by(*_queue_order(now)).limit(1))
                if self.db.is_postgresql:
                    query = query.with_for_update(skip_locked=True)
                submission_id = session.scalar(query)
                if submission_id is None:
                    return None
                submission = session.get(Submission, submission_id)
                assert submission is not None
                source = submission.status
                if self._cas_claim(session, submission_id, actor, now):
                    session.refresh(submission)
                    append_event(session, action="claim", actor=actor, now=now, submission_id=submission_id,
                                 from_status=source, to_status=Status.IN_REVIEW.value,
                                 version=submission.current_version,
                                 reason=f"Claimed until {submission.claimed_until:%Y-%m-%d %H:%M:%S} UTC")
                    break
            else:
                return None
        return self._view(submission_id)

    def release(self, actor: User, submission_id: int) -> SubmissionView:
        """Give a claim back before deciding."""
        now = self.clock()
        with self.db.write() as session:
            submission = self._locked(session, submission_id)
            _require_decider(actor, "release")
            self._check("release", submission)
            self._ensure_holder(submission, actor, now)
            self._move(submission, Status.PENDING_REVIEW, now)
            append_event(session, action="release", actor=actor, now=now, submission_id=submission_id,
                         from_status=Status.IN_REVIEW.value, to_status=submission.status,
                         version=submission.current_version, reason="Claim given back.")
        return self._view(submission_id)

    # -- deciding ----------------------------------------------------------------------------

    def decide(self, actor: User, submission_id: int, action: str, reason: str) -> SubmissionView:
        """Apply one decision (``approve``, ``reject``, ``request_changes``, ``escalate``) with its reason.

        A reviewer decides an item they hold (claimed, lease not lapsed); an escalated item is
        decided by an admin. Nobody decides on their own submission, and authors never decide.
        """
        if action not in DECISION_ACTIONS:
            raise InvalidRequest(f"Action {action!r} is not known; use one of {', '.join(DECISION_ACTIONS)}.")
        reason = (reason or "").strip()
        if not reason:
            raise InvalidRequest("Every decision needs a reason; say briefly why.")
        if len(reason) > MAX_REASON_CHARS:
            raise InvalidRequest(f"The reason is {len(reason):,} characters; keep it under {MAX_REASON_CHARS:,}.")
        _require_decider(actor, "decide on submissions")
        now = self.clock()
        with self.db.write() as session:
            submission = self._locked(session, submission_id)
            if submission.author_id == actor.id:
                raise PermissionDenied(f"Submission {submission_id} is your own; nobody decides on their own "
                                       "submission, so another reviewer must.")
            source = self._check(action, submission)
            if source == Status.ESCALATED:
                if actor.role != Role.ADMIN:
                    raise PermissionDenied(f"Submission {submission_id} is escalated; only an admin can decide it.")
            else:
                self._ensure_holder(submission, actor, now)
            target = TRANSITIONS[action].target
            assert target is not None
            if target is Status.AUTHORISED:
                current = next(v for v in submission.versions if v.number == submission.current_version)
                session.add(Authorisation(
                    id=str(uuid.uuid4()), submission_id=submission.id, version=current.number,
                    authorised_by_id=actor.id, basis="review", authorised_at=now,
                    text_sha256=sha256_text(current.text), reason=reason))
            self._move(submission, target, now)
            append_event(session, action=action, actor=actor, now=now, submission_id=submission_id,
                         from_status=source, to_status=target.value, version=submission.current_version,
                         reason=reason)
            topic = "escalated" if action == "escalate" else "decided"
            self._notify(session, topic, submission, actor, now, action=action, reason=reason)
        logger.info("submission %d: %s by user %d", submission_id, action, actor.id)
        return self._view(submission_id)

    def approve(self, actor: User, submission_id: int, reason: str) -> SubmissionView:
        return self.decide(actor, submission_id, "approve", reason)

    def reject(self, actor: User, submission_id: int, reason: str) -> SubmissionView:
        return self.decide(actor, submission_id, "reject", reason)

    def request_changes(self, actor: User, submission_id: int, reason: str) -> SubmissionView:
        return self.decide(actor, submission_id, "request_changes", reason)

    def escalate(self, actor: User, submission_id: int, reason: str) -> SubmissionView:
        return self.decide(actor, submission_id, "escalate", reason)

    # -- reading -----------------------------------------------------------------------------

    def get(self, actor: User, submission_id: int) -> SubmissionDetail:
        """A submission with its history, for its author, reviewers and admins (404 to anyone else)."""
        with self.db.read() as session:
            submission = self._seen_by(session, actor, submission_id)
            events = session.scalars(select(Event).where(Event.submission_id == submission_id)
                                     .order_by(Event.seq)).all()
            record = session.scalar(select(Authorisation).where(Authorisation.submission_id == submission_id))
            now = self.clock()
            return SubmissionDetail(
                submission=_view_of(submission, now),
                versions=[_version_view(v) for v in submission.versions],
                events=[EventView(e.seq, e.action, e.actor, e.from_status, e.to_status, e.version, e.reason,
                                  e.created_at, e.hash) for e in events],
                authorisation=_authorisation_view(record) if record else None,
            )

    def list_queue(self, actor: User, statuses: Sequence[Status] | None = None,
                   limit: int = 100, offset: int = 0) -> list[SubmissionView]:
        """The review queue: SLA-breached first, then high priority, then oldest."""
        _require_decider(actor, "see the review queue")
        now = self.clock()
        wanted = [s.value for s in (statuses or QUEUE_STATUSES)]
        with self.db.read() as session:
            rows = session.scalars(select(Submission).where(Submission.status.in_(wanted))
                                   .order_by(*_queue_order(now)).limit(limit).offset(offset)).all()
            return [_view_of(s, now) for s in rows]

    def list_mine(self, actor: User, statuses: Sequence[Status] | None = None,
                  limit: int = 100, offset: int = 0) -> list[SubmissionView]:
        """The actor's own submissions, newest first."""
        now = self.clock()
        with self.db.read() as session:
            query = select(Submission).where(Submission.author_id == actor.id)
            if statuses:
                query = query.where(Submission.status.in_([s.value for s in statuses]))
            rows = session.scalars(query.order_by(Submission.created_at.desc(), Submission.id.desc())
                                   .limit(limit).offset(offset)).all()
            return [_view_of(s, now) for s in rows]

    def authorisation(self, actor: User, submission_id: int) -> AuthorisationView:
        """The authorisation record; ``NotAuthorised`` when the submission is not authorised."""
        with self.db.read() as session:
            submission = self._seen_by(session, actor, submission_id)
            record = session.scalar(select(Authorisation).where(Authorisation.submission_id == submission_id))
            if submission.status != Status.AUTHORISED or record is None:
                raise NotAuthorised(f"Submission {submission_id} is {submission.status}, not authorised; "
                                    "it must not be posted.")
            return _authorisation_view(record)

    def check_text(self, actor: User, submission_id: int, text: str) -> TextCheck:
        """Whether ``text`` is exactly the text that was authorised (byte for byte, as UTF-8)."""
        record = self.authorisation(actor, submission_id)
        digest = sha256_text(text)
        return TextCheck(matches=digest == record.text_sha256, text_sha256=digest, authorisation=record)

    # -- ageing ------------------------------------------------------------------------------

    def release_lapsed_claims(self, now: datetime | None = None) -> list[int]:
        """Put items whose claim lease ran out back into ``pending_review``."""
        now = now or self.clock()
        done: list[int] = []
        with self.db.write() as session:
            rows = session.scalars(select(Submission).where(
                Submission.status == Status.IN_REVIEW.value, Submission.claimed_until < now)
                .order_by(Submission.id)).all()
            for submission in rows:
                holder = submission.claimed_by.name if submission.claimed_by else "unknown"
                self._move(submission, Status.PENDING_REVIEW, now)
                append_event(session, action="lapse", actor=None, now=now, submission_id=submission.id,
                             from_status=Status.IN_REVIEW.value, to_status=submission.status,
                             version=submission.current_version, reason=f"{holder}'s claim lease ran out.")
                done.append(submission.id)
        return done

    def mark_sla_breaches(self, now: datetime | None = None) -> list[int]:
        """Mark undecided items past their review SLA (they are listed first from then on)."""
        now = now or self.clock()
        done: list[int] = []
        with self.db.write() as session:
            rows = session.scalars(select(Submission).where(
                Submission.status.in_([s.value for s in QUEUE_STATUSES]), Submission.sla_due_at <= now,
                Submission.sla_breached_at.is_(None)).order_by(Submission.id)).all()
            for submission in rows:
                submission.sla_breached_at = now
                append_event(session, action="sla_breached", actor=None, now=now, submission_id=submission.id,
                             from_status=submission.status, to_status=submission.status,
                             version=submission.current_version,
                             reason=f"Not decided by its review deadline {submission.sla_due_at:%Y-%m-%d %H:%M} UTC.")
                done.append(submission.id)
        return done

    def expire_overdue(self, now: datetime | None = None) -> list[int]:
        """Expire every undecided submission older than ``expiry_days``; return their ids."""
        now = now or self.clock()
        cutoff = now - timedelta(days=self.settings.expiry_days)
        done: list[int] = []
        with self.db.write() as session:
            rows = session.scalars(select(Submission).where(
                Submission.status.in_([s.value for s in OPEN_STATUSES]), Submission.created_at <= cutoff)
                .order_by(Submission.id)).all()
            for submission in rows:
                source = submission.status
                self._move(submission, Status.EXPIRED, now)
                append_event(session, action="expire", actor=None, now=now, submission_id=submission.id,
                             from_status=source, to_status=submission.status, version=submission.current_version,
                             reason=f"Undecided for more than {self.settings.expiry_days} days.")
                done.append(submission.id)
        return done

    def sweep(self, now: datetime | None = None) -> SweepReport:
        """All periodic work, in order: lapsed claims, SLA breaches, expiry."""
        now = now or self.clock()
        return SweepReport(self.release_lapsed_claims(now), self.mark_sla_breaches(now), self.expire_overdue(now))

    # -- internals ---------------------------------------------------------------------------

    def _sla(self, priority: Priority) -> timedelta:
        hours = self.settings.sla_hours_high if priority is Priority.HIGH else self.settings.sla_hours_normal
        return timedelta(hours=hours)

    def _by_key(self, actor: User, key: str) -> SubmissionView | None:
        with self.db.read() as session:
            submission = session.scalar(select(Submission).where(
                Submission.author_id == actor.id, Submission.idempotency_key == key))
            return _view_of(submission, self.clock()) if submission else None

    def _view(self, submission_id: int) -> SubmissionView:
        with self.db.read() as session:
            submission = session.get(Submission, submission_id)
            assert submission is not None
            return _view_of(submission, self.clock())

    def _visible(self, actor: User, submission_id: int) -> None:
        with self.db.read() as session:
            self._seen_by(session, actor, submission_id)

    def _seen_by(self, session: Session, actor: User, submission_id: int) -> Submission:
        submission = session.get(Submission, submission_id)
        if submission is None:
            raise NotFound(f"There is no submission {submission_id}.")
        self._ensure_visible(actor, submission)
        return submission

    @staticmethod
    def _ensure_visible(actor: User, submission: Submission) -> None:
        # Another author's draft answers exactly like a missing one: its existence is not disclosed.
        if actor.role == Role.AUTHOR and submission.author_id != actor.id:
            raise NotFound(f"There is no submission {submission.id}.")

    def _locked(self, session: Session, submission_id: int) -> Submission:
        query = select(Submission).where(Submission.id == submission_id).with_for_update(of=Submission)
        submission = session.scalars(query).unique().one_or_none()
        if submission is None:
            raise NotFound(f"There is no submission {submission_id}.")
        return submission

    @staticmethod
    def _check(name: str, submission: Submission) -> str:
        transition = TRANSITIONS[name]
        if submission.status not in transition.sources:
            allowed = " or ".join(sorted(s.value for s in transition.sources))
            raise InvalidTransition(
                f"Submission {submission.id} is {submission.status}; {name.replace('_', ' ')} is possible "
                f"only when it is {allowed}."
                + (" Claim it first." if submission.status == Status.PENDING_REVIEW
                   and name in DECISION_ACTIONS else "")
            )
        return submission.status

    def _ensure_holder(self, submission: Submission, actor: User, now: datetime) -> None:
        if submission.claimed_by_id != actor.id:
            holder = submission.claimed_by.name if submission.claimed_by else "nobody"
            raise ClaimConflict(f"Submission {submission.id} is claimed by {holder}, not you; "
                                "only the reviewer holding the claim can act on it.")
        if submission.claimed_until is None or submission.claimed_until <= now:
            raise ClaimConflict(f"Your claim on submission {submission.id} lapsed at "
                                f"{submission.claimed_until:%Y-%m-%d %H:%M:%S} UTC; claim it again.")

    def _cas_claim(self, session: Session, submission_id: int, actor: User, now: datetime) -> bool:
        result = session.execute(
            update(Submission)
            .where(Submission.id == submission_id, _claimable(now))
            .values(status=Status.IN_REVIEW.value, claimed_by_id=actor.id,
                    claimed_until=now + timedelta(seconds=self.settings.claim_lease_seconds), updated_at=now)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1  # type: ignore[attr-defined]

    @staticmethod
    def _explain_unclaimable(submission: Submission, actor: User, now: datetime) -> None:
        if submission.status == Status.IN_REVIEW:
            holder = submission.claimed_by.name if submission.claimed_by else "another reviewer"
            if submission.claimed_by_id == actor.id:
                raise ClaimConflict(f"You already hold submission {submission.id} until "
                                    f"{submission.claimed_until:%Y-%m-%d %H:%M:%S} UTC.")
            raise ClaimConflict(f"Submission {submission.id} is claimed by {holder} until "
                                f"{submission.claimed_until:%Y-%m-%d %H:%M:%S} UTC; pick another item.")
        if submission.status == Status.ESCALATED:
            raise InvalidTransition(f"Submission {submission.id} is escalated; an admin decides it without "
                                    "claiming it.")
        raise InvalidTransition(f"Submission {submission.id} is {submission.status}; only pending_review "
                                "items can be claimed.")

    @staticmethod
    def _move(submission: Submission, target: Status, now: datetime) -> None:
        submission.status = target.value
        submission.updated_at = now
        if target != Status.IN_REVIEW:
            submission.claimed_by_id = None
            submission.claimed_until = None
        if target in TERMINAL:
            submission.sla_due_at = None

    def _notify(self, session: Session, topic: str, submission: Submission, actor: User, now: datetime,
                *, action: str, reason: str = "") -> None:
        current = submission.versions[-1] if submission.versions else None
        categories = sorted({f["category"] for f in current.findings}) if current else []
        payload: dict[str, Any] = {
            "submission_id": submission.id, "status": submission.status, "action": action,
            "priority": _priority_name(submission.priority), "decision": submission.decision,
            "categories": categories, "account": submission.account, "actor": actor.name,
            "version": submission.current_version, "reason": reason, "at": now.isoformat(),
        }
        notifications.enqueue(session, self.settings, topic, payload, now)


# -- helpers ---------------------------------------------------------------------------------


def _require_decider(actor: User, what: str) -> None:
    if actor.role not in (Role.REVIEWER, Role.ADMIN):
        raise PermissionDenied(f"Your role is {actor.role}; only reviewers and admins can {what}.")


def _claimable(now: datetime) -> Any:
    return ((Submission.status == Status.PENDING_REVIEW.value)
            | ((Submission.status == Status.IN_REVIEW.value) & (Submission.claimed_until < now)))


def _queue_order(now: datetime) -> list[Any]:
    breached = case((Submission.sla_due_at <= now, 0), else_=1)
    return [breached, Submission.priority.desc(), Submission.submitted_at, Submission.id]


def _clean_key(key: str | None) -> str | None:
    if key is None:
        return None
    key = key.strip()
    if not key:
        return None
    if len(key) > MAX_KEY_CHARS:
        raise InvalidRequest(f"The idempotency key is {len(key)} characters; keep it under {MAX_KEY_CHARS}.")
    return key


def _priority_name(value: int) -> Literal["high", "normal"]:
    return "high" if value >= Priority.HIGH else "normal"


def _version(number: int, text: str, result: ScreeningResult, now: datetime) -> SubmissionVersion:
    payload = result.to_dict()
    return SubmissionVersion(
        number=number, text=text, text_sha256=sha256_text(text),
        decision=result.decision, findings=payload["findings"], scores=payload["scores"],
        errors=payload["errors"], language=result.language, policy_version=result.policy_version, created_at=now)


def _screening_reason(result: ScreeningResult, account: str | None,
                      needs_approval: Callable[[str | None], bool]) -> str:
    categories = ", ".join(result.flagged_categories) or "no findings"
    reason = f"Screening decision {result.decision} ({categories})"
    if result.errors:
        reason += f"; {len(result.errors)} detector(s) failed, so it fails closed to review"
    if result.decision == "allow" and needs_approval(account):
        reason += f"; account {account} needs approval for every post"
    return reason + "."


def _version_view(v: SubmissionVersion) -> VersionView:
    return VersionView(v.number, v.text, v.text_sha256, v.decision, list(v.findings), dict(v.scores),
                       list(v.errors), v.language, v.policy_version, v.created_at)


def _authorisation_view(record: Authorisation) -> AuthorisationView:
    return AuthorisationView(record.id, record.submission_id, record.version,
                             record.authorised_by.name if record.authorised_by else None, record.basis,
                             record.authorised_at, record.text_sha256, record.reason)


def _view_of(submission: Submission, now: datetime) -> SubmissionView:
    current = next(v for v in submission.versions if v.number == submission.current_version)
    breached = submission.sla_breached_at is not None or (
        submission.sla_due_at is not None and submission.sla_due_at <= now
        and submission.status in {s.value for s in QUEUE_STATUSES})
    return SubmissionView(
        id=submission.id, status=Status(submission.status), priority=_priority_name(submission.priority),
        decision=submission.decision, account=submission.account, author=submission.author.name,
        author_id=submission.author_id, current_version=submission.current_version, text=current.text,
        text_sha256=current.text_sha256, findings=list(current.findings), scores=dict(current.scores),
        created_at=submission.created_at, updated_at=submission.updated_at, submitted_at=submission.submitted_at,
        sla_due_at=submission.sla_due_at, sla_breached=breached,
        claimed_by=submission.claimed_by.name if submission.claimed_by else None,
        claimed_until=submission.claimed_until, idempotency_key=submission.idempotency_key,
    )
