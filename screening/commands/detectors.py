"""`screening detectors`: what is registered, and what the policy runs."""

from __future__ import annotations

import argparse
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--policy", type=Path, help="Policy YAML file (default: the shipped policy).")


def run(args: argparse.Namespace) -> int:
    import screening.detectors  # noqa: F401  (registers the built-in detectors)
    from screening.detectors import registry
    from screening.policy import load_policy

    policy = load_policy(args.policy)
    for name in registry.names():
        mark = "*" if name in policy.detectors else " "
        print(f"{mark} {name}")
    print(f"(* = run by policy {policy.version})")
    return 0
