"""What the confidential detector's test files share: one loaded detector and its reported labels."""

from __future__ import annotations

import pytest

from screening.detectors.base import Draft
from screening.detectors.confidential import ConfidentialDetector
from screening.normalise import normalise
from screening.policy import load_policy

# The shipped policy's confidential threshold: findings under it are not reported.
CONFIDENTIAL_THRESHOLD = 0.5


@pytest.fixture(scope="module")
def confidential_detector() -> ConfidentialDetector:
    built = ConfidentialDetector(load_policy())
    built.load()
    return built


def reported_labels(detector: ConfidentialDetector, text: str, language: str) -> set[str]:
    """The labels of the findings the detector reports on ``text`` (normalised first, as the pipeline does)."""
    (detection,) = detector.detect([Draft(text=normalise(text).text, language=language)])
    return {f.label for f in detection.findings if f.score >= CONFIDENTIAL_THRESHOLD}
