"""`ea-planner export`: open promises as iCalendar to-dos, follow-ups as CSV.

ea-planner export --ics -o promises.ics          for the phone's calendar
ea-planner export --csv --since monday > week.csv
"""

from __future__ import annotations

import argparse
from typing import Any

from planner.commands.context import Context
from planner.commands.options import exec_option
from planner.humanize import counted

DESCRIPTION = """\
Export follow-ups.

--ics writes the open promises as iCalendar to-dos (VTODO): the promise is the
DUE time, with an alarm 15 minutes before it, and the facts log as the
description. Each to-do keeps its UID, so importing a newer export into a
phone's or desktop calendar updates it. --since/--until keep the promises due
on those days.

--csv writes follow-ups, one row each with a header row, for a report: with
--since/--until, those alive in the period (created by its end, open or closed
within it); without, all of history. Times are ISO 8601 in the executive's zone.
A weekday names this week's day (--since monday --until friday, on any day of
the week); last monday / last friday, the week before's.
"""


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "export",
        parents=[parent],
        help="export open promises as iCalendar to-dos (--ics) or follow-ups as CSV (--csv)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    form = parser.add_mutually_exclusive_group(required=True)
    form.add_argument("--ics", action="store_true", help="open promises as iCalendar to-dos")
    form.add_argument("--csv", action="store_true", help="follow-ups as CSV, for a report")
    parser.add_argument(
        "--since", metavar="DATE", help="from this day (YYYY-MM-DD, today, monday, …)"
    )
    parser.add_argument("--until", metavar="DATE", help="to this day, inclusive")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    exec_option(
        parser,
        help="only this executive's follow-ups and the desk's own (short name; default: all)",
    )
    return ["export"]


def run(args: argparse.Namespace, context: Context) -> int:
    import pendulum

    from planner.commands.options import parse_range_day
    from planner.config import executive_zone
    from planner.errors import InputError
    from planner.export import active_in, in_range, to_csv, to_ics

    now = context.clock.now()
    document = context.store.load()
    shorts = {e.id: e.short for e in document.roster}
    if context.executive is not None:
        document = context.view(document)
    tz = executive_zone(document.settings)
    today = pendulum.instance(now).in_tz(tz).date()
    since = (
        parse_range_day(args.since, today, document.settings, what="--since")
        if args.since
        else None
    )
    until = (
        parse_range_day(args.until, today, document.settings, what="--until", end=True, since=since)
        if args.until
        else None
    )
    if since is not None and until is not None and until < since:
        raise InputError(f"--until ({until}) is before --since ({since})")
    if args.ics:
        chosen = [f for f in document.followups if f.is_open and in_range(f, now, tz, since, until)]
        data = to_ics(chosen, now, tz)
        what = f"{counted(len(chosen), 'open promise')} as to-dos"
    else:
        history = context.store.history()
        if context.executive is not None:
            history = context.view(history)
        chosen = [f for f in history.followups if active_in(f, tz, since, until)]
        chosen.sort(key=lambda f: (f.created.timestamp(), f.id))
        data = to_csv(chosen, now, tz, shorts).encode("utf-8")
        what = f"{counted(len(chosen), 'follow-up')} as CSV"
    if args.output is None:
        # The formats' own line ends (CRLF) must survive: write the bytes to the stream
        # under the terminal filter; planner.export already cleaned every text field.
        raw = getattr(context.out, "stream", context.out)
        context.out.flush()
        raw.flush()
        buffer = getattr(raw, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:
            raw.write(data.decode("utf-8"))
        return 0
    from pathlib import Path

    path = Path(args.output).expanduser()
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    print(f"Exported {what} to {path}", file=context.out)
    return 0
