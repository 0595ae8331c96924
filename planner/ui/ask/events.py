"""One event, from its own view: its kind, whether to interrupt during it, its title,
times and place. A choice made here marks the event as set by hand: it survives a sync."""

from __future__ import annotations

from collections.abc import Callable

import pendulum

from planner.config import EVENT_KINDS
from planner.domain import Event
from planner.domain.event_changes import edited, with_interruptible, with_kind, with_with_ea
from planner.humanize import fmt
from planner.operations.events import change_event, make_event
from planner.ui.ask import Asker, Proposal
from planner.ui.ask.forms import refusal_of
from planner.ui.dialogs.choice import ChoiceScreen
from planner.ui.dialogs.form import Field, FormScreen, Values
from planner.when import parse_time

WITH_EA = "one-on-one with the EA"


def _change(event: Event, change: Callable[[Event], Event], done: str) -> Proposal[Event]:
    event_id = event.id
    return Proposal(lambda d: change_event(d, event_id, change), done)


async def kind(asker: Asker, event: Event) -> Proposal[Event] | None:
    """The event's kind (or a one-on-one with the EA)."""
    options: list[tuple[str, str]] = [(k, k) for k in EVENT_KINDS]
    options.insert(EVENT_KINDS.index("one-on-one") + 1, (WITH_EA, WITH_EA))
    chosen = await asker.ask(ChoiceScreen(f"Kind of “{event.title}”", options))
    if chosen is None:
        return None
    if chosen == WITH_EA:
        return _change(
            event, lambda e: with_with_ea(e, True), f"Kind: {WITH_EA} (kept across syncs)"
        )
    picked = next(k for k in EVENT_KINDS if k == chosen)
    return _change(event, lambda e: with_kind(e, picked), f"Kind: {chosen} (kept across syncs)")


async def interruptible(asker: Asker, event: Event) -> Proposal[Event] | None:
    """Whether the executive may be interrupted during it, whatever its kind."""
    options = [
        ("yes", "interruptible, whatever its kind"),
        ("no", "never interrupt, whatever its kind"),
        ("kind", "as its kind says"),
    ]
    values = {"yes": True, "no": False, "kind": None}
    answer = await asker.ask(ChoiceScreen(f"Interrupt during “{event.title}”?", options))
    if answer is None:
        return None
    value = values[answer]
    return _change(
        event,
        lambda e: with_interruptible(e, value),
        f"Interruptible: {answer} (kept across syncs)",
    )


async def edit(asker: Asker, event: Event) -> Proposal[Event] | None:
    """Title, start, end and place (an imported event's own come back at the next sync)."""
    # Times typed are on the event's executive's clock, wherever it is edited from.
    asker = asker.for_executive(asker.document.owner(event.executive))
    tz = asker.timezone
    start = pendulum.instance(event.start).in_tz(tz)
    end = pendulum.instance(event.end).in_tz(tz)
    fields = [
        Field("title", "Title", value=event.title),
        Field(
            "start",
            "Start (YYYY-MM-DD HH:MM, or HH:MM that day)",
            value=fmt(start, "YYYY-MM-DD HH:mm"),
        ),
        Field("end", "End (HH:MM, or YYYY-MM-DD HH:MM)", value=fmt(end, "HH:mm")),
        Field("location", "Place", value=event.location),
    ]

    def build(values: Values) -> Event:
        now = asker.clock.now()
        new_start = parse_time(
            values["start"], now=now, settings=asker.settings, what="start", day=start.date()
        )
        new_end = parse_time(
            values["end"], now=now, settings=asker.settings, what="end", day=new_start.date()
        )
        # Checked as a new event is: a title, an end after the start.
        return make_event(
            title=values["title"], start=new_start, end=new_end, location=values["location"]
        )

    values = await asker.ask(FormScreen("Edit the event", fields, refusal_of(build)))
    if values is None:
        return None
    fresh = build(values)
    note = (
        "; the calendar's own title and times come back at the next sync"
        if event.calendar is not None
        else ""
    )
    return _change(
        event,
        lambda e: edited(
            e, title=fresh.title, start=fresh.start, end=fresh.end, location=fresh.location
        ),
        f"Event changed{note}",
    )
