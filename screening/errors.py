"""The library's exception hierarchy: one root, one subclass per kind of failure.

Every message is a sentence that names the bad value and says what to do about it.
"""

from __future__ import annotations


class ScreeningError(Exception):
    """Root of every error raised on purpose by this library and the approval queue."""


class ConfigError(ScreeningError):
    """A policy file, setting or registry name is wrong."""


class ModelLoadError(ScreeningError):
    """A model artefact is missing, corrupt or does not match its recorded hash."""


class InputError(ScreeningError):
    """The text or file given for screening cannot be screened as it is."""


class DetectorError(ScreeningError):
    """A detector failed on a batch; the pipeline records it and fails closed."""
