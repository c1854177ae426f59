"""The installed `screening` console script, run as a user would."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.model


def test_check_clean_text_exits_zero():
    done = run_cli("check", "Our open day is on Saturday 14 March: all welcome.")
    assert done.returncode == 0, done.stderr
    assert b"ALLOW" in done.stdout


def test_check_json_has_the_to_dict_shape_and_exit_one_when_flagged():
    done = run_cli("check", "--json", "Email jane.doe@example.com or call 07700 900123")
    assert done.returncode == 1, done.stderr
    body = json.loads(done.stdout)
    assert body["decision"] in ("review", "block")
    assert {f["label"] for f in body["findings"]} >= {"EMAIL_ADDRESS"}


def test_check_reads_a_file_and_stdin(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Call me on 07700 900123", encoding="utf-8")
    assert run_cli("check", "-f", str(draft)).returncode == 1
    assert run_cli("check", stdin=b"Call me on 07700 900123").returncode == 1


@pytest.mark.parametrize(
    ("args", "stdin", "fragment"),
    [
        (("check", "   "), None, b"empty"),
        (("check",), b"\xff\xfe\x00bad", b"not valid UTF-8"),
        (("check", "-f", "/nonexistent/draft.txt"), None, b"Cannot read draft file"),
        (("check", "--policy", "/nonexistent/policy.yaml", "hi there"), None, b"does not exist"),
        (("frobnicate",), None, b"invalid choice"),
    ],
)
def test_usage_and_input_errors_exit_two_with_a_sentence(args, stdin, fragment):
    done = run_cli(*args, stdin=stdin)
    assert done.returncode == 2
    assert fragment in done.stderr
