"""Ageing: lapsed claims go back to the queue, SLA breaches are marked per priority, undecided items
expire; called directly with a chosen ``now``, and run by the service's background loop."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from tests.approval_queue.conftest import BLOCKED, CLEAN, FLAGGED

pytestmark = pytest.mark.model


@pytest.fixture()
def items(service, people):
    """One item in each open status, one authorised, one rejected; and the time they were made."""
    alice, rob = people.user("alice"), people.user("rob")
    start = datetime.now(UTC)
    made = {
        "pending": service.submit(alice, FLAGGED).submission.id,
        "blocked": service.submit(alice, BLOCKED).submission.id,
        "claimed": service.submit(alice, FLAGGED + " Thanks.").submission.id,
        "changes": service.submit(alice, FLAGGED + " Regards.").submission.id,
        "escalated": service.submit(alice, FLAGGED + " Cheers.").submission.id,
        "rejected": service.submit(alice, FLAGGED + " Bye.").submission.id,
        "authorised": service.submit(alice, CLEAN).submission.id,
    }
    for key in ("claimed", "changes", "escalated", "rejected"):
        service.claim(rob, made[key])
    service.request_changes(rob, made["changes"], "Remove the number.")
    service.escalate(rob, made["escalated"], "Unsure.")
    service.reject(rob, made["rejected"], "Not suitable.")
    return start, made


def _status(service, people, submission_id):
    return service.get(people.user("ada"), submission_id).submission.status


def test_expire_overdue_expires_every_undecided_item_after_the_expiry_period(service, people, items):
    start, made = items
    days = service.settings.expiry_days
    assert days == 90
    assert service.expire_overdue(start + timedelta(days=days - 1)) == []
    expired = service.expire_overdue(start + timedelta(days=days, minutes=1))
    assert sorted(expired) == sorted(made[k] for k in ("pending", "blocked", "claimed", "changes", "escalated"))
    assert _status(service, people, made["authorised"]) == "authorised"
    assert _status(service, people, made["rejected"]) == "rejected"
    assert _status(service, people, made["changes"]) == "expired"
    last = service.get(people.user("ada"), made["claimed"]).events[-1]
    assert (last.action, last.actor, last.from_status, last.to_status) == ("expire", "system", "in_review", "expired")
    assert service.expire_overdue(start + timedelta(days=days + 1)) == []


@pytest.mark.parametrize(
    ("hours_later", "breached"),
    [(3.5, set()), (4.5, {"blocked"}), (24.5, {"blocked", "pending", "claimed", "escalated"})],
)
def test_sla_breaches_are_marked_per_priority(service, people, items, hours_later, breached):
    start, made = items
    marked = service.mark_sla_breaches(start + timedelta(hours=hours_later))
    assert sorted(marked) == sorted(made[k] for k in breached)
    assert service.mark_sla_breaches(start + timedelta(hours=hours_later)) == []  # marked once only
    queue = service.list_queue(people.user("ada"))
    assert {s.id for s in queue if s.sla_breached} >= {made[k] for k in breached}


def test_lapsed_claims_return_to_pending_review(service, people, items):
    start, made = items
    lease = timedelta(seconds=service.settings.claim_lease_seconds)
    assert service.release_lapsed_claims(start + lease - timedelta(seconds=5)) == []
    assert service.release_lapsed_claims(start + lease + timedelta(seconds=5)) == [made["claimed"]]
    detail = service.get(people.user("ada"), made["claimed"])
    assert detail.submission.status == "pending_review"
    assert detail.submission.claimed_by is None
    assert detail.events[-1].action == "lapse"


def test_background_loop_expires_items_in_the_running_service(people, service, queue_settings, screener):
    from approval_queue.main import create_app
    from fastapi.testclient import TestClient

    sid = service.submit(people.user("alice"), FLAGGED).submission.id
    settings = queue_settings.model_copy(update={"maintenance_interval_seconds": 0.2, "background_tasks": True})
    app = create_app(settings=settings, screener=screener)
    with TestClient(app):
        app.state.queue.clock = lambda: datetime.now(UTC) + timedelta(days=91)
        deadline = time.monotonic() + 15
        while _status(service, people, sid) != "expired" and time.monotonic() < deadline:
            time.sleep(0.1)
    assert _status(service, people, sid) == "expired"
