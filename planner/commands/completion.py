"""`ea-planner completion SHELL` and `ea-planner manpage`: shell completion and the manual,
both generated from the argument parser, so they never drift from `--help`.

    ea-planner completion bash --install   # or > a file of your choice
    ea-planner completion zsh --install
    ea-planner completion fish --install
    ea-planner manpage --install           # then: man ea-planner

The scripts are static (shtab writes them once): pressing Tab never starts Python,
so completion costs the command nothing at start-up.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner.commands.context import Context

SHELLS = ("bash", "zsh", "fish")
WHERE = {
    "bash": "$XDG_DATA_HOME/bash-completion/completions/ea-planner",
    "zsh": "$XDG_DATA_HOME/zsh/site-functions/_ea-planner",
    "fish": "$XDG_CONFIG_HOME/fish/completions/ea-planner.fish",
    "man": "$XDG_DATA_HOME/man/man1/ea-planner.1",
}
"""Where --install puts each file: where bash-completion, fish and man look by themselves
($XDG_DATA_HOME defaults to ~/.local/share, $XDG_CONFIG_HOME to ~/.config); zsh needs
the folder on $fpath."""


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    where = "\n".join(f"  {shell}: {path}" for shell, path in WHERE.items())
    parser = subparsers.add_parser(
        "completion",
        parents=[parent],
        help="print the shell completion script for bash, zsh or fish",
        description=(
            "Print the completion script for SHELL, generated from the commands' own "
            "options, or --install it where the shell looks:\n"
            f"{where}"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("shell", metavar="SHELL", choices=SHELLS, help="bash, zsh or fish")
    parser.add_argument(
        "--install", action="store_true", help="write it where the shell looks, and say where"
    )
    manual = subparsers.add_parser(
        "manpage",
        parents=[parent],
        help="print the manual page, ea-planner(1), in roff",
        description=(
            "Print the manual page in roff, generated from the commands' own options. "
            "Read it with `ea-planner manpage | man -l -`, or --install it into "
            f"{WHERE['man']}, where man finds it (man ea-planner)."
        ),
    )
    manual.add_argument(
        "--install", action="store_true", help="write it where man looks, and say where"
    )
    manual.set_defaults(shell=None)
    return ["completion", "manpage"]


def completion_parser() -> argparse.ArgumentParser:
    """The parser with every command, marked for shtab: file and directory arguments, and
    each command described by its one-line help (shtab would show the long description)."""
    import shtab

    from planner.commands.parser import build_parser

    parser, _ = build_parser()
    _mark(parser, shtab)
    return parser


def _mark(parser: argparse.ArgumentParser, shtab: Any) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, child in action.choices.items():
                child.description = helps.get(name) or child.description
                _mark(child, shtab)
            continue
        metavar = str(action.metavar or "")
        if metavar == "DIR":
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]  # shtab's own attribute
        elif metavar.startswith("FILE") or metavar.startswith("SOURCE"):
            action.complete = shtab.FILE  # type: ignore[attr-defined]  # shtab's own attribute


def run(args: argparse.Namespace, context: Context) -> int:
    if args.shell is None:
        from planner.commands.parser import build_parser
        from planner.manpage import render

        parser, _ = build_parser()
        date = context.clock.now().format("YYYY-MM-DD")
        text = render(parser, date=date)
        target = "man"
    else:
        import shtab

        script: str = shtab.complete(completion_parser(), shell=args.shell)
        text = script.rstrip("\n") + "\n"
        target = args.shell
    if not args.install:
        context.out.write(text)
        return 0
    path = install_path(target)
    _install(path, text)
    print(f"Installed {path}", file=context.out)
    if target == "zsh":
        print(
            f"  add to ~/.zshrc, before compinit: fpath=({path.parent} $fpath)",
            file=context.out,
        )
    return 0


def install_path(target: str) -> Path:
    """Where --install writes the file for `target` (a shell, or "man")."""
    import os

    def base(variable: str, default: str) -> Path:
        value = os.environ.get(variable, "").strip()
        return Path(value) if value and os.path.isabs(value) else Path.home() / default

    head, _, tail = WHERE[target].partition("/")
    folder = (
        base("XDG_CONFIG_HOME", ".config")
        if head == "$XDG_CONFIG_HOME"
        else base("XDG_DATA_HOME", ".local/share")
    )
    return folder / tail


def _install(path: Path, text: str) -> None:
    from planner.errors import StorageError
    from planner.storage.store import atomic_write

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create {path.parent}: {exc.strerror or exc}") from None
    atomic_write(path, text.encode("utf-8"))
