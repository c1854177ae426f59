"""`--enqueue` against a real HTTP server on loopback that keeps submissions by idempotency key."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from screening.audit.enqueue import enqueue_flagged
from screening.cli import main
from screening.errors import ConfigError


class _Queue(BaseHTTPRequestHandler):
    """Answers like the approval queue: 201 for a new key, 200 with the first submission for a repeat."""

    submissions: dict[str, dict[str, Any]] = {}
    tokens = {"good-token"}

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path != "/api/v1/submissions":
            self._answer(404, {"detail": "not found"})
        elif self.headers.get("Authorization", "").removeprefix("Bearer ") not in self.tokens:
            self._answer(401, {"detail": "no valid bearer token"})
        elif body["idempotency_key"] in self.submissions:
            self._answer(200, self.submissions[body["idempotency_key"]])
        else:
            record = {"id": len(self.submissions) + 1, **body}
            self.submissions[body["idempotency_key"]] = record
            self._answer(201, record)

    def _answer(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def queue_url() -> Iterator[str]:
    _Queue.submissions = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Queue)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


RECORDS = [
    {"row": 0, "id": "a", "decision": "allow", "account": "@NorthfieldInst"},
    {"row": 1, "id": "b", "decision": "review", "account": "@NorthfieldInst", "text": "Call Jo on 07700 900123"},
    {"row": 2, "id": "c", "decision": "block", "account": None, "text": "NI number QQ 12 34 56 C"},
    {"row": 3, "id": "d", "decision": "error", "account": None},
]


def test_flagged_posts_are_submitted_once_even_when_sent_again(queue_url: str, tmp_path: Path) -> None:
    first = enqueue_flagged(RECORDS, queue_url, "audit:abc", tmp_path, token="good-token")
    again = enqueue_flagged(RECORDS, queue_url, "audit:abc", tmp_path, token="good-token")
    assert (first.submitted, first.already_queued) == (2, 0)
    assert (again.submitted, again.already_queued) == (0, 2)
    sent = _Queue.submissions
    assert sorted(sent) == ["audit:abc:1", "audit:abc:2"]
    assert sent["audit:abc:1"]["account"] == "@NorthfieldInst" and "account" not in sent["audit:abc:2"]
    assert (tmp_path / "enqueued.csv").read_text().splitlines()[1:] == ["1,b,1,200", "2,c,2,200"]


def test_refused_token_is_a_config_error_naming_the_variable(queue_url: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SCREENING_QUEUE_TOKEN"):
        enqueue_flagged(RECORDS, queue_url, "k", tmp_path, token="wrong")


def test_missing_token_is_a_config_error(queue_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCREENING_QUEUE_TOKEN", raising=False)
    with pytest.raises(ConfigError, match="needs the approval queue's API token"):
        enqueue_flagged(RECORDS, queue_url, "k", tmp_path)


def test_enqueue_without_a_queue_url_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SCREENING_QUEUE_URL", raising=False)
    path = tmp_path / "posts.csv"
    path.write_text("text\nhello\n", encoding="utf-8")
    assert main(["audit", str(path), "-o", str(tmp_path / "out"), "--enqueue"]) == 2
    assert "--queue-url" in capsys.readouterr().err


@pytest.fixture()
def live_queue(tmp_path: Path, screener: Any) -> Iterator[tuple[str, str]]:
    """The real approval queue app on uvicorn (SQLite), with one author; yields (base URL, token)."""
    import socket
    import time

    import uvicorn
    from approval_queue.core.config import Settings
    from approval_queue.main import create_app

    settings = Settings(environment="test", var_dir=tmp_path / "var", database_url=f"sqlite:///{tmp_path / 'q.db'}",
                        background_tasks=False)
    app = create_app(settings=settings, screener=screener)
    app.state.db.migrate()
    _, token = app.state.users.add("auditor", "author")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", token
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.mark.model
@pytest.mark.integration
def test_audit_enqueue_puts_flagged_posts_in_the_real_queue_once(
    live_queue: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    url, token = live_queue
    monkeypatch.setenv("SCREENING_QUEUE_TOKEN", token)
    source = tmp_path / "posts.csv"
    source.write_text(
        "id,account,text\n"
        "1,@NorthfieldInst,Enrolment for our spring welding courses is now open.\n"
        "2,@NorthfieldInst,Please call Jane Doe on 07700 900123 about her complaint before Friday.\n"
        "3,,Her National Insurance number is QQ 12 34 56 C; please update the payroll.\n",
        encoding="utf-8",
    )
    args = ["audit", str(source), "-o", str(tmp_path / "out"), "-q", "--enqueue", "--queue-url", url]
    assert main(args) == 1
    assert main([*args, "--resume"]) == 1  # a rerun queues nothing twice
    queued = httpx.get(f"{url}/api/v1/submissions", headers={"Authorization": f"Bearer {token}"}).json()
    assert sorted(s["text"][:10] for s in queued) == ["Her Nation", "Please cal"]
    assert {s["status"] for s in queued} == {"pending_review"}
    log = (tmp_path / "out" / "enqueued.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[-1] for line in log[1:]] == ["200", "200"]
