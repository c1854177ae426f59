"""The service lives in ``queue/approval_queue``; ``queue/`` must never shadow the standard library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_queue_from_repository_root_gives_the_standard_library() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", "import queue; print(queue.__file__)"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    location = Path(completed.stdout.strip()).resolve()
    assert not location.is_relative_to(ROOT), f"'import queue' found {location} inside the repository"
    assert location.name == "queue.py"


_SKIP = {".git", ".venv", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def test_no_package_or_module_named_queue_anywhere_in_the_repository() -> None:
    offenders = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [s for s in subfolders if s not in _SKIP]
        here = Path(folder)
        if "queue.py" in files:
            offenders.append(here / "queue.py")
        if "queue" in subfolders and (here / "queue" / "__init__.py").exists():
            offenders.append(here / "queue" / "__init__.py")
    assert offenders == [], f"these shadow the standard library's queue module: {offenders}"
