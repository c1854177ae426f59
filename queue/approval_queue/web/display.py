"""Turning stored screening results into what the templates show: highlighted segments, and
accessible diffs between a submission's versions."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from approval_queue.services.submissions import VersionView
from screening.findings import Finding
from screening.highlight import Segment, segments

# Words with their leading space: a changed run of words then reads as one piece, not word by word.
_TOKENS = re.compile(r"\s*\S+|\s+")


@dataclass(frozen=True, slots=True)
class StoredResult:
    """The shape ``_findings.html`` reads (like ``ScreeningResult``), rebuilt from a stored version."""

    decision: str
    language: str
    findings: list[Finding]
    errors: list[dict[str, Any]]


def stored_result(version: VersionView) -> tuple[StoredResult, list[Segment]]:
    findings = [Finding(**f) for f in version.findings]
    result = StoredResult(version.decision, version.language, findings, list(version.errors))
    return result, segments(version.text, findings)


@dataclass(frozen=True, slots=True)
class DiffPiece:
    kind: str  # "same", "del" or "ins"
    text: str


def word_diff(old: str, new: str) -> list[DiffPiece]:
    """Word-level differences from ``old`` to ``new`` (difflib), for ``<del>`` / ``<ins>`` rendering."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces: list[DiffPiece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(DiffPiece("same", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(DiffPiece("del", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(DiffPiece("ins", "".join(b[j1:j2])))
    return pieces
