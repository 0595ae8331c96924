"""Times as an EA reads them: "Tue 24 Nov 15:00 (tomorrow)", "in 8 h 30 min", "3:00 PM".

Clock times follow one display preference for the whole process, 12- or 24-hour
(`set_hour_cycle`, chosen from preferences.toml or the locale by whoever starts the
program, as a locale would be); ISO 8601 output never goes through here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from typing import Any, Literal

import pendulum

HourCycle = Literal[12, 24]
_cycle: list[HourCycle] = [24]
"""The hour cycle in force (a one-item list: set by set_hour_cycle, read on every format)."""

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
_TOKEN = re.compile(r"HH:mm|dddd|ddd|MMMM|MMM|YYYY|MM|DD|D|HH|mm")


def _clock_time(moment: Any) -> str:
    if _cycle[0] == 24:
        return f"{moment.hour:02d}:{moment.minute:02d}"
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


_FIELDS: dict[str, Callable[[Any], str]] = {
    "HH:mm": _clock_time,
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

    `HH:mm` is the clock time in the hour cycle in force (`Tue 24 Nov 3:00 PM` in 12-hour
    mode); `HH` and `mm` on their own are always the 24-hour fields.

    Pendulum's own `format` loads its locale machinery on first use and tokenizes the
    pattern on every call; the dashboard formats a time for every row it draws.
    """
    return "".join(part if isinstance(part, str) else part(moment) for part in _compiled(pattern))


def clock_range(start: datetime, end: datetime) -> str:
    """`10:15–11:15`, or in 12-hour mode `10:15–11:15 AM` / `11:45 AM–12:15 PM` (the AM/PM
    said once when both ends share it). Convert both to the zone wanted first."""
    first, last = fmt(start, "HH:mm"), fmt(end, "HH:mm")
    if _cycle[0] == 12 and first[-2:] == last[-2:]:
        first = first[:-3]
    return f"{first}–{last}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """The word for `count` things: `one` for exactly one, else `many` (`one` + "s" unless
    given: `plural(n, "match", "matches")`, `plural(n, "promise needs", "promises need")`)."""
    return one if count == 1 else (many if many is not None else one + "s")


def counted(count: int, one: str, many: str | None = None) -> str:
    """`1 event`, `0 events`, `2 open follow-ups`: the number and the word that fits it."""
    return f"{count} {plural(count, one, many)}"


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


def when(moment: datetime, now: datetime, tz: str, label: str = "") -> str:
    """`Tue 24 Nov 15:00 (tomorrow)` in the zone `tz`; with a zone label (the zone as a
    place, when it is not the EA's), `Tue 24 Nov 15:00 London (tomorrow)`."""
    local = pendulum.instance(moment).in_tz(tz)
    today = pendulum.instance(now).in_tz(tz).date()
    clock = fmt(local, "ddd D MMM HH:mm") + (f" {label}" if label else "")
    return f"{clock} ({relative_day(local.date(), today)})"


def minutes(total: float) -> str:
    """`45 min`, `2 h`, `2 h 5 min`, `1 day 3 h`, `3 days`."""
    value = round(total)
    if value < 60:
        return f"{value} min"
    if value < 24 * 60:
        hours, mins = divmod(value, 60)
        return f"{hours} h" if mins == 0 else f"{hours} h {mins} min"
    if value < 48 * 60:
        hours = round((value - 24 * 60) / 60)
        return "1 day" if hours == 0 else ("2 days" if hours == 24 else f"1 day {hours} h")
    days = round(value / (24 * 60))
    return f"{days} days"


def span_minutes(start: datetime, end: datetime) -> int:
    """Whole minutes from `start` to `end`, rounded up: "in 18 min" at 08:11:30 for 08:30."""
    seconds = (end - start).total_seconds()
    return max(0, -int(-seconds // 60))


def until(start: datetime, end: datetime) -> str:
    """`in 8 h 30 min`: how long from `start` until `end` (whole minutes, rounded up)."""
    return f"in {minutes(span_minutes(start, end))}"


def left(start: datetime, end: datetime) -> str:
    """`20 min left`: what remains from `start` to `end` (whole minutes, rounded up)."""
    return f"{minutes(span_minutes(start, end))} left"


# -- 12 or 24 hours ----------------------------------------------------------

TWELVE_HOUR_TERRITORIES = frozenset(
    {"US", "CA", "AU", "NZ", "IN", "PH", "PK", "BD", "EG", "SA", "JO", "MY", "TW", "KR", "CO"}
)
"""Territories whose locales write clock times 12-hour by default (CLDR's `h` hour format);
French Canada (fr_CA) is the one exception made below."""


def locale_hour_cycle(environ: Mapping[str, str]) -> HourCycle:
    """The hour cycle the EA's locale (LC_ALL, else LC_TIME, else LANG) reads times in:
    12 for en_US, en_AU, en_IN…, 24 for the rest and for an unset, C or POSIX locale."""
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = environ.get(name, "").strip()
        if value:
            break
    else:
        return 24
    tag = value.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    language, _, territory = tag.partition("_")
    if language.lower() == "fr" and territory.upper() == "CA":
        return 24
    return 12 if territory.upper() in TWELVE_HOUR_TERRITORIES else 24


def set_hour_cycle(cycle: HourCycle) -> None:
    """Write clock times 12-hour ("3:00 PM") or 24-hour ("15:00") from now on."""
    if cycle not in (12, 24):
        raise ValueError(f"an hour cycle is 12 or 24, not {cycle!r}")
    _cycle[0] = cycle


def hour_cycle() -> HourCycle:
    return _cycle[0]


def clock_extra() -> int:
    """How many characters wider than `15:00` the longest clock time is (`12:30 PM`: 3)."""
    return 3 if _cycle[0] == 12 else 0


@contextmanager
def hour_cycle_set(cycle: HourCycle) -> Iterator[None]:
    """The hour cycle `cycle` for the duration of a with-block (then back as it was)."""
    before = _cycle[0]
    set_hour_cycle(cycle)
    try:
        yield
    finally:
        _cycle[0] = before
