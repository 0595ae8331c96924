"""Changes to one event, shared by the dashboard's event view and the command line.

An imported event (`calendar` set) follows its calendar at every import or
sync: title, times, place and description come back from it. The EA's own
choices of kind and interruptibility mark it `kind_by_hand`, and those stay.
`provenance` says so in words.
"""

from __future__ import annotations

from datetime import datetime

import msgspec

from planner.config import EventKind
from planner.domain.event import Event


def with_kind(event: Event, kind: EventKind) -> Event:
    """The event as `kind`, chosen by hand (kept across syncs). A one-on-one keeps `with_ea`."""
    return msgspec.structs.replace(
        event, kind=kind, kind_by_hand=True, with_ea=event.with_ea and kind == "one-on-one"
    )


def with_interruptible(event: Event, value: bool | None) -> Event:
    """The event interruptible (True), never (False) or as its kind says (None), by hand."""
    return msgspec.structs.replace(event, interruptible=value, kind_by_hand=True)


def with_with_ea(event: Event, value: bool) -> Event:
    """A one-on-one with the EA (or not), by hand."""
    kind: EventKind = "one-on-one" if value else event.kind
    return msgspec.structs.replace(event, with_ea=value, kind=kind, kind_by_hand=True)


def edited(
    event: Event,
    *,
    title: str,
    start: datetime,
    end: datetime,
    location: str,
) -> Event:
    """The event with new title, times and place (an imported one gets them back at sync)."""
    if end <= start:
        raise ValueError("the event must end after it starts")
    return msgspec.structs.replace(event, title=title, start=start, end=end, location=location)


def provenance(event: Event, *, subscribed: bool = False) -> str:
    """Where the event comes from and what a sync (a subscribed calendar) or a new import
    (a calendar imported from a file) does to the EA's changes, in one sentence."""
    if event.calendar is None:
        return "Added by hand: every change here stays."
    kept = (
        "your kind and interruptible choices are kept"
        if event.kind_by_hand
        else "a kind or interruptible choice you make here is kept"
    )
    if subscribed:
        return (
            f"From calendar “{event.calendar}”: its title, times and place follow the calendar "
            f"at each sync; {kept}; deleted here, it comes back while the calendar still has it."
        )
    return (
        f"Imported from calendar “{event.calendar}” (not subscribed, so no sync changes it): "
        f"importing that calendar again brings back its title, times and place; {kept}; "
        "deleted here, it comes back only if it is imported again."
    )
