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
_UNITS = {
    "m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1,
    "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60,
}  # fmt: skip
_AMOUNT = re.compile(r"(\d{1,4}(?:[.,]\d{1,2})?)\s*([a-z]+)")
_LEAD = re.compile(r"(?:\+\s*|(?:in|within)\s+)")
_BARE_IN = re.compile(r"(?:in|within)\s+(\d{1,4})")
BARE_MINUTES_FROM = 10
"""`in N` with no unit is N minutes from this N up (`in 30`); below it (`in 2`: hours? days?)
it is refused, asking for the unit."""
EXAMPLES = "try '30 min', '1h', '2pm', 'tomorrow 10am'"
"""What a refused time says would work."""
_AFTER = re.compile(r"after\s+(?:the\s+)?(lunch|lunchtime|the\s+meeting|\w+)")


def short_delay(text: str, what: str) -> int | None:
    """Minutes from now in a short delay as people type it when snoozing (`30 min`, `30m`,
    `+30m`, `in 30`, `1h`, `1 hr`, `1h30`, `1.5 h`, `90 min`); None when `text` is not one.
    Pure and cheap: one regular expression pass over a few characters."""
    t = text.strip().lower()
    bare = _BARE_IN.fullmatch(t)
    if bare:
        minutes = int(bare.group(1))
        if minutes < BARE_MINUTES_FROM:
            raise InputError(
                f"{what}: {text.strip()!r}: {minutes} what? say 'in {minutes} h' or "
                f"'in {minutes} min'"
            )
        return minutes
    lead = _LEAD.match(t)
    rest = t[lead.end() :] if lead else t
    if rest.endswith(" from now"):
        rest = rest[: -len(" from now")].rstrip()
    if not rest or not rest[0].isdigit():
        return None
    total, at = 0.0, 0
    units: list[int] = []
    while at < len(rest):
        found = _AMOUNT.match(rest, at)
        if found is None or found.group(2) not in _UNITS:
            # `1h30`: minutes after the hours without their unit.
            tail = re.fullmatch(r"(\d{1,2})", rest[at:].strip())
            if tail is not None and units == [60]:
                total += int(tail.group(1))
                at = len(rest)
                break
            return None
        units.append(_UNITS[found.group(2)])
        total += float(found.group(1).replace(",", ".")) * units[-1]
        at = found.end()
        while at < len(rest) and rest[at] in " ,":
            at += 1
    minutes = round(total)
    if minutes <= 0:
        raise InputError(f"{what}: {text.strip()!r} is no time from now; {EXAMPLES}")
    return minutes


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
    delay = short_delay(text, what)
    if delay is not None:
        text = f"in {delay} min"  # read as the grammar reads `in 30m`, to the minute
    after = _AFTER.fullmatch(text.lower())
    if after:
        raise InputError(
            f"{what}: {value.strip()!r} is not a time I can read; say when — {EXAMPLES}"
        )
    try:
        moment = parse_when(text, now=pendulum.instance(now), settings=settings)
    except InputError as exc:
        # A time not read at all says what would be; one read and refused (passed, a
        # day that does not exist) says why, as before.
        unread = exc.message.startswith(("could not read", "unknown word"))
        raise InputError(f"{what}: {exc.message}" + (f" — {EXAMPLES}" if unread else "")) from None
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
