"""A safeguard that keeps draft text and matched spans out of every log record.

The library and service log offsets, categories and scores, never text (the house rule). This
module is the net under that rule, for a future log line or a third-party library that breaks it:

* ``remember(texts)`` records the drafts and finding spans the pipeline has seen recently (a
  bounded, thread-safe set kept only in memory);
* ``install()`` wraps the logging record factory, so every record made in the process, by any
  logger and for any handler, has each remembered text replaced by ``[redacted]`` in its message
  and in its exception text, and the parameters that SQLAlchemy and pydantic print in their error
  messages removed.

The CLI and the service call ``install()`` when they set up logging.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

REDACTED = "[redacted]"
# Shorter strings are too likely to be ordinary words; a 3-character span is left alone.
MIN_CHARS = 4
MAX_REMEMBERED = 4096
MAX_REMEMBERED_CHARS = 4_000_000  # and at most this many characters in all (a few MB of memory)

# Error-message fragments that echo the data of a failed statement or validation.
_PATTERNS = [
    # SQLAlchemy errors: "[parameters: (...)]".
    (re.compile(r"\[parameters: .*?\](?=\s*(?:\n|\(Background|$))", re.DOTALL), REDACTED),
    # SQLAlchemy's statement log (INFO on ``sqlalchemy.engine``): the parameter line of each statement.
    (re.compile(r"^(\[(?:generated in|cached since|raw sql|no key|dialect|insertmanyvalues)[^\]]*\]) .*", re.DOTALL),
     r"\1 " + REDACTED),
    # pydantic validation errors: "input_value='...'".
    (re.compile(r"input_value=(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\S+)"), "input_value=" + REDACTED),
]

_lock = threading.Lock()
_remembered: OrderedDict[str, None] = OrderedDict()
_remembered_chars = 0
# The remembered texts grouped by length, and the lengths longest first (rebuilt after a change):
# a log line is compared only with texts no longer than itself, so the usual short line is cheap
# however many long drafts are remembered.
_by_length: dict[int, dict[str, None]] = {}
_lengths_desc: list[int] | None = None
_installed_factory: Callable[..., logging.LogRecord] | None = None


def remember(texts: Iterable[str]) -> None:
    """Add texts (drafts, finding spans) to the bounded set that log records are scrubbed of."""
    global _lengths_desc, _remembered_chars
    with _lock:
        for text in texts:
            stripped = text.strip()
            if len(stripped) < MIN_CHARS:
                continue
            if stripped in _remembered:
                _remembered.move_to_end(stripped)
            else:
                _remembered[stripped] = None
                _remembered_chars += len(stripped)
                group = _by_length.setdefault(len(stripped), {})
                if not group:
                    _lengths_desc = None
                group[stripped] = None
        while len(_remembered) > MAX_REMEMBERED or (_remembered_chars > MAX_REMEMBERED_CHARS and len(_remembered) > 1):
            oldest, _ = _remembered.popitem(last=False)
            _remembered_chars -= len(oldest)
            group = _by_length[len(oldest)]
            del group[oldest]
            if not group:
                del _by_length[len(oldest)]
                _lengths_desc = None


def forget_all() -> None:
    global _lengths_desc, _remembered_chars
    with _lock:
        _remembered.clear()
        _by_length.clear()
        _remembered_chars = 0
        _lengths_desc = None


def redact(message: str) -> str:
    """``message`` with every remembered text and every echoed parameter list replaced."""
    for pattern, replacement in _PATTERNS:
        message = pattern.sub(replacement, message)
    global _lengths_desc
    with _lock:
        if _lengths_desc is None:
            _lengths_desc = sorted(_by_length, reverse=True)
        # Longest first, so a draft is replaced whole before a span inside it is looked for.
        candidates = [t for n in _lengths_desc if n <= len(message) for t in _by_length[n]]
    for text in candidates:
        if text in message:
            message = message.replace(text, REDACTED)
    return message


def _scrub(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001  (a bad format string must not lose the record; logging reports it)
        return
    scrubbed = redact(message)
    if scrubbed != message:
        # Formatters such as uvicorn's access log unpack ``record.args``; keep its shape where scrubbing
        # each argument is enough, else fall back to the scrubbed message with no arguments.
        args = record.args
        if isinstance(args, tuple) and isinstance(record.msg, str):
            safe = tuple(a if isinstance(a, int | float | bool | type(None)) else redact(str(a)) for a in args)
            try:
                candidate = redact(record.msg) % safe if safe else redact(record.msg)
            except (TypeError, ValueError):
                candidate = None
            if candidate is not None and redact(candidate) == candidate:
                record.msg, record.args = redact(record.msg), safe
            else:
                record.msg, record.args = scrubbed, None
        else:
            record.msg, record.args = scrubbed, None
    if record.exc_info and record.exc_info[0] is not None:
        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        # Keep exc_info's type for handlers that look at it, but the formatter uses exc_text.
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


def install() -> None:
    """Scrub every log record made from now on in this process (idempotent)."""
    global _installed_factory
    with _lock:
        if _installed_factory is not None:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            _scrub(record)
            return record

        logging.setLogRecordFactory(factory)
        _installed_factory = previous


def uninstall() -> None:
    """Restore the record factory ``install()`` replaced (for tests)."""
    global _installed_factory
    with _lock:
        if _installed_factory is not None:
            logging.setLogRecordFactory(_installed_factory)
            _installed_factory = None
