"""The social-media account directory: official accounts, their platform and owner, and whether
every post to them needs an officer's approval.

The policy file's ``accounts`` seed the directory once, on the first start with an empty table;
after that the Social Media Officer keeps it in the service (add, edit, retire) and the submission
flow asks the directory, not the policy file, whether an account needs approval
(``AccountDirectory.needs_approval``, passed to ``QueueService`` as its ``approval_lookup``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from approval_queue.db import Database
from approval_queue.errors import InvalidRequest, NotFound, PermissionDenied
from approval_queue.models import Role, SocialAccount, User
from approval_queue.services.audit import append_event
from screening.policy.model import Policy

logger = logging.getLogger(__name__)

PLATFORMS = ("x", "linkedin", "facebook", "instagram", "tiktok", "youtube", "bluesky", "mastodon", "any", "other")
MANAGERS = frozenset({Role.REVIEWER, Role.ADMIN})


@dataclass(frozen=True, slots=True)
class AccountView:
    id: int
    handle: str
    platform: str
    owner: str
    approval_required: bool
    retired: bool
    updated_at: datetime


def _view(row: SocialAccount) -> AccountView:
    return AccountView(row.id, row.handle, row.platform, row.owner, row.approval_required, row.retired,
                       row.updated_at)


def _require_manager(actor: User) -> None:
    if actor.role not in MANAGERS:
        raise PermissionDenied(f"Your role is {actor.role}; only the Social Media Officer (reviewers) and "
                               "admins keep the account directory.")


def _clean(handle: str, platform: str, owner: str) -> tuple[str, str, str]:
    handle, platform, owner = handle.strip(), platform.strip().lower(), owner.strip()
    if not handle or len(handle) > 200:
        raise InvalidRequest("Give the account's handle (1 to 200 characters), e.g. @NorthfieldInst.")
    if platform not in PLATFORMS:
        raise InvalidRequest(f"Platform {platform or '(empty)'!r} is not known; choose one of {', '.join(PLATFORMS)}.")
    if len(owner) > 200:
        raise InvalidRequest("The owner is over 200 characters; name the team or person briefly.")
    return handle, platform, owner


class AccountDirectory:
    """Add, edit, retire and list official accounts; answer whether an account needs approval."""

    def __init__(self, db: Database, policy: Policy, clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self.policy = policy
        self.clock = clock or (lambda: datetime.now(UTC))

    def seed_from_policy(self) -> int:
        """Copy the policy's ``accounts`` into an empty directory; return how many were added."""
        now = self.clock()
        with self.db.write() as session:
            if session.scalar(select(func.count()).select_from(SocialAccount)):
                return 0
            for account in self.policy.accounts:
                session.add(SocialAccount(
                    handle=account.handle, platform=account.platform.lower(), owner=account.owner,
                    approval_required=self.policy.needs_approval(account.handle), retired=False,
                    created_at=now, updated_at=now))
            count = len(self.policy.accounts)
            if count:
                append_event(session, action="accounts_seeded", actor=None, now=now,
                             reason=f"{count} account(s) copied from the policy file")
        logger.info("account directory seeded with %d account(s) from the policy", count)
        return count

    def list_accounts(self, include_retired: bool = True) -> list[AccountView]:
        with self.db.read() as session:
            query = select(SocialAccount).order_by(SocialAccount.retired, SocialAccount.handle)
            if not include_retired:
                query = query.where(SocialAccount.retired.is_(False))
            return [_view(a) for a in session.scalars(query)]

    def get(self, account_id: int) -> AccountView:
        with self.db.read() as session:
            row = session.get(SocialAccount, account_id)
            if row is None:
                raise NotFound(f"There is no account {account_id} in the directory.")
            return _view(row)

    def add(self, actor: User, handle: str, platform: str, owner: str, approval_required: bool) -> AccountView:
        _require_manager(actor)
        handle, platform, owner = _clean(handle, platform, owner)
        now = self.clock()
        try:
            with self.db.write() as session:
                row = SocialAccount(handle=handle, platform=platform, owner=owner,
                                    approval_required=approval_required, retired=False, created_at=now,
                                    updated_at=now)
                session.add(row)
                session.flush()
                append_event(session, action="account_added", actor=actor, now=now,
                             reason=f"{handle} ({platform}) added; approval required: {approval_required}")
                return _view(row)
        except IntegrityError:
            raise InvalidRequest(f"The directory already lists {handle!r}; edit that entry instead.") from None

    def edit(self, actor: User, account_id: int, handle: str, platform: str, owner: str,
             approval_required: bool) -> AccountView:
        _require_manager(actor)
        handle, platform, owner = _clean(handle, platform, owner)
        now = self.clock()
        try:
            with self.db.write() as session:
                row = session.get(SocialAccount, account_id)
                if row is None:
                    raise NotFound(f"There is no account {account_id} in the directory.")
                row.handle, row.platform, row.owner = handle, platform, owner
                row.approval_required = approval_required
                row.updated_at = now
                append_event(session, action="account_edited", actor=actor, now=now,
                             reason=f"{handle} ({platform}); approval required: {approval_required}")
                return _view(row)
        except IntegrityError:
            raise InvalidRequest(f"The directory already lists {handle!r}; choose another handle.") from None

    def set_retired(self, actor: User, account_id: int, retired: bool) -> AccountView:
        _require_manager(actor)
        now = self.clock()
        with self.db.write() as session:
            row = session.get(SocialAccount, account_id)
            if row is None:
                raise NotFound(f"There is no account {account_id} in the directory.")
            row.retired = retired
            row.updated_at = now
            append_event(session, action="account_retired" if retired else "account_restored", actor=actor,
                         now=now, reason=row.handle)
            return _view(row)

    def needs_approval(self, handle: str | None) -> bool:
        """Whether every post to ``handle`` needs approval: the directory's answer for a listed
        account (a retired one always does: nobody should be posting there), the policy's otherwise."""
        if not handle:
            return False
        with self.db.read() as session:
            row = session.scalar(select(SocialAccount).where(
                func.lower(SocialAccount.handle) == handle.strip().lower()))
        if row is None:
            return self.policy.needs_approval(handle)
        return row.retired or row.approval_required
