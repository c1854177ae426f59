"""``/api/v1/queue``: the review queue for reviewers and admins.

(The module is not called ``queue.py``: that would shadow the standard library's ``queue``.)
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from approval_queue.api.deps import CurrentUser, QueueDep
from approval_queue.models import Status
from approval_queue.schemas import SubmissionOut

# Larger offsets overflow the databases' 64-bit integers (a 500 found by fuzzing); nothing is that deep.
MAX_OFFSET = 1_000_000_000

router = APIRouter(prefix="/api/v1/queue", tags=["queue"])


@router.get("", response_model=list[SubmissionOut], responses={401: {}, 403: {}})
def list_queue(
    user: CurrentUser,
    queue: QueueDep,
    status_filter: Annotated[list[Status] | None, Query(alias="status",
                             description="Repeat to ask for several; default pending_review, in_review, escalated.")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Any:
    """Items waiting for a decision: past their SLA first, then high priority, then oldest."""
    return queue.list_queue(user, status_filter, limit, offset)


@router.post("/claim", response_model=SubmissionOut, responses={
    204: {"description": "Nothing is waiting for review."}, 401: {}, 403: {}})
def claim_next(user: CurrentUser, queue: QueueDep) -> Any:
    """Claim the first item in queue order that nobody holds."""
    claimed = queue.claim_next(user)
    if claimed is None:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    return claimed
