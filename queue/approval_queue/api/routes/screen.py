"""``POST /api/v1/screen``: the pre-check as JSON."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from approval_queue.api.deps import ScreenerDep

router = APIRouter(prefix="/api/v1", tags=["screening"])


class ScreenRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The draft to screen (UTF-8, at most the policy's max_chars).")
    account: str | None = Field(default=None, description="The account it is for (optional).")


class FindingOut(BaseModel):
    category: str
    label: str
    start: int
    end: int
    text: str
    score: float
    severity: str
    detector: str
    explanation: str
    policy_clause: str


class DetectorFailureOut(BaseModel):
    detector: str
    error: str


class ScreenResponse(BaseModel):
    decision: str = Field(description="allow, review or block")
    findings: list[FindingOut]
    scores: dict[str, float]
    language: str
    errors: list[DetectorFailureOut]
    text_sha256: str
    policy_version: str
    approval_required: bool = Field(description="Whether posting to `account` needs an officer's approval.")


@router.post("/screen", response_model=ScreenResponse, summary="Screen a draft")
async def screen(body: ScreenRequest, screener: ScreenerDep) -> dict[str, Any]:
    """Return the decision, every finding with its exact span, and the per-category scores."""
    text = screener.check_text(body.text)
    result = await run_in_threadpool(screener.screen, text)
    payload = result.to_dict()
    payload["approval_required"] = result.decision != "allow" or screener.policy.needs_approval(body.account)
    return payload
