"""Builders for scheduling tests: events and marks at local wall-clock times in Paris."""

from __future__ import annotations

import itertools
from typing import Any, Literal

import pendulum

from planner.config import Settings
from planner.domain import Brief, Event, Window
from planner.domain.priority import Priority

TZ = "Europe/Paris"
MONDAY = pendulum.date(2026, 11, 23)
SETTINGS = Settings(timezone=TZ)
_ids = itertools.count(1)


def at(clock: str, date: pendulum.Date = MONDAY) -> pendulum.DateTime:
    """`"09:30"` on `date` in Paris."""
    hour, minute = (int(x) for x in clock.split(":"))
    return pendulum.datetime(date.year, date.month, date.day, hour, minute, tz=TZ)


def event(
    start: str, end: str, title: str = "Meeting", date: pendulum.Date = MONDAY, **fields: Any
) -> Event:
    return Event(
        id=f"e-{next(_ids)}", title=title, start=at(start, date), end=at(end, date), **fields
    )


def all_day(title: str, date: pendulum.Date = MONDAY) -> Event:
    start = pendulum.datetime(date.year, date.month, date.day, tz=TZ)
    return Event(
        id=f"e-{next(_ids)}", title=title, start=start, end=start.add(days=1), all_day=True
    )


def mark(
    start: str,
    end: str,
    kind: Literal["window", "block"] = "window",
    note: str = "",
    date: pendulum.Date = MONDAY,
) -> Window:
    return Window(
        id=f"w-{next(_ids)}",
        start=at(start, date),
        end=at(end, date),
        mark=kind,
        note=note,
    )


def brief(
    title: str,
    minutes: int = 2,
    priority: Priority = "normal",
    created: str = "08:00",
    **fields: Any,
) -> Brief:
    return Brief(
        id=f"b-{title.lower().replace(' ', '-')}",
        title=title,
        minutes=minutes,
        priority=priority,
        created=at(created),
        **fields,
    )


def spans(moments: Any) -> list[tuple[str, str]]:
    """Windows as ("HH:MM", "HH:MM") pairs, local time."""
    return [(m.start.format("HH:mm"), m.end.format("HH:mm")) for m in moments]
