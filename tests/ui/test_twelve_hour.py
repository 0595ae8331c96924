"""The dashboard in 12-hour mode (preferences.toml's clock = "12h"): the look, and every
pane's clock times in "3:00 PM" form with room for them."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static

from planner.clock import Clock
from planner.demo import sample_document
from planner.preferences import Preferences, load, preferences_path, save
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.widgets.row_table import RowTable
from tests.conftest import FROZEN_ZONE, instant
from tests.ui.conftest import SnapCompare

MORNING = "2026-11-23T11:05:00+01:00"


@pytest.fixture
def twelve_hour_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PlannerApp:
    counter = iter(range(10_000))
    for module in ("planner.domain.base", "planner.demo", "planner.domain.lifecycle"):
        monkeypatch.setattr(f"{module}.new_id", lambda prefix: f"{prefix}-{next(counter):08d}")
    clock = Clock(fixed=instant(MORNING))
    store = Store(tmp_path / "snap")
    store.save(sample_document(clock.now(), FROZEN_ZONE))
    config = tmp_path / "config"
    save(preferences_path(config), Preferences(clock="12h"))
    return create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=config)


def test_dashboard_in_twelve_hour_mode(
    snap_compare: SnapCompare, twelve_hour_app: PlannerApp
) -> None:
    assert snap_compare(twelve_hour_app, terminal_size=(120, 40))


def pane_lines(app: PlannerApp) -> list[str]:
    lines = []
    for table in app.screen.query(RowTable):
        for y in range(table.size.height):
            lines.append(table.render_line(y).text)
    return lines


async def test_every_clock_time_on_screen_is_twelve_hour(twelve_hour_app: PlannerApp) -> None:
    app = twelve_hour_app
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        console = Console(width=200, record=True, file=io.StringIO())
        for widget in app.screen.query(Static):
            console.print(widget.content)
        text = "\n".join([console.export_text(), *pane_lines(app)])
        assert "Dana Whitfield 11:05 AM (Europe/Paris)" in text
        assert "11:45 AM–12:15 PM" in text  # the investor call, whole in its column
        assert "12:30–1:30 PM" in text  # lunch: AM/PM said once when both ends share it
        assert "today 10:35 AM" in text or "today 11:40 AM" in text
        # No 24-hour clock time anywhere (13:00 to 23:59, or a zero-padded hour).
        assert not re.search(r"\b(1[3-9]|2[0-3]|0\d):[0-5]\d\b", text), text


async def test_the_clock_setting_switches_every_time_on_screen_at_once(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    from textual.widgets import Select

    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)

    def title() -> str:
        return str(app.screen.query_one("#header-title", Static).render())

    async with app.run_test(size=(120, 40)) as pilot:
        assert "Dana Whitfield 10:00 (Europe/Paris)" in title()
        await pilot.press("S")
        app.screen.query_one("#pref-clock", Select).value = "12h"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Dana Whitfield 10:00 AM (Europe/Paris)" in title()
        assert any("11:45 AM–12:15 PM" in line for line in pane_lines(app))
        assert load(preferences_path(config_dir)).clock == "12h"
        await pilot.press("S")
        app.screen.query_one("#pref-clock", Select).value = "24h"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Dana Whitfield 10:00 (Europe/Paris)" in title()
        assert any("11:45–12:15" in line for line in pane_lines(app))
    assert load(preferences_path(config_dir)).clock == "24h"
