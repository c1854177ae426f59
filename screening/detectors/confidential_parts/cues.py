"""Confidentiality markers (hard evidence) and softer cues, in English, Welsh, French, German, Spanish.

*Markers* are phrases that on their own say the text is not for publication: "internal use only",
"not for external distribution", "under NDA", "embargoed until", "strictly confidential",
"usage interne", "nur für den internen Gebrauch", "solo para uso interno", "at ddefnydd mewnol".
They are reported with the marker phrase as the span. A bare adjective ("confidential",
"confidencial", "vertraulich", "cyfrinachol") counts only as a label ("Confidential: ...",
"documento confidencial"), never in a sentence about a confidential *service* ("our confidential
reporting line", "in confidence"), which is a hard negative the policy must not catch.

*Cues* are weaker: "not yet published" next to a figure, "still vulnerable to", an exam paired with
its answers, "Project <Name>" next to a launch date, "don't tell anyone yet". Each names the
sub-types it may point to; the detector weighs it with the classifier's probability (and lets the
classifier pick among those sub-types), and reports the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from screening.detectors.confidential_parts.common import DESCRIPTIONS, Hit, SubType, sentence_at
from screening.normalise import compile_folded

_F = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Cue:
    """A soft cue: the sentence it sits in and the sub-types it may point to."""

    start: int
    end: int
    subtypes: tuple[SubType, ...]
    weight: float
    reason: str


def _rx(*parts: str) -> re.Pattern[str]:
    return compile_folded("|".join(f"(?:{p})" for p in parts), _F)


# -- hard markers ------------------------------------------------------------------------------

_INTERNAL = _rx(
    r"\b(?:for\s+)?internal(?:\s+use)?\s+only\b", r"\binternal[\s-]+use\s+only\b",
    r"\bnot\s+for\s+(?:external|public|outside)\s+(?:distribution|circulation|release|publication|use)\b",
    r"\bnot\s+for\s+(?:publication|circulation)\b",
    r"\b(?:do\s+not|don't|please\s+don't|please\s+do\s+not)\s+(?:forward|share|distribute|circulate)\s+"
    r"(?:this\s+|it\s+)?(?:outside|externally|beyond|with\s+anyone\s+outside)\b",
    r"\bnot\s+to\s+be\s+(?:shared|forwarded|distributed)\s+(?:externally|outside)\b",
    r"\bstrictly\s+(?:confidential|private|internal)\b", r"\bprivate\s+and\s+confidential\b",
    r"\b(?:company|commercially|highly)\s+confidential\b",
    r"\b(?:please\s+)?treat\s+(?:this\s+|it\s+)?as\s+(?:strictly\s+)?confidential\b",
    r"\brestricted\s*[-–—:]\s*internal\b", r"\bmarked\s+(?:as\s+)?(?:internal|confidential)\b",
    r"(?:^|(?<=[\n.:!]\s))(?:confidential|internal)\s*[:–—-]",
    # French
    r"\b(?:à\s+)?usage\s+interne\b", r"\bdocument\s+interne\b", r"\bne\s+pas\s+(?:diffuser|transmettre)\b",
    r"\bstrictement\s+confidentiel(?:le)?s?\b", r"\bdiffusion\s+restreinte\b", r"\bconfidentiel(?:le)?\s*[:–—-]",
    # German
    r"\bnur\s+f(?:ü|ue)r\s+den\s+internen\s+gebrauch\b", r"\bnur\s+intern\b", r"\binterne?r?\s+gebrauch\b",
    r"\bstreng\s+vertraulich\b", r"(?:^|(?<=[\n.:!]\s))vertraulich\s*[,:–—-]",
    r"\bnicht\s+(?:zur\s+)?weiter(?:gabe|leiten)\b", r"\bbitte\s+nicht\s+(?:extern\s+)?(?:teilen|weiterleiten)\b",
    # Spanish
    r"\b(?:solo\s+|sólo\s+)?(?:para\s+)?uso\s+interno\b", r"\b(?:documento|información|informacion)\s+confidencial\b",
    r"\bestrictamente\s+confidencial\b", r"(?:^|(?<=[\n.:!]\s))confidencial\s*[:,–—-]",
    r"\bno\s+(?:compartir|difundir|reenviar)\b",
    # Welsh (with soft mutation: cyfrinachol / gyfrinachol)
    r"\b(?:at\s+)?ddefnydd\s+mewnol(?:\s+yn\s+unig)?\b", r"\bdefnydd\s+mewnol\b",
    r"\b(?:c|g|ch)yfrinachol\b",
    r"\bpeidiwch\s+(?:â|a)\s+rhannu\s+y\s+tu\s+allan\b",
)
_EMBARGO = _rx(
    r"\bembargo(?:ed)?(?:\s+(?:until|till|to|\d|00)|\s*:)",  # "embargo: ..." had to start the draft before r"\bunder\s+(?:strict\s+|a\s+)?(?:press\s+)?embargo\b",
    r"\bpress\s+embargo\b", r"^\s*embargo(?:ed)?\b",
    r"\bnot\s+to\s+be\s+(?:published|released|posted)\s+(?:before|until)\b",
    r"\bsous\s+embargo\b", r"\bsperrfrist\b", r"\bbajo\s+embargo\b", r"\bdan\s+embargo\b",
    r"\bne\s+pas\s+publier\s+avant\b", r"\bnicht\s+vor\s+\S+(?:\s+\S+)?\s+ver(?:ö|oe)ffentlichen\b",
    r"\bno\s+publicar\s+antes\b",
)
_NDA = _rx(
    r"\bunder\s+(?:an?\s+|the\s+|strict\s+)?(?:NDA|non-?disclosure)\b", r"\bsigned\s+(?:the|an?)\s+NDA\b",
    r"\b(?:the|our|an?)\s+NDA\s+(?:means|says|covers|stops)\b", r"\bbound\s+by\s+(?:an?\s+)?NDA\b",
    r"\bsous\s+(?:un\s+)?accord\s+de\s+confidentialit[ée]\b", r"\bbajo\s+(?:un\s+)?acuerdo\s+de\s+confidencialidad\b",
    r"\bgeheimhaltungsvereinbarung\b", r"\bcytundeb\s+peidio\s+(?:â|a)\s+datgelu\b",
)
# A sentence about a confidential *service* or about lifting an embargo is not a marker.
_SERVICE = _rx(
    r"\breporting\s+line\b", r"\bhelpline\b", r"\bin\s+confidence\b", r"\bcounsell?ing\b", r"\bwhistle-?blow",
    r"\bsafeguarding\b", r"\badvice\s+(?:line|service)\b", r"\bprivacy\s+notice\b",
    r"\bligne\s+de\s+signalement\b", r"\bberatung", r"\bl[íi]nea\b", r"\bllinell\b", r"\bcwnsela\b",
)
_LIFTED = _rx(r"\bembargo\s+(?:has\s+been\s+|is\s+|was\s+)?lifted\b", r"\blifted\s+the\s+embargo\b")
_BARE_ADJECTIVE = compile_folded(r"^(?:c|g|ch)yfrinachol$|^(?:confidential|confidencial|vertraulich)\b", _F)


# Substrings (lower case) that every match of a marker family contains: a draft without any of
# them skips that family's long alternation, which is most of this module's cost on clean drafts.
_INTERNAL_ANCHORS = (
    "intern", "confiden", "distribut", "circulat", "publication", "forward", "share", "strictly", "private",
    "restricted", "marked", "treat", "usage", "diffus", "transmettre", "vertraul", "weiter", "teilen",
    "uso", "compartir", "difundir", "reenviar", "defnydd", "yfrinach", "rhannu", "gebrauch",
)
_EMBARGO_ANCHORS = ("embargo", "not to be", "sperrfrist", "ne pas publier", "ffentlichen", "no publicar")
_NDA_ANCHORS = ("nda", "disclosure", "confidentialit", "confidencialidad", "geheimhaltung", "datgelu")
_MARKERS: tuple[tuple[re.Pattern[str], tuple[str, ...], SubType, float], ...] = (
    (_INTERNAL, _INTERNAL_ANCHORS, "internal_marker", 0.85),
    (_EMBARGO, _EMBARGO_ANCHORS, "embargo", 0.85),
    (_NDA, _NDA_ANCHORS, "nda_client", 0.85),
)


def _marker_hits(text: str) -> list[Hit]:
    hits: list[Hit] = []
    lowered = text.lower()
    for pattern, anchors, subtype, score in _MARKERS:
        if not _has(lowered, anchors):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            while end > start and text[end - 1] in " :–—-,\n":
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            sentence = sentence_at(text, start)
            context = text[sentence.start:sentence.end]
            if subtype == "embargo" and _LIFTED.search(context):
                continue
            if _SERVICE.search(context) and (
                subtype != "internal_marker" or _BARE_ADJECTIVE.search(text[start:end])
            ):
                continue
            hits.append(Hit(
                subtype=subtype, label=subtype, start=start, end=end, score=score, severity="medium",
                explanation=(f"'{text[start:end]}' marks {DESCRIPTIONS[subtype]}: material marked this way "
                             "must not be posted publicly."),
            ))
    return hits


# -- soft cues ---------------------------------------------------------------------------------

_FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s?%|£\s?\d|\d+(?:\.\d+)?\s?(?:m|million|bn|k)\b|\b\d{2,}\b", _F)
_NOT_PUBLIC = _rx(
    r"\b(?:not|n't|isn't|aren't|hasn't|haven't)\s+(?:been\s+)?(?:yet\s+)?(?:published|public|released|announced|"
    r"out|validated|signed\s+off|submitted)\b",
    r"\bnot\s+(?:yet\s+)?public\b", r"\bunpublished\b", r"\bunreleased\b", r"\bpre-?publication\b",
    r"\bpreliminary\b", r"\bprovisional\b", r"\bdraft\s+(?:figures|numbers|results|data)\b",
    r"\b(?:early|raw|first)\s+(?:data|results|numbers|figures)\b", r"\bahead\s+of\s+the\s+(?:annual\s+)?report\b",
    r"\bbefore\s+the\s+(?:report|board|results|accounts)\b", r"\bunder\s+review\b", r"\bbetween\s+us\b",
    r"\bunofficial\s+(?:numbers|figures|results)\b", r"\bleaked\b", r"\bsneak\s+(?:preview|peek)\b",
    r"\bpas\s+encore\s+publi", r"\bnoch\s+nicht\s+ver(?:ö|oe)ffentlicht", r"\bvorl(?:ä|ae)ufig",
    r"\ba[úu]n\s+no\s+(?:publicad|public)", r"\bheb\s+(?:ei\s+)?gyhoeddi\b",
    # The same families in French, German, Spanish and Welsh ("unpublished", "provisional",
    # "internal figures", "not yet audited"): MiniLM reads these languages poorly, so the words matter more.
    r"\bnon\s+publi[ée]", r"\bprovisoires?\b", r"\bpr[ée]liminaires?\b", r"\bchiffres\s+internes\b",
    r"\bpas\s+encore\s+(?:valid|officiel|audit)", r"\bunver(?:ö|oe)ffentlicht", r"\binterne\s+zahlen\b",
    r"\bnoch\s+nicht\s+(?:gepr(?:ü|ue)ft|offiziell)", r"\btodav[íi]a\s+no\s+public", r"\bsin\s+publicar\b",
    r"\bno\s+publicad[oa]s?\b", r"\bpreliminar(?:es)?\b", r"\b(?:cifras|datos)\s+internos\b",
    r"\bborrador\s+de\s+(?:cuentas|resultados|datos)\b", r"\ba[úu]n\s+no\s+(?:est[áa]\s+)?auditad",
    r"\bheb\s+(?:ei\s+|eu\s+)?(?:g|c)yhoeddi\b", r"\bdros\s+dro\b", r"\bffigurau\s+mewnol\b",
)
_SECRECY = _rx(
    r"\bdon't\s+tell\s+anyone\b", r"\bkeep\s+(?:it|this)\s+(?:quiet|hush|under\s+wraps)\b", r"\bhush\b",
    r"\bcan't\s+say\s+(?:more|publicly)\b", r"\bdon't\s+want\s+anyone\s+to\s+know\b", r"\bunder\s+wraps\b",
    r"\bconfidential\s+for\s+now\b", r"\bsit\s+on\s+this\b", r"\bhold\s+(?:until|for\s+release)\b",
    r"\b(?:don't|do\s+not|can't)\s+(?:post|publish|go\s+out)\s+(?:this\s+)?(?:until|before)\b",
    r"\buntil\s+(?:after\s+)?(?:the|their)\s+(?:official\s+)?(?:announcement|press\s+release|press\s+conference)\b",
    r"\bahead\s+of\s+the\s+(?:official\s+)?announcement\b", r"\bnot\s+announced\s+yet\b",
    r"\bwe\s+haven't\s+announced\b", r"\binternal\s+teams\s+only\b",
    r"\bmum's\s+the\s+word\b", r"\bbetween\s+(?:you\s+and\s+me|ourselves)\b",
    r"\bkeep\s+(?:it|this|that|them)\s+to\s+yoursel(?:f|ves)\b", r"\boff\s+the\s+record\b",
    r"\bnot\s+a\s+word\s+(?:until|before)\b", r"\bhold\s+off\s+(?:posting|sharing)\b",
    r"\bno\s+posting\s+before\b", r"\bnot\s+public\s+until\b", r"\bkeep\s+(?:it|this|that)\s+off\s+(?:social|linkedin)",
    # French, German, Spanish, Welsh
    r"\bencore\s+secret\b", r"\bentre\s+nous\b", r"\bne\s+(?:veut|veulent)\s+pas\s+(?:être|etre)\s+cit[ée]",
    r"\bne\s+rien\s+publier\b", r"\bavant\s+de\s+publier\b", r"\bconfidentiel(?:le)?\s+pour\s+le\s+moment\b",
    r"\bunter\s+uns\b", r"\bnoch\s+geheim\b", r"\bnicht\s+(?:ö|oe)ffentlich\s+(?:sagen|erw(?:ä|ae)hnen|nennen)\b",
    r"\bnichts\s+(?:verraten|posten|sagen)\b", r"\bnoch\s+nicht\s+teilen\b",
    r"\berst\s+(?:nach|ab|am)\b.{0,40}\b(?:posten|teilen|ver(?:ö|oe)ffentlichen)\b",
    r"\bentre\s+nosotros\b", r"\btodav[íi]a\s+(?:es\s+)?secreto\b", r"\bno\s+podemos\s+(?:decirlo|mencionarlo)\b",
    r"\bno\s+lo\s+publiqu", r"\bhasta\s+el\s+(?:anuncio|comunicado)\b", r"\bantes\s+de\s+compartir\b",
    r"\bpeidiwch\s+(?:â|a)\s+(?:sôn|son|chyhoeddi)\b", r"\b(?:g|c)yfrinach\b", r"\bcyn\s+rhannu\b",
)
_PROJECT = re.compile(
    r"\b(?:Project|Operation)\s+(?!Management|Manager|Managers|Officer|Coordinator|Lead|Leader|Team|Plan|Board|"
    r"Engineer|Engineering|Support|Delivery|Assistant|Director)[A-Z][a-z]+\b"
)
_LAUNCH = _rx(r"\blaunch(?:es|ing)?\s+(?:in|on)\b", r"\bgo-?live\b", r"\broll-?out\b", r"\bpilot\s+group\b",
              r"\bphase\s+two\b", r"\bsprint\s+\d", r"\bgoes\s+on\s+sale\b", r"\bpencilled\s+in\b")
_VULN = _rx(
    r"\bvulnerab(?:le|ility|ilities)\s+to\b", r"\bvulnerable\b(?!\s+(?:adults?|learners?|people|students?|groups?|"
    r"children|young))", r"\bsql\s+injection\b", r"\bxss\b", r"\bcross-site\s+scripting\b",
    r"\bremote\s+code\s+execution\b", r"\bexploits?\b", r"\bunpatched\b", r"\bdefault\s+(?:admin\s+)?password\b",
    r"\bcve-\d{4}-\d+\b", r"\blog4j\b", r"\bdirectory\s+traversal\b", r"\bunauthenticated\b", r"\bknown\s+holes\b",
    r"\bfirewall\b", r"\bantivirus\b", r"\bno\s+encryption\b", r"\bwithout\s+a\s+password\b",
    r"\b(?:multi-factor|two-factor|mfa|2fa)\b.*\bdisabled\b", r"\bany\s+password\b", r"\bopen\s+admin\s+panel\b",
    r"\bbackdoor\b", r"\bexposed\b",
    r"\b(?:haven't|hasn't|have\s+not|has\s+not|never\s+been)\s+(?:been\s+|yet\s+)?(?:patched|fixed)\b",
    r"\bnot\s+(?:yet\s+)?patched\b",
    r"\bsicherheitsl(?:ü|ue)cke\b", r"\bungepatcht\b", r"\bohne\s+passwort\b", r"\bvirenschutz\b",
    r"\bfaille\b", r"\bsans\s+mot\s+de\s+passe\b", r"\bpare-feu\b", r"\bvulnérab",
    r"\bsin\s+(?:contraseña|parche)\b", r"\bcortafuegos\b", r"\bvulnerabilidad",
    r"\btwll\s+diogelwch\b", r"\bheb\s+gyfrinair\b", r"\bwal\s+d[âa]n\b",
)
_UNFIXED = _rx(
    r"\bstill\b", r"\bnot\s+(?:yet\s+)?(?:fixed|patched|updated)\b", r"\bhaven't\b", r"\bhasn't\b",
    r"\bhave\s+not\b", r"\bhas\s+not\b", r"\bno\s+(?:one|fix)\b", r"\bnobody\b", r"\buntil\b",
    r"\bat\s+the\s+moment\b", r"\bright\s+now\b", r"\bfor\s+(?:months|weeks|a\s+month|a\s+year)\b",
    r"\bswitched\s+off\b", r"\bdisabled\b", r"\bexpired\b", r"\banyone\s+(?:can|nearby)\b", r"\bunpatched\b",
    r"\bhope\s+nobody\b", r"\bsince\s+(?:19|20)\d\d\b", r"\bcan't\s+patch\b", r"\bunsupported\b",
    r"\bimmer\s+noch\b", r"\bnoch\s+nicht\b", r"\bseit\s+(?:wochen|monaten|jahren)\b", r"\bgerade\b",
    r"\bniemand\b", r"\bdeaktiviert\b", r"\btoujours\b", r"\bpas\s+encore\b",
    r"\bdepuis\s+des\s+(?:semaines|mois)\b", r"\ben\s+ce\s+moment\b", r"\bpersonne\b", r"\bd[ée]sactiv",
    r"\bn'importe\s+qui\b", r"\bsigue\b", r"\btodav[íi]a\b", r"\ba[úu]n\b", r"\bdesde\s+hace\b",
    r"\bahora\s+mismo\b", r"\bnadie\b", r"\bcualquiera\b", r"\bdesactivad",
    r"\bers\s+(?:misoedd|wythnosau|blynyddoedd)\b", r"\bo\s+hyd\b", r"\bdoes\s+neb\b",
)
_TEACHING = _rx(r"\bcourse\b", r"\bteach(?:es|ing)?\b", r"\blearn\b", r"\bmodule\b", r"\bhow\s+to\s+(?:prevent|defend)\b")
_EXAM = _rx(r"\bexam", r"\btest\b", r"\bpaper\b", r"\bassessment\b", r"\bquiz\b", r"\bmock\b", r"\bexamen\b",
            r"\bpr(?:ü|ue)fung", r"\barholiad\b", r"\bprawf\b")
_ANSWERS = _rx(
    r"\banswers?\b", r"\bquestions?\b", r"\bmark\s+scheme\b", r"\banswer\s+key\b", r"\bsolutions?\b",
    r"\bmodel\s+answer\b", r"\br[ée]ponses?\b", r"\brespuestas?\b", r"\bantworten\b", r"\batebion\b",
    r"\bl(?:ö|oe)sungen\b", r"\b(?:pr(?:ü|ue)fungs)?fragen\b", r"\bpreguntas\b", r"\bsoluciones\b", r"\bcorrig[ée]\b",
    r"\bcwestiynau\b",
    r"\b\d{1,2}\s?[A-D]\b\s*,?\s*\d{1,2}\s?[A-D]\b", r"\b[A-D],\s*[A-D],\s*[A-D]\b",
)
_EXAM_LEAK = _rx(
    r"\bthe\s+answer\s+is\b", r"\bleaked\b", r"\bDM\b", r"\bshare\b", r"\bsame\s+as\s+last\b", r"\balways\s+asks\b",
    r"\breuses?\b", r"\bgot\s+the\b", r"\bhere\s+are\b", r"\bcorrect\s+answers\b", r"\bactual\s+questions\b",
    r"\bmark\s+scheme\b", r"\banswer\s+key\b", r"\breal\s+paper\b", r"\bmodel\s+answer\b",
    r"\b\d{1,2}\s?[A-D]\b\s*,?\s*\d{1,2}\s?[A-D]\b", r"\b[A-D],\s*[A-D],\s*[A-D]\b",
    r"\bquestion\s+\d+\s+(?:is|asks)\b", r"\b(?:is\s+)?(?:true|false),\s+\d+\s+is\b",
    r"\bhier\s+(?:die|sind)\b", r"\bschicke\b", r"\bdieselben\s+wie\b", r"\bvoici\b", r"\bje\s+vous\s+les\s+envoie\b",
    r"\bos\s+(?:las|los)\s+paso\b", r"\btengo\s+las\s+preguntas\b", r"\bdyma'r\b", r"\banfon",
)
_EXAM_OK = _rx(r"\bpractice\b", r"\bsample\b", r"\bavailable\s+to\b", r"\bon\s+our\s+website\b",
               r"\bmultiple-choice\s+paper\b")


_NOT_PUBLIC_ANCHORS = (
    "publi", "releas", "announc", "out", "validat", "signed", "submitted", "preliminary", "provisional",
    "draft", "early", "raw", "first", "ahead", "before the", "review", "between us", "unofficial", "leaked",
    "sneak", "ffentlich", "vorl", "gyhoeddi", "provisoire", "liminaire", "internes", "intern", "pas encore",
    "nicht", "todav", "sin publicar", "publicad", "preliminar", "internos", "borrador", "auditad", "dros dro",
    "mewnol",
)
_SECRECY_ANCHORS = (
    "tell anyone", "quiet", "hush", "wraps", "say more", "say publicly", "anyone to know", "for now", "sit on",
    "hold", "post", "publish", "go out", "until", "ahead of", "announced", "teams only", "word", "between",
    "yoursel", "record", "public", "secret", "entre", "cit", "publier", "confidentiel", "unter uns", "geheim",
    "ffentlich", "nichts", "teilen", "erst", "publiqu", "podemos", "hasta el", "compartir", "peidiwch",
    "yfrinach", "rhannu",
)
_LAUNCH_ANCHORS = ("launch", "live", "roll", "pilot", "phase", "sprint", "on sale", "pencilled")


def _has(lowered: str, anchors: tuple[str, ...]) -> bool:
    return any(a in lowered for a in anchors)


def _cues(text: str) -> list[Cue]:
    cues: list[Cue] = []
    seen: set[tuple[int, int, tuple[str, ...]]] = set()

    def add(start: int, subtypes: tuple[SubType, ...], weight: float, reason: str) -> None:
        sentence = sentence_at(text, start)
        key = (sentence.start, sentence.end, subtypes)
        if key not in seen:
            seen.add(key)
            cues.append(Cue(sentence.start, sentence.end, subtypes, weight, reason))

    lowered = text.lower()
    for match in _NOT_PUBLIC.finditer(text) if _has(lowered, _NOT_PUBLIC_ANCHORS) else ():
        sentence = sentence_at(text, match.start())
        if _FIGURE.search(text, sentence.start, sentence.end):
            add(match.start(), ("unreleased_figures",), 0.45, "figures presented as not yet published")
        else:
            add(match.start(), ("embargo", "codename", "nda_client", "unreleased_figures"), 0.35,
                "information presented as not yet public")
    for match in _SECRECY.finditer(text) if _has(lowered, _SECRECY_ANCHORS) else ():
        add(match.start(), ("nda_client", "codename", "embargo"), 0.4, "a request to keep something quiet")
    for match in _PROJECT.finditer(text) if _has(lowered, ("project", "operation")) else ():
        sentence = sentence_at(text, match.start())
        weight = 0.45 if _LAUNCH.search(text, sentence.start, sentence.end) else 0.3
        add(match.start(), ("codename",), weight, "a project codename")
    for match in _LAUNCH.finditer(text) if _has(lowered, _LAUNCH_ANCHORS) else ():
        add(match.start(), ("codename",), 0.2, "a launch plan")
    # Whole-draft checks first: most drafts have no unfixed-sounding word or no exam word at all.
    for match in _VULN.finditer(text) if _UNFIXED.search(text) else ():
        sentence = sentence_at(text, match.start())
        context = text[sentence.start:sentence.end]
        if _UNFIXED.search(context) and not _TEACHING.search(context):
            add(match.start(), ("security_weakness",), 0.5, "a security weakness described as unfixed")
    for match in _ANSWERS.finditer(text) if _EXAM.search(text) and _EXAM_LEAK.search(text) else ():
        sentence = sentence_at(text, match.start())
        context = text[sentence.start:sentence.end]
        if _EXAM.search(context) and _EXAM_LEAK.search(context) and not _EXAM_OK.search(context):
            add(match.start(), ("exam_content",), 0.5, "exam questions or answers")
    return cues


def find(text: str) -> tuple[list[Hit], list[Cue]]:
    """Hard marker hits and soft cues of one draft."""
    return _marker_hits(text), _cues(text)
