"""The one place that knows what time it is.

`EA_PLANNER_NOW` (ISO 8601 with offset) freezes the clock for tests and demos.
Everything else asks a `Clock` for `now()` rather than calling pendulum itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pendulum

from planner.errors import InputError

ENV_NOW = "EA_PLANNER_NOW"


@dataclass(frozen=True)
class Clock:
    """Answers "now" either from the system or from a fixed instant."""

    fixed: pendulum.DateTime | None = None

    def now(self) -> pendulum.DateTime:
        """The current instant, in UTC; convert with `.in_tz()` for display."""
        if self.fixed is not None:
            return self.fixed
        return pendulum.now("UTC").replace(microsecond=0)

    @classmethod
    def from_env(cls, environ: os._Environ[str] | dict[str, str] | None = None) -> Clock:
        """A clock frozen at `EA_PLANNER_NOW` when it is set, else the system clock."""
        env = os.environ if environ is None else environ
        value = env.get(ENV_NOW, "").strip()
        if not value:
            return cls()
        return cls(fixed=parse_instant(value, what=ENV_NOW))


def parse_instant(value: str, *, what: str) -> pendulum.DateTime:
    """Parse an ISO 8601 instant that must carry a UTC offset."""
    try:
        parsed = pendulum.parse(value, exact=True)
    except (ValueError, pendulum.parsing.exceptions.ParserError) as exc:
        raise InputError(f"{what}: {value!r} is not an ISO 8601 date-time ({exc})") from None
    if not isinstance(parsed, pendulum.DateTime):
        raise InputError(f"{what}: {value!r} is a date; give a date-time with a UTC offset")
    if not _has_offset(value):
        raise InputError(f"{what}: {value!r} has no UTC offset (add Z or +01:00)")
    return parsed.in_tz("UTC")


def _has_offset(value: str) -> bool:
    tail = value[10:]
    return tail.endswith(("Z", "z")) or "+" in tail or "-" in tail


def local_zone_name() -> str:
    """The assistant's own zone: $TZ when it names a zone, else the system's."""
    tz = os.environ.get("TZ", "").strip().lstrip(":")
    if tz:
        try:
            return pendulum.timezone(tz).name
        except Exception:  # an unknown TZ falls back to the system zone, as libc does
            pass
    try:
        return pendulum.local_timezone().name
    except Exception:
        return "UTC"
