"""Special-category facts (UK GDPR Art. 9, and criminal-offence data, Art. 10) about a named person.

"Tom from accounts is off with depression", "Sarah in HR is pregnant", "Ahmed is gay": a term for
health, pregnancy, religion, sexual orientation, ethnicity, political opinion, trade-union
membership or a criminal record, in the same sentence as a person's name. The same terms in a
sentence about a topic ("a talk on diabetes prevention", "Mental Health Awareness Week") are not
about anyone, and score below the threshold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re
from presidio_analyzer import EntityRecognizer, RecognizerResult

from screening.detectors.pii_recognizers._context import phrases

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts
    from spacy.tokens import Span

# label suffix -> the phrases that state such a fact about someone
TERMS: dict[str, re.Pattern[str]] = {
    "HEALTH": phrases(
        r"depress(?:ion|ed)", r"anxiety", r"panic attacks?", r"(?:mental|nervous) breakdown",
        r"mental health (?:issues|problems|condition|crisis)", r"cancer", r"chemo(?:therapy)?",
        r"radiotherapy", r"tumou?r", r"leuka?emia", r"diabet(?:es|ic)", r"hiv(?: positive)?",
        r"epilep(?:sy|tic)", r"bipolar", r"schizophreni(?:a|c)", r"dementia", r"alzheimer'?s",
        r"autis(?:m|tic)", r"adhd", r"dyslexi(?:a|c)", r"ocd", r"ptsd", r"(?:had|has|suffered) a stroke",
        r"heart attack", r"miscarriage", r"surgery", r"(?:had|having|has|needs) an operation",
        r"in hospital", r"hospitali[sz]ed", r"rehab", r"addiction", r"alcoholi(?:c|sm)",
        r"eating disorder", r"anorexi(?:a|c)", r"bulimi(?:a|c)", r"off sick", r"sick leave",
        r"signed off(?: sick)?", r"long covid", r"covid", r"multiple sclerosis", r"arthritis",
        r"infertil(?:e|ity)", r"ivf", r"terminally ill", r"terminal illness", r"antidepressants",
        r"therapy", r"diagnosed", r"(?:is|was|registered|being) disabled", r"disability", r"wheelchair user", r"chronic \w+",
        r"migraines", r"crohn'?s", r"(?:medical|health) condition", r"illness", r"self[- ]harm(?:ing)?",
        r"suicidal", r"overdose",
    ),
    "PREGNANCY": phrases(
        r"pregnant", r"pregnancy", r"expecting (?:a baby|twins|their first|her first|his first)",
        r"maternity leave", r"morning sickness", r"baby bump", r"due date",
    ),
    "RELIGION": phrases(
        r"muslim", r"christian", r"jewish", r"hindu", r"sikh", r"buddhist", r"atheist", r"catholic",
        r"protestant", r"mormon", r"jehovah'?s witness", r"evangelical", r"devout", r"religious",
        r"converted to (?:islam|christianity|judaism|hinduism|sikhism|buddhism|catholicism)",
        r"goes to (?:the )?(?:mosque|church|synagogue|temple|gurdwara)", r"born[- ]again",
    ),
    "SEXUAL_ORIENTATION": phrases(
        r"gay", r"lesbian", r"bisexual", r"is bi", r"homosexual", r"queer", r"pansexual", r"asexual",
        r"came out", r"coming out", r"in the closet", r"closeted",
    ),
    "GENDER_IDENTITY": phrases(
        r"transgender", r"trans (?:woman|man|person)", r"transitioning", r"non-binary", r"nonbinary",
        r"gender reassignment",
    ),
    "ETHNICITY": phrases(
        r"(?:is|'s|was) (?:a )?(?:black|asian|mixed[- ]race|roma|romani|gypsy|irish traveller)",
        r"mixed[- ]race", r"of \w+ (?:descent|heritage|ethnicity|ethnic origin)", r"ethnic(?:ally)? \w+",
    ),
    "POLITICAL_OPINION": phrases(
        r"vot(?:es|ed|ing) (?:for )?(?:labour|tory|tories|conservative|lib ?dem|liberal democrats?|green"
        r"|reform|snp|plaid(?: cymru)?|ukip)",
        r"(?:member of|joined|supports?|canvass(?:es|ing) for) (?:the )?(?:labour|conservative|tory|green"
        r"|reform|liberal democrat|lib dem|snp|plaid cymru|ukip)(?: party| uk)?",
        r"(?:labour|tory|conservative|green party|reform uk|lib dem|snp|ukip) (?:member|supporter|activist"
        r"|voter)", r"far[- ]right", r"far[- ]left", r"communist",
    ),
    "TRADE_UNION": phrases(
        r"union rep(?:resentative)?", r"shop steward", r"union member(?:ship)?",
        r"(?:member of|joined) (?:the )?(?:ucu|unison|unite|gmb|nasuwt|neu|pcs|rcn|union)",
        r"(?:ucu|unison|unite|gmb|neu|pcs|nasuwt) (?:member|rep)", r"joined the union",
    ),
    "CRIMINAL_RECORD": phrases(
        r"criminal record", r"previous convictions?", r"convicted", r"conviction for", r"(?:was|got|been) arrested",
        r"in prison", r"served time", r"served \w+ (?:years|months) in", r"on probation", r"on bail",
        r"cautioned by (?:the )?police", r"sex offender", r"ex-con", r"jailed", r"prison sentence",
        r"spent conviction", r"community service",
    ),
}

# Words that make the sentence about a topic, not a person.
TOPIC = phrases(
    r"awareness", r"talks? (?:on|about)", r"lectures?", r"webinar", r"seminar", r"workshop", r"research(?:ers?)?",
    r"prevention", r"campaign", r"charity", r"fundrais(?:er|ing)", r"appeal", r"study", r"expert", r"specialist",
    r"society", r"association", r"foundation", r"history month", r"course on", r"training on",
    r"support group", r"staff network", r"policy", r"guidance", r"(?:new|latest|a) book", r"film", r"novel",
    r"documentary", r"podcast", r"panel", r"speaker", r"keynote", r"conference", r"allies", r"ally",
    r"inclusion", r"diversity", r"killers?", r"victims?", r"pride", r"lgbt\w*\+?",
)


class SpecialCategoryRecognizer(EntityRecognizer):
    """Special-category terms in a sentence that names a person (reads the shared spaCy ``Doc``)."""

    NAME = "SpecialCategoryRecognizer"
    NAMED_SCORE = 0.75
    NEARBY_NAME_SCORE = 0.6
    TOPIC_SCORE = 0.2
    ENTITIES = [f"SPECIAL_CATEGORY_{suffix}" for suffix in TERMS]

    def __init__(self) -> None:
        super().__init__(supported_entities=list(self.ENTITIES), name=self.NAME,
                         supported_language="en")

    def load(self) -> None:
        """Nothing to load: the lexicons are compiled at import."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """One result per special-category term, scored by whether a named person is its subject."""
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        doc = nlp_artifacts.tokens
        # The artifacts' entities are the draft's names (see ``names.person_spans``).
        people = list(nlp_artifacts.entities)
        results: list[RecognizerResult] = []
        for suffix, pattern in TERMS.items():
            label = f"SPECIAL_CATEGORY_{suffix}"
            if label not in entities:
                continue
            for match in pattern.finditer(text):
                start, end = match.span()
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                sentence = span.sent
                if TOPIC.search(sentence.text):
                    score = self.TOPIC_SCORE
                elif any(sentence.start <= p.start < sentence.end and not _overlaps(p, start, end)
                         for p in people):
                    score = self.NAMED_SCORE
                elif sentence.start > 0 and any(
                        doc[sentence.start - 1].sent.start <= p.start < sentence.start for p in people):
                    # "Welcome back Emeka! Hope the chemo is going ok."
                    score = self.NEARBY_NAME_SCORE
                else:
                    continue
                results.append(RecognizerResult(
                    entity_type=label, start=start, end=end, score=score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.NAME,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
                    },
                ))
        return results


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start_char < end and start < span.end_char
