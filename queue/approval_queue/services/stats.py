"""Figures for the dashboard: submissions by status and category, week by week, and time to decision."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from approval_queue.db import Database
from approval_queue.errors import PermissionDenied
from approval_queue.models import Event, Role, Status, Submission, SubmissionVersion, User
from screening.findings import CATEGORIES

DECIDED_ACTIONS = ("approve", "reject", "request_changes")


@dataclass(frozen=True, slots=True)
class WeekRow:
    week: str  # ISO week start, YYYY-MM-DD (Monday)
    submitted: int
    by_category: dict[str, int]
    decided: int
    median_hours: float | None


@dataclass(frozen=True, slots=True)
class Dashboard:
    total: int
    by_status: dict[str, int]
    by_category: dict[str, int]
    weeks: list[WeekRow]
    decisions: int
    median_hours: float | None
    p90_hours: float | None


def _week(moment: datetime) -> str:
    monday = (moment - timedelta(days=moment.weekday())).date()
    return monday.isoformat()


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def dashboard(db: Database, actor: User, weeks: int = 12, now: datetime | None = None) -> Dashboard:
    """Counts by status and flagged category, and the hours from (re)submission to a reviewer's
    decision, over the last ``weeks`` weeks (statuses count every submission)."""
    if actor.role not in (Role.REVIEWER, Role.ADMIN):
        raise PermissionDenied(f"Your role is {actor.role}; the dashboard is for reviewers and admins.")
    now = now or datetime.now().astimezone()
    since = now - timedelta(weeks=weeks)
    with db.read() as session:
        by_status = {status: int(count) for status, count in session.execute(
            select(Submission.status, func.count()).group_by(Submission.status))}
        current = session.execute(
            select(Submission.id, Submission.created_at, SubmissionVersion.findings)
            .join(SubmissionVersion, (SubmissionVersion.submission_id == Submission.id)
                  & (SubmissionVersion.number == Submission.current_version))
            .where(Submission.created_at >= since)).all()
        events = session.execute(
            select(Event.submission_id, Event.action, Event.created_at)
            .where(Event.submission_id.is_not(None), Event.created_at >= since,
                   Event.action.in_(("submit", "resubmit", *DECIDED_ACTIONS)))
            .order_by(Event.seq)).all()
    by_category: Counter[str] = Counter()
    week_submitted: Counter[str] = Counter()
    week_categories: dict[str, Counter[str]] = defaultdict(Counter)
    for _id, created, findings in current:
        categories = {f["category"] for f in findings or []}
        by_category.update(categories)
        week_submitted[_week(created)] += 1
        week_categories[_week(created)].update(categories)
    entered: dict[int, datetime] = {}
    hours_by_week: dict[str, list[float]] = defaultdict(list)
    for submission_id, action, created in events:
        if submission_id is None:
            continue
        if action in ("submit", "resubmit"):
            entered[submission_id] = created
        elif submission_id in entered:
            start = entered.pop(submission_id)
            hours_by_week[_week(created)].append((created - start).total_seconds() / 3600)
    all_weeks = sorted(set(week_submitted) | set(hours_by_week))
    rows = [WeekRow(w, week_submitted[w], {c: week_categories[w][c] for c in CATEGORIES},
                    len(hours_by_week[w]), statistics.median(hours_by_week[w]) if hours_by_week[w] else None)
            for w in all_weeks]
    hours = [h for values in hours_by_week.values() for h in values]
    return Dashboard(
        total=sum(by_status.values()),
        by_status={s.value: int(by_status.get(s.value, 0)) for s in Status},
        by_category={c: by_category[c] for c in CATEGORIES},
        weeks=rows,
        decisions=len(hours),
        median_hours=statistics.median(hours) if hours else None,
        p90_hours=_percentile(hours, 0.9),
    )
