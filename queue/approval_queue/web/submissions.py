"""My submissions: submit from the pre-check, follow the status and the reviewers' comments,
resubmit after changes are requested, withdraw, and see the authorisation record."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from approval_queue.errors import InvalidRequest
from approval_queue.models import Status
from approval_queue.services.submissions import OPEN_STATUSES, SubmissionDetail
from approval_queue.web.common import CsrfChecked, SignedIn, redirect, render
from approval_queue.web.display import stored_result
from screening.errors import InputError

router = APIRouter(include_in_schema=False)

# Events whose reason is a person's comment on the draft (not the screener's note).
COMMENT_ACTIONS = ("approve", "reject", "request_changes", "escalate", "withdraw")


def _comments(detail: SubmissionDetail) -> list[dict[str, object]]:
    return [{"action": e.action, "actor": e.actor, "reason": e.reason, "at": e.created_at, "version": e.version}
            for e in detail.events if e.action in COMMENT_ACTIONS]


@router.get("/submissions", response_class=HTMLResponse)
def my_submissions(request: Request, user: SignedIn) -> HTMLResponse:
    items = request.app.state.queue.list_mine(user, limit=200)
    return render(request, "submissions.html", {"items": items})


@router.post("/submissions", response_model=None)
def submit(
    request: Request,
    user: SignedIn,
    _csrf: CsrfChecked,
    text: Annotated[str, Form()] = "",
    account: Annotated[str, Form()] = "",
) -> Response:
    outcome = request.app.state.queue.submit(user, text, account or None)
    return redirect(request, f"/submissions/{outcome.submission.id}")


def _detail_page(request: Request, user: SignedIn, submission_id: int, errors: list[tuple[str, str]] | None = None,
                 draft: str | None = None, status_code: int = 200) -> HTMLResponse:
    detail: SubmissionDetail = request.app.state.queue.get(user, submission_id)
    current = next(v for v in detail.versions if v.number == detail.submission.current_version)
    result, segments = stored_result(current)
    mine = detail.submission.author_id == user.id
    return render(request, "submission.html", {
        "detail": detail, "s": detail.submission, "result": result, "segments": segments,
        "comments": _comments(detail), "mine": mine,
        "can_resubmit": mine and detail.submission.status == Status.CHANGES_REQUESTED,
        "can_withdraw": mine and detail.submission.status in OPEN_STATUSES,
        "draft": detail.submission.text if draft is None else draft, "errors": errors or [],
    }, status_code=status_code)


@router.get("/submissions/{submission_id}", response_class=HTMLResponse)
def submission_page(request: Request, user: SignedIn, submission_id: int) -> HTMLResponse:
    return _detail_page(request, user, submission_id)


@router.post("/submissions/{submission_id}/resubmit", response_model=None)
async def resubmit(
    request: Request, user: SignedIn, _csrf: CsrfChecked, submission_id: int, text: Annotated[str, Form()] = "",
) -> Response:
    try:
        await run_in_threadpool(request.app.state.queue.resubmit, user, submission_id, text)
    except (InputError, InvalidRequest) as exc:
        return await run_in_threadpool(_detail_page, request, user, submission_id, [("text", str(exc))], text, 422)
    return redirect(request, f"/submissions/{submission_id}")


@router.post("/submissions/{submission_id}/withdraw", response_model=None)
def withdraw(request: Request, user: SignedIn, _csrf: CsrfChecked, submission_id: int,
             reason: Annotated[str, Form()] = "") -> Response:
    request.app.state.queue.withdraw(user, submission_id, reason)
    return redirect(request, f"/submissions/{submission_id}")
