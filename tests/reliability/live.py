"""A real uvicorn server in a child process, for the load, crash and fuzzing tests.

The server runs ``approval_queue.main:create_app`` on 127.0.0.1 with its own database; users are
created straight in that database (the same code ``screening users add`` runs) before it starts.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 180.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    """One uvicorn process; ``start()`` waits for ``/healthz``, ``kill()`` sends SIGKILL."""

    database_url: str
    var_dir: Path
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> float:
        """Start the server and return the seconds it took to answer ``/healthz``."""
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.var_dir / f"server-{self.port}-{int(time.time() * 1000)}.log"
        pythonpath = os.pathsep.join([str(REPO_ROOT), str(REPO_ROOT / "queue"), os.environ.get("PYTHONPATH", "")])
        env = {
            **os.environ,
            "PYTHONPATH": pythonpath,
            "SCREENING_ENVIRONMENT": "test",
            "SCREENING_DATABASE_URL": self.database_url,
            "SCREENING_VAR_DIR": str(self.var_dir),
            "SCREENING_BACKGROUND_TASKS": "false",
            # The load's reviewers poll the queue faster than a person would; rate limits have their own tests.
            "SCREENING_API_RATE_PER_MINUTE": "1000000",
            **self.env,
        }
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "approval_queue.main:create_app", "--factory",
             "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log", "--log-level", "warning"],
            cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        started = time.monotonic()
        while time.monotonic() - started < START_TIMEOUT_S:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.process.returncode}:\n{self.log_text()[-3000:]}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=2).status_code == 200:
                    return time.monotonic() - started
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"uvicorn did not answer /healthz in {START_TIMEOUT_S:.0f}s:\n{self.log_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing, as in a power cut of the process."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path else ""


def add_users(database_url: str, names_and_roles: list[tuple[str, str]]) -> dict[str, str]:
    """Create users in the (migrated) database; return name -> API token."""
    from approval_queue.db import open_database
    from approval_queue.services.users import UserService

    database = open_database(database_url)
    try:
        service = UserService(database)
        return {name: service.add(name, role)[1] for name, role in names_and_roles}
    finally:
        database.dispose()
