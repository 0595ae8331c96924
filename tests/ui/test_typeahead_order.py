"""Keys typed ahead act in the order typed, each on what the keys before it left.

A fast typist (or a terminal delivering a burst in one read) moves the cursor and acts
before the screen has caught up: the action must hit the row the cursor moved to, and
Tab must move to the next field before the characters typed after it arrive.
"""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from planner.ui.app import PlannerApp
from planner.ui.dialogs.form import FormScreen
from planner.ui.dialogs.prompt import PromptScreen
from planner.ui.widgets.followups import FollowUpsPane

KEY_NAMES = {" ": "space", ":": "colon", "(": "left_parenthesis", ")": "right_parenthesis"}


def burst(app: PlannerApp, keys: list[str]) -> None:
    """Deliver `keys` as a terminal does with one read: all queued before any is handled."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(KEY_NAMES.get(key, key), key))
        else:
            app.post_message(events.Key(key, None))


async def settled(pilot: Pilot[int], app: PlannerApp) -> None:
    """Wait until every key sent has been handled (a busy machine takes its time)."""
    for _ in range(100):
        await pilot.pause(0.05)
        if not app._pending_keys and app._key_on_its_way is None:
            return
    raise AssertionError("keys still on their way after 5 s")


def prompt_context(app: PlannerApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(".dialog-context").results(Static))


async def test_cursor_keys_typed_ahead_move_the_cursor_before_the_action(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(FollowUpsPane)
        pane.focus()
        await pilot.pause()
        keys = pane.row_keys()
        assert len(keys) >= 4
        await pilot.press("home", "down", "down", "down", "x")
        await settled(pilot, app)
        assert isinstance(app.screen, PromptScreen)
        assert pane.selected_key == keys[3]
        row4 = app.find_followup(keys[3])
        assert row4 is not None
        assert row4.customer in prompt_context(app)
        assert app.screen.query_one(Input).value == ""


async def test_j_typed_ahead_moves_the_cursor_and_is_not_typed_into_the_dialog(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(FollowUpsPane)
        pane.focus()
        await pilot.pause()
        keys = pane.row_keys()
        burst(app, ["home", "j", "j", "j", "x", "O", "k"])
        await settled(pilot, app)
        assert isinstance(app.screen, PromptScreen)
        assert pane.selected_key == keys[3]
        row4 = app.find_followup(keys[3])
        assert row4 is not None
        assert row4.customer in prompt_context(app)
        assert app.screen.query_one(Input).value == "Ok"


async def test_tab_typed_ahead_moves_to_the_next_field_before_the_next_characters(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        typed = [*"Lunch with Ines (rescheduled)", "tab", *"12:30", "tab", *"1:30pm"]
        burst(app, ["e", *typed])
        await settled(pilot, app)
        assert isinstance(app.screen, FormScreen)
        values = app.screen.values()
        assert values["title"] == "Lunch with Ines (rescheduled)"
        assert values["start"] == "12:30"
        assert values["end"] == "1:30pm"


async def test_tab_pressed_ahead_in_one_pilot_call_fills_each_field(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e", *"Lunch", "tab", *"12:30", "tab", *"13:30")
        await settled(pilot, app)
        assert isinstance(app.screen, FormScreen)
        values = app.screen.values()
        assert (values["title"], values["start"], values["end"]) == ("Lunch", "12:30", "13:30")
