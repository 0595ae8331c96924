"""Follow-ups out of ea-planner: open promises as iCalendar to-dos for a phone's calendar,
and follow-ups as CSV for a report. Pure functions of (follow-ups, now, zone) to bytes.

iCalendar (RFC 5545): one VTODO per open follow-up, its UID stable (`ID@ea-planner`) so
that importing a newer export updates the same to-do; DUE is the effective promise
(moved by time spent waiting on the customer), and a VALARM fires `ALARM_BEFORE` before it.

CSV: one row per follow-up, a header row first, times ISO 8601 in the executive's zone.
A cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a
carriage return) is prefixed with `'`: customer text comes from outside. Control and
bidi characters are removed from every text field of both (planner.text.for_terminal).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from planner.domain import FollowUp
from planner.domain.followup import effective_promise
from planner.domain.history import ever_broken
from planner.text import for_terminal

ALARM_BEFORE = timedelta(minutes=15)
"""The to-do's alarm: this long before the promise, as the dashboard's own alert."""
PRODID = "-//ea-planner//ea-planner//EN"
ICAL_PRIORITY = {"urgent": 1, "high": 3, "normal": 5, "low": 9}
ICAL_STATUS = {"open": "NEEDS-ACTION", "in progress": "IN-PROCESS", "waiting": "IN-PROCESS"}
CSV_COLUMNS = (
    "id",
    "customer",
    "organization",
    "internal",
    "summary",
    "kind",
    "channel",
    "priority",
    "tags",
    "status",
    "promised_by",
    "effective_promise",
    "broken",
    "created",
    "updated",
    "closed",
    "resolution",
    "drop_reason",
    "notes",
    "executive",
)
"""`broken` says whether any promise of the follow-up was ever broken (closed ones too);
`executive` (last, so scripts reading the older columns by position still work) is the
short name of the executive it is handled for, or `desk` for the desk's own."""


def in_range(
    followup: FollowUp, now: datetime, tz: str, since: date | None, until: date | None
) -> bool:
    """For to-dos: the promise falls on a day from `since` to `until` (inclusive)."""
    day = effective_promise(followup, now).astimezone(ZoneInfo(tz)).date()
    return (since is None or day >= since) and (until is None or day <= until)


def active_in(followup: FollowUp, tz: str, since: date | None, until: date | None) -> bool:
    """For a report: the follow-up was alive some time from `since` to `until`: created by
    the end of `until`, and still open or closed on or after `since`."""
    zone = ZoneInfo(tz)
    created = followup.created.astimezone(zone).date()
    closed = None if followup.is_open else followup.updated.astimezone(zone).date()
    return (until is None or created <= until) and (
        since is None or closed is None or closed >= since
    )


def to_ics(followups: Iterable[FollowUp], now: datetime, tz: str) -> bytes:
    """Open follow-ups as a VCALENDAR of VTODOs with DUE and a display VALARM."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "ea-planner promises")
    stamp = _utc(now)
    for f in followups:
        if not f.is_open:
            continue
        todo = icalendar.Todo()
        todo.add("uid", f"{f.id}@ea-planner")
        todo.add("dtstamp", stamp)
        todo.add("created", _utc(f.created))
        todo.add("last-modified", _utc(f.updated))
        who = f.customer + (f" ({f.organization})" if f.organization else "")
        todo.add("summary", for_terminal(f"Get back to {who}: {f.summary}"))
        todo.add("due", _utc(effective_promise(f, now)))
        todo.add("priority", ICAL_PRIORITY[f.priority])
        todo.add("status", ICAL_STATUS.get(f.status, "NEEDS-ACTION"))
        if f.tags:
            todo.add("categories", [for_terminal(t) for t in f.tags])
        todo.add("description", for_terminal(_description(f, tz)))
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", for_terminal(f"Promise due: get back to {who} ({f.channel})"))
        alarm.add("trigger", -ALARM_BEFORE, parameters={"RELATED": "END"})
        todo.add_component(alarm)
        calendar.add_component(todo)
    data: bytes = calendar.to_ical()
    return data


def to_csv(
    followups: Iterable[FollowUp],
    now: datetime,
    tz: str,
    executives: Mapping[str, str] | None = None,
) -> str:
    """Follow-ups as CSV with a header row (see CSV_COLUMNS); `executives` maps an
    executive's id to their short name (an id not in it is written as it is)."""
    shorts = executives or {}
    zone = ZoneInfo(tz)

    def time(moment: datetime | None) -> str:
        return "" if moment is None else moment.astimezone(zone).isoformat()

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for f in followups:
        row = (
            f.id,
            f.customer,
            f.organization,
            "yes" if f.internal else "no",
            f.summary,
            f.kind,
            f.channel,
            f.priority,
            " ".join(f.tags),
            f.status,
            time(f.promised_by),
            time(effective_promise(f, now)) if f.is_open else "",
            "yes" if ever_broken(f, now) else "no",
            time(f.created),
            time(f.updated),
            "" if f.is_open else time(f.updated),
            f.resolution or "",
            f.drop_reason or "",
            " | ".join(e.text for e in f.log if e.action == "note" and e.text),
            shorts.get(f.executive, f.executive) if f.executive else "desk",
        )
        writer.writerow([_defused(cell) for cell in row])
    return buffer.getvalue()


def _defused(cell: str) -> str:
    cell = for_terminal(cell)
    if cell and cell[0] in "=+-@\t\r":
        return "'" + cell
    return cell


def _description(f: FollowUp, tz: str) -> str:
    zone = ZoneInfo(tz)
    lines = [f"{f.kind} · {f.channel} · {f.priority} · {f.status} · {f.id}"]
    for entry in f.log:
        if entry.text:
            lines.append(f"{entry.at.astimezone(zone):%Y-%m-%d %H:%M} {entry.action}: {entry.text}")
    return "\n".join(lines)


def _utc(moment: datetime) -> datetime:
    from datetime import UTC

    return datetime.fromtimestamp(moment.timestamp(), UTC)
