"""An alert that falls due while a dialog is open (the quick-add, a form, the morning notes)
never covers the dialog's last field or its key hint: it is held (the bell rings at once)
and shown when the dialog closes; one still on screen when a dialog opens is withdrawn and
shown again after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import ModalScreen

from planner.clock import Clock
from planner.ui.app import create_app
from planner.ui.dialogs.form import FormScreen
from planner.ui.dialogs.morning import MorningScreen
from planner.ui.dialogs.quick_add import QuickAddScreen
from tests.conftest import FROZEN_ZONE
from tests.ui.conftest import SnapCompare
from tests.ui.test_morning_ui import TUESDAY_MORNING, closed_monday
from tests.ui.test_snapshots import GOOD_MOMENT, SIZES, demo_app, fixed_ids

PROMISE_DUE = TUESDAY_MORNING.add(hours=2, minutes=15)
"""The morning notes still greet the EA when Jonas Berg's promise falls due in 15 minutes."""

TITLE = "Good moment now"


async def until(pilot: Pilot[Any], condition: Any, what: str) -> None:
    for _ in range(400):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never: {what}")


def toasts(pilot: Pilot[Any]) -> list[Any]:
    return list(pilot.app.screen.query("Toast"))


async def held_under(pilot: Pilot[Any], key: str) -> None:
    """Open the dialog of `key` as the good moment's alert falls due."""
    app: Any = pilot.app
    await pilot.press(key)
    await until(pilot, lambda: isinstance(app.screen, ModalScreen), "the dialog opened")
    await until(pilot, lambda: app._held_alerts, "the alert fell due and was held")
    assert not toasts(pilot)


async def test_an_alert_due_in_a_dialog_waits_for_it_to_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixed_ids(monkeypatch)
    app = demo_app(tmp_path, GOOD_MOMENT)
    rung: list[bool] = []
    monkeypatch.setattr(app, "bell", lambda: rung.append(True))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await held_under(pilot, "a")
        assert isinstance(app.screen, QuickAddScreen)
        assert [a.title for a in app._held_alerts] == [TITLE]
        assert rung  # the bell says something is waiting
        await pilot.pause(1.2)  # ticks go by; nothing covers the dialog
        assert not toasts(pilot)
        await pilot.press("escape")
        await until(pilot, lambda: toasts(pilot), "the held alert shown")
        assert not isinstance(app.screen, ModalScreen)
        assert any(n.title == TITLE for n in app._notifications)
        assert not app._held_alerts


async def test_an_alert_on_screen_when_a_dialog_opens_is_withdrawn_and_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixed_ids(monkeypatch)
    app = demo_app(tmp_path, GOOD_MOMENT)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: toasts(pilot), "the alert shown on the dashboard")
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, FormScreen), "the brief form")
        await until(pilot, lambda: app._held_alerts, "the alert withdrawn")
        assert not any(n.title == TITLE for n in app._notifications)
        await until(pilot, lambda: not toasts(pilot), "the toast taken off the screen")
        await pilot.press("escape")
        await until(pilot, lambda: toasts(pilot), "the alert shown again")
        assert any(n.title == TITLE for n in app._notifications)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", [pytest.param("a", id="quick-add"), pytest.param("b", id="brief")])
def test_a_dialog_with_an_alert_due(
    snap_compare: SnapCompare,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    key: str,
) -> None:
    """The dialog whole, its key hint and last field in sight, while the alert waits."""
    fixed_ids(monkeypatch)
    app = demo_app(tmp_path, GOOD_MOMENT)

    async def open_dialog(pilot: Pilot[int]) -> None:
        await held_under(pilot, key)

    assert snap_compare(app, terminal_size=size, run_before=open_dialog)


async def test_the_morning_notes_hold_an_alert_until_dismissed(tmp_path: Path) -> None:
    store = closed_monday(tmp_path / "data")
    app = create_app(store, Clock(fixed=PROMISE_DUE), ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MorningScreen), "the morning notes")
        await until(pilot, lambda: app._held_alerts, "the promise's alert held")
        assert [a.title for a in app._held_alerts] == ["Promise due in 15 min"]
        assert not toasts(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: toasts(pilot), "the alert shown once the notes are read")
        assert not isinstance(app.screen, MorningScreen)


@pytest.mark.parametrize("size", SIZES)
def test_the_morning_notes_with_an_alert_due(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    """The notes whole, "Enter dismisses" in sight, while the promise's alert waits."""
    store = closed_monday(tmp_path / "data")
    app = create_app(store, Clock(fixed=PROMISE_DUE), ea_zone=FROZEN_ZONE)

    async def alert_due(pilot: Pilot[int]) -> None:
        await until(pilot, lambda: isinstance(app.screen, MorningScreen), "the notes")
        await until(pilot, lambda: app._held_alerts, "the promise's alert held")

    assert snap_compare(app, terminal_size=size, run_before=alert_due)
