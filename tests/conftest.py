"""Fixtures shared by the whole suite: the real screener (loaded once), the app, a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("SCREENING_ENVIRONMENT", "test")


@pytest.fixture(scope="session")
def screener():
    """The real screening pipeline on the shipped policy and models, loaded once per session."""
    from screening import Screener

    return Screener.load()


@pytest.fixture()
def settings(tmp_path: Path):
    from approval_queue.core.config import Settings

    return Settings(environment="test", var_dir=tmp_path / "var", database_url=f"sqlite:///{tmp_path / 'test.db'}")


@pytest.fixture()
def client(settings, screener) -> Iterator:
    from approval_queue.main import create_app
    from fastapi.testclient import TestClient

    with TestClient(create_app(settings=settings, screener=screener)) as test_client:
        yield test_client


def run_cli(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the installed console script as a user would."""
    exe = Path(sys.executable).parent / "screening"
    return subprocess.run(
        [str(exe), *args], input=stdin, capture_output=True, cwd=REPO_ROOT, timeout=300,
        env={**os.environ, **(env or {})},
    )
