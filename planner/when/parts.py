"""The parts a WHEN phrase is read into: a day part, a time part, a form that is both."""

from __future__ import annotations

from typing import Literal, NamedTuple

PartOfDay = Literal["morning", "lunchtime", "afternoon", "evening"]

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


class Day(NamedTuple):
    """A day part, as written: resolved against today by `resolve_day`."""

    kind: DayKind
    label: str
    """The words as typed, for messages ("feb 30 is not a date")."""
    n: int = 0
    """Days ahead (offset, in-days), ISO weekday (weekdays), weeks ahead (eow)."""
    month: int = 0
    day: int = 0
    year: int = 0
    """0 when not written: the next occurrence that is not in the past."""


class Time(NamedTuple):
    kind: TimeKind
    label: str
    hour: int = 0
    minute: int = 0
    pm: bool = False
    part: PartOfDay | None = None
    """For kind "part": which setting; for a 12-hour time, the part that says am or pm."""


class Whole(NamedTuple):
    """A form that is both day and time: an ISO date-time, `in N minutes`, `asap`."""

    label: str
    minutes: int = 0
    """For `in N minutes/hours`, `within …`; unused when `iso` is set or `asap`."""
    iso: tuple[int, int, int, int, int, int] | None = None
    """Year, month, day, hour, minute, second of an ISO date-time."""
    offset: str = ""
    """The ISO date-time's UTC offset as written ("z", "+01:00"); "" means the executive's zone."""
    asap: bool = False


class Phrase(NamedTuple):
    words: int
    label: str
    day: Day | None = None
    time: Time | None = None
    whole: Whole | None = None
    before: bool = False
    """Read after `before`: a day alone means the end of the workday before it."""
