"""The checkpoint's durability rules and the report's rendering, without loading any model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from screening.audit.checkpoint import Checkpoint
from screening.audit.report import highlight, render, summarise
from screening.errors import InputError

PRINT = {"input": "/x/posts.csv", "size": 10, "sha256_head_tail": "ab", "policy_version": "1"}


def _record(row: int, decision: str = "allow", **extra: Any) -> dict[str, Any]:
    return {"row": row, "id": f"p{row}", "decision": decision, "categories": "", "findings_json": "[]",
            "date": None, "account": None, "line": row + 2, "error": "", **extra}


def test_resume_cuts_a_torn_last_line_and_keeps_the_first_record_of_a_row(tmp_path: Path) -> None:
    checkpoint = Checkpoint.open(tmp_path, PRINT, resume=False, overwrite=False)
    checkpoint.append([_record(0), _record(1)])
    checkpoint.append([_record(1, "review")])  # a batch replayed after a crash
    checkpoint.close()
    with (tmp_path / ".audit" / "results.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"row": 2, "deci')
    resumed = Checkpoint.open(tmp_path, PRINT, resume=True, overwrite=False)
    assert resumed.done_rows() == {0, 1}
    assert [r["decision"] for r in resumed.records()] == ["allow", "allow"]
    resumed.append([_record(2)])
    resumed.close()
    lines = (tmp_path / ".audit" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["row"] for line in lines] == [0, 1, 1, 2]


@pytest.mark.parametrize(
    ("resume", "overwrite", "outcome"),
    [(False, False, "refused"), (True, False, "kept"), (False, True, "fresh")],
)
def test_an_existing_audit_is_refused_resumed_or_overwritten(tmp_path: Path, resume: bool, overwrite: bool,
                                                              outcome: str) -> None:
    first = Checkpoint.open(tmp_path, PRINT, resume=False, overwrite=False)
    first.append([_record(0)])
    first.close()
    if outcome == "refused":
        with pytest.raises(InputError, match="--resume.*--overwrite"):
            Checkpoint.open(tmp_path, PRINT, resume=resume, overwrite=overwrite)
        return
    again = Checkpoint.open(tmp_path, PRINT, resume=resume, overwrite=overwrite)
    assert again.done_rows() == ({0} if outcome == "kept" else set())
    again.close()


def test_resume_names_what_differs(tmp_path: Path) -> None:
    Checkpoint.open(tmp_path, PRINT, resume=False, overwrite=False).close()
    with pytest.raises(InputError, match="policy_version differ"):
        Checkpoint.open(tmp_path, {**PRINT, "policy_version": "2"}, resume=True, overwrite=False)


def _finding(start: int, end: int, category: str = "pii", label: str = "EMAIL_ADDRESS") -> dict[str, Any]:
    return {"category": category, "label": label, "start": start, "end": end, "text": "", "score": 0.9,
            "severity": "medium", "detector": "d", "explanation": "why", "policy_clause": "c"}


def test_highlight_escapes_the_post_and_marks_each_span_once() -> None:
    text = "<b>Mail</b> jo@example.com & co"
    html = highlight(text, [_finding(12, 26), _finding(15, 20)])
    assert html.startswith("&lt;b&gt;Mail&lt;/b&gt; <mark class=\"pii\"")
    assert html.count("<mark") == 1 and ">jo@example.com</mark>" in html and html.endswith(" &amp; co")


def test_summary_counts_by_decision_category_month_and_account() -> None:
    records = [
        _record(0, "allow", date="2025-01-03T10:00:00", account="@a"),
        _record(1, "review", categories="pii", findings_json=json.dumps([_finding(0, 4)]),
                date="2025-01-09T10:00:00", account="@a", text="Mail me"),
        _record(2, "block", categories="pii;confidential",
                findings_json=json.dumps([_finding(0, 4), _finding(5, 7, "confidential", "TERM")]),
                date="2025-03-01T10:00:00", account="@b", text="Mail me"),
        _record(3, "error", error="The draft is empty", account="@b"),
    ]
    summary = summarise(records)
    assert dict(summary.decisions) == {"allow": 1, "review": 1, "block": 1, "error": 1}
    assert dict(summary.categories) == {"pii": 2, "confidential": 1}
    assert {m: dict(c) for m, c in summary.months.items()} == {"2025-01": {"review": 1}, "2025-03": {"block": 1}}
    assert (summary.accounts["@a"].posts, summary.accounts["@a"].flagged) == (2, 1)
    assert (summary.accounts["@b"].blocked, summary.accounts["@b"].errors) == (1, 1)
    assert [r["row"] for r in summary.top] == [2, 1]  # blocked first
    html = render(summary, {"input": "posts.csv", "format": "csv", "policy_version": "1"})
    assert "2025-02" in html  # an empty month in range still gets its column
    assert "The draft is empty" in html and "<script" not in html
