"""The concurrent workload shared by the load and crash tests: authors submit, reviewers decide.

Authors and reviewers are real threads, each with its own ``httpx.Client`` and bearer token.
Every loop is bounded by a count and by a deadline, so a stuck server fails the test instead of
hanging it. Transport errors (the server killed under them) are retried with the same
idempotency key, as a real client would.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx

CLIENT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)


def draft_text(author: str, number: int) -> str:
    """A distinctive synthetic draft: every third one names a person and a phone number (goes to review)."""
    if number % 3 == 0:
        return (f"Reminder from {author} #{number}: please call Jane Doe on 07700 900{number % 1000:03d} "
                "about the welding assessment.")
    return f"Open day note {author}-{number}: the welding workshop opens at nine on Saturday; all welcome."


@dataclass
class Tally:
    """What the clients saw, guarded by one lock (threads add to it)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    statuses: Counter[int] = field(default_factory=Counter)
    acknowledged: dict[tuple[str, str], int] = field(default_factory=dict)  # (author, key) -> id
    texts: dict[tuple[str, str], str] = field(default_factory=dict)
    decided: Counter[int] = field(default_factory=Counter)  # id -> successful decisions
    transport_errors: int = 0
    server_errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)

    def record(self, response: httpx.Response, elapsed: float) -> None:
        with self.lock:
            self.statuses[response.status_code] += 1
            self.latencies.append(elapsed)
            if response.status_code >= 500:
                self.server_errors.append(f"{response.request.method} {response.request.url.path}: "
                                          f"{response.status_code} {response.text[:200]}")


def _send(client: httpx.Client, tally: Tally, method: str, url: str, deadline: float,
          **kwargs: object) -> httpx.Response | None:
    """One request, retried on transport errors until the deadline; None when the deadline passed."""
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
        except httpx.TransportError:
            with tally.lock:
                tally.transport_errors += 1
            time.sleep(0.2)
            continue
        tally.record(response, time.monotonic() - started)
        return response
    return None


def run_author(base_url: str, name: str, token: str, count: int, tally: Tally, deadline: float,
               stop: threading.Event | None = None) -> None:
    headers = {"authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base_url, headers=headers, timeout=CLIENT_TIMEOUT) as client:
        for number in range(count):
            if stop is not None and stop.is_set():
                return
            key = f"{name}-{number}"
            text = draft_text(name, number)
            response = _send(client, tally, "POST", "/api/v1/submissions", deadline,
                             json={"text": text, "idempotency_key": key})
            if response is None:
                return
            if response.status_code in (200, 201):
                with tally.lock:
                    tally.acknowledged[(name, key)] = response.json()["id"]
                    tally.texts[(name, key)] = text


def run_reviewer(base_url: str, token: str, tally: Tally, deadline: float, authors_done: threading.Event,
                 max_decisions: int) -> None:
    """Claim the next item and approve or reject it, until the authors are done and the queue is empty."""
    headers = {"authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base_url, headers=headers, timeout=CLIENT_TIMEOUT) as client:
        for turn in range(max_decisions):
            response = _send(client, tally, "POST", "/api/v1/queue/claim", deadline)
            if response is None:
                return
            if response.status_code == 204:
                if authors_done.is_set():
                    return
                time.sleep(0.1)
                continue
            if response.status_code != 200:
                continue
            item = response.json()["id"]
            action = "approve" if turn % 2 == 0 else "reject"
            decision = _send(client, tally, "POST", f"/api/v1/submissions/{item}/decision", deadline,
                             json={"action": action, "reason": "Checked under load."})
            if decision is not None and decision.status_code == 200:
                with tally.lock:
                    tally.decided[item] += 1


def run_workload(base_url: str, author_tokens: dict[str, str], reviewer_tokens: dict[str, str],
                 per_author: int, budget_s: float, stop: threading.Event | None = None) -> Tally:
    """Run every author and reviewer thread at once and wait for all of them (bounded by ``budget_s``)."""
    tally = Tally()
    deadline = time.monotonic() + budget_s
    authors_done = threading.Event()
    total = per_author * len(author_tokens)
    with ThreadPoolExecutor(max_workers=len(author_tokens) + len(reviewer_tokens)) as pool:
        reviewers = [pool.submit(run_reviewer, base_url, token, tally, deadline, authors_done, total)
                     for token in reviewer_tokens.values()]
        authors = [pool.submit(run_author, base_url, name, token, per_author, tally, deadline, stop)
                   for name, token in author_tokens.items()]
        for future in authors:
            future.result()
        authors_done.set()
        for future in reviewers:
            future.result()
    return tally
