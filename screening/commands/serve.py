"""`screening serve`: run the service with uvicorn on the embedded defaults."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="Interface to listen on (default 127.0.0.1).")
    parser.add_argument("--port", type=int, default=8000, help="Port (default 8000).")
    parser.add_argument("--workers", type=int, default=1, help="Worker processes (each loads the models).")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    uvicorn.run(
        "approval_queue.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
    )
    return 0
