"""``/api/v1/users``: who am I, and (admins) list and add users."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, status

from approval_queue.api.deps import CurrentUser, UsersDep
from approval_queue.schemas import UserCreate, UserCreated, UserOut
from approval_queue.services.users import UserView

router = APIRouter(prefix="/api/v1/users", tags=["users"])


@router.get("/me", response_model=UserOut, responses={401: {}})
def me(user: CurrentUser) -> Any:
    return UserView.of(user)


@router.get("", response_model=list[UserOut], responses={401: {}, 403: {}})
def list_users(user: CurrentUser, users: UsersDep) -> Any:
    """Every user (admins only)."""
    return users.list(actor=user)


@router.post("", response_model=UserCreated, status_code=status.HTTP_201_CREATED, responses={401: {}, 403: {}})
def add_user(body: UserCreate, user: CurrentUser, users: UsersDep) -> Any:
    """Create a user (admins only); the response holds their API token, shown this once."""
    view, token = users.add(body.name, body.role, actor=user)
    return {"user": view, "token": token}
