"""Engine, sessions and migrations for SQLite (the default) and PostgreSQL (through psycopg).

SQLite runs in WAL mode with a busy timeout, and every write transaction starts with
``BEGIN IMMEDIATE`` so that a read-then-write (a claim, an event append) holds the write lock from
its first statement: two writers can never both read the same state and both act on it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

logger = logging.getLogger(__name__)

QUEUE_DIR = Path(__file__).resolve().parent.parent
ALEMBIC_INI = QUEUE_DIR / "alembic.ini"
MIGRATIONS_DIR = QUEUE_DIR / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# pg_advisory_lock keys: one for migrations at start-up, one serialising appends to the event chain.
MIGRATION_LOCK_KEY = 7_340_001
EVENT_CHAIN_LOCK_KEY = 7_340_002


class Database:
    """One engine and two session factories: ``write()`` (locking) and ``read()`` transactions."""

    def __init__(self, url: str, *, pool_size: int = 10) -> None:
        self.url = url
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        # hide_parameters: SQL logs and error messages must never echo a draft's text (data protection).
        kwargs: dict[str, Any] = {"future": True, "pool_pre_ping": True, "hide_parameters": True}
        if self.dialect == "sqlite":
            database = parsed.database
            if database and database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs.update(pool_size=pool_size, max_overflow=pool_size * 3)
        self.engine: Engine = create_engine(url, **kwargs)
        if self.dialect == "sqlite":
            _configure_sqlite(self.engine)
        self._writer = sessionmaker(
            self.engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"), expire_on_commit=False
        )
        self._reader = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_postgresql(self) -> bool:
        return self.dialect == "postgresql"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that will change data: committed on success, rolled back on any error."""
        with self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction (a consistent snapshot on both databases)."""
        with self._reader() as session, session.begin():
            yield session

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (safe when several processes start at once)."""
        config = alembic_config()
        with self.engine.connect() as connection:
            # SQLite: take the write lock at once, so two processes starting together migrate in turn.
            connection = connection.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            if self.is_postgresql:
                connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
                connection.commit()
            try:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                connection.commit()
            finally:
                if self.is_postgresql:
                    connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK_KEY})
                    connection.commit()
        logger.info("database schema at the newest revision (%s)", self.dialect)

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(url: str | None = None) -> Config:
    """The Alembic configuration for ``queue/migrations``; ``url`` for command-line use."""
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module, which would otherwise BEGIN late
        # (only before the first write) and so lose the read-then-write guarantee.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA secure_delete=ON")  # purged or deleted text is overwritten, not left in free pages
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN"))


def open_database(url: str | None = None) -> Database:
    """The service's database (``SCREENING_DATABASE_URL``, default SQLite under ``var/``), migrated.

    For the command-line tools, which may run before the service ever started.
    """
    if url is None:
        from approval_queue.core.config import get_settings

        url = get_settings().resolved_database_url
    database = Database(url, pool_size=2)
    database.migrate()
    return database
