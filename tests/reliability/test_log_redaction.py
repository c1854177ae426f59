"""Data protection in logs: raw draft text and finding text never appear in any log record.

Every record from every logger is captured at DEBUG (SQLAlchemy's statement log switched on as
well, as an operator debugging the database might) while distinctive drafts go through the
service, the CLI and the pipeline. Then the safeguard itself (``screening.redaction``) is shown to
scrub a deliberate leak: a draft in a message, in an exception, and in SQLAlchemy's and pydantic's
error messages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from screening import redaction
from tests.conftest import run_cli
from tests.reliability.conftest import bearer

pytestmark = pytest.mark.model

# Made-up names and numbers that occur nowhere else, so any occurrence in a log is a leak.
DRAFTS = [
    "Please ring Quillon Zebrafeather on 07700 900417 about the Varnholt contract.",
    "Send Ottoline Marchbanks-Vey's results to ottoline.mv@example.org before Friday.",
    "Xanthe Pellicorn's NI number is QQ 12 34 56 C; keep it safe.",
]
EDITED = "Please ring the Varnholt office about the contract, thanks to Quillon Zebrafeather."
DISTINCTIVE = ["Quillon", "Zebrafeather", "Ottoline", "Marchbanks", "ottoline.mv", "Xanthe", "Pellicorn",
               "QQ 12 34 56 C", "07700 900417", "Varnholt"]


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture()
def captured_logs() -> Iterator[_Capture]:
    """Every record from every logger at DEBUG, SQLAlchemy's statement log included."""
    root = logging.getLogger()
    handler = _Capture()
    levels = {name: logging.getLogger(name).level for name in ("", "sqlalchemy.engine", "uvicorn", "httpx")}
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def assert_no_leak(lines: list[str], texts: list[str]) -> None:
    joined = "\n".join(lines)
    leaked = [t for t in texts if t in joined]
    assert leaked == [], f"logs hold {leaked}: " + next(
        (line for line in lines if any(t in line for t in leaked)), "")[:400]


def test_pipeline_logs_offsets_and_scores_but_never_text(screener, captured_logs):
    redaction.uninstall()  # the library alone: no safeguard, so this proves it logs no text itself
    results = screener.screen_many(DRAFTS)
    assert sum(len(r.findings) for r in results) >= 4
    assert captured_logs.lines, "nothing was logged at DEBUG; the test would prove nothing"
    finding_texts = [f.text for r in results for f in r.findings if len(f.text) >= 4]
    assert_no_leak(captured_logs.lines, DRAFTS + finding_texts + DISTINCTIVE)


def test_service_logs_never_hold_draft_or_finding_text(queue_client, captured_logs):
    client = queue_client
    author, reviewer = bearer(client.tokens["author"]), bearer(client.tokens["reviewer"])
    finding_texts: list[str] = []
    for number, text in enumerate(DRAFTS):
        screened = client.post("/api/v1/screen", json={"text": text})
        assert screened.status_code == 200
        finding_texts += [f["text"] for f in screened.json()["findings"] if len(f["text"]) >= 4]
        submitted = client.post("/api/v1/submissions", headers=author,
                                json={"text": text, "idempotency_key": f"k{number}"})
        assert submitted.status_code == 201
        again = client.post("/api/v1/submissions", headers=author, json={"text": text, "idempotency_key": f"k{number}"})
        assert again.status_code == 200
    claimed = client.post("/api/v1/queue/claim", headers=reviewer).json()
    decided = client.post(f"/api/v1/submissions/{claimed['id']}/decision", headers=reviewer,
                          json={"action": "request_changes", "reason": "Remove the personal details."})
    assert decided.status_code == 200
    resubmitted = client.post(f"/api/v1/submissions/{claimed['id']}/resubmit",
                              headers=bearer(client.tokens["author"]), json={"text": EDITED})
    assert resubmitted.status_code == 200
    assert client.get(f"/api/v1/submissions/{claimed['id']}", headers=author).status_code == 200
    # Failures on the way must not echo the draft either.
    too_long = client.post("/api/v1/screen", json={"text": DRAFTS[0] * 400})
    assert too_long.status_code == 422
    bad_field = client.post("/api/v1/submissions", headers=author, json={"text": DRAFTS[1], "colour": DRAFTS[2]})
    assert bad_field.status_code == 422
    assert DRAFTS[2] not in bad_field.text

    assert any("sqlalchemy" in line for line in captured_logs.lines), "the SQL log was not captured"
    assert_no_leak(captured_logs.lines, DRAFTS + [EDITED] + finding_texts + DISTINCTIVE)


def test_cli_check_logs_no_text_even_at_debug():
    completed = run_cli("-vv", "check", "--json", stdin=DRAFTS[0].encode("utf-8"))
    assert completed.returncode == 1  # review: it names a person and a phone number
    log = completed.stderr.decode("utf-8")
    assert "DEBUG" in log, "debug logging was not on; the test would prove nothing"
    assert_no_leak(log.splitlines(), [DRAFTS[0], *DISTINCTIVE])


@pytest.fixture()
def safeguard() -> Iterator[None]:
    redaction.install()
    redaction.remember([DRAFTS[0], "Quillon Zebrafeather"])
    yield
    redaction.forget_all()


# Not remembered by the safeguard: only the parameter patterns can catch it.
UNSEEN = "Wrenna Oakhollow's payslip"


def _sqlalchemy_error_with_parameters() -> Exception:
    import sqlalchemy

    engine = sqlalchemy.create_engine("sqlite://")
    with engine.connect() as connection:
        connection.exec_driver_sql("CREATE TABLE t (text TEXT NOT NULL UNIQUE)")
        connection.execute(sqlalchemy.text("INSERT INTO t VALUES (:x)"), {"x": UNSEEN})
        try:
            connection.execute(sqlalchemy.text("INSERT INTO t VALUES (:x)"), {"x": UNSEEN})
        except sqlalchemy.exc.IntegrityError as exc:
            return exc
    raise AssertionError("the duplicate insert did not fail")


def _pydantic_error_with_input() -> Exception:
    from pydantic import BaseModel, ValidationError

    class Body(BaseModel):
        count: int

    try:
        Body(count=UNSEEN)  # type: ignore[arg-type]
    except ValidationError as exc:
        return exc
    raise AssertionError("validation did not fail")


@pytest.mark.parametrize("leak", [
    lambda log: log.info("screened %r", DRAFTS[0]),
    lambda log: log.warning("finding text: Quillon Zebrafeather at [12, 32)"),
    lambda log: log.debug("%s", {"text": DRAFTS[0]}),
])
def test_safeguard_redacts_remembered_text_from_any_logger(safeguard, captured_logs, leak):
    leak(logging.getLogger("some.future.module"))
    assert "[redacted]" in captured_logs.lines[-1]
    assert_no_leak(captured_logs.lines, [DRAFTS[0], "Quillon", "Zebrafeather"])


@pytest.mark.parametrize("make_error", [_sqlalchemy_error_with_parameters, _pydantic_error_with_input])
def test_safeguard_strips_parameters_that_library_errors_echo(safeguard, captured_logs, make_error):
    error = make_error()
    assert "Wrenna Oakhollow" in str(error)  # the library does echo it
    try:
        raise error
    except Exception:
        logging.getLogger("approval_queue.services").exception("write failed: %s", error)
    assert_no_leak(captured_logs.lines, ["Wrenna", "Oakhollow"])
    assert "[redacted]" in "\n".join(captured_logs.lines)


def test_safeguard_remembers_only_a_bounded_number_of_texts(safeguard):
    redaction.remember(f"draft number {i:05d}" for i in range(redaction.MAX_REMEMBERED + 100))
    assert redaction.redact("draft number 00000") == "draft number 00000"  # the oldest were forgotten
    assert redaction.redact(f"x draft number {redaction.MAX_REMEMBERED + 99:05d}") == "x [redacted]"


def test_safeguard_memory_is_bounded_by_characters_too(safeguard):
    big = [f"{i:06d} " + "x" * 199_993 for i in range(40)]  # 8 million characters
    redaction.remember(big)
    assert redaction.redact(big[0]) == big[0]  # the oldest were dropped to stay under the bound
    assert redaction.redact(big[-1]) == "[redacted]"
