"""report.html: one self-contained page an auditor can open offline.

Inline CSS and inline SVG charts only: no script, no CDN, no external font or image, so the file
can be mailed or archived and still renders the same. Sections: totals, decisions and categories,
flagged posts by month, a per-account breakdown, the top flagged posts with their spans
highlighted, the most frequent labels, and the rows that could not be screened.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from screening.audit.records import ERROR_DECISION
from screening.audit.sources import month_of
from screening.findings import CATEGORIES

DECISION_ORDER = ("allow", "review", "block", ERROR_DECISION)
_COLOURS = {"allow": "#2e7d32", "review": "#ef8f00", "block": "#c62828", ERROR_DECISION: "#6d6d6d"}
_CATEGORY_COLOURS = {
    "offensive": "#c62828", "discriminatory": "#6a1b9a", "defamatory": "#1565c0",
    "pii": "#00838f", "confidential": "#ef6c00",
}
NO_ACCOUNT = "(no account)"


@dataclass
class AccountSummary:
    posts: int = 0
    flagged: int = 0
    blocked: int = 0
    errors: int = 0
    categories: Counter[str] = field(default_factory=Counter)


@dataclass
class Summary:
    """Counts the report shows, computed in one pass over the records."""

    posts: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    labels: Counter[tuple[str, str]] = field(default_factory=Counter)
    months: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    first_month: str | None = None
    last_month: str | None = None
    accounts: dict[str, AccountSummary] = field(default_factory=lambda: defaultdict(AccountSummary))
    top: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def flagged(self) -> int:
        return self.decisions["review"] + self.decisions["block"]


def summarise(records: Iterable[dict[str, Any]], top_n: int = 50, errors_n: int = 200) -> Summary:
    """Aggregate the audit's records for the report in one streaming pass.

    Only the counts, the ``top_n`` highest-ranked flagged posts (a bounded heap) and the first
    ``errors_n`` errors are kept, so memory does not grow with the number of posts.
    """
    summary = Summary()
    flagged: list[tuple[float, int, dict[str, Any]]] = []  # min-heap of the best top_n
    for record in records:
        decision = record["decision"]
        summary.posts += 1
        summary.decisions[decision] += 1
        account = summary.accounts[record.get("account") or NO_ACCOUNT]
        account.posts += 1
        month = month_of(record.get("date"))
        if month:
            summary.first_month = min(month, summary.first_month or month)
            summary.last_month = max(month, summary.last_month or month)
        if decision == ERROR_DECISION:
            account.errors += 1
            if len(summary.errors) < errors_n:
                summary.errors.append(record)
            continue
        if decision == "allow":
            continue
        account.flagged += 1
        account.blocked += decision == "block"
        if month:
            summary.months[month][decision] += 1
        findings = json.loads(record.get("findings_json") or "[]")
        for category in filter(None, (record.get("categories") or "").split(";")):
            summary.categories[category] += 1
            account.categories[category] += 1
        for finding in findings:
            summary.labels[(finding["category"], finding["label"])] += 1
        best = max((f["score"] for f in findings), default=0.0)
        # Blocked posts first, then by their strongest finding; earlier rows win ties.
        item = (2.0 * (decision == "block") + best, -int(record["row"]), record)
        if len(flagged) < top_n:
            heapq.heappush(flagged, item)
        elif item[:2] > flagged[0][:2]:
            heapq.heapreplace(flagged, item)
    flagged.sort(key=lambda item: (item[0], item[1]), reverse=True)
    summary.top = [record for _, _, record in flagged]
    return summary


# -- SVG charts ---------------------------------------------------------------------------------


def _hbar(items: list[tuple[str, int, str]], title: str, width: int = 460) -> str:
    """Horizontal bar chart: one labelled bar per item."""
    if not items:
        return f'<p class="muted">No {escape(title.lower())}.</p>'
    peak = max(v for _, v, _ in items) or 1
    row_h, label_w = 26, 120
    height = row_h * len(items) + 8
    parts = [f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value, colour) in enumerate(items):
        y = 4 + i * row_h
        bar = int((width - label_w - 70) * value / peak)
        parts.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" class="lbl">{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{max(bar, 1)}" height="{row_h - 8}" '
                     f'fill="{colour}"><title>{escape(label)}: {value:,}</title></rect>')
        parts.append(f'<text x="{label_w + bar + 6}" y="{y + 17}" class="val">{value:,}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _months_chart(summary: Summary, width: int = 900) -> str:
    """Stacked columns of flagged posts (review, block) per month, every month of the input shown."""
    months = summary.months
    if not months or summary.first_month is None or summary.last_month is None:
        return '<p class="muted">No flagged post has a date.</p>'
    series = _month_range(summary.first_month, summary.last_month)
    peak = max(sum(months.get(m, Counter()).values()) for m in series) or 1
    height, base, left = 220, 180, 40
    step = (width - left - 10) / len(series)
    col = max(2.0, step * 0.7)
    parts = [f'<svg role="img" aria-label="Flagged posts by month" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{left}" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#999"/>',
             f'<text x="{left - 6}" y="{base - 150 + 4}" text-anchor="end" class="val">{peak}</text>',
             f'<text x="{left - 6}" y="{base + 4}" text-anchor="end" class="val">0</text>']
    label_every = max(1, len(series) // 12)
    for i, month in enumerate(series):
        x = left + i * step + (step - col) / 2
        y = float(base)
        counts = months.get(month, Counter())
        for decision in ("review", "block"):
            value = counts.get(decision, 0)
            if not value:
                continue
            h = 150 * value / peak
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{col:.1f}" height="{h:.1f}" '
                         f'fill="{_COLOURS[decision]}"><title>{month} {decision}: {value}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + col / 2:.1f}" y="{base + 16}" text-anchor="middle" '
                         f'class="val">{month}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out: list[str] = []
    while (year, month) <= end and len(out) < 600:
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


# -- HTML ---------------------------------------------------------------------------------------


def highlight(text: str, findings: list[dict[str, Any]]) -> str:
    """The post's text, HTML-escaped, with each finding's span in a ``<mark>`` naming its label."""
    out, cursor = [], 0
    for finding in sorted(findings, key=lambda f: (f["start"], -f["end"])):
        start, end = int(finding["start"]), int(finding["end"])
        if start < cursor or end > len(text):
            continue  # overlaps a span already marked
        out.append(escape(text[cursor:start]))
        out.append(f'<mark class="{escape(finding["category"])}" title="{escape(finding["category"])}/'
                   f'{escape(finding["label"])} {float(finding["score"]):.2f}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:0;background:#f6f6f4}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.muted{color:#666}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:110px}
.card b{display:block;font-size:22px}.grid{display:flex;gap:24px;flex-wrap:wrap}
table{border-collapse:collapse;background:#fff;width:100%}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}
.post{background:#fff;border:1px solid #ddd;border-left:5px solid #ef8f00;border-radius:4px;padding:8px 12px;margin:8px 0}
.post.block{border-left-color:#c62828}.meta{font-size:12px;color:#555}.text{white-space:pre-wrap;margin:4px 0}
mark{padding:0 2px;border-radius:2px;background:#ffe082}mark.offensive{background:#ffcdd2}mark.discriminatory{background:#e1bee7}
mark.defamatory{background:#bbdefb}mark.pii{background:#b2ebf2}mark.confidential{background:#ffe0b2}
svg .lbl{font-size:12px;fill:#333}svg .val{font-size:11px;fill:#555}
"""


def render(summary: Summary, meta: dict[str, Any]) -> str:
    """The whole report as one HTML string."""
    generated = meta.get("generated") or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    d = summary.decisions
    cards = [("Posts", summary.posts), ("Allowed", d["allow"]), ("Review", d["review"]),
             ("Block", d["block"]), ("Errors", d[ERROR_DECISION])]
    html = [
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">",
        f"<title>Audit report: {escape(str(meta.get('input', '')))}</title><style>{_CSS}</style></head><body><main>",
        "<h1>Audit of historical posts</h1>",
        f"<p class=\"muted\">Input <code>{escape(str(meta.get('input', '')))}</code> "
        f"({escape(str(meta.get('format', '')))}), policy {escape(str(meta.get('policy_version', '')))}, "
        f"generated {escape(generated)}.</p>",
        "<div class=\"cards\">" + "".join(f"<div class=\"card\">{k}<b>{v:,}</b></div>" for k, v in cards) + "</div>",
        "<h2>Decisions and categories</h2><div class=\"grid\">",
        "<div><h3>Posts by decision</h3>"
        + _hbar([(k, d[k], _COLOURS[k]) for k in DECISION_ORDER if d[k]], "Posts by decision") + "</div>",
        "<div><h3>Flagged posts by category</h3>"
        + _hbar([(c, summary.categories[c], _CATEGORY_COLOURS[c]) for c in CATEGORIES if summary.categories[c]],
                "Flagged posts by category") + "</div></div>",
        "<h2>Flagged posts by month</h2>",
        _months_chart(summary),
        "<p class=\"muted\">Orange: review; red: block.</p>",
        "<h2>By account</h2>",
        _accounts_table(summary),
        "<h2>Most frequent findings</h2>",
        _labels_table(summary),
        f"<h2>Top flagged posts ({len(summary.top)} of {summary.flagged:,})</h2>",
        "".join(_post_html(r) for r in summary.top) or "<p class=\"muted\">Nothing was flagged.</p>",
        _errors_html(summary, d[ERROR_DECISION]),
        "</main></body></html>",
    ]
    return "\n".join(html)


def _accounts_table(summary: Summary) -> str:
    rows = []
    for name, acc in sorted(summary.accounts.items(), key=lambda kv: (-kv[1].flagged, kv[0])):
        cats = ", ".join(f"{c} {n}" for c, n in acc.categories.most_common()) or "-"
        share = acc.flagged / acc.posts if acc.posts else 0.0
        bar = (f'<svg width="80" height="10" xmlns="http://www.w3.org/2000/svg"><rect width="80" height="10" '
               f'fill="#eee"/><rect width="{80 * share:.1f}" height="10" fill="#ef8f00"/></svg>')
        rows.append(f"<tr><td>{escape(name)}</td><td class=n>{acc.posts:,}</td><td class=n>{acc.flagged:,}</td>"
                    f"<td>{bar} {share:.1%}</td><td class=n>{acc.blocked:,}</td><td class=n>{acc.errors:,}</td>"
                    f"<td>{escape(cats)}</td></tr>")
    return ("<table><tr><th>Account</th><th>Posts</th><th>Flagged</th><th>Share flagged</th><th>Blocked</th>"
            "<th>Errors</th><th>Categories</th></tr>" + "".join(rows) + "</table>")


def _labels_table(summary: Summary) -> str:
    if not summary.labels:
        return "<p class=\"muted\">No findings.</p>"
    rows = "".join(f"<tr><td>{escape(c)}</td><td>{escape(label)}</td><td class=n>{n:,}</td></tr>"
                   for (c, label), n in summary.labels.most_common(20))
    return f"<table><tr><th>Category</th><th>Label</th><th>Findings</th></tr>{rows}</table>"


def _post_html(record: dict[str, Any]) -> str:
    findings = json.loads(record.get("findings_json") or "[]")
    text = record.get("text") or ""
    labels = ", ".join(sorted({f"{f['category']}/{f['label']}" for f in findings}))
    meta = " &middot; ".join(escape(str(x)) for x in (
        f"id {record.get('id')}", record.get("account") or "", (record.get("date") or "")[:10],
        record["decision"].upper(), labels) if x)
    detail = "".join(
        f"<li><b>{escape(f['category'])}/{escape(f['label'])}</b> ({escape(f['severity'])}, "
        f"{float(f['score']):.2f}, {escape(f['detector'])}): {escape(f['explanation'])}</li>" for f in findings
    )
    return (f"<div class=\"post {escape(record['decision'])}\"><div class=\"meta\">{meta}</div>"
            f"<div class=\"text\">{highlight(text, findings)}</div><ul class=\"meta\">{detail}</ul></div>")


def _errors_html(summary: Summary, total: int) -> str:
    if not total:
        return ""
    rows = "".join(
        f"<tr><td>{escape(str(r.get('id')))}</td><td class=n>{r.get('line') or ''}</td>"
        f"<td>{escape(str(r.get('error')))}</td></tr>" for r in summary.errors
    )
    shown = f" (first {len(summary.errors)})" if len(summary.errors) < total else ""
    return (f"<h2>Rows not screened: {total:,}{shown}</h2><table><tr><th>Id</th><th>Line</th><th>Reason</th></tr>"
            f"{rows}</table>")


def write_report(summary: Summary, outdir: Path, meta: dict[str, Any]) -> Path:
    """Write ``OUTDIR/report.html`` and return its path."""
    target = outdir / "report.html"
    target.write_text(render(summary, meta), encoding="utf-8")
    return target
