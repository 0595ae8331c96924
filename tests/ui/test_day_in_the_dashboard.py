"""The shell's working day (tests/closeout/shell_day.py) lived in the dashboard with keys,
the clock moving: its close-out is the same, word for word, as the one the shell saves."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from planner.cli import main
from planner.clock import ManualClock
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.dialogs.choice import ChoiceScreen
from planner.ui.screens.closeout import CloseoutScreen
from planner.ui.widgets.followups import FollowUpsPane
from tests.closeout import shell_day as day
from tests.conftest import FROZEN_ZONE, instant
from tests.ui.test_dashboard import type_text


def at(hhmm: str) -> pendulum.DateTime:
    return instant(day.at(hhmm))


async def answer(pilot: Pilot[int], value: str) -> None:
    pilot.app.screen.query_one(Input).value = value
    await pilot.press("enter")
    await pilot.pause()


async def repromise(pilot: Pilot[int], when: str, note: str) -> None:
    """The re-promise dialog: the time and the note in one form, Enter saves."""
    pilot.app.screen.query_one("#field-when", Input).value = when
    pilot.app.screen.query_one("#field-note", Input).value = note
    await pilot.press("enter")
    await pilot.pause()


def shell_summary(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> str:
    from tests.cli.test_day_from_the_shell import live_the_day

    ids = live_the_day(capsys, monkeypatch)
    monkeypatch.setenv("EA_PLANNER_NOW", day.at(day.REPROMISE_AT))
    assert main(["promise", ids["Omar Haddad"], day.REPROMISE_TO, "--note", "called"]) == 0
    monkeypatch.setenv("EA_PLANNER_NOW", day.at(day.CLOSE_AT))
    assert main(["closeout", "--close", "--notes", day.NOTES]) == 0
    capsys.readouterr()
    return (data_dir / "closeouts" / f"{day.DATE}.md").read_text(encoding="utf-8")


async def live_in_the_dashboard(
    app: PlannerApp, clock: ManualClock, pilot: Pilot[int]
) -> dict[str, str]:
    ids: dict[str, str] = {}
    for hhmm, line in day.ADDS:
        clock.set(at(hhmm))
        await pilot.press("a")
        await type_text(pilot, line)
        await pilot.press("enter")
        await pilot.pause()
        ids[line.split(":")[0]] = app.document.followups[-1].id
    pane = app.query_one(FollowUpsPane)

    async def select(customer: str) -> None:
        pane.focus()
        pane.keep_cursor_on(ids[customer])
        await pilot.pause()
        assert pane.selected_key == ids[customer]

    for hhmm, action, customer, argument in day.STEPS:
        clock.set(at(hhmm))
        await select(customer)
        if action == "wait":
            party, what_for = argument.split("|")
            await pilot.press("w")
            assert isinstance(app.screen, ChoiceScreen)
            await pilot.press(*(["down"] if party == "colleague" else []), "enter")
            await answer(pilot, what_for)
        elif action == "promise":
            when, note = argument.split("|")
            await pilot.press("p")
            await repromise(pilot, when, note)
        elif action == "escalate":
            await pilot.press("E")
            await answer(pilot, argument)
        elif action == "start":
            await pilot.press("s")
            await pilot.pause()
        elif action == "resolve":
            await pilot.press("x")
            await answer(pilot, argument)
        elif action == "drop":
            await pilot.press("D")
            await answer(pilot, argument)
        assert not app.screen.is_modal, (action, customer)
    return ids


async def test_the_same_day_in_the_dashboard_gives_the_same_close_out(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    from_the_shell = shell_summary(capsys, monkeypatch, data_dir)

    store = Store(tmp_path / "dashboard")
    clock = ManualClock(at("08:30"))
    app = create_app(store, clock, ea_zone=FROZEN_ZONE, welcome=False)
    async with app.run_test(size=(120, 40)) as pilot:
        ids = await live_in_the_dashboard(app, clock, pilot)
        # Omar's re-promise broke at 12:30; at 17:32 he is called and re-promised.
        clock.set(at(day.REPROMISE_AT))
        pane = app.query_one(FollowUpsPane)
        pane.focus()
        pane.keep_cursor_on(ids["Omar Haddad"])
        await pilot.pause()
        await pilot.press("p")
        await repromise(pilot, "tomorrow 10:00", "called")
        clock.set(at(day.CLOSE_AT))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CloseoutScreen)
        await pilot.press("5")
        await type_text(pilot, day.NOTES)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CloseoutScreen) and screen.review is not None
        assert screen.review.closed
    from_the_dashboard = (store.directory / "closeouts" / f"{day.DATE}.md").read_text(
        encoding="utf-8"
    )
    assert from_the_dashboard == from_the_shell
    for customer in day.OPEN_AT_CLOSE:
        assert customer in from_the_dashboard
    record = json.loads(store.path.read_text())["closeouts"][0]
    assert record["notes"] == day.NOTES
