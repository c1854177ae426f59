"""Progress output: plain lines in a log, a redrawn bar on a terminal, both with rate and ETA."""

from __future__ import annotations

import io

from screening.audit.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(total=10, stream=stream, interval=0.0)
    progress.update(4)
    progress.update(6)
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("audit: 4/10 posts (40%)") and "posts/s" in lines[0] and "ETA" in lines[0]
    assert lines[-1].startswith("audit: 10/10 posts (100%)")
    assert "\r" not in stream.getvalue()


def test_bar_is_redrawn_in_place_on_a_terminal() -> None:
    stream = _Terminal()
    progress = Progress(total=4, stream=stream, already=2)
    progress.update(2)
    progress.close()
    text = stream.getvalue()
    assert text.startswith("\r[") and "#" * 30 in text and "4/4 posts (100%)" in text and text.endswith("\n")


def test_disabled_progress_writes_nothing_and_unknown_total_shows_a_count() -> None:
    stream = io.StringIO()
    quiet = Progress(total=None, stream=stream, enabled=False)
    quiet.update(5)
    quiet.close()
    assert stream.getvalue() == ""
    assert quiet.line().startswith("5 posts")
