"""Screening of staff social-media drafts against the organisation's policy.

>>> from screening import Screener
>>> screener = Screener.load()            # the shipped policy and models, loaded once
>>> result = screener.screen("Call Jo on 07700 900123")
>>> result.decision, [f.label for f in result.findings]
"""

from screening.errors import ConfigError, DetectorError, InputError, ModelLoadError, ScreeningError
from screening.findings import CATEGORIES, Detection, DetectorFailure, Finding, ScreeningResult
from screening.pipeline import Screener

__all__ = [
    "CATEGORIES",
    "ConfigError",
    "Detection",
    "DetectorError",
    "DetectorFailure",
    "Finding",
    "InputError",
    "ModelLoadError",
    "Screener",
    "ScreeningError",
    "ScreeningResult",
]
__version__ = "0.1.0"
