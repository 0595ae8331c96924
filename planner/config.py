"""The executive's facts and day rules: the `settings` object of planner.json.

These shape the data (promises, good moments), so they live in the document,
not in the EA's own preferences file. Every field is documented here and in
docs/data-format.md.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Annotated, Literal, get_args

import msgspec

EventKind = Literal["meeting", "call", "travel", "focus", "personal", "one-on-one", "hold"]
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)

ClockTime = Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
Minutes = Annotated[int, msgspec.Meta(ge=0, le=24 * 60)]
Weekday = Annotated[int, msgspec.Meta(ge=1, le=7)]


class Subscription(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, gc=False):
    """A calendar kept current by `ea-planner sync` and the dashboard (never a password)."""

    name: Annotated[str, msgspec.Meta(min_length=1)]
    """The calendar name its events carry (`calendar` of each event)."""

    url: Annotated[str, msgspec.Meta(min_length=1)]
    """An .ics feed (http, https, webcal) or, with `caldav`, a CalDAV calendar collection."""

    caldav: bool = False
    """Read the URL as a CalDAV calendar (time-range REPORT, sync-token) instead of a feed."""

    username: str = ""
    """User name for the server, if it asks for one."""

    password_command: str = ""
    """A shell command whose first line of output is the password (e.g. `pass show work`)."""

    password_env: str = ""
    """The name of an environment variable holding the password."""

    every: Annotated[int, msgspec.Meta(ge=1, le=24 * 60)] = 10
    """Minutes between two syncs while the dashboard runs."""

    executive: str = ""
    """The id of the executive whose calendar it is ("" = the desk's first executive); its
    events carry it."""


class Settings(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, gc=False):
    """The executive's facts and the rules of the day."""

    executive_name: str = ""
    """The executive's name, shown in the header."""

    timezone: str | None = None
    """The executive's IANA time zone (e.g. "Europe/Paris"); unset means the EA's local zone."""

    assistant_name: str = ""
    """The EA's own name: a meeting of the executive and the EA alone is a one-on-one."""

    own_organization: str = ""
    """The executive's own organisation: customers of it are internal, the rest external."""

    workday_start: ClockTime = "08:30"
    """Start of the executive's workday (HH:MM, executive's zone)."""

    workday_end: ClockTime = "18:00"
    """End of the workday; `eod` in quick-add means this time."""

    workdays: tuple[Weekday, ...] = (1, 2, 3, 4, 5)
    """ISO weekdays that are workdays (1 = Monday … 7 = Sunday)."""

    never_interrupt: tuple[EventKind, ...] = ("focus", "travel", "personal")
    """Event kinds that are never interrupted (an event's own `interruptible` overrides)."""

    protect_before: Minutes = 10
    """Minutes before a blocking event that are not a good moment (the executive prepares)."""

    settle_after: Minutes = 0
    """Minutes after a blocking event before a good moment starts."""

    min_window: Minutes = 10
    """Gaps shorter than this many minutes are not good moments."""

    default_promise: str = "next workday eod"
    """When quick-add has no `by`/`due`: a WHEN phrase of the quick-add grammar."""

    morning: ClockTime = "11:00"
    """What a promise `by tomorrow morning` / `by this morning` means (HH:MM)."""

    lunchtime: ClockTime = "12:00"
    """What `by lunchtime` / `by lunch` means."""

    afternoon: ClockTime = "16:00"
    """What `by this afternoon` / `by fri afternoon` means."""

    evening: ClockTime = "19:00"
    """What `by tonight` / `by this evening` means (outside the workday: the preview flags it)."""

    asap_minutes: Annotated[int, msgspec.Meta(ge=1, le=24 * 60)] = 60
    """What ASAP means in quick-add: a promise this many minutes ahead (and priority urgent)."""

    date_order: Literal["DMY", "MDY"] | None = None
    """How to read a numeric date such as 12/4: DMY (12 April) or MDY (December 4); unset
    means from the EA's locale (MDY for the United States and a few others, else DMY)."""

    import_days_back: Annotated[int, msgspec.Meta(ge=0, le=3650)] = 60
    """Calendar import expands recurring series from this many days before today…"""

    import_days_ahead: Annotated[int, msgspec.Meta(ge=1, le=3650)] = 365
    """…to this many days after today."""

    calendars: tuple[Subscription, ...] = ()
    """Calendar subscriptions, in the order `calendar add` made them (names are unique)."""


def executive_zone(settings: Settings) -> str:
    """The executive's time zone name: the setting, else the EA's local zone."""
    if settings.timezone:
        return settings.timezone
    from planner.clock import local_zone_name

    return local_zone_name()


_MONTH_FIRST_TERRITORIES = frozenset({"US", "PH", "FM", "MH", "PW", "GU", "PR", "AS", "VI", "UM"})
"""Where people write the month first in a short numeric date (12/4 = December 4)."""
_MONTH_FIRST_LANGUAGES = frozenset({"ja", "zh", "ko", "hu", "lt", "mn"})
"""Year-month-day languages: a date without its year is month/day there too."""


def date_order(
    settings: Settings, environ: Mapping[str, str] | None = None
) -> Literal["DMY", "MDY"]:
    """How numeric dates are read: the setting, else the EA's locale (LC_ALL, LC_TIME, LANG)."""
    if settings.date_order is not None:
        return settings.date_order
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = env.get(name, "").strip()
        if value:
            break
    else:
        return "DMY"
    code = value.split(".")[0].split("@")[0]
    language, _, territory = code.partition("_")
    if territory.upper() in _MONTH_FIRST_TERRITORIES or language.lower() in _MONTH_FIRST_LANGUAGES:
        return "MDY"
    return "DMY"
