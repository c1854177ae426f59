"""Concurrency against a real uvicorn server, on SQLite and PostgreSQL: 20 reviewers claiming at once
never hold the same item; 50 authors submitting at once (each sending its request twice, racing
itself on the idempotency key) get every acknowledged submission stored exactly once."""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import func, select

from tests.approval_queue.conftest import FLAGGED

pytestmark = [pytest.mark.slow, pytest.mark.model]

REVIEWERS = 20
ITEMS = 40
AUTHORS = 50


def _run_together(count: int, work):
    """Start ``count`` threads that all begin ``work(i)`` at the same instant; return the results."""
    barrier = threading.Barrier(count)

    def task(i: int):
        barrier.wait()
        return work(i)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(task, range(count)))


def test_twenty_reviewers_claiming_at_once_never_hold_the_same_item(live_server, people, service):
    author = people.user("alice")
    ids = {service.submit(author, f"{FLAGGED} Reference {n}.").submission.id for n in range(ITEMS)}
    reviewers = [people.add(f"reviewer{n:02d}", "reviewer") for n in range(REVIEWERS)]

    def claim_until_empty(i: int) -> list[int]:
        got: list[int] = []
        with httpx.Client(base_url=live_server, headers=reviewers[i].headers, timeout=60) as http:
            while (response := http.post("/api/v1/queue/claim")).status_code == 200:
                got.append(response.json()["id"])
            assert response.status_code == 204, response.text
        return got

    started = time.perf_counter()
    per_reviewer = _run_together(REVIEWERS, claim_until_empty)
    elapsed = time.perf_counter() - started
    claims = Counter(i for got in per_reviewer for i in got)
    print(f"\n[{service.db.dialect}] {REVIEWERS} reviewers claimed {sum(claims.values())} times over "
          f"{len(ids)} items in {elapsed:.2f}s; most by one reviewer {max(map(len, per_reviewer))}; "
          f"held twice: {sum(1 for c in claims.values() if c > 1)}")
    assert set(claims) == ids
    assert max(claims.values()) == 1
    ada = people.user("ada")
    for reviewer, got in zip(reviewers, per_reviewer, strict=True):
        for submission_id in got:
            assert service.get(ada, submission_id).submission.claimed_by == reviewer.name


def test_twenty_reviewers_racing_for_one_item_exactly_one_wins(live_server, people, service):
    sid = service.submit(people.user("alice"), FLAGGED).submission.id
    reviewers = [people.add(f"racer{n:02d}", "reviewer") for n in range(REVIEWERS)]

    def claim(i: int) -> int:
        with httpx.Client(base_url=live_server, headers=reviewers[i].headers, timeout=60) as http:
            return http.post(f"/api/v1/submissions/{sid}/claim").status_code

    codes = Counter(_run_together(REVIEWERS, claim))
    print(f"\n[{service.db.dialect}] one item, {REVIEWERS} simultaneous claims: {dict(codes)}")
    assert codes == {200: 1, 409: REVIEWERS - 1}
    events = [e.action for e in service.get(people.user("ada"), sid).events]
    assert events == ["submit", "claim"]


def test_fifty_authors_at_once_each_submission_stored_exactly_once(live_server, people, service):
    from approval_queue.models import Submission

    authors = [people.add(f"author{n:02d}", "author") for n in range(AUTHORS)]

    def submit(i: int) -> tuple[int, int, int]:
        # Each author's request goes out twice at once (a client retrying before the first answer).
        author = authors[i % AUTHORS]
        body = {"text": f"{FLAGGED} From author {i % AUTHORS}.", "idempotency_key": f"draft-{i % AUTHORS}"}
        with httpx.Client(base_url=live_server, headers=author.headers, timeout=120) as http:
            response = http.post("/api/v1/submissions", json=body)
        assert response.status_code in (200, 201), response.text
        return i % AUTHORS, response.json()["id"], response.status_code

    started = time.perf_counter()
    acknowledged = _run_together(2 * AUTHORS, submit)
    elapsed = time.perf_counter() - started
    by_author: dict[int, set[int]] = {}
    for author_index, submission_id, _ in acknowledged:
        by_author.setdefault(author_index, set()).add(submission_id)
    created = Counter(code for _, _, code in acknowledged)
    with service.db.read() as session:
        stored = session.execute(select(Submission.author_id, func.count()).group_by(Submission.author_id)).all()
    print(f"\n[{service.db.dialect}] {2 * AUTHORS} requests from {AUTHORS} authors in {elapsed:.2f}s: "
          f"{created[201]} created (201), {created[200]} replayed (200), {sum(c for _, c in stored)} rows stored")
    assert all(len(ids) == 1 for ids in by_author.values())  # both requests got the same submission
    assert len(by_author) == AUTHORS
    assert created[201] == AUTHORS and created[200] == AUTHORS
    assert sorted(count for _, count in stored) == [1] * AUTHORS
