"""What the offensive and discriminatory detectors tell staff: explanations, severity, language notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from screening.findings import Severity

if TYPE_CHECKING:
    from screening.detectors.base import Draft
    from screening.encoder import Encoder

OFFENSIVE_EXPLANATIONS = {
    "profanity": "This is a swear word{disguised}. Obscene language is not allowed in posts, even as a joke.",
    "insult": "This word insults or belittles someone. Criticise the work or the decision, not the person.",
    "threat": "This reads as a threat of violence or harm against someone, which is never acceptable in a post.",
    "sexual": "This is a sexual remark or innuendo{disguised}; aimed at colleagues, clients or anyone else it "
              "is harassment.",
    "slur": "This is a slur{disguised}: a word that demeans people for who they are.",
    "abusive": "These words make the post read as abusive, mocking or harassing towards someone "
               "(the model's estimate); rephrase without attacking anyone.",
}

CHARACTERISTIC_PHRASES = {
    "age": "their age",
    "disability": "disability",
    "gender_reassignment": "gender reassignment (being trans)",
    "marriage_civil_partnership": "being married or in a civil partnership",
    "pregnancy_maternity": "pregnancy or maternity (being or becoming a parent)",
    "race": "race, colour, nationality or ethnic origin",
    "religion": "religion or belief",
    "sex": "their sex",
    "sexual_orientation": "sexual orientation",
}

ENGLISH_ONLY_NOTE = (
    " Note: this draft looks like it is not in English ({language}); the model is trained on English "
    "only, so this result is less certain and a reviewer should read it in full."
)


def severity(score: float, label: str = "") -> Severity:
    """low below 0.7, medium below 0.85, high from 0.85; a threat is never low."""
    level: Severity = "low" if score < 0.7 else "medium" if score < 0.85 else "high"
    if label == "threat" and level == "low":
        return "medium"
    return level


def cap_for_language(level: Severity, language: str) -> Severity:
    """An English-only model's finding on a non-English draft is at most medium."""
    return "medium" if language not in ("en", "") and level == "high" else level


def language_note(language: str) -> str:
    return "" if language in ("en", "") else ENGLISH_ONLY_NOTE.format(language=language)


def offensive_explanation(label: str, obfuscated: bool, language: str) -> str:
    text = OFFENSIVE_EXPLANATIONS.get(label, OFFENSIVE_EXPLANATIONS["abusive"])
    return text.format(disguised=" (spelled in disguise)" if obfuscated else "") + language_note(language)


def discriminatory_explanation(label: str, slur: bool, language: str) -> str:
    phrase = CHARACTERISTIC_PHRASES.get(label, "a protected characteristic")
    if slur:
        text = (f"This is a slur that demeans people because of {phrase}, a characteristic protected by "
                "the Equality Act 2010.")
    else:
        text = (f"This demeans, stereotypes or excludes people because of {phrase}, a characteristic "
                "protected by the Equality Act 2010. In a job advert, wording like this can be unlawful "
                "discrimination; describe the skills the role needs instead.")
    return text + language_note(language)


def draft_embeddings(drafts: Sequence[Draft], encoder: Encoder) -> np.ndarray:
    """The pipeline's shared embeddings, computing any that are missing (a detector used on its own)."""
    missing = [i for i, d in enumerate(drafts) if d.embedding is None]
    computed = encoder.encode([drafts[i].text for i in missing]) if missing else None
    rows = []
    for i, draft in enumerate(drafts):
        if draft.embedding is None:
            assert computed is not None
            rows.append(computed[missing.index(i)])
        else:
            rows.append(np.asarray(draft.embedding, dtype=np.float32))
    return np.vstack(rows) if rows else np.zeros((0, 384), dtype=np.float32)
