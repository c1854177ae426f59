"""Credentials: detect-secrets' plugins run in-process on the draft, plus credentials written in prose.

detect-secrets is built to scan files; its ``scan_line`` helper switches on "eager" search, which
reports every word as a candidate, so it is not used here. Instead the plugin objects are built
once and asked for their matches on the draft directly (``analyze_string``): the vendor-token
plugins (AWS, Stripe, GitHub, Slack, JWT, private keys, ...) and the quoted ``password = "..."``
keyword plugin as they are, and the two entropy plugins on unquoted word-like tokens with their own
entropy limits plus a minimum length, because prose is full of short "random-looking" words.

Prose credentials ("the wifi password is Spring2026!", "login: admin / Welcome1", "Passwort:
...", "y cyfrinair yw ...") are matched by a keyword (in the five languages staff post in), an
optional qualifier ("for the workshop", "this month"), a connector ("is", ":", "est", "ist",
"lautet", "es", "yw") and a value that looks like a secret: digits with letters, symbols, or a
quoted string; bare PINs only after a PIN/code keyword. Advice ("never share your password", "use a
password manager") has no such value and is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from screening.detectors.confidential_parts.common import Hit, near_on_line
from screening.normalise import compile_folded

# detect-secrets plugins not used: public IPs are not confidential (private ones are handled in
# ``hosts``); the entropy and keyword plugins are handled separately below.
_SKIPPED_PLUGINS = frozenset({
    "Public IP (ipv4)", "Base64 High Entropy String", "Hex High Entropy String", "Secret Keyword",
})
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_\-./+=:]")
_ENTROPY_CANDIDATE = re.compile(r"(?<![\w/.@-])[A-Za-z0-9+/_=-]{20,}(?![\w/@-])")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_PRIVATE_KEY_END = re.compile(r"-----END [A-Z ]*PRIVATE KEY-----|END [A-Z ]*PRIVATE KEY")


@lru_cache(maxsize=1)
def _plugins() -> tuple[list[Any], Any, Any, Any]:
    """Build the detect-secrets plugin objects once per process."""
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
    from detect_secrets.plugins.high_entropy_strings import Base64HighEntropyString, HexHighEntropyString
    from detect_secrets.plugins.keyword import KeywordDetector

    mapping: dict[str, Any] = dict(get_mapping_from_secret_type_to_class())
    vendor = [plugin_class() for kind, plugin_class in sorted(mapping.items()) if kind not in _SKIPPED_PLUGINS]
    return vendor, KeywordDetector(), Base64HighEntropyString(), HexHighEntropyString()


def load() -> None:
    """Import detect-secrets and build its plugins (idempotent)."""
    _plugins()


def _expand_token(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a plugin's match (some plugins yield only a prefix group) to the whole token."""
    while start > 0 and _TOKEN_CHARS.match(text[start - 1]):
        start -= 1
    while end < len(text) and _TOKEN_CHARS.match(text[end]):
        end += 1
    while end > start and text[end - 1] in ".:,":
        end -= 1
    return start, end


def _occurrences(text: str, value: str) -> Iterator[int]:
    begin = text.find(value)
    while begin >= 0:
        yield begin
        begin = text.find(value, begin + 1)


# Cheap gates in front of detect-secrets: every vendor token, key block or URL credential it knows
# has a long unbroken run of token characters, a key header or "user:pass@"; the keyword plugin
# needs a quoted value after a secret-sounding name.
_VENDOR_GATE = re.compile(r"[A-Za-z0-9_\-+/=.]{16,}|BEGIN|://[^\s/]+@")
_KEYWORD_ANCHORS = ("key", "pass", "pwd", "secret", "token", "contrase", "auth", "cred")


def _plugin_hits(text: str) -> list[Hit]:
    vendor, keyword, base64, hexadecimal = _plugins()
    hits: list[Hit] = []
    if _VENDOR_GATE.search(text) is None:
        vendor = []
    lowered = text.lower()
    if not (("'" in text or '"' in text) and any(a in lowered for a in _KEYWORD_ANCHORS)):
        keyword = None
    for plugin in vendor:
        for value in set(plugin.analyze_string(text)):
            if not value:
                continue
            for begin in _occurrences(text, value):
                if plugin.secret_type == "Private Key":
                    # Report the whole key block, from its BEGIN line to its END line.
                    tail = _PRIVATE_KEY_END.search(text, begin)
                    start = text.rfind("-----BEGIN", 0, begin + len("-----BEGIN"))
                    start = begin if start < 0 else start
                    end = tail.end() if tail else begin + len(value)
                else:
                    start, end = _expand_token(text, begin, begin + len(value))
                hits.append(_credential(start, end, 0.97, f"a {plugin.secret_type} (detect-secrets)"))
    for value in set(keyword.analyze_string(text)) if keyword is not None else ():
        for begin in _occurrences(text, value):
            hits.append(_credential(begin, begin + len(value), 0.9,
                                    "a value assigned to a password or secret keyword (detect-secrets)"))
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    for match in _ENTROPY_CANDIDATE.finditer(text):
        value = match.group()
        if any(a <= match.start() < b for a, b in urls):
            continue  # long ids in links are usually public (videos, DOIs); vendor plugins still run
        if not (re.search(r"\d", value) and re.search(r"[A-Za-z]", value)):
            continue
        is_hex = re.fullmatch(r"[0-9a-fA-F]+", value) is not None
        plugin = hexadecimal if is_hex else base64
        if plugin.calculate_shannon_entropy(value) > plugin.entropy_limit:
            hits.append(_credential(match.start(), match.end(), 0.85,
                                    f"a high-entropy {'hex' if is_hex else 'base64'} string that looks like a key or token (detect-secrets)"))
    return hits


# -- prose -------------------------------------------------------------------------------------

# Keywords that name a secret. PIN-like keywords also accept an all-digit value.
_PASSWORD_WORDS = (
    r"pass\s?words?|passwd|pwd|pass\s?phrases?|wi-?fi\s+(?:key|code)|network\s+key|wpa2?\s+key|"
    r"security\s+key|router\s+key|key|"
    r"mot\s+de\s+passe|mdp|passwort|kennwort|wlan-?passwort|contraseña|clave|cyfrinair|"
    r"code\s+du\s+wi-?fi|cod\s+y\s+wi-?fi|wlan-?code|"
    r"secret|api\s+key|token"
)
_PIN_WORDS = (
    r"pin(?:\s+(?:code|number))?|passcode|pass\s+code|door\s+code|unlock\s+code|access\s+code|"
    r"alarm\s+code|lock\s+code|keypad\s+code|entry\s+code|code\s+to\s+(?:unlock|open|get\s+in|the\s+\w+)|"
    r"code\s+d'accès|code\s+pin|zugangscode|türcode|código(?:\s+de\s+acceso)?|cod\s+mynediad|"
    r"cod\s+y\s+drws"
)
_CONNECTOR = (
    r"(?:\s*(?::|=|-|–|—)\s*|\s+(?:is|was|are|is\s+now|now|will\s+be|changed\s+to|set\s+to|"
    r"est|sera|ist|lautet|es|será|yw|ydy|oedd)\s*:?\s*|\?\s*(?:it's|it\s+is)\s+|\s+)"
)
# An optional qualifier between keyword and connector: "for the workshop", "this month", "du wifi".
_QUALIFIER = r"(?:\s+(?!(?:is|was|est|ist|es|yw)\b)[\w'’/-]+){0,6}?"
# The value is either quoted, or looks like a secret (a digit, a symbol or an inner capital), so
# the regex backtracks past ordinary words ("password for the room: X") instead of stopping there.
_VALUE = (
    r"(?:[\"'“‘«](?P<quoted>[^\"'”’»\n]{3,64})[\"'”’»]"
    r"|(?P<value>(?=[^\s,;]*(?:\d|[!#$%&*@^~?+=_]|(?-i:[a-z][A-Z])))[^\s\"'”’»,;]{3,64}))"
)

_PROSE = compile_folded(
    rf"\b(?P<kw>{_PASSWORD_WORDS}|{_PIN_WORDS})(?P<qual>{_QUALIFIER}){_CONNECTOR}{_VALUE}",
    re.IGNORECASE,
)
_PIN_KEYWORD = compile_folded(rf"^(?:{_PIN_WORDS})$", re.IGNORECASE)
# "login: admin / Welcome1", "user root, pass Kx9!", "username events and password ...",
# "Usuario: invitado, contraseña: ...": the secret is the second value.
_USER_PAIR = compile_folded(
    r"\b(?:log-?in|user(?:\s?name)?|usuario|benutzer(?:name)?|identifiant|defnyddiwr)(?:\s+is)?"
    r"(?:\s+(?:for|to|on|of|pour|für|para)\b[^:\n]{1,40}?)?\s*[:=]?\s*\S{2,40}?"
    r"\s*(?:/|,|\band\b|\bwith\b|\bpass(?:word)?\b\s*:?)\s*(?:pass(?:word)?\s*:?\s*)?"
    r"[\"'“]?(?P<value>[^\s\"'”,;]{4,64})",
    re.IGNORECASE,
)
_WIFI = compile_folded(r"\b(?:ssid|wi-?fi|wlan|router|network|réseau|red|rhwydwaith)\b", re.IGNORECASE)
_SYMBOLS = set("!#$%&*@^~?+=_-")
_STOPWORDS = frozenset("""
manager managers reset required changed changing expires expired strength strong weak policy policies
protected protection the a an your our their my his her its this that these those and or not never
for to of on in with by be is are was will please only same different secure safe private
""".split())


def _looks_secret(value: str, pin_keyword: bool, quoted: bool) -> bool:
    core = value.rstrip(".,)]}")
    if not core or core.lower() in _STOPWORDS:
        return False
    if re.fullmatch(r"https?://\S+|www\.\S+", core, re.IGNORECASE):
        return False
    if pin_keyword and re.fullmatch(r"\d{4,8}[#*]?", core):
        return True
    has_digit = any(c.isdigit() for c in core)
    has_alpha = any(c.isalpha() for c in core)
    # A trailing "!" or "?" is sentence punctuation ("Thanks!"), not evidence of a secret.
    has_symbol = any(c in _SYMBOLS for c in core[:-1]) or core[-1:] in {"#", "$", "%", "@", "&", "*"}
    mixed_case = any(c.isupper() for c in core[1:]) and any(c.islower() for c in core)
    if len(core) >= 6 and has_alpha and (has_digit or has_symbol or mixed_case):
        return True
    if quoted and len(core) >= 4:
        return True
    return pin_keyword and has_digit and len(core) >= 4


def _value_span(text: str, match: re.Match[str], group: str = "value") -> tuple[int, int]:
    start, end = match.span(group)
    while end > start and text[end - 1] in ".,)]}:":
        end -= 1
    return start, end


_PROSE_ANCHORS = (
    "pass", "pwd", "key", "pin", "code", "mdp", "wort", "contrase", "clave", "cyfrinair", "secret", "token",
    "log", "user", "usuario", "benutzer", "identifiant", "defnyddiwr", "codigo", "cod ",  # normalised spelling (no accents)
)


def _prose_hits(text: str) -> list[Hit]:
    hits: list[Hit] = []
    lowered = text.lower()
    if not any(a in lowered for a in _PROSE_ANCHORS):
        return hits
    for match in _PROSE.finditer(text):
        keyword = match.group("kw")
        pin = _PIN_KEYWORD.match(keyword) is not None
        group = "quoted" if match.group("quoted") is not None else "value"
        if not _looks_secret(match.group(group), pin, group == "quoted"):
            continue
        if match.group("qual") and not text[match.end("qual"):match.start(group)].strip():
            continue  # "password manager and turn on X": words, then a bare space, is not "password X"
        if keyword.lower() in {"key", "secret", "token"}:
            # Common words: only "key: ...", a quoted value, or a Wi-Fi context ("SSID X, key Y").
            between = text[match.end("kw"):match.start(group)]
            context = text[max(0, match.start() - 60):match.start()]
            if not (group == "quoted" or re.search(r"[:=]", between) or _WIFI.search(context)):
                continue
        start, end = _value_span(text, match, group)
        hits.append(_credential(start, end, 0.92, f"a credential written out after '{_squash(keyword)}'"))
    for match in _USER_PAIR.finditer(text):
        if not _looks_secret(match.group("value"), False, False):
            continue
        start, end = _value_span(text, match)
        hits.append(_credential(start, end, 0.9, "a password given with a user name"))
    return hits


def _squash(keyword: str) -> str:
    return " ".join(keyword.lower().split())


def _credential(start: int, end: int, score: float, what: str) -> Hit:
    return Hit(
        subtype="credential", label="credential", start=start, end=end, score=score, severity="high",
        explanation=f"The draft contains {what}. Anyone who reads the post could use it: "
                    "remove it and have the credential changed.",
    )


# Password advice that quotes bad examples ("never use passwords like 'Summer2024!'") names no real credential.
_ADVICE = re.compile(
    r"\b(?:never|don't|do\s+not|avoid|stop)\s+(?:\w+\s+){0,2}us(?:e|ing)\b|\b(?:weak|common|guessable|obvious|worst|popular|"
    r"predictable|easy-to-guess)\s+passwords?\b|\b(?:passwords?|examples?|ones?)\s+(?:like|such\s+as)\b|\be\.g\.|"
    r"\bfor\s+(?:example|instance)\b|\bpar\s+exemple\b|\b(?:é|e)vitez\b|\bpor\s+ejemplo\b|\bevit(?:a|e|ar)\b|"
    r"\bnunca\s+uses?\b|\bzum\s+beispiel\b|\bz\.\s?b\.|\bvermeiden\b|\bschwache\b|\bniemals\b|\ber\s+enghraifft\b|"
    r"\bosgoi\b|\bgwan\b|\bmots\s+de\s+passe\s+(?:faibles|comme)\b|\bcontrase(?:ñ|n)as\s+(?:d(?:é|e)biles|como)\b",
    re.IGNORECASE,
)


_KEYWORD = compile_folded(
    rf"\b(?:{_PASSWORD_WORDS}|{_PIN_WORDS}|log-?ins?|user(?:\s?name)?|usuario|benutzer(?:name)?|identifiants?|"
    r"defnyddiwr|ssid|wi-?fi|wlan|credentials?|cl(?:é|e)s?|code|codes|zugangsdaten|schl(?:ü|ue)ssel|"
    r"credenciales|c(?:ó|o)digo|allwedd|cod|manylion\s+mewngofnodi)\b",
    re.IGNORECASE,
)


def could_hold_one(text: str) -> bool:
    """Whether the draft names a secret at all (a password, PIN, key, code or login word, in five languages).

    The classifier alone may name the credential sub-type only then: a credential is a string in the draft,
    and where nothing even names one, its "credential" is a guess (an exam, a job advert, or a language
    the encoder reads poorly). Nor where the draft gives password advice ("never use", "avoid", "weak
    passwords", "for example"): the rules have already read any value it quotes.
    """
    return _KEYWORD.search(text) is not None and _ADVICE.search(text) is None


def find(text: str) -> list[Hit]:
    """Every credential in the draft (overlapping hits are merged by the detector)."""
    return _plugin_hits(text) + [h for h in _prose_hits(text) if not near_on_line(_ADVICE, text, h.start, h.end, 100, 60)]
