"""The approval queue end to end over HTTP, on SQLite and on PostgreSQL (the ``database_url`` params),
with the real screening pipeline."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime, timedelta

import pytest

from tests.approval_queue.conftest import BLOCKED, CLEAN, FLAGGED, OFFICIAL

pytestmark = pytest.mark.model


class Clock:
    """A clock the test moves by hand (installed on the running app's queue service)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture()
def clock(api):
    installed = Clock()
    api.app.state.queue.clock = installed
    return installed


def submit(api, person, text=FLAGGED, **extra):
    response = api.post("/api/v1/submissions", json={"text": text, **extra}, headers=person.headers)
    assert response.status_code in (200, 201), response.text
    return response.json()


def act(api, person, submission_id, verb, **body):
    return api.post(f"/api/v1/submissions/{submission_id}/{verb}", json=body or None, headers=person.headers)


def decide(api, person, submission_id, action, reason="Checked against the policy."):
    return act(api, person, submission_id, "decision", action=action, reason=reason)


@pytest.mark.parametrize(
    ("text", "account", "status", "priority", "decision"),
    [
        (FLAGGED, None, "pending_review", "normal", "review"),
        (BLOCKED, None, "pending_review", "high", "block"),
        (CLEAN, None, "authorised", "normal", "allow"),
        (CLEAN, "personal", "authorised", "normal", "allow"),
        (CLEAN, OFFICIAL, "pending_review", "normal", "allow"),
    ],
)
def test_submit_routes_by_screening_decision_and_account_policy(api, people, text, account, status, priority, decision):
    response = api.post("/api/v1/submissions", json={"text": text, "account": account},
                        headers=people["alice"].headers)
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["priority"], body["decision"]) == (status, priority, decision)
    assert isinstance(body["id"], int)
    assert bool(body["findings"]) == (decision != "allow")
    for finding in body["findings"]:
        assert text[finding["start"]:finding["end"]] == finding["text"]


def test_clean_draft_gets_an_authorisation_record_from_screening(api, people):
    created = submit(api, people["alice"], CLEAN, account="personal")
    record = api.get(f"/api/v1/submissions/{created['id']}/authorisation", headers=people["alice"].headers).json()
    assert record["basis"] == "screening"
    assert record["authorised_by"] is None
    assert record["text_sha256"] == hashlib.sha256(CLEAN.encode()).hexdigest()


def test_repeated_idempotency_key_returns_the_first_submission(api, people):
    first = api.post("/api/v1/submissions", json={"text": FLAGGED, "idempotency_key": "draft-7"},
                     headers=people["alice"].headers)
    again = api.post("/api/v1/submissions", json={"text": FLAGGED + " (sent twice)", "idempotency_key": "draft-7"},
                     headers=people["alice"].headers)
    other_author = api.post("/api/v1/submissions", json={"text": FLAGGED, "idempotency_key": "draft-7"},
                            headers=people["amir"].headers)
    assert (first.status_code, again.status_code, other_author.status_code) == (201, 200, 201)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["text"] == FLAGGED
    assert other_author.json()["id"] != first.json()["id"]
    mine = api.get("/api/v1/submissions?mine=true", headers=people["alice"].headers).json()
    assert [s["id"] for s in mine] == [first.json()["id"]]


def test_request_changes_then_resubmit_keeps_history_and_approval_authorises_exact_text(api, people):
    alice, rob, rhea = people["alice"], people["rob"], people["rhea"]
    sid = submit(api, alice)["id"]
    assert act(api, rob, sid, "claim").json()["claimed_by"] == "rob"
    changed = decide(api, rob, sid, "request_changes", "Remove the caller's name and mobile number.")
    assert changed.json()["status"] == "changes_requested"

    edited = "Please call our enquiries team to book a place on the welding course."
    resubmitted = act(api, alice, sid, "resubmit", text=edited)
    assert resubmitted.status_code == 200
    assert (resubmitted.json()["status"], resubmitted.json()["current_version"]) == ("pending_review", 2)

    assert act(api, rhea, sid, "claim").status_code == 200
    approved = decide(api, rhea, sid, "approve", "Personal data removed.")
    assert approved.json()["status"] == "authorised"

    detail = api.get(f"/api/v1/submissions/{sid}", headers=alice.headers).json()
    assert [v["text"] for v in detail["history"]["versions"]] == [FLAGGED, edited]
    assert [(e["action"], e["from_status"], e["to_status"]) for e in detail["history"]["events"]] == [
        ("submit", None, "pending_review"),
        ("claim", "pending_review", "in_review"),
        ("request_changes", "in_review", "changes_requested"),
        ("resubmit", "changes_requested", "pending_review"),
        ("claim", "pending_review", "in_review"),
        ("approve", "in_review", "authorised"),
    ]
    assert detail["history"]["events"][2]["reason"] == "Remove the caller's name and mobile number."
    record = api.get(f"/api/v1/submissions/{sid}/authorisation", headers=alice.headers).json()
    assert (record["authorised_by"], record["basis"], record["version"]) == ("rhea", "review", 2)
    assert record["text_sha256"] == hashlib.sha256(edited.encode()).hexdigest()
    assert detail["authorisation"]["id"] == record["id"]

    check = f"/api/v1/submissions/{sid}/authorisation/verify"
    assert api.post(check, json={"text": edited}, headers=alice.headers).json()["matches"] is True
    assert api.post(check, json={"text": edited + " "}, headers=alice.headers).json()["matches"] is False
    assert api.post(check, json={"text": FLAGGED}, headers=alice.headers).json()["matches"] is False


def test_escalated_item_is_decided_by_an_admin_only(api, people):
    sid = submit(api, people["alice"], BLOCKED)["id"]
    act(api, people["rob"], sid, "claim")
    escalated = decide(api, people["rob"], sid, "escalate", "Payroll data: senior decision needed.")
    assert escalated.json()["status"] == "escalated"
    refused = decide(api, people["rhea"], sid, "reject", "Not for reviewers.")
    assert refused.status_code == 403
    assert "only an admin" in refused.json()["error"]["message"]
    assert act(api, people["ada"], sid, "claim").status_code == 409
    rejected = decide(api, people["ada"], sid, "reject", "National Insurance numbers are never posted.")
    assert rejected.json()["status"] == "rejected"


@pytest.mark.parametrize(
    ("setup", "verb", "body", "fragment"),
    [
        ("pending", "decision", {"action": "approve", "reason": "ok"}, "Claim it first"),
        ("authorised", "decision", {"action": "reject", "reason": "too late"}, "is authorised"),
        ("pending", "resubmit", {"text": CLEAN}, "is pending_review"),
        ("rejected", "withdraw", None, "is rejected"),
        ("claimed", "claim", None, "is claimed by rob"),
        ("rejected", "claim", None, "only pending_review"),
    ],
)
def test_illegal_transition_is_answered_409_with_a_sentence(api, people, setup, verb, body, fragment):
    alice, rob = people["alice"], people["rob"]
    sid = submit(api, alice)["id"]
    if setup in ("claimed", "authorised", "rejected"):
        act(api, rob, sid, "claim")
    if setup == "authorised":
        decide(api, rob, sid, "approve")
    if setup == "rejected":
        decide(api, rob, sid, "reject")
    actor = alice if verb in ("resubmit", "withdraw") else (people["rhea"] if setup == "claimed" else rob)
    response = act(api, actor, sid, verb, **(body or {}))
    assert response.status_code == 409
    message = response.json()["error"]["message"]
    assert fragment in message
    assert message.endswith(".")


def test_authorisation_of_an_unauthorised_submission_is_409(api, people):
    sid = submit(api, people["alice"])["id"]
    response = api.get(f"/api/v1/submissions/{sid}/authorisation", headers=people["alice"].headers)
    assert response.status_code == 409
    assert "not authorised" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("actor", "request_args", "status"),
    [
        ("alice", ("POST", "/api/v1/submissions/{own}/claim", None), 403),
        ("amir", ("POST", "/api/v1/submissions/{other}/claim", None), 403),
        ("amir", ("POST", "/api/v1/submissions/{other}/decision", {"action": "approve", "reason": "fine"}), 403),
        ("amir", ("GET", "/api/v1/queue", None), 403),
        ("amir", ("GET", "/api/v1/submissions/{other}", None), 404),
        ("amir", ("GET", "/api/v1/submissions/{other}/authorisation", None), 404),
        ("amir", ("POST", "/api/v1/submissions/{other}/withdraw", None), 404),
        ("rob", ("POST", "/api/v1/submissions/{rob_own}/claim", None), 403),
        ("rhea", ("POST", "/api/v1/submissions/{other}/resubmit", {"text": CLEAN}), 403),
        ("rob", ("GET", "/api/v1/users", None), 403),
        ("ada", ("GET", "/api/v1/users", None), 200),
    ],
)
def test_roles_and_ownership_are_enforced(api, people, actor, request_args, status):
    ids = {
        "own": submit(api, people["alice"])["id"],
        "rob_own": submit(api, people["rob"])["id"],
    }
    ids["other"] = ids["own"]
    method, path, body = request_args
    response = api.request(method, path.format(**ids), json=body, headers=people[actor].headers)
    assert response.status_code == status, response.text
    if status >= 400:
        assert response.json()["error"]["message"]


def test_nobody_decides_on_their_own_submission_even_an_admin(api, people):
    sid = submit(api, people["ada"])["id"]
    act(api, people["rob"], sid, "claim")
    decide(api, people["rob"], sid, "escalate", "An admin's own draft.")
    response = decide(api, people["ada"], sid, "approve", "Looks fine to me.")
    assert response.status_code == 403
    assert "your own" in response.json()["error"]["message"]


def test_author_never_sees_another_authors_draft(api, people):
    sid = submit(api, people["alice"])["id"]
    response = api.get(f"/api/v1/submissions/{sid}", headers=people["amir"].headers)
    assert response.status_code == 404
    assert FLAGGED not in response.text
    assert api.get("/api/v1/submissions?mine=false", headers=people["amir"].headers).json() == []
    assert api.get(f"/api/v1/submissions/{sid}", headers=people["rob"].headers).json()["text"] == FLAGGED


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer sq_not-a-real-token"}, {"Authorization": "Basic YWxpY2U6cHc="}],
)
def test_missing_or_wrong_token_is_401(api, people, headers):
    response = api.post("/api/v1/submissions", json={"text": FLAGGED}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "unauthenticated"


def test_deactivated_users_token_stops_working(api, people):
    api.app.state.users.set_active("amir", False)
    assert api.get("/api/v1/users/me", headers=people["amir"].headers).status_code == 401
    assert api.get("/api/v1/users/me", headers=people["alice"].headers).json()["role"] == "author"


@pytest.mark.parametrize("reason", ["", "   "])
def test_every_decision_needs_a_reason(api, people, reason):
    sid = submit(api, people["alice"])["id"]
    act(api, people["rob"], sid, "claim")
    response = decide(api, people["rob"], sid, "reject", reason)
    assert response.status_code == 422
    assert "reason" in response.json()["error"]["message"]


def test_author_withdraws_an_undecided_submission(api, people):
    sid = submit(api, people["alice"])["id"]
    act(api, people["rob"], sid, "claim")
    withdrawn = act(api, people["alice"], sid, "withdraw", reason="Posting something else instead.")
    assert withdrawn.json()["status"] == "withdrawn"
    assert withdrawn.json()["claimed_by"] is None
    assert decide(api, people["rob"], sid, "approve").status_code == 409


def test_queue_lists_sla_breached_first_then_high_priority_then_oldest(api, people, clock):
    alice = people["alice"]
    old_normal = submit(api, alice, FLAGGED)["id"]
    clock.advance(hours=23)
    newer_normal = submit(api, alice, FLAGGED + " Thanks.")["id"]
    clock.advance(hours=1)
    high = submit(api, alice, BLOCKED)["id"]
    clean = submit(api, alice, CLEAN)["id"]
    clock.advance(minutes=30)  # old_normal is now past its 24 h SLA; the others are not
    queue = api.get("/api/v1/queue", headers=people["rob"].headers).json()
    assert [s["id"] for s in queue] == [old_normal, high, newer_normal]
    assert [s["sla_breached"] for s in queue] == [True, False, False]
    assert clean not in [s["id"] for s in queue]
    assert queue[1]["priority"] == "high"
    claimed = api.post("/api/v1/queue/claim", headers=people["rob"].headers).json()
    assert claimed["id"] == old_normal
    pending = api.get("/api/v1/queue?status=pending_review", headers=people["rob"].headers).json()
    assert [s["id"] for s in pending] == [high, newer_normal]


def test_claim_next_answers_204_when_nothing_is_waiting(api, people):
    submit(api, people["rob"])  # the only item is rob's own: he may not claim it
    assert api.post("/api/v1/queue/claim", headers=people["rob"].headers).status_code == 204


def test_claim_lapses_after_the_lease_and_another_reviewer_can_take_it(api, people, clock):
    sid = submit(api, people["alice"])["id"]
    act(api, people["rob"], sid, "claim")
    assert act(api, people["rhea"], sid, "claim").status_code == 409
    clock.advance(seconds=api.app.state.settings.claim_lease_seconds + 1)
    late = decide(api, people["rob"], sid, "approve")
    assert late.status_code == 409
    assert "lapsed" in late.json()["error"]["message"]
    taken = act(api, people["rhea"], sid, "claim")
    assert taken.status_code == 200
    assert taken.json()["claimed_by"] == "rhea"
    assert decide(api, people["rob"], sid, "approve").status_code == 409
    assert decide(api, people["rhea"], sid, "approve").json()["status"] == "authorised"


def test_admin_adds_a_user_whose_token_works_at_once(api, people):
    created = api.post("/api/v1/users", json={"name": "zoe", "role": "reviewer"}, headers=people["ada"].headers)
    assert created.status_code == 201
    token = created.json()["token"]
    me = api.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert (me["name"], me["role"]) == ("zoe", "reviewer")
    duplicate = api.post("/api/v1/users", json={"name": "zoe", "role": "author"}, headers=people["ada"].headers)
    assert duplicate.status_code == 422


def test_openapi_documents_the_queue_with_bearer_auth(api):
    schema = api.get("/openapi.json").json()
    for path in ("/api/v1/submissions", "/api/v1/submissions/{submission_id}/decision", "/api/v1/queue",
                 "/api/v1/submissions/{submission_id}/authorisation"):
        assert path in schema["paths"], path
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_no_draft_text_or_span_reaches_the_logs(api, people, caplog):
    caplog.set_level(logging.DEBUG)
    sid = submit(api, people["alice"])["id"]
    act(api, people["rob"], sid, "claim")
    decide(api, people["rob"], sid, "request_changes", "Remove the personal details.")
    act(api, people["alice"], sid, "resubmit", text="Call Jane Doe on 07700 900123 today.")
    logged = caplog.text
    assert caplog.records
    for secret in ("Jane Doe", "07700 900123", "book a place"):
        assert secret not in logged


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"text": "   "}, "empty"),
        ({"text": "x" * 20_001}, "over the limit"),
        ({"account": OFFICIAL}, "'text' is required"),
        ({"text": FLAGGED, "priority": "high"}, "'priority' is not allowed"),
        ({"text": FLAGGED, "idempotency_key": "k" * 201}, "idempotency_key"),
    ],
)
def test_bad_submission_is_422_and_stores_nothing(api, people, body, fragment):
    response = api.post("/api/v1/submissions", json=body, headers=people["alice"].headers)
    assert response.status_code == 422
    assert fragment in response.json()["error"]["message"]
    assert api.get("/api/v1/submissions", headers=people["alice"].headers).json() == []
