"""Fixtures for the page tests: a TestClient on a fresh SQLite app, people in each role with
passwords, and helpers that read the CSRF token from a page and sign in the way a browser does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "the page has no CSRF field"
    return match.group(1)


class Browser:
    """A TestClient used like a browser: GET a page, then POST its form with the page's token."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def token(self, path: str = "/") -> str:
        return csrf_of(self.client.get(path).text)

    def post(self, path: str, data: dict[str, str] | None = None, **kwargs: Any) -> Any:
        return self.client.post(path, data={**(data or {}), "csrf_token": self.token()}, follow_redirects=False,
                                **kwargs)

    def sign_in(self, name: str, password: str = PASSWORD) -> Any:
        response = self.post("/login", {"name": name, "password": password, "next": "/submissions"})
        assert response.status_code == 303, response.text
        return response


@pytest.fixture()
def web_app(tmp_path: Path, screener: Any, database_url: str) -> Any:
    """The app on a fresh database: SQLite, and PostgreSQL (``integration``) from the queue's fixtures."""
    from approval_queue.core.config import Settings
    from approval_queue.main import create_app

    settings = Settings(environment="test", var_dir=tmp_path / "var", database_url=database_url,
                        background_tasks=False)
    return create_app(settings=settings, screener=screener)


@pytest.fixture()
def web(web_app: Any) -> Iterator[Any]:
    """The app's TestClient (lifespan run) with one user per role: alice (author), rob (reviewer),
    ada (admin), each signing in with ``PASSWORD``."""
    from fastapi.testclient import TestClient

    with TestClient(web_app) as client:
        for name, role in [("alice", "author"), ("rob", "reviewer"), ("ada", "admin")]:
            web_app.state.users.add(name, role, password=PASSWORD)
        yield client


@pytest.fixture()
def browser_for(web_app: Any, web: Any) -> Iterator[Any]:
    """``browser_for("rob")``: a separate signed-in client (own cookie jar) for that user."""
    from fastapi.testclient import TestClient

    clients = []

    def make(name: str | None = None) -> Browser:
        client = TestClient(web_app)
        clients.append(client)
        browser = Browser(client)
        if name:
            browser.sign_in(name)
        return browser

    yield make
    for client in clients:
        client.close()
