"""Browser tests: a real uvicorn serving the app on a free 127.0.0.1 port with a temporary SQLite
database, people in each role with passwords, and Debian's Chromium driven by Playwright with a
fresh user-data directory. Screenshots go to ``screenshots/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.approval_queue.conftest import free_port

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "correct horse battery"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PEOPLE = [("alice", "author"), ("rob", "reviewer"), ("rhea", "reviewer"), ("ada", "admin")]


@pytest.fixture(scope="session")
def server(screener: Any) -> Iterator[str]:
    """The app under a real uvicorn in a background thread, on a fresh SQLite database."""
    import uvicorn
    from approval_queue.core.config import Settings
    from approval_queue.main import create_app

    folder = Path(tempfile.mkdtemp(prefix="screening-browser-"))
    # The journeys sign in dozens of times a minute from one address: lift the sign-in rate limit.
    settings = Settings(environment="test", var_dir=folder / "var", database_url=f"sqlite:///{folder / 'web.db'}",
                        background_tasks=False, login_rate_per_minute=10_000)
    app = create_app(settings=settings, screener=screener)
    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, name="uvicorn-browser", daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start for the browser tests")
        time.sleep(0.05)
    for name, role in PEOPLE:
        app.state.users.add(name, role, password=PASSWORD)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed at /usr/bin/chromium (`.ci/run` installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


def launch(playwright: Any, **options: Any) -> Any:
    """Chromium with a fresh user-data directory (removed when the context closes)."""
    profile = Path(tempfile.mkdtemp(prefix="screening-chromium-"))
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 900}, locale="en-GB", **options)
    context.on("close", lambda _context: shutil.rmtree(profile, ignore_errors=True))
    return context


@pytest.fixture(scope="session")
def chromium(playwright_driver: Any) -> Iterator[Any]:
    """One Chromium for the session."""
    context = launch(playwright_driver)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture()
def page(chromium: Any, server: str) -> Iterator[Any]:
    """A new tab, signed out, at the default laptop size."""
    chromium.clear_cookies()
    tab = chromium.new_page()
    tab.set_default_timeout(30_000)
    tab.set_viewport_size({"width": 1280, "height": 900})
    try:
        yield tab
    finally:
        tab.close()


class Shots:
    """Numbered full-page screenshots for one journey: ``screenshots/<journey>/01-<step>.png``."""

    def __init__(self, journey: str) -> None:
        self.folder = SCREENSHOTS / journey
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def __call__(self, page: Any, step: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture()
def shots(request: pytest.FixtureRequest) -> Shots:
    # "test_pages_fit_a_phone[/queue]" -> "pages_fit_a_phone-queue": one folder per journey and case.
    name = re.sub(r"[^A-Za-z0-9_]+", "-", request.node.name.removeprefix("test_")).strip("-")
    return Shots(name)
