"""Split a draft into segments for highlighting, each knowing which findings cover it.

Findings may overlap (a name inside a defamatory sentence); splitting at every boundary lets a
page mark each piece with all the findings that cover it.
"""

from __future__ import annotations

from dataclasses import dataclass

from screening.findings import Finding


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    end: int
    findings: tuple[int, ...]  # indexes into the findings list

    @property
    def marked(self) -> bool:
        return bool(self.findings)


def segments(text: str, findings: list[Finding]) -> list[Segment]:
    """Cut ``text`` at every finding boundary; each segment lists the findings covering it."""
    bounds = {0, len(text)}
    for f in findings:
        bounds.update((max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))))
    cuts = sorted(bounds)
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start == end:
            continue
        covering = tuple(i for i, f in enumerate(findings) if f.start <= start and end <= f.end)
        out.append(Segment(text=text[start:end], start=start, end=end, findings=covering))
    return out
