"""The service's folder is named queue/, but Python must never see an import package named queue."""

from __future__ import annotations

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
