"""The hash-chained, append-only event log: the database refuses changes, and any edit or deletion
that gets past it (a superuser, a restored backup) is found by ``screening audit-log verify``."""

from __future__ import annotations

import pytest
from approval_queue.commands import audit_log
from sqlalchemy.exc import DBAPIError

from screening.cli import main as cli_main
from tests.approval_queue.conftest import BLOCKED, FLAGGED

pytestmark = pytest.mark.model


@pytest.fixture()
def history(app, people, service):
    """Five users added (events 1-5), then two submissions through seven transitions (events 6-12)."""
    queue = service
    alice, rob, ada = (people.user(n) for n in ("alice", "rob", "ada"))
    first = queue.submit(alice, FLAGGED).submission.id
    queue.claim(rob, first)
    queue.request_changes(rob, first, "Remove the phone number.")
    second = queue.submit(alice, BLOCKED).submission.id
    queue.claim(rob, second)
    queue.escalate(rob, second, "Payroll data.")
    queue.reject(ada, second, "Never post NI numbers.")
    return app.state.db


def _verify(db):
    from approval_queue.services.audit import verify_chain

    with db.read() as session:
        return verify_chain(session)


def tamper(db, *statements: str) -> None:
    """Change the events table the way only someone with DDL rights could: triggers off first."""
    with db.engine.begin() as conn:
        if db.is_postgresql:
            conn.exec_driver_sql("ALTER TABLE events DISABLE TRIGGER USER")
        else:
            conn.exec_driver_sql("DROP TRIGGER events_no_update")
            conn.exec_driver_sql("DROP TRIGGER events_no_delete")
        for statement in statements:
            conn.exec_driver_sql(statement)
        if db.is_postgresql:
            conn.exec_driver_sql("ALTER TABLE events ENABLE TRIGGER USER")


def test_intact_chain_verifies(history):
    report = _verify(history)
    assert report.ok, report.problem
    assert report.events == 12


@pytest.mark.parametrize(
    "statement",
    ["UPDATE events SET reason = 'edited' WHERE seq = 3", "DELETE FROM events WHERE seq = 3",
     "DELETE FROM events"],
)
def test_database_refuses_to_change_or_delete_events(history, statement):
    with pytest.raises(DBAPIError, match="append-only"), history.write() as session:
        session.connection().exec_driver_sql(statement)
    assert _verify(history).ok


@pytest.mark.integration
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgresql_refuses_truncate_of_events(history):
    with pytest.raises(DBAPIError, match="append-only"), history.write() as session:
        session.connection().exec_driver_sql("TRUNCATE events")


@pytest.mark.parametrize(
    ("statements", "first_bad", "fragment"),
    [
        (["UPDATE events SET reason = 'Looked fine.' WHERE seq = 9"], 9, "was altered"),
        (["UPDATE events SET actor = 'mallory' WHERE seq = 4"], 4, "was altered"),
        (["DELETE FROM events WHERE seq = 6"], 6, "is missing"),
        # Re-hashing the edited event is not enough: the next event's link no longer matches.
        (["UPDATE events SET hash = '" + "f" * 64 + "' WHERE seq = 5"], 5, "was altered"),
        (["DELETE FROM events WHERE seq = 12"], None, "newest event"),
    ],
)
def test_verify_names_the_first_bad_event(history, statements, first_bad, fragment):
    tamper(history, *statements)
    report = _verify(history)
    assert not report.ok
    assert report.first_bad_seq == first_bad
    assert fragment in report.problem


def test_rehashed_edit_is_caught_at_the_next_link(history):
    from approval_queue.models import Event
    from approval_queue.services.audit import event_hash

    with history.read() as session:
        event = session.get(Event, 7)
        session.expunge(event)
    event.reason = "Approved after all."
    forged = event_hash(event)
    tamper(history, f"UPDATE events SET reason = 'Approved after all.', hash = '{forged}' WHERE seq = 7")
    report = _verify(history)
    assert (report.ok, report.first_bad_seq) == (False, 8)
    assert "does not link" in report.problem


def test_cli_verify_exits_zero_then_non_zero_naming_the_event(history, capsys, database_url):
    assert cli_main(["audit-log", "--database-url", database_url, "verify"]) == 0
    assert "intact: 12 events" in capsys.readouterr().out
    tamper(history, "UPDATE events SET reason = 'nothing to see' WHERE seq = 10")
    assert cli_main(["audit-log", "--database-url", database_url, "verify"]) == 1
    out = capsys.readouterr().out
    assert "BROKEN at event 10" in out
    assert audit_log.__doc__ and "Exit status" in audit_log.__doc__
