"""Progress of a long audit: a redrawn bar with rate and ETA on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Progress:
    """Counts posts as chunks finish and shows how far along the audit is.

    On a terminal the bar is redrawn in place (at most ten times a second); in a log or a pipe a
    line is written every ``interval`` seconds and at the end, so CI logs stay short.
    """

    def __init__(self, total: int | None, stream: TextIO | None = None, *, already: int = 0,
                 interval: float = 10.0, enabled: bool = True) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.done = already
        self._start_count = already
        self._started = time.monotonic()
        self._last = 0.0
        self.interval = interval
        self.enabled = enabled
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def rate(self) -> float:
        elapsed = time.monotonic() - self._started
        return (self.done - self._start_count) / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        """The current state in words: count, percentage, rate and ETA."""
        rate = self.rate()
        if self.total:
            share = min(1.0, self.done / self.total)
            left = (self.total - self.done) / rate if rate > 0 else float("nan")
            eta = _clock(left) if left == left else "--:--"
            return (f"{self.done:,}/{self.total:,} posts ({share:.0%}) {rate:,.1f} posts/s, "
                    f"ETA {eta}")
        return f"{self.done:,} posts {rate:,.1f} posts/s"

    def update(self, count: int) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if self.tty:
            if now - self._last >= 0.1:
                self._draw()
                self._last = now
        elif now - self._last >= self.interval:
            self.stream.write(f"audit: {self.line()}\n")
            self.stream.flush()
            self._last = now

    def _draw(self) -> None:
        width = 30
        share = min(1.0, self.done / self.total) if self.total else 0.0
        filled = int(share * width)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {self.line()}\033[K")
        self.stream.flush()

    def close(self) -> None:
        if not self.enabled:
            return
        if self.tty:
            self._draw()
            self.stream.write("\n")
        else:
            self.stream.write(f"audit: {self.line()}\n")
        self.stream.flush()
