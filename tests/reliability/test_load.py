"""Load: 50 authors submit 2,000 drafts in all while 10 reviewers claim and decide, against a real
uvicorn server on a fresh SQLite database. Every acknowledged submission is stored exactly once,
no item is decided twice, and no request gets a 5xx.

``RELIABILITY_LOAD_DRAFTS`` changes the total (default 2,000); the run is bounded by a time budget.
"""

from __future__ import annotations

import json
import os
import time

import pytest
from sqlalchemy import func, select

from tests.conftest import run_cli
from tests.reliability.live import add_users
from tests.reliability.workload import run_workload

pytestmark = [pytest.mark.slow, pytest.mark.integration, pytest.mark.model]

AUTHORS = 50
REVIEWERS = 10
TOTAL_DRAFTS = int(os.environ.get("RELIABILITY_LOAD_DRAFTS", "2000"))
PG_TOTAL_DRAFTS = int(os.environ.get("RELIABILITY_PG_LOAD_DRAFTS", "600"))
BUDGET_S = float(os.environ.get("RELIABILITY_LOAD_BUDGET_S", "420"))
DECISION_ACTIONS = ("approve", "reject", "request_changes", "escalate")


def check_store(database_url: str, tally) -> dict[str, int]:
    """Assert the database holds every acknowledged submission exactly once, decided at most once."""
    from approval_queue.db import Database
    from approval_queue.models import Event, Submission, SubmissionVersion, User

    database = Database(database_url)
    try:
        with database.read() as session:
            rows = session.execute(
                select(Submission.id, User.name, Submission.idempotency_key, SubmissionVersion.text)
                .join(User, User.id == Submission.author_id)
                .join(SubmissionVersion, SubmissionVersion.submission_id == Submission.id)
            ).all()
            by_key = {(name, key): (sid, text) for sid, name, key, text in rows}
            assert len(by_key) == len(rows), "a (author, idempotency key) pair was stored twice"
            for pair, sid in tally.acknowledged.items():
                assert pair in by_key, f"acknowledged submission {pair} is missing"
                assert by_key[pair] == (sid, tally.texts[pair]), f"{pair} stored with another id or text"
            decisions = dict(session.execute(
                select(Event.submission_id, func.count()).where(Event.action.in_(DECISION_ACTIONS))
                .group_by(Event.submission_id)).all())
            twice = {sid: n for sid, n in decisions.items() if n > 1}
            assert twice == {}, f"items decided more than once: {twice}"
            events = session.scalar(select(func.count()).select_from(Event))
            undecided = session.scalar(select(func.count()).select_from(Submission)
                                       .where(Submission.status.in_(("pending_review", "in_review"))))
        return {"stored": len(rows), "decided": len(decisions), "events": int(events or 0),
                "left_in_queue": int(undecided or 0)}
    finally:
        database.dispose()


def verify_audit_log(database_url: str) -> str:
    completed = run_cli("audit-log", "--database-url", database_url, "verify")
    output = completed.stdout.decode() + completed.stderr.decode()
    assert completed.returncode == 0, output
    return output.strip()


def test_fifty_authors_and_ten_reviewers_lose_nothing_and_decide_nothing_twice(live_server):
    run_load(live_server, TOTAL_DRAFTS, "sqlite")


def test_the_same_load_on_postgresql_loses_nothing(live_postgres_server):
    run_load(live_postgres_server, PG_TOTAL_DRAFTS, "postgresql")


def run_load(live_server, total_drafts: int, database: str) -> None:
    started_in = live_server.start()
    tokens = add_users(live_server.database_url,
                       [(f"author{i:02d}", "author") for i in range(AUTHORS)]
                       + [(f"reviewer{i:02d}", "reviewer") for i in range(REVIEWERS)])
    authors = {n: t for n, t in tokens.items() if n.startswith("author")}
    reviewers = {n: t for n, t in tokens.items() if n.startswith("reviewer")}

    started = time.monotonic()
    tally = run_workload(live_server.base_url, authors, reviewers, total_drafts // AUTHORS, BUDGET_S)
    elapsed = time.monotonic() - started

    assert tally.server_errors == [], tally.server_errors[:5]
    assert len(tally.acknowledged) == total_drafts, f"only {len(tally.acknowledged)} acknowledged in {elapsed:.0f}s"
    assert all(n == 1 for n in tally.decided.values())
    figures = check_store(live_server.database_url, tally)
    assert figures["stored"] == total_drafts
    audit = verify_audit_log(live_server.database_url)

    latencies = sorted(tally.latencies)
    figures.update(
        database=database, drafts=total_drafts, authors=AUTHORS, reviewers=REVIEWERS, server_start_s=round(started_in, 1),
        seconds=round(elapsed, 1), requests=sum(tally.statuses.values()),
        statuses={str(k): v for k, v in sorted(tally.statuses.items())},
        p50_ms=round(1000 * latencies[len(latencies) // 2]), p95_ms=round(1000 * latencies[int(len(latencies) * .95)]),
        submissions_per_s=round(total_drafts / elapsed, 1), audit=audit,
    )
    print("LOAD FIGURES " + json.dumps(figures))
