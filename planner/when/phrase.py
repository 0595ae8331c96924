"""The WHEN of a promise: a small date grammar on pendulum ("tomorrow 3pm", "fri eod", "in 2h").

A phrase is at most one day part and one time part, in either order (`fri 10am`, `10am fri`),
or one form that is both (`2026-11-24T15:00`, `in 90 min`). A day without a time means the end
of the workday; a time without a day means today. The result is always in the executive's zone
and always after `now`: a past or impossible date is an error, never silently moved.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

import pendulum
from pendulum.tz import fixed_timezone

from planner.config import Settings, executive_zone
from planner.when.wall import WhenError, wall_time


class WhenMatch(NamedTuple):
    """What `match_when` read from the start of a list of words."""

    words: int
    """How many words the WHEN took; 0 when the first word does not start a WHEN."""
    value: pendulum.DateTime | None
    """The promise, in the executive's zone; None when nothing matched or `error` is set."""
    error: str | None
    """Why the words that look like a WHEN are not a valid promise (e.g. "feb 30 is not a date")."""


# --- vocabulary -------------------------------------------------------------------------------

_WEEKDAYS = {
    "mon": 1, "monday": 1,
    "tue": 2, "tues": 2, "tuesday": 2,
    "wed": 3, "weds": 3, "wednesday": 3,
    "thu": 4, "thur": 4, "thurs": 4, "thursday": 4,
    "fri": 5, "friday": 5,
    "sat": 6, "saturday": 6,
    "sun": 7, "sunday": 7,
}  # fmt: skip
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_RELATIVE_DAYS = {"today": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "yesterday": -1}
_NEXT_WORKDAY = (("workday",), ("business", "day"), ("working", "day"))
_MINUTE_UNITS = {
    "m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1,
    "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60,
}  # fmt: skip
"""`in N <unit>` counted in absolute minutes (`in 2h` is 120 minutes from now, DST or not)."""
_DAY_UNITS = {
    "d": 1, "day": 1, "days": 1,
    "w": 7, "wk": 7, "wks": 7, "week": 7, "weeks": 7,
}  # fmt: skip
"""`in N <unit>` counted in calendar days: the same wall-clock time N days on."""
_OTHER_WORDS = frozenset({
    "next", "week", "workday", "business", "working", "day", "in", "on", "at", "a", "an",
    "eod", "eow", "noon", "midnight", "am", "pm",
})  # fmt: skip
"""The rest of the WHEN vocabulary, to name the word a WHEN stumbles on."""
_MAX_DAYS_AHEAD = 3660
_MAX_MINUTES_AHEAD = _MAX_DAYS_AHEAD * 24 * 60

_TRAILING = ",;.!?"
"""Punctuation allowed at the end of a WHEN word (`by tomorrow, then …`)."""
_AMPM = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?([ap])\.?m\.?")
_AMPM_WORD = re.compile(r"([ap])\.?m\.?")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.]|h(?=\d))(\d{2})")
_NUMBER = re.compile(r"\d{1,6}")
_HOUR = re.compile(r"\d{1,2}")
_DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_YEAR = re.compile(r"\d{4}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})t(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}(?::?\d{2})?)?"
)
_GLUED_DURATION = re.compile(r"(\d{1,6})([a-z]+)")


# --- parsed parts -----------------------------------------------------------------------------

DayKind = Literal["offset", "weekday", "next-week", "next-workday", "eow", "date", "in-days"]
TimeKind = Literal["clock", "ampm", "noon", "eod", "midnight"]


class _Day(NamedTuple):
    """A day part, as written: resolved against today by `_resolve_day`."""

    kind: DayKind
    label: str
    """The words as typed, for messages ("feb 30 is not a date")."""
    n: int = 0
    """Days ahead (offset, in-days) or ISO weekday (weekday)."""
    month: int = 0
    day: int = 0
    year: int = 0
    """0 when not written: the next occurrence that is not in the past."""


class _Time(NamedTuple):
    kind: TimeKind
    label: str
    hour: int = 0
    minute: int = 0
    pm: bool = False


class _Whole(NamedTuple):
    """A form that is both day and time: an ISO date-time, or `in N minutes/hours`."""

    label: str
    minutes: int = 0
    """For `in N minutes/hours`; unused when `iso` is set."""
    iso: tuple[int, int, int, int, int, int] | None = None
    """Year, month, day, hour, minute, second of an ISO date-time."""
    offset: str = ""
    """The ISO date-time's UTC offset as written ("z", "+01:00"); "" means the executive's zone."""


class _Phrase(NamedTuple):
    words: int
    label: str
    day: _Day | None = None
    time: _Time | None = None
    whole: _Whole | None = None


def _norm(word: str) -> str:
    return word.lower().rstrip(_TRAILING)


def _label(words: Sequence[str]) -> str:
    return " ".join(w.rstrip(_TRAILING) for w in words)


# --- syntax: which words make a WHEN ----------------------------------------------------------


def _match_day(words: Sequence[str], i: int) -> tuple[int, _Day] | None:
    """A day part starting at words[i]: (words taken, day) or None."""
    w = _norm(words[i])
    nxt = _norm(words[i + 1]) if i + 1 < len(words) else ""
    nxt2 = _norm(words[i + 2]) if i + 2 < len(words) else ""
    one = _label(words[i : i + 1])
    if w in _RELATIVE_DAYS:
        return 1, _Day("offset", one, n=_RELATIVE_DAYS[w])
    if w in _WEEKDAYS:
        return 1, _Day("weekday", one, n=_WEEKDAYS[w])
    if w == "eow":
        return 1, _Day("eow", one)
    if w == "next":
        # `next fri` is the coming Friday, like `fri`: the preview shows the date it means.
        if nxt in _WEEKDAYS:
            return 2, _Day("weekday", _label(words[i : i + 2]), n=_WEEKDAYS[nxt])
        if nxt == "week":
            return 2, _Day("next-week", _label(words[i : i + 2]))
        for tail in _NEXT_WORKDAY:
            if (nxt, nxt2)[: len(tail)] == tail:
                taken = 1 + len(tail)
                return taken, _Day("next-workday", _label(words[i : i + taken]))
        return None
    if w == "on" and nxt:
        found = _match_day(words, i + 1)
        if found and found[1].kind != "in-days":
            return 1 + found[0], found[1]
        return None
    if w == "in":
        duration = _match_in(words, i)
        if duration and duration[2] == "days":
            taken, amount, _ = duration
            return taken, _Day("in-days", _label(words[i : i + taken]), n=amount)
        return None
    if m := _ISO_DATE.fullmatch(w):
        year, month, day = (int(g) for g in m.groups())
        return 1, _Day("date", one, month=month, day=day, year=year)
    if w in _MONTHS and (m := _DAY_NUMBER.fullmatch(nxt)):
        return _calendar_date(words, i, _MONTHS[w], int(m.group(1)), nxt2)
    if (m := _DAY_NUMBER.fullmatch(w)) and nxt in _MONTHS:
        return _calendar_date(words, i, _MONTHS[nxt], int(m.group(1)), nxt2)
    return None


def _calendar_date(
    words: Sequence[str], i: int, month: int, day: int, maybe_year: str
) -> tuple[int, _Day]:
    """`nov 24` / `24 nov`, with the year when the next word is one."""
    taken, year = (3, int(maybe_year)) if _YEAR.fullmatch(maybe_year) else (2, 0)
    return taken, _Day("date", _label(words[i : i + taken]), month=month, day=day, year=year)


def _match_in(words: Sequence[str], i: int) -> tuple[int, int, str] | None:
    """`in 2h`, `in 90 min`, `in an hour`, `in 3d`: (words taken, amount, "minutes"|"days")."""
    if i + 1 >= len(words):
        return None
    nxt = _norm(words[i + 1])
    if m := _GLUED_DURATION.fullmatch(nxt):
        taken, amount, unit = 2, int(m.group(1)), m.group(2)
    elif i + 2 < len(words) and (_NUMBER.fullmatch(nxt) or nxt in ("a", "an")):
        taken, amount, unit = 3, int(nxt) if nxt.isdigit() else 1, _norm(words[i + 2])
    else:
        return None
    if unit in _MINUTE_UNITS:
        return taken, amount * _MINUTE_UNITS[unit], "minutes"
    if unit in _DAY_UNITS:
        return taken, amount * _DAY_UNITS[unit], "days"
    return None


def _match_time(words: Sequence[str], i: int) -> tuple[int, _Time] | None:
    """A time part starting at words[i]: (words taken, time) or None."""
    w = _norm(words[i])
    nxt = _norm(words[i + 1]) if i + 1 < len(words) else ""
    if w == "at" and nxt:
        found = _match_time(words, i + 1)
        return (1 + found[0], found[1]) if found else None
    one = _label(words[i : i + 1])
    if w == "noon":
        return 1, _Time("noon", one, 12, 0)
    if w == "eod":
        return 1, _Time("eod", one)
    if w == "midnight":
        return 1, _Time("midnight", one)
    if m := _AMPM.fullmatch(w):
        return 1, _Time("ampm", one, int(m.group(1)), int(m.group(2) or 0), m.group(3) == "p")
    if m := _CLOCK.fullmatch(w):
        return 1, _Time("clock", one, int(m.group(1)), int(m.group(2)))
    if _HOUR.fullmatch(w) and (m := _AMPM_WORD.fullmatch(nxt)):
        return 2, _Time("ampm", _label(words[i : i + 2]), int(w), 0, m.group(1) == "p")
    return None


def _match_whole(words: Sequence[str], i: int) -> tuple[int, _Whole] | None:
    w = _norm(words[i])
    if m := _ISO_DATETIME.fullmatch(w):
        y, mo, d, h, mi, s = (int(g or 0) for g in m.groups()[:6])
        return 1, _Whole(_label(words[i : i + 1]), iso=(y, mo, d, h, mi, s), offset=m[7] or "")
    if w == "in":
        duration = _match_in(words, i)
        if duration and duration[2] == "minutes":
            taken, amount, _ = duration
            return taken, _Whole(_label(words[i : i + taken]), minutes=amount)
    return None


def _match_phrase(words: Sequence[str]) -> _Phrase:
    """The longest run of words from the start that reads as a WHEN (words=0 when none)."""
    i = 0
    day: _Day | None = None
    time: _Time | None = None
    whole: _Whole | None = None
    while i < len(words) and whole is None:
        if day is None and time is None and (found_whole := _match_whole(words, i)):
            i, whole = i + found_whole[0], found_whole[1]
        elif day is None and (found_day := _match_day(words, i)):
            i, day = i + found_day[0], found_day[1]
        elif time is None and (found_time := _match_time(words, i)):
            i, time = i + found_time[0], found_time[1]
        else:
            break
    return _Phrase(i, _label(words[:i]), day, time, whole)


def is_when_word(word: str) -> bool:
    """True when the word belongs to the WHEN vocabulary (used to name the unreadable part)."""
    w = _norm(word)
    return (
        w in _WEEKDAYS
        or w in _MONTHS
        or w in _RELATIVE_DAYS
        or w in _MINUTE_UNITS
        or w in _DAY_UNITS
        or w in _OTHER_WORDS
        or bool(_NUMBER.fullmatch(w))
        or _match_whole([w], 0) is not None
        or _match_time([w], 0) is not None
    )


# --- meaning: from parts to an instant --------------------------------------------------------


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


def _date(year: int, month: int, day: int) -> pendulum.Date | None:
    try:
        return pendulum.Date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _workdays(settings: Settings) -> frozenset[int]:
    days = frozenset(d for d in settings.workdays if 1 <= d <= 7)
    if not days:
        raise WhenError("settings: no workdays are set")
    return days


def _end_of_week(today: pendulum.Date, workdays: frozenset[int]) -> pendulum.Date:
    """The last workday of this week; the week starts on the first day of the workweek.

    Monday for Mon–Fri, Sunday for Sun–Thu, Monday when every day is a workday.
    """
    starts = [d for d in range(1, 8) if d in workdays and (d - 2) % 7 + 1 not in workdays]
    first = starts[0] if starts else 1
    start = today.subtract(days=(today.isoweekday() - first) % 7)
    week = [start.add(days=n) for n in range(7)]
    return [d for d in week if d.isoweekday() in workdays][-1]


def _resolve_day(day: _Day, today: pendulum.Date, settings: Settings) -> pendulum.Date:
    if day.kind in ("offset", "in-days"):
        if day.n > _MAX_DAYS_AHEAD:
            raise WhenError(f"{day.label} is too far ahead")
        return today.add(days=day.n)
    if day.kind == "weekday":  # the next one, never today
        return today.add(days=(day.n - today.isoweekday()) % 7 or 7)
    if day.kind == "next-week":
        return today.add(days=8 - today.isoweekday())
    if day.kind == "next-workday":
        workdays = _workdays(settings)
        ahead = 1
        while today.add(days=ahead).isoweekday() not in workdays:
            ahead += 1
        return today.add(days=ahead)
    if day.kind == "eow":
        return _end_of_week(today, _workdays(settings))
    if day.year:
        found = _date(day.year, day.month, day.day)
        if found is None:
            raise WhenError(f"{day.label} is not a date")
        return found
    for year in range(today.year, today.year + 9):  # Feb 29 may be years away
        found = _date(year, day.month, day.day)
        if found is not None and found >= today:
            return found
    raise WhenError(f"{day.label} is not a date")


def _resolve_time(time: _Time, settings: Settings) -> tuple[int, int]:
    if time.kind == "eod":
        return _clock_setting(settings.workday_end, "workday_end")
    if time.kind == "midnight":
        raise WhenError("midnight is ambiguous: write a time such as 23:59, or eod")
    if time.kind == "ampm":
        if not 1 <= time.hour <= 12 or time.minute > 59:
            raise WhenError(f"{time.label} is not a time")
        return time.hour % 12 + (12 if time.pm else 0), time.minute
    if time.hour > 23 or time.minute > 59:
        raise WhenError(f"{time.label} is not a time")
    return time.hour, time.minute


def _resolve_iso(
    whole: _Whole, iso: tuple[int, int, int, int, int, int], zone: pendulum.Timezone
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
    if _date(y, mo, d) is None:
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


def _resolve(phrase: _Phrase, now: pendulum.DateTime, settings: Settings) -> pendulum.DateTime:
    zone = _zone(settings)
    local = now.in_tz(zone)
    today = local.date()
    day, time, whole = phrase.day, phrase.time, phrase.whole
    if whole is not None and whole.iso is not None:
        result = _resolve_iso(whole, whole.iso, zone)
    elif whole is not None:
        if whole.minutes > _MAX_MINUTES_AHEAD:
            raise WhenError(f"{whole.label} is too far ahead")
        result = local.add(minutes=whole.minutes).replace(second=0, microsecond=0)
    else:
        date = today if day is None else _resolve_day(day, today, settings)
        if time is not None:
            hour, minute = _resolve_time(time, settings)
        elif day is not None and day.kind == "in-days":
            hour, minute = local.hour, local.minute  # `in 3d`: same wall time, 3 days on
        else:
            hour, minute = _clock_setting(settings.workday_end, "workday_end")
        try:
            result = wall_time(date, hour, minute, zone)
        except (ValueError, OverflowError) as exc:
            if isinstance(exc, WhenError):
                raise
            raise WhenError(f"{phrase.label} is too far ahead") from exc
    if result <= now:
        raise WhenError(_past_message(phrase, result, today))
    return result


def _past_message(phrase: _Phrase, result: pendulum.DateTime, today: pendulum.Date) -> str:
    if result.date() < today:
        return f"{phrase.label} is in the past"
    if phrase.whole is not None and phrase.whole.iso is None:
        return f"{phrase.label} is not in the future"
    clock = f"{result.hour:02d}:{result.minute:02d}"
    if phrase.whole is not None or (phrase.time is not None and phrase.time.kind != "eod"):
        return f"{clock} today has already passed"
    return f"end of day ({clock}) today has already passed"


def _nearest_date(day: _Day, today: pendulum.Date) -> pendulum.Date:
    """A date written without a year, for looking a day up: the one closest to today."""
    candidates = [
        found
        for year in (today.year - 1, today.year, today.year + 1)
        if (found := _date(year, day.month, day.day)) is not None
    ]
    if not candidates:
        raise WhenError(f"{day.label} is not a date")
    return min(candidates, key=lambda found: (abs((found - today).days), found < today))


# --- public -----------------------------------------------------------------------------------


def parse_day(
    phrase: str, *, today: datetime.date, settings: Settings, what: str = "--date"
) -> pendulum.Date:
    """The day a phrase names, for looking a day up (`--date`): past days are fine.

    The day words of the WHEN grammar (`today`, `tomorrow`, `yesterday`, `fri`,
    `next week`, `nov 24`, `2026-11-24` …) mean what they mean in a promise, with two
    differences for looking back as well as ahead: a weekday includes today (`mon` on a
    Monday is today, where a promise `by mon` is next week's), and a date without a year
    is the one closest to today (`closeout --date nov 20` is last week's).
    Raises WhenError naming `what` and the problem.
    """
    words = phrase.split()
    if not words:
        raise WhenError(f"{what}: give a day (e.g. tomorrow, fri, 2026-11-24)")
    found = _match_day(words, 0)
    if found is None or found[0] < len(words):
        raise WhenError(
            f"{what}: {phrase.strip()!r} is not a date (e.g. today, tomorrow, fri, nov 24, "
            "2026-11-24)"
        )
    day = found[1]
    today = pendulum.Date(today.year, today.month, today.day)
    try:
        if day.kind == "date" and not day.year:
            return _nearest_date(day, today)
        if day.kind == "date":
            found_date = _date(day.year, day.month, day.day)
            if found_date is None:
                raise WhenError(f"{day.label} is not a date")
            return found_date
        if day.kind == "weekday":  # looking a day up, `mon` on a Monday is today
            return today.add(days=(day.n - today.isoweekday()) % 7)
        return _resolve_day(day, today, settings)
    except WhenError as exc:
        raise WhenError(f"{what}: {exc.message}") from None


def match_when(words: Sequence[str], *, now: pendulum.DateTime, settings: Settings) -> WhenMatch:
    """Read the longest run of `words` from the start that is a WHEN, and resolve it.

    Trailing `,;.` on a word is allowed (`by tomorrow, then …`). The run is chosen by
    syntax alone, so `nov 20 2026` keeps its explicit year and is reported as past rather
    than quietly read as `nov 20` of next year.
    """
    phrase = _match_phrase(words)
    if phrase.words == 0:
        return WhenMatch(0, None, None)
    try:
        return WhenMatch(phrase.words, _resolve(phrase, now, settings), None)
    except WhenError as exc:
        return WhenMatch(phrase.words, None, exc.message)


def parse_when(phrase: str, *, now: pendulum.DateTime, settings: Settings) -> pendulum.DateTime:
    """The instant a WHEN phrase names, in the executive's zone, strictly after `now`.

    Raises WhenError with a short message naming what is wrong.
    """
    words = phrase.split()
    if not words:
        raise WhenError("no date given")
    found = match_when(words, now=now, settings=settings)
    if found.words < len(words):
        bad = words[found.words]
        if found.words == 0 and not is_when_word(bad):
            raise WhenError(f"could not read a date: unknown word {bad!r}")
        if not is_when_word(bad):
            raise WhenError(f"unknown word in date {phrase.strip()!r}: {bad!r}")
        raise WhenError(f"could not read a date: {bad!r} does not fit in {phrase.strip()!r}")
    if found.error is not None:
        raise WhenError(found.error)
    assert found.value is not None
    return found.value
