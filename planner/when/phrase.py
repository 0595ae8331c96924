"""The WHEN of a promise: a small grammar on pendulum ("tomorrow 2:30 pm", "fri eod", "in 2h").

A phrase is at most one day part and one time part, in either order (`fri 10am`, `9am
tomorrow`), or one form that is both (`2026-11-24T15:00`, `in 90 min`, `within the hour`,
`asap`). A day without a time means the end of the workday; a time without a day means
today. The result is in the executive's zone and after `now`: a past or impossible date is
an error, never silently moved.

Where words could mean two things the reading taken is reported as a note, for the
preview to show: an hour alone (`by 3`: the next 3 o'clock inside the workday, 15:00), a
12-hour time without am/pm (`2:30`: the one inside the workday, 14:30), `next fri`
(the Friday of next week), a numeric date (`12/4`, by the date_order setting), a part of
the day (`morning`, by its setting), `midnight` (the end of the day), `12am` (the start of
it), `before fri` (the end of the workday before), a time the clocks show twice.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

import pendulum
from pendulum.tz import fixed_timezone

from planner.config import Settings, date_order, executive_zone
from planner.humanize import fmt
from planner.when.wall import WhenError, is_repeated, repeated_note, wall_time


class WhenMatch(NamedTuple):
    """What `match_when` read from the start of a list of words."""

    words: int
    """How many words the WHEN took; 0 when the first word does not start a WHEN."""
    value: pendulum.DateTime | None
    """The promise, in the executive's zone; None when nothing matched or `error` is set."""
    error: str | None
    """Why the words that look like a WHEN are not a valid promise (e.g. "feb 30 is not a date")."""
    notes: tuple[str, ...] = ()
    """Readings taken where the words could mean two things, for the preview to show."""
    timed: bool = False
    """True when the words name a time of day (`3pm`, `morning`, `eod`), not only a day."""


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

PartOfDay = Literal["morning", "lunchtime", "afternoon", "evening"]
_PARTS: dict[str, PartOfDay] = {
    "morning": "morning",
    "lunchtime": "lunchtime",
    "lunch": "lunchtime",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "evening",
}
_TONIGHT = {"tonight": "evening", "tonite": "evening"}
_EOD_WORDS = frozenset({"eod", "cob", "eob", "eop"})
_EOD_PHRASES = (
    ("end", "of", "day"),
    ("end", "of", "the", "day"),
    ("end", "of", "business"),
    ("close", "of", "business"),
    ("end", "of", "play"),
)
_EOW_PHRASES = (("end", "of", "week"), ("end", "of", "the", "week"))
_ASAP_WORDS = frozenset({"asap", "a.s.a.p"})
_ASAP_PHRASE = ("as", "soon", "as", "possible")
_FIRST_THING = ("first", "thing")

_OTHER_WORDS = frozenset({
    "next", "this", "week", "workday", "business", "working", "day", "in", "on", "at", "a",
    "an", "the", "of", "noon", "midday", "midnight", "am", "pm", "within", "half", "end",
    "close", "first", "thing", "o'clock", "oclock", "hour",
})  # fmt: skip
"""The rest of the WHEN vocabulary, to name the word a WHEN stumbles on."""
_MAX_DAYS_AHEAD = 3660
_MAX_MINUTES_AHEAD = _MAX_DAYS_AHEAD * 24 * 60

_TRAILING = ",;.!?)"
"""Punctuation allowed at the end of a WHEN word (`by tomorrow, then …`)."""
_AMPM = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?")
_AMPM_WORD = re.compile(r"([ap])\.?m\.?")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.]|h(?=\d))(\d{2})")
_NUMBER = re.compile(r"\d{1,6}")
_HOUR = re.compile(r"\d{1,2}")
_DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_YEAR = re.compile(r"\d{4}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?")
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})t(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}(?::?\d{2})?)?"
)
_GLUED_DURATION = re.compile(r"(\d{1,6})([a-z]+)")


# --- parsed parts -----------------------------------------------------------------------------

DayKind = Literal[
    "offset",
    "weekday",
    "this-weekday",
    "next-weekday",
    "next-week",
    "next-workday",
    "eow",
    "date",
    "numeric",
    "month-day",
    "in-days",
]
TimeKind = Literal["clock", "ampm", "twelve", "bare", "noon", "eod", "midnight", "part", "start"]


class _Day(NamedTuple):
    """A day part, as written: resolved against today by `_resolve_day`."""

    kind: DayKind
    label: str
    """The words as typed, for messages ("feb 30 is not a date")."""
    n: int = 0
    """Days ahead (offset, in-days), ISO weekday (weekdays), weeks ahead (eow)."""
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
    part: PartOfDay | None = None
    """For kind "part": which setting; for a 12-hour time, the part that says am or pm."""


class _Whole(NamedTuple):
    """A form that is both day and time: an ISO date-time, `in N minutes`, `asap`."""

    label: str
    minutes: int = 0
    """For `in N minutes/hours`, `within …`; unused when `iso` is set or `asap`."""
    iso: tuple[int, int, int, int, int, int] | None = None
    """Year, month, day, hour, minute, second of an ISO date-time."""
    offset: str = ""
    """The ISO date-time's UTC offset as written ("z", "+01:00"); "" means the executive's zone."""
    asap: bool = False


class _Phrase(NamedTuple):
    words: int
    label: str
    day: _Day | None = None
    time: _Time | None = None
    whole: _Whole | None = None
    before: bool = False
    """Read after `before`: a day alone means the end of the workday before it."""


@functools.lru_cache(maxsize=4096)
def _norm(word: str) -> str:
    return word.lower().lstrip("(").rstrip(_TRAILING)


def _label(words: Sequence[str]) -> str:
    return " ".join(w.lstrip("(").rstrip(_TRAILING) for w in words)


def _at(words: Sequence[str], i: int) -> str:
    return _norm(words[i]) if i < len(words) else ""


def _starts(words: Sequence[str], i: int, phrase: tuple[str, ...]) -> bool:
    if _at(words, i) != phrase[0]:
        return False
    return tuple(_at(words, i + k) for k in range(len(phrase))) == phrase


_STARTERS = frozenset({
    "eow", "next", "this", "on", "at", "the", "in", "within", "end", "close", "first", "noon",
    "midday", "midnight", "as",
})  # fmt: skip


def could_start(word: str) -> bool:
    """A cheap first look: whether a WHEN could start at `word` (most prose words cannot)."""
    w = _norm(word)
    return bool(w) and (
        w[0].isdigit()
        or w in _STARTERS
        or w in _WEEKDAYS
        or w in _MONTHS
        or w in _RELATIVE_DAYS
        or w in _PARTS
        or w in _TONIGHT
        or w in _EOD_WORDS
        or w in _ASAP_WORDS
    )


# --- syntax: which words make a WHEN ----------------------------------------------------------


def _match_day(words: Sequence[str], i: int, order: str) -> tuple[int, _Day] | None:
    """A day part starting at words[i]: (words taken, day) or None."""
    w, nxt, nxt2 = _at(words, i), _at(words, i + 1), _at(words, i + 2)

    def taking(taken: int, kind: DayKind, **fields: int) -> tuple[int, _Day]:
        return taken, _Day(kind, _label(words[i : i + taken]), **fields)

    if w in _RELATIVE_DAYS:
        return taking(1, "offset", n=_RELATIVE_DAYS[w])
    if w in _WEEKDAYS:
        return taking(1, "weekday", n=_WEEKDAYS[w])
    if w == "eow":
        return taking(1, "eow")
    for phrase in _EOW_PHRASES:
        if _starts(words, i, phrase):
            return taking(len(phrase), "eow")
    if _starts(words, i, ("end", "of", "next", "week")):
        return taking(4, "eow", n=1)
    if w == "this" and nxt in _WEEKDAYS:
        return taking(2, "this-weekday", n=_WEEKDAYS[nxt])
    if w == "next":
        if nxt in _WEEKDAYS:
            return taking(2, "next-weekday", n=_WEEKDAYS[nxt])
        if nxt == "week":
            return taking(2, "next-week")
        for tail in _NEXT_WORKDAY:
            if (nxt, nxt2)[: len(tail)] == tail:
                return taking(1 + len(tail), "next-workday")
        return None
    if w == "on" and nxt:
        found = _match_day(words, i + 1, order)
        if found and found[1].kind != "in-days":
            return 1 + found[0], found[1]
        return None
    if w == "the" and (m := _ORDINAL.fullmatch(nxt)):
        return _day_of_month(words, i, 2, int(m.group(1)))
    if (m := _ORDINAL.fullmatch(w)) and nxt == "of" and nxt2 in _MONTHS:
        return _calendar_date(words, i, 3, _MONTHS[nxt2], int(m.group(1)))
    if w in ("in", "within"):
        duration = _match_in(words, i)
        if duration and duration[2] == "days":
            taken, amount, _ = duration
            return taking(taken, "in-days", n=amount)
        return None
    if m := _ISO_DATE.fullmatch(w):
        year, month, day = (int(g) for g in m.groups())
        return taking(1, "date", month=month, day=day, year=year)
    if m := _NUMERIC_DATE.fullmatch(w):
        first, second = int(m.group(1)), int(m.group(2))
        month, day = (second, first) if order == "DMY" else (first, second)
        year = int(m.group(3) or 0)
        if 0 < year < 100:
            year += 2000
        return taking(1, "numeric", n=int(order == "DMY"), month=month, day=day, year=year)
    if w in _MONTHS and (m := _DAY_NUMBER.fullmatch(nxt)):
        return _calendar_date(words, i, 2, _MONTHS[w], int(m.group(1)))
    if w in _MONTHS and nxt == "the" and (m := _ORDINAL.fullmatch(nxt2)):
        return _calendar_date(words, i, 3, _MONTHS[w], int(m.group(1)))
    if (m := _DAY_NUMBER.fullmatch(w)) and nxt in _MONTHS:
        return _calendar_date(words, i, 2, _MONTHS[nxt], int(m.group(1)))
    if (m := _ORDINAL.fullmatch(w)) and not (nxt in _MONTHS or nxt == "of"):
        return _day_of_month(words, i, 1, int(m.group(1)))
    return None


def _day_of_month(words: Sequence[str], i: int, taken: int, day: int) -> tuple[int, _Day]:
    """`the 3rd`, `3rd` (`the 3rd of dec` is a calendar date)."""
    if _at(words, i + taken) == "of" and _at(words, i + taken + 1) in _MONTHS:
        month = _MONTHS[_at(words, i + taken + 1)]
        return _calendar_date(words, i, taken + 2, month, day)
    return taken, _Day("month-day", _label(words[i : i + taken]), day=day)


def _calendar_date(
    words: Sequence[str], i: int, taken: int, month: int, day: int
) -> tuple[int, _Day]:
    """`nov 24`, `24 nov`, `dec 1st`, `the 3rd of december`, with the year when one follows."""
    maybe_year = _at(words, i + taken)
    year = 0
    if _YEAR.fullmatch(maybe_year):
        taken, year = taken + 1, int(maybe_year)
    return taken, _Day("date", _label(words[i : i + taken]), month=month, day=day, year=year)


def _match_in(words: Sequence[str], i: int) -> tuple[int, int, str] | None:
    """`in 2h`, `in 90 min`, `in an hour`, `in half an hour`, `within the hour`, `in 3d`:
    (words taken, amount, "minutes"|"days")."""
    nxt, nxt2 = _at(words, i + 1), _at(words, i + 2)
    if not nxt:
        return None
    if m := _GLUED_DURATION.fullmatch(nxt):
        taken, amount, unit = 2, int(m.group(1)), m.group(2)
    elif nxt == "half" and nxt2 in ("an", "a") and _at(words, i + 3) == "hour":
        return 4, 30, "minutes"
    elif _NUMBER.fullmatch(nxt) or nxt in ("a", "an") or (nxt == "the" and _at(words, i) != "in"):
        if not nxt2:
            return None
        taken, amount, unit = 3, int(nxt) if nxt.isdigit() else 1, nxt2
    else:
        return None
    if unit in _MINUTE_UNITS:
        return taken, amount * _MINUTE_UNITS[unit], "minutes"
    if unit in _DAY_UNITS:
        return taken, amount * _DAY_UNITS[unit], "days"
    return None


def _match_time(words: Sequence[str], i: int, bare_ok: bool) -> tuple[int, _Time] | None:
    """A time part starting at words[i]: (words taken, time) or None.

    `bare_ok`: whether an hour alone (`3`) may be read as a time here (after `by`, `at`,
    or next to a day); elsewhere a number is prose.
    """
    w, nxt = _at(words, i), _at(words, i + 1)
    if w == "at" and nxt:
        found = _match_time(words, i + 1, bare_ok=True)
        return (1 + found[0], found[1]) if found else None

    def taking(
        taken: int,
        kind: TimeKind,
        hour: int = 0,
        minute: int = 0,
        pm: bool = False,
        part: PartOfDay | None = None,
    ) -> tuple[int, _Time]:
        return taken, _Time(kind, _label(words[i : i + taken]), hour, minute, pm, part)

    if w in ("noon", "midday"):
        return taking(1, "noon", 12, 0)
    if w in _EOD_WORDS:
        return taking(1, "eod")
    for phrase in _EOD_PHRASES:
        if _starts(words, i, phrase):
            return taking(len(phrase), "eod")
    if w == "midnight":
        return taking(1, "midnight")
    if _starts(words, i, _FIRST_THING):
        return taking(2, "start")
    if w in _PARTS:
        return taking(1, "part", part=_PARTS[w])
    if w in ("this", "the") and nxt in _PARTS:  # this afternoon, the morning
        return taking(2, "part", part=_PARTS[nxt])
    if w == "in" and nxt == "the" and _at(words, i + 2) in _PARTS:  # 9 in the morning
        return taking(3, "part", part=_PARTS[_at(words, i + 2)])
    if m := _AMPM.fullmatch(w):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        return taking(1, "ampm", hour, minute, pm=m.group(3) == "p")
    if (m := _CLOCK.fullmatch(w)) or (bare_ok and _HOUR.fullmatch(w)):
        hour, minute = (int(m.group(1)), int(m.group(2))) if m else (int(w), 0)
        if ampm := _AMPM_WORD.fullmatch(nxt):
            return taking(2, "ampm", hour, minute, pm=ampm.group(1) == "p")
        taken = 2 if nxt in ("o'clock", "oclock") else 1
        if m is None:
            if not 0 < hour <= 23:
                return None
            kind: TimeKind = "bare" if hour <= 12 else "clock"
            return taking(taken, kind, hour, 0)
        twelve = 1 <= hour <= 12 and not w.startswith("0")
        return taking(taken, "twelve" if twelve else "clock", hour, minute)
    return None


def _match_whole(words: Sequence[str], i: int) -> tuple[int, _Whole] | None:
    w = _at(words, i)
    if m := _ISO_DATETIME.fullmatch(w):
        y, mo, d, h, mi, s = (int(g or 0) for g in m.groups()[:6])
        return 1, _Whole(_label(words[i : i + 1]), iso=(y, mo, d, h, mi, s), offset=m[7] or "")
    if w in ("in", "within"):
        duration = _match_in(words, i)
        if duration and duration[2] == "minutes":
            taken, amount, _ = duration
            return taken, _Whole(_label(words[i : i + taken]), minutes=amount)
    if w in _ASAP_WORDS:
        return 1, _Whole(_label(words[i : i + 1]), asap=True)
    if _starts(words, i, _ASAP_PHRASE):
        return 4, _Whole(_label(words[i : i + 4]), asap=True)
    return None


_PART_MERIDIEM = {"morning": False, "afternoon": True, "evening": True}
"""A part of the day next to an hour says am or pm: `9 in the morning`, `tomorrow night 8`."""


def _qualify(time: _Time, part: _Time) -> _Time | None:
    """`3` + `afternoon` → 15:00; None when the two cannot combine."""
    if time.kind not in ("bare", "twelve") or part.part not in _PART_MERIDIEM:
        return None
    label = f"{time.label} {part.label}"
    pm = _PART_MERIDIEM[part.part]
    return _Time("ampm", label, time.hour, time.minute, pm=pm, part=part.part)


def _match_phrase(words: Sequence[str], order: str, bare_ok: bool) -> _Phrase:
    """The longest run of words from the start that reads as a WHEN (words=0 when none)."""
    i = 0
    day: _Day | None = None
    time: _Time | None = None
    whole: _Whole | None = None
    while i < len(words) and whole is None:
        if day is None and time is None and (found_whole := _match_whole(words, i)):
            i, whole = i + found_whole[0], found_whole[1]
            continue
        if day is None and _at(words, i) in _TONIGHT and time is None:
            day = _Day("offset", _label(words[i : i + 1]))
            time = _Time("part", _label(words[i : i + 1]), part="evening")
            i += 1
            continue
        if day is None and (found_day := _match_day(words, i, order)):
            i, day = i + found_day[0], found_day[1]
            continue
        found_time = _match_time(words, i, bare_ok=bare_ok or day is not None or i > 0)
        if found_time is None:
            break
        if time is None:
            i, time = i + found_time[0], found_time[1]
            continue
        merged = _qualify(time, found_time[1]) or _qualify(found_time[1], time)
        if merged is None:
            break
        i, time = i + found_time[0], merged
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
        or w in _PARTS
        or w in _TONIGHT
        or w in _EOD_WORDS
        or w in _ASAP_WORDS
        or w == "eow"
        or bool(_NUMBER.fullmatch(w))
        or bool(_ORDINAL.fullmatch(w))
        or bool(_NUMERIC_DATE.fullmatch(w))
        or bool(_AMPM_WORD.fullmatch(w))
        or _match_whole([w], 0) is not None
        or _match_time([w], 0, bare_ok=False) is not None
        or _match_day([w], 0, "DMY") is not None
    )


# --- meaning: from parts to an instant --------------------------------------------------------


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


def _nice(day: datetime.date) -> str:
    return fmt(day, "ddd D MMM")


def _resolve_day(
    day: _Day, today: pendulum.Date, settings: Settings, notes: list[str]
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
                f"{day.label!r} read as {_nice(found)}, in next week "
                f"(for {_nice(coming)} write {day.label.split()[-1]!r})"
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


def _calendar(day: _Day, today: pendulum.Date) -> pendulum.Date:
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


def _month_day(day: _Day, today: pendulum.Date, notes: list[str]) -> pendulum.Date:
    """`the 3rd`: the next 3rd of a month, today included."""
    if not 1 <= day.day <= 31:
        raise WhenError(f"{day.label} is not a date")
    month = pendulum.Date(today.year, today.month, 1)
    for _ in range(13):
        found = _date(month.year, month.month, day.day)
        if found is not None and found >= today:
            notes.append(f"{day.label!r} read as {_nice(found)}")
            return found
        month = month.add(months=1)
    raise WhenError(f"{day.label} is not a date")  # pragma: no cover - every 1–31 comes


def _part_time(part: PartOfDay, settings: Settings) -> tuple[int, int]:
    return _clock_setting(getattr(settings, part), part)


def _workday_span(settings: Settings) -> tuple[int, int]:
    """The workday as minutes after midnight: (start, end)."""
    start = _clock_setting(settings.workday_start, "workday_start")
    end = _clock_setting(settings.workday_end, "workday_end")
    return start[0] * 60 + start[1], end[0] * 60 + end[1]


def _twelve_hour(time: _Time, settings: Settings) -> tuple[int, int]:
    return twelve_hour_reading(time.hour, time.minute, settings)


def twelve_hour_reading(hour: int, minute: int, settings: Settings) -> tuple[int, int]:
    """An hour 1–12 written without am/pm (`2:30`, `3`): the reading inside the workday,
    else the one closer to it (`8` is 08:00 for a workday from 08:30)."""
    start, end = _workday_span(settings)
    readings = sorted({(hour % 12) * 60 + minute, (hour % 12 + 12) * 60 + minute})

    def distance(minutes: int) -> int:
        return max(start - minutes, 0, minutes - end)

    best = min(readings, key=lambda m: (distance(m), m))
    return divmod(best, 60)


def _resolve_time(time: _Time, settings: Settings) -> tuple[int, int]:
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


def _outside_workday(time: _Time, settings: Settings) -> bool:
    """True for an hour 1–12 whose morning and evening readings both miss the workday."""
    if not 1 <= time.hour <= 12:
        return False
    start, end = _workday_span(settings)
    readings = ((time.hour % 12) * 60 + time.minute, (time.hour % 12 + 12) * 60 + time.minute)
    return not any(start <= minutes <= end for minutes in readings)


def _rolls(time: _Time) -> bool:
    """An hour alone and a part of the day mean the next one: `by 3` at 16:00 is tomorrow's."""
    return time.kind in ("bare", "part", "start") and time.label.split()[0].lower() not in (
        "this",
        "tonight",
        "tonite",
    )


def _resolve_date_time(phrase: _Phrase, context: _Context, notes: list[str]) -> pendulum.DateTime:
    today = context.local.date()
    day, time = phrase.day, phrase.time
    settings = context.settings
    if phrase.before and day is not None and time is None:
        target = _resolve_day(day, today, settings, notes)
        workdays = _workdays(settings)
        before = target.subtract(days=1)
        while before.isoweekday() not in workdays:
            before = before.subtract(days=1)
        hour, minute = _clock_setting(settings.workday_end, "workday_end")
        result = wall_time(before, hour, minute, context.zone)
        notes.append(f"'before {day.label}' read as the end of {_nice(before)}")
        return result
    date = today if day is None else _resolve_day(day, today, settings, notes)
    if time is None:
        if day is not None and day.kind == "in-days":
            hour, minute = context.local.hour, context.local.minute  # same wall time N days on
        else:
            hour, minute = _clock_setting(settings.workday_end, "workday_end")
        return wall_time(date, hour, minute, context.zone)
    hour, minute = _resolve_time(time, settings)
    if time.kind == "midnight":
        date = date.add(days=1)
        notes.append(f"'midnight' read as the end of {_nice(date.subtract(days=1))} (00:00)")
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
        notes.append(f"{time.label!r} read as 00:00 at the start of {_nice(date)}")
    return result


def _day_note(result: pendulum.DateTime, today: pendulum.Date) -> str:
    day = result.date()
    if day == today:
        return " today"
    if day == today.add(days=1):
        return " tomorrow"
    return f" on {_nice(day)}"


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


def _resolve(
    phrase: _Phrase, now: pendulum.DateTime, settings: Settings
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


def _relative(whole: _Whole | None) -> bool:
    return whole is not None and whole.iso is None


def _past_message(phrase: _Phrase, result: pendulum.DateTime, today: pendulum.Date) -> str:
    if result.date() < today:
        return f"{phrase.label} is in the past"
    if phrase.whole is not None and phrase.whole.iso is None:
        return f"{phrase.label} is not in the future"
    clock = f"{result.hour:02d}:{result.minute:02d}"
    if phrase.whole is not None or (phrase.time is not None and phrase.time.kind != "eod"):
        return f"{clock} today has already passed"
    return f"end of day ({clock}) today has already passed"


# --- public -----------------------------------------------------------------------------------


def match_when(
    words: Sequence[str],
    *,
    now: pendulum.DateTime,
    settings: Settings,
    before: bool = False,
) -> WhenMatch:
    """Read the longest run of `words` from the start that is a WHEN, and resolve it.

    Trailing `,;.` on a word is allowed (`by tomorrow, then …`). The run is chosen by
    syntax alone, so `nov 20 2026` keeps its explicit year and is reported as past rather
    than quietly read as `nov 20` of next year. `before`: the words follow `before`, so a
    day alone means the end of the workday before it (`before fri`: Thursday's end).
    """
    if not words or not could_start(words[0]):
        return WhenMatch(0, None, None)
    phrase = _match_phrase(words, date_order(settings), bare_ok=True)
    if phrase.words == 0:
        return WhenMatch(0, None, None)
    phrase = phrase._replace(before=before)
    timed = phrase.time is not None or (phrase.whole is not None and phrase.whole.iso is not None)
    try:
        value, notes = _resolve(phrase, now, settings)
    except WhenError as exc:
        return WhenMatch(phrase.words, None, exc.message, (), timed)
    return WhenMatch(phrase.words, value, None, tuple(notes), timed)


def starts_alone(words: Sequence[str]) -> bool:
    """True when `words` start a WHEN that is a promise without `by`/`due`: `asap`,
    `in 2 hours`, `within the hour`, `eod`, `cob`, `end of day`, `end of week`."""
    w = _at(words, 0)
    if not could_start(w):
        return False
    if w in _EOD_WORDS or w == "eow" or w in _ASAP_WORDS or _starts(words, 0, _ASAP_PHRASE):
        return True
    if any(_starts(words, 0, p) for p in (*_EOD_PHRASES, *_EOW_PHRASES)):
        return True
    if w in ("in", "within"):
        found = _match_in(words, 0)
        return found is not None and (found[2] == "minutes" or w == "within")
    return False


def promise_flags(moment: pendulum.DateTime, settings: Settings) -> list[str]:
    """What the preview flags about a promise: on a non-workday, or outside the workday.

    Allowed (a customer may be promised a Saturday call), but worth a second look.
    """
    flags: list[str] = []
    day = moment.date()
    if day.isoweekday() not in frozenset(settings.workdays):
        flags.append(f"the promise is on {_nice(day)}, not a workday")
    try:
        start, end = _workday_span(settings)
    except WhenError:
        return flags
    minutes = moment.hour * 60 + moment.minute
    if not start <= minutes <= end:
        flags.append(
            f"the promise at {fmt(moment, 'HH:mm')} is outside the workday "
            f"({settings.workday_start}–{settings.workday_end})"
        )
    return flags


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


def parse_day(
    phrase: str, *, today: datetime.date, settings: Settings, what: str = "--date"
) -> pendulum.Date:
    """The day a phrase names, for looking a day up (`--date`): past days are fine.

    The day words of the WHEN grammar (`today`, `tomorrow`, `yesterday`, `fri`,
    `next week`, `nov 24`, `24/11`, `2026-11-24` …) mean what they mean in a promise, with
    two differences for looking back as well as ahead: a weekday includes today (`mon` on
    a Monday is today, where a promise `by mon` is next week's), and a date without a year
    is the one closest to today (`closeout --date nov 20` is last week's).
    Raises WhenError naming `what` and the problem.
    """
    words = phrase.split()
    if not words:
        raise WhenError(f"{what}: give a day (e.g. tomorrow, fri, 2026-11-24)")
    found = _match_day(words, 0, date_order(settings))
    if found is None or found[0] < len(words):
        raise WhenError(
            f"{what}: {phrase.strip()!r} is not a date (e.g. today, tomorrow, fri, nov 24, "
            "2026-11-24)"
        )
    day = found[1]
    today = pendulum.Date(today.year, today.month, today.day)
    try:
        if day.kind in ("date", "numeric") and not day.year:
            return _nearest_date(day, today)
        if day.kind in ("date", "numeric"):
            found_date = _date(day.year, day.month, day.day)
            if found_date is None:
                raise WhenError(f"{day.label} is not a date")
            return found_date
        if day.kind == "weekday":  # looking a day up, `mon` on a Monday is today
            return today.add(days=(day.n - today.isoweekday()) % 7)
        return _resolve_day(day, today, settings, [])
    except WhenError as exc:
        raise WhenError(f"{what}: {exc.message}") from None
