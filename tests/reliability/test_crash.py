"""Crash: the server is killed with SIGKILL in the middle of the load and started again on the same
database. Every submission acknowledged before the kill is there and consistent, clients retrying
with their idempotency keys get their first submission back, the audit chain verifies, and
nothing is half-written (no submission without its version and submit event, no event without
its submission, every status the one its last event says).
"""

from __future__ import annotations

import json
import os
import threading
import time

import httpx
import pytest
from sqlalchemy import func, select

from tests.reliability.live import add_users
from tests.reliability.test_load import check_store, verify_audit_log
from tests.reliability.workload import run_workload

pytestmark = [pytest.mark.slow, pytest.mark.integration, pytest.mark.model]

AUTHORS = 20
REVIEWERS = 5
PER_AUTHOR = int(os.environ.get("RELIABILITY_CRASH_PER_AUTHOR", "15"))
KILL_AFTER = 60  # acknowledged submissions before the kill
BUDGET_S = 300.0


def assert_nothing_half_written(database_url: str) -> None:
    from approval_queue.db import Database
    from approval_queue.models import Authorisation, Event, Submission, SubmissionVersion

    database = Database(database_url)
    try:
        with database.read() as session:
            without_version = session.scalars(select(Submission.id).where(
                ~select(SubmissionVersion.id).where(SubmissionVersion.submission_id == Submission.id).exists())).all()
            assert without_version == [], f"submissions without a stored text: {without_version}"
            without_submit = session.scalars(select(Submission.id).where(~select(Event.seq).where(
                Event.submission_id == Submission.id, Event.action == "submit").exists())).all()
            assert without_submit == [], f"submissions without their submit event: {without_submit}"
            orphans = session.scalars(select(Event.seq).where(Event.submission_id.is_not(None), ~select(
                Submission.id).where(Submission.id == Event.submission_id).exists())).all()
            assert orphans == [], f"events about submissions that do not exist: {orphans}"
            last_seq = (select(Event.submission_id, func.max(Event.seq).label("seq"))
                        .where(Event.submission_id.is_not(None)).group_by(Event.submission_id).subquery())
            mismatched = session.execute(
                select(Submission.id, Submission.status, Event.to_status)
                .join(last_seq, last_seq.c.submission_id == Submission.id)
                .join(Event, Event.seq == last_seq.c.seq)
                .where(Event.to_status != Submission.status)).all()
            assert mismatched == [], f"status differs from the last event: {mismatched[:5]}"
            unrecorded = session.scalars(select(Submission.id).where(
                Submission.status == "authorised",
                ~select(Authorisation.id).where(Authorisation.submission_id == Submission.id).exists())).all()
            assert unrecorded == [], f"authorised without an authorisation record: {unrecorded}"
    finally:
        database.dispose()


def test_sigkill_mid_load_keeps_every_acknowledged_submission(live_server):
    live_server.start()
    tokens = add_users(live_server.database_url,
                       [(f"author{i:02d}", "author") for i in range(AUTHORS)]
                       + [(f"reviewer{i:02d}", "reviewer") for i in range(REVIEWERS)])
    authors = {n: t for n, t in tokens.items() if n.startswith("author")}
    reviewers = {n: t for n, t in tokens.items() if n.startswith("reviewer")}

    result: dict[str, object] = {}
    load = threading.Thread(target=lambda: result.update(tally=run_workload(
        live_server.base_url, authors, reviewers, PER_AUTHOR, BUDGET_S)))
    load.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and "tally" not in result:
        # The clients' tally lives inside run_workload: watch the database to pick the moment.
        if _count_submissions(live_server.database_url) >= KILL_AFTER:
            break
        time.sleep(0.2)
    live_server.kill()
    killed_at = time.monotonic()
    stored_at_kill = _count_submissions(live_server.database_url)
    restart_s = live_server.start()
    downtime_s = time.monotonic() - killed_at
    load.join(timeout=BUDGET_S + 60)
    assert not load.is_alive(), "the load did not finish in its time budget"
    tally = result["tally"]

    assert tally.server_errors == [], tally.server_errors[:5]
    assert len(tally.acknowledged) == AUTHORS * PER_AUTHOR
    figures = check_store(live_server.database_url, tally)
    assert figures["stored"] == AUTHORS * PER_AUTHOR
    assert_nothing_half_written(live_server.database_url)

    # A client that never saw its answer sends the same key again: it gets the first submission.
    replayed = 0
    for (name, key), sid in list(tally.acknowledged.items())[:100]:
        response = httpx.post(f"{live_server.base_url}/api/v1/submissions", timeout=30,
                              headers={"authorization": f"Bearer {authors[name]}"},
                              json={"text": tally.texts[(name, key)], "idempotency_key": key})
        assert response.status_code == 200, response.text
        assert response.json()["id"] == sid
        replayed += 1
    audit = verify_audit_log(live_server.database_url)
    figures.update(stored_at_kill=stored_at_kill, restart_s=round(restart_s, 1),
                   downtime_s=round(downtime_s, 1), transport_errors=tally.transport_errors,
                   replayed_keys=replayed, statuses={str(k): v for k, v in sorted(tally.statuses.items())},
                   audit=audit)
    print("CRASH FIGURES " + json.dumps(figures))


def _count_submissions(database_url: str) -> int:
    from approval_queue.db import Database
    from approval_queue.models import Submission

    database = Database(database_url)
    try:
        with database.read() as session:
            return int(session.scalar(select(func.count()).select_from(Submission)) or 0)
    finally:
        database.dispose()
