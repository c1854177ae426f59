"""The service's folder is named queue/, but Python must never see an import package named queue."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_import_queue_from_repo_root_is_the_standard_library():
    out = subprocess.run(
        [sys.executable, "-c", "import queue, sys; print(queue.__file__); print(hasattr(queue, 'SimpleQueue'))"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()
    stdlib = Path(sys.base_prefix) / "lib"
    assert Path(out[0]).is_relative_to(stdlib), out[0]
    assert out[1] == "True"


def test_queue_folder_is_not_a_package():
    assert not (REPO_ROOT / "queue" / "__init__.py").exists()


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
