"""Typed values that flow out of detectors and the pipeline.

Findings and results are frozen dataclasses with named fields: nothing in the public API is a tuple.
Offsets are always character offsets into the *original* text the caller passed in.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

Category = Literal["offensive", "discriminatory", "defamatory", "pii", "confidential"]
CATEGORIES: tuple[Category, ...] = get_args(Category)

Severity = Literal["low", "medium", "high"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)

Decision = Literal["allow", "review", "block"]
DECISIONS: tuple[Decision, ...] = get_args(Decision)

_DECISION_RANK: dict[Decision, int] = {"allow": 0, "review": 1, "block": 2}


def stricter(a: Decision, b: Decision) -> Decision:
    """Return whichever of two decisions is the more restrictive."""
    return a if _DECISION_RANK[a] >= _DECISION_RANK[b] else b


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a draft: an exact span, what it is, and why it matters.

    ``explanation`` is written for a member of staff; ``policy_clause`` is filled in by the
    pipeline from the policy, so detectors may leave it empty.
    """

    category: Category
    label: str
    start: int
    end: int
    text: str
    score: float
    severity: Severity
    detector: str
    explanation: str
    policy_clause: str = ""

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(
                f"Finding category {self.category!r} is not one of {', '.join(CATEGORIES)}."
            )
        if self.severity not in SEVERITIES:
            raise ValueError(
                f"Finding severity {self.severity!r} is not one of {', '.join(SEVERITIES)}."
            )
        if not 0 <= self.start <= self.end:
            raise ValueError(
                f"Finding offsets start={self.start}, end={self.end} are not an ordered span."
            )
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"Finding score {self.score!r} is outside [0, 1].")

    def replace(self, **changes: Any) -> Finding:
        """Return a copy with some fields changed (frozen dataclasses cannot be edited)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Detection:
    """What one detector says about one draft: its findings and its per-category scores.

    ``scores`` may hold a score for a category even when no finding crossed a threshold
    (a classifier's probability, say); categories missing here count as 0.
    """

    findings: list[Finding] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DetectorFailure:
    """A detector that raised on a draft: recorded in the result, and the decision fails closed."""

    detector: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    """The outcome of screening one draft."""

    decision: Decision
    findings: list[Finding]
    scores: dict[str, float]
    language: str
    errors: list[DetectorFailure] = field(default_factory=list)
    text_sha256: str = ""
    policy_version: str = ""

    @property
    def flagged_categories(self) -> list[str]:
        """Categories with at least one finding, in the canonical order."""
        present = {f.category for f in self.findings}
        return [c for c in CATEGORIES if c in present]

    def to_dict(self) -> dict[str, Any]:
        return {
            "decision": self.decision,
            "findings": [f.to_dict() for f in self.findings],
            "scores": dict(self.scores),
            "language": self.language,
            "errors": [e.to_dict() for e in self.errors],
            "text_sha256": self.text_sha256,
            "policy_version": self.policy_version,
        }
