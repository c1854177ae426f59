"""Detectors registered by versioned name, like spaCy's function registry.

A policy names detectors (``"offensive.minilm.v1"``); an unknown name fails at once with the list
of known ones. Registration is explicit (a decorator in each detector module, imported by
``screening.detectors``): no subclass scans.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from screening.detectors.base import DetectorFactory
from screening.errors import ConfigError

_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.v[0-9]+$")
_FACTORIES: dict[str, DetectorFactory] = {}

F = TypeVar("F", bound=DetectorFactory)


def register(name: str) -> Callable[[F], F]:
    """Register a detector factory (usually the class itself) under a versioned name."""
    if not _NAME.match(name):
        raise ConfigError(
            f"Detector name {name!r} is not of the form 'family.variant.vN' (lower case, "
            "dot-separated, ending in a version such as '.v1')."
        )

    def decorator(factory: F) -> F:
        existing = _FACTORIES.get(name)
        if existing is not None and existing is not factory:
            raise ConfigError(f"Detector name {name!r} is registered twice; give one a new version.")
        _FACTORIES[name] = factory
        return factory

    return decorator


def get(name: str) -> DetectorFactory:
    """Return the factory registered under ``name``, or fail naming the known ones."""
    try:
        return _FACTORIES[name]
    except KeyError:
        known = ", ".join(sorted(_FACTORIES)) or "(none)"
        raise ConfigError(
            f"No detector is registered as {name!r}. Known detectors: {known}. "
            "Check the spelling and version in the policy file."
        ) from None


def names() -> list[str]:
    """Every registered detector name, sorted."""
    return sorted(_FACTORIES)
