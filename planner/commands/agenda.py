"""`ea-planner agenda`: the coming days at a glance — events, good moments, promises due
and briefs, day by day (khal's `list today 7d`, calcurse's `-r7`).

    ea-planner agenda                 today and the next 6 days
    ea-planner agenda --days 3 --json
    ea-planner agenda --date monday --days 5

Promises already broken are listed on the first day when it is today. Briefs
appear where the packed brief queue plans them (today or the workday the rest
rolls to), or on the day of their deadline; held and unplaced ones on today.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import date_option, exec_option, json_option

if TYPE_CHECKING:
    from datetime import date

    import pendulum

    from planner.day import FollowUpRow
    from planner.domain import Brief, Event
    from planner.scheduling import GoodMoment, Placement

DEFAULT_DAYS = 7
MAX_DAYS = 366


@dataclass(frozen=True)
class AgendaDay:
    """One day of the agenda: a view, never stored."""

    date: pendulum.Date
    events: tuple[Event, ...]
    moments: tuple[GoodMoment, ...]
    promises: list[FollowUpRow]
    briefs: list[tuple[Brief, Placement | None, str]]
    """(brief, its placement, why it is listed: `planned`, `unplaced` or `deadline`)"""


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "agenda",
        parents=[parent],
        help="the coming days: events, good moments, promises due, briefs",
        description=(
            "The coming days, day by day: the executive's events, the good moments to "
            "interrupt, the promises due (broken ones first, on today) and the briefs "
            "planned or due. Default: today and the next 6 days."
        ),
    )
    parser.add_argument(
        "--days",
        type=int,
        default=DEFAULT_DAYS,
        metavar="N",
        help=f"how many days (default {DEFAULT_DAYS})",
    )
    date_option(parser, help="the first day: YYYY-MM-DD, today, tomorrow, a weekday, nov 24")
    json_option(parser, "one JSON object with a list of days")
    exec_option(parser, help="whose days: an executive's short name (default: the first)")
    return ["agenda"]


def run(args: argparse.Namespace, context: Context) -> int:
    import pendulum

    from planner.commands.options import parse_day, print_json
    from planner.config import executive_zone
    from planner.errors import InputError

    if not 1 <= args.days <= MAX_DAYS:
        raise InputError(f"--days: give a number from 1 to {MAX_DAYS} (not {args.days})")
    now = context.clock.now()
    document = context.view()
    tz = executive_zone(document.settings)
    today = pendulum.instance(now).in_tz(tz).date()
    first = parse_day(args.date, today, document.settings) if args.date else today
    if first < today.subtract(days=30):
        document = context.view(context.store.history())
    days = build_agenda(document, first, args.days, now, tz)
    if args.json:
        print_json(context, agenda_json(days, now, tz))
    else:
        print(render(days, now, tz), file=context.out)
    return 0


def build_agenda(
    document: Any, first: pendulum.Date, count: int, now: Any, tz: str
) -> list[AgendaDay]:
    from datetime import timedelta

    import pendulum

    from planner.day import events_on, followup_rows
    from planner.domain.base import plain
    from planner.scheduling import good_moments, pack
    from planner.scheduling.moments import day_bounds

    today = pendulum.instance(now).in_tz(tz).date()
    last = first.add(days=count - 1)
    low, _ = day_bounds(first, tz)
    _, high = day_bounds(last, tz)
    margin = timedelta(days=1)
    low_plain, high_plain = plain(low - margin), plain(high + margin)
    events = [e for e in document.events if e.start < high_plain and e.end > low_plain]
    packing = None
    if any(b.queued for b in document.briefs):
        packing = pack(
            document.briefs, document.events, document.windows, document.settings, today, now, tz=tz
        )
    rows = followup_rows(document.followups, now, today, tz)
    days: list[AgendaDay] = []
    for offset in range(count):
        date = first.add(days=offset)
        moments = good_moments(events, document.windows, document.settings, date, tz=tz)
        promises = [r for r in rows if _promise_day(r, today, first, last) == date]
        briefs: list[tuple[Brief, Placement | None, str]] = []
        if packing is not None:
            for placement in packing.placements:
                brief = placement.brief
                planned = placement.date
                deadline = (
                    pendulum.instance(brief.deliver_by).in_tz(tz).date()
                    if brief.deliver_by is not None
                    else None
                )
                if planned == date:
                    briefs.append((brief, placement, "planned"))
                elif planned is None and date == today:
                    briefs.append((brief, placement, "unplaced"))
                elif deadline == date:
                    briefs.append((brief, None, "deadline"))
        days.append(
            AgendaDay(
                date=date,
                events=events_on(events, date, tz),
                moments=moments,
                promises=promises,
                briefs=briefs,
            )
        )
    return days


def _promise_day(
    row: FollowUpRow, today: pendulum.Date, first: pendulum.Date, last: pendulum.Date
) -> date:
    """The day a promise is listed on: a broken one on today when today is shown."""
    if row.state == "broken" and first <= today <= last:
        return today
    return row.when.date()


def agenda_json(days: list[AgendaDay], now: Any, tz: str) -> dict[str, Any]:
    """`agenda --json`: {start, days, timezone, now, days: [{date, events, windows, …}]}."""
    import pendulum

    from planner.day import moment_json, to_json

    def row_json(row: FollowUpRow) -> dict[str, Any]:
        item: dict[str, Any] = to_json(row.followup, tz)
        item["state"] = row.state
        item["broken"] = row.state == "broken"
        item["effective_promise"] = row.promise.isoformat()
        return item

    def brief_json(brief: Brief, placement: Placement | None, why: str) -> dict[str, Any]:
        item: dict[str, Any] = to_json(brief, tz)
        item["listed"] = why
        at = placement.at if placement is not None else None
        item["planned_at"] = at.in_tz(tz).isoformat() if at is not None else None
        item["flags"] = list(placement.flags) if placement is not None else []
        return item

    return {
        "start": days[0].date.isoformat(),
        "end": days[-1].date.isoformat(),
        "timezone": tz,
        "now": pendulum.instance(now).in_tz(tz).isoformat(),
        "days": [
            {
                "date": day.date.isoformat(),
                "events": [to_json(e, tz) for e in day.events],
                "windows": [moment_json(m, tz) for m in day.moments],
                "followups": [row_json(r) for r in day.promises],
                "briefs": [brief_json(*entry) for entry in day.briefs],
            }
            for day in days
        ],
    }


def render(days: list[AgendaDay], now: Any, tz: str) -> str:
    import pendulum

    from planner.humanize import fmt, minutes, relative_day

    today = pendulum.instance(now).in_tz(tz).date()
    first, last = days[0].date, days[-1].date
    span = fmt(first, "ddd D MMM YYYY")
    if last != first:
        span = f"{fmt(first, 'ddd D MMM')} – {fmt(last, 'ddd D MMM YYYY')}"
    lines = [f"Agenda · {span} · {tz}"]
    for day in days:
        lines.append("")
        near = relative_day(day.date, today)
        label = f" ({near})" if near in ("today", "tomorrow", "yesterday") else ""
        lines.append(f"{fmt(day.date, 'dddd D MMMM YYYY')}{label}")
        if not (day.events or day.moments or day.promises or day.briefs):
            lines.append("  (nothing)")
            continue
        for event in day.events:
            start = pendulum.instance(event.start).in_tz(tz)
            end = pendulum.instance(event.end).in_tz(tz)
            if event.all_day:
                when = "all day"
            else:
                start_text = fmt(start, "HH:mm") if start.date() == day.date else "…"
                end_text = fmt(end, "HH:mm") if end.date() == day.date else "…"
                when = f"{start_text}–{end_text}"
            lines.append(f"  {when:<11}  {event.kind:<10}  {event.title}  {event.id}")
        if day.moments:
            spans = []
            for m in day.moments:
                text = f"{fmt(m.start.in_tz(tz), 'HH:mm')}–{fmt(m.end.in_tz(tz), 'HH:mm')}"
                about = [minutes(m.minutes)]
                if m.best:
                    about.append("best")
                if m.source == "marked" and m.note:
                    about.append(m.note)
                spans.append(f"{text} ({', '.join(about)})")
            lines.append("  good moments: " + " · ".join(spans))
        for row in day.promises:
            f = row.followup
            promise = row.promise.in_tz(tz)
            if row.state == "broken":
                label = "BROKEN"
                at = fmt(promise, "ddd D MMM HH:mm")
            else:
                label = "promise"
                at = fmt(promise, "HH:mm")
            who = f.customer + (f" @{f.organization}" if f.organization else "")
            lines.append(f"  {label:<7}  {at}  {who} — {f.summary}  {f.id}")
        for brief, placement, why in day.briefs:
            if why == "planned" and placement is not None and placement.at is not None:
                head = f"brief {fmt(placement.at.in_tz(tz), 'HH:mm')}"
            elif why == "deadline" and brief.deliver_by is not None:
                deadline = fmt(pendulum.instance(brief.deliver_by).in_tz(tz), "HH:mm")
                head = f"brief due by {deadline}"
            else:
                head = "brief"
            flags = (" · " + ", ".join(placement.flags)) if placement and placement.flags else ""
            lines.append(
                f"  {head}  {brief.kind} · {brief.minutes} min  {brief.title}{flags}  {brief.id}"
            )
    return "\n".join(lines)
