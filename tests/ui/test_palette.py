"""The command palette and the help screen: every action by name, from the binding tables."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from planner.clock import Clock
from planner.preferences import Preferences, preferences_path, save
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.dialogs.help import HelpScreen
from planner.ui.dialogs.prompt import PromptScreen
from planner.ui.widgets.briefs import BriefPane
from planner.ui.widgets.followups import FollowUpsPane
from tests.conftest import FROZEN_ZONE


def shown_text(app: PlannerApp) -> str:
    """What the screen's Static widgets show, as plain text (tables and groups included)."""
    console = Console(width=200, record=True, file=io.StringIO())
    for widget in app.screen.query(Static):
        console.print(widget.content)
    return console.export_text()


async def palette_offers(pilot: Pilot[int], query: str) -> list[str]:
    """Open the palette, type `query`, and read the names offered (best first)."""
    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*[c if c != " " else "space" for c in query])
    await pilot.pause(0.3)
    found = pilot.app.screen.query_one(CommandList)
    return [
        str(found.get_option_at_index(i).prompt).split("\n")[0] for i in range(found.option_count)
    ]


async def test_every_dashboard_action_is_in_the_palette_by_group_and_name(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)):
        titles = {a.title for a in app.palette_actions(app.screen)}
        for name in (
            "Follow-up: Resolve",
            "Follow-up: Re-promise",
            "Brief: Mark delivered",
            "Theme: Switch",
            "Day: Next",
            "Day: Today",
            "Good moment: Mark",
            "Event: Import .ics",
            "Settings: Open",
            "Dashboard: Undo",
        ):
            assert name in titles
        ids = {a.id for a in app.palette_actions(app.screen)}
        table = {
            b.id
            for b in PlannerApp.BINDINGS
            if isinstance(b, Binding) and b.id and not b.id.startswith("pane.")
        }
        assert table <= ids


async def test_palette_runs_follow_up_resolve_on_the_selected_follow_up(
    app: PlannerApp, store: Store
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        target = app.query_one(FollowUpsPane).selected_key
        assert await palette_offers(pilot, "resolve") == ["Follow-up: Resolve"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = "refund sent by finance"
        await pilot.press("enter")
        await pilot.pause()
        resolved = next(f for f in app.document.followups if f.id == target)
        assert (resolved.status, resolved.resolution) == ("resolved", "refund sent by finance")


async def test_palette_matches_fuzzily_and_marks_a_brief_delivered(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(BriefPane)
        pane.focus()
        await pilot.press("down")  # past the "next good moment" row
        key = pane.selected_key
        offered = await palette_offers(pilot, "brf dlv")
        assert offered[0] == "Brief: Mark delivered"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert next(b for b in app.document.briefs if b.id == key).delivered is not None


async def test_palette_day_next_moves_the_day(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        offered = await palette_offers(pilot, "day: next")
        assert offered[0] == "Day: Next"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert str(app.dashboard.shown_date) == "2026-11-24"


async def test_a_keymap_in_the_preferences_moves_a_key_everywhere(
    demo_store: Store,
    clock: Clock,
    config_dir: Path,
) -> None:
    save(preferences_path(config_dir), Preferences(keymap={"followup.resolve": "r"}))
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        assert not isinstance(app.screen, PromptScreen)  # x no longer resolves
        await pilot.press("r")
        assert isinstance(app.screen, PromptScreen)
        assert "How was it resolved" in str(app.screen.query_one("Label").render())
        await pilot.press("escape")
        await pilot.press("enter")  # the detail view shares the binding id
        await pilot.press("r")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("escape", "escape")
        resolve = next(a for a in app.help_actions() if a.id == "followup.resolve")
        assert resolve.keys == "r"
        offered = await palette_offers(pilot, "resolve")
        await pilot.press("down")
        assert "key r" in str(app.screen.query_one(CommandList).get_option_at_index(0).prompt)
        assert offered == ["Follow-up: Resolve"]


async def test_an_unknown_binding_id_in_the_keymap_is_reported(
    demo_store: Store,
    clock: Clock,
    config_dir: Path,
) -> None:
    save(preferences_path(config_dir), Preferences(keymap={"followup.resolv": "r"}))
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("'followup.resolv'" in n.message for n in app._notifications)
        await pilot.press("x")
        assert isinstance(app.screen, PromptScreen)  # the default key still works


async def test_help_lists_every_binding_of_every_screen_grouped(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = shown_text(app)
        for binding in app.binding_tables():
            if binding.id and binding.description:
                assert binding.id in text
        for group in ("Follow-up", "Brief", "Day", "Follow-up detail", "Moving around", "Dialogs"):
            assert f"\n{group}\n" in f"\n{text}"
        assert "Mark delivered" in text and "Command palette" in text
