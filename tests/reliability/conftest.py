"""Fixtures for the reliability tier: a queue app with one user per role, and a live uvicorn server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.approval_queue.conftest import postgres_server  # noqa: F401  (the shared PostgreSQL 15 server)
from tests.reliability.live import LiveServer, add_users

ROLES = ("author", "reviewer", "admin")


@pytest.fixture()
def queue_settings(tmp_path: Path):
    """Settings for an in-process app: fresh SQLite, no background loops, limits as shipped."""
    from approval_queue.core.config import Settings

    return Settings(environment="test", var_dir=tmp_path / "var", database_url=f"sqlite:///{tmp_path / 'queue.db'}",
                    background_tasks=False)


@pytest.fixture()
def queue_client(queue_settings, screener) -> Iterator:
    """A TestClient on the full app with users ``author``, ``author2``, ``reviewer``, ``reviewer2`` and ``admin``.

    ``queue_client.tokens`` maps each name to its bearer token.
    """
    from approval_queue.main import create_app
    from fastapi.testclient import TestClient

    with TestClient(create_app(settings=queue_settings, screener=screener)) as client:
        users = client.app.state.users
        client.tokens = {name: users.add(name, role)[1] for name, role in  # type: ignore[attr-defined]
                         [("author", "author"), ("author2", "author"), ("reviewer", "reviewer"),
                          ("reviewer2", "reviewer"), ("admin", "admin")]}
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


@pytest.fixture()
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A fresh uvicorn server on a fresh SQLite database; stopped (or killed) at the end."""
    server = LiveServer(database_url=f"sqlite:///{tmp_path / 'live.db'}", var_dir=tmp_path / "var")
    yield server
    server.stop()


@pytest.fixture()
def live_postgres_server(tmp_path: Path, postgres_server) -> Iterator[LiveServer]:  # noqa: F811
    """A fresh uvicorn server on a new database in the test PostgreSQL server."""
    import uuid

    name = f"load_{uuid.uuid4().hex[:12]}"
    postgres_server.admin(f"CREATE DATABASE {name}")
    server = LiveServer(database_url=postgres_server.url(name), var_dir=tmp_path / "var")
    try:
        yield server
    finally:
        server.stop()
        postgres_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


__all__ = ["add_users", "bearer"]
