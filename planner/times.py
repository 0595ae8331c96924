"""Times the EA types outside the quick-add line (events, good moments, re-promises,
deliver-by): `14:30` on a given day, `2026-11-24 14:30` in the executive's zone, ISO 8601
with an offset, or any WHEN phrase of the quick-add grammar (`tomorrow 3pm`, `fri eod`).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo

from planner.config import Settings, executive_zone
from planner.domain.base import plain
from planner.errors import InputError

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LOCAL = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2})?")
_ISO_WITH_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T.*([+-]\d{2}:?\d{2}|Z)", re.IGNORECASE)


def parse_time(
    value: str, *, now: datetime, settings: Settings, what: str, day: date | None = None
) -> datetime:
    """`value` as an aware datetime in the executive's zone; InputError naming `what` if not.

    `HH:MM` is on `day` (default: today in the executive's zone) and may be in the past;
    natural-language phrases go through the quick-add grammar, which only looks ahead.
    A wall-clock time the clocks skip at a DST change is an error, never silently moved.
    """
    zone = ZoneInfo(executive_zone(settings))
    text = value.strip()
    if not text:
        raise InputError(f"{what}: give a time")
    clock = _CLOCK.fullmatch(text)
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise InputError(f"{what}: {value!r} is not a time of day")
        base = day or now.astimezone(zone).date()
        return localize(datetime.combine(base, time(hour, minute)), zone, what=what)
    if _LOCAL.fullmatch(text):
        try:
            naive = datetime.fromisoformat(text.replace(" ", "T"))
        except ValueError as exc:
            raise InputError(f"{what}: {value!r} is not a valid time ({exc})") from None
        return localize(naive, zone, what=what)
    if _DATE.fullmatch(text):
        raise InputError(f"{what}: {value!r} has no time; add HH:MM")
    if _ISO_WITH_OFFSET.fullmatch(text):
        try:
            return datetime.fromisoformat(text.replace("z", "Z")).astimezone(zone)
        except ValueError as exc:
            raise InputError(f"{what}: {value!r} is not a valid time ({exc})") from None
    import pendulum

    from planner.quickadd import parse_when

    try:
        moment = parse_when(text, now=pendulum.instance(now), settings=settings)
    except InputError as exc:
        raise InputError(f"{what}: {exc.message}") from None
    # A stdlib datetime, like every other branch: pendulum's arithmetic with stdlib
    # tzinfos can silently drop the zone.
    return plain(moment).astimezone(zone)


def localize(naive: datetime, zone: tzinfo, *, what: str) -> datetime:
    """`naive` as wall-clock time in `zone`; a time the clocks skip is an error."""
    aware = naive.replace(tzinfo=zone)
    normalized = aware.astimezone(UTC).astimezone(zone)
    if normalized.replace(tzinfo=None) != naive:
        raise InputError(
            f"{what}: {naive:%Y-%m-%d %H:%M} does not exist in {zone} (the clocks go forward then)"
        )
    return normalized
