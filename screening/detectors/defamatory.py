"""Defamatory statements about identifiable people or organisations (``defamatory.minilm.v1``).

A sentence is reported when three things hold together:

1. **Allegation**: a classifier head over the sentence's MiniLM embedding says it alleges crime,
   fraud, dishonesty, bribery, falsification, counterfeiting, dangerous incompetence,
   drunkenness at work, sexual misconduct or other misconduct (``models/defamatory/v1``);
2. **Target**: the sentence names a person or organisation (spaCy PERSON/ORG entities, proper
   nouns, @handles) or describes one identifiably ("our former trainer", "the HSE inspector who
   visited yesterday", "a certain supplier in Leicester"), or it refers back with a pronoun to
   a target in one of the two sentences before. "Some suppliers", "people like that" are not
   identifiable, so an allegation about them is not reported;
3. **Assertion**: the allegation is asserted, insinuated or repeated as rumour. A neutral report
   of an official outcome with its source ("HSE reports that X was fined at Leicester
   Magistrates' Court") is not reported.

Assertion cues set the severity: a crime, fraud, bribery, falsification, counterfeiting or
sexual-misconduct allegation stated as fact is ``high``; rumour ("I heard that ..."),
insinuation ("draw your own conclusions"), allegations marked as opinion, and the other kinds
(dishonesty, incompetence, drunkenness, misconduct) are ``medium``.

The whole-draft embedding is not enough to say *which* sentence carries an allegation, so the
detector encodes each sentence itself with ``load_encoder()``, batched over every draft in the
call. It reads the shared spaCy ``Doc`` for sentences, entities and the parse.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from screening.detectors.base import Draft, Feature
from screening.detectors.registry import register
from screening.errors import DetectorError, ModelLoadError
from screening.findings import Category, Detection, Finding, Severity

if TYPE_CHECKING:
    from pathlib import Path

    import numpy as np
    from spacy.tokens import Doc, Span, Token

    from screening.policy.model import Policy

logger = logging.getLogger(__name__)

ARTEFACT_NAME = "defamatory"
ARTEFACT_VERSION = "v1"

KIND_DESCRIPTIONS: dict[str, str] = {
    "crime": "a crime",
    "fraud": "fraud",
    "dishonesty": "dishonesty",
    "bribery": "bribery or corruption",
    "falsification": "falsified certificates, records or results",
    "counterfeit": "selling or supplying counterfeit goods",
    "dangerous_incompetence": "incompetence that endangers others",
    "drunkenness": "drunkenness at work",
    "sexual_misconduct": "sexual misconduct",
    "misconduct": "misconduct",
}
# Allegations that are high severity when stated as fact (criminal or sexual wrongdoing).
SERIOUS_KINDS = frozenset({"crime", "fraud", "bribery", "falsification", "counterfeit", "sexual_misconduct"})

# -- targets ------------------------------------------------------------------------------------

_NAMED_LABELS = frozenset({"PERSON", "ORG"})
# Other entity labels the small model sometimes gives to people's or firms' names; places,
# dates, amounts, groups of people and laws are never targets.
_MAYBE_NAMED_LABELS = frozenset({"LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
_BARE_NAME_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "appos", "dobj", "conj", "attr", "ROOT"})
_SUBJECT_LIKE = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "attr", "conj", "npadvmod", "ROOT"})

# Nouns for people and organisations that, made definite ("the", "our", "that"), pick out one
# identifiable party. Plural forms ("some suppliers") are generic and not listed here on purpose.
ROLE_NOUNS = frozenset("""
accountant agency agent apprentice assessor auditor boss builder bursar business buyer caretaker ceo
chair chairman chairwoman chief cleaner client coach college colleague company competitor consultant
contractor coordinator councillor customer dealer dentist department deputy director doctor driver
electrician employer engineer examiner firm foreman gaffer garage guy bloke head headteacher inspector
instructor landlord lady lecturer man manager mechanic moderator officer operator organisation owner
partner plumber president principal provider receptionist rep representative rival roofer school
scaffolder secretary shop solicitor subcontractor supervisor supplier surveyor teacher technician
trainer treasurer tutor vendor wholesaler woman
""".split())
_DEFINITE_DETS = frozenset({"the", "this", "that"})
_POSSESSIVES = frozenset({"our", "my", "their", "your", "his", "her", "whose"})
_SPECIFIC_ADJS = frozenset({"certain", "particular", "specific"})
_ANAPHORS = frozenset({"he", "she", "they", "him", "her", "them", "his", "their", "its", "it"})
_HANDLE = re.compile(r"^@\w{2,}$")

# -- assertion cues (lower-cased phrases, matched on token boundaries) -------------------------

RUMOUR_CUES = (
    "i heard", "i've heard", "i have heard", "heard that", "apparently", "rumour", "rumor", "rumours",
    "word is", "word on the street", "i'm told", "i am told", "i was told", "told me", "someone said",
    "allegedly", "supposedly", "people are saying", "they say", "so i hear", "gossip",
)
INSINUATION_CUES = (
    "draw your own conclusions", "make of it what you will", "make of that what you will", "just saying",
    "just asking", "makes you wonder", "make you wonder", "funny how", "interesting that", "interesting how",
    "you didn't hear it from me", "not saying", "i'll just leave this here", "leave this here", "ask yourself",
    "no smoke without fire", "you know who you are", "explains a lot", "not naming names", "wink",
    "i wonder why", "coincidence",
)
OPINION_CUES = (
    "i reckon", "i think", "in my view", "in my opinion", "imo", "imho", "i believe", "i suspect",
    "personally", "if you ask me", "i feel",
)
OFFICIAL_SOURCES = (
    "hse", "health and safety executive", "crown prosecution service", "cps", "police", "constabulary",
    "trading standards", "serious fraud office", "sfo", "ofqual", "ofsted", "environment agency",
    "gas safe register", "tribunal", "magistrates' court", "magistrates court", "crown court", "high court",
    "court of appeal", "the court", "the judge", "regulator", "regulation authority", "conduct authority",
    "fca", "insolvency service", "information commissioner", "ico", "charity commission",
    "companies house", "the council", "ombudsman", "coroner", "inquest", "awarding body", "esfa",
)
OFFICIAL_VERBS = (
    "reports", "reported", "report", "said in a statement", "statement", "confirmed", "confirms", "announced",
    "announces", "published", "publishes", "states", "stated", "according to", "decision", "press release",
    "ruled", "ruling", "found that", "judgment", "judgement", "records show", "notice",
)


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


_RUMOUR = _phrase_pattern(RUMOUR_CUES)
_INSINUATION = _phrase_pattern(INSINUATION_CUES)
_OPINION = _phrase_pattern(OPINION_CUES)
_OFFICIAL_SOURCE = _phrase_pattern(OFFICIAL_SOURCES)
_OFFICIAL_VERB = _phrase_pattern(OFFICIAL_VERBS)


@dataclass(frozen=True, slots=True)
class Target:
    """An identifiable person or organisation found in a sentence."""

    text: str
    kind: str  # "named", "handle", "description" or "resolved" (pronoun referring back)
    start: int = -1  # character offsets in the draft; -1 for a resolved target
    end: int = -1


@dataclass(frozen=True, slots=True)
class Cues:
    """Assertion cues of one sentence."""

    rumour: bool
    insinuation: bool
    opinion: bool
    official: bool

    @property
    def assertion(self) -> str:
        """How the allegation is put: ``official``, ``insinuation``, ``rumour``, ``opinion`` or ``fact``."""
        if self.official:
            return "official"
        if self.insinuation:
            return "insinuation"
        if self.rumour:
            return "rumour"
        if self.opinion:
            return "opinion"
        return "fact"


@dataclass(frozen=True, slots=True)
class SentenceUnit:
    """One sentence of one draft, with what the rules found in it."""

    draft: int
    start: int
    end: int
    text: str
    masked: str
    targets: tuple[Target, ...]
    antecedents: tuple[Target, ...]
    has_anaphor: bool
    cues: Cues


def assertion_cues(sentence: Span, context: str = "") -> Cues:
    """Rumour, insinuation, opinion and official-source cues of a sentence.

    ``context`` is the text of the neighbouring sentence(s): insinuation is often a separate
    sentence ("... Draw your own conclusions."). An official-source report needs both an official
    body and a reporting or ruling word, and no rumour cue ("I heard the HSE ..." is rumour).
    """
    lowered = sentence.text.lower().replace("\u2019", "'")
    around = context.lower().replace("\u2019", "'")
    rumour = bool(_RUMOUR.search(lowered))
    insinuation = bool(_INSINUATION.search(lowered) or _INSINUATION.search(around))
    if not insinuation and lowered.rstrip().endswith("?") and not lowered.lstrip().startswith(("who ", "what ")):
        # An allegation put as a rhetorical question ("has anyone checked whether X ...?").
        insinuation = True
    opinion = bool(_OPINION.search(lowered))
    official = bool(_OFFICIAL_SOURCE.search(lowered) and _OFFICIAL_VERB.search(lowered)) and not rumour
    if not official and not rumour:
        # "was fined £12,000 at Leicester Magistrates' Court": a court named as the outcome's source.
        official = any(ent.label_ in {"ORG", "FAC"} and re.search(r"\bcourt\b|\btribunal\b", ent.text.lower())
                       for ent in sentence.ents)
    return Cues(rumour=rumour, insinuation=insinuation, opinion=opinion, official=official)


def _is_official_body(text: str) -> bool:
    return bool(_OFFICIAL_SOURCE.fullmatch(text.lower().removeprefix("the ")))


_NOT_NAMES = frozenset("""
rumour rumours fact warning avoid apparently word someone everyone honestly congratulations thanks shout
huge massive not just requires improvement reminder ps heads interesting funny makes let be great big
cscs ppe ce ukca dbs pat ffp3 nvq btec gcse
""".split())
# Verbs the small parser wrongly takes a reported clause's subject as the object of
# ("told me the examiner ... has been"): a description attached to them still counts.
_REPORTING_HEADS = frozenset({"told", "tell", "heard", "hear", "said", "say", "reckon", "think", "know", "knew"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "to", "around", "across"})
# A description is the accused only as a subject or apposition: "bribed the inspector" accuses
# the subject, not the inspector. Earlier sentences' descriptions may still be referred back to.
_DESCRIPTION_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "ROOT", "attr", "conj", "compound"})


def _description(token: Token) -> tuple[int, int] | None:
    """Character span of the identifying noun phrase headed by ``token`` (a definite role noun)."""
    if token.tag_ not in {"NN", "NNP"} or token.lower_ not in ROLE_NOUNS:
        return None
    children = list(token.children)
    dets = {c.lower_ for c in children if c.dep_ == "det"}
    adjs = {c.lower_ for c in children if c.dep_ == "amod"}
    # The small parser attaches determiners oddly in long noun phrases ("our ex-bursar"), so
    # the few words before the noun are read as well, stopping at a verb or punctuation.
    before: list[str] = []
    for left in reversed(token.doc[max(token.sent.start, token.i - 5) : token.i]):
        if left.pos_ in {"AUX", "ADP", "SCONJ", "CCONJ"} or (left.is_punct and left.text != "-") or (
            left.pos_ == "VERB" and left.dep_ not in {"amod", "compound"}
        ):
            break
        before.append(left.lower_)
    words = dets | set(before)
    identifiable = bool(words & (_DEFINITE_DETS | _POSSESSIVES)) or bool(
        words & {"a", "an", "one"} and (adjs | set(before)) & _SPECIFIC_ADJS
    )
    has_named_possessor = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in children)
    if not (identifiable or has_named_possessor):
        return None
    left_i = min(token.left_edge.i, token.i - len(before))
    right_i = token.right_edge.i
    if right_i - left_i > 14:
        right_i = token.i
    phrase = token.doc[left_i : right_i + 1]
    return phrase.start_char, phrase.end_char


def _names_a_party(ent: Span) -> bool:
    """Whether an entity reads as a person's or organisation's name rather than a place."""
    if ent.label_ in _NAMED_LABELS:
        return True
    if not all(t.is_title or t.is_upper or not t.is_alpha for t in ent):
        return False
    if ent.label_ in _MAYBE_NAMED_LABELS:
        return all(t.pos_ == "PROPN" for t in ent)
    if ent.label_ in {"GPE", "NORP"}:
        # The small model tags many invented names as places ("Marcus Okafor" GPE): a multi-word
        # "place" that acts as a subject and is not introduced by "in", "at", ... is taken as a name.
        preceding = ent.doc[ent.start - 1].lower_ if ent.start > ent.sent.start else ""
        return len(ent) >= 2 and ent.root.dep_ in {"nsubj", "nsubjpass", "poss", "appos", "dobj", "conj"} and (
            preceding not in _PLACE_PREPOSITIONS
        )
    return False


def _bare_name(token: Token, sentence: Span) -> bool:
    """A proper noun the entity recogniser missed that acts as a party ("Gareth stole ...").

    Only as subject, object or possessor, never a place (entity type or "in/at ..." before it),
    and not a capitalised common word at the start of a sentence ("Card is in the staff room").
    """
    if token.pos_ != "PROPN" or not token.is_title:
        return False
    if token.ent_type_:
        # Only a multi-word "place" or "group" can be a misread name ("Ashgrove Lifts" NORP);
        # single places ("Coalville") are not parties.
        if token.ent_type_ not in {"GPE", "NORP", "LOC", "FAC", "PRODUCT"}:
            return False
        entity = next((e for e in sentence.ents if e.start <= token.i < e.end), None)
        if entity is None or len(entity) < 2:
            return False
    if token.lower_ in _NOT_NAMES or token.lower_ in ROLE_NOUNS or _is_official_body(token.text):
        return False
    head_ok = token.dep_ in _BARE_NAME_DEPS or (
        token.dep_ == "compound" and token.head.is_title and token.head.dep_ in _BARE_NAME_DEPS
    )
    if not head_ok:
        return False
    if token.i > sentence.start and token.doc[token.i - 1].lower_ in _PLACE_PREPOSITIONS:
        return False
    if token.i == sentence.start:
        following = token.doc[token.i + 1] if token.i + 1 < sentence.end else None
        return following is not None and following.pos_ == "PROPN"
    return True


def find_targets(sentence: Span, *, subjects_only: bool = True) -> tuple[Target, ...]:
    """Identifiable people and organisations mentioned in one sentence.

    Names count wherever they stand; descriptions ("the inspector") only as subjects unless
    ``subjects_only`` is False (used for the sentences a pronoun may refer back to). The doc is
    parsed first if the shared pass left it without a parse.
    """
    from screening.nlp import parse

    parse([sentence.doc])
    found: list[Target] = []
    covered: set[int] = set()
    for ent in sentence.ents:
        if not _names_a_party(ent):
            continue
        text = ent.text
        if text.lower() in _NOT_NAMES:
            continue
        first = text.split(" ", 1)
        if len(first) == 2 and first[0].lower() in _NOT_NAMES:
            text = first[1]
        if _is_official_body(text):
            continue
        found.append(Target(text=text, kind="named", start=ent.end_char - len(text), end=ent.end_char))
        covered.update(range(ent.start, ent.end))
    for token in sentence:
        if token.i in covered:
            continue
        if _HANDLE.match(token.text):
            found.append(Target(text=token.text, kind="handle", start=token.idx, end=token.idx + len(token)))
            continue
        if _bare_name(token, sentence):
            # A name the recogniser missed spans the whole run of capitalised proper nouns.
            last = token.i
            while last + 1 < sentence.end and token.doc[last + 1].pos_ == "PROPN" and token.doc[last + 1].is_title:
                last += 1
            name = token.doc[token.i : last + 1]
            found.append(Target(text=name.text, kind="named", start=name.start_char, end=name.end_char))
            covered.update(range(token.i, last + 1))
            continue
        if token.dep_ == "compound" and not any(c.dep_ in {"det", "poss"} for c in token.children):
            continue  # "the client dinner": the determiner belongs to "dinner"
        if subjects_only and token.dep_ not in _DESCRIPTION_DEPS and not (
            token.dep_ in {"dobj", "dative"} and token.head.lower_ in _REPORTING_HEADS
        ):
            continue
        described = _description(token)
        if described is not None:
            start, end = described
            found.append(Target(text=token.doc.text[start:end], kind="description", start=start, end=end))
    return tuple(found)


def mask_targets(sentence: Span, targets: Sequence[Target]) -> str:
    """The sentence with each named or described target replaced by "someone".

    The classifier reads what is alleged, not who it is alleged of: names vary without end and
    would otherwise be learnt as cues ("Castellan Supplies" is neither guilty nor innocent).
    """
    text = sentence.text
    offset = sentence.start_char
    spans = sorted({(t.start - offset, t.end - offset) for t in targets if t.start >= 0}, reverse=True)
    last_start = len(text) + 1
    for start, end in spans:
        if end > last_start or start < 0:
            continue  # overlapping spans: keep the later one
        text = text[:start] + "someone" + text[end:]
        last_start = start
    return text


def split_sentences(doc: Doc, draft_index: int = 0) -> list[SentenceUnit]:
    """The draft's sentences with their targets and assertion cues (the doc is parsed if it is not yet)."""
    from screening.nlp import parse

    parse([doc])
    sentences = [s for s in doc.sents if s.text.strip()]
    units = []
    for i, sentence in enumerate(sentences):
        context = " ".join(s.text for s in sentences[i + 1 : i + 2])
        targets = find_targets(sentence)
        units.append(SentenceUnit(
            draft=draft_index,
            start=sentence.start_char,
            end=sentence.end_char,
            text=sentence.text,
            masked=mask_targets(sentence, targets),
            targets=targets,
            antecedents=find_targets(sentence, subjects_only=False),
            has_anaphor=any(t.lower_ in _ANAPHORS for t in sentence),
            cues=assertion_cues(sentence, context),
        ))
    return units


def resolve_target(units: Sequence[SentenceUnit], index: int) -> Target | None:
    """The sentence's own target, or one a pronoun refers back to in the two sentences before."""
    unit = units[index]
    if unit.targets:
        return unit.targets[0]
    if unit.has_anaphor:
        for back in range(index - 1, max(-1, index - 3), -1):
            if units[back].antecedents:
                return Target(text=units[back].antecedents[0].text, kind="resolved")
    return None


def severity_for(kind: str, cues: Cues) -> Severity:
    """High for a serious allegation stated as fact; medium otherwise."""
    if kind in SERIOUS_KINDS and cues.assertion == "fact":
        return "high"
    return "medium"


def explanation_for(kind: str, target: Target, cues: Cues) -> str:
    """A sentence for staff: who is targeted, with what, and how it is put."""
    how = {
        "fact": "states as fact",
        "rumour": "repeats as rumour",
        "insinuation": "insinuates",
        "opinion": "puts as opinion",
        "official": "reports",
    }[cues.assertion]
    return (
        f"This sentence {how} an allegation of {KIND_DESCRIPTIONS[kind]} against {target.text}. "
        "An allegation like this about an identifiable person or organisation can be defamatory "
        "(Defamation Act 2013) unless it is true and can be proved, or is honest opinion on stated facts."
    )


# -- the detector -----------------------------------------------------------------------------

# Types a skops file of this artefact may contain; anything else is refused at load.
_TRUSTED_TYPES = (
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.isotonic.IsotonicRegression",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.model_selection._split.StratifiedKFold",
    "sklearn.utils._bunch.Bunch",
    "numpy.dtype",
    "builtins.slice",
)


def _load_skops(path: Any) -> Any:
    import skops.io as sio

    untrusted = sio.get_untrusted_types(file=path)
    unexpected = [t for t in untrusted if t not in _TRUSTED_TYPES]
    if unexpected:
        raise ModelLoadError(
            f"Model file {str(path)!r} contains types this detector does not trust: {unexpected}. "
            "Retrain with `screening train defamatory` rather than loading a file from elsewhere."
        )
    return sio.load(path, trusted=untrusted)


def _compiled_heads(allegation: Any, kind: Any) -> tuple[Any, Any]:
    """Compiled copies of the two heads, checked against scikit-learn on probe vectors."""
    import numpy as np

    from screening.compiled import CompiledLogisticRegression, check_close, compile_head

    compiled_allegation, compiled_kind = compile_head(allegation), CompiledLogisticRegression(kind)
    probe = np.random.default_rng(0).standard_normal((8, compiled_allegation.dims))
    probe /= np.linalg.norm(probe, axis=1, keepdims=True)
    check_close(compiled_allegation.proba(None, probe), allegation.predict_proba(probe), "defamation heads", 1e-5)
    check_close(compiled_kind.proba(probe), kind.predict_proba(probe), "defamation heads", 1e-5)
    return compiled_allegation, compiled_kind


@register("defamatory.minilm.v1")
class DefamatoryDetector:
    """Sentence-level defamation detector: MiniLM sentence embeddings + calibrated heads + rules."""

    name: ClassVar[str] = "defamatory.minilm.v1"
    version: ClassVar[str] = "1"
    categories: ClassVar[tuple[Category, ...]] = ("defamatory",)
    requires: ClassVar[frozenset[Feature]] = frozenset({"doc", "embedding"})

    def __init__(self, policy: Policy | None = None, *, models_root: Path | None = None) -> None:
        self.policy = policy
        self.models_root = models_root
        self._lock = threading.Lock()
        self._allegation: Any = None
        self._kind: Any = None
        self.threshold_: float = 0.5

    def load(self) -> None:
        """Load and verify the artefact (idempotent)."""
        with self._lock:
            if self._allegation is not None:
                return
            from screening import encoder
            from screening.artefacts import load_artefact

            artefact = load_artefact(ARTEFACT_NAME, ARTEFACT_VERSION, root=self.models_root)
            trained_on = artefact.metadata.get("encoder", {}).get("artefact_version")
            if trained_on != encoder.ARTEFACT_VERSION:
                # The heads read embeddings: another encoder gives other vectors, and silently
                # wrong scores.
                raise ModelLoadError(
                    f"Artefact {ARTEFACT_NAME}/{ARTEFACT_VERSION} was trained on encoder {trained_on!r}, "
                    f"but the installed encoder is {encoder.ARTEFACT_VERSION!r}; retrain with "
                    "`screening train defamatory`."
                )
            allegation = _load_skops(artefact.file("allegation.skops"))
            kind = _load_skops(artefact.file("kind.skops"))
            self._compiled_allegation, self._compiled_kind = _compiled_heads(allegation, kind)
            self._allegation, self._kind = allegation, kind
            self.threshold_ = float(artefact.metadata.get("threshold", 0.5))
            logger.info("loaded %s/%s (threshold %.2f)", ARTEFACT_NAME, ARTEFACT_VERSION, self.threshold_)

    def score_sentences(self, texts: list[str]) -> tuple[np.ndarray, list[str], np.ndarray]:
        """Allegation probability, most likely kind and that kind's probability for each sentence."""
        import numpy as np

        from screening.encoder import load_encoder

        self.load()
        if not texts:
            return np.zeros(0), [], np.zeros(0)
        embeddings = load_encoder().encode(texts)
        allegation = self._compiled_allegation.proba(None, embeddings)[:, 1]
        kind_proba = self._compiled_kind.proba(embeddings)
        best = kind_proba.argmax(axis=1)
        kinds = [str(self._kind.classes_[i]) for i in best]
        return allegation, kinds, kind_proba[np.arange(len(best)), best]

    def detect(self, drafts: Sequence[Draft]) -> list[Detection]:
        """One ``Detection`` per draft: a finding per sentence carrying an allegation."""
        per_draft: list[list[SentenceUnit]] = []
        for index, draft in enumerate(drafts):
            if draft.doc is None:
                raise DetectorError(
                    f"Draft {index} has no spaCy doc; {self.name} requires 'doc' and must run in the pipeline."
                )
        from screening.nlp import parse

        # Drafts the pipeline's first stage cleared are not examined (no learned model could flag them).
        parse([d.doc for d in drafts if not d.cleared])  # the shared pass leaves the parser to its users
        for index, draft in enumerate(drafts):
            per_draft.append([] if draft.cleared else split_sentences(draft.doc, index))
        # Only sentences with a target that are not official reports can be reported: encode those alone.
        targets = [[resolve_target(units, i) for i in range(len(units))] for units in per_draft]
        wanted = [(d, i) for d, units in enumerate(per_draft) for i, unit in enumerate(units)
                  if targets[d][i] is not None and not unit.cues.official]
        allegation, kinds, _ = self.score_sentences([per_draft[d][i].masked for d, i in wanted])
        scored = {key: (float(p), kind) for key, p, kind in zip(wanted, allegation, kinds, strict=True)}

        detections = []
        for d, units in enumerate(per_draft):
            findings: list[Finding] = []
            best = 0.0
            for i, unit in enumerate(units):
                target = targets[d][i]
                if (d, i) not in scored or target is None:
                    continue
                p, kind = scored[(d, i)]
                best = max(best, p)
                if p < self.threshold_:
                    continue
                findings.append(Finding(
                    category="defamatory", label=kind, start=unit.start, end=unit.end, text=unit.text,
                    score=round(p, 4), severity=severity_for(kind, unit.cues), detector=self.name,
                    explanation=explanation_for(kind, target, unit.cues),
                ))
                logger.debug("defamatory %s score=%.3f at [%d, %d) target=%s assertion=%s", kind, p,
                             unit.start, unit.end, target.kind, unit.cues.assertion)
            detections.append(Detection(findings=findings, scores={"defamatory": round(best, 4)}))
        return detections
