"""Users, roles, API tokens and passwords.

A token is 256 random bits shown once; only its sha256 is stored (a fast hash is enough for a
high-entropy secret). Passwords, for the web sign-in, are hashed with scrypt and a random salt.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from approval_queue.db import Database
from approval_queue.errors import InvalidRequest, NotAuthenticated, NotFound, PermissionDenied
from approval_queue.models import Role, User
from approval_queue.services.audit import append_event

TOKEN_PREFIX = "sq_"
# scrypt cost: n=2**14, r=8 is ~16 MiB and tens of ms, the usual interactive-login setting.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD_CHARS = 12


@dataclass(frozen=True, slots=True)
class UserView:
    """A user as the API and pages show it (never the token or password hash)."""

    id: int
    name: str
    role: Role
    active: bool
    has_password: bool
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> UserView:
        return cls(user.id, user.name, Role(user.role), user.active, user.password_hash is not None,
                   user.created_at)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise InvalidRequest(f"The password is {len(password)} characters long; use at least {MIN_PASSWORD_CHARS}.")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                               p=int(p), dklen=len(digest) // 2)
    return hmac.compare_digest(candidate.hex(), digest)


def _require_admin(actor: User | None, what: str) -> None:
    if actor is not None and actor.role != Role.ADMIN:
        raise PermissionDenied(f"Your role is {actor.role}; only admins can {what}.")


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        raise InvalidRequest(
            f"Role {value!r} is not known; use one of {', '.join(r.value for r in Role)}."
        ) from None


class UserService:
    """Create users and resolve credentials to users."""

    def __init__(self, db: Database, clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self.clock = clock or (lambda: datetime.now(UTC))

    def add(self, name: str, role: Role | str, password: str | None = None,
            actor: User | None = None) -> tuple[UserView, str]:
        """Create a user; return it with its API token (shown once, stored only as a hash).

        ``actor`` is the admin doing it, or None for the command line (whoever can run it owns the
        database anyway).
        """
        _require_admin(actor, "add users")
        name = name.strip()
        if not name or len(name) > 100:
            raise InvalidRequest("A user name must be 1 to 100 characters; give the person's name or login.")
        role = parse_role(role) if isinstance(role, str) else role
        token = new_token()
        now = self.clock()
        try:
            with self.db.write() as session:
                user = User(name=name, role=role.value, token_hash=hash_token(token),
                            password_hash=hash_password(password) if password else None, active=True,
                            created_at=now)
                session.add(user)
                session.flush()
                append_event(session, action="user_added", actor=actor, now=now,
                             reason=f"{user.name} added as {role.value}")
                view = UserView.of(user)
        except IntegrityError:
            raise InvalidRequest(f"A user named {name!r} already exists; choose another name.") from None
        return view, token

    def rotate_token(self, name: str, actor: User | None = None) -> str:
        """Replace a user's API token (the old one stops working at once); return the new one."""
        token = new_token()
        with self.db.write() as session:
            user = self._by_name(session, name)
            user.token_hash = hash_token(token)
            append_event(session, action="token_rotated", actor=actor, now=self.clock(),
                         reason=f"new API token for {user.name}")
        return token

    def set_password(self, name: str, password: str, actor: User | None = None) -> None:
        with self.db.write() as session:
            user = self._by_name(session, name)
            user.password_hash = hash_password(password)
            append_event(session, action="password_set", actor=actor, now=self.clock(),
                         reason=f"password set for {user.name}")

    def set_active(self, name: str, active: bool, actor: User | None = None) -> None:
        with self.db.write() as session:
            user = self._by_name(session, name)
            user.active = active
            append_event(session, action="user_activated" if active else "user_deactivated", actor=actor,
                         now=self.clock(), reason=user.name)

    def list(self, actor: User | None = None) -> list[UserView]:
        _require_admin(actor, "list users")
        with self.db.read() as session:
            return [UserView.of(u) for u in session.scalars(select(User).order_by(User.name))]

    def by_token(self, token: str | None) -> User:
        """The active user holding this API token, or ``NotAuthenticated``."""
        if not token:
            raise NotAuthenticated("Send your API token as `Authorization: Bearer <token>`.")
        with self.db.read() as session:
            user = session.scalar(select(User).where(User.token_hash == hash_token(token)))
        if user is None or not user.active:
            raise NotAuthenticated("The API token is not valid (unknown, rotated or its user deactivated); "
                                   "ask an admin for a new one.")
        return user

    def by_password(self, name: str, password: str) -> User:
        """The active user with this name and password (for the web sign-in), or ``NotAuthenticated``."""
        with self.db.read() as session:
            user = session.scalar(select(User).where(User.name == name.strip()))
        if user is None or not user.active or not user.password_hash or not check_password(password, user.password_hash):
            raise NotAuthenticated("The name or password is wrong.")
        return user

    def get(self, user_id: int) -> User:
        with self.db.read() as session:
            user = session.get(User, user_id)
        if user is None:
            raise NotFound(f"There is no user {user_id}.")
        return user

    @staticmethod
    def _by_name(session: Session, name: str) -> User:
        user = session.scalar(select(User).where(User.name == name.strip()))
        if user is None:
            raise NotFound(f"There is no user named {name!r}; `screening users list` shows them.")
        return user
