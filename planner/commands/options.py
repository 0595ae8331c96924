"""Options and output shared by the commands: `--json`, `--date`, the printed JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pendulum

    from planner.commands.context import Context

DATE_HELP = "the day: YYYY-MM-DD, today, tomorrow, yesterday or a weekday (default: today)"


def json_option(parser: argparse.ArgumentParser, what: str = "the same as one JSON object") -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what}")


def date_option(parser: argparse.ArgumentParser, help: str = DATE_HELP) -> None:
    parser.add_argument("--date", metavar="DATE", help=help)


def parse_day(value: str, today: pendulum.Date, *, what: str = "--date") -> pendulum.Date:
    """A day typed on the command line: YYYY-MM-DD, today/tomorrow/yesterday, a weekday
    (the next one, today included) — the same words wherever a command takes a date."""
    import pendulum

    from planner.errors import InputError

    text = value.strip().lower()
    relative = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if text in relative:
        return today.add(days=relative[text])
    for index, name in enumerate(_WEEKDAYS):
        if text in (name, name[:3]):
            return today.add(days=(index - today.weekday()) % 7)
    try:
        parsed = pendulum.parse(text, exact=True)
    except (ValueError, pendulum.parsing.exceptions.ParserError):
        parsed = None
    if not isinstance(parsed, pendulum.Date) or isinstance(parsed, pendulum.DateTime):
        raise InputError(
            f"{what}: {value!r} is not a date (use YYYY-MM-DD, today, tomorrow or a weekday)"
        )
    return parsed


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def print_json(context: Context, value: Any) -> None:
    from planner.day import dumps

    print(dumps(value), file=context.out)
