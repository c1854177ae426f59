"""The PII detector meets its targets on the development data (entity level, family overlap)."""

from __future__ import annotations

import pytest

from screening.evaluation import pii
from screening.findings import Finding


def _finding(label: str, start: int, end: int) -> Finding:
    return Finding(category="pii", label=label, start=start, end=end, text="x" * (end - start), score=0.9,
                   severity="high", detector="pii.presidio.v1", explanation="")


def test_scoring_matches_by_overlap_within_a_label_family() -> None:
    examples = [{"id": "a", "spans": [{"label": "STREET_ADDRESS", "start": 0, "end": 20}]},
                {"id": "b", "spans": []}]
    table, misses, false_alarms, negatives, flagged = pii.score(
        examples, [[_finding("UK_POSTCODE", 12, 20)], [_finding("UK_PHONE", 0, 5)]])
    by_label = {s.label: s for s in table}
    assert by_label["STREET_ADDRESS"].recall == 1.0
    assert by_label["UK_POSTCODE"].precision == 1.0
    assert by_label["UK_PHONE"].precision == 0.0
    assert (negatives, flagged, misses) == (1, 1, [])
    assert false_alarms[0]["label"] == "UK_PHONE"


def test_scoring_does_not_match_across_families() -> None:
    examples = [{"id": "a", "spans": [{"label": "UK_NINO", "start": 0, "end": 9}]}]
    table, misses, *_ = pii.score(examples, [[_finding("UK_PASSPORT", 0, 9)]])
    assert {s.label: s.found for s in table}["UK_NINO"] == 0
    assert misses[0]["label"] == "UK_NINO"


@pytest.mark.model
@pytest.mark.slow
def test_pii_detector_meets_recall_and_precision_targets_on_dev() -> None:
    report = pii.evaluate("dev", repeats=1)
    assert report.recall >= 0.95, report.table()
    assert report.precision >= 0.85, report.table()
