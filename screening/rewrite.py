"""A suggested safer rewrite of a draft: personal data redacted, profanity masked.

The suggestion is a starting point for the author, not an automatic fix: defamatory, discriminatory
and confidential content needs rewording by a person, so those spans are left as written.
"""

from __future__ import annotations

from screening.findings import Finding


def _mask(word: str) -> str:
    return "".join(ch if i == 0 or not ch.isalnum() else "*" for i, ch in enumerate(word))


def suggest_rewrite(text: str, findings: list[Finding]) -> str:
    """Return ``text`` with PII spans replaced by ``[LABEL]`` and offensive spans masked."""
    edits = sorted(
        (f for f in findings if f.category in ("pii", "offensive")), key=lambda f: (f.start, -f.end)
    )
    out, cursor = [], 0
    for finding in edits:
        if finding.start < cursor:  # overlaps an edit already made
            continue
        out.append(text[cursor : finding.start])
        span = text[finding.start : finding.end]
        if finding.category == "pii":
            out.append(f"[{finding.label.replace('_', ' ').lower()} removed]")
        elif finding.end - finding.start > 40:  # a whole sentence: masking it would be unreadable
            out.append(span)
        else:
            out.append(" ".join(_mask(w) for w in span.split(" ")))
        cursor = finding.end
    out.append(text[cursor:])
    return "".join(out)
