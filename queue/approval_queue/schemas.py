"""Request and response shapes of the queue's JSON API (pydantic).

Requests refuse unknown fields; responses are built from the domain's frozen views
(``from_attributes``), so the API shows exactly what the domain returns.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from approval_queue.api.routes.screen import FindingOut
from approval_queue.models import Role, Status


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Response(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class SubmissionCreate(_Request):
    text: str = Field(description="The draft, as it would be posted.")
    account: str | None = Field(default=None, description="The account it is for (a policy handle, or `personal`).")
    idempotency_key: str | None = Field(
        default=None, max_length=200,
        description="Repeat the same key to retry safely: the first submission is returned, never a second one.",
    )


class DecisionRequest(_Request):
    action: Literal["approve", "reject", "request_changes", "escalate"]
    reason: str = Field(min_length=1, max_length=2000, description="Why; shown to the author and kept in the audit log.")


class ResubmitRequest(_Request):
    text: str = Field(description="The edited draft; it is screened again and stored as a new version.")


class WithdrawRequest(_Request):
    reason: str = Field(default="", max_length=2000)


class TextCheckRequest(_Request):
    text: str = Field(description="The exact text about to be posted.")


class SubmissionOut(_Response):
    id: int
    status: Status
    priority: Literal["high", "normal"]
    decision: str = Field(description="The screener's decision on the current version: allow, review or block.")
    account: str | None
    author: str
    current_version: int
    text: str
    text_sha256: str
    findings: list[FindingOut]
    scores: dict[str, float]
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime
    sla_due_at: datetime | None
    sla_breached: bool
    claimed_by: str | None
    claimed_until: datetime | None
    idempotency_key: str | None


class VersionOut(_Response):
    number: int
    text: str
    text_sha256: str
    decision: str
    findings: list[FindingOut]
    scores: dict[str, float]
    language: str
    policy_version: str
    created_at: datetime


class EventOut(_Response):
    seq: int
    action: str
    actor: str
    from_status: str | None
    to_status: str | None
    version: int | None
    reason: str
    created_at: datetime
    hash: str


class AuthorisationOut(_Response):
    id: str
    submission_id: int
    version: int
    authorised_by: str | None = Field(description="The reviewer, or null when the screening policy authorised it.")
    basis: Literal["screening", "review"]
    authorised_at: datetime
    text_sha256: str = Field(description="sha256 of the exact UTF-8 text authorised.")
    reason: str


class History(BaseModel):
    events: list[EventOut]
    versions: list[VersionOut]


class SubmissionDetailOut(SubmissionOut):
    history: History
    authorisation: AuthorisationOut | None


class TextCheckOut(_Response):
    matches: bool
    text_sha256: str
    authorisation: AuthorisationOut


class UserCreate(_Request):
    name: str = Field(min_length=1, max_length=100)
    role: Role


class UserOut(_Response):
    id: int
    name: str
    role: Role
    active: bool
    has_password: bool
    created_at: datetime


class UserCreated(BaseModel):
    user: UserOut
    token: str = Field(description="The API token: shown this once, stored only as a hash.")
