"""A typed wall-clock time on a day, in a zone: the one rule for DST changes.

- A time the clocks skip (spring forward: 02:30 in Paris on the last Sunday of March)
  does not exist: it is refused with a message saying so, never silently moved.
- A time the clocks show twice (fall back: 02:30 in Paris on the last Sunday of
  October) is read as its first occurrence, still on summer time. RFC 5545 reads a
  repeated local time the same way, and for a promise the earlier reading is the safe
  one: it can only come due early, never late.
"""

from __future__ import annotations

from datetime import date

import pendulum

from planner.errors import InputError


class WhenError(InputError):
    """A typed time that cannot be used: unknown word, impossible date, skipped by DST, past."""


def wall_time(
    day: date, hour: int, minute: int, zone: pendulum.Timezone, second: int = 0
) -> pendulum.DateTime:
    """`hour:minute` on `day` in `zone`; WhenError when the clocks skip it (see the module)."""
    parts = (day.year, day.month, day.day, hour, minute, second)
    try:
        return pendulum.datetime(*parts, tz=zone, fold=0, raise_on_unknown_times=True)
    except pendulum.tz.exceptions.AmbiguousTime:
        return pendulum.datetime(*parts, tz=zone, fold=0)
    except pendulum.tz.exceptions.NonExistingTime:
        raise WhenError(
            f"{hour:02d}:{minute:02d} on {_day(day)} does not exist in {zone.name}: "
            "the clocks go forward then"
        ) from None


def is_repeated(moment: pendulum.DateTime) -> bool:
    """True when the wall-clock time of `moment` happens twice in its zone (DST ends)."""
    tz = moment.tzinfo
    if not isinstance(tz, pendulum.Timezone):
        return False
    first = pendulum.datetime(*_parts(moment), tz=tz, fold=0)
    second = pendulum.datetime(*_parts(moment), tz=tz, fold=1)
    return first.utcoffset() != second.utcoffset()


def repeated_note(label: str, moment: pendulum.DateTime) -> str:
    """What the preview says when `moment` was read from a repeated wall-clock time."""
    return (
        f"{label!r}: {moment:%H:%M} happens twice on {_day(moment.date())} (the clocks go "
        f"back); read as the first, UTC{_offset(moment)}"
    )


def _parts(moment: pendulum.DateTime) -> tuple[int, int, int, int, int, int]:
    return moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second


def _offset(moment: pendulum.DateTime) -> str:
    text = moment.strftime("%z")
    return f"{text[:3]}:{text[3:]}"


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"
