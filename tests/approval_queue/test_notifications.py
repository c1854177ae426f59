"""Notifications through the outbox, delivered to real receivers on 127.0.0.1: an HTTP server for
webhooks and a small SMTP server (asyncio) for e-mail. Retries with backoff, giving up, and delivery
by the service's own background loop."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.approval_queue.conftest import BLOCKED, CLEAN, FLAGGED, free_port

pytestmark = pytest.mark.model


class WebhookReceiver:
    """An HTTP server that records JSON bodies; the first ``fail_first`` requests get a 500."""

    def __init__(self, fail_first: int = 0) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.requests = 0
        self.fail_first = fail_first
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802  (the http.server API)
                body = self.rfile.read(int(self.headers["content-length"]))
                receiver.requests += 1
                failing = receiver.requests <= receiver.fail_first
                if not failing:
                    receiver.bodies.append(json.loads(body))
                self.send_response(500 if failing else 204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> WebhookReceiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class SmtpReceiver:
    """Enough of RFC 5321 for smtplib: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[tuple[list[str], bytes]] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        def reply(line: str) -> None:
            writer.write(line.encode() + b"\r\n")

        recipients: list[str] = []
        reply("220 localhost test SMTP")
        while line := await reader.readline():
            verb = line.decode().strip().split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                reply("250 localhost")
            elif verb == "MAIL":
                recipients = []
                reply("250 OK")
            elif verb == "RCPT":
                recipients.append(line.decode().split(":", 1)[1].strip().strip("<>"))
                reply("250 OK")
            elif verb == "DATA":
                reply("354 End data with <CR><LF>.<CR><LF>")
                await writer.drain()
                data = bytearray()
                while (chunk := await reader.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                self.messages.append((recipients, bytes(data)))
                reply("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                reply("250 OK")
            elif verb == "QUIT":
                reply("221 Bye")
                await writer.drain()
                break
            else:
                reply("502 Command not implemented")
            await writer.drain()
        writer.close()

    def __enter__(self) -> SmtpReceiver:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._session, "127.0.0.1", self.port), self.loop).result(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@pytest.fixture()
def receivers() -> Iterator[tuple[WebhookReceiver, SmtpReceiver]]:
    with WebhookReceiver(fail_first=1) as webhook, SmtpReceiver() as smtp:
        yield webhook, smtp


def notifying_service(queue_settings, screener, app, webhook, smtp, **extra):
    from approval_queue.notifications import OutboxWorker
    from approval_queue.services.submissions import QueueService

    settings = queue_settings.model_copy(update={
        "webhook_urls": [webhook.url], "smtp_host": "127.0.0.1", "smtp_port": smtp.port,
        "mail_to": ["officer@example.org", "deputy@example.org"], "notify_backoff_seconds": 0.05, **extra})
    return QueueService(app.state.db, settings, screener), OutboxWorker(app.state.db, settings)


def drain(worker, until, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not until() and time.monotonic() < deadline:
        worker.deliver_due()
        time.sleep(0.05)


def test_new_flagged_items_decisions_and_escalations_are_notified_with_retry(
        app, people, queue_settings, screener, receivers):
    webhook, smtp = receivers
    service, worker = notifying_service(queue_settings, screener, app, webhook, smtp)
    alice, rob = people.user("alice"), people.user("rob")
    service.submit(alice, CLEAN)  # authorised at once: nobody needs telling
    flagged = service.submit(alice, FLAGGED).submission.id
    blocked = service.submit(alice, BLOCKED).submission.id
    service.claim(rob, flagged)
    service.approve(rob, flagged, "Caller agreed to be named.")
    service.claim(rob, blocked)
    service.escalate(rob, blocked, "Payroll data.")

    first = worker.deliver_due()
    assert (first.delivered, first.retried, first.failed) == (7, 1, 0)  # 4 e-mails + 3 webhooks, 1 got a 500
    drain(worker, lambda: len(webhook.bodies) == 4)

    assert sorted((b["topic"], b["submission_id"]) for b in webhook.bodies) == sorted(
        [("submitted", flagged), ("submitted", blocked), ("decided", flagged), ("escalated", blocked)])
    assert webhook.requests == 5
    by_topic = {(b["topic"], b["submission_id"]): b for b in webhook.bodies}
    assert by_topic[("submitted", blocked)]["priority"] == "high"
    assert by_topic[("decided", flagged)]["status"] == "authorised"
    assert by_topic[("decided", flagged)]["categories"] == ["pii"]

    assert len(smtp.messages) == 4
    recipients, raw = smtp.messages[1]
    assert recipients == ["officer@example.org", "deputy@example.org"]
    subjects = sorted(message_from_bytes(m[1])["Subject"] for m in smtp.messages)
    assert f"[HIGH PRIORITY] Draft {blocked} is waiting for review" in subjects
    assert f"Draft {blocked} was escalated to the admins" in subjects

    # The draft itself never leaves the service in a notification.
    for text in ("Jane Doe", "07700 900123", "QQ 12 34 56 C"):
        assert text not in json.dumps(webhook.bodies)
        assert all(text.encode() not in m[1] for m in smtp.messages)


def test_undeliverable_notification_is_retried_with_backoff_then_given_up(app, people, queue_settings, screener):
    from approval_queue.models import OutboxMessage

    dead = type("Dead", (), {"url": f"http://127.0.0.1:{free_port()}/nobody-listens"})()
    smtp_dead = type("Dead", (), {"port": free_port()})()
    service, worker = notifying_service(queue_settings, screener, app, dead, smtp_dead, notify_max_attempts=3)
    service.submit(people.user("alice"), FLAGGED)
    attempts = []
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        report = worker.deliver_due()
        attempts.append((report.retried, report.failed))
        if sum(f for _, f in attempts) == 2:  # both messages given up
            break
        time.sleep(0.02)
    with app.state.db.read() as session:
        rows = session.query(OutboxMessage).all()
        assert [(r.attempts, r.failed_at is not None, r.delivered_at) for r in rows] == [(3, True, None)] * 2
        assert all("Error" in (r.last_error or "") for r in rows)
        gaps = [(r.next_attempt_at - r.created_at).total_seconds() for r in rows]
    assert all(gap >= 0.05 + 0.1 + 0.2 for gap in gaps)  # waits doubled after each failed attempt
    assert sum(r for r, _ in attempts) == 4  # two messages, each retried twice


def test_service_background_loop_delivers_off_the_request_path(people, queue_settings, screener):
    from approval_queue.main import create_app
    from fastapi.testclient import TestClient

    with WebhookReceiver() as webhook:
        settings = queue_settings.model_copy(update={
            "webhook_urls": [webhook.url], "background_tasks": True, "outbox_poll_seconds": 0.1})
        with TestClient(create_app(settings=settings, screener=screener)) as api:
            response = api.post("/api/v1/submissions", json={"text": FLAGGED}, headers=people["alice"].headers)
            assert response.status_code == 201
            deadline = time.monotonic() + 15
            while not webhook.bodies and time.monotonic() < deadline:
                time.sleep(0.05)
    assert [(b["topic"], b["submission_id"]) for b in webhook.bodies] == [("submitted", response.json()["id"])]
