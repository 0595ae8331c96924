"""No keystroke in a dialog ends the dashboard: an unexpected error is shown and logged,
and what was typed stays where it was. The errors are injected (a fault in the zone
hint, a parser that breaks on one word): the guard is what is under test."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input

from planner.clock import Clock
from planner.quickadd import QuickAdd, parse
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.dialogs.quick_add import NoteInstead, QuickAddScreen
from planner.ui.guard import LOG_NAME
from tests.conftest import FROZEN_ZONE


def errors_shown(app: PlannerApp) -> list[str]:
    return [n.message for n in app._notifications if n.title == "Something went wrong"]


async def test_an_error_while_typing_a_zone_is_shown_logged_and_the_form_kept(
    store: Store, clock: Clock, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.ui.dialogs import welcome
    from planner.ui.widgets import zones

    real_hint = zones.zone_hint

    def faulty_hint(value: str) -> str:
        if value == "Amer":
            raise RuntimeError("the zone list went away")
        return real_hint(value)

    monkeypatch.setattr(welcome, "zone_hint", faulty_hint)
    app = create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*"Dana")
        zone = app.screen.query_one("#welcome-zone", Input)
        zone.value = ""
        zone.focus()
        await pilot.press(*"America/New_York")
        await pilot.pause()
        assert app.is_running
        assert type(app.screen).__name__ == "WelcomeScreen"
        (shown,) = errors_shown(app)
        assert "RuntimeError: the zone list went away" in shown
        assert "what you typed is still there" in shown
        log = (store.directory / LOG_NAME).read_text()
        assert "in WelcomeScreen" in log and "RuntimeError: the zone list went away" in log
        assert "faulty_hint" in log  # the traceback, for whoever looks into it
        assert (store.directory / LOG_NAME).stat().st_mode & 0o777 == 0o600
        assert app.screen.query_one("#welcome-name", Input).value == "Dana"
        assert zone.value == "America/New_York"
        # The form still works: the answers are saved.
        app.screen.query_one("#start-empty", Button).press()
        await pilot.pause()
        assert type(app.screen).__name__ != "WelcomeScreen"
    settings = Store(store.directory).load().settings
    assert (settings.executive_name, settings.timezone) == ("Dana", "America/New_York")


async def test_an_error_in_the_quick_add_preview_keeps_the_line(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    def breaks_on_boom(text: str) -> QuickAdd:
        if "boom" in text:
            raise ValueError(f"cannot read {text!r}")
        return parse(text, now=clock.now(), settings=demo_store.load().settings)

    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        results: list[QuickAdd | NoteInstead | None] = []
        app.push_screen(QuickAddScreen(breaks_on_boom, clock.now(), FROZEN_ZONE), results.append)
        await pilot.pause()
        await pilot.press(*"Ana Lima: boom")
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, QuickAddScreen)
        assert app.screen.query_one(Input).value == "Ana Lima: boom"
        assert len(errors_shown(app)) == 2  # once typing the word, once on Enter
        for _ in "boom":
            await pilot.press("backspace")
        await pilot.press(*"refund by tomorrow 3pm", "enter")
        await pilot.pause()
        assert [r.customer for r in results if isinstance(r, QuickAdd)] == ["Ana Lima"]


async def test_an_error_in_a_dialogs_key_action_is_shown_and_the_dialog_kept(
    store: Store, clock: Clock, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Keys bound over a dialog (Escape here) run in the app's loop, not the dialog's.
    from planner.ui.dialogs.welcome import WelcomeScreen

    def broken_cancel(self: WelcomeScreen) -> None:
        raise RuntimeError("cancel broke")

    monkeypatch.setattr(WelcomeScreen, "action_cancel", broken_cancel)
    app = create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*"Dana")
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, WelcomeScreen)
        (shown,) = errors_shown(app)
        assert "RuntimeError: cancel broke" in shown
        assert "key action" in (store.directory / LOG_NAME).read_text()
        assert app.screen.query_one("#welcome-name", Input).value == "Dana"


async def test_an_error_while_typing_close_out_notes_keeps_them(
    demo_store: Store, clock: Clock, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import TextArea

    from planner.ui.screens.closeout import NOTES, CloseoutScreen

    def broken_preview(self: CloseoutScreen) -> None:
        raise RuntimeError("preview broke")

    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CloseoutScreen)
        screen.action_go(NOTES)
        await pilot.pause()
        monkeypatch.setattr(CloseoutScreen, "_show_preview", broken_preview)
        await pilot.press(*"Call Maria")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert screen.query_one("#closeout-notes", TextArea).text == "Call Maria"
        assert errors_shown(app) and "preview broke" in errors_shown(app)[0]
