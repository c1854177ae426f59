"""Append-only, fsync'd checkpoint of an audit's results, keyed by row index.

``OUTDIR/.audit/results.jsonl`` gets one JSON record per screened post, appended and fsync'd after
every batch, so a crash or Ctrl-C loses at most the batch in flight. ``OUTDIR/.audit/input.json``
holds a fingerprint of the input, options and policy; ``--resume`` refuses to continue an audit of
something else. On resume a torn last line (the process died mid-write) is cut off, the rows
already recorded are skipped, and a row recorded twice (a batch written just before the crash and
replayed) keeps its first record, so no post is screened twice in the output and none is lost.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from screening.errors import InputError

logger = logging.getLogger(__name__)

STATE_DIR = ".audit"


def fingerprint(path: Path, settings: dict[str, Any]) -> dict[str, Any]:
    """What identifies an audit: the input's size and content hash (head and tail) and settings."""
    size = path.stat().st_size
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        digest.update(handle.read(1 << 20))
        if size > 2 << 20:
            handle.seek(size - (1 << 20))
            digest.update(handle.read())
    return {"input": str(path.resolve()), "size": size, "sha256_head_tail": digest.hexdigest(), **settings}


class Checkpoint:
    """The audit's durable state in ``OUTDIR/.audit/``."""

    def __init__(self, outdir: Path) -> None:
        self.folder = outdir / STATE_DIR
        self.results = self.folder / "results.jsonl"
        self.meta = self.folder / "input.json"
        self._handle: Any = None

    @classmethod
    def open(cls, outdir: Path, print_: dict[str, Any], *, resume: bool, overwrite: bool) -> Checkpoint:
        """Start a new checkpoint, or continue the one in ``outdir`` when ``resume``."""
        checkpoint = cls(outdir)
        exists = checkpoint.meta.is_file()
        if exists and not resume and not overwrite:
            raise InputError(
                f"{str(outdir)!r} already holds an audit; continue it with --resume, or start again with "
                "--overwrite (or choose another output folder)."
            )
        if exists and resume:
            recorded = json.loads(checkpoint.meta.read_text(encoding="utf-8"))
            differs = sorted(k for k in set(recorded) | set(print_) if recorded.get(k) != print_.get(k))
            if differs:
                raise InputError(
                    f"Cannot resume the audit in {str(outdir)!r}: its {', '.join(differs)} differ from this run's. "
                    "Resume with the same input and options, or start again with --overwrite."
                )
            checkpoint._repair()
        else:
            if resume:
                logger.info("no audit to resume in %s; starting a new one", outdir)
            if checkpoint.folder.exists():
                shutil.rmtree(checkpoint.folder)
            checkpoint.folder.mkdir(parents=True)
            _write_durably(checkpoint.meta, json.dumps(print_, indent=2, sort_keys=True))
            checkpoint.results.touch()
        checkpoint._handle = checkpoint.results.open("a", encoding="utf-8")
        return checkpoint

    def _repair(self) -> None:
        if not self.results.exists():
            self.results.touch()
            return
        with self.results.open("rb+") as handle:
            data = handle.read()
            if data and not data.endswith(b"\n"):
                cut = data.rfind(b"\n") + 1
                logger.warning("checkpoint ends in a torn record; dropping its last %d bytes", len(data) - cut)
                handle.truncate(cut)

    def done_rows(self) -> set[int]:
        """Row indices already recorded."""
        return {record["row"] for record in self._read()}

    def append(self, records: Iterable[dict[str, Any]]) -> None:
        """Append records and make them durable before returning."""
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        if not lines:
            return
        self._handle.write(lines)
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def index(self) -> dict[int, int]:
        """Byte offset of each row's first record (a row recorded twice keeps its first)."""
        offsets: dict[int, int] = {}
        with self.results.open("rb") as handle:
            offset = 0
            for line in handle:
                if line.endswith(b"\n"):
                    offsets.setdefault(json.loads(line)["row"], offset)
                offset += len(line)
        return offsets

    def records(self, index: dict[int, int] | None = None) -> Iterator[dict[str, Any]]:
        """Every recorded row once, ordered by row.

        Streams: only the row -> offset index is held in memory, so writing the results of an
        audit of millions of posts does not need them all in memory at once.
        """
        index = self.index() if index is None else index
        with self.results.open("rb") as handle:
            for row in sorted(index):
                handle.seek(index[row])
                yield json.loads(handle.readline())

    def _read(self) -> Iterator[dict[str, Any]]:
        with self.results.open("r", encoding="utf-8") as handle:
            for line in handle:
                if line.endswith("\n"):
                    yield json.loads(line)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _write_durably(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
