"""The one protocol every detector implements, and the draft it is handed.

Detectors are batch-first (like presidio's ``BatchAnalyzerEngine``) and lazy-loading (like its
recognizers' ``load()``). The pipeline builds the expensive shared features once per draft (the
spaCy ``Doc``, the sentence embedding) and only when some enabled detector declares it needs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol, runtime_checkable

from screening.findings import Category, Detection

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from screening.policy.model import Policy

Feature = Literal["doc", "embedding"]


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft as detectors see it.

    ``text`` is the *normalised* text (zero-width characters dropped, homoglyphs folded; see
    ``screening.normalise``); offsets a detector reports are into this text, and the pipeline maps
    them back onto the caller's original. ``doc`` is one spaCy pass shared by every detector;
    ``embedding`` one MiniLM pass (L2-normalised, shape ``(384,)``). Each is ``None`` unless a
    detector in the pipeline asked for it.

    ``cleared`` is True when the pipeline's cheap first stage (``screening.prefilter``) found that
    no learned model could flag the draft: a detector then runs its rules only and skips its
    models (the pipeline computed no embedding for it).
    """

    text: str
    language: str
    doc: Doc | None = None
    embedding: np.ndarray | None = None
    metadata: dict[str, Any] | None = None
    cleared: bool = False


@runtime_checkable
class Detector(Protocol):
    """What the pipeline needs of a detector.

    ``name`` is the versioned registry name (``"pii.presidio.v1"``); ``categories`` the categories
    it may report; ``requires`` the shared features it reads from each ``Draft``.
    ``load()`` is idempotent and does the expensive work (models, patterns); ``detect`` returns one
    ``Detection`` per draft, in order.
    """

    name: ClassVar[str]
    version: ClassVar[str]
    categories: ClassVar[tuple[Category, ...]]
    requires: ClassVar[frozenset[Feature]]

    def load(self) -> None: ...

    def detect(self, drafts: Sequence[Draft]) -> list[Detection]: ...


class DetectorFactory(Protocol):
    """A registered factory: builds a detector from the loaded policy."""

    def __call__(self, policy: Policy) -> Detector: ...
