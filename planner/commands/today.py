"""`ea-planner today`: the day in plain text or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import exec_option, json_option
from planner.humanize import counted

if TYPE_CHECKING:
    from planner.day import Day, FollowUpRow
    from planner.scheduling import Placement, Slot


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "today",
        parents=[parent],
        help="print the day: schedule, good moments, open follow-ups, brief queue",
        description=(
            "Print the day: can I interrupt now, the executive's schedule, the good moments "
            "with the briefs packed into them, the open follow-ups (broken promises first) "
            "and the brief queue."
        ),
    )
    parser.add_argument(
        "--date", metavar="DAY", help="another day: YYYY-MM-DD, tomorrow, fri, nov 24 …"
    )
    json_option(parser, "one JSON object")
    exec_option(parser, help="whose day: an executive's short name (default: the first)")
    return ["today"]


def parse_date(value: str, *, today: Any, settings: Any) -> Any:
    """A day given with --date: `2026-11-24`, `tomorrow`, `fri`, `nov 20` (planner.when)."""
    from planner.domain.base import check_year
    from planner.when import parse_day

    day = parse_day(value, today=today, settings=settings)
    check_year(day, "--date")
    return day


def run(args: argparse.Namespace, context: Context) -> int:

    import pendulum

    from planner.config import executive_zone
    from planner.day import build_day, day_json, dumps, zones_of

    now = context.clock.now()
    desk = context.store.load()
    executive = context.chosen(desk)
    document = desk.view(executive.id)
    tz = executive_zone(document.settings)
    today = pendulum.instance(now).in_tz(tz).date()
    date = parse_date(args.date, today=today, settings=document.settings) if args.date else today
    if date < pendulum.instance(now).in_tz(tz).date().subtract(days=30):
        document = context.store.history().view(executive.id)
    # Several executives: each record's times on its executive's clock, labelled where it
    # is not the EA's (planner.day.Zones); a desk of one reads as it always did.
    zones = zones_of(desk) if len(desk.roster) > 1 else None
    day = build_day(document, date, now, zones=zones)
    others = desk_lines(desk, executive.id, now)
    if args.json:
        value = day_json(day)
        value["executive"] = executive_json(executive)
        for name in ("events", "briefs"):
            for record in value[name]:
                record["executive"] = desk.owner(record.get("executive", ""))
        if len(desk.roster) > 1:
            value["executives"] = desk_json(desk, now)
        print(dumps(value), file=context.out)
        return 0
    text = render(day)
    if others:
        head, _, rest = text.partition("\n")
        status, _, rest = rest.partition("\n")
        head += f" · {executive.name or executive.short} (+{executive.short})"
        text = "\n".join([head, status, *others, rest])
    if date == pendulum.instance(now).in_tz(tz).date():
        from planner.closeout.morning import morning_lines, morning_notes

        notes = morning_notes(document, date)
        if notes is not None:
            head, _, rest = text.partition("\n")
            lines = morning_lines(notes, tz, document=desk, now=now)
            lines.append("  (dismiss: ea-planner closeout --dismiss-notes, or in the dashboard)")
            text = "\n".join([head, "", *lines, "", rest.lstrip("\n")])
    print(text, file=context.out)
    return 0


def executive_json(executive: Any) -> dict[str, Any]:
    return {"id": executive.id, "short": executive.short, "name": executive.name}


def desk_json(desk: Any, now: Any) -> list[dict[str, Any]]:
    """Every executive's interrupt status: `id`, `short`, `name`, `timezone`, `now` (their
    local time), `status` (the header's words)."""
    import pendulum

    from planner.scheduling.desk import desk_status

    return [
        {
            **executive_json(s.executive),
            "timezone": s.timezone,
            "now": pendulum.instance(now).in_tz(s.timezone).isoformat(),
            "status": s.status.text,
        }
        for s in desk_status(desk, now)
    ]


def desk_lines(desk: Any, shown: str, now: Any) -> list[str]:
    """With several executives, one line for each of the others: name, their local time
    and their interrupt status. None for a one-executive desk."""
    if len(desk.roster) < 2:
        return []
    import pendulum

    from planner.humanize import fmt
    from planner.scheduling.desk import desk_status

    lines = []
    for s in desk_status(desk, now):
        if s.executive.id == shown:
            continue
        local = fmt(pendulum.instance(now).in_tz(s.timezone), "HH:mm")
        who = s.executive.name or s.executive.short
        lines.append(f"  {who} (+{s.executive.short}, {local} {s.timezone}): {s.status.text}")
    return lines


STATE_LABELS = {
    "broken": "BROKEN",
    "due-soon": "due soon",
    "due-today": "today",
    "later": "later",
    "waiting": "waiting",
}


def render(day: Day) -> str:
    """The day as plain text: status line, schedule, good moments, follow-ups, brief queue."""
    from planner.day import status_words
    from planner.humanize import clock_range, fmt

    lines: list[str] = []
    tz = day.timezone
    heading = fmt(day.date, "dddd D MMMM YYYY") + (" (the coming day)" if day.is_coming else "")
    lines.append(f"{heading} · {tz} · now {fmt(day.now, 'HH:mm')}")
    if day.status is not None:
        lines.append(day.status.text if day.is_today else f"right now: {day.status.text}")
    lines.append("")
    lines.append("Schedule")
    if not day.events:
        lines.append("  (no events)")
    spans = [
        "all day"
        if event.all_day
        else clock_range(pendulum_local(event.start, tz), pendulum_local(event.end, tz))
        for event in day.events
    ]
    width = max(11, *map(len, spans)) if spans else 11
    for event, span in zip(day.events, spans, strict=True):
        lines.append(f"  {span:<{width}}  {event.kind:<10}  {event.title}")
    lines.append("")
    lines.extend(render_moments(day))
    lines.append("")
    count = len(day.followups)
    lines.append(f"Follow-ups ({count} open)")
    if not day.followups:
        lines.append("  (none open)")
    whens = [_when(row, day.now, tz) for row in day.followups]
    width = max(28, *map(len, whens)) if whens else 28
    for row, when in zip(day.followups, whens, strict=True):
        f = row.followup
        who = f.customer + (f" @{f.organization}" if f.organization else "")
        label = STATE_LABELS[row.state]
        if row.state == "due-today" and not day.is_today:
            label = "that day"
        lines.append(f"  {label:<8}  {when:<{width}}  {who} — {f.summary}")
        zone = (row.promise.timezone_name or tz) if row.label else tz
        status = status_words(f, day.now, zone, row.label) or f.status
        if f.waiting_for:
            status += f" for: {f.waiting_for}"
        details = f"{f.kind} · {f.channel} · {f.priority} · {status} · {f.id}"
        lines.append(f"  {'':<8}  {'':<{width}}  {details}")
    lines.append("")
    lines.append(f"Brief queue ({len(day.briefs)})")
    if not day.briefs:
        lines.append("  (empty)")
    for brief in day.briefs:
        placement = day.packing.placement(brief.id) if day.packing is not None else None
        where = describe_placement(placement, day) if placement is not None else ""
        length = f"{brief.minutes} min"
        lines.append(f"  {brief.kind:<10}  {length:<7}  {brief.title}{where}")
    return "\n".join(lines)


def render_moments(day: Day) -> list[str]:
    """The day's good moments with the briefs packed in each, then the next workday's."""
    from planner.humanize import fmt

    packing = day.packing
    slots = packing.slots if packing is not None else ()
    lines = [f"Good moments ({len(slots)})"]
    if not slots:
        lines.append("  (none)")
    used = [s for s in packing.next_slots if s.briefs] if packing is not None else []
    width = max((len(_span(s, day)) for s in (*slots, *used)), default=11)
    for slot in slots:
        lines.extend(render_slot(slot, day, width))
    if packing is not None and packing.next_slots:
        assert packing.next_date is not None
        lines.append(f"  rolled to {fmt(packing.next_date, 'ddd D MMM')} (next workday):")
        for slot in used:
            lines.extend(render_slot(slot, day, width))
    return lines


def _span(slot: Slot, day: Day) -> str:
    from planner.humanize import clock_range

    m = slot.moment
    return clock_range(m.start.in_tz(day.timezone), m.end.in_tz(day.timezone))


def render_slot(slot: Slot, day: Day, width: int = 11) -> list[str]:
    from planner.humanize import minutes

    m = slot.moment
    span = _span(slot, day)
    about = []
    if m.source == "one-on-one":
        about.append(f"one-on-one: {m.note}")
    elif m.source == "marked":
        about.append("marked" + (f": {m.note}" if m.note else ""))
    if m.best and m.source != "one-on-one":
        about.append("best")
    if m.after_event:
        about.append(f"after {m.after_event}")
    if m.end <= day.now:
        about.append("past")
    elif m.start < day.now:
        about.append(f"now, {minutes(slot.capacity)} left")
    count = len(slot.briefs)
    if count:
        about.append(f"{counted(count, 'brief')}, {slot.used} min")
    detail = " · ".join(about)
    width = max(11, width)
    lines = [f"  {span:<{width}}  {minutes(m.minutes):<10}  {detail}".rstrip()]
    for brief in slot.briefs:
        lines.append(f"  {'':<{width}}  {'':<10}  · {brief.title} ({brief.minutes} min) {brief.id}")
    return lines


def describe_placement(placement: Placement, day: Day) -> str:
    """`  → 10:40 · interrupt now` — where a brief lands and what is flagged."""
    from planner.humanize import fmt

    parts = []
    if placement.at is not None:
        at = placement.at.in_tz(day.timezone)
        when = fmt(at, "HH:mm")
        if at.date() != day.date:
            when = fmt(at, "ddd D MMM HH:mm")
        parts.append(f"→ {when}")
    parts.extend(placement.flags)
    parts.append(placement.brief.id)
    return "  " + " · ".join(parts)


def pendulum_local(moment: Any, tz: str) -> Any:
    import pendulum

    return pendulum.instance(moment).in_tz(tz)


def _when(row: FollowUpRow, now: Any, tz: str) -> str:
    """`Tue 1 Dec 14:00 (today)`; while waiting on the customer the promise as it was made,
    which stands still (`paused · was Wed 2 Dec 11:00 (tomorrow)`): the time waited is added
    only when the wait ends."""
    import pendulum

    from planner.day import labelled
    from planner.domain.history import standing
    from planner.humanize import fmt, relative_day

    promise = row.promise
    today = now.in_tz(promise.timezone_name).date() if row.label else now.date()
    if row.followup.is_open and standing(row.followup).paused:
        was = pendulum.instance(row.followup.promised_by).in_tz(promise.timezone_name or tz)
        shown = labelled(fmt(was, "ddd D MMM HH:mm"), row.label)
        return f"paused · was {shown} ({relative_day(was.date(), today)})"
    shown = labelled(fmt(promise, "ddd D MMM HH:mm"), row.label)
    return f"{shown} ({relative_day(promise.date(), today)})"
