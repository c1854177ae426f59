"""Rate limits: sign-in attempts per client address, API calls per bearer token.

A token bucket per key (capacity = the per-minute rate, refilled continuously) answers each hit
with "go ahead" or "retry after N seconds". Keys are sha256 digests, never tokens, and the table
of buckets is bounded (least recently used keys are dropped), so a flood of made-up tokens cannot
grow memory without limit. Limits are per process: one uvicorn worker is what ``screening serve``
runs; behind several workers each enforces its own share.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

MAX_KEYS = 50_000
# POSTs to a path ending in one of these are sign-in attempts (the web pages' and any API sign-in).
LOGIN_SUFFIXES = ("/login", "/sign-in", "/signin")


class TokenBucketLimiter:
    """At most ``rate_per_minute`` hits per key per minute, with bursts up to that many."""

    def __init__(self, rate_per_minute: int, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = MAX_KEYS) -> None:
        if rate_per_minute <= 0:
            raise ValueError(f"rate_per_minute must be positive, not {rate_per_minute}.")
        self.capacity = float(rate_per_minute)
        self.refill_per_s = rate_per_minute / 60.0
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)
        self._lock = threading.Lock()

    def hit(self, key: str) -> float | None:
        """Take one token for ``key``: None when allowed, else the seconds until one is available."""
        now = self.clock()
        with self._lock:
            tokens, at = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - at) * self.refill_per_s)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                retry = None
            else:
                self._buckets[key] = (tokens, now)
                retry = (1.0 - tokens) / self.refill_per_s
            self._buckets.move_to_end(key)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        return retry


def _digest(value: bytes) -> str:
    return hashlib.sha256(value).hexdigest()


_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Too many attempts</title><link rel="stylesheet" href="/static/app.css"></head>
<body><main id="main"><h1>Too many attempts</h1><p role="alert">{message}</p>
<p><a href="/login">Back to sign in</a></p></main></body></html>
"""


class RateLimitMiddleware:
    """429 with ``Retry-After`` for too many sign-in attempts from one address or calls with one token."""

    def __init__(self, app: ASGIApp, api_rate_per_minute: int, login_rate_per_minute: int) -> None:
        self.app = app
        self.api = TokenBucketLimiter(api_rate_per_minute)
        self.login = TokenBucketLimiter(login_rate_per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "").rstrip("/")
        retry: float | None = None
        what = ""
        if scope.get("method") == "POST" and path.endswith(LOGIN_SUFFIXES):
            client = scope.get("client") or ("unknown", 0)
            retry, what = self.login.hit(_digest(str(client[0]).encode())), "sign-in attempts"
        if retry is None:
            authorization = dict(scope.get("headers", [])).get(b"authorization", b"")
            if authorization[:7].lower() == b"bearer " and len(authorization) > 7:
                retry, what = self.api.hit(_digest(authorization[7:].strip())), "requests with this API token"
        if retry is None:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(retry))
        message = f"Too many {what}; wait {seconds} second{'s' if seconds != 1 else ''} and try again."
        accept = dict(scope.get("headers", [])).get(b"accept", b"")
        if b"text/html" in accept and not path.startswith("/api/"):
            # A person at the sign-in form gets a page, not a JSON body.
            body = _PAGE.format(message=html.escape(message)).encode()
            content_type = b"text/html; charset=utf-8"
        else:
            body = json.dumps({"error": {"code": "rate_limited", "message": message}}).encode()
            content_type = b"application/json"
        await send({"type": "http.response.start", "status": 429, "headers": [
            (b"content-type", content_type), (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(seconds).encode())]})
        await send({"type": "http.response.body", "body": body})
