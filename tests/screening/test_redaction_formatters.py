"""The log safeguard must not break formatters that unpack ``record.args`` (uvicorn's access log)."""

from __future__ import annotations

import io
import logging

import pytest

from screening import redaction


@pytest.fixture()
def access_log():
    from uvicorn.logging import AccessFormatter

    redaction.install()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s'))
    logger = logging.getLogger("test.uvicorn.access")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)
    redaction.uninstall()
    redaction.forget_all()


def _access(logger, path):
    logger.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", path, "1.1", 200)


def test_access_log_lines_format_with_the_safeguard_installed(access_log):
    logger, stream = access_log
    _access(logger, "/api/v1/screen")
    assert stream.getvalue().strip() == '127.0.0.1:5000 - "GET /api/v1/screen HTTP/1.1" 200 OK'


def test_a_remembered_draft_in_an_access_line_is_redacted_and_the_line_still_formats(access_log):
    logger, stream = access_log
    redaction.remember(["a secret draft about Jane Doe"])
    _access(logger, "/search?q=a secret draft about Jane Doe")
    line = stream.getvalue()
    assert "Jane Doe" not in line
    assert "[redacted]" in line and line.rstrip().endswith("200 OK")
