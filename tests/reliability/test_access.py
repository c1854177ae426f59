"""Access control: a role-by-endpoint matrix in which exactly the allowed calls succeed, no
self-approval, credentials stored only as hashes, rate limits, security headers and CSRF.

The matrix names every JSON endpoint of the queue as it stands; an endpoint added later that is
not in the table is still checked to refuse anonymous callers and unknown tokens.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.conftest import bearer

pytestmark = pytest.mark.model

CLEAN = "Our welding open day is on Saturday; everyone is welcome."
FLAGGED = "Please call Jane Doe on 07700 900123 about her assessment."
IDENTITIES = ("anonymous", "author", "reviewer", "admin")
PUBLIC = ("GET /healthz", "POST /api/v1/screen")


@dataclass(frozen=True)
class Call:
    """One endpoint called in one situation; ``setup`` makes the submission it acts on."""

    name: str
    method: str
    path: str  # {id} is replaced by the id ``setup`` returns
    allowed: frozenset[str]
    setup: Callable[..., int] | None = None
    body: dict[str, object] | None = None


class World:
    """Makes submissions in a given state through the real queue service."""

    def __init__(self, client) -> None:
        self.queue = client.app.state.queue
        self.users = {name: client.app.state.users.by_token(token) for name, token in client.tokens.items()}

    def actor(self, identity: str):
        return self.users.get(identity)

    def pending(self, owner: str) -> int:
        return self.queue.submit(self.users[owner], FLAGGED).submission.id

    def authorised(self, owner: str) -> int:
        return self.queue.submit(self.users[owner], CLEAN).submission.id

    def held_by(self, holder: str) -> int:
        sid = self.pending("author2")
        self.queue.claim(self.users[holder], sid)
        return sid

    def changes_requested(self, owner: str) -> int:
        sid = self.pending(owner)
        self.queue.claim(self.users["reviewer2"], sid)
        self.queue.request_changes(self.users["reviewer2"], sid, "Remove the phone number.")
        return sid

    def escalated(self) -> int:
        sid = self.held_by("reviewer2")
        self.queue.escalate(self.users["reviewer2"], sid, "Needs an admin.")
        return sid


AUTHED = frozenset({"author", "reviewer", "admin"})
DECIDERS = frozenset({"reviewer", "admin"})
ADMIN = frozenset({"admin"})
EVERYONE = frozenset(IDENTITIES)


def _own(make: str) -> Callable[[World, str], int]:
    def setup(world: World, identity: str) -> int:
        owner = identity if identity != "anonymous" else "author"
        return getattr(world, make)(owner)
    return setup


def _holder(world: World, identity: str) -> int:
    # Deciders act on an item they hold; others on an item reviewer2 holds.
    return world.held_by(identity if identity in DECIDERS else "reviewer2")


MATRIX = [
    Call("health", "GET", "/healthz", EVERYONE),
    Call("screen", "POST", "/api/v1/screen", EVERYONE, body={"text": CLEAN}),
    Call("submit", "POST", "/api/v1/submissions", AUTHED, body={"text": CLEAN}),
    Call("list own", "GET", "/api/v1/submissions", AUTHED),
    Call("list everyone's", "GET", "/api/v1/submissions?mine=false", AUTHED),  # authors get only their own
    Call("read own", "GET", "/api/v1/submissions/{id}", AUTHED, _own("pending")),
    Call("read another's", "GET", "/api/v1/submissions/{id}", DECIDERS, lambda w, i: w.pending("author2")),
    Call("claim another's", "POST", "/api/v1/submissions/{id}/claim", DECIDERS, lambda w, i: w.pending("author2")),
    Call("release a held item", "POST", "/api/v1/submissions/{id}/release", DECIDERS, _holder),
    Call("approve a held item", "POST", "/api/v1/submissions/{id}/decision", DECIDERS, _holder,
         {"action": "approve", "reason": "Fine."}),
    Call("reject a held item", "POST", "/api/v1/submissions/{id}/decision", DECIDERS, _holder,
         {"action": "reject", "reason": "No."}),
    Call("decide an escalated item", "POST", "/api/v1/submissions/{id}/decision", ADMIN,
         lambda w, i: w.escalated(), {"action": "approve", "reason": "Admin approves."}),
    Call("resubmit own", "POST", "/api/v1/submissions/{id}/resubmit", AUTHED, _own("changes_requested"),
         {"text": CLEAN}),
    Call("resubmit another's", "POST", "/api/v1/submissions/{id}/resubmit", frozenset(),
         lambda w, i: w.changes_requested("author2"), {"text": CLEAN}),
    Call("withdraw own", "POST", "/api/v1/submissions/{id}/withdraw", AUTHED, _own("pending"), {"reason": ""}),
    Call("withdraw another's", "POST", "/api/v1/submissions/{id}/withdraw", frozenset(),
         lambda w, i: w.pending("author2"), {"reason": ""}),
    Call("authorisation of own", "GET", "/api/v1/submissions/{id}/authorisation", AUTHED, _own("authorised")),
    Call("authorisation of another's", "GET", "/api/v1/submissions/{id}/authorisation", DECIDERS,
         lambda w, i: w.authorised("author2")),
    Call("verify own", "POST", "/api/v1/submissions/{id}/authorisation/verify", AUTHED, _own("authorised"),
         {"text": CLEAN}),
    Call("queue", "GET", "/api/v1/queue", DECIDERS),
    Call("claim next", "POST", "/api/v1/queue/claim", DECIDERS, lambda w, i: w.pending("author2")),
    Call("me", "GET", "/api/v1/users/me", AUTHED),
    Call("list users", "GET", "/api/v1/users", ADMIN),
    Call("add a user", "POST", "/api/v1/users", ADMIN, body={"name": "newcomer", "role": "author"}),
    Call("export a person's data", "GET", "/api/v1/users/{id}/export", ADMIN, lambda w, i: w.users["author2"].id),
]
PAGES = [("GET", "/"), ("GET", "/docs"), ("GET", "/openapi.json")]


def _request(client, identity: str, call: Call, world: World):
    sid = call.setup(world, identity) if call.setup else 0
    headers = bearer(client.tokens[identity]) if identity != "anonymous" else {}
    kwargs = {"json": call.body} if call.body is not None else {}
    if call.name == "add a user":
        kwargs = {"json": {**call.body, "name": f"newcomer-{identity}"}}
    return client.request(call.method, call.path.replace("{id}", str(sid)), headers=headers, **kwargs)


@pytest.mark.parametrize("identity", IDENTITIES)
def test_exactly_the_allowed_calls_succeed(queue_client, identity):
    world = World(queue_client)
    wrong = []
    for call in MATRIX:
        response = _request(queue_client, identity, call, world)
        allowed = identity in call.allowed
        ok = 200 <= response.status_code < 300
        refused = response.status_code in ((401,) if identity == "anonymous" else (403, 404))
        if allowed and not ok or not allowed and not refused:
            wrong.append(f"{call.name} as {identity}: {response.status_code} {response.text[:150]}")
        if call.name == "list everyone's" and identity == "author" and ok:
            assert {s["author"] for s in response.json()} <= {"author"}, "an author saw others' drafts"
    assert wrong == []


def test_matrix_covers_every_operation_in_the_schema_or_they_refuse_strangers(queue_client):
    schema = queue_client.get("/openapi.json").json()
    operations = {f"{m.upper()} {re.sub(r'{[^}]+}', '{}', p)}" for p, item in schema["paths"].items()
                  for m in item if m != "parameters"}
    covered = {f"{c.method} {c.path.split('?')[0].replace('{id}', '{}')}" for c in MATRIX}
    for operation in sorted(operations - covered):
        # An endpoint added after this table was written: it must at least refuse strangers.
        method, path = operation.split(" ", 1)
        path = path.replace("{}", "1")
        for headers in ({}, bearer("sq_not-a-real-token")):
            response = queue_client.request(method, path, headers=headers, json={})
            assert response.status_code == 401, f"{operation} without a valid token: {response.status_code}"
    assert len(operations & covered) >= 18


@pytest.mark.parametrize(("method", "path"), PAGES)
@pytest.mark.parametrize("identity", IDENTITIES)
def test_pages_are_open_to_every_role(queue_client, identity, method, path):
    headers = bearer(queue_client.tokens[identity]) if identity != "anonymous" else {}
    assert queue_client.request(method, path, headers=headers).status_code == 200


@pytest.mark.parametrize("token", ["", "sq_", "sq_" + "A" * 43, "Bearer", "x" * 5000, "\u00e9t\u00e9"])
def test_malformed_or_unknown_tokens_are_refused_with_401(queue_client, token):
    response = queue_client.get("/api/v1/users/me", headers={"authorization": f"Bearer {token}".encode()})
    assert response.status_code == 401
    assert response.json()["error"]["message"].endswith(".")


def test_a_deactivated_users_token_stops_working(queue_client):
    assert queue_client.get("/api/v1/users/me", headers=bearer(queue_client.tokens["author2"])).status_code == 200
    queue_client.app.state.users.set_active("author2", False)
    assert queue_client.get("/api/v1/users/me", headers=bearer(queue_client.tokens["author2"])).status_code == 401


# -- no self-approval ----------------------------------------------------------------------------

@pytest.mark.parametrize("role_user", ["reviewer", "admin"])
def test_nobody_claims_or_decides_their_own_submission(queue_client, role_user):
    own = bearer(queue_client.tokens[role_user])
    sid = queue_client.post("/api/v1/submissions", headers=own, json={"text": FLAGGED}).json()["id"]
    assert queue_client.post("/api/v1/queue/claim", headers=own).status_code == 204  # skipped: it is theirs
    assert queue_client.post(f"/api/v1/submissions/{sid}/claim", headers=own).status_code == 403
    decision = queue_client.post(f"/api/v1/submissions/{sid}/decision", headers=own,
                                 json={"action": "approve", "reason": "Looks fine to me."})
    assert decision.status_code == 403
    assert "your own" in decision.json()["error"]["message"]


def test_an_admin_cannot_decide_their_own_escalated_submission(queue_client):
    admin, reviewer = bearer(queue_client.tokens["admin"]), bearer(queue_client.tokens["reviewer"])
    sid = queue_client.post("/api/v1/submissions", headers=admin, json={"text": FLAGGED}).json()["id"]
    assert queue_client.post(f"/api/v1/submissions/{sid}/claim", headers=reviewer).status_code == 200
    escalate = {"action": "escalate", "reason": "Admin's own post."}
    assert queue_client.post(f"/api/v1/submissions/{sid}/decision", headers=reviewer, json=escalate).status_code == 200
    decision = queue_client.post(f"/api/v1/submissions/{sid}/decision", headers=admin,
                                 json={"action": "approve", "reason": "Mine, approved."})
    assert decision.status_code == 403
    detail = queue_client.get(f"/api/v1/submissions/{sid}", headers=admin).json()
    assert detail["status"] == "escalated"


# -- credentials at rest -------------------------------------------------------------------------

def test_tokens_and_passwords_are_stored_only_as_hashes(queue_client, queue_settings):
    import hashlib

    password = "correct horse battery staple 42"
    queue_client.app.state.users.set_password("reviewer", password)
    database = Path(queue_settings.resolved_database_url.removeprefix("sqlite:///"))
    queue_client.app.state.db.dispose()  # flush the WAL into the file before reading it raw
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(FULL)")
        rows = {name: (token_hash, password_hash) for name, token_hash, password_hash in
                connection.execute("SELECT name, token_hash, password_hash FROM users")}
    for name, token in queue_client.tokens.items():
        assert rows[name][0] == hashlib.sha256(token.encode()).hexdigest()
    stored = rows["reviewer"][1]
    assert stored.startswith("scrypt$") and password not in stored
    raw = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
    for secret in [*queue_client.tokens.values(), password]:
        assert secret.encode() not in raw, "a credential is stored in clear"


# -- rate limits ---------------------------------------------------------------------------------

@pytest.fixture()
def limited_client(tmp_path: Path, screener):
    from approval_queue.core.config import Settings
    from approval_queue.main import create_app
    from fastapi.testclient import TestClient

    settings = Settings(environment="test", var_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'q.db'}",
                        background_tasks=False, api_rate_per_minute=5, login_rate_per_minute=3)
    with TestClient(create_app(settings=settings, screener=screener)) as client:
        client.tokens = {n: client.app.state.users.add(n, "author")[1] for n in ("one", "two")}
        yield client


def test_api_calls_beyond_the_per_token_rate_get_429_with_retry_after(limited_client):
    one, two = bearer(limited_client.tokens["one"]), bearer(limited_client.tokens["two"])
    statuses = [limited_client.get("/api/v1/users/me", headers=one).status_code for _ in range(7)]
    assert statuses == [200] * 5 + [429] * 2
    limited = limited_client.get("/api/v1/users/me", headers=one)
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert "wait" in limited.json()["error"]["message"]
    assert limited.headers["x-content-type-options"] == "nosniff"
    assert limited_client.get("/api/v1/users/me", headers=two).status_code == 200  # tokens are limited apart


def test_sign_in_attempts_beyond_the_rate_get_429_with_retry_after(limited_client):
    path = "/login"  # counted whether or not the sign-in page exists yet: guesses are limited either way
    answers = [limited_client.post(path, data={"name": "one", "password": f"wrong guess {i}"}) for i in range(5)]
    assert [a.status_code == 429 for a in answers] == [False] * 3 + [True] * 2
    assert int(answers[-1].headers["retry-after"]) >= 1
    assert "wait" in answers[-1].json()["error"]["message"]  # no Accept: text/html, so JSON


def test_a_browser_over_the_sign_in_rate_gets_a_page_not_json(limited_client):
    browser = {"accept": "text/html,application/xhtml+xml"}
    answers = [limited_client.post("/login", data={"name": "one", "password": f"guess {i}"}, headers=browser)
               for i in range(4)]
    assert answers[-1].status_code == 429
    assert answers[-1].headers["content-type"].startswith("text/html")
    assert "<h1>Too many attempts</h1>" in answers[-1].text and "wait" in answers[-1].text


def test_the_rate_limiter_refills_with_time():
    from approval_queue.core.ratelimit import TokenBucketLimiter

    now = [0.0]
    limiter = TokenBucketLimiter(rate_per_minute=2, clock=lambda: now[0], max_keys=3)
    assert [limiter.hit("k") for _ in range(2)] == [None, None]
    assert limiter.hit("k") == pytest.approx(30.0)
    now[0] += 30.0
    assert limiter.hit("k") is None
    for key in "abcd":
        limiter.hit(key)
    assert len(limiter._buckets) == 3  # bounded: the oldest keys are dropped


# -- headers and CSRF ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/healthz", "/docs", "/openapi.json", "/api/v1/users/me", "/static/app.css"])
def test_security_headers_are_on_every_response(queue_client, path):
    headers = queue_client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    if not path.startswith("/docs"):
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]


def test_the_api_ignores_cookies_so_cross_site_requests_carry_no_authority(queue_client):
    token = queue_client.tokens["author"]
    for name in ("session", "token", "authorization", "access_token"):
        queue_client.cookies.set(name, token)
    response = queue_client.post("/api/v1/submissions", json={"text": CLEAN})
    queue_client.cookies.clear()
    assert response.status_code == 401


def test_every_state_changing_form_carries_a_csrf_token(queue_client):
    """Forms that act for a signed-in user need a CSRF token; the anonymous pre-check changes nothing."""
    admin = bearer(queue_client.tokens["admin"])
    home = queue_client.get("/", headers=admin).text
    # The pages are what the site links to (the route table nests routers; links are what users follow).
    pages = {"/"} | {href for href in re.findall(r'href="(/[^"#?]*)', home)
                     if not href.startswith(("/api", "/static", "/docs", "/docs-assets", "/openapi"))}
    for page in sorted(pages):
        html = queue_client.get(page, headers=admin).text
        for form in re.findall(r"<form\b[^>]*>.*?</form>", html, flags=re.S | re.I):
            method = re.search(r'method="?(\w+)', form, flags=re.I)
            action = re.search(r'action="([^"]*)"', form, flags=re.I)
            if not method or method.group(1).lower() != "post" or (action and action.group(1) in ("/", "")):
                continue
            assert re.search(r'name="csrf[^"]*"', form, flags=re.I), f"form on {page} posts without a CSRF token"
