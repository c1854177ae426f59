"""Bad input files for `screening audit`: rows with the wrong number of fields, bytes that are not
UTF-8, NUL bytes, a 300,000-character single line, malformed JSON lines and an unterminated quote.
Every row comes out in the results, screened or with a sentence saying why not: nothing is lost.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import run_cli

pytestmark = [pytest.mark.model, pytest.mark.slow]

CSV_ROWS = [
    b"id,text,date\n",
    b"1,Our open day is on Saturday.,2024-01-02\n",
    b"2,too,many,fields,here\n",
    b"3,caf\xe9 in latin-1,2024-01-03\n",
    b"4," + b"w" * 300_000 + b",2024-01-04\n",
    b"5,nul \x00 inside,2024-01-05\n",
    b"\n",
    b"6,Call Jane Doe on 07700 900123.,2024-01-06\n",
    b'7,"unterminated quote,2024-01-07\n',
]
# id -> (decision, fragment of the error sentence)
CSV_EXPECTED = {
    "1": ("allow", ""),
    "2": ("error", "5 fields where the header has 3"),
    "3": ("error", "not valid UTF-8"),
    "4": ("error", "over the limit of 20,000"),
    "5": ("allow", ""),
    "6": ("review", ""),
    "7": ("error", "fields where the header has 3"),
}
JSONL_LINES = [
    b'{"id": "a", "text": "Our open day is on Saturday."}\n',
    b'{"id": "b", "text": "unclosed\n',
    b'{"id": "c", "words": "no text field"}\n',
    b'{"id": "d", "text": "' + b"long " * 200_000 + b'"}\n',
    b"[1, 2, 3]\n",
    b'{"id": "f", "text": "Call Jane Doe on 07700 900123."}\n',
]


def _audit(tmp_path: Path, name: str, content: bytes) -> list[dict[str, str]]:
    source = tmp_path / name
    source.write_bytes(content)
    completed = run_cli("audit", str(source), "-o", str(tmp_path / "out"), "--no-report", "-q")
    assert completed.returncode in (0, 1), completed.stderr.decode()[-2000:]
    assert b"Traceback" not in completed.stderr
    with (tmp_path / "out" / "results.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_csv_row_is_screened_or_reported_with_a_sentence(tmp_path):
    rows = {r["id"]: r for r in _audit(tmp_path, "posts.csv", b"".join(CSV_ROWS))}
    assert set(rows) == set(CSV_EXPECTED)
    for ident, (decision, fragment) in CSV_EXPECTED.items():
        assert rows[ident]["decision"] == decision, rows[ident]
        assert fragment in rows[ident]["error"]
        if decision == "error":
            assert rows[ident]["error"].endswith(".")


def test_every_jsonl_line_is_screened_or_reported_with_a_sentence(tmp_path):
    rows = _audit(tmp_path, "posts.jsonl", b"".join(JSONL_LINES))
    assert len(rows) == len(JSONL_LINES)
    decisions = [r["decision"] for r in sorted(rows, key=lambda r: int(r["row"]))]
    assert decisions[0] == "allow" and decisions[-1] == "review"
    assert decisions[1:5] == ["error"] * 4
    assert all(r["error"].endswith(".") for r in rows if r["decision"] == "error")
