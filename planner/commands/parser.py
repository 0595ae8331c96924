"""The argument parser of `ea-planner`: the global options and each command's sub-parser.

The command line (`planner.cli`) parses with it; `completion` and `manpage` describe it.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from planner import __version__
from planner.commands import COMMANDS
from planner.text import for_terminal

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

PROG = "ea-planner"


class _Parser(argparse.ArgumentParser):
    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(for_terminal(message), file)


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="data directory (default: $EA_PLANNER_DATA_DIR or the platform's user data dir)",
    )
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        default=default,
        help="configuration directory (default: $EA_PLANNER_CONFIG_DIR or the platform's)",
    )


def build_parser(
    only: Sequence[str] | None = None,
) -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    """The argument parser; with `only`, just those commands' sub-parsers (a faster start:
    each command module imported and each sub-parser built costs milliseconds)."""
    parser = _Parser(
        prog=PROG,
        description=(
            "The executive's schedule, customer follow-ups and good moments to interrupt, "
            "in one keyboard-driven dashboard. With no command, opens the dashboard."
        ),
        epilog="Exit status: 0 success, 1 unexpected failure, 2 bad input or unreadable data.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the dashboard on a realistic sample day in a throw-away data directory",
    )
    _common_options(parser, suppress=False)
    parent = _Parser(add_help=False)
    _common_options(parent, suppress=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    modules: dict[str, ModuleType] = {}
    wanted = COMMANDS.values() if only is None else (COMMANDS[name] for name in only)
    for name in dict.fromkeys(wanted):
        module = importlib.import_module(name)
        for command in module.register(subparsers, parent):
            modules[command] = module
    return parser, modules
