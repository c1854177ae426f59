"""Server-rendered pages. The pre-check (``/``) works for anyone, without JavaScript."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from approval_queue.api.deps import ScreenerDep
from screening.errors import InputError
from screening.highlight import segments
from screening.rewrite import suggest_rewrite

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")

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

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    base = {"category_names": CATEGORY_NAMES, "decision_text": DECISION_TEXT}
    return TEMPLATES.TemplateResponse(request, template, {**base, **context}, status_code=status_code)


def _accounts(screener: Any) -> list[dict[str, Any]]:
    return [{"handle": a.handle, "platform": a.platform} for a in screener.policy.accounts]


@router.get("/", response_class=HTMLResponse)
async def precheck_form(request: Request, screener: ScreenerDep) -> HTMLResponse:
    return render(request, "precheck.html", {"text": "", "account": "", "accounts": _accounts(screener)})


@router.post("/", response_class=HTMLResponse)
async def precheck(
    request: Request,
    screener: ScreenerDep,
    text: Annotated[str, Form()] = "",
    account: Annotated[str, Form()] = "",
) -> HTMLResponse:
    context: dict[str, Any] = {"text": text, "account": account, "accounts": _accounts(screener)}
    try:
        checked = screener.check_text(text)
    except InputError as exc:
        context["error"] = str(exc)
        return render(request, "precheck.html", context, status_code=422)
    result = await run_in_threadpool(screener.screen, checked)
    context.update(
        result=result,
        segments=segments(checked, result.findings),
        rewrite=suggest_rewrite(checked, result.findings),
        approval_required=result.decision != "allow" or screener.policy.needs_approval(account or None),
    )
    return render(request, "precheck.html", context)
