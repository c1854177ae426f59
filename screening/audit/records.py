"""One result row per post, and the function every engine runs over a chunk of posts.

A record is a plain ``dict`` of JSON-serialisable values (it goes into the checkpoint as one JSON
line and out to results.csv / Parquet); ``RESULT_COLUMNS`` fixes the output's column order. The
post's text is kept only on flagged and error-free rows (key ``text``), for the HTML report's
highlighted spans, and never written to results.csv.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from screening.errors import InputError
from screening.findings import CATEGORIES, ScreeningResult

if TYPE_CHECKING:
    from screening.audit.sources import Post
    from screening.pipeline import Screener

logger = logging.getLogger(__name__)

SCORE_COLUMNS = tuple(f"score_{c}" for c in CATEGORIES)
# The first form's columns come first, in the order issue 8 gives them; the rest are extras.
RESULT_COLUMNS = (
    "id", "decision", "categories", *SCORE_COLUMNS, "findings_json",
    "error", "row", "line", "date", "account", "language", "detector_errors",
)
ERROR_DECISION = "error"


def _base(post: Post) -> dict[str, Any]:
    return {"row": post.row, "line": post.line, "id": post.id, "date": post.date, "account": post.account}


def error_record(post: Post, message: str) -> dict[str, Any]:
    """The record of a post that could not be screened (decision ``error``)."""
    record = _base(post)
    record.update({
        "decision": ERROR_DECISION, "categories": "", **dict.fromkeys(SCORE_COLUMNS),
        "findings_json": "[]", "error": message, "language": None, "detector_errors": "",
    })
    return record


def result_record(post: Post, result: ScreeningResult) -> dict[str, Any]:
    """The record of a screened post."""
    record = _base(post)
    record.update({
        "decision": result.decision,
        "categories": ";".join(result.flagged_categories),
        **{f"score_{c}": float(result.scores.get(c, 0.0)) for c in CATEGORIES},
        "findings_json": json.dumps([f.to_dict() for f in result.findings], ensure_ascii=False),
        "error": "",
        "language": result.language,
        "detector_errors": ";".join(f"{e.detector}: {e.error}" for e in result.errors),
    })
    if result.decision != "allow":
        record["text"] = post.text
    return record


def screen_posts(screener: Screener, posts: Sequence[Post]) -> list[dict[str, Any]]:
    """Screen a chunk of posts; every post gets exactly one record, in input order.

    Rows that cannot be screened (unreadable, empty, over the length limit) get an error record
    and the rest of the chunk is still screened. Should the batch call itself fail for a reason
    no detector caught, each post is screened alone so one bad post cannot lose its neighbours.
    """
    records: dict[int, dict[str, Any]] = {}
    good: list[tuple[Post, str]] = []
    for post in posts:
        if post.error is not None or post.text is None:
            records[post.row] = error_record(post, post.error or "The row has no text.")
            continue
        try:
            good.append((post, screener.check_text(post.text)))
        except InputError as exc:
            records[post.row] = error_record(post, str(exc))
    if good:
        try:
            results = screener.screen_many([text for _, text in good])
        except Exception:  # noqa: BLE001  (fall back to one post at a time; errors recorded per row)
            logger.exception("batch of %d posts failed; screening them one by one", len(good))
            for post, text in good:
                try:
                    records[post.row] = result_record(post, screener.screen(text))
                except Exception as exc:  # noqa: BLE001  (one post's failure is that row's error)
                    records[post.row] = error_record(post, f"Screening failed: {type(exc).__name__}: {exc}")
        else:
            for (post, _), result in zip(good, results, strict=True):
                records[post.row] = result_record(post, result)
    return [records[post.row] for post in posts]
