"""Run a command as a whole process and measure it: wall time and peak resident memory per process.

Memory is sampled (every 50 ms) over the process and all its descendants, so a Dask worker or a
pool process is measured on its own: ``peak_rss_mb`` is the largest any single process reached,
``peak_total_mb`` the largest sum over the tree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    """One measured process."""

    argv: list[str]
    pid: int
    seconds: float
    returncode: int
    peak_rss_mb: float
    peak_total_mb: float
    peak_by_process: dict[int, float] = field(default_factory=dict)
    stdout: str = ""
    stderr: str = ""

    @property
    def peak_rss_children_mb(self) -> float:
        """The largest peak among the processes this one started (pool or Dask workers)."""
        return max((mb for pid, mb in self.peak_by_process.items() if pid != self.pid), default=0.0)


def python() -> str:
    return sys.executable


def env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for measured processes: this checkout first on the path, quiet libraries."""
    paths = [str(REPO), str(REPO / "queue")]
    if os.environ.get("PYTHONPATH"):
        paths.append(os.environ["PYTHONPATH"])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "TOKENIZERS_PARALLELISM": "false",
            **(extra or {})}


class TreeSampler:
    """Samples the resident memory of a process tree in a background thread."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid = pid
        self.interval = interval
        self.peaks: dict[int, float] = {}
        self.peak_total = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            total = 0.0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for proc in procs:
                try:
                    rss = proc.memory_info().rss / 1e6
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                total += rss
                self.peaks[proc.pid] = max(self.peaks.get(proc.pid, 0.0), rss)
            self.peak_total = max(self.peak_total, total)
            self._stop.wait(self.interval)


def run(argv: list[str], *, extra_env: dict[str, str] | None = None, timeout: float = 3600,
        cwd: Path = REPO) -> Run:
    """Run ``argv`` to completion, measuring wall time and memory."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd,
                            env=env(extra_env))
    with TreeSampler(proc.pid) as sampler:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        except BaseException:
            # Interrupted: do not leave the measured process (and its workers) running.
            proc.terminate()
            proc.wait(timeout=30)
            raise
    seconds = time.perf_counter() - started
    peaks = dict(sampler.peaks)
    return Run(argv=argv, pid=proc.pid, seconds=seconds, returncode=proc.returncode,
               peak_rss_mb=max(peaks.values(), default=0.0), peak_total_mb=sampler.peak_total,
               peak_by_process=peaks, stdout=out, stderr=err)


def check(run_: Run, what: str, ok: tuple[int, ...] = (0, 1)) -> Run:
    """Fail the benchmark loudly when a measured command failed (a wrong figure is worse than none).

    ``screening check`` and ``screening audit`` exit 1 when something was flagged: a success here.
    """
    if run_.returncode not in ok:
        raise RuntimeError(f"{what} exited {run_.returncode}: {run_.stderr[-2000:]}")
    return run_
