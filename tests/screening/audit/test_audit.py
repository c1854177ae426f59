"""`screening audit` end to end with the shipped policy and models: results, errors, resume, engines."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from screening.audit import AuditOptions, EngineOptions, audit
from screening.audit.checkpoint import Checkpoint
from screening.audit.records import RESULT_COLUMNS
from screening.cli import main
from screening.findings import Finding

pytestmark = pytest.mark.model

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "audit_sample"
FIRST_FORM = ["id", "decision", "categories", "score_offensive", "score_discriminatory", "score_defamatory",
              "score_pii", "score_confidential", "findings_json"]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _subset(tmp_path: Path, n: int) -> Path:
    """The first ``n`` posts of the shipped sample (keeps the slower tests short)."""
    rows = _rows(SAMPLE / "posts.csv")[:n]
    path = tmp_path / "subset.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def sample_audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("audit")
    assert main(["audit", str(SAMPLE / "posts.csv"), "-o", str(outdir), "-q"]) == 1
    return outdir


def test_results_csv_has_the_first_form_columns_one_row_per_post_in_order(sample_audit: Path) -> None:
    rows = _rows(sample_audit / "results.csv")
    posts = _rows(SAMPLE / "posts.csv")
    assert list(rows[0])[: len(FIRST_FORM)] == FIRST_FORM
    assert [r["id"] for r in rows] == [p["id"] for p in posts]
    assert {r["decision"] for r in rows} <= {"allow", "review", "block"}


def test_flagged_rows_list_their_categories_and_findings_as_finding_fields(sample_audit: Path) -> None:
    rows = _rows(sample_audit / "results.csv")
    flagged = [r for r in rows if r["decision"] != "allow"]
    assert flagged, "the sample holds synthetic personal data the PII detector must flag"
    for row in flagged:
        findings = [Finding(**f) for f in json.loads(row["findings_json"])]
        assert findings
        assert row["categories"].split(";") == sorted({f.category for f in findings},
                                                      key=["offensive", "discriminatory", "defamatory",
                                                           "pii", "confidential"].index)
        assert float(row[f"score_{findings[0].category}"]) >= findings[0].score
    clean = [r for r in rows if r["decision"] == "allow"]
    assert all(r["categories"] == "" and r["findings_json"] == "[]" for r in clean)


def test_sample_posts_written_to_flag_pii_are_flagged(sample_audit: Path) -> None:
    intended = {p["id"]: p["intended"] for p in _rows(SAMPLE / "posts.csv")}
    rows = _rows(sample_audit / "results.csv")
    pii_rows = [r for r in rows if intended[r["id"]] == "pii"]
    assert sum("pii" in r["categories"] for r in pii_rows) >= 0.8 * len(pii_rows)


def test_report_is_self_contained_and_names_every_account(sample_audit: Path) -> None:
    html = (sample_audit / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.IGNORECASE)
    assert "@import" not in html and "<link" not in html.lower()
    assert html.count("<svg") >= 4
    for account in ("@NorthfieldInst", "northfield-institute", "@NorthfieldSTEM"):
        assert account in html
    assert "<mark" in html


def test_csv_without_the_text_column_exits_2_with_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    assert main(["audit", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "no 'text' column" in err and "--text-column" in err
    assert not (tmp_path / "out" / "results.csv").exists()


def test_text_column_option_names_the_column(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("ref,body\nr1,See you at the open day!\n", encoding="utf-8")
    assert main(["audit", str(path), "-o", str(tmp_path / "out"), "--text-column", "body",
                 "--id-column", "ref", "-q"]) == 0
    assert [(r["id"], r["decision"]) for r in _rows(tmp_path / "out" / "results.csv")] == [("r1", "allow")]


def test_bad_rows_are_reported_as_errors_and_every_other_row_is_screened(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    too_long = "word " * 4001  # 20,005 characters: over the policy's 20,000 limit
    path.write_bytes(
        b"id,text\n"
        b"ok1,Looking forward to the open day on Saturday.\n"
        b"empty,   \n"
        + f"long,{too_long}\n".encode()
        + b"bytes,caf\xe9 au lait\n"
        b"pii,Email jo.bloggs@example.com for the tickets.\n"
    )
    assert main(["audit", str(path), "-o", str(tmp_path / "out"), "-q"]) == 1
    rows = {r["id"]: r for r in _rows(tmp_path / "out" / "results.csv")}
    assert rows["ok1"]["decision"] == "allow" and rows["ok1"]["error"] == ""
    assert rows["pii"]["decision"] == "review" and "pii" in rows["pii"]["categories"]
    for key, reason in (("empty", "empty"), ("long", "over the limit"), ("bytes", "UTF-8")):
        assert rows[key]["decision"] == "error"
        assert reason in rows[key]["error"]
    assert rows["bytes"]["line"] == "5"


def test_parquet_output_holds_the_same_results(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    source = _subset(tmp_path, 30)
    assert main(["audit", str(source), "-o", str(tmp_path / "csv"), "-q"]) == 1
    assert main(["audit", str(source), "-o", str(tmp_path / "pq"), "--output-format", "parquet", "-q"]) == 1
    table = pq.read_table(tmp_path / "pq" / "results.parquet").to_pylist()
    rows = _rows(tmp_path / "csv" / "results.csv")
    assert list(table[0]) == list(RESULT_COLUMNS)
    assert [(t["id"], t["decision"], t["findings_json"]) for t in table] == [
        (r["id"], r["decision"], r["findings_json"]) for r in rows
    ]


class _Crash(Exception):
    """Stands for the process dying after some batches were written."""


def test_interrupted_audit_resumes_without_screening_a_post_twice_or_losing_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _subset(tmp_path, 90)
    options = AuditOptions(engine=EngineOptions(chunk_size=20), progress=False)
    whole = audit(source, tmp_path / "whole", options)

    appended = 0
    real_append = Checkpoint.append

    def crash_after_two_batches(self: Checkpoint, records: list[dict[str, object]]) -> None:
        nonlocal appended
        if appended == 2:
            # A crash mid-write leaves a torn last line behind.
            with self.results.open("a", encoding="utf-8") as handle:
                handle.write('{"row": 40, "decision": "al')
            raise _Crash
        real_append(self, records)
        appended += 1

    monkeypatch.setattr(Checkpoint, "append", crash_after_two_batches)
    with pytest.raises(_Crash):
        audit(source, tmp_path / "resumed", options)
    monkeypatch.setattr(Checkpoint, "append", real_append)

    with pytest.raises(Exception, match="--resume"):
        audit(source, tmp_path / "resumed", options)
    resumed = audit(source, tmp_path / "resumed", AuditOptions(
        engine=EngineOptions(chunk_size=20), progress=False, resume=True))
    assert resumed.resumed_from == 40
    assert resumed.screened_now == 50
    lines = (tmp_path / "resumed" / ".audit" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["row"] for line in lines) == list(range(90))
    assert _rows(resumed.results) == _rows(whole.results)


def test_resume_refuses_a_different_input(tmp_path: Path) -> None:
    source = _subset(tmp_path, 5)
    audit(source, tmp_path / "out", AuditOptions(progress=False))
    other = tmp_path / "other.csv"
    other.write_text("id,text\n1,A different file entirely.\n", encoding="utf-8")
    with pytest.raises(Exception, match="Cannot resume .* differ"):
        audit(other, tmp_path / "out", AuditOptions(progress=False, resume=True))


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_two_worker_engines_give_results_identical_to_one_process(tmp_path: Path, engine: str) -> None:
    source = _subset(tmp_path, 80)
    single = audit(source, tmp_path / "single", AuditOptions(engine=EngineOptions(chunk_size=16), progress=False))
    parallel = audit(source, tmp_path / engine, AuditOptions(
        engine=EngineOptions(engine=engine, workers=2, chunk_size=16), progress=False))  # type: ignore[arg-type]
    assert parallel.total == 80
    assert _rows(parallel.results) == _rows(single.results)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_parallel_audit_stopped_midway_resumes_to_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    source = _subset(tmp_path, 64)
    single = audit(source, tmp_path / "single", AuditOptions(engine=EngineOptions(chunk_size=16), progress=False))
    options = AuditOptions(engine=EngineOptions(engine=engine, workers=2, chunk_size=8), progress=False)  # type: ignore[arg-type]
    real_append = Checkpoint.append
    calls = 0

    def stop_after_one_batch(self: Checkpoint, records: list[dict[str, object]]) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        real_append(self, records)

    monkeypatch.setattr(Checkpoint, "append", stop_after_one_batch)
    with pytest.raises(KeyboardInterrupt):
        audit(source, tmp_path / engine, options)
    monkeypatch.setattr(Checkpoint, "append", real_append)
    resumed = audit(source, tmp_path / engine, AuditOptions(
        engine=options.engine, progress=False, resume=True))
    assert resumed.resumed_from == 8
    assert _rows(resumed.results) == _rows(single.results)
