"""The instants of the any-hour sweep: every half hour of a day in zones with odd offsets
and DST rules, on an ordinary day and on both days each zone changes its clocks."""

from __future__ import annotations

from functools import cache

import pendulum

ZONES = (
    "America/New_York",
    "Europe/London",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "UTC",
)
ORDINARY_DAY = pendulum.date(2026, 11, 23)
"""A Monday."""
YEAR = 2026


@cache
def dst_days(zone: str) -> tuple[pendulum.Date, ...]:
    """The days of YEAR on which `zone` changes its offset (found, not written down)."""
    days = []
    day = pendulum.date(YEAR, 1, 1)
    while day.year == YEAR:
        start = pendulum.datetime(day.year, day.month, day.day, tz=zone)
        end = start.add(days=1)
        if start.utcoffset() != end.utcoffset():
            days.append(day)
        day = day.add(days=1)
    return tuple(days)


def sweep_days() -> list[tuple[str, pendulum.Date]]:
    """(zone, day): the ordinary day in every zone, and both DST days where there are any."""
    return [(zone, day) for zone in ZONES for day in (ORDINARY_DAY, *dst_days(zone))]


def half_hours(zone: str, day: pendulum.Date) -> list[pendulum.DateTime]:
    """Every half hour of real time from the day's first instant to its last, in `zone`
    (46 or 50 of them on a DST day, 47 or 49 where the clocks move by half an hour)."""
    moment = pendulum.datetime(day.year, day.month, day.day, tz=zone).in_tz("UTC")
    found = []
    while moment.in_tz(zone).date() == day:
        found.append(moment.in_tz(zone))
        moment = moment.add(minutes=30)
    return found
