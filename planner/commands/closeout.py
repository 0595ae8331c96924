"""`ea-planner closeout`: the end-of-day summary as Markdown."""

from __future__ import annotations

import argparse
from typing import Any

from planner.commands.context import Context
from planner.errors import InputError


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "closeout", parents=[parent], help="print the close-out summary of a day as Markdown"
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    return ["closeout"]


def run(args: argparse.Namespace, context: Context) -> int:
    raise InputError("closeout is not yet available in this version")
