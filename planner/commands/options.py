"""Options and output shared by the commands: `--json`, `--date`, `--exec`, the printed JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pendulum

    from planner.commands.context import Context
    from planner.config import Settings
    from planner.scheduling import GoodMoment

DATE_HELP = "the day: YYYY-MM-DD, today, tomorrow, yesterday, a weekday, nov 24 (default: today)"


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


def print_json(context: Context, value: Any) -> None:
    from planner.day import dumps

    print(dumps(value), file=context.out)


def moment_json(moment: GoodMoment, tz: str) -> dict[str, Any]:
    """A good moment as JSON: `start`, `end`, `minutes`, `best`, `source`, `after_event`,
    `note` (the window objects of `today --json`, without the packing)."""
    return {
        "start": moment.start.in_tz(tz).isoformat(),
        "end": moment.end.in_tz(tz).isoformat(),
        "minutes": moment.minutes,
        "best": moment.best,
        "source": moment.source,
        "after_event": moment.after_event,
        "note": moment.note,
    }


EXEC_HELP = (
    "the executive, by short name (a unique prefix is enough; default: the first executive; "
    "ea-planner exec list shows them)"
)


def exec_option(parser: argparse.ArgumentParser, help: str = EXEC_HELP) -> None:
    parser.add_argument("--exec", metavar="SHORT", dest="executive", help=help)
