"""FastAPI dependencies as ``Annotated`` aliases (the template's ``SessionDep`` / ``CurrentUser`` style)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from approval_queue.core.config import Settings
from approval_queue.models import User
from approval_queue.services.submissions import QueueService
from approval_queue.services.users import UserService
from screening.pipeline import Screener

_bearer = HTTPBearer(auto_error=False, description="The API token from `screening users add`.")


def get_screener(request: Request) -> Screener:
    return request.app.state.screener  # type: ignore[no-any-return]


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_queue(request: Request) -> QueueService:
    return request.app.state.queue  # type: ignore[no-any-return]


def get_users(request: Request) -> UserService:
    return request.app.state.users  # type: ignore[no-any-return]


def get_current_user(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> User:
    """The user whose bearer token came with the request (``NotAuthenticated`` -> 401 otherwise)."""
    users: UserService = request.app.state.users
    return users.by_token(credentials.credentials if credentials else None)


ScreenerDep = Annotated[Screener, Depends(get_screener)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
QueueDep = Annotated[QueueService, Depends(get_queue)]
UsersDep = Annotated[UserService, Depends(get_users)]
CurrentUser = Annotated[User, Depends(get_current_user)]
