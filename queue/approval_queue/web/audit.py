"""Audit (``/audit``): upload an export of historical posts, follow the background job, open its report."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from approval_queue.errors import InvalidRequest
from approval_queue.services.audits import ALLOWED_SUFFIXES
from approval_queue.web.common import CsrfChecked, Decider, redirect, render

router = APIRouter(include_in_schema=False)

# The report is our own generated HTML with inline styles and no scripts: allow exactly that, and
# sandbox it so nothing in a post's text could ever act with the service's origin.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, user: Decider) -> HTMLResponse:
    return render(request, "audit.html", {"jobs": request.app.state.audits.list_jobs(user), "suffixes": ALLOWED_SUFFIXES})


@router.post("/audit", response_model=None)
async def upload(request: Request, user: Decider, _csrf: CsrfChecked,
                 file: Annotated[UploadFile | None, File()] = None) -> Response:
    audits = request.app.state.audits
    if file is None or not file.filename:
        jobs = await run_in_threadpool(audits.list_jobs, user)
        return render(request, "audit.html", {"jobs": jobs, "suffixes": ALLOWED_SUFFIXES,
                                              "errors": [("file", "Choose a file of posts to audit.")]}, 422)
    try:
        job = await run_in_threadpool(audits.create, user, file.filename, file.file)
    except InvalidRequest as exc:
        jobs = await run_in_threadpool(audits.list_jobs, user)
        return render(request, "audit.html", {"jobs": jobs, "suffixes": ALLOWED_SUFFIXES,
                                              "errors": [("file", str(exc))]}, 422)
    return redirect(request, f"/audit/{job.id}")


@router.get("/audit/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, user: Decider, job_id: int) -> HTMLResponse:
    return render(request, "audit_job.html", {"job": request.app.state.audits.get(user, job_id)})


@router.get("/audit/{job_id}/status", response_class=JSONResponse)
def job_status(request: Request, user: Decider, job_id: int) -> JSONResponse:
    """The job's progress for the page's polling script."""
    job = request.app.state.audits.get(user, job_id)
    body = {k: v for k, v in asdict(job).items() if k in ("id", "total", "done", "progress", "error", "has_report")}
    return JSONResponse({**body, "status": job.status.value, "percent": job.percent, "finished": job.finished})


@router.get("/audit/{job_id}/report", response_model=None)
def job_report(request: Request, user: Decider, job_id: int) -> FileResponse:
    path = request.app.state.audits.report_path(user, job_id)
    return FileResponse(path, media_type="text/html; charset=utf-8",
                        headers={"Content-Security-Policy": REPORT_CSP})
