"""Fixtures for the approval queue: a real PostgreSQL 15 server started by the tests, an app
parametrised over SQLite and PostgreSQL, people in each role, and a real uvicorn server.

PostgreSQL: ``initdb`` into a temporary folder and ``pg_ctl start`` on a free loopback port, as
the ``postgres`` user when the tests run as root (CI does), once per session; each test gets a
fresh database in it. Binaries come from ``SCREENING_PG_BIN`` (default ``/usr/lib/postgresql/15/bin``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

PG_BIN = Path(os.environ.get("SCREENING_PG_BIN", "/usr/lib/postgresql/15/bin"))

# Synthetic drafts with known screening outcomes under the shipped policy.
FLAGGED = "Ring Jane Doe on 07700 900123 to book a place on the welding course."
BLOCKED = "Her National Insurance number is QQ 12 34 56 C, please update the payroll."
CLEAN = "Enrolment for our spring welding courses is now open. See the website for dates."
OFFICIAL = "@NorthfieldInst"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host=self.host, port=self.port, user=self.user, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throw-away PostgreSQL server on 127.0.0.1 for the whole session."""
    if not (PG_BIN / "pg_ctl").exists():
        pytest.skip(f"PostgreSQL binaries not found in {PG_BIN}; install postgresql-15 or set SCREENING_PG_BIN")
    base = Path(tempfile.mkdtemp(prefix="screening-pg-"))
    run_as: list[str] = []
    user = pwd.getpwuid(os.geteuid()).pw_name
    if os.geteuid() == 0:
        # PostgreSQL refuses to run as root: hand the folder to the postgres user and run as it.
        postgres = pwd.getpwnam("postgres")
        os.chown(base, postgres.pw_uid, postgres.pw_gid)
        run_as, user = ["runuser", "-u", "postgres", "--"], "postgres"
    data, log = base / "data", base / "server.log"
    port = free_port()
    subprocess.run([*run_as, str(PG_BIN / "initdb"), "-D", str(data), "-U", user, "--auth=trust",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True, timeout=120)
    options = (f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=300")
    subprocess.run([*run_as, str(PG_BIN / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(data), "-l", str(log),
                    "-o", options], check=True, capture_output=True, timeout=90)
    try:
        yield PostgresServer("127.0.0.1", port, user)
    finally:
        subprocess.run([*run_as, str(PG_BIN / "pg_ctl"), "stop", "-m", "fast", "-D", str(data)],
                       capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: SQLite in a temporary folder, or a new database on the test server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'queue.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"queue_{uuid.uuid4().hex[:12]}"
    server.admin(f"CREATE DATABASE {name}")
    try:
        yield server.url(name)
    finally:
        server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture()
def queue_settings(database_url: str, tmp_path: Path) -> Any:
    from approval_queue.core.config import Settings

    return Settings(environment="test", var_dir=tmp_path / "var", database_url=database_url,
                    background_tasks=False)


@dataclass
class Person:
    """A user of the running app and the headers that authenticate them."""

    id: int
    name: str
    role: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class People(dict[str, Person]):
    """Users by name; ``people.add("zoe", "author")`` makes another one."""

    def __init__(self, users: Any) -> None:
        super().__init__()
        self._users = users

    def add(self, name: str, role: str) -> Person:
        view, token = self._users.add(name, role)
        self[name] = Person(view.id, name, role, token)
        return self[name]

    def user(self, name: str) -> Any:
        """The ``User`` row, for calling the domain layer directly."""
        return self._users.by_token(self[name].token)


@pytest.fixture()
def app(queue_settings: Any, screener: Any) -> Any:
    from approval_queue.main import create_app

    return create_app(settings=queue_settings, screener=screener)


@pytest.fixture()
def api(app: Any) -> Iterator[Any]:
    """A TestClient on the app (lifespan run: migrations applied) over SQLite and PostgreSQL."""
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture()
def people(app: Any) -> People:
    """Two authors, two reviewers and an admin (the schema is migrated first; that is idempotent)."""
    app.state.db.migrate()
    found = People(app.state.users)
    for name, role in [("alice", "author"), ("amir", "author"), ("rob", "reviewer"), ("rhea", "reviewer"),
                       ("ada", "admin")]:
        found.add(name, role)
    return found


@pytest.fixture()
def service(app: Any, people: People, queue_settings: Any, screener: Any) -> Any:
    """The domain layer on the same database as ``app`` (for tests that call it directly)."""
    from approval_queue.services.submissions import QueueService

    return QueueService(app.state.db, queue_settings, screener)


@pytest.fixture()
def live_server(app: Any) -> Iterator[str]:
    """The app served by a real uvicorn on 127.0.0.1 in a background thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           backlog=512, limit_concurrency=1000))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
