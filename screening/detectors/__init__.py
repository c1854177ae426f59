"""Detectors, one per module, each registered under a versioned name.

Importing this package registers every built-in detector; add a new detector's module here.
"""

from screening.detectors import pii  # noqa: F401
from screening.detectors.base import Detector, Draft
from screening.detectors.registry import get, names, register

__all__ = ["Detector", "Draft", "get", "names", "register"]
from screening.detectors import discriminatory, offensive  # noqa: E402, F401  (registers them)
