"""Sign-in, the session cookie, CSRF on every form, and each role seeing only its pages."""

from __future__ import annotations

import pytest

from tests.approval_queue.web.conftest import PASSWORD, Browser

pytestmark = pytest.mark.model

SIGNED_IN_PAGES = ["/submissions", "/queue", "/escalations", "/accounts", "/incidents", "/incidents/new", "/audit",
                   "/dashboard"]
# page -> roles that may open it
ACCESS = {
    "/submissions": {"author", "reviewer", "admin"},
    "/incidents": {"author", "reviewer", "admin"},
    "/queue": {"reviewer", "admin"},
    "/accounts": {"reviewer", "admin"},
    "/audit": {"reviewer", "admin"},
    "/dashboard": {"reviewer", "admin"},
    "/escalations": {"admin"},
}
USER_OF_ROLE = {"author": "alice", "reviewer": "rob", "admin": "ada"}


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in_and_back(web, path):
    response = web.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}"


@pytest.mark.parametrize(("path", "role"), [(p, r) for p in ACCESS for r in USER_OF_ROLE])
def test_each_role_opens_only_its_pages(browser_for, path, role):
    page = browser_for(USER_OF_ROLE[role]).client.get(path, follow_redirects=False)
    if role in ACCESS[path]:
        assert page.status_code == 200
    else:
        assert page.status_code == 403
        assert f"Your role is {role}" in page.text


@pytest.mark.parametrize(("role", "visible", "hidden"), [
    ("author", ["My submissions", "Incidents"], ["Review queue", "Escalations", "Dashboard", "Audit"]),
    ("reviewer", ["Review queue", "Accounts", "Audit", "Dashboard"], ["Escalations"]),
    ("admin", ["Review queue", "Escalations", "Dashboard"], []),
])
def test_nav_shows_what_the_role_may_use(browser_for, role, visible, hidden):
    nav = browser_for(USER_OF_ROLE[role]).client.get("/submissions").text.split('<nav aria-label="Main">')[1]
    nav = nav.split("</nav>")[0]
    for label in visible:
        assert label in nav
    for label in hidden:
        assert label not in nav


@pytest.mark.parametrize(("path", "data"), [
    ("/", {"text": "Hello there"}),
    ("/login", {"name": "alice", "password": PASSWORD}),
    ("/submissions", {"text": "Hello there"}),
    ("/logout", {}),
])
def test_post_without_csrf_token_is_refused_with_a_sentence(browser_for, path, data):
    client = browser_for("alice").client
    response = client.post(path, data=data, follow_redirects=False)
    assert response.status_code == 403
    assert "security token is missing or out of date" in response.text
    assert "reload the page" in response.text


def test_post_with_another_sessions_token_is_refused(browser_for):
    mallory, alice = browser_for("rob"), browser_for("alice")
    response = alice.client.post("/submissions", data={"text": "Hello there", "csrf_token": mallory.token()},
                                 follow_redirects=False)
    assert response.status_code == 403


def test_session_cookie_is_httponly_and_samesite_lax(web):
    cookie = web.get("/").headers["set-cookie"]
    assert "sq_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_session_cookie_is_secure_when_configured(tmp_path, screener):
    from approval_queue.core.config import Settings
    from approval_queue.main import create_app
    from fastapi.testclient import TestClient

    settings = Settings(environment="test", var_dir=tmp_path / "var", database_url=f"sqlite:///{tmp_path / 's.db'}",
                        background_tasks=False, cookie_secure=True)
    with TestClient(create_app(settings=settings, screener=screener)) as client:
        assert "Secure" in client.get("/").headers["set-cookie"]


def test_a_tampered_session_cookie_is_ignored(browser_for):
    browser = browser_for("alice")
    value = browser.client.cookies.get("sq_session")
    payload, signature = value.rsplit(".", 1)
    browser.client.cookies.clear()
    browser.client.cookies.set("sq_session", f"{payload}.{signature[::-1]}")
    assert browser.client.get("/submissions", follow_redirects=False).status_code == 303


def test_signing_in_issues_a_new_csrf_token(browser_for):
    browser = browser_for()
    before = browser.token("/login")
    browser.sign_in("alice")
    assert browser.token("/submissions") != before


def test_wrong_password_shows_an_error_summary_linked_to_the_field(browser_for):
    page = browser_for().post("/login", {"name": "alice", "password": "not the password", "next": "/queue"})
    assert page.status_code == 400
    assert "There is a problem" in page.text
    assert '<a href="#name">' in page.text
    assert "sq_session" not in page.headers.get("set-cookie", "") or "uid" not in page.text


@pytest.mark.parametrize(("next_value", "expected"), [
    ("/queue", "/queue"), ("//evil.example/x", "/submissions"), ("https://evil.example", "/submissions"),
    ("/\\evil.example", "/submissions"),
])
def test_sign_in_returns_only_to_pages_of_this_site(browser_for, next_value, expected):
    response = browser_for().post("/login", {"name": "ada", "password": PASSWORD, "next": next_value})
    assert response.headers["location"] == expected


def test_sign_out_ends_the_session(browser_for):
    browser = browser_for("alice")
    assert browser.post("/logout").status_code == 303
    assert browser.client.get("/submissions", follow_redirects=False).status_code == 303


def test_api_bearer_tokens_keep_working_beside_the_session(web, web_app):
    _view, token = web_app.state.users.add("carl", "author")
    response = web.get("/api/v1/submissions", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json() == []


def test_api_errors_stay_json_while_pages_show_html(web):
    response = web.get("/api/v1/submissions")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_deactivated_user_is_signed_out(browser_for, web_app):
    browser = browser_for("alice")
    web_app.state.users.set_active("alice", False)
    assert browser.client.get("/submissions", follow_redirects=False).status_code == 303


def test_a_fresh_visitor_can_sign_in_with_the_page_token(web):
    browser = Browser(web)
    assert browser.sign_in("rob").headers["location"] == "/submissions"


def test_password_set_with_the_cli_signs_in_on_the_web(tmp_path, screener):
    """``screening users add NAME --role ROLE --password-stdin`` is how people get a web sign-in."""
    from approval_queue.core.config import Settings
    from approval_queue.main import create_app
    from fastapi.testclient import TestClient

    from tests.conftest import run_cli

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    done = run_cli("users", "--database-url", url, "add", "olivia", "--role", "reviewer", "--password-stdin",
                   stdin=b"a long enough passphrase\n")
    assert done.returncode == 0, done.stderr.decode()
    settings = Settings(environment="test", var_dir=tmp_path / "var", database_url=url, background_tasks=False)
    with TestClient(create_app(settings=settings, screener=screener)) as client:
        browser = Browser(client)
        browser.sign_in("olivia", "a long enough passphrase")
        assert client.get("/queue").status_code == 200


@pytest.mark.parametrize(("accept", "html"), [("text/html,application/xhtml+xml", True), ("application/json", False)])
def test_unknown_address_is_a_page_for_browsers_and_json_otherwise(web, accept, html):
    response = web.get("/no-such-page", headers={"Accept": accept})
    assert response.status_code == 404
    if html:
        assert "<h1>Page not found</h1>" in response.text
    else:
        assert response.json()["error"]["code"] == "not_found"


def test_unknown_api_address_stays_json_even_for_browsers(web):
    response = web.get("/api/v1/nothing", headers={"Accept": "text/html"})
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
