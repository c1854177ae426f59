"""Webhook and e-mail notifications through an outbox table, delivered off the request path.

The domain layer calls ``enqueue`` inside the same transaction as the change it reports, so a
notification exists exactly when the change committed. ``OutboxWorker.deliver_due`` (run by a
background task in the service, callable directly in tests) sends what is due, retrying failures
with exponential backoff up to ``notify_max_attempts``. Payloads carry ids, statuses and categories,
never the draft's text.
"""

from __future__ import annotations

import json
import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import httpx
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from approval_queue.core.config import Settings
from approval_queue.db import Database
from approval_queue.models import OutboxMessage

logger = logging.getLogger(__name__)

TOPICS = ("submitted", "decided", "escalated")
# How long a worker owns a message it is sending; another worker may retry it after this.
SEND_LEASE = timedelta(seconds=60)


def enqueue(session: Session, settings: Settings, topic: str, payload: dict[str, Any], now: datetime) -> int:
    """Add one outbox row per configured webhook and one for the e-mail recipients; return how many."""
    if topic not in TOPICS:
        raise ValueError(f"unknown notification topic {topic!r}")
    body = {"topic": topic, **payload}
    messages = [OutboxMessage(channel="webhook", target=url, topic=topic, payload=body, next_attempt_at=now,
                              created_at=now) for url in settings.webhook_urls]
    if settings.smtp_host and settings.mail_to:
        messages.append(OutboxMessage(channel="email", target=",".join(settings.mail_to), topic=topic,
                                      payload=body, next_attempt_at=now, created_at=now))
    session.add_all(messages)
    return len(messages)


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    delivered: int
    retried: int
    failed: int


class OutboxWorker:
    """Sends due outbox messages. Safe to run in several processes: each message is leased first."""

    def __init__(self, db: Database, settings: Settings, clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock or (lambda: datetime.now(UTC))

    def deliver_due(self, limit: int = 50) -> DeliveryReport:
        delivered = retried = failed = 0
        for message_id in self._lease_due(limit):
            with self.db.read() as session:
                message = session.get(OutboxMessage, message_id)
            assert message is not None
            try:
                self._send(message)
            except (httpx.HTTPError, OSError, smtplib.SMTPException, DeliveryError) as exc:
                gave_up = self._record_failure(message, f"{type(exc).__name__}: {exc}")
                failed += gave_up
                retried += not gave_up
            else:
                with self.db.write() as session:
                    session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id).values(
                        delivered_at=self.clock(), attempts=message.attempts + 1, locked_until=None))
                delivered += 1
                logger.info("notification %d (%s, %s) delivered", message_id, message.channel, message.topic)
        return DeliveryReport(delivered, retried, failed)

    def _lease_due(self, limit: int) -> list[int]:
        now = self.clock()
        query = (
            select(OutboxMessage.id)
            .where(OutboxMessage.delivered_at.is_(None), OutboxMessage.failed_at.is_(None),
                   OutboxMessage.next_attempt_at <= now,
                   or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now))
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
        with self.db.read() as session:
            # Most polls find nothing: look first, so an idle poll never takes SQLite's write lock.
            if session.scalar(query.with_only_columns(OutboxMessage.id).limit(1)) is None:
                return []
        with self.db.write() as session:
            if self.db.is_postgresql:
                query = query.with_for_update(skip_locked=True)
            ids = list(session.scalars(query))
            if ids:
                session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids))
                                .values(locked_until=now + SEND_LEASE))
        return ids

    def _record_failure(self, message: OutboxMessage, error: str) -> bool:
        attempts = message.attempts + 1
        now = self.clock()
        gave_up = attempts >= self.settings.notify_max_attempts
        delay = min(self.settings.notify_backoff_seconds * 2 ** (attempts - 1), self.settings.notify_backoff_max_seconds)
        with self.db.write() as session:
            session.execute(update(OutboxMessage).where(OutboxMessage.id == message.id).values(
                attempts=attempts, last_error=error[:2000], locked_until=None,
                next_attempt_at=now + timedelta(seconds=delay), failed_at=now if gave_up else None))
        log = logger.error if gave_up else logger.warning
        log("notification %d (%s) attempt %d failed: %s%s", message.id, message.channel, attempts, error,
            "; giving up" if gave_up else f"; retrying in {delay:.1f}s")
        return gave_up

    def _send(self, message: OutboxMessage) -> None:
        if message.channel == "webhook":
            response = httpx.post(message.target, json=message.payload, timeout=self.settings.notify_timeout_seconds,
                                  headers={"user-agent": "northfield-screening/0.1"})
            if response.status_code >= 300:
                raise DeliveryError(f"webhook answered HTTP {response.status_code}")
        elif message.channel == "email":
            self._send_mail(message)
        else:
            raise DeliveryError(f"unknown channel {message.channel!r}")

    def _send_mail(self, message: OutboxMessage) -> None:
        payload = message.payload
        mail = EmailMessage()
        mail["From"] = self.settings.mail_from
        mail["To"] = message.target
        mail["Subject"] = _subject(payload)
        mail.set_content(_mail_body(payload))
        assert self.settings.smtp_host is not None
        with smtplib.SMTP(self.settings.smtp_host, self.settings.smtp_port,
                          timeout=self.settings.notify_timeout_seconds) as smtp:
            smtp.send_message(mail)


class DeliveryError(Exception):
    """The receiver answered, but not with success."""


def _subject(payload: dict[str, Any]) -> str:
    topic = payload["topic"]
    number = payload.get("submission_id")
    if topic == "submitted":
        urgent = "[HIGH PRIORITY] " if payload.get("priority") == "high" else ""
        return f"{urgent}Draft {number} is waiting for review"
    if topic == "escalated":
        return f"Draft {number} was escalated to the admins"
    return f"Draft {number} was decided: {payload.get('status')}"


def _mail_body(payload: dict[str, Any]) -> str:
    lines = [_subject(payload), ""]
    lines += [f"{key}: {value}" for key, value in payload.items() if key != "topic"]
    lines += ["", "Open the approval queue to see the draft.", "",
              json.dumps(payload, sort_keys=True)]
    return "\n".join(lines)
