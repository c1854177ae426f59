"""The dashboard (``/dashboard``): counts by status and category week by week, and time to decision,
as accessible tables with inline SVG bars (no scripts, no CDN)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from approval_queue.services.stats import dashboard
from approval_queue.web.common import Decider, render

router = APIRouter(include_in_schema=False)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, user: Decider) -> HTMLResponse:
    figures = dashboard(request.app.state.db, user)
    peak_status = max(figures.by_status.values(), default=0) or 1
    peak_category = max(figures.by_category.values(), default=0) or 1
    peak_week = max((w.submitted for w in figures.weeks), default=0) or 1
    return render(request, "dashboard.html", {"d": figures, "peak_status": peak_status,
                                              "peak_category": peak_category, "peak_week": peak_week})
