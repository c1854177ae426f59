"""Versioned model artefacts under ``models/<name>/<version>/``, checked by hash on load.

Each artefact folder holds the model file(s) (ONNX or skops, never pickle), a model card
(``README.md``) and ``metadata.json`` recording, at least::

    {"name": ..., "version": ..., "files": {"model.onnx": "<sha256>", ...},
     "data_sha256": ..., "library_versions": {...}, "git_revision": ..., "metrics": {...}}

``load_artefact`` refuses a folder whose files do not match the hashes recorded at training time.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from screening.errors import ModelLoadError

MODELS_ENV = "SCREENING_MODELS_DIR"

T = TypeVar("T")


class ProcessWide(Generic[T]):
    """One loaded model per process: built by ``build`` on first ``get()``, at most once (under a lock)."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._value: T | None = None

    def get(self) -> T:
        if self._value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._build()
        return self._value


def models_root() -> Path:
    """Where artefacts live: ``$SCREENING_MODELS_DIR`` or the repository's ``models/``."""
    override = os.environ.get(MODELS_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "models"


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Artefact:
    """A verified artefact folder: its path and parsed metadata."""

    name: str
    version: str
    path: Path
    metadata: dict[str, Any]

    def file(self, name: str) -> Path:
        """Path of one of the artefact's hashed files."""
        if name not in self.metadata.get("files", {}):
            raise ModelLoadError(
                f"Artefact {self.name}/{self.version} has no file {name!r} in its metadata.json; "
                f"it lists {sorted(self.metadata.get('files', {}))}."
            )
        return self.path / name


def load_artefact(name: str, version: str, root: Path | None = None) -> Artefact:
    """Open ``models/<name>/<version>/`` and check every file against ``metadata.json``."""
    folder = (root or models_root()) / name / version
    meta_path = folder / "metadata.json"
    if not meta_path.is_file():
        raise ModelLoadError(
            f"Model artefact {name}/{version} is missing: {str(meta_path)!r} does not exist. "
            "Run `screening train` to rebuild it, or check out the models/ folder."
        )
    try:
        metadata = json.loads(meta_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelLoadError(f"{str(meta_path)!r} is not valid JSON ({exc}).") from None
    files = metadata.get("files")
    if not isinstance(files, dict) or not files:
        raise ModelLoadError(f"{str(meta_path)!r} lists no files with their sha256; the artefact cannot be verified.")
    for filename, expected in files.items():
        path = folder / filename
        if not path.is_file():
            raise ModelLoadError(f"Artefact {name}/{version} is missing its file {filename!r}.")
        actual = sha256_file(path)
        if actual != expected:
            raise ModelLoadError(
                f"Artefact file {str(path)!r} has sha256 {actual[:12]}..., not the {expected[:12]}... recorded "
                "in metadata.json: it was changed or corrupted. Restore it from git or retrain."
            )
    return Artefact(name=name, version=version, path=folder, metadata=metadata)


def write_metadata(folder: Path, metadata: dict[str, Any], files: list[str]) -> dict[str, Any]:
    """Write ``metadata.json`` for an artefact folder, hashing the named files."""
    record = dict(metadata)
    record["files"] = {f: sha256_file(folder / f) for f in files}
    (folder / "metadata.json").write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return record


def library_versions(*packages: str) -> dict[str, str]:
    """Installed versions of the named distributions, for metadata.json."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for package in packages:
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "not installed"
    return found


def git_revision() -> str:
    """The repository's HEAD commit, or ``"unknown"`` outside a git checkout."""
    import subprocess

    try:
        return subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True,
            cwd=Path(__file__).resolve().parent,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
