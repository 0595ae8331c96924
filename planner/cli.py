"""Command-line entry point: argument parsing and the plain-text commands.

Plain commands never import Textual; only the dashboard (no subcommand) does.
Errors meant for the user become one or two lines on stderr and exit status 2
(bad input, unreadable data) or 1 (the system refused, e.g. a full disk).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from planner.commands import COMMANDS
from planner.commands.parser import PROG, build_parser
from planner.errors import InputError, PlannerError
from planner.text import for_terminal

if TYPE_CHECKING:
    from planner.clock import Clock
    from planner.commands.context import Context
    from planner.storage import Store

FIND_IDS = {
    "follow-up": "ea-planner today lists the open follow-ups; ea-planner search TEXT finds any",
    "brief": "ea-planner brief list --all shows the briefs' ids",
    "mark": "ea-planner moment list --date DAY shows the marks' ids",
}
"""What to run to find the id, after "no follow-up with id …"."""


class TerminalStream(io.TextIOBase):
    """A text stream whose every write goes through `for_terminal`: stored text, file names
    and error messages never put a control sequence on the terminal."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(for_terminal(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()


def check_arguments(arguments: Sequence[str]) -> None:
    """Refuse an argument that is not UTF-8 (Python hands those bytes over as surrogates)."""
    for position, argument in enumerate(arguments, start=1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(
                f"argument {position} ({for_terminal(argument)!r}) is not valid UTF-8; "
                "ea-planner takes text and file names in UTF-8"
            ) from None


def _commands_needed(argv: Sequence[str]) -> list[str] | None:
    """The sub-parsers `argv` needs: the one command it names, none for the dashboard, or
    every one (None) for --help and for an unknown command, which argparse then reports."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--data-dir", "--config-dir"):
            skip = True
        elif arg in ("-h", "--help", "--"):
            return None
        elif not arg.startswith("-"):
            return [arg] if arg in COMMANDS else None
    return []


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    out = cast(TextIO, TerminalStream(sys.stdout))
    err = cast(TextIO, TerminalStream(sys.stderr))
    try:
        check_arguments(arguments)
    except InputError as exc:
        print(f"{PROG}: {exc.message}", file=err)
        return exc.exit_status
    parser, modules = build_parser(_commands_needed(arguments))
    args, extra = parser.parse_known_args(arguments)
    if extra:
        # argparse leaves unknown options to the top-level parser, which would print the
        # top-level usage; the command's own parser says what that command takes.
        _innermost(parser, args).error(f"unrecognized arguments: {' '.join(extra)}")
    demo_dir: Path | None = None
    try:
        store = None
        if args.demo:
            from planner.demo import demo_store

            store = demo_store(_clock().now())
            demo_dir = store.directory.parent
            _remove_on_hangup(demo_dir)
        if args.command is None:
            return _dashboard(args, store)
        _use_clock_preference(args)
        from planner.commands.context import Context

        context = Context(
            store=store or _store(args),
            clock=_clock(),
            out=out,
            err=err,
            executive=getattr(args, "executive", None),
        )
        fresh = not context.store.exists()
        status: int = modules[args.command].run(args, context)
        if fresh and context.store.exists() and context.err.isatty():
            _tell_new_store(context)
        return status
    except PlannerError as exc:
        print(f"{PROG}: {exc.message}", file=err)
        hint = FIND_IDS.get(getattr(exc, "what", None) or "")
        if hint and exc.message.startswith("no "):
            print(f"{PROG}: {hint}", file=err)
        return exc.exit_status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `ea-planner today | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0
    except Exception as exc:  # pragma: no cover - the last line of defence
        if os.environ.get("EA_PLANNER_DEBUG"):
            raise
        print(f"{PROG}: unexpected error: {type(exc).__name__}: {exc}", file=err)
        print(f"{PROG}: run with EA_PLANNER_DEBUG=1 to see the traceback", file=err)
        return 1
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _tell_new_store(context: Context) -> None:
    """The first command that saves anything says where the data went and which zone
    it assumed, rather than creating a store out of sight (to a person at a terminal:
    a script's stderr stays clean)."""
    from planner.config import executive_zone

    settings = context.store.load().settings
    zone = executive_zone(settings)
    assumed = "" if settings.timezone else " (this computer's zone)"
    print(
        f"{PROG}: started a new data file, {context.store.path}\n"
        f"{PROG}: the executive's time zone is taken to be {zone}{assumed}; "
        "change it in the dashboard's settings (S)",
        file=context.err,
    )


def _innermost(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> argparse.ArgumentParser:
    """The parser of the (sub)command `args` came from: `brief add`, `today`, or the top."""
    while True:
        chosen = None
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                name = getattr(args, action.dest, None)
                chosen = action.choices.get(name) if isinstance(name, str) else None
        if chosen is None:
            return parser
        parser = chosen


def _remove_on_hangup(directory: Path) -> None:
    """Remove the demo's throw-away directory when the terminal closes (SIGHUP) or the
    process is asked to stop (SIGTERM): neither runs `finally` blocks on its own."""
    import signal

    def remove(signum: int, _frame: object) -> None:
        shutil.rmtree(directory, ignore_errors=True)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    for name in ("SIGHUP", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, remove)


def _clock() -> Clock:
    from planner.clock import Clock

    return Clock.from_env()


def _use_clock_preference(args: argparse.Namespace) -> None:
    """Plain commands write clock times 12- or 24-hour as preferences.toml (or the locale)
    says; a preferences file that cannot be read is named, and the locale decides."""
    from planner.paths import config_dir
    from planner.preferences import use_clock_preference

    problem = use_clock_preference(config_dir(getattr(args, "config_dir", None)))
    if problem is not None:
        print(f"{PROG}: warning: {problem}; clock times as the locale writes them", file=sys.stderr)


def _store(args: argparse.Namespace) -> Store:
    from planner.paths import data_dir
    from planner.storage import Store

    return Store(data_dir(args.data_dir), clock=_clock())


def _dashboard(args: argparse.Namespace, store: Store | None) -> int:
    import gc

    # Start-up builds tens of thousands of objects that live as long as the dashboard
    # (Textual, the modules, the day); collecting while they are made only delays the first
    # paint by tens of ms. The dashboard freezes them and turns the collector back on once
    # its first frame is up.
    gc.disable()
    from planner.paths import config_dir
    from planner.storage.files import check_private_dir

    store = store or _store(args)
    store.check_directory()
    config = config_dir(args.config_dir)
    check_private_dir(config, "configuration")
    from planner.ui.app import run

    return run(store, _clock(), config_dir=config)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
