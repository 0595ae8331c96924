"""What a WHEN phrase means: its day and time parts turned into an instant after `now`, in
the executive's zone, with a note for each reading taken where words could mean two things."""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

import pendulum
from pendulum.tz import fixed_timezone

from planner.config import Settings, executive_zone
from planner.humanize import fmt
from planner.when.parts import Day, PartOfDay, Phrase, Time, Whole
from planner.when.wall import WhenError, is_repeated, repeated_note, wall_time

_MAX_DAYS_AHEAD = 3660
_MAX_MINUTES_AHEAD = _MAX_DAYS_AHEAD * 24 * 60


class _Context(NamedTuple):
    """What resolving needs besides the phrase: the clock, the zone and the day's rules."""

    now: pendulum.DateTime
    local: pendulum.DateTime
    zone: pendulum.Timezone
    settings: Settings


def _zone(settings: Settings) -> pendulum.Timezone:
    name = executive_zone(settings)
    try:
        return pendulum.timezone(name)
    except (ValueError, KeyError) as exc:  # InvalidTimezone is a ValueError
        raise WhenError(f"settings: unknown time zone {name!r}") from exc


def _clock_setting(value: str, what: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", value.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise WhenError(f"settings: {what} {value!r} is not a time (HH:MM)")
    return int(m.group(1)), int(m.group(2))


def valid_date(year: int, month: int, day: int) -> pendulum.Date | None:
    try:
        return pendulum.Date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _workdays(settings: Settings) -> frozenset[int]:
    days = frozenset(d for d in settings.workdays if 1 <= d <= 7)
    if not days:
        raise WhenError("settings: no workdays are set")
    return days


def _week_start(today: pendulum.Date, workdays: frozenset[int]) -> pendulum.Date:
    """The first day of this week; the week starts on the first day of the workweek.

    Monday for Mon–Fri, Sunday for Sun–Thu, Monday when every day is a workday.
    """
    starts = [d for d in range(1, 8) if d in workdays and (d - 2) % 7 + 1 not in workdays]
    first = starts[0] if starts else 1
    return today.subtract(days=(today.isoweekday() - first) % 7)


def _end_of_week(start: pendulum.Date, workdays: frozenset[int]) -> pendulum.Date:
    """The last workday of the week that starts on `start`."""
    week = [start.add(days=n) for n in range(7)]
    return [d for d in week if d.isoweekday() in workdays][-1]


def _next_workday(day: pendulum.Date, settings: Settings) -> pendulum.Date:
    """The first workday after `day`."""
    workdays = _workdays(settings)
    ahead = 1
    while day.add(days=ahead).isoweekday() not in workdays:
        ahead += 1
    return day.add(days=ahead)


def nice_day(day: datetime.date) -> str:
    return fmt(day, "ddd D MMM")


def resolve_day(
    day: Day, today: pendulum.Date, settings: Settings, notes: list[str]
) -> pendulum.Date:
    if day.kind in ("offset", "in-days"):
        if day.n > _MAX_DAYS_AHEAD:
            raise WhenError(f"{day.label} is too far ahead")
        return today.add(days=day.n)
    if day.kind == "weekday":  # the next one, never today
        return today.add(days=(day.n - today.isoweekday()) % 7 or 7)
    if day.kind == "this-weekday":  # the coming one, today included
        return today.add(days=(day.n - today.isoweekday()) % 7)
    if day.kind in ("next-weekday", "next-week"):
        start = _week_start(today, _workdays(settings)).add(days=7)
        if day.kind == "next-week":
            return start
        found = start.add(days=(day.n - start.isoweekday()) % 7)
        coming = today.add(days=(day.n - today.isoweekday()) % 7 or 7)
        if found != coming:
            notes.append(
                f"{day.label!r} read as {nice_day(found)}, in next week "
                f"(for {nice_day(coming)} write {day.label.split()[-1]!r})"
            )
        return found
    if day.kind == "next-workday":
        return _next_workday(today, settings)
    if day.kind == "eow":
        workdays = _workdays(settings)
        return _end_of_week(_week_start(today, workdays).add(days=7 * day.n), workdays)
    if day.kind == "month-day":
        return _month_day(day, today, notes)
    if day.kind == "numeric":
        found_date = _calendar(day, today)
        order = "day/month" if day.n else "month/day"
        notes.append(f"{day.label!r} read as {found_date.day} {found_date:%B %Y} ({order})")
        return found_date
    return _calendar(day, today)


def _calendar(day: Day, today: pendulum.Date) -> pendulum.Date:
    if day.year:
        found = valid_date(day.year, day.month, day.day)
        if found is None:
            raise WhenError(f"{day.label} is not a date")
        return found
    for year in range(today.year, today.year + 9):  # Feb 29 may be years away
        found = valid_date(year, day.month, day.day)
        if found is not None and found >= today:
            return found
    raise WhenError(f"{day.label} is not a date")


def _month_day(day: Day, today: pendulum.Date, notes: list[str]) -> pendulum.Date:
    """`the 3rd`: the next 3rd of a month, today included."""
    if not 1 <= day.day <= 31:
        raise WhenError(f"{day.label} is not a date")
    month = pendulum.Date(today.year, today.month, 1)
    for _ in range(13):
        found = valid_date(month.year, month.month, day.day)
        if found is not None and found >= today:
            notes.append(f"{day.label!r} read as {nice_day(found)}")
            return found
        month = month.add(months=1)
    raise WhenError(f"{day.label} is not a date")  # pragma: no cover - every 1–31 comes


def _part_time(part: PartOfDay, settings: Settings) -> tuple[int, int]:
    return _clock_setting(getattr(settings, part), part)


def workday_span(settings: Settings) -> tuple[int, int]:
    """The workday as minutes after midnight: (start, end)."""
    start = _clock_setting(settings.workday_start, "workday_start")
    end = _clock_setting(settings.workday_end, "workday_end")
    return start[0] * 60 + start[1], end[0] * 60 + end[1]


def _twelve_hour(time: Time, settings: Settings) -> tuple[int, int]:
    return twelve_hour_reading(time.hour, time.minute, settings)


def twelve_hour_reading(hour: int, minute: int, settings: Settings) -> tuple[int, int]:
    """An hour 1–12 written without am/pm (`2:30`, `3`): the reading inside the workday,
    else the one closer to it (`8` is 08:00 for a workday from 08:30)."""
    start, end = workday_span(settings)
    readings = sorted({(hour % 12) * 60 + minute, (hour % 12 + 12) * 60 + minute})

    def distance(minutes: int) -> int:
        return max(start - minutes, 0, minutes - end)

    best = min(readings, key=lambda m: (distance(m), m))
    return divmod(best, 60)


def _resolve_time(time: Time, settings: Settings) -> tuple[int, int]:
    if time.kind == "eod":
        return _clock_setting(settings.workday_end, "workday_end")
    if time.kind == "start":
        return _clock_setting(settings.workday_start, "workday_start")
    if time.kind == "part":
        assert time.part is not None
        return _part_time(time.part, settings)
    if time.kind == "midnight":
        return 0, 0
    if time.kind == "ampm":
        if not 1 <= time.hour <= 12 or time.minute > 59:
            raise WhenError(f"{time.label} is not a time")
        return time.hour % 12 + (12 if time.pm else 0), time.minute
    if time.hour > 23 or time.minute > 59:
        raise WhenError(f"{time.label} is not a time")
    if time.kind in ("twelve", "bare"):
        return _twelve_hour(time, settings)
    return time.hour, time.minute


def _outside_workday(time: Time, settings: Settings) -> bool:
    """True for an hour 1–12 whose morning and evening readings both miss the workday."""
    if not 1 <= time.hour <= 12:
        return False
    start, end = workday_span(settings)
    readings = ((time.hour % 12) * 60 + time.minute, (time.hour % 12 + 12) * 60 + time.minute)
    return not any(start <= minutes <= end for minutes in readings)


def _rolls(time: Time) -> bool:
    """An hour alone and a part of the day mean the next one: `by 3` at 16:00 is tomorrow's."""
    return time.kind in ("bare", "part", "start") and time.label.split()[0].lower() not in (
        "this",
        "tonight",
        "tonite",
    )


def _resolve_date_time(phrase: Phrase, context: _Context, notes: list[str]) -> pendulum.DateTime:
    today = context.local.date()
    day, time = phrase.day, phrase.time
    settings = context.settings
    if phrase.before and day is not None and time is None:
        target = resolve_day(day, today, settings, notes)
        workdays = _workdays(settings)
        before = target.subtract(days=1)
        while before.isoweekday() not in workdays:
            before = before.subtract(days=1)
        hour, minute = _clock_setting(settings.workday_end, "workday_end")
        result = wall_time(before, hour, minute, context.zone)
        notes.append(f"'before {day.label}' read as the end of {nice_day(before)}")
        return result
    date = today if day is None else resolve_day(day, today, settings, notes)
    if time is None:
        if day is not None and day.kind == "in-days":
            hour, minute = context.local.hour, context.local.minute  # same wall time N days on
        else:
            hour, minute = _clock_setting(settings.workday_end, "workday_end")
        return wall_time(date, hour, minute, context.zone)
    hour, minute = _resolve_time(time, settings)
    if time.kind == "midnight":
        date = date.add(days=1)
        notes.append(f"'midnight' read as the end of {nice_day(date.subtract(days=1))} (00:00)")
    result = wall_time(date, hour, minute, context.zone)
    outside = time.kind == "bare" and _outside_workday(time, settings)
    if outside and day is None:
        # neither 07:00 nor 19:00 is in the workday: early in the morning, "by 7" is the
        # 7 o'clock still to come this morning
        morning = wall_time(date, time.hour % 12, time.minute, context.zone)
        if context.now < morning < result:
            result = morning
    if day is None and _rolls(time) and result <= context.now:
        date = _next_workday(today, settings)
        result = wall_time(date, hour, minute, context.zone)
    if time.kind == "bare":
        where = "" if outside else " in the workday"
        notes.append(
            f"{time.label!r} read as {fmt(result, 'HH:mm')}{_day_note(result, today)} "
            f"(an hour alone: the next {time.hour} o'clock{where})"
        )
    elif time.kind == "twelve" and (hour, minute) != (time.hour, time.minute):
        notes.append(
            f"{time.label!r} read as {fmt(result, 'HH:mm')} (no am/pm: the one in the workday)"
        )
    elif time.kind in ("part", "start"):
        name = "start of the workday" if time.kind == "start" else f"settings: {time.part}"
        notes.append(
            f"{time.label!r} read as {fmt(result, 'HH:mm')}{_day_note(result, today)} ({name})"
        )
    elif time.kind == "ampm" and time.hour == 12 and not time.pm:
        notes.append(f"{time.label!r} read as 00:00 at the start of {nice_day(date)}")
    return result


def _day_note(result: pendulum.DateTime, today: pendulum.Date) -> str:
    day = result.date()
    if day == today:
        return " today"
    if day == today.add(days=1):
        return " tomorrow"
    return f" on {nice_day(day)}"


def _resolve_iso(
    whole: Whole, iso: tuple[int, int, int, int, int, int], zone: pendulum.Timezone
) -> pendulum.DateTime:
    y, mo, d, h, mi, s = iso
    tz: pendulum.Timezone | pendulum.FixedTimezone = zone
    if whole.offset and whole.offset != "z":
        sign = -1 if whole.offset[0] == "-" else 1
        digits = whole.offset[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        if hours > 23 or minutes > 59:
            raise WhenError(f"{whole.label} has an impossible UTC offset")
        tz = fixed_timezone(sign * (hours * 3600 + minutes * 60))
    elif whole.offset == "z":
        tz = pendulum.UTC
    if valid_date(y, mo, d) is None:
        raise WhenError(f"{whole.label} is not a date")
    if h > 23 or mi > 59 or s > 59:
        raise WhenError(f"{whole.label} is not a time")
    try:
        if not whole.offset:
            return wall_time(pendulum.Date(y, mo, d), h, mi, zone, second=s)
        return pendulum.datetime(y, mo, d, h, mi, s, tz=tz).in_tz(zone)
    except WhenError:
        raise
    except (ValueError, OverflowError) as exc:
        raise WhenError(f"{whole.label} is not a date") from exc


def resolve(
    phrase: Phrase, now: pendulum.DateTime, settings: Settings
) -> tuple[pendulum.DateTime, list[str]]:
    zone = _zone(settings)
    context = _Context(now, now.in_tz(zone), zone, settings)
    today = context.local.date()
    whole = phrase.whole
    notes: list[str] = []
    if whole is not None and whole.iso is not None:
        result = _resolve_iso(whole, whole.iso, zone)
    elif whole is not None:
        minutes = settings.asap_minutes if whole.asap else whole.minutes
        if minutes > _MAX_MINUTES_AHEAD:
            raise WhenError(f"{whole.label} is too far ahead")
        result = context.local.add(minutes=minutes).replace(second=0, microsecond=0)
        if whole.asap:
            notes.append(f"{whole.label!r} read as within {minutes} min (settings: asap_minutes)")
    else:
        try:
            result = _resolve_date_time(phrase, context, notes)
        except (ValueError, OverflowError) as exc:
            if isinstance(exc, WhenError):
                raise
            raise WhenError(f"{phrase.label} is too far ahead") from exc
    if result <= now:
        raise WhenError(_past_message(phrase, result, today))
    if is_repeated(result) and (whole is None or not whole.offset) and not _relative(whole):
        notes.append(repeated_note(phrase.label, result))
    return result, notes


def _relative(whole: Whole | None) -> bool:
    return whole is not None and whole.iso is None


def _past_message(phrase: Phrase, result: pendulum.DateTime, today: pendulum.Date) -> str:
    if result.date() < today:
        return f"{phrase.label} is in the past"
    if phrase.whole is not None and phrase.whole.iso is None:
        return f"{phrase.label} is not in the future"
    clock = f"{result.hour:02d}:{result.minute:02d}"
    if phrase.whole is not None or (phrase.time is not None and phrase.time.kind != "eod"):
        return f"{clock} today has already passed"
    return f"end of day ({clock}) today has already passed"
