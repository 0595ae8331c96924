"""The dashboard redraws what changed, and only that: the footer keeps its keys while they
stay the same, and a save that lands as drawn takes only "saving…" away, while anything
another process wrote meanwhile still shows."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import msgspec
import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets._footer import FooterKey

from planner.clock import Clock
from planner.domain.document import Document
from planner.operations.followups import add_followup
from planner.quickadd import followup_from_quickadd, parse
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.dialogs.quick_add import QuickAddScreen
from planner.ui.screens.dashboard import DashboardScreen
from planner.ui.session import Change
from planner.ui.widgets.footer import KeyFooter
from planner.ui.widgets.header import DayHeader
from tests.conftest import FROZEN_ZONE

RUI = "Rui Costa: gate code by tomorrow 3pm"


async def until(pilot: Pilot[Any], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until `condition` holds (at most ~10 s on a busy machine)."""
    for _ in range(400):
        if condition():
            return
        await pilot.pause(0.025)
    raise AssertionError(f"never happened: {what}")


def footer_keys(app: PlannerApp) -> list[FooterKey]:
    return list(app.screen.query_one(KeyFooter).query(FooterKey))


def title_of(app: PlannerApp) -> str:
    return str(app.screen.query_one(DayHeader).query_one("#header-title").render())


def followup_added(document: Document, line: str, clock: Clock) -> Change:
    """The change quick-add makes for `line`: the follow-up made once, added to whichever
    document it is applied to (in memory, then on disk)."""
    parsed = parse(line, now=clock.now(), settings=document.settings)
    followup = msgspec.structs.replace(
        followup_from_quickadd(parsed, clock.now()), executive=document.roster[0].id
    )
    return lambda d: add_followup(d, followup)[0]


def customers(screen: DashboardScreen) -> set[str]:
    assert screen.day is not None
    return {row.followup.customer for row in screen.day.followups}


async def test_the_footer_composes_again_only_when_its_keys_change(
    app: PlannerApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each time the screen's bindings are updated, a mark after whatever the footer does
    # about it (composing again is done by then).
    laid_out: list[bool] = []
    bindings_changed = KeyFooter.bindings_changed

    def marked(self: KeyFooter, screen: Screen[Any]) -> None:
        bindings_changed(self, screen)
        self.call_after_refresh(lambda: laid_out.append(True))

    monkeypatch.setattr(KeyFooter, "bindings_changed", marked)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: len(footer_keys(app)) > 3, "the footer's keys")
        before = footer_keys(app)
        assert before[0].action == "quick_add", "the Follow-ups' keys first"
        # A dialog opened and closed: the dashboard's bindings are updated twice, its keys
        # are the same, and the footer keeps the widgets it has.
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, QuickAddScreen), "quick-add")
        count = len(laid_out)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen), "the dashboard")
        await until(pilot, lambda: len(laid_out) > count, "the footer asked to lay out")
        assert footer_keys(app) == before
        assert all(key.is_attached for key in before)
        # The Brief queue focused: its keys come first, so the footer composes again.
        app.screen.query_one("#briefs").focus()
        await until(
            pilot,
            lambda: footer_keys(app)[0].action == "add_brief",
            "the Brief queue's keys first",
        )
        assert not any(key.is_attached for key in before)
        # Narrower: fewer keys fit, help and quit stay.
        wide = [key.action for key in footer_keys(app)]
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: len(footer_keys(app)) < len(wide), "fewer keys at 80")
        actions = [key.action for key in footer_keys(app)]
        assert "help" in actions and "quit" in actions


async def test_a_save_that_lands_as_drawn_takes_only_saving_away(
    demo_store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_update = Store.update

    def slow_update(self: Store, change: Callable[[Document], Document]) -> Document:
        assert release.wait(30)
        return real_update(self, change)

    monkeypatch.setattr(Store, "update", slow_update)
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert app.change(followup_added(app.document, RUI, clock))
        await until(pilot, lambda: "saving…" in title_of(app), "saving… in the header")
        in_memory, drawn = app.document, screen.day
        assert "Rui Costa" in customers(screen)
        release.set()
        await until(pilot, lambda: "saving…" not in title_of(app), "saving… gone")
        # Saved as it was drawn: the same document, the day not worked out again.
        assert app.document is in_memory
        assert screen.day is drawn
    saved = Store(demo_store.directory).load()
    assert any(f.customer == "Rui Costa" for f in saved.followups)


async def test_what_another_process_wrote_during_a_save_shows_when_it_lands(
    demo_store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_update = Store.update

    def slow_update(self: Store, change: Callable[[Document], Document]) -> Document:
        assert release.wait(30)
        return real_update(self, change)

    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        # Another process (the command line) adds a follow-up while the dashboard's own
        # change waits to be written.
        other = Store(demo_store.directory)
        monkeypatch.setattr(Store, "update", slow_update)
        assert app.change(followup_added(app.document, RUI, clock))
        await until(pilot, lambda: "saving…" in title_of(app), "saving… in the header")
        theirs = followup_added(app.document, "Eva Berg: parking pass by tomorrow 4pm", clock)
        await asyncio.to_thread(real_update, other, theirs)
        assert "Eva Berg" not in customers(screen)
        release.set()
        await until(pilot, lambda: "saving…" not in title_of(app), "saving… gone")
        assert {"Rui Costa", "Eva Berg"} <= customers(screen)
