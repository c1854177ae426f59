"""The `screening` command: pre-check drafts, audit files, serve the service, train and evaluate.

Each sub-command lives in its own module exposing ``configure(parser)`` and ``run(args) -> int``;
this file only wires them. Exit status: 0 allow / success, 1 review or block / failure found,
2 usage or input error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from screening import redaction
from screening.errors import ScreeningError

logger = logging.getLogger(__name__)

# sub-command -> (module, one-line help). Modules are imported only when their command runs,
# so `screening check` never pays for the service's imports.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("screening.commands.check", "Screen one draft and show the decision with every problem marked."),
    "audit": ("screening.audit.command", "Screen every post in a file of historical posts and write a report."),
    "serve": ("screening.commands.serve", "Run the web service (pre-check page, API, approval queue)."),
    "detectors": ("screening.commands.detectors", "List the registered detectors and the policy's choice."),
    "train": ("screening.commands.train", "Retrain the shipped models from data/."),
    "evaluate": ("screening.commands.evaluate", "Evaluate the shipped models on the validation data."),
    "retrain-from-decisions": ("screening.commands.retrain_from_decisions", "Retrain a model with reviewers' decisions and compare it with the shipped one."),
    "users": ("approval_queue.commands.users", "Manage users of the approval queue (add, list)."),
    "retention": ("approval_queue.commands.retention", "Purge decided drafts' text after the retention period."),
    "audit-log": ("approval_queue.commands.audit_log", "Verify the approval queue's hash-chained audit log."),
    "export-decisions": (
        "approval_queue.commands.export_decisions",
        "Export reviewers' decisions as labelled rows for retraining.",
    ),
}


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors already; make the message one clear sentence."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}. Run `{self.prog} --help` for usage.\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="screening", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-v", "--verbose", action="count", default=0, help="More logging (repeat for debug).")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name, (module_name, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        if only == name:
            module = importlib.import_module(module_name)
            module.configure(command)
            command.set_defaults(_run=module.run)
    return parser


def _setup_logging(verbosity: int) -> None:
    level = logging.WARNING - 10 * min(verbosity, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    redaction.install()  # no record may carry a draft's text, whichever library logs it


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Configure only the chosen command's parser, so one command's imports never slow another.
    chosen = next((a for a in args_list if not a.startswith("-")), None)
    parser = build_parser(only=chosen if chosen in COMMANDS else None)
    args = parser.parse_args(args_list)
    _setup_logging(args.verbose)
    try:
        return int(args._run(args))
    except ScreeningError as exc:
        print(f"screening: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (`screening check ... | head`): nothing left to say
        return 0
    except KeyboardInterrupt:
        print("screening: interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
