"""`screening check`: screen one draft from an argument, a file or standard input."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from screening.errors import InputError
from screening.findings import ScreeningResult

_COLOURS = {"allow": "\033[32m", "review": "\033[33m", "block": "\033[31m"}
_RESET = "\033[0m"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help="The draft. Omit it (and -f) to read standard input.")
    parser.add_argument("-f", "--file", type=Path, help="Read the draft from this UTF-8 file.")
    parser.add_argument("--policy", type=Path, help="Policy YAML file (default: the shipped policy).")
    parser.add_argument("--json", action="store_true", help="Print the result as JSON (the to_dict() shape).")


def _read_draft(args: argparse.Namespace) -> str:
    if args.text is not None and args.file is not None:
        raise InputError("Give the draft either as an argument or with -f FILE, not both.")
    if args.file is not None:
        try:
            data = args.file.read_bytes()
        except OSError as exc:
            raise InputError(f"Cannot read draft file {str(args.file)!r}: {exc.strerror}.") from None
    elif args.text is not None:
        return str(args.text)
    else:
        if sys.stdin is None or sys.stdin.isatty():
            raise InputError("No draft given: pass it as an argument, with -f FILE, or on standard input.")
        data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"The draft is not valid UTF-8 (byte {exc.start} cannot be decoded); save it as UTF-8 and try again."
        ) from None


def render(text: str, result: ScreeningResult, colour: bool) -> str:
    """Human-readable result: the decision, the text with spans marked, and one line per finding."""
    lines = []
    decision = result.decision.upper()
    if colour:
        decision = f"{_COLOURS[result.decision]}{decision}{_RESET}"
    lines.append(f"Decision: {decision}   (language: {result.language})")
    if result.findings:
        marked, cursor = [], 0
        for number, finding in enumerate(result.findings, 1):
            if finding.start < cursor:  # overlapping span: already inside a marked one
                continue
            marked.append(text[cursor : finding.start])
            span = text[finding.start : finding.end]
            marked.append(f"\033[1;4m[{span}]\033[0m<{number}>" if colour else f"[{span}]<{number}>")
            cursor = finding.end
        marked.append(text[cursor:])
        lines += ["", "".join(marked), ""]
        for number, f in enumerate(result.findings, 1):
            lines.append(f"<{number}> {f.category}/{f.label} ({f.severity}, score {f.score:.2f}) "
                         f"chars {f.start}-{f.end}: {f.text!r}")
            lines.append(f"    {f.explanation}")
            lines.append(f"    Policy: {f.policy_clause}")
    else:
        lines.append("No problems found.")
    for error in result.errors:
        lines.append(f"! Detector {error.detector} failed ({error.error}); the draft needs a human review.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from screening.pipeline import Screener

    text = _read_draft(args)
    screener = Screener.load(args.policy)
    text = screener.check_text(text)
    result = screener.screen(text)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render(text, result, colour=sys.stdout.isatty()))
    return 0 if result.decision == "allow" else 1
