"""One scoring path for the detectors and for evaluation: heads + lexicon -> scores per draft.

``assess`` combines, per text:

- the calibrated head probabilities on the text and its sentence embedding;
- the same heads on a *de-obfuscated* copy when the lexicon found a disguised term (``f*cking`` ->
  ``fucking``, ``1d10t`` -> ``idiot``), because the encoder reads ``f * ck`` as punctuation and letters;
- floors from the lexicon: a strong offensive term (obscenity) scores at least
  ``PROFANITY_FLOOR`` and a slur at least ``SLUR_FLOOR``, so obscenity and slurs are always reviewed
  whatever the sentence around them says;
- which protected characteristic a discriminatory text is about: the characteristic head's
  probabilities plus a bonus for words naming that group.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from screening.toxicity.lexicon import TermMatch

if TYPE_CHECKING:
    from screening.encoder import Encoder
    from screening.toxicity.model import ToxicityModel

PROFANITY_FLOOR = 0.6
SLUR_FLOOR = 0.85
# Added to the characteristic head's probability for each characteristic named in the text.
IDENTITY_BONUS = 0.5


@dataclass(frozen=True, slots=True)
class Assessment:
    """Scores for one text. ``*_head`` are the calibrated classifier probabilities alone."""

    offensive: float
    discriminatory: float
    offensive_head: float
    discriminatory_head: float
    characteristic: str
    characteristic_scores: dict[str, float] = field(default_factory=dict)
    matches: list[TermMatch] = field(default_factory=list)


def deobfuscate(text: str, matches: Sequence[TermMatch]) -> str:
    """``text`` with each obfuscated match replaced by the plain term it disguises."""
    out, position = [], 0
    for match in matches:
        if match.obfuscated:
            out.append(text[position : match.start])
            out.append(match.term.term)
            position = match.end
    out.append(text[position:])
    return "".join(out)


class IdentityTerms:
    """Word-boundary matching of the words naming each protected group."""

    def __init__(self, terms: dict[str, list[str]]) -> None:
        self._patterns = {
            characteristic: re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])",
                re.IGNORECASE,
            )
            for characteristic, words in terms.items()
            if words
        }

    def named(self, text: str) -> set[str]:
        """Characteristics whose group words appear in ``text``."""
        return {c for c, pattern in self._patterns.items() if pattern.search(text)}


def _identity_terms(model: ToxicityModel) -> IdentityTerms:
    """The model's identity-term patterns, compiled once per loaded model."""
    compiled = getattr(model, "_identity_patterns", None)
    if compiled is None:
        compiled = IdentityTerms(model.identity_terms)
        model._identity_patterns = compiled  # type: ignore[attr-defined]
    return compiled


def assess(
    texts: Sequence[str], embeddings: np.ndarray, model: ToxicityModel, encoder: Encoder
) -> list[Assessment]:
    """Score each text (``embeddings``: the encoder's rows for ``texts``)."""
    if len(texts) != len(embeddings):
        raise ValueError(f"{len(texts)} texts but {len(embeddings)} embeddings.")
    if not texts:
        return []
    offensive = model.offensive_proba(texts, embeddings)
    discriminatory = model.discriminatory_proba(texts, embeddings)
    characteristic = model.characteristic_proba(embeddings)
    matches = [model.lexicon.find(t) for t in texts]
    # Any disguised term, weak ones too: "1d10t" is noise to both the n-grams and the encoder.
    disguised = [i for i, m in enumerate(matches) if any(x.obfuscated for x in m)]
    head_offensive, head_discriminatory = offensive.copy(), discriminatory.copy()
    if disguised:
        plain_texts = [deobfuscate(texts[i], matches[i]) for i in disguised]
        plain = encoder.encode(plain_texts)
        offensive[disguised] = np.maximum(offensive[disguised], model.offensive_proba(plain_texts, plain))
        discriminatory[disguised] = np.maximum(discriminatory[disguised],
                                               model.discriminatory_proba(plain_texts, plain))
    identity = _identity_terms(model)
    results = []
    for i, text in enumerate(texts):
        strong = [m for m in matches[i] if m.term.tier == "strong"]
        slurs = [m for m in strong if m.term.category == "discriminatory"]
        off = float(offensive[i])
        if strong:
            off = max(off, PROFANITY_FLOOR)
        dis = float(discriminatory[i])
        if slurs:
            off = max(off, SLUR_FLOOR)
            dis = max(dis, SLUR_FLOOR)
        scores = dict(zip(model.characteristics, characteristic[i].tolist(), strict=True))
        named = identity.named(text)
        ranked = {c: s + (IDENTITY_BONUS if c in named else 0.0) for c, s in scores.items()}
        best = slurs[0].term.label if slurs else max(ranked, key=ranked.__getitem__)
        results.append(Assessment(
            offensive=off, discriminatory=dis,
            offensive_head=float(head_offensive[i]), discriminatory_head=float(head_discriminatory[i]),
            characteristic=best, characteristic_scores={c: round(s, 4) for c, s in scores.items()},
            matches=matches[i],
        ))
    return results
