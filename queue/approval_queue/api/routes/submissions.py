"""``/api/v1/submissions``: submit drafts, read them with their history, claim, decide, resubmit,
withdraw, and fetch or check the authorisation record.

Routes are plain ``def`` (FastAPI runs them in its thread pool): the domain layer is synchronous.
Domain errors become HTTP statuses in ``api/errors.py``; nothing here catches them.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from approval_queue.api.deps import CurrentUser, QueueDep
from approval_queue.models import Role, Status
from approval_queue.schemas import (
    AuthorisationOut,
    DecisionRequest,
    ResubmitRequest,
    SubmissionCreate,
    SubmissionDetailOut,
    SubmissionOut,
    TextCheckOut,
    TextCheckRequest,
    WithdrawRequest,
)
from approval_queue.services.submissions import SubmissionDetail

# Larger offsets overflow the databases' 64-bit integers (a 500 found by fuzzing); nothing is that deep.
MAX_OFFSET = 1_000_000_000
# Ids beyond a signed 64-bit integer cannot exist and would overflow the database driver (a 500).
SubmissionId = Annotated[int, Path(ge=1, le=2**63 - 1)]

router = APIRouter(prefix="/api/v1/submissions", tags=["submissions"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No valid bearer token."},
    403: {"description": "Your role may not do this."},
    404: {"description": "No such submission (or not yours)."},
    409: {"description": "Not possible in the submission's current status."},
}


@router.post("", response_model=SubmissionOut, status_code=status.HTTP_201_CREATED, responses={
    200: {"model": SubmissionOut, "description": "The idempotency key was used before: the first submission."},
    **_ERRORS})
def submit(body: SubmissionCreate, user: CurrentUser, queue: QueueDep, response: Response) -> Any:
    """Screen a draft and queue it: `authorised` at once if clean (and its account needs no approval),
    else `pending_review`, high priority when the screener blocks it."""
    outcome = queue.submit(user, body.text, body.account, body.idempotency_key)
    if not outcome.created:
        response.status_code = status.HTTP_200_OK
    return outcome.submission


@router.get("", response_model=list[SubmissionOut], responses=_ERRORS)
def list_submissions(
    user: CurrentUser,
    queue: QueueDep,
    mine: bool = True,
    status_filter: Annotated[list[Status] | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Any:
    """Your own submissions, newest first (`mine=true`), or, for reviewers and admins, everyone's."""
    if mine or user.role == Role.AUTHOR:
        return queue.list_mine(user, status_filter, limit, offset)
    return queue.list_queue(user, status_filter or list(Status), limit, offset)


@router.get("/{submission_id}", response_model=SubmissionDetailOut, responses=_ERRORS)
def get_submission(submission_id: SubmissionId, user: CurrentUser, queue: QueueDep) -> Any:
    """One submission with its history (every event and version) and its authorisation record."""
    return _detail(queue.get(user, submission_id))


@router.post("/{submission_id}/claim", response_model=SubmissionOut, responses=_ERRORS)
def claim(submission_id: SubmissionId, user: CurrentUser, queue: QueueDep) -> Any:
    """Take the item for review until the claim lease lapses (reviewers and admins)."""
    return queue.claim(user, submission_id)


@router.post("/{submission_id}/release", response_model=SubmissionOut, responses=_ERRORS)
def release(submission_id: SubmissionId, user: CurrentUser, queue: QueueDep) -> Any:
    """Give your claim back without deciding."""
    return queue.release(user, submission_id)


@router.post("/{submission_id}/decision", response_model=SubmissionOut, responses=_ERRORS)
def decide(submission_id: SubmissionId, body: DecisionRequest, user: CurrentUser, queue: QueueDep) -> Any:
    """Approve, reject, request changes or escalate, with a reason. Reviewers decide items they hold;
    admins decide escalated ones. Nobody decides on their own submission."""
    return queue.decide(user, submission_id, body.action, body.reason)


@router.post("/{submission_id}/resubmit", response_model=SubmissionOut, responses=_ERRORS)
def resubmit(submission_id: SubmissionId, body: ResubmitRequest, user: CurrentUser, queue: QueueDep) -> Any:
    """The author's edited text after changes were requested: screened again, a new version."""
    return queue.resubmit(user, submission_id, body.text)


@router.post("/{submission_id}/withdraw", response_model=SubmissionOut, responses=_ERRORS)
def withdraw(submission_id: SubmissionId, user: CurrentUser, queue: QueueDep, body: WithdrawRequest | None = None) -> Any:
    """The author takes back an undecided submission."""
    return queue.withdraw(user, submission_id, body.reason if body else "")


@router.get("/{submission_id}/authorisation", response_model=AuthorisationOut, responses=_ERRORS)
def authorisation(submission_id: SubmissionId, user: CurrentUser, queue: QueueDep) -> Any:
    """The authorisation record (id, who, when, sha256 of the exact text); 409 when not authorised."""
    return queue.authorisation(user, submission_id)


@router.post("/{submission_id}/authorisation/verify", response_model=TextCheckOut, responses=_ERRORS)
def verify_text(submission_id: SubmissionId, body: TextCheckRequest, user: CurrentUser, queue: QueueDep) -> Any:
    """Whether a text is exactly what was authorised: call it just before posting."""
    return queue.check_text(user, submission_id, body.text)


def _detail(detail: SubmissionDetail) -> SubmissionDetailOut:
    base = SubmissionOut.model_validate(detail.submission).model_dump()
    return SubmissionDetailOut.model_validate({
        **base,
        "history": {"events": detail.events, "versions": detail.versions},
        "authorisation": detail.authorisation,
    }, from_attributes=True)
