"""The pre-check (``/``): anyone may screen a draft; signed-in staff can submit it for approval."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from approval_queue.api.deps import ScreenerDep
from approval_queue.web.common import CsrfChecked, OptionalUser, render
from screening.errors import InputError
from screening.highlight import segments
from screening.rewrite import suggest_rewrite

router = APIRouter(include_in_schema=False)


def _accounts(request: Request) -> list[dict[str, Any]]:
    """The directory's live accounts, offered in the account menu."""
    return [{"handle": a.handle, "platform": a.platform}
            for a in request.app.state.accounts.list_accounts(include_retired=False)]


@router.get("/", response_class=HTMLResponse)
def precheck_form(request: Request, user: OptionalUser) -> HTMLResponse:
    return render(request, "precheck.html", {"text": "", "account": "", "accounts": _accounts(request)})


@router.post("/", response_class=HTMLResponse)
async def precheck(
    request: Request,
    screener: ScreenerDep,
    user: OptionalUser,
    _csrf: CsrfChecked,
    text: Annotated[str, Form()] = "",
    account: Annotated[str, Form()] = "",
) -> HTMLResponse:
    accounts = await run_in_threadpool(_accounts, request)
    context: dict[str, Any] = {"text": text, "account": account, "accounts": accounts}
    try:
        checked = screener.check_text(text)
    except InputError as exc:
        context["errors"] = [("text", str(exc))]
        return render(request, "precheck.html", context, status_code=422)
    result = await run_in_threadpool(screener.screen, checked)
    needs_approval = await run_in_threadpool(request.app.state.accounts.needs_approval, account or None)
    context.update(
        result=result,
        checked=checked,
        segments=segments(checked, result.findings),
        rewrite=suggest_rewrite(checked, result.findings),
        approval_required=result.decision != "allow" or needs_approval,
    )
    return render(request, "precheck.html", context)
