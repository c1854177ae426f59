"""``GET /api/v1/users/{user_id}/export``: everything held about one person (admins only)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool

from approval_queue.api.deps import CurrentUser
from approval_queue.services.data_protection import export_person

router = APIRouter(prefix="/api/v1/users", tags=["data protection"])


@router.get("/{user_id}/export", responses={401: {}, 403: {}, 404: {}})
async def export_user(user_id: Annotated[int, Path(ge=1, le=2**63 - 1)], user: CurrentUser,
                      request: Request) -> dict[str, Any]:
    """A subject access request: the person's account, submissions with every version and finding,
    authorisations and audit events, as JSON."""
    return await run_in_threadpool(export_person, request.app.state.db, user_id, user)
