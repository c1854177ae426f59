"""Detectors, one per module, each registered under a versioned name.

Importing this package registers every built-in detector; add a new detector's module here.
Detector modules import presidio and friends, which probe for torch; the runtime needs none, so
they are imported with torch hidden (see ``screening.nlp.torch_hidden``).
"""

from screening.detectors.base import Detector, Draft
from screening.detectors.registry import get, names, register
from screening.nlp import torch_hidden

with torch_hidden():
    from screening.detectors import (
        confidential,  # noqa: F401
        defamatory,  # noqa: F401
        discriminatory,  # noqa: F401
        offensive,  # noqa: F401
        pii,  # noqa: F401
    )

__all__ = ["Detector", "Draft", "get", "names", "register"]
