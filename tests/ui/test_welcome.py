"""First run: the welcome screen asks three facts, writes them to planner.json, never again."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input

from planner.clock import Clock
from planner.config import Settings
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.dialogs.prompt import PromptScreen
from planner.ui.dialogs.welcome import WelcomeScreen
from planner.ui.widgets.followups import FollowUpsPane
from tests.conftest import FROZEN_ZONE


def first_run(store: Store, clock: Clock, config_dir: Path) -> PlannerApp:
    return create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)


def fill(app: PlannerApp, name: str, zone: str, org: str) -> None:
    app.screen.query_one("#welcome-name", Input).value = name
    app.screen.query_one("#welcome-zone", Input).value = zone
    app.screen.query_one("#welcome-org", Input).value = org


async def test_start_empty_writes_the_answers_into_planner_json_settings(
    store: Store, clock: Clock, config_dir: Path
) -> None:
    app = first_run(store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen.query_one("#welcome-zone", Input).value == FROZEN_ZONE  # the EA's own
        fill(app, "Dana Whitfield", "America/New_York", "Northwind")
        app.screen.query_one("#welcome-assistant", Input).value = "Chris Park"
        app.screen.query_one("#start-empty", Button).press()
        await pilot.pause()
        assert not isinstance(app.screen, WelcomeScreen)
        assert "Dana Whitfield" in str(app.query_one("#header-title").render())
    settings = Store(store.directory).load().settings
    assert (
        settings.executive_name,
        settings.timezone,
        settings.own_organization,
        settings.assistant_name,
    ) == ("Dana Whitfield", "America/New_York", "Northwind", "Chris Park")
    again = first_run(Store(store.directory), clock, config_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, WelcomeScreen)  # answered: never shown again


async def test_the_time_zone_completes_from_the_zone_names_and_a_wrong_one_is_refused(
    store: Store, clock: Clock, config_dir: Path
) -> None:
    app = first_run(store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        zone = app.screen.query_one("#welcome-zone", Input)
        zone.value = ""
        zone.focus()
        await pilot.press(*"america/new_y")
        await pilot.pause(0.2)
        await pilot.press("right")  # accept the completion
        assert zone.value == "America/New_York"
        zone.value = "Paris"
        await pilot.pause()
        assert "Europe/Paris" in str(app.screen.query_one("#welcome-zone-hint").render())
        app.screen.query_one("#start-empty", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)  # refused: still asking
    assert not store.path.exists()


async def test_load_a_sample_day_fills_the_store_under_the_answered_name(
    store: Store, clock: Clock, config_dir: Path
) -> None:
    app = first_run(store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        fill(app, "Pat Rivera", FROZEN_ZONE, "")
        app.screen.query_one("#start-sample", Button).press()
        await pilot.pause()
        assert app.document.events and app.document.followups and app.document.briefs
        assert app.query_one(FollowUpsPane).row_count >= 5
    saved = Store(store.directory).load()
    assert saved.settings.executive_name == "Pat Rivera"
    assert saved.settings.own_organization == "Northwind"  # the sample's, as none was given
    assert len(saved.followups) >= 5


async def test_import_an_ics_file_goes_on_to_the_import_prompt(
    store: Store, clock: Clock, config_dir: Path
) -> None:
    app = first_run(store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        fill(app, "", FROZEN_ZONE, "")
        app.screen.query_one("#start-import", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert "Import an .ics file" in str(app.screen.query_one("Label").render())
    assert Store(store.directory).load().settings.timezone == FROZEN_ZONE


async def test_escape_leaves_it_for_next_time_and_writes_nothing(
    store: Store, clock: Clock, config_dir: Path
) -> None:
    app = first_run(store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        assert not isinstance(app.screen, WelcomeScreen)
    assert not store.path.exists()
    assert Store(store.directory).load().settings == Settings()


async def test_existing_data_never_shows_the_welcome(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, WelcomeScreen)
