"""Internal host names and private IP addresses.

Reported: names under internal-only suffixes (``.internal``, ``.local``, ``.corp``, ``.lan``,
``.intranet``, ``.localdomain``, ``.home.arpa``), intranet-style hosts of the organisation's own
domains (``intranet.``/``vpn.``/``jira.`` ... under a domain on the policy's allow list),
Windows share paths (``\\\\server\\share``) and RFC 1918 addresses (10/8, 172.16/12, 192.168/16).
Public addresses and the organisation's public web site are not confidential and are left alone.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from screening.detectors.confidential_parts.common import Hit, near_on_line

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_INTERNAL_SUFFIX = re.compile(
    rf"(?<![\w.-])(?:{_LABEL}\.)+(?:internal|local|corp|lan|intranet|intra|localdomain|home\.arpa)(?![\w-])",
    re.IGNORECASE,
)
_UNC = re.compile(r"\\\\(?P<host>[A-Za-z0-9][A-Za-z0-9.-]{1,62})\\[^\s]*")
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)")
_SUFFIX_ANCHORS = (".internal", ".local", ".corp", ".lan", ".intra", ".home.arpa")
_DIGIT_DOT = re.compile(r"\d\.\d")
# A private address in teaching or home-network advice ("private ranges such as 10.0.0.0/8", "type 192.168.1.1
# into your browser to reach your home router") is general knowledge, not a map of the organisation's network.
_IP_ADVICE = re.compile(
    r"\b(?:ranges?|rfc\s?1918|subnet(?:ting)?|cidr|private\s+(?:ip\s+)?address(?:es|ing)?|home\s+(?:router|network|wi-?fi|broadband)|"
    r"your\s+(?:own\s+)?(?:router|hub|home)|default\s+gateway|for\s+example|e\.g\.|such\s+as|examples?|reserved\s+for|"
    r"plages?|routeur|rango|enrutador|router\s+de\s+casa|adressbereich|heimnetz|privaten?\s+(?:ip-)?adressen|ystod|llwybrydd)\b",
    re.IGNORECASE,
)
_CIDR = re.compile(r"/\d{1,2}\b")
_PRIVATE_NETS = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
# First labels that mark an intranet or back-office host when they sit under the organisation's domain.
_INTRANET_LABELS = ("intranet", "intra", "vpn", "jira", "confluence", "gitlab", "git", "wiki", "sharepoint",
                    "staging", "dev", "uat", "test", "ldap", "payroll", "hr", "admin", "sso", "mdm")


def _explain(what: str) -> str:
    return (f"The draft names {what}. Internal network details help attackers map the organisation's "
            "systems: remove it.")


class HostMatcher:
    """Finds internal hosts and private IPs; ``own_domains`` are the organisation's public domains."""

    def __init__(self, own_domains: Iterable[str] = ()) -> None:
        domains = sorted({d.lower().strip(".") for d in own_domains if d.strip()})
        self._domains = tuple(domains)
        self._intranet: re.Pattern[str] | None = None
        if domains:
            self._intranet = re.compile(
                rf"(?<![\w.-])(?:{'|'.join(_INTRANET_LABELS)})(?:-?\d+)?\.(?:{_LABEL}\.)*"
                rf"(?:{'|'.join(re.escape(d) for d in domains)})(?![\w-])",
                re.IGNORECASE,
            )

    def find(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        lowered = text.lower()
        # Cheap substring gates first: most drafts name no host at all.
        if any(suffix in lowered for suffix in _SUFFIX_ANCHORS):
            for match in _INTERNAL_SUFFIX.finditer(text):
                hits.append(self._hit(match.start(), match.end(), 0.9, "an internal host name"))
        if self._intranet is not None and any(d in lowered for d in self._domains):
            for match in self._intranet.finditer(text):
                hits.append(self._hit(match.start(), match.end(), 0.85, "an intranet or back-office host"))
        if "\\" in text:
            for match in _UNC.finditer(text):
                hits.append(self._hit(match.start("host"), match.end("host"), 0.88,
                                      "an internal file server (a network share path)"))
        for match in _IPV4.finditer(text) if _DIGIT_DOT.search(text) else ():
            try:
                address = ipaddress.ip_address(match.group())
            except ValueError:
                continue
            if any(address in net for net in _PRIVATE_NETS):
                # (the line around it teaches address ranges or gives home-router advice)
                if _CIDR.match(text, match.end()) or near_on_line(_IP_ADVICE, text, match.start(), match.start(), 120, 80):
                    continue
                hits.append(self._hit(match.start(), match.end(), 0.9, "a private (internal) IP address"))
        return hits

    @staticmethod
    def _hit(start: int, end: int, score: float, what: str) -> Hit:
        return Hit(subtype="internal_host", label="internal_host", start=start, end=end, score=score,
                   severity="medium", explanation=_explain(what))
