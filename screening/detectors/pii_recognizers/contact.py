"""E-mail addresses, with presidio's recognizer made fully offline."""

from __future__ import annotations

from functools import lru_cache

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from screening.detectors.pii_recognizers._context import ContextRescoring, phrases

# Role-based mailboxes belong to an organisation, not a person.
ROLE_MAILBOXES = frozenset({
    "admin", "admissions", "bookings", "careers", "comms", "contact", "enquiries", "enquiry", "events",
    "finance", "hello", "help", "helpdesk", "hr", "info", "jobs", "marketing", "media", "news",
    "noreply", "no-reply", "office", "press", "reception", "recruitment", "sales", "support", "team",
    "webmaster", "accounts", "studentservices", "servicedesk", "it", "library", "alumni",
})


@lru_cache(maxsize=1)
def _offline_extractor() -> tldextract.TLDExtract:
    # No suffix-list URLs and no cache directory: the snapshot bundled with tldextract is used
    # and nothing is fetched or written.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class OfflineEmailRecognizer(ContextRescoring, EmailRecognizer):
    """E-mail addresses whose domain has a public suffix; role mailboxes score low."""

    SUPPORT = phrases(r"e-?mail", r"contact", r"write to", r"message")
    SUPPORT_BOOST = 0.1
    UNDERMINE = None

    def __init__(self) -> None:
        super().__init__()

    def base_score(self, matched: str, score: float) -> float:
        if not _offline_extractor()(matched.rsplit("@", 1)[-1]).suffix:
            return 0.0
        local = matched.split("@", 1)[0].lower()
        return 0.2 if local in ROLE_MAILBOXES else 0.85
