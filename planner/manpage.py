"""The manual page, ea-planner(1), written in roff from the argument parser itself, so that
every command and option in `--help` is in the manual and nothing else is."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from planner import __version__

ENVIRONMENT = (
    ("EA_PLANNER_DATA_DIR", "the data directory (as --data-dir)"),
    ("EA_PLANNER_CONFIG_DIR", "the configuration directory (as --config-dir)"),
    (
        "EA_PLANNER_NOW",
        "ISO 8601 date-time: freezes the clock, for demos and tests; without a UTC offset it "
        "is that time in the EA's zone (TZ)",
    ),
    ("EA_PLANNER_DEBUG", "set to 1 to see the traceback of an unexpected error"),
    ("TZ", "the assistant's zone, used as the executive's until one is set"),
)
FILES = (
    ("planner.json", "the live document: settings, events, follow-ups, briefs, windows"),
    ("archive/YYYY.json", "settled history of a year, same shape"),
    ("backups/", "a few rolling copies of earlier planner.json versions"),
    ("closeouts/YYYY-MM-DD.md", "the Markdown summary of a closed day"),
    ("alerted.json", "the alerts already given, shared by the dashboard and remind"),
    ("planner.lock", "the lock every writer holds; never deleted"),
)


def escape(text: str) -> str:
    """Text safe inside roff: backslashes and hyphens escaped, no line starting a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line for line in text.splitlines()
    )


def _bold(text: str) -> str:
    return f"\\fB{escape(text)}\\fR"


def _subcommands(
    parser: argparse.ArgumentParser,
) -> argparse._SubParsersAction[argparse.ArgumentParser] | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def _helps(action: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, str]:
    return {choice.dest: choice.help or "" for choice in action._choices_actions}


def _usage(parser: argparse.ArgumentParser) -> str:
    usage = parser.format_usage().strip()
    usage = re.sub(r"^usage:\s*", "", usage)
    usage = re.sub(r"\s+", " ", usage)
    # Every command takes these; OPTIONS says so once.
    return usage.replace(" [-h] [--data-dir DIR] [--config-dir DIR]", "")


def _options(parser: argparse.ArgumentParser, *, skip: frozenset[str]) -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
            continue
        if action.option_strings:
            if set(action.option_strings) & skip:
                continue
            names = ", ".join(action.option_strings)
            if action.nargs != 0:
                metavar = action.metavar
                if isinstance(metavar, tuple):  # one name per value taken
                    metavar = " ".join(metavar)
                names += " " + (metavar or action.dest.upper())
        else:
            names = str(action.metavar or action.dest)
        text = action.help or ""
        if action.choices is not None and action.option_strings and "one of" not in text:
            text += f" (one of: {', '.join(map(str, action.choices))})"
        yield ".TP"
        yield _bold(names)
        yield escape(text) if text else ""


def _command_sections(parser: argparse.ArgumentParser, path: list[str]) -> Iterator[str]:
    sub = _subcommands(parser)
    if sub is None:
        return
    helps = _helps(sub)
    for name, child in sub.choices.items():
        full = [*path, name]
        yield f'.SS "{escape(" ".join(full))}"'
        yield escape(_usage(child))
        yield ".PP"
        description = child.description or helps.get(name, "")
        for paragraph in re.split(r"\n\s*\n", description.strip()):
            yield escape(" ".join(paragraph.split()))
            yield ".PP"
        yield from _options(child, skip=frozenset({"-h", "--help", "--data-dir", "--config-dir"}))
        yield from _command_sections(child, full)


def render(parser: argparse.ArgumentParser, *, date: str) -> str:
    """The whole page, for `man -l`."""
    prog = parser.prog
    lines = [
        f'.TH {prog.upper()} 1 "{date}" "{prog} {__version__}" "User Commands"',
        ".SH NAME",
        f"{escape(prog)} \\- {escape(parser.description or '')}",
        ".SH SYNOPSIS",
        f"{_bold(prog)} [\\fIOPTIONS\\fR]",
        ".br",
        f"{_bold(prog)} \\fICOMMAND\\fR [\\fIARGS\\fR]",
        ".SH DESCRIPTION",
        escape(
            f"{prog} merges the executive's schedule, customer follow-ups with the time "
            "promised to get back, and the good moments to interrupt the executive into one "
            "keyboard-driven terminal dashboard; the commands below do the same from the "
            "shell. Ids may be shortened to any unique prefix."
        ),
        ".SH OPTIONS",
        *_options(parser, skip=frozenset({"-h"})),
        ".TP",
        _bold("-h, --help"),
        "show the help and exit (also after any command)",
        ".SH COMMANDS",
        *_command_sections(parser, [prog]),
        ".SH ENVIRONMENT",
    ]
    for name, text in ENVIRONMENT:
        lines += [".TP", _bold(name), escape(text)]
    lines += [".SH FILES", escape("In the data directory:")]
    for name, text in FILES:
        lines += [".TP", f"\\fI{escape(name)}\\fR", escape(text)]
    lines += [
        ".SH EXIT STATUS",
        escape(
            "0 success, 1 unexpected failure, 2 bad input or unreadable data "
            "(the data file is never touched then)."
        ),
        ".SH SEE ALSO",
        escape(
            "docs/data-format.md, shipped with the source, documents every file and "
            "field and each command's JSON output."
        ),
    ]
    return "\n".join(line for line in lines if line != "") + "\n"
