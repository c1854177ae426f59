"""One place that maps domain errors and malformed requests to JSON error bodies.

Every error body has the same shape: ``{"error": {"code": ..., "message": ...}}``, the message a
sentence saying what was wrong and what to do.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from approval_queue.errors import (
    ClaimConflict,
    InvalidRequest,
    InvalidTransition,
    NotAuthenticated,
    NotAuthorised,
    NotFound,
    PermissionDenied,
)
from screening.errors import ConfigError, InputError, ModelLoadError, ScreeningError

# Domain error class -> (HTTP status, code). Subclasses registered later (the queue's own errors)
# are looked up along the MRO, most specific first.
ERROR_STATUS: dict[type[Exception], tuple[int, str]] = {
    InputError: (422, "invalid_input"),
    InvalidRequest: (422, "invalid_input"),
    NotAuthenticated: (401, "unauthenticated"),
    PermissionDenied: (403, "forbidden"),
    NotFound: (404, "not_found"),
    ClaimConflict: (409, "claim_conflict"),
    NotAuthorised: (409, "not_authorised"),
    InvalidTransition: (409, "invalid_transition"),
    ConfigError: (500, "configuration_error"),
    ModelLoadError: (503, "model_unavailable"),
    ScreeningError: (500, "screening_error"),
}


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def _status_for(exc: Exception) -> tuple[int, str]:
    for cls in type(exc).__mro__:
        if cls in ERROR_STATUS:
            return ERROR_STATUS[cls]
    return 500, "internal_error"


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p != "body"]
        where = ".".join(loc) or "body"
        if err.get("type") == "json_invalid":
            parts.append("the request body is not valid JSON (send UTF-8 JSON such as {\"text\": \"...\"})")
        elif err.get("type") == "missing":
            parts.append(f"field {where!r} is required")
        elif err.get("type") == "extra_forbidden":
            parts.append(f"field {where!r} is not allowed")
        else:
            parts.append(f"{where}: {err.get('msg')}")
    return "Invalid request: " + "; ".join(parts) + "."


def install(app: FastAPI) -> None:
    @app.exception_handler(ScreeningError)
    async def _domain(request: Request, exc: ScreeningError) -> JSONResponse:
        status, code = _status_for(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(error_body(code, str(exc)), status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(error_body("invalid_request", _describe_validation(exc)), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 400 and "parsing the body" in detail:
            # Starlette's words for a body it cannot decode (not UTF-8, say): say what to send instead.
            return JSONResponse(error_body("invalid_request", "Invalid request: the request body is not valid "
                                           "JSON in UTF-8; send UTF-8 JSON such as {\"text\": \"...\"}."),
                                status_code=422)
        codes = {401: "unauthenticated", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                 409: "conflict", 413: "too_large", 415: "unsupported_media_type", 429: "rate_limited"}
        return JSONResponse(error_body(codes.get(exc.status_code, "http_error"), detail),
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))
