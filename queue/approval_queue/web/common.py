"""What every page shares: templates, the signed session cookie, CSRF, who is signed in, the nav,
and one error handler that shows domain errors as a page (the API keeps its JSON bodies).

The session is a cookie signed with the settings' secret (itsdangerous, timestamped so it expires):
``{"uid": user id or None, "csrf": token}``. Every visitor gets one on their first page so that
every form, the sign-in form included, carries a per-session CSRF token in a hidden field that
``CsrfChecked`` compares on every POST. Signing in issues a fresh token (no session fixation).
"""

from __future__ import annotations

import hmac
import inspect
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.exceptions import HTTPException as StarletteHTTPException

from approval_queue.api.errors import _status_for
from approval_queue.errors import NotFound, PermissionDenied
from approval_queue.models import Role, User
from screening.errors import ScreeningError

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
COOKIE = "sq_session"
SESSION_MAX_AGE = 12 * 3600
CSRF_FIELD = "csrf_token"

CATEGORY_NAMES = {
    "offensive": "Offensive or harassing",
    "discriminatory": "Discriminatory",
    "defamatory": "Possibly defamatory",
    "pii": "Personal data",
    "confidential": "Confidential information",
}
DECISION_TEXT = {
    "allow": "No problems found: this draft can be posted (official accounts still need authorisation).",
    "review": "This draft needs a review by the Social Media Officer before it is posted.",
    "block": "This draft must not be posted as it is.",
}
STATUS_NAMES = {
    "authorised": "Authorised",
    "pending_review": "Waiting for review",
    "in_review": "In review",
    "changes_requested": "Changes requested",
    "rejected": "Rejected",
    "escalated": "Escalated to admins",
    "expired": "Expired",
    "withdrawn": "Withdrawn",
}
_DECIDERS = (Role.REVIEWER, Role.ADMIN)
# (path, label, roles that see it; None: everyone signed in)
NAV: list[tuple[str, str, tuple[Role, ...] | None]] = [
    ("/submissions", "My submissions", None),
    ("/queue", "Review queue", _DECIDERS),
    ("/escalations", "Escalations", (Role.ADMIN,)),
    ("/accounts", "Accounts", _DECIDERS),
    ("/incidents", "Incidents", None),
    ("/audit", "Audit", _DECIDERS),
    ("/dashboard", "Dashboard", _DECIDERS),
]


class LoginRequired(ScreeningError):
    """A page that needs a signed-in user was asked for by an anonymous visitor."""


class CsrfRejected(PermissionDenied):
    """A POST whose CSRF token is missing or is not this session's."""


@dataclass
class WebSession:
    uid: int | None
    csrf: str
    dirty: bool = False
    user: User | None = field(default=None, repr=False)


def _serializer(request: Request) -> URLSafeTimedSerializer:
    secret = request.app.state.settings.resolved_secret_key()
    return URLSafeTimedSerializer(secret, salt="approval-queue-web-session")


def get_session(request: Request) -> WebSession:
    """This request's session (read once from the cookie); a new anonymous one if none is valid."""
    cached = getattr(request.state, "web_session", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    request.state.page = True  # errors on this request are shown as pages
    session = None
    raw = request.cookies.get(COOKIE)
    if raw:
        try:
            data = _serializer(request).loads(raw, max_age=SESSION_MAX_AGE)
            session = WebSession(uid=data.get("uid"), csrf=str(data["csrf"]))
        except (BadSignature, KeyError, TypeError, AttributeError):
            session = None
    if session is None:
        session = WebSession(uid=None, csrf=secrets.token_urlsafe(32), dirty=True)
    if session.uid is not None:
        try:
            user = request.app.state.users.get(int(session.uid))
        except NotFound:
            user = None
        if user is None or not user.active:
            session = WebSession(uid=None, csrf=secrets.token_urlsafe(32), dirty=True)
        else:
            session.user = user
    request.state.web_session = session
    return session


def sign_in(request: Request, user: User) -> None:
    """Start a fresh session for ``user`` (new CSRF token, so a planted cookie is worthless)."""
    request.state.web_session = WebSession(uid=user.id, csrf=secrets.token_urlsafe(32), dirty=True, user=user)


def sign_out(request: Request) -> None:
    request.state.web_session = WebSession(uid=None, csrf=secrets.token_urlsafe(32), dirty=True)


def _store_session(request: Request, response: Response) -> Response:
    session: WebSession | None = getattr(request.state, "web_session", None)
    if session is not None and session.dirty:
        settings = request.app.state.settings
        response.set_cookie(COOKIE, _serializer(request).dumps({"uid": session.uid, "csrf": session.csrf}),
                            max_age=SESSION_MAX_AGE, httponly=True, samesite="lax", secure=settings.cookie_secure,
                            path="/")
    return response


SessionDep = Annotated[WebSession, Depends(get_session)]


def optional_user(session: SessionDep) -> User | None:
    return session.user


def signed_in_user(request: Request, session: SessionDep) -> User:
    if session.user is None:
        raise LoginRequired("Sign in to see this page.")
    return session.user


def decider(user: Annotated[User, Depends(signed_in_user)]) -> User:
    if user.role not in _DECIDERS:
        raise PermissionDenied(f"Your role is {user.role}; this page is for reviewers and admins.")
    return user


def admin(user: Annotated[User, Depends(signed_in_user)]) -> User:
    if user.role != Role.ADMIN:
        raise PermissionDenied(f"Your role is {user.role}; this page is for admins.")
    return user


async def csrf_checked(request: Request, session: SessionDep) -> None:
    """Refuse a POST whose hidden ``csrf_token`` field is not this session's token."""
    form = await request.form()
    token = form.get(CSRF_FIELD)
    if not isinstance(token, str) or not hmac.compare_digest(token.encode(), session.csrf.encode()):
        raise CsrfRejected("This form could not be accepted because its security token is missing or out of "
                           "date (the page may be old or from another site). Go back, reload the page and "
                           "send the form again.")


OptionalUser = Annotated[User | None, Depends(optional_user)]
SignedIn = Annotated[User, Depends(signed_in_user)]
Decider = Annotated[User, Depends(decider)]
Admin = Annotated[User, Depends(admin)]
CsrfChecked = Annotated[None, Depends(csrf_checked)]


def nav_for(user: User | None) -> list[tuple[str, str]]:
    if user is None:
        return []
    return [(path, label) for path, label, roles in NAV if roles is None or user.role in roles]


def _ago(moment: datetime | None) -> str:
    if moment is None:
        return ""
    seconds = (datetime.now(UTC) - moment).total_seconds()
    if seconds < 90:
        return "just now"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min ago"
    if seconds < 48 * 3600:
        return f"{seconds / 3600:.0f} h ago"
    return f"{seconds / 86400:.0f} days ago"


def _when(moment: datetime | None) -> str:
    return moment.strftime("%d %b %Y %H:%M UTC") if moment else ""


def _duration(hours: float | None) -> str:
    if hours is None:
        return "—"
    if hours < 1:
        return f"{hours * 60:.0f} min"
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"


TEMPLATES.env.filters["ago"] = _ago
TEMPLATES.env.filters["duration"] = _duration
TEMPLATES.env.filters["when"] = _when


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """Render a page with the shared context (user, nav, CSRF token, names) and store the session."""
    session = get_session(request)
    base = {
        "category_names": CATEGORY_NAMES, "decision_text": DECISION_TEXT, "status_names": STATUS_NAMES,
        "user": session.user, "nav": nav_for(session.user), "csrf_token": session.csrf,
        "current_path": request.url.path,
    }
    response = TEMPLATES.TemplateResponse(request, template, {**base, **context}, status_code=status_code)
    _store_session(request, response)
    return response


def redirect(request: Request, url: str) -> Response:
    """303 See Other (after a POST, the browser GETs the new page), keeping the session cookie."""
    return _store_session(request, RedirectResponse(url, status_code=303))


def safe_next(value: str | None) -> str:
    """Only same-site paths: ``//evil.example`` or ``https://...`` would make the sign-in an open redirect."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/submissions"
    return value


# Paths that are never pages: their errors stay JSON (or whatever their own handler says).
NOT_PAGES = ("/api/", "/static/", "/docs", "/openapi.json", "/healthz", "/readyz", "/metrics")
HTTP_TITLES = {404: "Page not found", 405: "Not possible here", 413: "Too large", 429: "Too many attempts"}
HTTP_MESSAGES = {404: "There is no page at this address; check the link, or start from the pre-check.",
                 405: "This address does not accept that kind of request; go back and use the page's own form."}


def _wants_page(request: Request) -> bool:
    return (not request.url.path.startswith(NOT_PAGES)
            and "text/html" in request.headers.get("accept", ""))


def install(app: FastAPI) -> None:
    """Show domain errors raised by pages as pages; API requests keep the JSON handler. A browser
    asking for an address that is no page (404, 405) also gets a page rather than JSON."""
    json_handler = app.exception_handlers.get(ScreeningError)
    http_handler = app.exception_handlers.get(StarletteHTTPException)

    async def http_page(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        if _wants_page(request) and status in HTTP_MESSAGES:
            return render(request, "error.html", {"title": HTTP_TITLES[status], "message": HTTP_MESSAGES[status]},
                          status_code=status)
        if http_handler is None:
            raise exc
        answer = http_handler(request, exc)
        return await answer if inspect.isawaitable(answer) else answer

    app.add_exception_handler(StarletteHTTPException, http_page)

    async def handler(request: Request, exc: Exception) -> Response:
        if not getattr(request.state, "page", False):
            if json_handler is None:
                raise exc
            answer = json_handler(request, exc)
            return await answer if inspect.isawaitable(answer) else answer
        if isinstance(exc, LoginRequired):
            # After sign-in, come back to the page; a POST cannot be replayed, so back to its form's page.
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            if request.method != "GET":
                target = "/"
            return redirect(request, f"/login?next={quote(target, safe='/')}")
        status, _code = _status_for(exc)
        titles = {403: "Not allowed", 404: "Not found", 409: "Not possible now", 422: "Check what you entered"}
        return render(request, "error.html", {"title": titles.get(status, "Something went wrong"),
                                              "message": str(exc)}, status_code=status)

    app.add_exception_handler(ScreeningError, handler)

