"""Incidents: a published post or a concern, reported by anyone signed in, investigated by the
Social Media Officer (reviewers) and admins, linked to the submissions it concerns.

Every note is kept; a note may move the incident between ``open``, ``investigating`` and
``closed`` (closing needs an outcome). Each change also goes on the hash-chained event log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from approval_queue.db import Database
from approval_queue.errors import InvalidRequest, NotFound, PermissionDenied
from approval_queue.models import Incident, IncidentLink, IncidentNote, IncidentStatus, Role, Submission, User
from approval_queue.services.audit import append_event

INVESTIGATORS = frozenset({Role.REVIEWER, Role.ADMIN})
MAX_TEXT_CHARS = 5000


@dataclass(frozen=True, slots=True)
class NoteView:
    author: str
    text: str
    status: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class IncidentView:
    id: int
    title: str
    description: str
    post_url: str
    account: str
    status: IncidentStatus
    outcome: str
    reported_by: str
    reported_by_id: int
    created_at: datetime
    updated_at: datetime
    submission_ids: list[int]
    notes: list[NoteView]


def _text(value: str, what: str, limit: int = MAX_TEXT_CHARS, required: bool = True,
          fix: str = "write a sentence or two") -> str:
    value = (value or "").strip()
    if required and not value:
        raise InvalidRequest(f"The {what} is empty; {fix}.")
    if len(value) > limit:
        raise InvalidRequest(f"The {what} is {len(value):,} characters; keep it under {limit:,}.")
    return value


def parse_submission_ids(value: str) -> list[int]:
    """``"12, 15 #17"`` -> ``[12, 15, 17]``; a word that is not a number is refused with its value."""
    ids = []
    for part in value.replace(",", " ").split():
        part = part.lstrip("#")
        if not part.isdigit():
            raise InvalidRequest(f"{part!r} is not a submission number; give numbers such as 12, 15.")
        ids.append(int(part))
    return sorted(set(ids))


class IncidentService:
    """Report, list, read and investigate incidents."""

    def __init__(self, db: Database, clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self.clock = clock or (lambda: datetime.now(UTC))

    def report(self, actor: User, title: str, description: str, post_url: str = "", account: str = "",
               submission_ids: Iterable[int] = ()) -> IncidentView:
        title = _text(title, "title", 200, fix="give the incident a short title")
        description = _text(description, "description")
        post_url = _text(post_url, "post link", 500, required=False)
        if post_url and not post_url.startswith(("https://", "http://")):
            raise InvalidRequest(f"The post link {post_url!r} is not a web address; paste the https:// link.")
        now = self.clock()
        with self.db.write() as session:
            incident = Incident(title=title, description=description, post_url=post_url,
                                account=account.strip()[:200], status=IncidentStatus.OPEN.value, outcome="",
                                reported_by_id=actor.id, created_at=now, updated_at=now)
            session.add(incident)
            session.flush()
            self._link(session, actor, incident, submission_ids)
            append_event(session, action="incident_reported", actor=actor, now=now,
                         reason=f"incident {incident.id} reported")
            incident_id = incident.id
        return self.get(actor, incident_id)

    def list_incidents(self, actor: User, status: IncidentStatus | None = None) -> list[IncidentView]:
        """Investigators see every incident; anyone else the ones they reported."""
        with self.db.read() as session:
            query = select(Incident).order_by(Incident.created_at.desc(), Incident.id.desc())
            if actor.role not in INVESTIGATORS:
                query = query.where(Incident.reported_by_id == actor.id)
            if status is not None:
                query = query.where(Incident.status == status.value)
            return [self._view(session, i) for i in session.scalars(query)]

    def get(self, actor: User, incident_id: int) -> IncidentView:
        with self.db.read() as session:
            incident = session.get(Incident, incident_id)
            if incident is None or (actor.role not in INVESTIGATORS and incident.reported_by_id != actor.id):
                raise NotFound(f"There is no incident {incident_id} that you can see.")
            return self._view(session, incident)

    def add_note(self, actor: User, incident_id: int, text: str, status: IncidentStatus | None = None,
                 outcome: str = "") -> IncidentView:
        """Log a note; optionally move the incident to ``status`` (``closed`` needs an ``outcome``)."""
        if actor.role not in INVESTIGATORS:
            raise PermissionDenied(f"Your role is {actor.role}; only reviewers and admins investigate incidents.")
        text = _text(text, "note")
        outcome = _text(outcome, "outcome", required=False)
        if status is IncidentStatus.CLOSED and not outcome:
            raise InvalidRequest("Closing an incident needs an outcome: say what was done.")
        now = self.clock()
        with self.db.write() as session:
            incident = session.get(Incident, incident_id)
            if incident is None:
                raise NotFound(f"There is no incident {incident_id}.")
            moved = status is not None and status.value != incident.status
            session.add(IncidentNote(incident_id=incident_id, author_id=actor.id, text=text,
                                     status=status.value if moved and status else None, created_at=now))
            if moved and status is not None:
                append_event(session, action="incident_status", actor=actor, now=now,
                             reason=f"incident {incident_id}: {incident.status} -> {status.value}")
                incident.status = status.value
            if outcome:
                incident.outcome = outcome
            incident.updated_at = now
        return self.get(actor, incident_id)

    def link(self, actor: User, incident_id: int, submission_ids: Iterable[int]) -> IncidentView:
        if actor.role not in INVESTIGATORS:
            raise PermissionDenied(f"Your role is {actor.role}; only reviewers and admins link submissions.")
        with self.db.write() as session:
            incident = session.get(Incident, incident_id)
            if incident is None:
                raise NotFound(f"There is no incident {incident_id}.")
            self._link(session, actor, incident, submission_ids)
            incident.updated_at = self.clock()
        return self.get(actor, incident_id)

    @staticmethod
    def _link(session: Session, actor: User, incident: Incident, submission_ids: Iterable[int]) -> None:
        existing = set(session.scalars(select(IncidentLink.submission_id)
                                       .where(IncidentLink.incident_id == incident.id)))
        for submission_id in sorted(set(submission_ids) - existing):
            submission = session.get(Submission, submission_id)
            # An author may only point at their own drafts: anything else would reveal that it exists.
            if submission is None or (actor.role not in INVESTIGATORS and submission.author_id != actor.id):
                raise InvalidRequest(f"There is no submission {submission_id} that you can link; "
                                     "check the number on its page.")
            session.add(IncidentLink(incident_id=incident.id, submission_id=submission_id))

    @staticmethod
    def _view(session: Session, incident: Incident) -> IncidentView:
        links = session.scalars(select(IncidentLink.submission_id).where(IncidentLink.incident_id == incident.id)
                                .order_by(IncidentLink.submission_id)).all()
        notes = session.scalars(select(IncidentNote).where(IncidentNote.incident_id == incident.id)
                                .order_by(IncidentNote.created_at, IncidentNote.id)).all()
        return IncidentView(
            incident.id, incident.title, incident.description, incident.post_url, incident.account,
            IncidentStatus(incident.status), incident.outcome, incident.reported_by.name, incident.reported_by_id,
            incident.created_at, incident.updated_at, list(links),
            [NoteView(n.author.name, n.text, n.status, n.created_at) for n in notes])
