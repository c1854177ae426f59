"""The Alembic migrations build exactly the schema ``models.py`` describes, on both databases, and
can be undone and redone."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from approval_queue.db import Database, alembic_config
from approval_queue.models import Base
from sqlalchemy import inspect


def test_migrated_schema_matches_the_models(database_url):
    database = Database(database_url)
    database.migrate()
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    database.dispose()
    assert differences == []


def test_migrations_apply_twice_downgrade_and_upgrade_again(database_url):
    database = Database(database_url)
    database.migrate()
    database.migrate()  # a second start-up changes nothing
    with database.engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        connection.commit()
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    database.migrate()
    tables = set(inspect(database.engine).get_table_names())
    database.dispose()
    assert {"users", "submissions", "submission_versions", "authorisations", "events", "outbox"} <= tables


def test_service_refuses_an_unknown_database_scheme():
    from approval_queue.core.config import Settings

    with pytest.raises(ValueError, match="neither SQLite nor PostgreSQL"):
        Settings(database_url="mysql://localhost/queue")
