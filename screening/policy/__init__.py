"""Loading and validating the screening policy (one YAML file)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from screening.errors import ConfigError
from screening.policy.model import Account, AllowList, CategoryPolicy, Policy, TermList

__all__ = ["Account", "AllowList", "CategoryPolicy", "Policy", "TermList", "default_policy_path", "load_policy"]


def default_policy_path() -> Path:
    """The policy shipped with the library."""
    return Path(str(resources.files("screening.policy").joinpath("default.yaml")))


def _describe(error: ValidationError) -> str:
    parts = []
    for e in error.errors():
        where = ".".join(str(p) for p in e["loc"]) or "(top level)"
        if e["type"] == "extra_forbidden":
            parts.append(f"unknown key {where!r}")
        else:
            parts.append(f"{where}: {e['msg']}")
    return "; ".join(parts)


def load_policy(path: str | Path | None = None) -> Policy:
    """Read and validate a policy file; ``None`` means the shipped default.

    Raises ``ConfigError`` naming the file and the offending key or value.
    """
    policy_path = Path(path) if path is not None else default_policy_path()
    try:
        raw = yaml.safe_load(policy_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"Policy file {str(policy_path)!r} does not exist; pass the path of a YAML policy.") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Policy file {str(policy_path)!r} is not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"Policy file {str(policy_path)!r} must hold a mapping at the top level.")
    try:
        return Policy.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"Policy file {str(policy_path)!r} is invalid: {_describe(exc)}.") from None
