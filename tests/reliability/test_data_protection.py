"""Data protection: retention purges decided drafts' text after N days while the audit record
(hashes, decisions, events) stays and the chain still verifies; a subject access export holds
everything about one person, through the API and the CLI.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import run_cli
from tests.reliability.conftest import bearer

pytestmark = pytest.mark.model

DECIDED = "Ring Thessaly Brackenridge on 07700 900555 about the Penhallow grant."
CLEAN = "Our Penhallow welding open day starts at nine on Saturday."
PENDING = "Ask Corvina Ashdown-Pryce about her Penhallow appeal, 07700 900556."
SECRETS = ["Thessaly", "Brackenridge", "Corvina", "Penhallow"]


def _decide_some(client) -> dict[str, int]:
    """An approved, a rejected, an auto-authorised and a pending submission by ``author``."""
    state = client.app.state
    author, reviewer = state.users.by_token(client.tokens["author"]), state.users.by_token(client.tokens["reviewer"])
    ids = {}
    for name, action in (("approved", "approve"), ("rejected", "reject")):
        sid = state.queue.submit(author, DECIDED).submission.id
        state.queue.claim(reviewer, sid)
        state.queue.decide(reviewer, sid, action, "Checked.")
        ids[name] = sid
    ids["clean"] = state.queue.submit(author, CLEAN).submission.id
    ids["pending"] = state.queue.submit(author, PENDING).submission.id
    return ids


def _raw_database_bytes(client, settings) -> bytes:
    database = Path(settings.resolved_database_url.removeprefix("sqlite:///"))
    client.app.state.db.dispose()
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))


def test_retention_purges_decided_text_and_keeps_the_audit_record(queue_client, queue_settings):
    from approval_queue.models import Authorisation, Event, SubmissionVersion
    from approval_queue.services.audit import verify_chain
    from approval_queue.services.data_protection import purge_decided_text

    db = queue_client.app.state.db
    ids = _decide_some(queue_client)
    with db.read() as session:
        before = {v.submission_id: (v.text_sha256, v.decision, [(f["label"], f["start"], f["end"]) for f in v.findings])
                  for v in session.scalars(select(SubmissionVersion))}
        events_before = [(e.seq, e.hash) for e in session.scalars(select(Event).order_by(Event.seq))]
        authorisations = {a.submission_id: a.text_sha256 for a in session.scalars(select(Authorisation))}

    assert purge_decided_text(db, retention_days=60, now=datetime.now(UTC) + timedelta(days=31)).submissions == 0
    report = purge_decided_text(db, retention_days=30, now=datetime.now(UTC) + timedelta(days=31))
    assert (report.submissions, report.versions) == (3, 3)  # approved, rejected, clean; not the pending one
    assert purge_decided_text(db, retention_days=30, now=datetime.now(UTC) + timedelta(days=32)).submissions == 0

    with db.read() as session:
        versions = {v.submission_id: v for v in session.scalars(select(SubmissionVersion))}
        for name in ("approved", "rejected", "clean"):
            version = versions[ids[name]]
            assert version.text == ""
            assert all(f["text"] == "" for f in version.findings)
            assert before[ids[name]] == (version.text_sha256, version.decision,
                                         [(f["label"], f["start"], f["end"]) for f in version.findings])
        assert versions[ids["pending"]].text == PENDING  # undecided: kept
        events = list(session.scalars(select(Event).order_by(Event.seq)))
        assert [(e.seq, e.hash) for e in events[:len(events_before)]] == events_before  # nothing rewritten
        assert [e.action for e in events[len(events_before):]] == ["text_purged"] * 3
        assert {a.submission_id: a.text_sha256 for a in session.scalars(select(Authorisation))} == authorisations
        assert verify_chain(session).ok

    detail = queue_client.get(f"/api/v1/submissions/{ids['approved']}",
                              headers=bearer(queue_client.tokens["author"])).json()
    assert detail["status"] == "authorised" and detail["text"] == ""
    raw = _raw_database_bytes(queue_client, queue_settings)
    assert b"Thessaly" not in raw, "the purged text is still in the database file (free pages or WAL)"
    assert b"Corvina" in raw  # the undecided draft is still there


def test_retention_command_needs_a_period_and_reports_what_it_did(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    missing = run_cli("retention", "--database-url", url, "purge")
    assert missing.returncode == 2
    assert b"--days" in missing.stderr
    done = run_cli("retention", "--database-url", url, "purge", "--days", "30")
    assert done.returncode == 0, done.stderr
    assert b"Purged the text of 0 versions" in done.stdout


def test_admin_exports_everything_held_about_one_author(queue_client):
    ids = _decide_some(queue_client)
    admin = bearer(queue_client.tokens["admin"])
    author_id = queue_client.get("/api/v1/users/me", headers=bearer(queue_client.tokens["author"])).json()["id"]
    response = queue_client.get(f"/api/v1/users/{author_id}/export", headers=admin)
    assert response.status_code == 200
    export = response.json()
    assert export["user"]["name"] == "author"
    assert "token_hash" not in json.dumps(export) and "password_hash" not in json.dumps(export)
    assert sorted(s["id"] for s in export["submissions"]) == sorted(ids.values())
    texts = {s["id"]: s["versions"][0]["text"] for s in export["submissions"]}
    assert texts[ids["pending"]] == PENDING
    actions = [e["action"] for e in export["events"]]
    assert actions.count("submit") == 4 and {"approve", "reject", "claim"} <= set(actions)


@pytest.mark.parametrize(("who", "status"), [("author", 403), ("reviewer", 403), (None, 401)])
def test_only_admins_may_export_a_person(queue_client, who, status):
    headers = bearer(queue_client.tokens[who]) if who else {}
    assert queue_client.get("/api/v1/users/1/export", headers=headers).status_code == status


def test_export_of_an_unknown_user_is_404(queue_client):
    assert queue_client.get("/api/v1/users/999/export", headers=bearer(queue_client.tokens["admin"])).status_code == 404


def test_users_export_command_prints_the_persons_data(tmp_path, screener):
    from approval_queue.core.config import Settings
    from approval_queue.db import open_database
    from approval_queue.services.submissions import QueueService
    from approval_queue.services.users import UserService

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    database = open_database(url)
    users = UserService(database)
    users.add("casey", "author")
    casey = users.by_token(users.rotate_token("casey"))
    settings = Settings(environment="test", var_dir=tmp_path, database_url=url, background_tasks=False)
    QueueService(database, settings, screener).submit(casey, PENDING)
    database.dispose()
    completed = run_cli("users", "--database-url", url, "export", "casey")
    assert completed.returncode == 0, completed.stderr
    export = json.loads(completed.stdout)
    assert export["user"]["name"] == "casey"
    assert export["submissions"][0]["versions"][0]["text"] == PENDING
    assert run_cli("users", "--database-url", url, "export", "nobody").returncode == 2
