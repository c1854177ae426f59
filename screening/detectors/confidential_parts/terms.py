"""The policy's organisation term lists (codenames, clients under NDA, unannounced products).

Each term becomes one case-insensitive pattern that also matches its common variants: plurals
("Bluebells"), possessives ("Marlow Dynamics's", "Kestrel's", "Oakhurst Rail'"), hyphenation and
spacing ("Iron-bridge", "Project-Kestrel", "ProjectKestrel") and typographic apostrophes and
hyphens. The finding's label names the list (``term_list.<slug>``) so the policy can act on it
per list; a list whose action is ``block`` reports high severity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from screening.detectors.confidential_parts.common import Hit, SubType
from screening.policy.model import TermList

_HYPHENS = "\\-\u2010\u2011\u2012\u2013"
_APOSTROPHES = "'\u2019"
# Between two characters of a word: an optional hyphen (soft or typographic).
_INNER = f"[{_HYPHENS}]?"
# Between two words: spaces, hyphens, underscores, or nothing.
_BETWEEN = rf"[\s{_HYPHENS}_]*"
_SUFFIX = rf"(?:[{_APOSTROPHES}]s|s[{_APOSTROPHES}]|es|s|[{_APOSTROPHES}])?"


def slug(name: str) -> str:
    """A list name as a label part: lower case, words joined by underscores."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def label_for(term_list: TermList) -> str:
    """The label a finding from this list carries (``term_list.clients_under_nda``)."""
    return f"term_list.{slug(term_list.name)}"


def subtype_for(term_list: TermList) -> SubType:
    """Which sub-type a list's terms belong to: clients are NDA matters, the rest internal projects."""
    words = f"{term_list.name} {term_list.description}".lower()
    return "nda_client" if re.search(r"\bclients?\b|\bcustomers?\b|\bnda\b|contract", words) else "codename"


def term_pattern(term: str) -> str:
    """The regex source matching ``term`` and its variants (see the module docstring)."""
    words = re.findall(r"[^\s\-\u2010\u2011\u2012\u2013_]+", term.strip())
    parts = [_INNER.join(re.escape(ch) for ch in word) for word in words]
    return rf"(?<![\w]){_BETWEEN.join(parts)}{_SUFFIX}(?!\w)"


def _anchor(term: str) -> str:
    longest = max(re.findall(r"[^\s\-\u2010\u2011\u2012\u2013_]+", term), key=len)
    return longest[:3].lower()


@dataclass(frozen=True, slots=True)
class _Compiled:
    term_list: TermList
    pattern: re.Pattern[str]
    label: str
    subtype: SubType
    anchors: tuple[str, ...]


class TermMatcher:
    """Matches every term of every list in one pass per list."""

    def __init__(self, term_lists: list[TermList]) -> None:
        self._lists = [
            _Compiled(
                term_list=tl,
                # Longest terms first so "Project Kestrel" wins over a shorter overlapping term.
                pattern=re.compile("|".join(term_pattern(t) for t in sorted(tl.terms, key=len, reverse=True)),
                                   re.IGNORECASE),
                label=label_for(tl),
                subtype=subtype_for(tl),
                anchors=tuple(sorted({_anchor(t) for t in tl.terms})),
            )
            for tl in term_lists
        ]

    def find(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        lowered = text.lower()
        for compiled in self._lists:
            # Every variant keeps the start of a term's longest word intact: a cheap gate before the regex.
            if not any(a in lowered for a in compiled.anchors):
                continue
            tl = compiled.term_list
            for match in compiled.pattern.finditer(text):
                end = match.end()
                # The span is the term itself: trailing possessive marks are matched but not reported.
                while end > match.start() and text[end - 1] in _APOSTROPHES:
                    end -= 1
                if text[match.start():end].lower().endswith(("'s", "\u2019s")):
                    end -= 2
                about = f" ({tl.description.rstrip('.')})" if tl.description else ""
                hits.append(Hit(
                    subtype=compiled.subtype, label=compiled.label, start=match.start(), end=end,
                    score=0.9, severity="high" if tl.action == "block" else "medium",
                    explanation=(
                        f"'{text[match.start():end]}' is on the organisation's term list "
                        f"'{tl.name}'{about}; the policy says to {tl.action} posts that name it."
                    ),
                ))
        return hits
