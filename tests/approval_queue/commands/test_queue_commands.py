"""`screening users`, `screening audit-log verify` and `screening export-decisions` on SQLite and
PostgreSQL: once as a user would run it (the console script in a subprocess), the rest in-process
through ``screening.cli.main`` (a subprocess pays seconds of library imports each time)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from screening.cli import main as cli_main
from tests.approval_queue.conftest import FLAGGED
from tests.conftest import run_cli


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli_main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err

pytestmark = pytest.mark.model


def test_users_add_prints_the_token_last_and_it_authenticates(app, database_url, capsys):
    result = run_cli("users", "--database-url", database_url, "add", "Priya Shah", "--role", "reviewer")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    token = out.split()[-1]
    assert token.startswith("sq_") and len(token) > 40
    user = app.state.users.by_token(token)
    assert (user.name, user.role) == ("Priya Shah", "reviewer")
    with app.state.db.read() as session:
        from approval_queue.models import User

        stored = session.get(User, user.id)
        assert token not in (stored.token_hash, stored.password_hash)
    code, listed, _ = cli(capsys, "users", "--database-url", database_url, "list")
    assert code == 0
    assert "Priya Shah" in listed and "reviewer" in listed and token not in listed


def test_users_add_with_password_from_stdin_enables_password_sign_in(app, database_url, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("plum-tree-Lantern-42\n"))
    code, out, _ = cli(capsys, "users", "--database-url", database_url, "add", "amy", "--role", "author",
                       "--password-stdin")
    assert code == 0
    assert out.split()[-1].startswith("sq_")
    assert app.state.users.by_password("amy", "plum-tree-Lantern-42").name == "amy"
    with app.state.db.read() as session:
        from approval_queue.models import User

        stored = session.query(User).filter_by(name="amy").one()
        assert stored.password_hash.startswith("scrypt$")
        assert "plum-tree" not in stored.password_hash


@pytest.mark.parametrize(
    ("args", "stdin", "fragment"),
    [
        (["add", "bo", "--role", "overlord"], "", "invalid choice"),
        (["add", "bo", "--role", "author", "--password-stdin"], "short\n", "at least 12"),
        (["rotate-token", "nobody"], "", "no user named"),
    ],
)
def test_users_command_refuses_bad_input_with_a_sentence(database_url, capsys, monkeypatch, args, stdin, fragment):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        code = cli_main(["users", "--database-url", database_url, *args])
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2
    assert fragment in capsys.readouterr().err


def test_audit_log_verify_and_export_decisions(service, people, database_url, capsys):
    rob = people.user("rob")
    first = service.submit(people.user("alice"), FLAGGED).submission.id
    second = service.submit(people.user("amir"), FLAGGED + " Thanks.").submission.id
    service.claim(rob, first)
    service.approve(rob, first, "The caller agreed to be named.")
    service.claim(rob, second)
    service.reject(rob, second, "Personal mobile number.")

    code, out, _ = cli(capsys, "audit-log", "--database-url", database_url, "verify")
    assert code == 0
    assert "intact" in out

    code, out, _ = cli(capsys, "export-decisions", "--database-url", database_url)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["submission_id"], r["label"], r["action"], r["reviewer"]) for r in rows] == [
        (first, "acceptable", "approve", "rob"), (second, "not_acceptable", "reject", "rob")]
    assert rows[0]["text"] == FLAGGED
    assert "pii" in rows[0]["flagged_categories"]  # defamatory also reads "her complaint" since it landed
    # Retraining needs each finding's category next to its label, and both timestamps.
    assert {f["category"] for f in rows[1]["findings"]} == set(rows[1]["flagged_categories"])
    assert all(f["label"] in rows[1]["finding_labels"] for f in rows[1]["findings"])
    assert rows[0]["submitted_at"] <= rows[0]["decided_at"]
    _, table, _ = cli(capsys, "export-decisions", "--database-url", database_url, "--format", "csv")
    table_rows = list(csv.DictReader(io.StringIO(table)))
    assert [r["label"] for r in table_rows] == ["acceptable", "not_acceptable"]
    assert json.loads(table_rows[1]["findings"]) == rows[1]["findings"]
