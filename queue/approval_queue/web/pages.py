"""Server-rendered pages, one module per page family; this module gathers their routers.

Pages call the domain services on ``app.state`` directly (never the HTTP API). Every page works
without JavaScript; ``static/app.js`` only adds the copy button and the audit progress polling.
"""

from __future__ import annotations

from fastapi import APIRouter

from approval_queue.web import accounts, audit, auth, dashboard, incidents, precheck, review, submissions
from approval_queue.web.common import install, render

router = APIRouter(include_in_schema=False)
for module in (precheck, auth, submissions, review, accounts, incidents, audit, dashboard):
    router.include_router(module.router)

__all__ = ["install", "render", "router"]
