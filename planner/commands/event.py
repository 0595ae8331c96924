"""`ea-planner event add|edit|delete|list`: the executive's events by hand.

Times are wall-clock times in the executive's zone, written `YYYY-MM-DD HH:MM`
(a `T` instead of the space works too; an explicit UTC offset is converted).
`--end` may give just `HH:MM` on the start's day. All-day events take dates;
their `--end` is the last day (inclusive), and they are stored from midnight to
midnight after the last day.

Editing an imported event is allowed: its kind, with-EA and interruptible
choices survive a re-import (they mark the event `kind_by_hand`), its title and
times do not.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import Actions, exec_option, json_option
from planner.config import EVENT_KINDS, Settings
from planner.errors import InputError
from planner.humanize import fmt
from planner.when import localize, parse_day, parse_time

if TYPE_CHECKING:
    from planner.domain import Event

_INTERRUPTIBLE = {"yes": True, "no": False, "kind": None}


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    actions = Actions(
        subparsers,
        parent,
        "event",
        help="add, edit, delete or list the executive's events by hand",
        description="Add, edit, delete or list the executive's events by hand.",
        dest="event_command",
        required=True,
    )

    add = actions.add(
        "add",
        help="add an event",
        description=(
            "Add an event to the executive's schedule: --start and either --end or "
            '--minutes, e.g. ea-planner event add "Board prep" --start "2026-11-24 14:00" '
            "--minutes 45; an all-day event takes dates (--all-day --start 2026-11-24)."
        ),
    )
    add.add_argument("title", metavar="TITLE", help="what the event is called")
    _time_options(add, start_required=True)
    _detail_options(add, editing=False)
    exec_option(add, help="whose schedule (short name; default: the first executive)")

    edit = actions.add(
        "edit",
        help="change an event",
        description=(
            "Change an event: only the options given change. An imported event's kind, "
            "with-EA and interruptible choices survive a re-import; its title and times do not."
        ),
        id_help="event id (from ea-planner event list)",
    )
    edit.add_argument("--title", help="a new title")
    _time_options(edit)
    _detail_options(edit, editing=True)

    actions.add(
        "delete",
        help="delete an event",
        description="Delete an event (an imported one comes back if its calendar still has it).",
        id_help="event id (from ea-planner event list)",
    )

    listing = actions.add(
        "list",
        help="list the events of a day",
        description="List the events of a day with their ids, all-day events first.",
    )
    json_option(listing, "the day's events as one JSON object")
    listing.add_argument(
        "--date", metavar="DAY", help="the day (default: today): YYYY-MM-DD, tomorrow, fri …"
    )
    exec_option(listing, help="whose schedule (short name; default: the first executive)")
    return ["event"]


def _time_options(parser: argparse.ArgumentParser, *, start_required: bool = False) -> None:
    parser.add_argument(
        "--start",
        metavar="WHEN",
        required=start_required,
        help='e.g. "2026-11-24 14:00" (a date if all-day)',
    )
    span = parser.add_mutually_exclusive_group()
    span.add_argument(
        "--end", metavar="WHEN", help='e.g. "2026-11-24 15:00" or "15:00"; all-day: the last day'
    )
    span.add_argument("--minutes", type=int, metavar="N", help="length in minutes")
    parser.add_argument(
        "--all-day",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="an all-day event (dates, no times)",
    )


def _detail_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    parser.add_argument("--kind", choices=EVENT_KINDS, help="default: meeting")
    flag = parser.add_mutually_exclusive_group()
    flag.add_argument(
        "--interruptible",
        dest="interruptible",
        action="store_const",
        const="yes",
        help="the executive may be interrupted during it, whatever its kind",
    )
    flag.add_argument(
        "--not-interruptible",
        dest="interruptible",
        action="store_const",
        const="no",
        help="never interrupt during it, whatever its kind",
    )
    if editing:
        flag.add_argument(
            "--interruptible-by-kind",
            dest="interruptible",
            action="store_const",
            const="kind",
            help="follow the kind's rule again",
        )
        parser.add_argument(
            "--with-ea",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="a one-on-one with the EA (a good moment for the whole brief queue)",
        )
    else:
        parser.add_argument(
            "--with-ea",
            action="store_true",
            default=None,
            help="a one-on-one with the EA (a good moment for the whole brief queue)",
        )
    parser.add_argument("--location", help="where")


def run(args: argparse.Namespace, context: Context) -> int:
    action = args.event_command
    if action == "add":
        return _add(args, context)
    if action == "edit":
        return _edit(args, context)
    if action == "delete":
        return _delete(args, context)
    return _list(args, context)


# -- actions ---------------------------------------------------------------


def _add(args: argparse.Namespace, context: Context) -> int:
    from planner.operations.events import make_event, new_event
    from planner.text import clean_line

    if not clean_line(args.title):  # said first: before any complaint about the times
        raise InputError("the title is empty")
    if args.start is None:
        raise InputError('give the start with --start "YYYY-MM-DD HH:MM"')
    _, zone = _zone(context)
    start, end, all_day = _times(
        args, zone, None, _today(context, zone), _parser(context), _settings(context)
    )
    event = make_event(
        executive=context.chosen(context.store.load()).id,
        title=args.title,
        start=start,
        end=end,
        all_day=all_day,
        kind=args.kind or "meeting",
        kind_by_hand=args.kind is not None,
        interruptible=_INTERRUPTIBLE[args.interruptible] if args.interruptible else None,
        with_ea=bool(args.with_ea),
        location=args.location or "",
    )
    context.store.transact(lambda document: new_event(document, event))
    print(f"Added event {event.id}: {_describe(event, zone)}", file=context.out)
    return 0


def _edit(args: argparse.Namespace, context: Context) -> int:
    import msgspec

    from planner.operations.events import change_event
    from planner.text import clean_line

    _own_executive(context, args.id)
    _, zone = _zone(context)
    today = _today(context, zone)

    def edit(existing: Event) -> Event:
        changes: dict[str, Any] = {}
        if args.title is not None:
            title = clean_line(args.title)
            if not title:
                raise InputError("the title is empty")
            changes["title"] = title
        if any(v is not None for v in (args.start, args.end, args.minutes, args.all_day)):
            start, end, all_day = _times(
                args, zone, existing, today, _parser(context), _settings(context)
            )
            changes.update(start=start, end=end, all_day=all_day)
        if args.location is not None:
            changes["location"] = clean_line(args.location)
        if args.kind is not None:
            changes["kind"] = args.kind
        if args.interruptible is not None:
            changes["interruptible"] = _INTERRUPTIBLE[args.interruptible]
        if args.with_ea is not None:
            changes["with_ea"] = args.with_ea
        if args.kind is not None or args.interruptible is not None or args.with_ea is not None:
            changes["kind_by_hand"] = True
        if not changes:
            raise InputError("nothing to change; give --title, --start, --end, --kind, …")
        return msgspec.structs.replace(existing, **changes)

    _, event = context.store.transact(lambda document: change_event(document, args.id, edit))
    print(f"Changed event {event.id}: {_describe(event, zone)}", file=context.out)
    if event.calendar is not None and (
        args.title is not None
        or args.location is not None
        or any(v is not None for v in (args.start, args.end, args.minutes, args.all_day))
    ):
        print(
            f'  note: it comes from calendar "{event.calendar}"; the next import of it '
            "brings back its title, times and location (kind, with-EA and "
            "interruptible stay as you set them)",
            file=context.out,
        )
    return 0


def _delete(args: argparse.Namespace, context: Context) -> int:
    from planner.operations.events import delete_event

    _own_executive(context, args.id)
    _, zone = _zone(context)
    _, event = context.store.transact(lambda document: delete_event(document, args.id))
    print(f"Deleted event {event.id}: {_describe(event, zone)}", file=context.out)
    if event.calendar is not None:
        print(
            f'  note: it comes from calendar "{event.calendar}"; it comes back on the '
            "next import if the calendar still has it",
            file=context.out,
        )
    return 0


def _list(args: argparse.Namespace, context: Context) -> int:
    zone_name, zone = _zone(context)
    today = _today(context, zone)
    day = _parse_day(args.date, today, _settings(context)) if args.date else today
    day_start = localize(datetime.combine(day, time(0)), zone, what="--date")
    day_end = localize(datetime.combine(day + timedelta(days=1), time(0)), zone, what="--date")
    events = sorted(
        (
            e
            for e in context.view().events
            if e.start < day_end and (e.end > day_start or e.start >= day_start)
        ),
        key=lambda e: (not e.all_day, e.start, e.end, e.title),
    )
    if args.json:
        from planner.commands.options import print_json
        from planner.day import to_json

        print_json(
            context,
            {
                "date": day.isoformat(),
                "timezone": zone_name,
                "events": [to_json(e, zone_name) for e in events],
            },
        )
        return 0
    print(f"{fmt(day, 'dddd D MMMM YYYY')} · {zone_name}", file=context.out)
    if not events:
        print("  (no events)", file=context.out)
    for event in events:
        print(f"  {event.id}  {_describe(event, zone, day=day)}", file=context.out)
    return 0


# -- helpers ---------------------------------------------------------------


def _parser(context: Context) -> Callable[..., datetime]:
    """Times for --start/--end: see planner.when.parse_time."""
    settings = context.view().settings
    now = context.clock.now()

    def parse(value: str, *, what: str, day: date | None = None) -> datetime:
        return parse_time(value, now=now, settings=settings, what=what, day=day)

    return parse


def _zone(context: Context) -> tuple[str, tzinfo]:
    from zoneinfo import ZoneInfo

    from planner.config import executive_zone

    name = executive_zone(context.view().settings)
    try:
        return name, ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        raise InputError(f"the executive's time zone {name!r} is unknown") from None


def _today(context: Context, zone: tzinfo) -> date:
    return context.clock.now().astimezone(zone).date()


def _parse_day(value: str, today: date, settings: Settings, *, what: str = "--date") -> date:
    """A day on the command line, read by planner.when like every other typed day."""
    return parse_day(value, today=today, settings=settings, what=what)


def _settings(context: Context) -> Settings:
    return context.view().settings


def _own_executive(context: Context, event_id: str) -> None:
    """Times given for an event are in its own executive's zone."""
    document = context.store.load()
    for event in document.events:
        if event.id == event_id:
            context.executive = document.owner(event.executive)
            return


def _times(
    args: argparse.Namespace,
    zone: tzinfo,
    existing: Event | None,
    today: date,
    parse: Callable[..., datetime],
    settings: Settings,
) -> tuple[datetime, datetime, bool]:
    """Start, end and all-day flag from the options, starting from `existing` if any."""
    all_day = args.all_day if args.all_day is not None else bool(existing and existing.all_day)
    if args.minutes is not None and args.minutes < 1:
        raise InputError("--minutes must be at least 1")
    if all_day:
        return _all_day_times(args, zone, existing, today, settings)

    if args.start is not None:
        start = parse(args.start, what="--start")
    elif existing is not None and not existing.all_day:
        start = existing.start.astimezone(zone)
    else:
        raise InputError('give the start time with --start "YYYY-MM-DD HH:MM"')

    if args.end is not None:
        end = parse(args.end, what="--end", day=start.date())
    elif args.minutes is not None:
        end = (start.astimezone(UTC) + timedelta(minutes=args.minutes)).astimezone(zone)
    elif existing is not None and not existing.all_day:
        end = start + (existing.end - existing.start)
        end = end.astimezone(UTC).astimezone(zone)
    else:
        raise InputError("give the end with --end WHEN or the length with --minutes N")
    if end <= start:
        raise InputError(
            f"the event must end after it starts ({start:%Y-%m-%d %H:%M} → {end:%Y-%m-%d %H:%M})"
        )
    return start, end, False


def _all_day_times(
    args: argparse.Namespace, zone: tzinfo, existing: Event | None, today: date, settings: Settings
) -> tuple[datetime, datetime, bool]:
    if args.minutes is not None:
        raise InputError("an all-day event has no length in minutes; give --end with its last day")
    if args.start is not None:
        first = _parse_day(args.start, today, settings, what="--start")
    elif existing is not None:
        first = existing.start.astimezone(zone).date()
    else:
        raise InputError('give the first day with --start "YYYY-MM-DD"')
    if args.end is not None:
        last = _parse_day(args.end, today, settings, what="--end")
    elif existing is not None and existing.all_day:
        first_day = existing.start.astimezone(zone).date()
        days = max(1, (existing.end.astimezone(zone).date() - first_day).days)
        last = first + timedelta(days=days - 1)
    else:
        last = first
    if last < first:
        raise InputError(f"the last day ({last}) is before the first day ({first})")
    start = datetime.combine(first, time(0), tzinfo=zone).astimezone(UTC).astimezone(zone)
    end = (
        datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone)
        .astimezone(UTC)
        .astimezone(zone)
    )
    return start, end, True


def _clock(moment: datetime, day: date) -> str:
    """HH:MM on `day`, with the date on any other day."""
    return fmt(moment, "HH:mm") if moment.date() == day else fmt(moment, "ddd D MMM HH:mm")


def _describe(event: Event, zone: tzinfo, *, day: date | None = None) -> str:
    start = event.start.astimezone(zone)
    end = event.end.astimezone(zone)
    if event.all_day:
        last = (end - timedelta(seconds=1)).date() if end > start else start.date()
        span = f"all day {fmt(start, 'ddd D MMM')}"
        if last != start.date():
            span += f" – {fmt(last, 'ddd D MMM')}"
    elif day is not None:
        span = f"{_clock(start, day)}–{_clock(end, day)}"
    else:
        span = f"{fmt(start, 'ddd D MMM HH:mm')}–{_clock(end, start.date())}"
    parts = [span, event.kind, event.title]
    flags = []
    if event.with_ea:
        flags.append("with EA")
    if event.interruptible is True:
        flags.append("interruptible")
    elif event.interruptible is False:
        flags.append("not interruptible")
    if event.location:
        flags.append(f"at {event.location}")
    if event.calendar is not None:
        flags.append(f"calendar {event.calendar}")
    text = "  ".join(parts)
    return text + (f"  ({', '.join(flags)})" if flags else "")
