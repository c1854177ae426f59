"""`screening users`: add users (printing their API token once), list them, rotate tokens, set passwords."""

from __future__ import annotations

import argparse
import json
import sys

from approval_queue.db import open_database
from approval_queue.models import Role
from approval_queue.services.users import UserService


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="Default: SCREENING_DATABASE_URL, else SQLite under var/.")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="Create a user and print their API token (the last word of the output).")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--password-stdin", action="store_true",
                     help="Also set a password for the web sign-in, read from the first line of standard input.")
    sub.add_parser("list", help="List users and their roles.")
    rotate = sub.add_parser("rotate-token", help="Replace a user's API token and print the new one.")
    rotate.add_argument("name")
    password = sub.add_parser("set-password", help="Set a user's password, read from standard input.")
    password.add_argument("name")
    export = sub.add_parser("export", help="Print everything held about a user as JSON (subject access request).")
    export.add_argument("name")
    for verb in ("activate", "deactivate"):
        sub.add_parser(verb, help=f"{verb.capitalize()} a user (a deactivated user's token stops working).") \
            .add_argument("name")


def run(args: argparse.Namespace) -> int:
    database = open_database(args.database_url)
    service = UserService(database)
    if args.action == "export":
        from approval_queue.services.data_protection import export_person, user_id_by_name

        print(json.dumps(export_person(database, user_id_by_name(database, args.name)), indent=2, ensure_ascii=False))
    elif args.action == "add":
        password = _read_password() if args.password_stdin else None
        user, token = service.add(args.name, args.role, password=password)
        print(f"Created {user.role} {user.name!r} (id {user.id}). Keep this API token; it is not shown again:")
        print(token)
    elif args.action == "list":
        for user in service.list():
            state = "" if user.active else "  (deactivated)"
            sign_in = "password" if user.has_password else "token only"
            print(f"{user.id:>5}  {user.name:<30} {user.role:<9} {sign_in}{state}")
    elif args.action == "rotate-token":
        token = service.rotate_token(args.name)
        print(f"New API token for {args.name!r}; the old one no longer works:")
        print(token)
    elif args.action == "set-password":
        service.set_password(args.name, _read_password())
        print(f"Password set for {args.name!r}.")
    else:
        service.set_active(args.name, args.action == "activate")
        print(f"{args.name!r} {args.action}d.")
    return 0


def _read_password() -> str:
    line = sys.stdin.readline()
    return line.rstrip("\r\n")
