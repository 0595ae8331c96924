"""An executive the desk serves: their facts and day rules (`executives[]` of planner.json).

A desk serves one or more executives. Each has a zone, a workday and the rules of their
good moments; calendars, events, follow-ups, briefs, hand-marked windows and close-out
notes each say whose they are with an `executive` field holding the executive's id.
Scheduling works per executive on a `Settings` — the desk's facts with the executive's
own laid over them (`rules`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

import msgspec

from planner.config import ClockTime, EventKind, Minutes, Settings, Weekday
from planner.domain.base import NonEmpty, Record
from planner.errors import InputError

Short = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$")]
"""A short name: letters, digits and `_ . -`, at most 20 characters (`+Dana` in quick-add)."""

FIRST_EXECUTIVE_ID = "x-1"
"""The id of the executive a desk starts with (and the one version 5's settings became)."""

RULE_FIELDS: tuple[str, ...] = (
    "timezone",
    "own_organization",
    "workday_start",
    "workday_end",
    "workdays",
    "never_interrupt",
    "protect_before",
    "settle_after",
    "min_window",
)
"""The fields an executive and `Settings` share by name (the name is `executive_name` there)."""


class Executive(Record, frozen=True, kw_only=True):
    """One executive of the desk: who they are, their zone, workday and interrupt rules."""

    id: NonEmpty
    """`x-…`; the `executive` of every record that is theirs."""

    name: str = ""
    """The executive's name, shown in the header."""

    short: Short
    """The short name that picks them: `+Dana` in quick-add, `--exec dana` on the command
    line (a prefix is enough when it names one executive; case does not matter)."""

    timezone: str | None = None
    """Their IANA time zone (e.g. "America/New_York"); unset means the EA's local zone."""

    own_organization: str = ""
    """Their own organisation: customers of it are internal, the rest external."""

    workday_start: ClockTime = "08:30"
    """Start of their workday (HH:MM, their zone)."""

    workday_end: ClockTime = "18:00"
    """End of their workday; `eod` in quick-add means this time."""

    workdays: tuple[Weekday, ...] = (1, 2, 3, 4, 5)
    """ISO weekdays that are their workdays (1 = Monday … 7 = Sunday)."""

    never_interrupt: tuple[EventKind, ...] = ("focus", "travel", "personal")
    """Event kinds of theirs that are never interrupted."""

    protect_before: Minutes = 10
    """Minutes before a blocking event of theirs that are not a good moment."""

    settle_after: Minutes = 0
    """Minutes after a blocking event before a good moment starts."""

    min_window: Minutes = 10
    """Gaps shorter than this many minutes are not good moments."""

    one_on_one: str = ""
    """The title of the EA's standing one-on-one with them (e.g. "Dana / Sam weekly"): an
    imported event of theirs with this title is a one-on-one with the EA."""


def from_settings(settings: Settings, *, id: str, short: str, one_on_one: str = "") -> Executive:
    """The executive whose facts and rules `settings` holds."""
    rules: dict[str, Any] = {name: getattr(settings, name) for name in RULE_FIELDS}
    return Executive(
        id=id, name=settings.executive_name, short=short, one_on_one=one_on_one, **rules
    )


def rules(settings: Settings, executive: Executive) -> Settings:
    """The desk's `settings` with the executive's name, zone, workday and rules laid over."""
    changes: dict[str, Any] = {}
    if settings.executive_name != executive.name:
        changes["executive_name"] = executive.name
    for name in RULE_FIELDS:
        value = getattr(executive, name)
        if getattr(settings, name) != value:
            changes[name] = value
    return msgspec.structs.replace(settings, **changes) if changes else settings


def same_rules(settings: Settings, executive: Executive) -> bool:
    """Whether `settings` already describes the executive (name, zone, workday, rules)."""
    return settings.executive_name == executive.name and all(
        getattr(settings, name) == getattr(executive, name) for name in RULE_FIELDS
    )


def short_from(name: str, taken: Iterable[str] = ()) -> str:
    """A short name for an executive called `name`: the first name's letters (or "exec"),
    with a number when another executive has it already."""
    first = "".join(c for c in (name.split() or [""])[0] if c.isascii() and c.isalnum())[:16]
    base = first or "exec"
    used = {t.casefold() for t in taken}
    short, n = base, 2
    while short.casefold() in used:
        short, n = f"{base}{n}", n + 1
    return short


def find(executives: Iterable[Executive], given: str, *, what: str = "--exec") -> Executive:
    """The one executive whose short name (or id) starts with `given`, case-insensitively;
    an InputError naming the executives there are when none or several match (the message
    starts with `what` and the text given; with `what` "", with the text alone)."""
    roster = tuple(executives)
    text = given.strip().lstrip("+").casefold()
    exact = [x for x in roster if text in (x.short.casefold(), x.id.casefold())]
    matches = exact or (
        [x for x in roster if x.short.casefold().startswith(text) or x.id.startswith(text)]
        if text
        else []
    )
    if len(matches) == 1:
        return matches[0]
    names = ", ".join(describe(x) for x in roster) or "none"
    label = f"{what} {given!r}" if what else given
    if not matches:
        raise InputError(f"{label}: no such executive (executives: {names})")
    several = ", ".join(describe(x) for x in matches)
    raise InputError(f"{label} is ambiguous: it could be {several} (executives: {names})")


def describe(executive: Executive) -> str:
    """`+Short (Name)` as the errors and the preview name an executive."""
    return f"+{executive.short} ({executive.name})" if executive.name else f"+{executive.short}"
