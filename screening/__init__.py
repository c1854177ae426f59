"""Screening of staff social-media drafts against the organisation's policy.

>>> from screening import Screener
>>> screener = Screener.load()            # the shipped policy and models, loaded once
>>> result = screener.screen("Call Jo on 07700 900123")
>>> result.decision, [f.label for f in result.findings]
"""

from screening.errors import ConfigError, DetectorError, InputError, ModelLoadError, ScreeningError
from screening.findings import CATEGORIES, Detection, DetectorFailure, Finding, ScreeningResult

TYPE_CHECKING = False
if TYPE_CHECKING:
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


def __getattr__(name: str) -> object:
    # The pipeline pulls in spaCy and presidio; import it only when asked for, so that
    # `import screening.findings` (or the encoder, or the CLI's argument parsing) stays light.
    if name == "Screener":
        from screening.pipeline import Screener

        return Screener
    raise AttributeError(f"module 'screening' has no attribute {name!r}")
