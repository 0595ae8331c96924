"""Options and output shared by the commands: a command's actions, `--json`, `--date`,
`--exec`, an id argument, the printed JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pendulum

    from planner.commands.context import Context
    from planner.config import Settings

DATE_HELP = "the day: YYYY-MM-DD, today, tomorrow, yesterday, a weekday, nov 24 (default: today)"


class Actions:
    """A command with actions (`brief add`, `moment list`): the command's parser and one
    sub-parser an action, each taking the global options too; the action chosen is
    `args.<dest>` (None when not required and none was given)."""

    def __init__(
        self,
        subparsers: Any,
        parent: argparse.ArgumentParser,
        name: str,
        *,
        help: str,
        description: str,
        dest: str = "action",
        required: bool = False,
    ) -> None:
        self._parent = parent
        self.command: argparse.ArgumentParser = subparsers.add_parser(
            name, parents=[parent], help=help, description=description
        )
        self._actions: Any = self.command.add_subparsers(
            dest=dest, metavar="ACTION", required=required, title="actions"
        )

    def add(
        self, name: str, *, help: str, description: str, id_help: str = ""
    ) -> argparse.ArgumentParser:
        """The action `name`; with `id_help`, it works on one record, named first by its id
        (`id_argument`)."""
        action: argparse.ArgumentParser = self._actions.add_parser(
            name, parents=[self._parent], help=help, description=description
        )
        if id_help:
            id_argument(action, id_help)
        return action


def id_argument(parser: argparse.ArgumentParser, help: str) -> None:
    """The record an action works on: its id, or a unique prefix where `help` says so."""
    parser.add_argument("id", metavar="ID", help=help)


def json_option(parser: argparse.ArgumentParser, what: str = "the same as one JSON object") -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what}")


def date_option(parser: argparse.ArgumentParser, help: str = DATE_HELP) -> None:
    parser.add_argument("--date", metavar="DATE", help=help)


def parse_day(
    value: str, today: pendulum.Date, settings: Settings, *, what: str = "--date"
) -> pendulum.Date:
    """A day typed on the command line, read by planner.when like every typed day:
    YYYY-MM-DD, today/tomorrow/yesterday, a weekday (the next one, today included), nov 24."""
    from planner.when import parse_day as read_day

    return read_day(value, today=today, settings=settings, what=what)


def parse_range_day(
    value: str,
    today: pendulum.Date,
    settings: Settings,
    *,
    what: str,
    end: bool = False,
    since: pendulum.Date | None = None,
) -> pendulum.Date:
    """A day that starts or (`end`) ends a period, read by planner.when: weekdays name
    this week's days (see `planner.when.parse_range_day`)."""
    from planner.when import parse_range_day as read_range_day

    return read_range_day(value, today=today, settings=settings, what=what, end=end, since=since)


def print_json(context: Context, value: Any) -> None:
    from planner.day import dumps

    print(dumps(value), file=context.out)


EXEC_HELP = (
    "the executive, by short name (a unique prefix is enough; default: the first executive; "
    "ea-planner exec list shows them)"
)


def exec_option(parser: argparse.ArgumentParser, help: str = EXEC_HELP) -> None:
    parser.add_argument("--exec", metavar="SHORT", dest="executive", help=help)
