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
    r"\brestricted\s*[-–—:]\s*internal\b", r"\brestricted\s+(?:circulation|distribution)\b",
    r"\bnot\s+for\s+sharing\b", r"\bnot\s+to\s+leave\s+the\s+(?:organisation|organization|team|department)\b",
    r"\bkeep\s+(?:this|it)\s+(?:inside|within)\s+the\s+(?:team|department|organisation|organization)\b",
    r"\bnot\s+for\s+(?:outside|external|public)\s+eyes\b", r"\b(?:don't|do\s+not)\s+(?:re)?post\s+(?:this\s+|it\s+)?anywhere\s+public\b",
    r"\b(?:don't|do\s+not)\s+screenshot\b", r"\bstaff[\s-]only\s+(?:info|information|briefing|update|memo|note)\b",
    r"\b(?:do\s+not|don't)\s+share\s+(?:this\s+|it\s+)?with\s+(?:learners|students|the\s+public|partners|the\s+press)\b", r"\bmarked\s+(?:as\s+)?(?:internal|confidential)\b",
    r"(?:^|(?<=[\n.:!]\s))(?:confidential|internal)\s*[:–—-]",
    # French
    r"\b(?:à\s+)?usage\s+interne\b", r"\bdocument\s+interne\b", r"\bne\s+pas\s+(?:diffuser|transmettre)\b",
    r"\bstrictement\s+confidentiel(?:le)?s?\b", r"\bnote\s+interne\b",
    r"\bne\s+pas\s+(?:la|le|les)\s+(?:diffuser|transmettre|partager)\b", r"\bdiffusion\s+restreinte\b", r"\bconfidentiel(?:le)?\s*[:–—-]",
    # German
    r"\bnur\s+f(?:ü|ue)r\s+den\s+internen\s+gebrauch\b", r"\bnur\s+intern\b", r"\binterne?r?\s+gebrauch\b",
    r"\bstreng\s+vertraulich\b", r"(?:^|(?<=[\n.:!]\s))vertraulich\s*[,:–—-]",
    r"\bnicht\s+(?:zur\s+)?weiter(?:gabe|leiten)\b", r"\bnicht\s+nach\s+au(?:ß|ss)en\b",
    r"\binterne\s+(?:mitteilung|notiz)\b", r"\bnur\s+f(?:ü|ue)r\s+(?:kolleg|das\s+team)", r"\bbitte\s+nicht\s+(?:extern\s+)?(?:teilen|weiterleiten)\b",
    # Spanish
    r"\b(?:solo\s+|sólo\s+)?(?:para\s+)?uso\s+interno\b", r"\b(?:documento|información|informacion)\s+confidencial\b",
    r"\bestrictamente\s+confidencial\b", r"(?:^|(?<=[\n.:!]\s))confidencial\s*[:,–—-]",
    r"\bno\s+(?:compartir|difundir|reenviar)\b", r"\bno\s+(?:lo|la|los|las)?\s*compart\w*\s+fuera\b",
    r"\bs(?:ó|o)lo\s+para\s+el\s+personal\b",
    # Welsh (with soft mutation: cyfrinachol / gyfrinachol)
    r"\b(?:at\s+)?ddefnydd\s+mewnol(?:\s+yn\s+unig)?\b", r"\bdefnydd\s+mewnol\b",
    r"\b(?:c|g|ch)yfrinachol\b", r"\bmewnol\s+yn\s+unig\b", r"\bnodyn\s+mewnol\b",
    r"\bi\s+staff\s+yn\s+unig\b", r"\bdim\s+i'w\s+rannu\b",
    r"\bpeidiwch\s+(?:â|a)\s+rhannu\s+y\s+tu\s+allan\b",
)
_EMBARGO = _rx(
    # "embargo until", "embargo bis", "embargo jusqu'à", "embargo hasta", "embargo tan", "embargo: ..."
    r"\bembargo(?:ed)?(?:\s+(?:until|till|to|\d|00|bis|jusqu|hasta|tan)|\s*:)",
    r"\bunder\s+(?:strict\s+|a\s+)?(?:press\s+|media\s+|news\s+)?embargo\b",
    r"\b(?:press|media|news)\s+embargo\b", r"^\s*embargo(?:ed)?\b", r"\(\s*embargo(?:ed)?\b",
    r"\bembargo\s+notice\b", r"\bembargad[oa]s?\b",
    r"\b(?:before|until|till)\s+the\s+embargo\s+(?:lifts|ends|expires|is\s+lifted)\b",
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
_LIFTED = _rx(
    r"\bembargo\s+(?:has\s+(?:now\s+)?been\s+|has\s+(?:now\s+)?|is\s+|was\s+)?(?:lifted|ended|over)\b",
    r"\blifted\s+the\s+embargo\b", r"\bembargo\s+(?:est|a\s+(?:é|e)t(?:é|e))\s+lev(?:é|e)", r"\bembargo\s+lev(?:é|e)",
    r"\blevantado\s+el\s+embargo\b", r"\bembargo\s+(?:levantado|ha\s+terminado)\b",
    r"\bsperrfrist\s+(?:ist\s+)?(?:aufgehoben|vorbei|abgelaufen)\b", r"\bembargo\s+wedi\s*'?i?\s+(?:godi|ddod\s+i\s+ben)\b",
    # Fourth round: an embargo that has ended, expired or passed, and "no longer restricted", in five languages.
    r"\bembargo\s+(?:has\s+|had\s+)?(?:now\s+|already\s+)?(?:been\s+)?(?:expired|passed|lapsed|finished|gone)\b",
    r"\bembargo\s+(?:ended|lifted|expired)\b", r"\b(?:after|now\s+that|since)\s+the\s+embargo\s+(?:lifted|ended|expired|passed)\b",
    r"\bno\s+longer\s+(?:under\s+(?:an?\s+)?embargo|embargoed|restricted|confidential|under\s+wraps)\b",
    r"\bembargo\s+(?:est\s+|a\s+(?:é|e)t(?:é|e)\s+)?(?:termin|expir|pass|fini)", r"\bn'est\s+plus\s+(?:sous\s+embargo|confidentiel|restreint)",
    r"\bfin\s+de\s+l'embargo\b", r"\bembargo\s+(?:ha\s+)?(?:terminad|expirad|vencid|finalizad|caducad|acab)",
    r"\bya\s+no\s+(?:est[áa]\s+)?(?:bajo\s+embargo|embargad|es\s+confidencial|restringid)", r"\bembargo\s+(?:se\s+)?(?:levant|acab)",
    r"\bsperrfrist\s+(?:ist\s+)?(?:beendet|verstrichen|abgelaufen|vorüber|gefallen)", r"\bnicht\s+mehr\s+(?:gesperrt|vertraulich|unter\s+embargo)",
    r"\bembargo\s+(?:ist\s+)?(?:aufgehoben|vorbei|abgelaufen|beendet)", r"\bembargo\s+(?:wedi\s+)?(?:dod\s+i\s+ben|gorffen|codi)",
    r"\bddim\s+(?:o\s+dan|dan)\s+embargo\b", r"\bnid\s+yw\b[^.!?]{0,40}\bdan\s+embargo\s+(?:mwyach|bellach)\b",
)
# ... unless the sentence says the embargo has *not* lifted yet ("before the embargo is lifted").
_PENDING = _rx(r"\b(?:before|until|till|once|when)\s+the\s+embargo\b", r"\bavant\s+la\s+lev(?:é|e)e\b")
_BARE_ADJECTIVE = compile_folded(r"^(?:c|g|ch)yfrinachol$|^(?:confidential|confidencial|vertraulich)\b", _F)


# Substrings (lower case) that every match of a marker family contains: a draft without any of
# them skips that family's long alternation, which is most of this module's cost on clean drafts.
_INTERNAL_ANCHORS = (
    "intern", "confiden", "distribut", "circulat", "publication", "forward", "share", "strictly", "private",
    "restricted", "marked", "treat", "usage", "diffus", "transmettre", "vertraul", "weiter", "teilen",
    "uso", "compartir", "difundir", "reenviar", "defnydd", "yfrinach", "rhannu", "gebrauch", "mewnol",
    "not for", "leave the", "inside the", "within the", "public", "screenshot", "only", "note", "ne pas",
    "aussen", "ausen", "kolleg", "team", "compart", "personal", "unig",
)
_EMBARGO_ANCHORS = ("embargo", "embargad", "not to be", "sperrfrist", "ne pas publier", "ffentlichen", "no publicar")
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
            if subtype == "embargo" and lifted_embargo(text, context):
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

# A number of marks, minutes or questions is no figure ("worth 20 marks").
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s?%|£\s?\d|\d+(?:\.\d+)?\s?(?:m|million|bn|k)\b|"
                     r"\b\d{2,}\b(?!\s*(?:marks?|points?|questions?|minutes|mins|-?minute))", _F)
_NOT_PUBLIC = _rx(
    r"\b(?:not|n't|isn't|aren't|hasn't|haven't)\s+(?:been\s+)?(?:yet\s+)?(?:published|public|released|announced|"
    r"out|validated|signed\s+off|submitted)\b",
    r"\bnot\s+(?:yet\s+)?public\b", r"\bunpublished\b",
    r"\b(?:won't|will\s+not)\s+be\s+(?:published|released|public|out)\b", r"\bunreleased\b", r"\bpre-?publication\b",
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
    r"\bprovisionales\b", r"\b(?:todav[íi]a\s+)?no\s+(?:son|es|est[áa]n?)\s+oficial(?:es)?\b",
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
    r"\bstays?\s+off\s+(?:social|socials|linkedin|twitter|facebook|instagram)\b",
    # French, German, Spanish, Welsh
    r"\bencore\s+secret\b", r"\bentre\s+nous\b", r"\bne\s+(?:veut|veulent)\s+pas\s+(?:être|etre)\s+cit[ée]",
    r"\bne\s+rien\s+publier\b", r"\bavant\s+de\s+publier\b", r"\bconfidentiel(?:le)?\s+pour\s+le\s+moment\b",
    r"\bunter\s+uns\b", r"\bnoch\s+geheim\b", r"\bnicht\s+(?:ö|oe)ffentlich\s+(?:sagen|erw(?:ä|ae)hnen|nennen)\b",
    r"\bnichts\s+(?:verraten|posten|sagen)\b", r"\bnoch\s+nicht\s+teilen\b",
    r"\berst\s+(?:nach|ab|am)\b.{0,40}\b(?:posten|teilen|ver(?:ö|oe)ffentlichen)\b",
    r"\bentre\s+nosotros\b", r"\btodav[íi]a\s+(?:es\s+)?secreto\b", r"\bno\s+podemos\s+(?:decirlo|mencionarlo)\b",
    r"\bno\s+lo\s+publiqu", r"\bhasta\s+el\s+(?:anuncio|comunicado)\b", r"\bantes\s+de\s+compartir\b",
    r"\bpeidiwch\s+(?:â|a)\s+(?:sôn|son|chyhoeddi)\b", r"\b(?:g|c)yfrinach\b", r"\bcyn\s+rhannu\b",
    # "it's confidential" said of the news itself (not of a service: a bare adjective is no marker)
    r"\bc'est\s+confidentiel\b", r"\bist\s+(?:noch\s+)?vertraulich\b", r"\bes\s+confidencial\b",
    r"\bno\s+lo\s+coment", r"\bmae\s+(?:hyn|hynny)\s+yn\s+gyfrinachol\b",
)
# A release time for news: posting is held back *until* or *before* a set moment ("hold the award news until
# 6pm", "nothing on LinkedIn before that", "ne publiez rien avant l'annonce"): an embargo, or a launch.
_RELEASE = _rx(
    r"\b(?:hold|save|keep)\s+(?:the\s+|this\s+|that\s+|your\s+|our\s+|any\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:news|story|announcement|posts?|tweets?|congratulations|celebrations)\s+(?:until|till|for)\b",
    r"\b(?:hold|keep)\s+(?:it|this|that|them)\s+(?:back\s+)?(?:until|till)\b",
    r"\b(?:don't|do\s+not|please\s+don't|can't|cannot|can\s+not|mustn't)\s+(?:post|share|publish|mention|leak|announce)"
    r"\b[^.!?]{0,60}?\b(?:before|until|till|sooner|ahead\s+of)\b",
    r"\b(?:nothing|no\s+posts?|no\s+sharing|no\s+posting)\s+(?:on|about)\s+[^.!?]{0,40}?\b(?:before|until|till)\b",
    r"\bnot\s+(?:for\s+use|to\s+go\s+out|to\s+be\s+used)\s+(?:before|until)\b",
    r"\b(?:stay|keep)\s+(?:silent|quiet|schtum)\s+until\b",
    r"\b(?:news|story|announcement)\b[^.!?]{0,60}?\bis\s+locked\s+until\b",
    r"\b(?:publication|release)\s+time\b[^.!?]{0,40}?\b\d{1,2}[:.]\d\d\b", r"\bgoes?\s+public\s+(?:on|at)\b", r"\bdon't\s+jump\s+the\s+gun\b",
    r"\b(?:isn't|is\s+not|aren't|not)\s+(?:being\s+)?announced\s+until\b",
    # German, Spanish, French, Welsh
    r"\bnicht\s+vor\b[^.!?]{0,60}?\b(?:teilen|posten|ver(?:ö|oe)ffentlichen|erw(?:ä|ae)hnen)\b",
    r"\bbis\b[^.!?]{0,40}?\bgesperrt\b", r"\bvorher\s+nichts\b",
    r"\bno\s+(?:publi[cq]|compart|difund|mencion)\w*\b[^.!?]{0,60}?\bantes\s+de",
    r"\bno\s+(?:se\s+)?(?:puede|pueden|debe|deben)\s+(?:salir|publicar\w*|compartir\w*)\s+(?:antes|hasta)\b",
    r"\bne\s+(?:publiez|partagez|diffusez|postez)\s+rien\b[^.!?]{0,60}?\bavant\b",
    r"\bne\s+(?:doit|doivent)\s+pas\s+(?:sortir|(?:ê|e)tre\s+(?:publi|diffus|partag))\w*\s+avant\b",
    r"\bpeidiwch\s+(?:â|a)\s+(?:ph|p)ostio\b[^.!?]{0,60}?\bcyn\b", r"\bcyn\s+y\s+cyhoeddiad\b",
    r"\bfynd\s+allan\s+cyn\b", r"\barhoswch\s+(?:tan|am)\b",
)
_RELEASE_ANCHORS = (
    "hold", "save", "keep", "post", "share", "publish", "mention", "leak", "announc", "nothing", "no sharing",
    "not for use", "not to", "silent", "quiet", "schtum", "locked", "time", "public", "gun", "nicht vor",
    "gesperrt", "vorher", "antes", "rien", "avant", "peidiwch", "cyhoeddiad", "allan", "arhoswch",
)
# A client relationship said to be confidential: a confidentiality clause, a client who must not be named.
# Points to an NDA client only; a sentence about a confidential *service* is not one (see ``_SERVICE``).
_NDA_SOFT = _rx(
    r"\bconfidentiality\s+(?:agreement|clause|terms)\b", r"\bnon-?disclosure\s+(?:agreement|clause|terms)\b",
    r"\bsecrecy\s+(?:agreement|clause)\b",
    r"\b(?:can't|cannot|can\s+not|not\s+allowed\s+to|mustn't|must\s+not)\s+(?:name|mention|tag|identify|say\s+(?:that\s+)?we\s+work)\b"
    r"(?!\s+(?:everyone|everybody|all\b|every))",
    r"\bconfidential\s+(?:client|account|customer|contract|partner)s?\b",
    r"\b(?:stay|remain)\s+anonymous\b", r"\bno\s+publicity\b", r"\bmust\s+not\s+appear\b",
    r"\brules?\s+out\s+(?:any\s+)?publicity\b", r"\bno\s+tagging\b", r"\bconfidential\s+under\s+(?:our|the|an?)\s+agreement\b",
    r"\b(?:relationship|partnership|contract|deal)\s+(?:with\s+[\w'-]+(?:\s+[\w'-]+)?\s+)?is\s+confidential\b",
    r"\bconfidential\s+(?:[\w-]+\s+)?(?:programme|project|contract|deal)\s+(?:for|with)\b",
    r"\bhaven't\s+agreed\s+to\s+(?:be\s+named|any\s+announcement|publicity)\b",
    # German, Spanish, French, Welsh
    r"\bverschwiegenheits\w*", r"\bd(?:ü|ue)rfen\s+(?:wir\s+)?nicht\s+(?:erw(?:ä|ae)hnen|sagen|nennen)\b",
    r"\bnicht\s+(?:namentlich\s+)?genannt\s+werden\b", r"\banonym\s+bleiben\b", r"\bin\s+keinem\s+beitrag\b",
    r"\bcl(?:á|a)usula\s+de\s+confidencialidad\b", r"\bacuerdo\s+de\s+confidencialidad\b",
    r"\bno\s+podemos\s+(?:mencionar|decir|nombrar)\b", r"\bno\s+(?:lo|la|los|las)\s+nombr", r"\ben\s+secreto\b",
    r"\bclause\s+de\s+(?:confidentialit|non-?divulgation)", r"\baccord\s+de\s+(?:confidentialit|non-?divulgation)",
    r"\bne\s+(?:pouvons|peut|pouvez)\s+pas\s+(?:dire|mentionner|nommer|citer)\b", r"\brester\s+anonyme\b",
    r"\bne\s+pas\s+(?:le|la|les)\s+(?:nommer|citer|mentionner)\b", r"\bn'en\s+parlez\s+pas\b",
    r"\bcyfrinachedd\b", r"\baros\s+yn\s+ddienw\b", r"\bgwahardd\s+(?:unrhyw\s+)?gyhoeddusrwydd\b",
    r"\bpeidiwch\s+(?:â|a)'?u?\s*henwi\b",
)
# Advice about consent, surveys and reporting concerns is not a leak, whatever it says about "until" or anonymity.
_CONSENT = _rx(r"\bconsent\b", r"\bpermission\b", r"\bsurvey", r"\bfeedback\b", r"\bquestionnaire\b",
               r"\breport(?:ing)?\s+a\s+concern\b", r"\bconsentement\b", r"\beinwilligung\b", r"\bconsentimiento\b",
               r"\bcaniat[aâ]d\b", r"\bencuesta\b", r"\bumfrage\b", r"\bsondage\b", r"\barolwg\b")
_NDA_SOFT_ANCHORS = (
    "confidential", "disclosure", "secrecy", "name", "mention", "tag", "identify", "work", "client", "anonym",
    "publicity", "appear", "agreed", "tagging", "confidential", "verschwiegen", "erw", "sagen", "nennen", "genannt", "beitrag",
    "confidencialidad", "podemos", "nombr", "secreto", "confidentialit", "divulgation", "dire", "citer", "parlez",
    "cyfrinachedd", "ddienw", "gyhoeddusrwydd", "henwi",
)
_PROJECT = re.compile(
    r"\b(?:Project|Operation)\s+(?!Management|Manager|Managers|Officer|Coordinator|Lead|Leader|Team|Plan|Board|"
    r"Engineer|Engineering|Support|Delivery|Assistant|Director)[A-Z][a-z]+\b"
)
# A project named in French, German, Spanish or Welsh ("le projet Albatros", "Prosiect Barcud"), and a launch to come.
_PROJECT_INTL = re.compile(
    r"\b(?i:projet|projekt|proyecto|prosiect)\s+[«„\"“]?\s?(?!(?:Erasmus|Management|Team|Ziel|Leitung|Plan)\b)[A-Z][a-z]{2,}\b"
)
_LAUNCH_INTL = _rx(
    r"\bsera\s+lanc(?:é|e)e?\b", r"\blancement\s+(?:pr(?:é|e)vu|en|le|d(?:è|e)s)\b", r"\b(?:sortie|annonce)\s+pr(?:é|e)vue\b", r"\bsortira\b",
    r"\bstartet\s+(?:im|am|in|ab)\b", r"\bstart\s+ist\s+f(?:ü|ue)r\b", r"\bgeplant\b", r"\bkommt\s+(?:im|am)\b",
    r"\bse\s+lanza\s+en\b", r"\blanzamiento\s+(?:previsto|en)\b", r"\bsaldr(?:á|a)\b", r"\bprevisto\s+para\b",
    r"\byn\s+lansio\s+(?:ym|yn|ar)\b", r"\bcael\s+ei\s+lansio\b", r"\blansio\s+ym\s+mis\b",
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
# (A course's videos, files or booking site are systems, not teaching.)
_TEACHING = _rx(r"\bcourse\b(?!\s+(?:videos?|materials?|records?|files?|data|bookings?|portal|site|platform|server|bucket))", r"\bteach(?:es|ing)?\b", r"\blearn\b", r"\bmodule\b", r"\bhow\s+to\s+(?:prevent|defend)\b")
_EXAM = _rx(r"\bexam", r"\btest\b", r"\bpaper\b", r"\bassessment\b", r"\bquiz\b", r"\bmock\b", r"\bexamen\b",
            r"pr(?:ü|ue)fung", r"\barholiad\b", r"\bprawf\b", r"\bklausur\b", r"\boral\b", r"\bmarking\s+guide\b",
            r"\banswer\s+(?:sheet|booklet)\b", r"\bsitting\b", r"\bpapur\b", r"\bbapur\b",
            r"\bresit\b", r"\bmultiple[\s-]choice\b", r"\bqcm\b", r"\bcuestionario\b", r"\bcwis\b", r"\b(?:photo|copie|scan)\s+du\s+sujet\b")
_ANSWERS = _rx(
    r"\banswers?\b", r"\bquestions?\b", r"\bmark\s+scheme\b", r"\banswer\s+key\b", r"\bsolutions?\b",
    r"\bmodel\s+answer\b", r"\br[ée]ponses?\b", r"\brespuestas?\b", r"\bantworten\b", r"\batebion\b",
    r"\bl(?:ö|oe)sungen\b", r"\b(?:pr(?:ü|ue)fungs)?fragen\b", r"\bpreguntas\b", r"\bsoluciones\b", r"\bcorrig[ée]\b",
    r"\bcwestiynau\b",
    r"\b\d{1,2}\s?[A-D]\b\s*,?\s*\d{1,2}\s?[A-D]\b", r"\b[A-D],\s*[A-D],\s*[A-D]\b",
    # The material itself: a paper, its sheet or guide, a task, a case study; and the same in other languages.
    r"\bpaper\b", r"\banswer\s+(?:sheet|booklet)\b", r"\bmarking\s+(?:guide|scheme)\b", r"\bcase\s+study\b",
    r"\btask\b", r"\boptions?\b", r"\bsujet\b", r"\bpr(?:ü|ue)fungsbogen\b", r"\baufgabe\b", r"\bantwort\b",
    r"\bexamen\b", r"\bpregunta\b", r"\bcwestiwn\b", r"\bgwestiynau\b", r"\bateb\b", r"\b(?:p|b)apur\b",
    r"\bpractical\b", r"\bsection\s+(?:\d+|[A-D])\b", r"\b(?:exam|answer|question)\s+booklet\b",
    r"\b(?:it's|its)\s+(?:class\s+|option\s+|answer\s+)?[A-D]\b", r"\b[TF],\s*[TF],\s*[TF]\b",
    r"\bQ\s?\d{1,2}\s*(?:is|=|:|-|–)\s*[A-D]\b",
)
_EXAM_LEAK = _rx(
    r"\bthe\s+answer\s+is\b", r"\bleaked\b", r"\bDM\b", r"\bshare\b", r"\bsame\s+as\s+last\b", r"\balways\s+asks\b",
    r"\breuses?\b", r"\bgot\s+the\b", r"\bhere\s+are\b", r"\bcorrect\s+answers\b", r"\bactual\s+questions\b",
    r"\bmark\s+scheme\b", r"\banswer\s+key\b", r"\breal\s+paper\b", r"\bmodel\s+answer\b",
    r"\b\d{1,2}\s?[A-D]\b\s*,?\s*\d{1,2}\s?[A-D]\b", r"\b[A-D],\s*[A-D],\s*[A-D]\b",
    r"\bquestion\s+\d+\s+(?:is|asks)\b(?!\s+(?:worth|out\s+of))", r"\b(?:is\s+)?(?:true|false),\s+\d+\s+is\b",
    r"\bhier\s+(?:die|sind)\b", r"\bschicke\b", r"\bdieselben\s+wie\b", r"\bvoici\b", r"\bje\s+vous\s+les\s+envoie\b",
    r"\bos\s+(?:las|los)\s+paso\b", r"\btengo\s+las\s+preguntas\b", r"\bdyma'r\b", r"\banfon",
    r"\bQ\s?\d{1,2}\s*(?:is|=|:|-|–)\s*[A-D]\b", r"\b\d{1,2}\s*[.):]\s*[A-D]\s*[,;]\s*\d{1,2}\s*[.):]\s*[A-D]\b",
)
# Weaker signs that exam material is being passed on (a copy, a photo, the same questions again, a tip for
# a later sitting): weighed with the classifier like the other soft cues.
_EXAM_HINT = _rx(
    r"\bword\s+for\s+word\b", r"\bidentical\s+to\b", r"\bsame\s+(?:\w+\s+){0,2}(?:questions?|paper|scenario|task)\b",
    r"\bhasn't\s+changed\b", r"\bsame\s+as\s+last\s+(?:year|time)\b", r"\bcopied\b", r"\bphotograph(?:ed|s)?\b", r"\bphotos?\s+of\b", r"\bscann?ed\b", r"\bscreenshots?\b",
    r"\buploaded\b", r"\bgroup\s+chat\b", r"\bsell\b", r"\bcopy\b", r"\baccidentally\b", r"\bleft\s+in\s+the\b",
    r"\b(?:afternoon|evening|morning|later|earlier)\s+(?:group|cohort|sitting)\b", r"\banyone\s+sitting\b",
    r"\bprepare\s+for\s+that\b", r"\bpractise\s+that\b", r"\b(?:right|correct)\s+(?:options?|answers?)\b",
    r"\b(?:it's|its)\s+(?:class\s+|option\s+|answer\s+)?[A-D]\b", r"\b[TF],\s*[TF],\s*[TF]\b", r"\bwhat\s+I\s+put\b", r"\bfull\s+marks\b",
    r"\bbefore\s+the\s+(?:test|exam)\b", r"\bhighlighted\b", r"\blisting\s+them\b", r"\bhere's\s+(?:every|all)\b",
    r"\bsitting\s+(?:it\s+)?(?:later|tomorrow|this\s+afternoon)\b", r"\btomorrow's\s+sitting\b",
    # German, Spanish, French, Welsh
    r"\b(?:dieselben|gleichen)\s+fragen\b", r"\bich\s+habe\s+die\s+(?:fragen|l(?:ö|oe)sungen|antworten)\b",
    r"\bals\s+foto\b", r"\bfotografiert\b", r"\bantwort\s+[A-D]\b", r"\bh(?:ä|ae)nge\s+ich\s+an\b", r"\bwer\s+will\b",
    r"\blas\s+mismas\s+preguntas\b", r"\btengo\s+el\s+examen\b", r"\bquien\s+lo\s+quiera\b", r"\bha\s+subido\b",
    r"\bos\s+adjunto\b", r"\bla\s+respuesta\s+es\s+[A-D]\b",
    r"\bles\s+m(?:ê|e)mes\s+questions\b", r"\bj'ai\s+r(?:é|e)cup(?:é|e)r(?:é|e)\b", r"\bqui\s+le\s+veut\b",
    r"\bune\s+photo\b", r"\bpi(?:è|e)ce\s+jointe\b", r"\bla\s+r(?:é|e)ponse\s+est\s+[A-D]\b",
    r"\bmae\s+gen\s+i\b", r"\byr\s+un\s+cwestiynau\b", r"\bllun\s+o\b", r"\byr\s+ateb\s+yw\s+[A-D]\b",
    r"\bpwy\s+sydd\s+eisiau\b",
    # Fifth round: a copy passed on ("me han pasado el examen"), offered on request, answers in the thread.
    r"\bsame\s+as\s+the\s+one\b", r"\banswers?\s+(?:are\s+)?in\s+the\s+(?:thread|chat|comments|group)\b", r"\bmessage\s+me\b",
    r"\bme\s+(?:han|ha)\s+pasado\b", r"\bsi\s+alguien\s+(?:lo|la|los|las)\s+quiere\b", r"\bon\s+m'a\s+(?:pass|donn|envoy)",
    r"\bsi\s+quelqu'un\s+(?:le|la|les)\s+veut\b", r"\bwurde\s+mir\s+(?:geschickt|zugespielt)\b", r"\bschreibt\s+mir\b",
    r"\bmae\s+gen\s+i\s+g(?:opi|westiynau)\b", r"\banfonwch\s+neges\b",
)
_EXAM_OK = _rx(r"\bpractice\b", r"\bsample\b", r"\bavailable\s+to\b", r"\bon\s+our\s+website\b",
               r"\bmultiple-choice\s+paper\b", r"\bpast\s+papers?\b", r"\btimetable\b", r"\bgood\s+luck\b",
               r"\bpr(?:á|a)ctica\b", r"\bentra(?:î|i)nement\b", r"\b(?:ü|ue)bung", r"\bymarfer\b")


_NOT_PUBLIC_ANCHORS = (
    "publi", "releas", "announc", "out", "validat", "signed", "submitted", "preliminary", "provisional",
    "draft", "early", "raw", "first", "ahead", "before the", "review", "between us", "unofficial", "leaked",
    "sneak", "ffentlich", "vorl", "gyhoeddi", "provisoire", "liminaire", "internes", "intern", "pas encore",
    "nicht", "todav", "sin publicar", "publicad", "preliminar", "internos", "borrador", "auditad", "dros dro",
    "mewnol", "cyhoeddi", "provisional", "oficial",
)
_SECRECY_ANCHORS = (
    "tell anyone", "quiet", "hush", "wraps", "say more", "say publicly", "anyone to know", "for now", "sit on",
    "hold", "post", "publish", "go out", "until", "ahead of", "announced", "teams only", "word", "between",
    "yoursel", "record", "public", "secret", "entre", "cit", "publier", "confidentiel", "unter uns", "geheim",
    "ffentlich", "nichts", "teilen", "erst", "publiqu", "podemos", "hasta el", "compartir", "peidiwch",
    "yfrinach", "rhannu", "vertraulich", "confidencial", "coment", "off",
)
# Substrings (of normalised, lower-case text) every match of ``_ANSWER_KEY`` but "Q1 is B" (``_Q_NUMBER``) contains.
_ANSWER_KEY_ANCHORS = (
    "answer", "mark", "worked solution", "corrig", "correct", "bareme", "reponse", "losung", "loesung", "erwartungshorizont",
    "bewertungsschema", "plantilla", "solucionario", "respuesta", "criterios", "ateb", "cynllun marcio", "musterantwort",
    "erwartete", "richtige", "solucion",
)
_Q_NUMBER = re.compile(r"\bQ\s?\d", re.IGNORECASE)
# Substrings (of normalised, lower-case text) every match of ``_EXAM_WORD`` / ``_EXAM`` contains.
_EXAM_WORD_ANCHORS = ("exam", "test", "assess", "practical", "epa", "paper", "epreuve", "prueba", "prufung", "pruefung",
                      "klausur", "arholiad", "asesiad", "prawf")
_EXAM_ANCHORS = ("exam", "test", "paper", "assessment", "quiz", "mock", "prufung", "pruefung", "arholiad", "prawf", "klausur",
                 "oral", "marking", "answer", "sitting", "papur", "resit", "multiple", "sujet", "qcm", "cuestionario", "cwis")
_LAUNCH_ANCHORS = ("launch", "live", "roll", "pilot", "phase", "sprint", "on sale", "pencilled")


# -- fourth round: plain-word cues and negations --------------------------------------------------
# Written from kinds of miss and false positive described in words (see data/confidential/README.md),
# in English, French, Spanish, German and Welsh.

# Where data sits (a bucket, a share, a server, a database), in five languages: "still public" said of one is a weakness.
_STORE = (r"buckets?|shares?|folders?|drives?|director(?:y|ies)|servers?|backups?|repo(?:sitor(?:y|ies))?|databases?|"
          r"exports?|endpoints?|api|records|dossiers?|serveurs?|r(?:é|e)pertoires?|sauvegardes?|partages?|carpetas?|"
          r"servidor(?:es)?|copias|directorios?|archivos|verzeichnis(?:se)?|ordner|datenbank|freigaben?|laufwerk|"
          r"ffolder(?:i)?|gweinydd(?:ion)?|bwced|ffeiliau|cronfa\s+ddata|cop(?:ï|i)au")
# A back-end system named in a sentence about a missing login (not a webinar or an open day).
_SYSTEM = (r"endpoints?|api|export|exports|admin|server|database|dashboard|panel|records|portal|intranet|"
           r"exportation|serveur|base\s+de\s+donn(?:é|e)es|servidor|base\s+de\s+datos|exportaci(?:ó|o)n|datenbank|"
           r"allforio|gweinydd|cronfa\s+ddata")
# Security weaknesses said in plain words, without "vulnerable" or "unpatched": each is a weakness on its own.
_WEAK_PLAIN = _rx(
    r"\b(?:reset|login|magic|invite|download|share|sign-?in)\s+links?\b[^.!?]{0,40}\bnever\s+expires?\b",
    r"\b(?:tokens?|sessions?|links?|cookies?)\s+(?:\w+\s+){0,2}never\s+(?:expires?|times?\s+out|gets?\s+revoked)\b",
    r"\bauth(?:entication)?[\s-]bypass\b", r"\bbypass\s+(?:the\s+)?(?:login|authentication|auth|2fa|mfa|sso)\b",
    r"\bno\s+(?:authentication|auth|login|password|access\s+control)\s+(?:on|for|in\s+front\s+of)\b",
    r"\bwithout\s+(?:any\s+)?(?:authentication|logging\s+in|a\s+login)\b",
    r"\b(?:world|publicly|public)[\s-]readable\b", r"\b(?:bucket|share|folder|drive)\b[^.!?]{0,30}\b(?:is\s+|still\s+)?(?:public|open\s+to\s+(?:anyone|everyone|the\s+internet))\b",
    r"\banyone\s+with\s+the\s+(?:link|url)\s+can\b", r"\bopen\s+to\s+the\s+(?:whole\s+)?internet\b",
    r"\b(?:passwords?|credentials)\s+(?:are\s+|is\s+)?(?:stored|kept|saved|sent)\s+in\s+(?:plain\s*text|clear\s*text|the\s+clear)\b",
    r"\bdefault\s+(?:admin\s+)?(?:credentials|login|logins)\b", r"\badmin\s*/\s*admin\b",
    r"\bdebug\s+mode\b[^.!?]{0,30}\b(?:on|enabled)\b[^.!?]{0,20}\bproduction\b", r"\bno\s+rate[\s-]limit",
    r"\bstill\s+(?:on|running)\s+(?:the\s+)?(?:old\s+|same\s+)?(?:version|release|build)\b",
    r"\bany(?:one|body)\s+(?:can|could)\s+(?:log\s+in|download|read|see|access|reset|view)\b",
    r"\b(?:can|could)\s+see\s+(?:every|other|all)\s+(?:\w+\s+)?(?:learners?|students?|users?|staff)'?s?\s+(?:records?|data|files|grades|details)\b",
    # French
    r"\bn'expire\s+jamais\b", r"\bsans\s+(?:aucune\s+)?authentification\b", r"\blisibles?\s+par\s+(?:tous|tout\s+le\s+monde|n'importe\s+qui)\b",
    r"\ben\s+clair\b", r"\btoujours\s+sur\s+(?:la|l'ancienne)\s+version\b", r"\bcontourner\s+(?:l'authentification|la\s+connexion)\b",
    r"\bn'importe\s+qui\s+peut\b", r"\bouverts?\s+(?:à|a)\s+tous\b",
    # Spanish
    r"\bnunca\s+(?:caduca|expira|vence)\b", r"\bsin\s+(?:ninguna\s+)?autenticaci(?:ó|o)n\b", r"\blegibles?\s+(?:por|para)\s+(?:todos|cualquiera)\b",
    r"\ben\s+texto\s+(?:plano|claro)\b", r"\bsigue\s+(?:en|con)\s+la\s+versi(?:ó|o)n\b", r"\bsaltarse\s+(?:el\s+)?(?:login|inicio\s+de\s+sesi)",
    r"\bcualquiera\s+puede\b", r"\bp(?:ú|u)blico\s+para\s+todos\b",
    # German
    r"\bl(?:ä|ae)uft\s+nie\s+ab\b", r"\bohne\s+(?:jede\s+)?(?:authentifizierung|anmeldung|login)\b", r"\b(?:ö|oe)ffentlich\s+lesbar\b",
    r"\bim\s+klartext\b", r"\bnoch\s+(?:immer\s+)?auf\s+der\s+(?:alten\s+)?version\b", r"\bjede(?:r|s)?\s+kann\b[^.!?]{0,40}\b(?:lesen|herunterladen|zugreifen|sehen)\b",
    r"\bf(?:ü|ue)r\s+alle\s+(?:lesbar|offen|zug(?:ä|ae)nglich)\b",
    # Welsh
    r"\bbyth\s+yn\s+dod\s+i\s+ben\b", r"\bheb\s+(?:ddim\s+)?(?:ddilysu|dilysu|ddilysiad|mewngofnodi)\b", r"\bgall\s+unrhyw\s+un\b",
    r"\btestun\s+plaen\b", r"\b(?:dal|yn\s+dal)\s+ar\s+yr\s+hen\s+fersiwn\b", r"\bar\s+agor\s+i\s+bawb\b",
)
# Substrings (normalised, lower case) of which every match of ``_WEAK_PLAIN`` contains one.
_WEAK_PLAIN_ANCHORS = (
    "never", "bypass", "no auth", "no login", "no password", "no access", "without", "readable", "public", "open to", "anyone",
    "anybody", "internet", "plain", "clear", "default", "admin", "debug", "rate", "still", "can see", "could see", "n'expire",
    "sans", "lisible", "toujours", "contourner", "n'importe", "ouvert", "nunca", "sin ", "legible", "texto", "sigue", "saltarse",
    "cualquiera", "para todos", "nie ab", "ohne", "lesbar", "klartext", "version", "kann", "fur alle", "fuer alle", "byth", "heb ",
    "unrhyw", "plaen", "fersiwn", "bawb",
)
# Fifth round: more weaknesses in plain words, five languages, in groups each behind the substrings every
# match needs (the detector's cost on clean drafts is mostly these alternations).
_WEAK_GROUPS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    # Links and tokens that never expire.
    (("expir", "time out", "revoked", "forever", "indefinitely", "caduca", "vence", "lauft", "verfallt", "dod i ben"), _rx(
        r"\b(?:links?|tokens?|sessions?|cookies?)\b[^.!?]{0,40}\b(?:doesn't|don't|does\s+not|do\s+not|won't|never)\s+(?:ever\s+)?"
        r"(?:expire|time\s+out|get\s+revoked)", r"\b(?:links?|tokens?|sessions?)\b[^.!?]{0,40}\b(?:valid|live|active|work)\s+(?:forever|indefinitely)\b",
        r"\b(?:lien|jeton|session|token)s?\b[^.!?]{0,60}\bn'expire\s+(?:pas|jamais)\b",
        r"\b(?:link|token|sitzung)\w*\b[^.!?]{0,60}\b(?:l(?:ä|ae)uft\s+(?:nie|nicht)\s+ab|verf(?:ä|ae)llt\s+(?:nie|nicht))\b",
        r"\b(?:enlace|token|sesi(?:ó|o)n)\w*\b[^.!?]{0,60}\bno\s+(?:caduca|expira|vence)\b",
        r"\b(?:d|dd)olen\w*\b[^.!?]{0,40}\b(?:ddim\s+yn|byth\s+yn)\s+dod\s+i\s+ben\b",
    )),
    # No login asked for on a back-end system, no check on who resets.
    (("login", "log-in", "log in", "password", "authentication", "sign-in", "sign in", "at all", "without check",
      "without verif", "the link", "the url", "the address",
      "aucun", "demande", "anmeldung", "authentifizierung", "zugangskontrolle", "passwortabfrage", "ohne", "fehlt", "keine",
      "pide", "autenticaci", "contrasena", "no tiene", "no hay", "mewngofnodi", "dilysu", "cyfrinair"), _rx(
        r"\bwithout\s+(?:checking|verifying)\s+(?:the\s+|their\s+|who)", r"\bno\s+(?:authentication|auth|login|log-in|password)\s+at\s+all\b",
        r"\bany(?:one|body)\s+(?:who|with)\s+(?:finds|has|knows|gets|guesses)\s+the\s+(?:link|url|address)\s+(?:can|could)\b",
        rf"(?:/\w|\b(?:{_SYSTEM})\b)[^.!?]{{0,60}}\b(?:doesn't|does\s+not|don't|do\s+not)\s+(?:ask\s+for|require|need|check(?:\s+for)?)\s+"
        r"(?:a\s+|any\s+)?(?:login|log-?in|password|authentication|sign-?in)\b",
        r"\baucun\s+mot\s+de\s+passe\b", r"\bprot(?:é|e)g(?:é|e)e?s?\s+par\s+aucun\b",
        rf"(?:/\w|\b(?:{_SYSTEM})\b)[^.!?]{{0,60}}\bne\s+demande\s+(?:pas\s+de|aucun)\s*(?:mot\s+de\s+passe|identifiant|connexion|authentification)",
        r"\b(?:fehlt|ohne)\s+(?:die\s+|jede\s+)?(?:anmeldung|authentifizierung|passwortabfrage|zugangskontrolle)\b",
        r"\bkeine\s+(?:authentifizierung|zugangskontrolle|passwortabfrage)\b",
        r"\bohne\s+(?:login|anmeldung|passwort)\s+(?:erreichbar|abrufbar|zug(?:ä|ae)nglich)\b",
        r"\bno\s+(?:tiene|hay)\s+(?:ninguna\s+)?(?:autenticaci|contrase(?:ñ|n)a|inicio\s+de\s+sesi)",
        rf"(?:/\w|\b(?:{_SYSTEM})\b)[^.!?]{{0,60}}\bno\s+pide\s+(?:contrase(?:ñ|n)a|usuario|login|autenticaci)",
        r"\bnam\s+dilysu\b", rf"\bdim\s+angen\s+mewngofnodi\b[^.!?]{{0,40}}(?:/\w|\b(?:{_SYSTEM})\b)",
        r"\bdim\s+(?:cyfrinair|mewngofnodi|dilysu)\s+(?:o\s+gwbl|ar)\b",
    )),
    # A store of data still public, listable or readable by anyone.
    (("still", "accessible", "toujours", "sigue", "immer noch", "gyhoeddus", "agored", "listable", "writable", "writeable",
      "weltweit", "todo el mundo", "ddarllenadwy"), _rx(
        rf"\b(?:{_STORE})\b[^.!?]{{0,40}}\b(?:still\s+(?:public|open|accessible)|accessible\s+to\s+(?:anyone|everyone|the\s+whole\s+internet))\b",
        rf"\b(?:{_STORE})\b[^.!?]{{0,40}}\b(?:(?:est|reste)\s+toujours\s+(?:public|publique|accessible|ouvert)|"
        r"sigue\s+(?:siendo\s+)?(?:p(?:ú|u)blic[oa]|abiert[oa]|accesible)|immer\s+noch\s+(?:(?:ö|oe)ffentlich|offen|erreichbar)|"
        r"(?:dal\s+yn|yn\s+dal\s+yn)\s+gyhoeddus|agored\s+i\s+bawb)",
        r"\b(?:world|publicly|public)[\s-](?:listable|writable|writeable)\b", r"\bweltweit\s+lesbar\b",
        r"\blegibles?\s+por\s+todo\s+el\s+mundo\b", r"\bddarllenadwy\s+i\s+(?:unrhyw\s+un|bawb)\b",
    )),
    # Still on an old, unpatched version.
    (("version", "fersiwn", "ungepatcht", "glytio"), _rx(
        r"\bversion\s+non\s+(?:corrig|patch|mise\s+(?:à|a)\s+jour)", r"\btoujours\s+sur\s+une\s+(?:ancienne\s+|vieille\s+)?version\b",
        r"\bversi(?:ó|o)n\s+(?:antigua\s+)?sin\s+(?:parchear|actualizar|corregir)\b", r"\bungepatchte[nrs]?\s+version\b",
        r"\b(?:dal|yn\s+dal)\s+ar\s+y(?:r)?\s+(?:hen\s+)?fersiwn\b", r"\bdal\s+i\s+redeg\s+(?:yr\s+)?hen\s+fersiwn\b",
        r"\bheb\s+ei\s+(?:g|c|ch)lytio\b",
    )),
    # Leavers' accounts left open, one shared admin login, admin accounts without two-factor.
    (("disabled", "deactivated", "removed", "closed", "deleted", "still log", "still sign", "still get in", "still access",
      "shared", "factor", "2fa", "mfa", "desactiv", "encore", "compte", "deaktiviert", "immer noch", "konto", "todavia", "cuenta",
      "analluogi", "dal i allu", "cyfrif"), _rx(
        r"\b(?:leavers?'?|former\s+(?:staff|employees?|colleagues)|ex-(?:staff|employees?))\b[^.!?]{0,60}\b(?:never|not|aren't|isn't|don't)\b"
        r"[^.!?]{0,20}\b(?:disabled|deactivated|removed|closed|deleted)\b",
        r"\b(?:can|could)\s+still\s+(?:log\s+in|sign\s+in|get\s+in|access\s+(?:the|our))\b",
        r"\b(?:same|one)\s+shared\s+(?:admin|administrator|root)\b", r"\bshared\s+(?:admin|administrator|root)\s+(?:login|account|password)s?\b",
        r"\b(?:admin|administrator|root|service|shared)\s+accounts?\b[^.!?]{0,40}\b(?:(?:don't|doesn't|do\s+not|does\s+not)\s+have|have\s+no|has\s+no)\s+"
        r"(?:\w+\s+)?(?:two-factor|2fa|mfa|multi-factor)",
        r"\b(?:jamais|pas)\s+d(?:é|e)sactiv(?:é|e)s?\b", r"\bpeuvent\s+encore\s+se\s+connecter\b", r"\bm(?:ê|e)me\s+compte\s+(?:administrateur|admin)\b",
        r"\bcompte\s+(?:administrateur|admin)\s+partag",
        r"\bnie\s+deaktiviert\b", r"\bimmer\s+noch\s+(?:anmelden|einloggen)\b", r"\b(?:dasselbe|das\s+gleiche|ein\s+gemeinsames)\s+admin-?konto\b",
        r"\bnunca\s+se\s+desactivan\b", r"\btodav(?:í|i)a\s+pueden\s+(?:entrar|acceder|iniciar\s+sesi)", r"\bmisma\s+cuenta\s+de\s+(?:administrador|admin)\b",
        r"\bcuenta\s+de\s+administrador\s+compartida\b",
        r"\bbyth\s+yn\s+cael\s+eu\s+(?:h)?analluogi\b", r"\bdal\s+i\s+allu\s+mewngofnodi\b", r"\b(?:yr\s+)?un\s+cyfrif\s+gweinyddwr\b",
    )),
    # A server room that does not lock, cameras off, spoofed mail let through, an expired certificate.
    (("room", "cctv", "camera", "alarm", "straight through", "spf", "dmarc", "dkim", "certificate", "salle", "videosurveillance",
      "serverraum", "kamera", "servidores", "apagadas", "ystafell", "diffodd"), _rx(
        r"\b(?:server|comms|data|it)\s+room\b[^.!?]{0,60}\b(?:doesn't|does\s+not|won't|don't|can't)\s+(?:lock|close|be\s+locked)\b",
        r"\b(?:server|comms|data)\s+room\b[^.!?]{0,60}\bpropped\s+open\b",
        r"\b(?:cctv|cameras?|alarms?)\b[^.!?]{0,20}\b(?:has|have)\s+been\s+(?:off|down|broken|switched\s+off)\s+(?:since|for)\b",
        r"\b(?:spoofed|phishing|fake)\s+e-?mails?\b[^.!?]{0,40}\bstraight\s+through\b", r"\bno\s+(?:spf|dmarc|dkim)\b",
        r"\b(?:ssl|tls|https|security)\s+certificate\b[^.!?]{0,40}\bexpired\b[^.!?]{0,40}\b(?:nobody|no\s+one|not|hasn't|haven't)\b",
        r"\bsalle\s+(?:des\s+)?serveurs?\b[^.!?]{0,40}\bne\s+ferme\s+(?:plus|pas)\b",
        r"\bvid(?:é|e)osurveillance\s+(?:est\s+)?(?:coup(?:é|e)e|hors\s+service|en\s+panne)\b",
        r"\bserverraum\b[^.!?]{0,40}\bschlie(?:ß|ss)t\s+nicht\b", r"\bkameras?\s+(?:ist|sind)\s+seit\b[^.!?]{0,20}\baus\b",
        r"\bsala\s+de\s+servidores\b[^.!?]{0,40}\bno\s+cierra\b", r"\bc(?:á|a)maras\s+(?:llevan\s+|est(?:á|a)n\s+)?apagadas\b",
        r"\bystafell\s+(?:y\s+)?weinydd\w*\b[^.!?]{0,40}\bddim\s+yn\s+cloi\b", r"\bcamer(?:â|a)u\s+wedi'?u\s+diffodd\b",
    )),
)
# A weakness that has been dealt with: fixed, patched, closed, disclosed, locked down (not "not fixed").
_FIXED = _rx(
    r"(?<!not\s)(?<!n't\s)(?<!never\s)(?<!been\s)\b(?:fixed|patched|resolved|remediated|locked\s+down|plugged)\b",
    r"\b(?:has|have|was|were)\s+(?:now\s+)?been\s+(?:fixed|patched|resolved|closed|locked\s+down|remediated)\b",
    r"\b(?:responsibly|publicly|already)\s+disclosed\b",
    r"\bno\s+longer\s+(?:vulnerable|exposed|public|readable|open)\b", r"\bnow\s+(?:requires?|needs?|expires?|private)\b",
    r"\bcorrig(?:é|e)e?s?\b", r"\bcorrigid[oa]s?\b", r"\bcorregid[oa]s?\b", r"\bparchead[oa]s?\b", r"\bsolucionad[oa]s?\b",
    r"\bresuelt[oa]s?\b", r"\bbehoben\b", r"\bgepatcht\b", r"\bgeschlossen\b", r"\bcolmat(?:é|e)e?s?\b", r"\br(?:é|e)solue?s?\b",
    r"\bwedi'?i?\s+(?:drwsio|thrwsio|glytio|chlytio|gau|cau|datrys)\b",
)
_STILL_OPEN = _rx(
    r"\b(?:to|will|must|should|needs?\s+to)\s+be\s+(?:fixed|patched|resolved|locked\s+down)\b", r"\buntil\b", r"\btill\b", r"\byet\b",
    r"\bwaiting\b", r"\b(?:isn't|is\s+not|aren't|are\s+not|haven't|hasn't|have\s+not|has\s+not)\b", r"\bstill\b",
    r"\bnobody\b", r"\bno\s+one\b",
    r"\b(?:not|n't|never)\s+(?:been\s+|yet\s+)?(?:fixed|patched|resolved|closed|locked\s+down|disclosed)\b",
    r"\bstill\s+(?:not|open|vulnerable|exposed|unpatched|broken|public|readable|world-readable|on\s+the)\b",
    r"\bunpatched\b", r"\bno\s+fix\b", r"\bpas\s+encore\s+(?:corrig|r(?:é|e)solu)", r"\btoujours\s+(?:pas|ouvert|vuln)",
    r"\bsin\s+(?:corregir|parchear|resolver)\b", r"\btodav[íi]a\s+no\b", r"\bnoch\s+nicht\s+(?:behoben|gepatcht|geschlossen)\b",
    r"\bimmer\s+noch\b", r"\bheb\s+(?:ei\s+)?(?:drwsio|datrys|glytio)\b", r"\byn\s+dal\b",
    r"\bnon\s+(?:corrig|r(?:é|e)solu|patch)", r"\bsin\s+(?:corregir|parche|resolver)", r"\bnicht\s+(?:behoben|gepatcht|geschlossen)\b",
    r"\bheb\s+ei\s+(?:d|th)rwsio\b", r"\btoujours\s+sur\b", r"\bsigue\b", r"\bdal\b",
)
# Figures said to be published already: a cue for unreleased figures does not apply.
_PUBLISHED = _rx(
    r"\b(?:published|released|announced|made\s+public|presented)\s+(?:in|on|at|last|this|today|yesterday|earlier)\b",
    r"\b(?:already|now|officially)\s+(?:published|public|released|out|announced|available)\b", r"\bpublicly\s+available\b",
    r"\bour\s+(?:published|released|annual)\s+(?:report|results|figures|benchmark|case\s+study)\b",
    r"\b(?:published|released)\s+(?:report|results|figures|benchmark|paper|case\s+study)\b", r"\bcase\s+study\b",
    r"\bpublicad[oa]s\b", r"\bya\s+(?:son\s+|es\s+|est[áa]n?\s+)?p(?:ú|u)blic", r"\bpubli(?:é|e)e?s\b", r"\bd(?:é|e)j(?:à|a)\s+publi",
    r"\bbereits\s+ver(?:ö|oe)ffentlicht\b", r"(?<!nicht\s)\bver(?:ö|oe)ffentlichten\b", r"\bcyhoeddwyd\b", r"\bwedi'?u?\s+cyhoeddi\b",
)
# A project or product already launched in public: a codename cue does not apply.
_LAUNCHED = _rx(
    r"\b(?:publicly|officially)\s+(?:launched|announced|released|available)\b", r"\blaunched\s+(?:publicly|last|in|on|earlier)\b",
    r"\bnow\s+(?:live|available|public)\b", r"\bwent\s+(?:live|public)\b", r"\balready\s+(?:launched|public|announced)\b",
    # ("sera lancé en septembre" is a launch to come, not one done.)
    r"(?<!sera\s)(?<!être\s)(?<!etre\s)\blanc(?:é|e)e?\s+(?:officiellement|publiquement|en|le)\b", r"\bd(?:é|e)j(?:à|a)\s+lanc",
    r"(?<!será\s)(?<!sera\s)(?<!ser\s)\blanzad[oa]\s+(?:oficialmente|p(?:ú|u)blicamente|en|el)\b",
    r"\bya\s+(?:lanzad|disponible)", r"\boffiziell\s+(?:gestartet|vorgestellt|ver(?:ö|oe)ffentlicht)\b", r"\bbereits\s+(?:gestartet|verf(?:ü|ue)gbar)\b",
    r"\bwedi'?i?\s+lansio\b", r"\bwedi\s+(?:ei\s+)?lansio'n\s+gyhoeddus\b",
)
# "internal" and "confidential" in a harmless sense (a course calendar, a policy on handling information).
_BENIGN_INTERNAL = _rx(
    r"\binternal\s+(?:training|courses?|calendar|vacanc(?:y|ies)|jobs?|candidates?|applicants?|promotions?|medicine|"
    r"audit(?:or)?s?|communications|newsletter|mobility|moderation|verification|quality)\b",
    r"\b(?:handle|handling|protect|protecting|store|storing|look\s+after|treat)\s+(?:\w+\s+)?confidential\s+(?:information|data|records)\b",
    r"\bconfidentiality\s+(?:training|policy|module|course|awareness)\b", r"\bdata\s+protection\s+(?:training|policy|module)\b",
    r"\bformation\s+interne\b", r"\bcalendrier\s+(?:des\s+)?formations?\s+internes?\b", r"\bformaci(?:ó|o)n\s+interna\b",
    r"\binterne\s+(?:fortbildung|schulung|weiterbildung|stellen)", r"\bhyfforddiant\s+mewnol\b",
    r"\bgwybodaeth\s+gyfrinachol\b[^.!?]{0,40}\b(?:trin|diogelu)\b", r"\b(?:trin|diogelu)\s+gwybodaeth\s+gyfrinachol\b",
    r"\binformation\s+confidentielle\b[^.!?]{0,20}\b(?:prot|g(?:é|e)r)", r"\b(?:proteger|gestionar|tratar)\s+(?:la\s+)?informaci(?:ó|o)n\s+confidencial\b",
    r"\bvertrauliche\s+(?:informationen|daten)\s+(?:sch(?:ü|ue)tzen|behandeln)\b", r"\bumgang\s+mit\s+vertraulichen\b",
)
# A client kept quiet in prose: under NDA, a made-us-sign NDA, an undisclosed client, an unannounced partnership.
_NDA_PROSE = _rx(
    r"\bNDA[\s-](?:client|customer|partner|project|work|job|account)s?\b", r"\b(?:an?|under|our)\s+NDA\b",
    r"\b(?:made|make|had|has|have|got)\s+(?:us|me|everyone|all\s+of\s+us|the\s+team)\s+sign\s+(?:an?\s+|the\s+|their\s+)?(?:NDA|non-?disclosure)",
    r"\bsign(?:ed|ing)?\s+(?:an?\s+|the\s+|their\s+)?NDAs?\b",
    r"\b(?:undisclosed|unnamed|unannounced|secret|mystery|anonymous)\s+(?:\w+\s+)?(?:client|customer|partner|sponsor|funder)s?\b",
    r"\b(?:hasn't|haven't|has\s+not|have\s+not|not\s+yet|yet\s+to)\s+(?:\w+\s+)?(?:announced?|confirmed|disclosed|made\s+public)\s+(?:the|our|this|their|any)\s+"
    r"(?:\w+\s+)?(?:partnership|deal|contract|relationship|collaboration|agreement|work\s+with\s+us)\b",
    r"\b(?:client|customer|partner)s?\s+(?:who|that|which)\s+(?:we\s+)?(?:can't|cannot|mustn't|must\s+not)\s+(?:name|mention)\b",
    # French
    r"\bclients?\s+(?:sous|avec\s+un)\s+(?:NDA|accord\s+de\s+confidentialit)", r"\bfait\s+signer\s+(?:un|une|le|la)\s+(?:NDA|accord|clause)",
    r"\bclients?\s+(?:confidentiel|myst(?:è|e)re|secret|anonyme)", r"\bn'a\s+pas\s+(?:encore\s+)?(?:annonc|rendu\s+public)\w*\s+(?:le|la|notre|ce|cette)\s+(?:partenariat|contrat|collaboration|accord)",
    # Spanish
    r"\bclientes?\s+(?:bajo|con)\s+(?:NDA|acuerdo\s+de\s+confidencialidad)", r"\bnos\s+hi(?:zo|cieron)\s+firmar\s+(?:un|una|el|la)\s+(?:NDA|acuerdo|cl(?:á|a)usula)",
    r"\bclientes?\s+(?:confidencial|secret[oa]|an(?:ó|o)nim[oa]|misterios[oa])", r"\bno\s+ha(?:n)?\s+(?:anunciado|hecho\s+p(?:ú|u)blic[oa])\s+(?:todav[íi]a\s+|a(?:ú|u)n\s+)?(?:la|el|nuestra|nuestro|esta|este)\s+(?:colaboraci|alianza|acuerdo|contrato|asociaci)",
    # German
    r"\bNDA-?kunden?\b", r"\bkunden?\s+unter\s+(?:NDA|geheimhaltung)", r"\b(?:ein|das|eine)\s+NDA\s+unterschreiben\b",
    r"\b(?:vertraulicher?|geheimer?|anonymer?)\s+kunden?\b", r"\bhat\s+die\s+(?:partnerschaft|zusammenarbeit|kooperation)\s+(?:noch\s+)?nicht\s+(?:bekannt|ver(?:ö|oe)ffentlicht)",
    # Welsh
    r"\bcleient\s+(?:dan\s+NDA|cyfrinachol|dienw)\b", r"\b(?:llofnodi|arwyddo)\s+(?:NDA|cytundeb\s+cyfrinachedd)\b",
    r"\bheb\s+gyhoeddi'?r\s+(?:bartneriaeth|cytundeb|contract)\b",
)
# Fifth round: a client kept quiet in other words: "asked us not to mention them", "can't say who the client is",
# "the contract with X is confidential", "no names in the posts", in five languages.
_NDA_PROSE5 = _rx(
    r"\b(?:asked|told)\s+us\s+not\s+to\s+(?:mention|name|tag|identify|say)\b", r"\bcan't\s+say\s+who\s+(?:the\s+)?(?:client|customer|partner)\b",
    r"\b(?:client|customer)s?\b[^.!?]{0,40}\b(?:doesn't|don't|does\s+not|do\s+not)\s+want\s+(?:to\s+be\s+(?:named|mentioned|identified)|anyone\s+to\s+know)\b",
    r"\b(?:contract|deal|work|relationship)\s+with\s+[\w'&-]+(?:\s+[\w'&-]+){0,2}\s+is\s+(?:strictly\s+)?(?:confidential|under\s+wraps|hush-hush|secret)\b",
    r"\bne\s+veu(?:t|lent)\s+pas\s+(?:que\s+ce\s+soit\s+su|(?:(?:ê|e)tre|appara(?:î|i)tre)\s+(?:nomm|cit))", r"\bpas\s+de\s+nom\s+dans\b",
    r"\bnous\s+a\s+demand(?:é|e)\s+de\s+ne\s+pas\s+(?:le|la|les)\s+(?:citer|nommer|mentionner)\b",
    r"\b(?:contrat|partenariat)\s+avec\s+[\w'&-]+(?:\s+[\w'&-]+){0,2}\s+est\s+confidentiel",
    r"\bvertraulichkeitsvereinbarung\b", r"\bkeine\s+namen\b", r"\bm(?:ö|oe)chte\s+nicht\s+genannt\s+werden\b",
    r"\bvertrag\s+mit\s+[\w'&-]+(?:\s+[\w'&-]+){0,2}\s+ist\s+vertraulich\b",
    r"\bno\s+quiere[n]?\s+que\s+se\s+sepa\b", r"\bnada\s+de\s+nombres\b", r"\bno\s+quiere[n]?\s+(?:aparecer|ser\s+nombrad|que\s+(?:le|les|lo|los)\s+nombremos)",
    r"\bcontrato\s+con\s+[\w'&-]+(?:\s+[\w'&-]+){0,2}\s+es\s+confidencial\b",
    r"\bddim\s+eisiau\s+i\s+neb\s+wybod\b", r"\bgofyn\s+i\s+ni\s+beidio\b", r"\bdim\s+enwau\b",
    r"\b(?:contract|cytundeb|cleient)\w*\b[^.!?]{0,40}\byn\s+gyfrinachol\b",
)
_NDA_PROSE5_ANCHORS = ("asked us", "told us", "can't say", "want to be", "want anyone", "confidential", "wraps", "hush", "secret", "veu", "nom", "demand",
                       "contrat", "partenariat", "vertraulich", "namen", "genannt", "quiere", "nombres", "contrato", "eisiau",
                       "gofyn", "enwau", "gyfrinachol")
# The sentence is about a client or partner (the news kept quiet is then an NDA client, not an embargo).
_CLIENTISH = _rx(r"\bclients?\b", r"\bcustomers?\b", r"\bpartnership\b", r"\bclientes?\b", r"\bkunden?\b", r"\bcleient\w*",
                 r"\bpartenariat\b", r"\bpartnerschaft\b", r"\bpartneriaeth\b", r"\balianza\b",
                 # "we train their staff": the organisation trained is a client.
                 r"\b(?:training|train)\s+(?:\w+\s+){0,2}(?:staff|teams?|employees)\s+(?:at|for|of)\b", r"\bformons\s+(?:les|l')",
                 r"\bschulen\s+(?:jetzt\s+)?die\b", r"\bformando\s+al\s+personal\b", r"\bhyfforddi\s+staff\b")
# A set release time: news held until then is an embargo or a launch, even when it is about a client.
_TIMED = _rx(r"\b(?:until|till|before|after)\b", r"\bfor\s+release\b", r"\bpress\b", r"\bmedia\b", r"\bjournalists?\b",
             r"\bannouncement\b", r"\bpublication\b", r"\bembargo", r"\bprensa\b", r"\bpresse\b", r"\bwasg\b", r"\b\d{1,2}(?:[:.h]\d\d|\s?(?:am|pm))\b", r"\bjusqu", r"\bavant\b",
             r"\bhasta\b", r"\bantes\b", r"\bbis\b", r"\bvor\b", r"\btan\b", r"\bcyn\b",
             r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|"
             r"lunes|martes|mi(?:é|e)rcoles|jueves|viernes|montag|dienstag|mittwoch|donnerstag|freitag|dydd)\b")
# A codename named as one: "codename", "nom de code", "nombre en clave", "Deckname", "enw cod" / "enw mewnol".
_CODENAME = _rx(
    # Fifth round: "internally we call it X" in five languages.
    r"\b(?:internally|in-house)\s+(?:we\s+|we're\s+|we\s+are\s+)?(?:call|calling|name|naming)\s+it\b", r"\bwe\s+call\s+it\s+[\"'“‘«]?(?-i:[A-Z])\w*\s+internally\b",
    r"\ben\s+interne\s*,?\s+(?:on\s+)?(?:l'appelle|le\s+nomme|nous\s+l'appelons)\b", r"\bintern\s+(?:hei(?:ß|ss)t|nennen\s+wir)\b",
    r"\binternamente\s+(?:lo|la)\s+llamamos\b", r"\ben\s+interno\s+se\s+llama\b", r"\byn\s+fewnol\b[^.!?]{0,30}\b(?:ei\s+alw|galw)\b",
    r"\bcode[\s-]?named?\s+(?:is\s+|was\s+)?[\"'“‘«]?(?-i:[A-Z])", r"\binternal\s+(?:project\s+)?name\s+(?:is\s+)?[\"'“‘«]?(?-i:[A-Z])",
    r"\bworking\s+title\s+(?:is\s+)?[\"'“‘«]?(?-i:[A-Z])",
    r"\bsecret\s+(?:product|project|prototype|programme|program)\b",
    r"\bnom\s+de\s+code\b", r"\bnom\s+(?:de\s+projet\s+)?interne\b", r"\bprojet\s+secret\b", r"\bproduit\s+secret\b",
    r"\bnombre\s+(?:en\s+clave|en\s+c(?:ó|o)digo|interno|secreto)\b", r"\bproyecto\s+secreto\b", r"\bproducto\s+secreto\b",
    r"\bdeckname\b", r"\binterner?\s+(?:projekt)?name\b", r"\bgeheim(?:es)?\s+(?:projekt|produkt)\b", r"\barbeitstitel\b",
    r"\benw\s+(?:cod|mewnol|cyfrinachol)\b", r"\bprosiect\s+cyfrinachol\b", r"\bcynnyrch\s+cyfrinachol\b",
)
# Answer keys and model answers in five languages: a paper's answers or its marking key.
_ANSWER_KEY = _rx(
    r"\banswer\s+keys?\b", r"\bmark(?:ing)?\s+schemes?\b", r"\bmodel\s+answers?\b", r"\bworked\s+solutions\b",
    r"\bcorrig(?:é|e)s?(?:\s+type)?\b", r"\bgrille\s+de\s+correction\b", r"\bbar(?:è|e)me\s+de\s+correction\b", r"\br(?:é|e)ponses?\s+(?:mod(?:è|e)les?|attendues?)\b",
    r"\bl(?:ö|oe)sungsschl(?:ü|ue)ssel\b", r"\bmusterl(?:ö|oe)sung(?:en)?\b", r"\bl(?:ö|oe)sungsbl(?:ä|ae)tter\b|\bl(?:ö|oe)sungsblatt\b",
    r"\berwartungshorizont\b", r"\bbewertungsschema\b",
    r"\bplantillas?\s+de\s+(?:respuestas|correcci(?:ó|o)n)\b", r"\bsolucionario\b", r"\bhoja\s+de\s+respuestas\b", r"\brespuestas?\s+modelo\b",
    r"\bcriterios\s+de\s+correcci(?:ó|o)n\b",
    r"\batebion\b", r"\bcynllun\s+marcio\b", r"\batebion\s+enghreifftiol\b",
    # Fifth round: "correct answer(s)", "expected answer" and the model answer in other languages.
    r"\b(?:correct|expected)\s+answers?\s*(?::|is|are)", r"\bmusterantworten?\b", r"\berwartete\s+antworten?\b",
    r"\brichtigen?\s+antworten?\s*(?::|sind|ist)", r"\brespuestas?\s+(?:correctas?|esperadas?)\b", r"\bsoluci(?:ó|o)n\s+modelo\b",
    r"\br(?:é|e)ponses?\s+(?:correctes?|justes?)\s*:", r"\bateb(?:ion)?\s+(?:cywir|disgwyliedig|enghreifftiol)\b",
    r"\bQ\s?\d{1,2}\s*(?:is|=|:|-|–)\s*[A-D]\b",
)
# Material of an exam that has not been sat yet: its essay question, practical task, case study or scenario.
_EXAM_TASK = _rx(
    r"\bessay\s+(?:question|title|topic)s?\b", r"\bpractical\s+(?:task|brief|assessment|scenario)s?\b", r"\bcase[\s-]study\b",
    r"\bscenario\b", r"\b(?:exam|assessment|test)\s+(?:question|task|brief|scenario|topic)s?\b", r"\bquestions?\s+\d+\b",
    r"\bsujet\s+(?:de\s+l'examen|d'examen|de\s+dissertation)\b", r"\b(?:é|e)tude\s+de\s+cas\b", r"\bépreuve\s+pratique\b|\bepreuve\s+pratique\b",
    r"\bmise\s+en\s+situation\b", r"\bcaso\s+pr(?:á|a)ctico\b", r"\bpregunta\s+(?:de\s+(?:desarrollo|ensayo)|del\s+examen)\b",
    r"\bprueba\s+pr(?:á|a)ctica\b", r"\bsupuesto\s+pr(?:á|a)ctico\b", r"\bescenario\b",
    r"\b(?:aufsatz|essay)(?:frage|thema)\b", r"\bpraktische\s+(?:aufgabe|pr(?:ü|ue)fung)\b", r"\bfallstudie\b", r"\bpr(?:ü|ue)fungsaufgabe",
    r"\bszenario\b", r"\bcwestiwn\s+(?:traethawd|yr\s+arholiad)\b", r"\btasg\s+ymarferol\b", r"\basesiad\s+ymarferol\b", r"\bastudiaeth\s+achos\b",
    r"\bsenario\b",
    # Fifth round: briefs, observations and papers that "ask", in five languages.
    r"\b(?:project|assignment|assessment)\s+brief\b", r"\b(?:the|this|their)\s+observation\b", r"\bprofessional\s+discussion\s+(?:question|topic)s?\b",
    r"\b(?:paper|exam|test|assessment)\s+(?:asks|will\s+ask|is\s+asking)\b",
    r"\bquestion\s+de\s+(?:dissertation|r(?:é|e)flexion|l'examen)\b", r"\bcas\s+pratique\b", r"\bsujet\s+de\s+l'(?:é|e)preuve\b",
    r"\bpregunta\s+(?:del?\s+)?(?:ensayo|desarrollo)\b", r"\btarea\s+pr(?:á|a)ctica\b", r"\benunciado\s+del\s+examen\b",
    r"\bpr(?:ü|ue)fungsfrage", r"\bfallbeispiel\b", r"\bessayfrage\b", r"\baufsatzthema\b",
    r"\b(?:t|d)asg\s+(?:yr\s+(?:arholiad|asesiad)|ymarferol)\b", r"\b(?:c|g)westiwn\s+(?:yr\s+)?asesiad\b", r"\b(?:c|g)westiwn\s+\d+\b",
    r"\bpregunta\s+\d+\b", r"\bquestion\s+\d+\b", r"\bfrage\s+\d+\b",
)
# ... of an exam still to come (tomorrow's, Friday's, next week's, the real one), not a past or practice paper.
_EXAM_UPCOMING = _rx(
    r"\b(?:tomorrow|tomorrow's|today's|friday's|monday's|next\s+week's|this\s+afternoon's|upcoming|real|actual|final|end-point)\b[^.!?]{0,40}"
    r"\b(?:exam|test|assessment|paper|practical|sitting|epa)\b",
    r"\b(?:exam|test|assessment|paper|practical|sitting)\s+(?:tomorrow|on\s+(?:monday|tuesday|wednesday|thursday|friday)|next\s+week|this\s+afternoon|later)\b",
    r"\b(?:will\s+be|is\s+going\s+to\s+be|they'll\s+get|they\s+get|comes?\s+up|coming\s+up)\b[^.!?]{0,40}\b(?:exam|test|assessment|paper|practical)\b",
    r"\b(?:exam|test|assessment|paper|practical)\b[^.!?]{0,60}\b(?:will\s+be|is\s+going\s+to\s+be|comes?\s+up)\b",
    r"\bdemain\b", r"\bprochain(?:e)?\s+(?:examen|épreuve|epreuve)\b", r"\bl'examen\s+de\s+(?:demain|lundi|mardi|vendredi)\b",
    r"\bma(?:ñ|n)ana\b", r"\bpr(?:ó|o)xim[oa]\s+(?:examen|prueba)\b", r"\bmorgen\b", r"\bn(?:ä|ae)chste[nr]?\s+(?:woche|pr(?:ü|ue)fung|klausur)\b",
    r"\bfory\b", r"\bwythnos\s+nesaf\b",
    # Fifth round: every weekday, "this cohort", "not released to learners yet", in five languages.
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s\b[^.!?]{0,40}\b(?:exam|test|assessment|paper|practical|epa|observation)\b",
    r"\b(?:exam|test|assessment|paper|practical|epa|observation)\s+on\s+(?:saturday|sunday)\b", r"\b(?:this|the\s+next|next)\s+cohort\b",
    r"\bnot\s+(?:yet\s+)?(?:released|issued|given|shown|published)\s+to\s+(?:learners|students|candidates|apprentices)\b",
    r"\bbefore\s+(?:the\s+)?(?:learners|students|candidates|apprentices)\s+(?:see|get|sit)\b",
    r"\bl'examen\s+(?:de|du)\s+(?:mercredi|jeudi|samedi)\b", r"\b(?:examen|prueba)(?:\s+\w+)?\s+del?\s+(?:lunes|martes|mi(?:é|e)rcoles|jueves|viernes|s(?:á|a)bado)\b",
    r"\b(?:am|n(?:ä|ae)chsten)\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag)\b", r"\bddydd\s+(?:llun|mawrth|mercher|iau|gwener|sadwrn)\b",
)
# ... or handed over in the same sentence ("here's the case study", "the essay question will be", "sera", "saldrá").
_EXAM_GIVE = _rx(
    r"\b(?:here(?:'s|\s+is|\s+are)|attached|voici|aqu(?:í|i)\s+(?:est(?:á|a)|ten[eé]is|va)|hier\s+(?:ist|sind)|dyma)\b",
    r"\b(?:will\s+be|is\s+going\s+to\s+be|comes?\s+up|is\s+about|asks?\s+(?:you|them)\s+to)\b", r"\bsera\b", r"\bporte\s+sur\b",
    r"\b(?:saldr(?:á|a)|ser(?:á|a)|cae|trata\s+(?:de|sobre))\b", r"\bkommt\s+dran\b", r"\bwird\b", r"\bgeht\s+(?:es\s+)?um\b",
    r"\bbydd\b", r"\bmae'?r\b[^.!?]{0,30}\bam\b", r"\b(?:leaked|shared|sent|copied|photographed)\b",
    # Fifth round: the task said out ("the essay question is ...", "case study: ...", "candidates must ..."),
    # and "portera sur", "fydd", "worth 20 marks".
    r"\b(?:question|task|brief|scenario|topic|title|study)\s+(?:this\s+\w+\s+gets\s+)?(?:is|are)\b", r"\bgets\s+is\b",
    r"\b(?:case[\s-]study|scenario|task|brief|question|cas\s+pratique|caso\s+pr(?:á|a)ctico|fallstudie|aufgabe|astudiaeth\s+achos|tasg)\b[^.!?:]{0,50}:\s*\w",
    r"\b(?:candidates|learners|apprentices|students)\s+(?:must|will\s+(?:have|need)\s+to|have\s+to|need\s+to)\b", r"\bso\s+practi[sc]e\s+(?:that|this|it)\b",
    r"\bportera\s+sur\b", r"\b(?:f|b)ydd\b", r"\bnot\s+(?:yet\s+)?(?:released|issued)\b",
    r"\bles\s+candidats\s+(?:doivent|devront)\b", r"\b(?:os|les|nos)\s+van\s+a\s+(?:pedir|preguntar|poner)\b",
    r"\bon\s+(?:vous|leur|nous)\s+demandera\b", r"\byn\s+gofyn\s+i\b", r"\bwird\s+(?:verlangt|gefragt|gepr(?:ü|ue)ft)\b", r"\blos\s+candidatos\s+(?:deben|tendr(?:á|a)n\s+que)\b",
    r"\bdie\s+(?:teilnehmer|teilnehmenden|pr(?:ü|ue)flinge|kandidaten)\s+m(?:ü|ue)ssen\b",
)
_EXAM_WORD = _rx(r"\bexam", r"\btest\b", r"\bassessment\b", r"\bpractical\b", r"\bepa\b", r"\bexamen\b", r"\b(?:é|e)preuve\b",
                 r"\bassessor\b", r"\b(?:written|exam)\s+paper\b", r"\bprueba\b", r"pr(?:ü|ue)fung", r"\bklausur\b", r"\barholiad\b", r"\basesiad\b", r"\bprawf\b")
_EXAM_PAST = _rx(r"\bpast\s+papers?\b", r"\bpractice\b", r"\bsample\b", r"\bspecimen\b", r"\blast\s+year's\b", r"\bpublished\b",
                 r"\bon\s+our\s+website\b", r"\bmock\b", r"\bentra(?:î|i)nement\b", r"\bexemple\b", r"\bde\s+pr(?:á|a)ctica\b",
                 r"\bejemplo\b", r"\b(?:ü|ue)bung", r"\bbeispiel", r"\bymarfer\b", r"\benghraifft\b", r"\bannales\b", r"\bformat\b",
                 r"\b\d+\s*(?:hours?|minutes|mins|heures?|horas?|stunden|munud|awr)\b", r"\bconsists?\s+of\b", r"\bwhat\s+to\s+expect\b",
                 r"\byou\s+will\s+be\s+given\b", r"\bhow\s+the\s+(?:exam|assessment)\s+works\b", r"\bduration\b", r"\bdur(?:é|e)e\b",
                 r"\bduraci(?:ó|o)n\b", r"\bdauer\b", r"\btips?\b", r"\bany\s+(?:exam|test|assessment)\b", r"\bconseils?\b",
                 r"\bconsejos?\b", r"\btipps?\b", r"\bawgrymiadau\b",
                 # Fifth round: marks per question, results and congratulations, registration.
                 r"\b(?:question|section|part)\s+\w+\s+(?:is\s+|are\s+)?worth\s+\d+\s+marks\b", r"\bcarries\s+\d+\b", r"\bwell\s+done\b", r"\bcongratulations\b",
                 r"\bcompleted\s+(?:their|the|your)\b", r"\bpassed\b(?!\s+(?:on|round|around|along|to\s+me))", r"\bregist(?:er|ration)\b",
                 r"\benrol", r"\bbring\b", r"\bphoto\s+id\b", r"\binscri", r"\banmeld", r"\bcofrestr", r"\bapport")


def lifted_embargo(text: str, context: str | None = None) -> bool:
    """Whether the draft (or ``context``) says an embargo is over, and nowhere that one is still pending."""
    where = text if context is None else context
    return _LIFTED.search(where) is not None and _PENDING.search(text) is None


def negated(text: str, subtype: SubType, start: int | None = None) -> bool:
    """Whether the draft says the kind of leak is over: the embargo lifted, the weakness fixed, the
    figures published, the project launched, or "internal"/"confidential" used in a harmless sense.

    Applies to soft cues (``start``: the cue's sentence is read, not the whole draft) and to the
    classifier alone, never to hard markers, credentials or hosts.
    """
    if start is not None and subtype in ("security_weakness", "unreleased_figures", "codename"):
        sentence = sentence_at(text, start)
        text = text[sentence.start:sentence.end]
    if subtype == "embargo":
        return lifted_embargo(text)
    if subtype == "security_weakness":
        return _FIXED.search(text) is not None and _STILL_OPEN.search(text) is None
    if subtype == "unreleased_figures":
        return _PUBLISHED.search(text) is not None and _NOT_PUBLIC.search(text) is None
    if subtype == "codename":
        return _LAUNCHED.search(text) is not None and _SECRECY.search(text) is None
    if subtype == "internal_marker":
        return _BENIGN_INTERNAL.search(text) is not None
    return False


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
        elif _CLIENTISH.search(text, sentence.start, sentence.end) and not _TIMED.search(text, sentence.start, sentence.end):
            add(match.start(), ("nda_client",), 0.4, "a client relationship presented as not yet public")
        else:
            kinds = ("embargo", "codename", "nda_client", "unreleased_figures")
            add(match.start(), kinds if _TIMED.search(text) else kinds[1:], 0.35, "information presented as not yet public")
    for match in _SECRECY.finditer(text) if _has(lowered, _SECRECY_ANCHORS) else ():
        sentence = sentence_at(text, match.start())
        # "Off the record: starts are down 14%": kept quiet *and* a figure may be unreleased figures.
        kinds: tuple[SubType, ...] = ("nda_client", "codename", "embargo")
        if _FIGURE.search(text, sentence.start, sentence.end):
            kinds = (*kinds, "unreleased_figures")
        elif _CLIENTISH.search(text, sentence.start, sentence.end) and not _TIMED.search(text, sentence.start, sentence.end):
            kinds = ("nda_client",)  # a client kept quiet, not an announcement held until a set time
        if "embargo" in kinds and not _TIMED.search(text):
            # An embargo holds news until a set time; with none anywhere in the draft it is another secret.
            kinds = tuple(k for k in kinds if k != "embargo")
        add(match.start(), kinds, 0.4, "a request to keep something quiet")
    for match in _PROJECT.finditer(text) if _has(lowered, ("project", "operation")) else ():
        sentence = sentence_at(text, match.start())
        weight = 0.45 if _LAUNCH.search(text, sentence.start, sentence.end) else 0.3
        add(match.start(), ("codename",), weight, "a project codename")
    for match in _PROJECT_INTL.finditer(text) if _has(lowered, ("projet", "projekt", "proyecto", "prosiect")) else ():
        sentence = sentence_at(text, match.start())
        # Outside English a cue alone reports (see the detector's non-English floor): only a named project
        # with a launch still to come or a request for silence in the same sentence.
        if any(p.search(text, sentence.start, sentence.end) for p in (_LAUNCH_INTL, _SECRECY, _NOT_PUBLIC)):
            add(match.start(), ("codename",), 0.5, "a named project with a launch still to come")
    for match in _LAUNCH.finditer(text) if _has(lowered, _LAUNCH_ANCHORS) else ():
        add(match.start(), ("codename",), 0.2, "a launch plan")
    # Whole-draft checks first: most drafts have no unfixed-sounding word or no exam word at all.
    for match in _VULN.finditer(text) if _UNFIXED.search(text) else ():
        sentence = sentence_at(text, match.start())
        context = text[sentence.start:sentence.end]
        if _UNFIXED.search(context) and not _TEACHING.search(context):
            add(match.start(), ("security_weakness",), 0.5, "a security weakness described as unfixed")
    plain = [*([_WEAK_PLAIN] if _has(lowered, _WEAK_PLAIN_ANCHORS) else []), *(pattern for anchors, pattern in _WEAK_GROUPS if _has(lowered, anchors))]
    for match in (m for pattern in plain for m in pattern.finditer(text)):
        sentence = sentence_at(text, match.start())
        if not _TEACHING.search(text, sentence.start, sentence.end):
            add(match.start(), ("security_weakness",), 0.5, "a security weakness described in plain words")
    nda = [_NDA_PROSE, *([_NDA_PROSE5] if _has(lowered, _NDA_PROSE5_ANCHORS) else [])]
    for match in (m for pattern in nda for m in pattern.finditer(text)):
        sentence = sentence_at(text, match.start())
        if not (_SERVICE.search(text, sentence.start, sentence.end) or _CONSENT.search(text, sentence.start, sentence.end)):
            add(match.start(), ("nda_client",), 0.5, "a client said to be under NDA or not yet announced")
    for match in _CODENAME.finditer(text):
        add(match.start(), ("codename",), 0.5, "an internal codename or secret product")
    keys = _has(lowered, _ANSWER_KEY_ANCHORS) or _Q_NUMBER.search(text) is not None
    tasks = _has(lowered, _EXAM_WORD_ANCHORS) and _EXAM_WORD.search(text) is not None
    if (keys or tasks) and _EXAM_PAST.search(text) is None:
        for match in _ANSWER_KEY.finditer(text) if keys else ():
            add(match.start(), ("exam_content",), 0.5, "an answer key or model answers")
        for match in _EXAM_TASK.finditer(text) if tasks else ():
            sentence = sentence_at(text, match.start())
            if _EXAM_UPCOMING.search(text) or _EXAM_GIVE.search(text, sentence.start, sentence.end):
                add(match.start(), ("exam_content",), 0.5, "the task or question of an exam still to be sat")
    exam = _has(lowered, _EXAM_ANCHORS) and _EXAM.search(text) is not None
    for match in _ANSWERS.finditer(text) if exam and (_EXAM_LEAK.search(text) or _EXAM_HINT.search(text)) else ():
        sentence = sentence_at(text, match.start())
        context = text[sentence.start:sentence.end]
        if not _EXAM.search(context) or _EXAM_OK.search(context):
            continue
        if _EXAM_LEAK.search(context):
            add(match.start(), ("exam_content",), 0.5, "exam questions or answers")
        elif _EXAM_HINT.search(context):
            add(match.start(), ("exam_content",), 0.4, "exam material passed on")
    for match in _RELEASE.finditer(text) if _has(lowered, _RELEASE_ANCHORS) else ():
        sentence = sentence_at(text, match.start())
        if _CONSENT.search(text, sentence.start, sentence.end):
            continue  # "don't post photos of learners until you have their consent" is safeguarding advice
        add(match.start(), ("embargo", "codename"), 0.45, "news held back until a release time")
    for match in _NDA_SOFT.finditer(text) if _has(lowered, _NDA_SOFT_ANCHORS) else ():
        sentence = sentence_at(text, match.start())
        if not (_SERVICE.search(text, sentence.start, sentence.end) or _CONSENT.search(text, sentence.start, sentence.end)):
            add(match.start(), ("nda_client",), 0.45, "a client relationship said to be confidential")
    return cues


def find(text: str) -> tuple[list[Hit], list[Cue]]:
    """Hard marker hits and soft cues of one draft."""
    return _marker_hits(text), _cues(text)
