"""Incidents (``/incidents``): report a published post or a concern, link it to submissions, and
track the investigation (status, notes, outcome)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from approval_queue.errors import InvalidRequest
from approval_queue.models import IncidentStatus, Role
from approval_queue.services.incidents import parse_submission_ids
from approval_queue.web.common import CsrfChecked, SignedIn, redirect, render

router = APIRouter(include_in_schema=False)
STATUS_NAMES = {"open": "Open", "investigating": "Investigating", "closed": "Closed"}


def _field_for(message: str) -> str:
    for word, field in (("title", "title"), ("description", "description"), ("link", "post_url"),
                        ("submission", "submissions"), ("note", "note"), ("outcome", "outcome")):
        if word in message.lower():
            return field
    return "description"


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(request: Request, user: SignedIn, status: str = "") -> HTMLResponse:
    wanted = IncidentStatus(status) if status in STATUS_NAMES else None
    return render(request, "incidents.html", {"incidents": request.app.state.incidents.list_incidents(user, wanted),
                                              "status": status, "incident_status_names": STATUS_NAMES})


@router.get("/incidents/new", response_class=HTMLResponse)
def new_incident(request: Request, user: SignedIn, submission: str = "") -> HTMLResponse:
    accounts = request.app.state.accounts.list_accounts()
    return render(request, "incident_new.html", {"form": {"submissions": submission}, "accounts": accounts})


@router.post("/incidents", response_model=None)
def report_incident(
    request: Request, user: SignedIn, _csrf: CsrfChecked,
    title: Annotated[str, Form()] = "", description: Annotated[str, Form()] = "",
    post_url: Annotated[str, Form()] = "", account: Annotated[str, Form()] = "",
    submissions: Annotated[str, Form()] = "",
) -> Response:
    # Both required fields are checked here so the summary lists every problem at once; the
    # domain checks them again (and everything else) for any other caller.
    errors = [(field, message) for field, value, message in (
        ("title", title, "Give the incident a short title."),
        ("description", description, "Say what happened, in a sentence or two.")) if not value.strip()]
    if not errors:
        try:
            incident = request.app.state.incidents.report(user, title, description, post_url, account,
                                                          parse_submission_ids(submissions))
        except InvalidRequest as exc:
            errors = [(_field_for(str(exc)), str(exc))]
        else:
            return redirect(request, f"/incidents/{incident.id}")
    form = {"title": title, "description": description, "post_url": post_url, "account": account,
            "submissions": submissions}
    return render(request, "incident_new.html", {"form": form, "accounts": request.app.state.accounts.list_accounts(),
                                                 "errors": errors}, status_code=422)


def _incident_page(request: Request, user: SignedIn, incident_id: int, errors: list[tuple[str, str]] | None = None,
                   form: dict[str, str] | None = None, status_code: int = 200) -> HTMLResponse:
    incident = request.app.state.incidents.get(user, incident_id)
    return render(request, "incident.html", {
        "incident": incident, "incident_status_names": STATUS_NAMES, "errors": errors or [], "form": form or {},
        "investigator": user.role in (Role.REVIEWER, Role.ADMIN)}, status_code=status_code)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, user: SignedIn, incident_id: int) -> HTMLResponse:
    return _incident_page(request, user, incident_id)


@router.post("/incidents/{incident_id}/notes", response_model=None)
def add_note(
    request: Request, user: SignedIn, _csrf: CsrfChecked, incident_id: int,
    note: Annotated[str, Form()] = "", status: Annotated[str, Form()] = "", outcome: Annotated[str, Form()] = "",
) -> Response:
    try:
        request.app.state.incidents.add_note(user, incident_id, note,
                                             IncidentStatus(status) if status in STATUS_NAMES else None, outcome)
    except InvalidRequest as exc:
        return _incident_page(request, user, incident_id, [(_field_for(str(exc)), str(exc))],
                              {"note": note, "status": status, "outcome": outcome}, 422)
    return redirect(request, f"/incidents/{incident_id}")


@router.post("/incidents/{incident_id}/links", response_model=None)
def link_submissions(request: Request, user: SignedIn, _csrf: CsrfChecked, incident_id: int,
                     submissions: Annotated[str, Form()] = "") -> Response:
    try:
        request.app.state.incidents.link(user, incident_id, parse_submission_ids(submissions))
    except InvalidRequest as exc:
        return _incident_page(request, user, incident_id, [("submissions", str(exc))], {"submissions": submissions},
                              422)
    return redirect(request, f"/incidents/{incident_id}")
