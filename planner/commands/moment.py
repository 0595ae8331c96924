"""`ea-planner moment`: hand-marked good moments and blocks.

    ea-planner moment add 14:30 15:00 --note "come by after the call"
    ea-planner moment block 13:00 14:00 --note "do not disturb"
    ea-planner moment                  # the day's marks and computed good moments
    ea-planner moment remove w-8c

Times are `HH:MM` (on `--date`, default today), `YYYY-MM-DD HH:MM` or ISO 8601,
in the executive's zone; an END given as `HH:MM` falls on START's date.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import Actions, exec_option, json_option

DEFAULT_MINUTES = 15
"""A good moment or block given without END lasts this long ("come by at 14:30")."""

if TYPE_CHECKING:
    from datetime import datetime

    from planner.domain import Window


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    actions = Actions(
        subparsers,
        parent,
        "moment",
        help="mark a good moment or a block by hand; list or remove marks",
        description="Hand-marked good moments and blocks. With no action, lists the day.",
    )
    for name, help, description in (
        (
            "add",
            "mark a good moment ('come by at 14:30')",
            "Mark a good moment to interrupt the executive by hand, e.g. "
            'ea-planner moment add 14:30 --note "come by"',
        ),
        (
            "block",
            "block time ('do not disturb 13-14')",
            "Block time: no good moment in the span, e.g. "
            'ea-planner moment block 13:00 14:00 --note "do not disturb"',
        ),
    ):
        p = actions.add(
            name,
            help=help,
            description=description
            + f". Without END it lasts --minutes (default {DEFAULT_MINUTES}).",
        )
        p.add_argument("start", metavar="START", help="HH:MM on --date, or YYYY-MM-DD HH:MM")
        p.add_argument(
            "end", metavar="END", nargs="?", help="HH:MM (on START's day) or YYYY-MM-DD HH:MM"
        )
        p.add_argument(
            "--minutes",
            type=int,
            metavar="N",
            help=f"the length when END is not given (default {DEFAULT_MINUTES})",
        )
        p.add_argument("--note", default="", help="why, in a few words")
        p.add_argument("--date", metavar="DAY", help="the day of HH:MM times (e.g. tomorrow)")
        exec_option(p, help="whose good moment or block (short name; default: the first)")
    lst = actions.add(
        "list",
        help="the day's marks and good moments",
        description="List a day's hand-marked good moments and blocks, then its good moments.",
    )
    lst.add_argument("--date", metavar="DAY", help="another day: YYYY-MM-DD, tomorrow, fri …")
    json_option(lst, "the day's marks and good moments as one JSON object")
    exec_option(lst, help="whose marks and good moments (short name; default: the first)")
    actions.add(
        "remove",
        help="remove a mark",
        description="Remove a hand-marked good moment or block (ids: ea-planner moment list).",
        id_help="mark id (a unique prefix is enough)",
    )
    return ["moment"]


def run(args: argparse.Namespace, context: Context) -> int:
    import pendulum

    from planner.commands.today import parse_date
    from planner.config import executive_zone

    now = context.clock.now()
    if getattr(args, "action", None) == "remove":
        # A mark's times are in its own executive's zone.
        desk = context.store.load()
        for window in desk.windows:
            if window.id == args.id or window.id.startswith(args.id):
                context.executive = desk.owner(window.executive)
                break
    document = context.view()
    tz = executive_zone(document.settings)
    local_now = now.in_tz(tz)
    action = args.action or "list"
    today = local_now.date()
    given = getattr(args, "date", None)
    date = parse_date(given, today=today, settings=document.settings) if given else today
    if action in ("add", "block"):
        return _mark(args, context, local_now, date, tz)
    if action == "remove":
        return _remove(args, context, tz)
    assert isinstance(date, pendulum.Date)
    return _list(context, local_now, date, tz, as_json=getattr(args, "json", False))


def _mark(args: argparse.Namespace, context: Context, now: datetime, date: Any, tz: str) -> int:
    from datetime import UTC, timedelta

    import pendulum

    from planner.domain.window import WindowMark
    from planner.errors import InputError
    from planner.operations.windows import make_window, mark_window
    from planner.when import parse_time

    settings = context.view().settings
    start = parse_time(args.start, now=now, settings=settings, what="START", day=date)
    start_day = pendulum.instance(start).in_tz(tz).date()
    if args.end is not None and args.minutes is not None:
        raise InputError("give END or --minutes, not both")
    if args.end is None:
        length = DEFAULT_MINUTES if args.minutes is None else args.minutes
        if not 1 <= length <= 24 * 60:
            raise InputError(f"--minutes: give 1 to 1440 (not {length})")
        end = start + timedelta(minutes=length)
        end = end.astimezone(UTC).astimezone(start.tzinfo)
    else:
        end = parse_time(args.end, now=now, settings=settings, what="END", day=start_day)
    if end.timestamp() <= start.timestamp():
        raise InputError(f"END ({args.end}) must be after START ({args.start})")
    mark: WindowMark = "window" if args.action == "add" else "block"
    window = make_window(
        start=start,
        end=end,
        mark=mark,
        note=args.note,
        executive=context.chosen(context.store.load()).id,
    )
    context.store.transact(lambda document: mark_window(document, window))
    what = "good moment" if mark == "window" else "block"
    print(f"Marked a {what} {describe(window, tz)} ({window.id})", file=context.out)
    return 0


def _remove(args: argparse.Namespace, context: Context, tz: str) -> int:
    from planner.operations.windows import remove_window

    _, window = context.store.transact(lambda document: remove_window(document, args.id))
    what = "good moment" if window.mark == "window" else "block"
    print(f"Removed the {what} {describe(window, tz)} ({window.id})", file=context.out)
    return 0


def _list(context: Context, now: datetime, date: Any, tz: str, *, as_json: bool = False) -> int:
    from planner.humanize import fmt, minutes
    from planner.scheduling import good_moments
    from planner.scheduling.intervals import overlaps
    from planner.scheduling.moments import day_bounds

    document = context.view()
    low, high = day_bounds(date, tz)
    marks = sorted(
        (w for w in document.windows if overlaps((w.start, w.end), (low, high))),
        key=lambda w: (w.start, w.end),
    )
    lines = [f"Marks on {fmt(date, 'ddd D MMM YYYY')} ({len(marks)})"]
    if not marks:
        lines.append("  (none)")
    for w in marks:
        what = "good moment" if w.mark == "window" else "block"
        lines.append(f"  {w.id}  {what:<11}  {describe(w, tz)}")
    moments = good_moments(document.events, document.windows, document.settings, date, tz=tz)
    if as_json:
        from planner.commands.options import print_json
        from planner.day import moment_json, to_json

        print_json(
            context,
            {
                "date": date.isoformat(),
                "timezone": tz,
                "marks": [to_json(w, tz) for w in marks],
                "windows": [moment_json(m, tz) for m in moments],
            },
        )
        return 0
    lines.append("")
    lines.append(f"Good moments ({len(moments)})")
    if not moments:
        lines.append("  (none)")
    for m in moments:
        span = f"{fmt(m.start, 'HH:mm')}–{fmt(m.end, 'HH:mm')}"
        extra = " · ".join(
            part
            for part in (
                m.source,
                "best" if m.best else "",
                f"after {m.after_event}" if m.after_event else "",
                m.note,
            )
            if part
        )
        lines.append(f"  {span:<11}  {minutes(m.minutes):<9}  {extra}")
    print("\n".join(lines), file=context.out)
    return 0


def describe(window: Window, tz: str) -> str:
    """`Mon 23 Nov 14:30–15:00: come by after the call`, in the executive's zone."""
    import pendulum

    from planner.humanize import fmt

    start = pendulum.instance(window.start).in_tz(tz)
    end = pendulum.instance(window.end).in_tz(tz)
    end_text = fmt(end, "HH:mm") if end.date() == start.date() else fmt(end, "ddd D MMM HH:mm")
    text = f"{fmt(start, 'ddd D MMM HH:mm')}–{end_text}"
    return text + (f": {window.note}" if window.note else "")
