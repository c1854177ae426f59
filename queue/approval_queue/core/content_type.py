"""Refuse a request body that is not JSON on the JSON API, with 415 and a sentence.

Without this, FastAPI reads a ``text/plain`` or form body as a string and answers with a
validation error about "a valid dictionary", which does not say what to send instead.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# Endpoints that take files (multipart) rather than JSON.
UPLOAD_PREFIXES = ("/api/v1/audits",)


def _is_json(content_type: bytes) -> bool:
    media = content_type.split(b";", 1)[0].strip().lower()
    return media == b"application/json" or (media.startswith(b"application/") and media.endswith(b"+json"))


class JSONContentTypeMiddleware:
    """415 for a non-empty body under ``/api/`` whose Content-Type is not JSON."""

    def __init__(self, app: ASGIApp, prefix: str = "/api/") -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if (scope["type"] != "http" or scope.get("method") not in _BODY_METHODS
                or not path.startswith(self.prefix) or path.startswith(UPLOAD_PREFIXES)):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        has_body = headers.get(b"content-length", b"0") != b"0" or b"transfer-encoding" in headers
        content_type = headers.get(b"content-type", b"")
        if not has_body or _is_json(content_type):
            await self.app(scope, receive, send)
            return
        shown = f"of type {content_type.decode('latin-1')[:80]!r}" if content_type else "without a Content-Type"
        body = json.dumps({"error": {"code": "unsupported_media_type", "message":
                f"The request body is {shown}, but this endpoint takes JSON; send it with "
                "Content-Type: application/json, e.g. {\"text\": \"...\"}."}}).encode()
        await send({"type": "http.response.start", "status": 415, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
