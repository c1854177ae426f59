"""The app factory: ``create_app()`` builds the FastAPI app on the settings from the environment.

``uvicorn approval_queue.main:create_app --factory`` or ``screening serve`` run it.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from approval_queue.api import errors
from approval_queue.api.routes import health, screen
from approval_queue.core.config import Settings, get_settings
from approval_queue.core.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from approval_queue.web import pages
from screening.pipeline import Screener

logger = logging.getLogger(__name__)
PACKAGE_DIR = Path(__file__).resolve().parent


def create_app(settings: Settings | None = None, screener: Screener | None = None) -> FastAPI:
    """Build the app. Tests pass a loaded ``screener`` to share the models across apps."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if getattr(app.state, "screener", None) is None:
            app.state.screener = Screener.load(settings.policy_path)
        logger.info("service ready (environment %s)", settings.environment)
        yield

    app = FastAPI(
        docs_url=None,  # served below from the swagger-ui-bundle package: no CDN, works offline
        title="Northfield social-media screening",
        version="0.1.0",
        description="Pre-check drafts against the social-media policy and route flagged ones for approval.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.screener = screener
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes,
                       max_upload_bytes=settings.max_upload_bytes)
    errors.install(app)
    app.include_router(health.router)
    app.include_router(screen.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=PACKAGE_DIR / "static"), name="static")
    _mount_offline_docs(app)
    return app


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
