"""FastAPI dependencies as ``Annotated`` aliases (the template's ``SessionDep`` / ``CurrentUser`` style)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from approval_queue.core.config import Settings
from screening.pipeline import Screener


def get_screener(request: Request) -> Screener:
    return request.app.state.screener  # type: ignore[no-any-return]


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


ScreenerDep = Annotated[Screener, Depends(get_screener)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
