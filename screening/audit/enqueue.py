"""``--enqueue``: send an audit's flagged posts to the approval queue for review.

Each post the audit flagged (decision ``review`` or ``block``) is submitted with
``POST {queue_url}/api/v1/submissions`` (bearer token from ``SCREENING_QUEUE_TOKEN``), with the
post's text and account and an idempotency key made of the input's fingerprint and the row, so a
rerun or a resumed audit never queues a post twice: the queue answers the first submission again.
The queue screens the text itself; the audit adds nothing but the post.

What was sent is recorded in ``OUTDIR/enqueued.csv`` (row, id, submission id, HTTP status).
"""

from __future__ import annotations

import csv
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screening.errors import ConfigError

logger = logging.getLogger(__name__)

TOKEN_ENV = "SCREENING_QUEUE_TOKEN"


@dataclass(frozen=True, slots=True)
class EnqueueSummary:
    """How many flagged posts went to the queue, and how many it already had."""

    submitted: int
    already_queued: int
    log: Path


def enqueue_flagged(records: Iterable[dict[str, Any]], queue_url: str, key_prefix: str, outdir: Path,
                    token: str | None = None, timeout: float = 30.0) -> EnqueueSummary:
    """Submit every flagged record that still has its text; return what happened."""
    import httpx

    token = token or os.environ.get(TOKEN_ENV)
    if not token:
        raise ConfigError(
            f"--enqueue needs the approval queue's API token in {TOKEN_ENV}; create one for an author account "
            "(`screening users add ...`) and export it."
        )
    flagged = [r for r in records if r.get("decision") in {"review", "block"} and r.get("text")]
    url = queue_url.rstrip("/") + "/api/v1/submissions"
    submitted = already = 0
    log_path = outdir / "enqueued.csv"
    with httpx.Client(timeout=timeout, headers={"Authorization": f"Bearer {token}"}) as client, \
            log_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["row", "id", "submission_id", "status"])
        for record in flagged:
            body: dict[str, Any] = {"text": record["text"], "idempotency_key": f"{key_prefix}:{record['row']}"}
            if record.get("account"):
                body["account"] = record["account"]
            try:
                response = client.post(url, json=body)
            except httpx.TransportError as exc:
                raise ConfigError(
                    f"Cannot reach the approval queue at {queue_url!r} ({exc}); check --queue-url and that the "
                    "service is running. The audit's results are saved; rerun with --resume --enqueue."
                ) from None
            if response.status_code in (401, 403):
                raise ConfigError(
                    f"The approval queue refused the token in {TOKEN_ENV} (HTTP {response.status_code}); "
                    "check it belongs to an active user."
                )
            if response.status_code not in (200, 201):
                raise ConfigError(
                    f"The approval queue answered HTTP {response.status_code} for row {record['row']}: "
                    f"{response.text[:300]}"
                )
            submitted += response.status_code == 201
            already += response.status_code == 200
            writer.writerow([record["row"], record["id"], response.json().get("id", ""), response.status_code])
    logger.info("enqueued %d flagged posts (%d already queued)", submitted, already)
    return EnqueueSummary(submitted=submitted, already_queued=already, log=log_path)
