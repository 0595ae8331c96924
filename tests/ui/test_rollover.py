"""Midnight with the dashboard open (Pilot, a ManualClock moved by hand): the dashboard
showing today moves to the new day by itself; one moved to another day, and a close-out
left open, stay on their day."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import msgspec
import pendulum
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from planner.clock import ManualClock
from planner.day import Day
from planner.demo import sample_document
from planner.domain.lifecycle import open_followup
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.screens.closeout import CloseoutScreen
from planner.ui.widgets.row_table import RowTable

ZONE = "America/New_York"
MONDAY_NIGHT = pendulum.datetime(2026, 11, 23, 23, 59, tz=ZONE)


def header(app: PlannerApp) -> str:
    return str(app.screen.query_one("#header-title", Static).render())


def status(app: PlannerApp) -> str:
    return str(app.screen.query_one("#header-status", Static).render())


def shown_text(app: PlannerApp) -> str:
    """The screen's words: its Static widgets, and every line the panes draw."""
    console = Console(width=200, record=True, file=io.StringIO())
    for widget in app.screen.query(Static):
        console.print(widget.content)
    lines = [console.export_text()]
    for table in app.screen.query(RowTable):
        lines.extend(table.render_line(y).text for y in range(table.size.height))
    return "\n".join(lines)


async def until(pilot: Pilot[int], condition: Callable[[], bool]) -> None:
    """Let the app run (its own one-second tick included) until `condition` holds."""
    for _ in range(100):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


def night_app(data_dir: Path, tmp_path: Path, clock: ManualClock) -> PlannerApp:
    document = sample_document(clock.now(), ZONE)
    tuesday_3pm = pendulum.datetime(2026, 11, 24, 15, 0, tz=ZONE)
    just_after_midnight = pendulum.datetime(2026, 11, 24, 0, 20, tz=ZONE)
    extra = (
        open_followup(
            customer="Rita Moreno",
            summary="signed contract copy",
            promised_by=tuesday_3pm,
            now=clock.now().subtract(hours=1),
        ),
        open_followup(
            customer="Night Owl",
            summary="call back after midnight",
            promised_by=just_after_midnight,
            now=clock.now().subtract(hours=1),
            channel="phone",
        ),
    )
    document = msgspec.structs.replace(document, followups=(*document.followups, *extra))
    store = Store(data_dir)
    store.save(document)
    return create_app(store, clock, ea_zone=ZONE, config_dir=tmp_path / "config")


def shown_day(app: PlannerApp) -> Day:
    """The day the dashboard drew last (its screen's, or the app's)."""
    day = getattr(app.screen, "day", None) or getattr(app, "day", None)
    assert isinstance(day, Day)
    return day


def row_state(app: PlannerApp, customer: str) -> str:
    day = shown_day(app)
    return next(r.state for r in day.followups if r.followup.customer == customer)


async def test_the_dashboard_showing_today_moves_to_the_new_day_at_midnight(
    data_dir: Path, tmp_path: Path
) -> None:
    clock = ManualClock(MONDAY_NIGHT)
    app = night_app(data_dir, tmp_path, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert header(app).startswith("Monday 23 November 2026  ·")
        assert row_state(app, "Rita Moreno") == "later"
        monday_briefs = shown_day(app).packing
        assert monday_briefs is not None and all(
            p.rolled for p in monday_briefs.placements if p.moment is not None
        )
        assert "Hiring debrief" in shown_text(app)

        clock.advance(minutes=2)  # 00:01 on Tuesday
        await until(pilot, lambda: "Tuesday" in header(app))
        title = header(app)
        assert title.startswith("Tuesday 24 November 2026 (the coming day)  ·")
        assert "(not today)" not in title and "00:01" in title
        text = shown_text(app)
        assert "Flight to Berl" in text, text
        assert "Hiring debrief" not in text, text
        # Follow-up states are Tuesday's: a promise at 15:00 is due today now.
        assert row_state(app, "Rita Moreno") == "due-today"
        # The brief queue is packed into Tuesday's own good moments, no longer rolled.
        packing = shown_day(app).packing
        assert packing is not None
        placed = [p for p in packing.placements if p.moment is not None]
        assert placed and not any(p.rolled for p in placed)
        tuesday = pendulum.date(2026, 11, 24)
        assert all(p.moment and p.moment.start.in_tz(ZONE).date() == tuesday for p in placed)
        assert status(app) == "next good moment 09:10 (in 9 h 9 min)"

        # Alerts carry on into the new day: the 00:20 promise is due at 00:05.
        clock.advance(minutes=5)
        await until(pilot, lambda: any("Night Owl" in n.message for n in app._notifications))


async def test_a_dashboard_moved_to_another_day_stays_there(data_dir: Path, tmp_path: Path) -> None:
    clock = ManualClock(MONDAY_NIGHT)
    app = night_app(data_dir, tmp_path, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("left_square_bracket")
        assert header(app).startswith("Sunday 22 November 2026 (not today)")
        clock.advance(minutes=2)
        await until(pilot, lambda: "00:01" in header(app))
        assert header(app).startswith("Sunday 22 November 2026 (not today)")
        await pilot.press("t")
        assert header(app).startswith("Tuesday 24 November 2026 (the coming day)")


async def test_a_closeout_left_open_stays_on_its_day(data_dir: Path, tmp_path: Path) -> None:
    clock = ManualClock(MONDAY_NIGHT)
    app = night_app(data_dir, tmp_path, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        closeout = app.screen
        assert isinstance(closeout, CloseoutScreen)
        assert closeout.date == pendulum.date(2026, 11, 23)
        assert "Monday 23 November 2026" in shown_text(app)
        clock.advance(minutes=2)
        await pilot.pause(1.5)  # the dashboard's one-second tick has run
        assert closeout.date == pendulum.date(2026, 11, 23)
        assert app.screen is closeout
        assert "Monday 23 November 2026" in shown_text(app)
        assert "Tuesday 24 November 2026" not in shown_text(app).split("Tomorrow")[0]
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ != "CloseoutScreen")
        # The dashboard underneath showed today: it is on the new day.
        await until(pilot, lambda: "Tuesday 24 November 2026" in header(app))
