"""The event view: Enter on a schedule row opens an event; kind, interruptible, edit, delete."""

from __future__ import annotations

import msgspec
from textual.pilot import Pilot
from textual.widgets import Input

from planner.clock import Clock
from planner.domain import Event
from planner.domain.document import Document
from planner.storage import Store
from planner.ui.app import PlannerApp
from planner.ui.screens.event import EventScreen
from planner.ui.widgets.schedule import SchedulePane
from tests.ui.conftest import SnapCompare
from tests.ui.test_dashboard import static_text, type_text


def event_titled(app: PlannerApp, title: str) -> Event:
    return next(e for e in app.document.events if e.title == title)


async def open_event(app: PlannerApp, pilot: Pilot[int], title: str) -> Event:
    event = event_titled(app, title)
    pane = app.screen.query_one(SchedulePane)
    pane.focus()
    pane.move_cursor(row=pane.get_row_index(f"e:{event.id}"))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, EventScreen)
    return event


async def test_enter_on_an_event_shows_every_detail(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, "Customer QBR: Acme")
        body = static_text(app, "#event-body")
        assert "Customer QBR: Acme" in body
        assert "Mon 23 Nov 2026 13:45–14:45 (Europe/Paris)" in body
        assert "as its kind says" in body
        assert "calendar      demo" in body
        await pilot.press("escape")
        assert not isinstance(app.screen, EventScreen)


async def test_an_event_added_by_hand_says_every_change_stays(
    demo_store: Store,
    clock: Clock,
) -> None:
    from datetime import timedelta

    from planner.ui.app import create_app
    from tests.conftest import FROZEN_ZONE

    start = clock.now().add(hours=5)
    lunch = Event(
        id="e-lunch", title="Lunch with Tom's family", start=start, end=start + timedelta(hours=1)
    )
    demo_store.update(lambda d: msgspec.structs.replace(d, events=(*d.events, lunch)))
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, "Lunch with Tom's family")
        assert "added by hand" in static_text(app, "#event-body")
        assert static_text(app, "#event-provenance") == "Added by hand: every change here stays."


async def test_change_kind_and_interruptible_from_the_event_view(
    app: PlannerApp, demo_store: Store
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        event = await open_event(app, pilot, "Customer QBR: Acme")
        await pilot.press("k")
        await pilot.pause()
        for _ in range(3):  # meeting, call, travel, → focus
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("I")
        await pilot.pause()
        await pilot.press("enter")  # interruptible, whatever its kind
        await pilot.pause()
        assert "focus (set by you)" in static_text(app, "#event-body")
        assert "yes, whatever its kind" in static_text(app, "#event-body")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
    saved = next(e for e in Store(demo_store.directory).load().events if e.id == event.id)
    assert (saved.kind, saved.interruptible, saved.kind_by_hand) == ("focus", True, True)


async def test_edit_then_delete_an_event_and_undo_brings_it_back(
    app: PlannerApp, demo_store: Store
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        event = await open_event(app, pilot, "Hiring debrief")
        await pilot.press("e")
        await pilot.pause()
        title = app.screen.query_one("#field-title", Input)
        title.value = ""
        await type_text(pilot, "Hiring debrief: platform lead")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Hiring debrief: platform lead" in static_text(app, "#event-body")
        await pilot.press("D")
        await pilot.pause()
        assert not isinstance(app.screen, EventScreen)
        assert all(e.id != event.id for e in app.document.events)
        await pilot.press("u")
        await pilot.pause()
        assert event_titled(app, "Hiring debrief: platform lead").id == event.id


async def test_an_imported_event_says_what_a_sync_keeps(demo_store: Store, clock: Clock) -> None:
    from planner.ui.app import create_app
    from tests.conftest import FROZEN_ZONE

    def imported(document: Document) -> Document:
        events = tuple(
            msgspec.structs.replace(
                e,
                calendar="work",
                uid="qbr@example.com",
                attendees=("Dana Whitfield <dana@example.com>", "Jo Acme <jo@acme.example>"),
                description="Agenda: renewal, roadmap",
            )
            if e.title == "Customer QBR: Acme"
            else e
            for e in document.events
        )
        return msgspec.structs.replace(document, events=events)

    demo_store.update(imported)
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)  # opens on the imported calendar
    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, "Customer QBR: Acme")
        body = static_text(app, "#event-body")
        assert "Jo Acme <jo@acme.example>" in body
        assert "Agenda: renewal, roadmap" in body
        note = static_text(app, "#event-provenance")
        # "work" was imported from a file, not subscribed: no sync ever changes it.
        assert note.startswith("Imported from calendar “work” (not subscribed")
        assert "importing that calendar again brings back its title" in note
        assert "at each sync" not in note


async def test_a_subscribed_calendars_event_says_it_follows_each_sync(
    demo_store: Store, clock: Clock
) -> None:
    from planner.config import Subscription
    from planner.ui.app import create_app
    from tests.conftest import FROZEN_ZONE

    def subscribed(document: Document) -> Document:
        events = tuple(
            msgspec.structs.replace(e, calendar="work", uid="qbr@example.com")
            if e.title == "Customer QBR: Acme"
            else e
            for e in document.events
        )
        work = Subscription(name="work", url="http://127.0.0.1:9/work.ics")
        settings = msgspec.structs.replace(document.settings, calendars=(work,))
        return msgspec.structs.replace(document, events=events, settings=settings)

    demo_store.update(subscribed)
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, "Customer QBR: Acme")
        note = static_text(app, "#event-provenance")
        assert note.startswith("From calendar “work”: its title, times and place follow")
        assert "at each sync" in note


def test_the_event_view_looks_right(
    snap_compare: SnapCompare, demo_store: Store, clock: Clock
) -> None:
    from planner.ui.app import create_app
    from tests.conftest import FROZEN_ZONE

    def imported(document: Document) -> Document:
        events = tuple(
            msgspec.structs.replace(
                e,
                calendar="work",
                uid="qbr@example.com",
                id="e-qbr00001",
                kind_by_hand=True,
                location="Acme HQ, room 4.02",
                attendees=("Dana Whitfield <dana@example.com>", "Jo Acme <jo@acme.example>"),
                description="Agenda: renewal, roadmap, [bold]not markup[/bold]",
            )
            if e.title == "Customer QBR: Acme"
            else e
            for e in document.events
        )
        return msgspec.structs.replace(document, events=events)

    demo_store.update(imported)
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await open_event(app, pilot, "Customer QBR: Acme")

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
