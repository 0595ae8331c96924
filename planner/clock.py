"""The one place that knows what time it is.

`EA_PLANNER_NOW` (an ISO 8601 date-time) freezes the clock for tests and demos: with a
UTC offset it is that instant; without one (`2026-12-01T08:55:00`) it is that wall-clock
time in the EA's own zone (`TZ`, else the system's; see `local_zone_name`).
Everything else asks a `Clock` for `now()` rather than calling pendulum itself,
so a test can hand the dashboard a `ManualClock`, start it at any instant and
move it forward (ticks, alerts, midnight) without sleeping.
"""

from __future__ import annotations

import os
import threading
from datetime import datetime

import pendulum

from planner.errors import InputError

ENV_NOW = "EA_PLANNER_NOW"


class Clock:
    """Answers "now": the system's running clock, or a fixed instant."""

    __slots__ = ("fixed",)

    def __init__(self, fixed: pendulum.DateTime | None = None) -> None:
        self.fixed = fixed
        """The frozen instant, or None for the system clock."""

    def now(self) -> pendulum.DateTime:
        """The current instant, in UTC; convert with `.in_tz()` for display."""
        if self.fixed is not None:
            return self.fixed
        return pendulum.now("UTC").replace(microsecond=0)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(fixed={self.fixed!r})"

    @classmethod
    def from_env(cls, environ: os._Environ[str] | dict[str, str] | None = None) -> Clock:
        """A clock frozen at `EA_PLANNER_NOW` when it is set, else the system clock."""
        env = os.environ if environ is None else environ
        value = env.get(ENV_NOW, "").strip()
        if not value:
            return cls()
        return cls(fixed=parse_instant(value, what=ENV_NOW, naive_zone=local_zone_name()))


class ManualClock(Clock):
    """A clock that starts at any instant and moves only when told to.

    What the system clock does over minutes or days (the dashboard's tick, alerts
    coming due, midnight), a test does in one call: `clock.advance(minutes=2)`.
    Safe to read from the store's writer thread while the test moves it.
    """

    __slots__ = ("_lock", "_now")

    def __init__(self, start: datetime) -> None:
        super().__init__(None)
        self._lock = threading.Lock()
        self._now = _utc(start)

    def now(self) -> pendulum.DateTime:
        return self._now

    def advance(
        self, *, days: int = 0, hours: int = 0, minutes: int = 0, seconds: int = 0
    ) -> pendulum.DateTime:
        """Move forward (never back) by the amount given; returns the new now."""
        if min(days, hours, minutes, seconds) < 0:
            raise ValueError("a clock only moves forward")
        with self._lock:
            self._now = self._now.add(days=days, hours=hours, minutes=minutes, seconds=seconds)
            return self._now

    def set(self, instant: datetime) -> pendulum.DateTime:
        """Jump to `instant` (a machine waking from sleep, a test's next scene)."""
        with self._lock:
            self._now = _utc(instant)
            return self._now

    def __repr__(self) -> str:
        return f"ManualClock({self._now.isoformat()})"


def _utc(moment: datetime) -> pendulum.DateTime:
    if moment.tzinfo is None:
        raise ValueError(f"{moment!r} has no time zone: give an aware date-time")
    return pendulum.instance(moment).in_tz("UTC")


def parse_instant(value: str, *, what: str, naive_zone: str | None = None) -> pendulum.DateTime:
    """Parse an ISO 8601 instant, in UTC. It must carry a UTC offset, unless `naive_zone`
    is given: then a date-time without one is that wall-clock time in that zone (a time
    the zone skips, at a DST change, moves forward by the gap)."""
    try:
        parsed = pendulum.parse(value, exact=True)
    except (ValueError, pendulum.parsing.exceptions.ParserError) as exc:
        raise InputError(f"{what}: {value!r} is not an ISO 8601 date-time ({exc})") from None
    if not isinstance(parsed, pendulum.DateTime):
        raise InputError(f"{what}: {value!r} is a date; give a date-time with a UTC offset")
    if not _has_offset(value):
        if naive_zone is None:
            raise InputError(f"{what}: {value!r} has no UTC offset (add Z or +01:00)")
        parsed = pendulum.datetime(
            parsed.year,
            parsed.month,
            parsed.day,
            parsed.hour,
            parsed.minute,
            parsed.second,
            parsed.microsecond,
            tz=naive_zone,
        )
    return parsed.in_tz("UTC")


def _has_offset(value: str) -> bool:
    tail = value[10:]
    return tail.endswith(("Z", "z")) or "+" in tail or "-" in tail


def local_zone_name() -> str:
    """The assistant's own zone, always an IANA name: $TZ when it names a zone or points at
    a zone file (`TZ=:/etc/localtime`, `TZ=/usr/share/zoneinfo/Asia/Tokyo`), else the
    system's, else UTC."""
    tz = os.environ.get("TZ", "").strip()
    if tz:
        name = _zone_name(tz)
        if name:
            return name
    from pendulum.tz.local_timezone import get_local_timezone

    try:
        system: str | None = get_local_timezone().name
    except Exception:
        system = None
    if system and _known(system):
        return system
    return _zone_name("/etc/localtime") or "UTC"


def _zone_name(tz: str) -> str | None:
    """The IANA name a TZ value means, or None (an unknown TZ falls back, as libc does)."""
    tz = tz.lstrip(":")
    if tz.startswith("/"):
        real = os.path.realpath(tz)
        marker = "/zoneinfo/"
        if marker not in real:
            return None
        tz = real.rsplit(marker, 1)[1]
        tz = tz.removeprefix("posix/").removeprefix("right/")
    return tz if _known(tz) else None


def _known(name: str) -> bool:
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except Exception:
        return False
    return True
