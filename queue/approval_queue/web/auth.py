"""Sign in with the name and password set by ``screening users add NAME --role ROLE --password-stdin``
(or ``screening users set-password``); sign out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from approval_queue.errors import NotAuthenticated
from approval_queue.web.common import (
    CsrfChecked,
    OptionalUser,
    redirect,
    render,
    safe_next,
    sign_in,
    sign_out,
)

router = APIRouter(include_in_schema=False)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, user: OptionalUser, next: str = "") -> HTMLResponse:  # noqa: A002
    return render(request, "login.html", {"next": safe_next(next), "name": ""})


@router.post("/login", response_model=None)
async def login(
    request: Request,
    _csrf: CsrfChecked,
    name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",  # noqa: A002
) -> Response:
    errors = []
    if not name.strip():
        errors.append(("name", "Enter your user name."))
    if not password:
        errors.append(("password", "Enter your password."))
    if not errors:
        try:
            user = await run_in_threadpool(request.app.state.users.by_password, name, password)
        except NotAuthenticated:
            errors.append(("name", "The name or password is wrong; check both and try again."))
        else:
            sign_in(request, user)
            return redirect(request, safe_next(next))
    return render(request, "login.html", {"next": safe_next(next), "name": name, "errors": errors},
                  status_code=400)


@router.post("/logout", response_model=None)
def logout(request: Request, _csrf: CsrfChecked) -> Response:
    sign_out(request)
    return redirect(request, "/")
