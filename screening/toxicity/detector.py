"""What the offensive and discriminatory detectors share: loading, the threshold, scoring a batch."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from screening.toxicity.assess import Assessment, assess
from screening.toxicity.explain import draft_embeddings

if TYPE_CHECKING:
    from screening.detectors.base import Draft
    from screening.encoder import Encoder
    from screening.findings import Category
    from screening.policy.model import Policy
    from screening.toxicity.model import ToxicityModel


# The offensive and discriminatory detectors read the same heads and the same per-draft assessment:
# load the model once per process and score each batch once, whichever detector asks first.
_last_batch = threading.local()
# The assessment of a draft the first stage cleared and the lexicon found nothing in.
CLEARED = Assessment(offensive=0.0, discriminatory=0.0, offensive_head=0.0, discriminatory_head=0.0,
                     characteristic="")


class ToxicityDetectorBase:
    """Loads the encoder and toxicity heads once; ``assess_batch`` scores drafts with them.

    The reporting threshold is the policy's for the detector's category, so a policy change moves
    both what is reported and where spans are looked for.
    """

    categories: ClassVar[tuple[Category, ...]]

    def __init__(self, policy: Policy) -> None:
        self.threshold = policy.categories[self.categories[0]].threshold
        self._model: ToxicityModel | None = None
        self._encoder: Encoder | None = None

    def load(self) -> None:
        if self._model is None:
            from screening.encoder import load_encoder
            from screening.toxicity.model import load_toxicity_model

            self._model = load_toxicity_model()  # process-wide: both detectors read the same model
            self._encoder = load_encoder()

    def assess_batch(self, drafts: Sequence[Draft]) -> tuple[ToxicityModel, Encoder, list[Assessment]]:
        """The loaded model and encoder, and one ``Assessment`` per draft (shared embeddings reused)."""
        self.load()
        assert self._model is not None and self._encoder is not None
        texts = tuple(d.text for d in drafts)
        memo = getattr(_last_batch, "value", None)
        if memo is not None and memo[0] is self._model and memo[1] == texts:
            return self._model, self._encoder, memo[2]
        # Drafts the pipeline's first stage cleared skip the heads, unless the lexicon finds a term in them.
        active = [i for i, d in enumerate(drafts) if not d.cleared or self._model.lexicon.find(d.text)]
        scored = [CLEARED] * len(drafts)
        if active:
            subset = [drafts[i] for i in active]
            embeddings = draft_embeddings(subset, self._encoder)
            for i, assessment in zip(active, assess([d.text for d in subset], embeddings, self._model,
                                                    self._encoder), strict=True):
                scored[i] = assessment
        _last_batch.value = (self._model, texts, scored)
        return self._model, self._encoder, scored
