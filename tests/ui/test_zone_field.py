"""The zone field, typed into key by key as an EA does: every prefix of a zone name on the
way to the full name (`America` is a directory of the zone files: it once ended the app),
in the welcome screen and in settings; what was typed is kept all along."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from planner.clock import Clock
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.widgets.zones import zone_hint
from tests.conftest import FROZEN_ZONE

ZONES = (
    "America/New_York",
    "Europe/London",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
)


def hint_text(app: PlannerApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_zone(pilot: Pilot[int], app: PlannerApp, field: str, hint: str, name: str) -> None:
    box = app.screen.query_one(field, Input)
    box.value = ""
    box.focus()
    await pilot.pause()
    for n, char in enumerate(name, start=1):
        await pilot.press(char)
        typed = name[:n]
        assert app.is_running, typed
        assert box.value == typed
        await pilot.pause()
        assert hint_text(app, hint) == zone_hint(typed), typed
    assert hint_text(app, hint) == ""


@pytest.mark.parametrize("name", ZONES)
async def test_every_prefix_in_the_welcome_zone_field(
    name: str, store: Store, clock: Clock, config_dir: Path
) -> None:
    app = create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "WelcomeScreen"
        await pilot.press(*"Dana")
        await type_zone(pilot, app, "#welcome-zone", "#welcome-zone-hint", name)
        # Everything typed on the welcome screen is still there.
        assert app.screen.query_one("#welcome-name", Input).value == "Dana"
        assert app.screen.query_one("#welcome-zone", Input).value == name


async def test_every_prefix_in_the_settings_zone_field(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("S")
        await pilot.pause()
        assert type(app.screen).__name__ == "SettingsScreen"
        for name in ("America/New_York", "Asia/Kolkata"):
            await type_zone(pilot, app, "#setting-timezone", "#settings-zone-hint", name)
