"""The app factory: ``create_app()`` builds the FastAPI app on the settings from the environment.

``uvicorn approval_queue.main:create_app --factory`` or ``screening serve`` run it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.staticfiles import StaticFiles

from approval_queue.api import errors
from approval_queue.api.routes import data_protection, health, review_queue, screen, submissions, users
from approval_queue.core.config import Settings, get_settings
from approval_queue.core.content_type import JSONContentTypeMiddleware
from approval_queue.core.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from approval_queue.core.ratelimit import RateLimitMiddleware
from approval_queue.db import Database
from approval_queue.notifications import OutboxWorker
from approval_queue.services.accounts import AccountDirectory
from approval_queue.services.audits import AuditJobs
from approval_queue.services.data_protection import purge_decided_text
from approval_queue.services.incidents import IncidentService
from approval_queue.services.submissions import QueueService
from approval_queue.services.users import UserService
from approval_queue.web import pages
from screening import redaction
from screening.pipeline import Screener

logger = logging.getLogger(__name__)
PACKAGE_DIR = Path(__file__).resolve().parent


def create_app(settings: Settings | None = None, screener: Screener | None = None) -> FastAPI:
    """Build the app. Tests pass a loaded ``screener`` to share the models across apps.

    On start the database is migrated to the newest revision (Alembic), the queue services are
    built on ``app.state`` (``db``, ``users``, ``queue``, ``outbox``) and, unless
    ``background_tasks`` is off, two loops run: the notification outbox and the ageing sweep
    (lapsed claims, SLA breaches, expiry).
    """
    settings = settings or get_settings()
    redaction.install()  # the log safeguard: no record may carry a draft's text (screening.redaction)
    database = Database(settings.resolved_database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if getattr(app.state, "screener", None) is None:
            app.state.screener = Screener.load(settings.policy_path)
        await run_in_threadpool(database.migrate)
        app.state.accounts = AccountDirectory(database, app.state.screener.policy)
        await run_in_threadpool(app.state.accounts.seed_from_policy)
        app.state.queue = QueueService(database, settings, app.state.screener,
                                       approval_lookup=app.state.accounts.needs_approval)
        app.state.incidents = IncidentService(database)
        app.state.audits = AuditJobs(database, settings.var_dir, settings.policy_path)
        app.state.outbox = OutboxWorker(database, settings)
        loops: list[asyncio.Task[None]] = []
        if settings.background_tasks:
            loops.append(asyncio.create_task(_every(settings.outbox_poll_seconds, app.state.outbox.deliver_due,
                                                    "notification outbox")))
            loops.append(asyncio.create_task(_every(settings.maintenance_interval_seconds, app.state.queue.sweep,
                                                    "queue maintenance")))
            if settings.retention_days:
                loops.append(asyncio.create_task(_every(settings.maintenance_interval_seconds, partial(
                    purge_decided_text, database, settings.retention_days), "retention purge")))
            await run_in_threadpool(app.state.audits.resume_unfinished)
        logger.info("service ready (environment %s, database %s)", settings.environment, database.dialect)
        try:
            yield
        finally:
            for task in loops:
                task.cancel()
            await asyncio.gather(*loops, return_exceptions=True)
            app.state.audits.shutdown()
            database.dispose()

    app = FastAPI(
        docs_url=None,  # served below from the swagger-ui-bundle package: no CDN, works offline
        title="Northfield social-media screening",
        version="0.1.0",
        description="Pre-check drafts against the social-media policy and route flagged ones for approval.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.screener = screener
    app.state.db = database
    app.state.users = UserService(database)
    # Added first = innermost: the security headers also go on their 415 and 429 answers.
    app.add_middleware(JSONContentTypeMiddleware)
    app.add_middleware(RateLimitMiddleware, api_rate_per_minute=settings.api_rate_per_minute,
                       login_rate_per_minute=settings.login_rate_per_minute)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes,
                       max_upload_bytes=settings.max_upload_bytes)
    errors.install(app)
    pages.install(app)  # after errors.install: pages show domain errors as pages, the API keeps JSON
    app.include_router(health.router)
    app.include_router(screen.router)
    app.include_router(submissions.router)
    app.include_router(review_queue.router)
    app.include_router(data_protection.router)
    app.include_router(users.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=PACKAGE_DIR / "static"), name="static")
    _mount_offline_docs(app)
    return app


async def _every(seconds: float, work: Callable[[], object], name: str) -> None:
    """Run blocking ``work`` in a thread every ``seconds`` until cancelled."""
    while True:
        try:
            await run_in_threadpool(work)
        except Exception:  # noqa: BLE001  (a background loop must survive one bad round: log it, go on)
            logger.exception("%s failed; trying again in %.0fs", name, seconds)
        await asyncio.sleep(seconds)


def _mount_offline_docs(app: FastAPI) -> None:
    import swagger_ui_bundle
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import HTMLResponse

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )
