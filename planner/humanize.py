"""Times as an EA reads them: "Tue 24 Nov 15:00 (tomorrow)", "in 18 min"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any

import pendulum

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_TOKEN = re.compile(r"dddd|ddd|MMMM|MMM|YYYY|MM|DD|D|HH|mm")
_FIELDS: dict[str, Callable[[Any], str]] = {
    "dddd": lambda m: _DAYS[m.weekday()],
    "ddd": lambda m: _DAYS[m.weekday()][:3],
    "MMMM": lambda m: _MONTHS[m.month - 1],
    "MMM": lambda m: _MONTHS[m.month - 1][:3],
    "YYYY": lambda m: f"{m.year:04d}",
    "MM": lambda m: f"{m.month:02d}",
    "DD": lambda m: f"{m.day:02d}",
    "D": lambda m: str(m.day),
    "HH": lambda m: f"{m.hour:02d}",
    "mm": lambda m: f"{m.minute:02d}",
}


@cache
def _compiled(pattern: str) -> tuple[str | Callable[[Any], str], ...]:
    parts: list[str | Callable[[Any], str]] = []
    end = 0
    for match in _TOKEN.finditer(pattern):
        parts.append(pattern[end : match.start()])
        parts.append(_FIELDS[match.group()])
        end = match.end()
    parts.append(pattern[end:])
    return tuple(part for part in parts if part != "")


def fmt(moment: date, pattern: str) -> str:
    """`moment` written with pendulum's tokens (`ddd D MMM HH:mm` → `Tue 24 Nov 15:00`), in
    English, as the moment's own fields say (convert the zone first).

    Pendulum's own `format` loads its locale machinery on first use and tokenizes the
    pattern on every call; the dashboard formats a time for every row it draws.
    """
    return "".join(part if isinstance(part, str) else part(moment) for part in _compiled(pattern))


def relative_day(date: pendulum.Date, today: pendulum.Date) -> str:
    days = (date - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if days > 0:
        return f"in {days} days"
    return f"{-days} days ago"


def when(moment: datetime, now: datetime, tz: str) -> str:
    """`Tue 24 Nov 15:00 (tomorrow)` in the zone `tz`."""
    local = pendulum.instance(moment).in_tz(tz)
    today = pendulum.instance(now).in_tz(tz).date()
    return f"{fmt(local, 'ddd D MMM HH:mm')} ({relative_day(local.date(), today)})"


def minutes(total: float) -> str:
    """`45 min`, `2 h`, `2 h 5 min`, `3 days`."""
    value = round(total)
    if value < 60:
        return f"{value} min"
    if value < 24 * 60:
        hours, mins = divmod(value, 60)
        return f"{hours} h" if mins == 0 else f"{hours} h {mins} min"
    days = round(value / (24 * 60))
    return f"{days} day" + ("s" if days != 1 else "")
