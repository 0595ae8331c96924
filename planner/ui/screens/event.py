"""The view of one event (`Enter` on the schedule): every detail, and edit, kind, delete.

Calendar text is untrusted: it is shown as `Text`, never as markup. The view
says where the event comes from and what the next sync does to a change made
here (planner.domain.event_changes.provenance).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

import pendulum
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from planner.day import zones_of
from planner.domain import Event
from planner.domain.event_changes import (
    provenance,
)
from planner.humanize import fmt
from planner.operations.events import delete_event
from planner.ui.messages import request_change, settle
from planner.ui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from planner.ui.ask import Asker, Proposal
    from planner.ui.host import Host


def describe(event: Event, tz: str) -> Text:
    """Every field of an event as plain text."""
    text = Text()

    def row(name: str, value: str, style: str = "") -> None:
        text.append(f"{name:<14}", style="dim")
        text.append((value or "—") + "\n", style=style)

    start = pendulum.instance(event.start).in_tz(tz)
    end = pendulum.instance(event.end).in_tz(tz)
    row("title", event.title, "bold")
    if event.all_day:
        last = end.subtract(seconds=1)
        span = fmt(start, "ddd D MMM YYYY")
        if last.date() != start.date():
            span += " – " + fmt(last, "ddd D MMM YYYY")
        row("when", f"all day {span}")
    elif start.date() == end.date():
        row("when", f"{fmt(start, 'ddd D MMM YYYY HH:mm')}–{fmt(end, 'HH:mm')} ({tz})")
    else:
        row("when", f"{fmt(start, 'ddd D MMM YYYY HH:mm')} – {fmt(end, 'ddd D MMM HH:mm')} ({tz})")
    row("place", event.location)
    kind = event.kind + (" with the EA" if event.with_ea else "")
    row("kind", kind + (" (set by you)" if event.kind_by_hand else ""))
    interruptible = {
        True: "yes, whatever its kind",
        False: "never, whatever its kind",
        None: "as its kind says",
    }[event.interruptible]
    row("interruptible", interruptible)
    row("calendar", event.calendar or "added by hand")
    row("attendees", "; ".join(event.attendees))
    row("id", event.id, "dim")
    if event.description:
        text.append("\nDescription\n", style="bold")
        text.append(event.description + "\n")
    return text


class EventScreen(Screen[None]):
    """One event in full, and what can be done to it."""

    CSS_PATH = "event.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="detail.back"),
        Binding("e", "edit", "Edit", tooltip="Edit title, times, place", id="event.edit"),
        Binding("k", "kind", "Kind", tooltip="Change the kind", id="event.kind"),
        Binding(
            "I",
            "interruptible",
            "Interruptible",
            tooltip="Interruptible or not",
            id="event.interruptible",
        ),
        Binding("D", "delete", "Delete", id="event.delete"),
    ]

    def __init__(self, event_id: str) -> None:
        super().__init__()
        self.event_id = event_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="event"):
            yield Static(id="event-body")
            yield Static(id="event-provenance")
        yield KeyFooter()

    def on_mount(self) -> None:
        signal = getattr(self.app, "document_changed", None)
        if signal is not None:
            signal.subscribe(self, lambda _document: self.refresh_view())
        self.refresh_view()

    @property
    def planner(self) -> Host:
        return cast("Host", self.app)

    @property
    def event(self) -> Event | None:
        for event in self.planner.document.events:
            if event.id == self.event_id:
                return event
        return None

    def refresh_view(self) -> None:
        event = self.event
        body = self.query_one("#event-body", Static)
        note = self.query_one("#event-provenance", Static)
        if event is None:
            body.update(Text("This event is no longer on the schedule (deleted or synced away)."))
            note.update("")
            return
        self.query_one("#event").border_title = "Event"
        # On its executive's clock (a desk of one: the executive's, as always).
        zones = zones_of(self.planner.document, self.planner.ea_zone)
        body.update(describe(event, zones.zone(event.executive)))
        calendars = self.planner.document.settings.calendars
        subscribed = any(c.name == event.calendar for c in calendars)
        note.update(Text(provenance(event, subscribed=subscribed)))

    @work(group="ask")
    async def action_kind(self) -> None:
        from planner.ui.ask import events

        await self._settle(events.kind)

    @work(group="ask")
    async def action_interruptible(self) -> None:
        from planner.ui.ask import events

        await self._settle(events.interruptible)

    @work(group="ask")
    async def action_edit(self) -> None:
        from planner.ui.ask import events

        await self._settle(events.edit)

    async def _settle(
        self, sequence: Callable[[Asker, Event], Awaitable[Proposal[Event] | None]]
    ) -> None:
        """Ask (planner.ui.ask.events) and apply the answer; then show the event as it is."""
        event = self.event
        if event is None:
            return
        await settle(self, sequence(self.planner.asker, event))
        if self.is_attached:
            self.refresh_view()

    def action_delete(self) -> None:
        event = self.event
        if event is None:
            return
        event_id = event.id

        note = (
            f"; it comes back at the next sync while calendar “{event.calendar}” has it"
            if event.calendar is not None
            else " (u undoes)"
        )
        request_change(
            self, lambda d: delete_event(d, event_id), f"Event deleted: {event.title}{note}"
        )
        self.app.pop_screen()
