"""Times typed into a field (events, good moments, re-promises, deliver-by): `14:30` on a
given day, `2026-11-24 14:30` in the executive's zone, ISO 8601 with an offset, or any
WHEN phrase of the promise grammar (`tomorrow 3pm`, `fri eod`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

import pendulum

from planner.config import Settings, executive_zone
from planner.domain.base import check_year, plain
from planner.errors import InputError
from planner.when.meaning import twelve_hour_reading
from planner.when.phrase import parse_when
from planner.when.wall import WhenError, wall_time

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LOCAL = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?")
_ISO_WITH_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T.*([+-]\d{2}:?\d{2}|Z)", re.IGNORECASE)


def parse_time(
    value: str, *, now: datetime, settings: Settings, what: str, day: date | None = None
) -> datetime:
    """`_parse_time`, refusing a time outside the years a person can mean (1970 to 2100)."""
    moment = _parse_time(value, now=now, settings=settings, what=what, day=day)
    check_year(moment, what)
    return moment


def _parse_time(
    value: str, *, now: datetime, settings: Settings, what: str, day: date | None = None
) -> datetime:
    """`value` as an aware datetime in the executive's zone; InputError naming `what` if not.

    `HH:MM` is on `day` (default: today in the executive's zone) and may be in the past;
    `H:MM` with an hour 1–12 and no leading zero is read as quick-add reads it, the
    reading inside the workday (`2:30` is 14:30, `09:30` and `9:30` are 09:30);
    WHEN phrases go through the promise grammar, which only looks ahead. Wall-clock times
    follow planner.when.wall: a time the clocks skip is refused, a repeated one is the first.
    """
    zone_name = executive_zone(settings)
    zone = ZoneInfo(zone_name)
    text = value.strip()
    if not text:
        raise InputError(f"{what}: give a time")
    clock = _CLOCK.fullmatch(text)
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise InputError(f"{what}: {value!r} is not a time of day")
        if 1 <= hour <= 12 and not text.startswith("0"):  # `2:30` as in quick-add: 14:30
            hour, minute = twelve_hour_reading(hour, minute, settings)
        base = day or now.astimezone(zone).date()
        return _wall(base, hour, minute, 0, zone_name, zone, what)
    local = _LOCAL.fullmatch(text)
    if local:
        y, mo, d, h, mi = (int(g) for g in local.groups()[:5])
        second = int(local.group(6) or 0)
        try:
            base = date(y, mo, d)
        except ValueError as exc:
            raise InputError(f"{what}: {value!r} is not a valid time ({exc})") from None
        if h > 23 or mi > 59 or second > 59:
            raise InputError(f"{what}: {value!r} is not a valid time of day")
        return _wall(base, h, mi, second, zone_name, zone, what)
    if _DATE.fullmatch(text):
        raise InputError(f"{what}: {value!r} has no time; add HH:MM")
    if _ISO_WITH_OFFSET.fullmatch(text):
        try:
            return datetime.fromisoformat(text.replace("z", "Z")).astimezone(zone)
        except ValueError as exc:
            raise InputError(f"{what}: {value!r} is not a valid time ({exc})") from None
    try:
        moment = parse_when(text, now=pendulum.instance(now), settings=settings)
    except InputError as exc:
        raise InputError(f"{what}: {exc.message}") from None
    # A stdlib datetime, like every other branch: pendulum's arithmetic with stdlib
    # tzinfos can silently drop the zone.
    return plain(moment).astimezone(zone)


def localize(naive: datetime, zone: tzinfo, *, what: str) -> datetime:
    """`naive` as wall-clock time in `zone` (a ZoneInfo), by the rule of planner.when.wall."""
    name = str(zone)
    return _wall(naive.date(), naive.hour, naive.minute, naive.second, name, zone, what).replace(
        microsecond=naive.microsecond
    )


def _wall(
    day: date, hour: int, minute: int, second: int, zone_name: str, zone: tzinfo, what: str
) -> datetime:
    try:
        moment = wall_time(day, hour, minute, pendulum.timezone(zone_name), second=second)
    except WhenError as exc:
        raise InputError(f"{what}: {exc.message}") from None
    return plain(moment).astimezone(zone)
