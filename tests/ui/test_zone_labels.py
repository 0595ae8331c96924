"""A record's times in its executive's zone, labelled where that is not the EA's: an EA in
New York, executives in New York, London and Kolkata. The Follow-ups list, the detail view
and the alerts say the same time with the same label, at any hour of the EA's day."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Static

from planner.clock import Clock
from planner.domain.document import Document
from planner.preferences import Preferences, preferences_path, save
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.screens.followup import FollowUpScreen
from planner.ui.widgets.followups import FollowUpsPane
from tests.zone_desk import EA_ZONE, NY, desk, local


def app_at(
    tmp_path: Path, stamp: str, document: Document | None = None, *, alerts: bool = False
) -> PlannerApp:
    store = Store(tmp_path / "data")
    store.save(document or desk())
    config = tmp_path / "config"
    save(preferences_path(config), Preferences(alerts=alerts))
    clock = Clock(fixed=local(stamp, NY))
    return create_app(store, clock, ea_zone=EA_ZONE, config_dir=config)


def promises(app: PlannerApp) -> dict[str, str]:
    """Customer → the Promise column."""
    pane = app.dashboard.query_one(FollowUpsPane)
    index = [c[0] for c in pane.columns].index("promise")
    customers = {f.id: f.customer for f in app.document.followups}
    return {customers[key]: pane.get_row(key)[index].plain for key in pane.row_keys()}


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        # Early morning in New York: 10:30 in London, 16:00 in Kolkata.
        (
            "2026-12-02T05:30",
            {"Ann Lee": "tmrw 11:00 London", "Ravi Rao": "today 18:30 Kolkata"},
        ),
        # Past London's midnight (01:00 Thursday there): Lee's promise is today, in London.
        (
            "2026-12-02T20:00",
            {"Ann Lee": "today 11:00 London", "Ravi Rao": "yest 18:30 Kolkata"},
        ),
        # Past Kolkata's midnight (00:30 Thursday there), before London's.
        (
            "2026-12-02T14:00",
            {"Ann Lee": "tmrw 11:00 London", "Ravi Rao": "yest 18:30 Kolkata"},
        ),
    ],
    ids=["early-morning", "past-londons-midnight", "past-kolkatas-midnight"],
)
async def test_the_list_says_each_promise_in_its_executives_zone(
    tmp_path: Path, stamp: str, expected: dict[str, str]
) -> None:
    app = app_at(tmp_path, stamp)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = promises(app)
        # Dana is in the EA's own zone: her row reads exactly as on a desk of one.
        assert shown == {**expected, "Maria Ortiz": "today 15:00"}


async def test_in_the_week_new_york_and_london_are_four_hours_apart(tmp_path: Path) -> None:
    document = desk(lee_promise="2026-03-16T15:00", priya_promise="2026-03-17T10:00")
    app = app_at(tmp_path, "2026-03-16T09:00", document)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = promises(app)
        assert shown["Ann Lee"] == "today 15:00 London"
        assert shown["Ravi Rao"] == "tmrw 10:00 Kolkata"


async def test_one_executives_view_labels_their_rows_too(tmp_path: Path) -> None:
    app = app_at(tmp_path, "2026-12-02T05:30")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("v", "v")  # Dana, then Lee
        await pilot.pause()
        assert app.dashboard.in_view == "x-2"
        assert promises(app) == {"Ann Lee": "tmrw 11:00 London"}
        assert "London time" in str(app.dashboard.query_one("#schedule").border_title)


def body(app: PlannerApp) -> str:
    rendered = app.screen.query_one("#detail-body", Static).render()
    return rendered.plain if isinstance(rendered, Content) else str(rendered)


async def test_the_detail_view_says_whose_and_reads_on_their_clock(tmp_path: Path) -> None:
    app = app_at(tmp_path, "2026-12-02T05:30")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.dashboard.query_one(FollowUpsPane)
        pane.focus()
        lee = next(f.id for f in app.document.followups if f.customer == "Ann Lee")
        while pane.selected_key != lee:
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpScreen)
        lines = body(app).splitlines()
        assert "executive     +Lee (Lee Okafor)" in lines
        assert "times         London time (Europe/London)" in lines
        assert "promise       Thu 3 Dec 11:00 London (tomorrow)" in lines
        assert "created       Mon 30 Nov 2026 09:00" in lines  # 09:00 UTC is 09:00 London


async def test_the_detail_view_of_one_in_the_eas_zone_has_no_label(tmp_path: Path) -> None:
    app = app_at(tmp_path, "2026-12-02T05:30")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dana = next(f.id for f in app.document.followups if f.customer == "Maria Ortiz")
        app.push_screen(FollowUpScreen(dana))
        await pilot.pause()
        lines = body(app).splitlines()
        assert "executive     +Dana (Dana Whitfield)" in lines
        assert not any(line.startswith("times") for line in lines)
        assert "promise       Wed 2 Dec 15:00 (today)" in lines


async def test_the_alert_says_the_time_the_row_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 10:50 in New York: Lee's promise 16:00 London (11:00 New York) is 10 minutes away.
    document = desk(lee_promise="2026-12-02T16:00")
    app = app_at(tmp_path, "2026-12-02T10:50", document, alerts=True)
    monkeypatch.setattr(app, "bell", lambda: None)
    async with app.run_test(size=(120, 40)) as pilot:
        app.check_alerts()  # the dashboard checks at start too: shown once either way
        title = "Lee Okafor: Promise due in 10 min"
        while not [n for n in app._notifications if n.title == title]:
            await pilot.pause()
        (shown,) = [n for n in app._notifications if n.title == title]
        assert "promised by 16:00 London;" in shown.message
        assert promises(app)["Ann Lee"] == "today 16:00 London"
