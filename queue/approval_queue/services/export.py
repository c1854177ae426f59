"""Reviewers' decisions as labelled rows, for retraining and evaluating the detectors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select

from approval_queue.db import Database
from approval_queue.models import Event, Submission, SubmissionVersion

# A reviewer's action says whether the exact text was fit to post.
LABELS = {"approve": "acceptable", "reject": "not_acceptable", "request_changes": "not_acceptable"}
EXPORT_FIELDS = ("submission_id", "version", "account", "text", "label", "action", "reason", "reviewer",
                 "submitted_at", "decided_at", "screening_decision", "flagged_categories", "finding_labels",
                 "findings", "policy_version")


def decision_rows(db: Database, since: datetime | None = None) -> Iterator[dict[str, Any]]:
    """One row per decision on a version (approve, reject, request changes), oldest first."""
    query = (
        select(Event, SubmissionVersion, Submission.account)
        .join(SubmissionVersion, (SubmissionVersion.submission_id == Event.submission_id)
              & (SubmissionVersion.number == Event.version))
        .join(Submission, Submission.id == Event.submission_id)
        .where(Event.action.in_(list(LABELS)))
        .order_by(Event.seq)
    )
    if since is not None:
        query = query.where(Event.created_at >= since)
    with db.read() as session:
        for event, version, account in session.execute(query.execution_options(yield_per=500)):
            yield {
                "submission_id": event.submission_id,
                "version": version.number,
                "account": account,
                "text": version.text,
                "label": LABELS[event.action],
                "action": event.action,
                "reason": event.reason,
                "reviewer": event.actor,
                "submitted_at": version.created_at.isoformat(),
                "decided_at": event.created_at.isoformat(),
                "screening_decision": version.decision,
                "flagged_categories": sorted({f["category"] for f in version.findings}),
                "finding_labels": sorted({f["label"] for f in version.findings}),
                # Which label came from which category, so a retrainer can label each model's rows;
                # offsets and matched spans stay out (the text is already in the row).
                "findings": [{"category": f["category"], "label": f["label"], "score": f.get("score"),
                              "detector": f.get("detector")} for f in version.findings],
                "policy_version": version.policy_version,
            }
