"""`ea-planner completion SHELL` and `ea-planner manpage`: shell completion and the manual,
both generated from the argument parser, so they never drift from `--help`.

    ea-planner completion bash > ~/.local/share/bash-completion/completions/ea-planner
    ea-planner completion zsh > "${fpath[1]}/_ea-planner"
    ea-planner completion fish > ~/.config/fish/completions/ea-planner.fish
    ea-planner manpage > ~/.local/share/man/man1/ea-planner.1

The scripts are static (shtab writes them once): pressing Tab never starts Python,
so completion costs the command nothing at start-up.
"""

from __future__ import annotations

import argparse
from typing import Any

from planner.commands.context import Context

SHELLS = ("bash", "zsh", "fish")
WHERE = {
    "bash": "~/.local/share/bash-completion/completions/ea-planner",
    "zsh": '"${fpath[1]}/_ea-planner" (a directory on $fpath)',
    "fish": "~/.config/fish/completions/ea-planner.fish",
}


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    where = "\n".join(f"  {shell}: {path}" for shell, path in WHERE.items())
    parser = subparsers.add_parser(
        "completion",
        parents=[parent],
        help="print the shell completion script for bash, zsh or fish",
        description=(
            "Print the completion script for SHELL, generated from the commands' own "
            "options. Save it where the shell looks (or eval it from the shell's rc file):\n"
            f"{where}"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("shell", metavar="SHELL", choices=SHELLS, help="bash, zsh or fish")
    manual = subparsers.add_parser(
        "manpage",
        parents=[parent],
        help="print the manual page, ea-planner(1), in roff",
        description=(
            "Print the manual page in roff, generated from the commands' own options. "
            "Read it with `ea-planner manpage | man -l -`, or install it: "
            "ea-planner manpage > ~/.local/share/man/man1/ea-planner.1"
        ),
    )
    manual.set_defaults(shell=None)
    return ["completion", "manpage"]


def completion_parser() -> argparse.ArgumentParser:
    """The parser with every command, marked for shtab: file and directory arguments, and
    each command described by its one-line help (shtab would show the long description)."""
    import shtab

    from planner.cli import build_parser

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
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
        elif metavar.startswith("FILE") or metavar.startswith("SOURCE"):
            action.complete = shtab.FILE  # type: ignore[attr-defined]


def run(args: argparse.Namespace, context: Context) -> int:
    if args.shell is None:
        from planner.cli import build_parser
        from planner.manpage import render

        parser, _ = build_parser()
        date = context.clock.now().format("YYYY-MM-DD")
        context.out.write(render(parser, date=date))
        return 0
    import shtab

    script: str = shtab.complete(completion_parser(), shell=args.shell)
    context.out.write(script.rstrip("\n") + "\n")
    return 0
