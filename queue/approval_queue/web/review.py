"""The review queue (reviewers and admins) and escalations (admins): filter, claim, read the item
with its findings, history and earlier versions as a diff, and decide with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from approval_queue.errors import InvalidRequest
from approval_queue.models import Role, Status
from approval_queue.services.submissions import (
    DECISION_ACTIONS,
    QUEUE_STATUSES,
    SubmissionDetail,
    SubmissionView,
)
from approval_queue.web.common import CATEGORY_NAMES, Admin, CsrfChecked, Decider, redirect, render
from approval_queue.web.display import stored_result, word_diff

router = APIRouter(include_in_schema=False)

ACTION_NAMES = {"approve": "Approve", "reject": "Reject", "request_changes": "Request changes",
                "escalate": "Escalate to admins"}
AGE_CHOICES = {"": "Any age", "1": "Over 1 hour", "4": "Over 4 hours", "24": "Over 1 day", "72": "Over 3 days"}


@dataclass(frozen=True, slots=True)
class QueueRow:
    item: SubmissionView
    sla: str  # "breached", "soon" or "ok": the row's colour
    sla_text: str
    categories: list[str]


def _sla(item: SubmissionView, now: datetime) -> tuple[str, str]:
    if item.sla_due_at is None:
        return "ok", "No deadline"
    left = (item.sla_due_at - now).total_seconds() / 3600
    if item.sla_breached or left <= 0:
        return "breached", f"Overdue by {abs(left):.0f} h" if left <= -1 else "Overdue"
    if left <= 2:
        return "soon", f"Due in {left * 60:.0f} min" if left < 1 else f"Due in {left:.0f} h"
    return "ok", f"Due in {left:.0f} h"


def _rows(items: list[SubmissionView]) -> list[QueueRow]:
    now = datetime.now(UTC)
    rows = []
    for item in items:
        sla, text = _sla(item, now)
        rows.append(QueueRow(item, sla, text, sorted({f["category"] for f in item.findings})))
    return rows


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request, user: Decider, status: str = "", category: str = "", account: str = "",
               age: str = "") -> HTMLResponse:
    statuses = [Status(status)] if status in {s.value for s in QUEUE_STATUSES} else None
    items: list[SubmissionView] = request.app.state.queue.list_queue(user, statuses, limit=500)
    if category in CATEGORY_NAMES:
        items = [i for i in items if any(f["category"] == category for f in i.findings)]
    if account:
        items = [i for i in items if (i.account or "") == account]
    if age in AGE_CHOICES and age:
        cutoff = datetime.now(UTC) - timedelta(hours=int(age))
        items = [i for i in items if i.submitted_at <= cutoff]
    accounts = [a.handle for a in request.app.state.accounts.list_accounts()]
    return render(request, "queue.html", {
        "rows": _rows(items), "filters": {"status": status, "category": category, "account": account, "age": age},
        "queue_statuses": [s.value for s in QUEUE_STATUSES], "accounts": accounts, "age_choices": AGE_CHOICES,
        "heading": "Review queue",
    })


@router.get("/escalations", response_class=HTMLResponse)
def escalations_page(request: Request, user: Admin) -> HTMLResponse:
    items = request.app.state.queue.list_queue(user, [Status.ESCALATED], limit=500)
    return render(request, "escalations.html", {"rows": _rows(items)})


@router.post("/queue/claim-next", response_model=None)
def claim_next(request: Request, user: Decider, _csrf: CsrfChecked) -> Response:
    item = request.app.state.queue.claim_next(user)
    if item is None:
        return redirect(request, "/queue?empty=1")
    return redirect(request, f"/queue/{item.id}")


def _item_page(request: Request, user: Decider, submission_id: int, errors: list[tuple[str, str]] | None = None,
               form: dict[str, str] | None = None, status_code: int = 200) -> HTMLResponse:
    detail: SubmissionDetail = request.app.state.queue.get(user, submission_id)
    s = detail.submission
    current = next(v for v in detail.versions if v.number == s.current_version)
    result, segments = stored_result(current)
    diffs = [{"old": old.number, "new": new.number, "pieces": word_diff(old.text, new.text)}
             for old, new in zip(detail.versions, detail.versions[1:], strict=False)]
    now = datetime.now(UTC)
    holds = s.status == Status.IN_REVIEW and s.claimed_by == user.name and (s.claimed_until or now) > now
    own = s.author_id == user.id
    can_decide = not own and (holds or (s.status == Status.ESCALATED and user.role == Role.ADMIN))
    claimable = not own and (s.status == Status.PENDING_REVIEW
                             or (s.status == Status.IN_REVIEW and (s.claimed_until or now) <= now))
    actions = [a for a in DECISION_ACTIONS if not (a == "escalate" and s.status == Status.ESCALATED)]
    sla, sla_text = _sla(s, now)
    return render(request, "item.html", {
        "detail": detail, "s": s, "result": result, "segments": segments, "diffs": diffs, "own": own,
        "holds": holds, "can_decide": can_decide, "claimable": claimable, "actions": actions,
        "action_names": ACTION_NAMES, "errors": errors or [], "form": form or {}, "sla": sla, "sla_text": sla_text,
    }, status_code=status_code)


@router.get("/queue/{submission_id}", response_class=HTMLResponse)
def item_page(request: Request, user: Decider, submission_id: int) -> HTMLResponse:
    return _item_page(request, user, submission_id)


@router.post("/queue/{submission_id}/claim", response_model=None)
def claim(request: Request, user: Decider, _csrf: CsrfChecked, submission_id: int) -> Response:
    request.app.state.queue.claim(user, submission_id)
    return redirect(request, f"/queue/{submission_id}")


@router.post("/queue/{submission_id}/release", response_model=None)
def release(request: Request, user: Decider, _csrf: CsrfChecked, submission_id: int) -> Response:
    request.app.state.queue.release(user, submission_id)
    return redirect(request, "/queue")


@router.post("/queue/{submission_id}/decide", response_model=None)
async def decide(
    request: Request, user: Decider, _csrf: CsrfChecked, submission_id: int,
    action: Annotated[str, Form()] = "", reason: Annotated[str, Form()] = "",
) -> Response:
    errors = []
    if action not in DECISION_ACTIONS:
        errors.append(("action-" + DECISION_ACTIONS[0], "Choose what to do with this draft."))
    if not reason.strip():
        errors.append(("reason", "Give a reason: the author and the audit log see it."))
    if not errors:
        try:
            await run_in_threadpool(request.app.state.queue.decide, user, submission_id, action, reason)
        except InvalidRequest as exc:
            errors.append(("reason", str(exc)))
        else:
            return redirect(request, f"/queue/{submission_id}")
    return await run_in_threadpool(_item_page, request, user, submission_id, errors,
                                   {"action": action, "reason": reason}, 422)
