"""``GET /healthz``: liveness plus what is loaded."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from approval_queue.api.deps import ScreenerDep

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Service health")
async def healthz(screener: ScreenerDep) -> dict[str, Any]:
    return {
        "status": "ok",
        "policy_version": screener.policy.version,
        "detectors": [d.name for d in screener.detectors],
    }
