"""The social-media account directory (``/accounts``), kept by the Social Media Officer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from approval_queue.errors import InvalidRequest
from approval_queue.services.accounts import PLATFORMS
from approval_queue.web.common import CsrfChecked, Decider, redirect, render

router = APIRouter(include_in_schema=False)


def _field_for(message: str) -> str:
    return "platform" if message.startswith("Platform") else "owner" if "owner" in message else "handle"


@router.get("/accounts", response_class=HTMLResponse)
def accounts_page(request: Request, user: Decider) -> HTMLResponse:
    return render(request, "accounts.html", {"accounts": request.app.state.accounts.list_accounts(), "platforms": PLATFORMS,
                                             "form": {"approval_required": True}})


@router.post("/accounts", response_model=None)
def add_account(
    request: Request, user: Decider, _csrf: CsrfChecked,
    handle: Annotated[str, Form()] = "", platform: Annotated[str, Form()] = "",
    owner: Annotated[str, Form()] = "", approval_required: Annotated[str, Form()] = "",
) -> Response:
    try:
        request.app.state.accounts.add(user, handle, platform, owner, approval_required == "yes")
    except InvalidRequest as exc:
        form = {"handle": handle, "platform": platform, "owner": owner, "approval_required": approval_required == "yes"}
        return render(request, "accounts.html", {
            "accounts": request.app.state.accounts.list_accounts(), "platforms": PLATFORMS, "form": form,
            "errors": [(_field_for(str(exc)), str(exc))]}, status_code=422)
    return redirect(request, "/accounts")


@router.get("/accounts/{account_id}/edit", response_class=HTMLResponse)
def edit_page(request: Request, user: Decider, account_id: int) -> HTMLResponse:
    account = request.app.state.accounts.get(account_id)
    return render(request, "account_edit.html", {"account": account, "platforms": PLATFORMS, "form": {
        "handle": account.handle, "platform": account.platform, "owner": account.owner,
        "approval_required": account.approval_required}})


@router.post("/accounts/{account_id}", response_model=None)
def edit_account(
    request: Request, user: Decider, _csrf: CsrfChecked, account_id: int,
    handle: Annotated[str, Form()] = "", platform: Annotated[str, Form()] = "",
    owner: Annotated[str, Form()] = "", approval_required: Annotated[str, Form()] = "",
) -> Response:
    try:
        request.app.state.accounts.edit(user, account_id, handle, platform, owner, approval_required == "yes")
    except InvalidRequest as exc:
        form = {"handle": handle, "platform": platform, "owner": owner, "approval_required": approval_required == "yes"}
        return render(request, "account_edit.html", {
            "account": request.app.state.accounts.get(account_id), "platforms": PLATFORMS, "form": form,
            "errors": [(_field_for(str(exc)), str(exc))]}, status_code=422)
    return redirect(request, "/accounts")


@router.post("/accounts/{account_id}/retire", response_model=None)
def retire_account(request: Request, user: Decider, _csrf: CsrfChecked, account_id: int,
                   retired: Annotated[str, Form()] = "yes") -> Response:
    request.app.state.accounts.set_retired(user, account_id, retired == "yes")
    return redirect(request, "/accounts")
