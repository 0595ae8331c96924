"""The next workday, the dashboard opens on the last close-out's notes until they are
dismissed."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from planner.clock import Clock
from planner.closeout import close_with_summary, keep
from planner.storage import Store
from planner.ui.app import create_app
from planner.ui.dialogs.morning import MorningScreen
from tests.closeout import day
from tests.closeout.day import CLOSE_TIME, DATE
from tests.conftest import FROZEN_ZONE
from tests.ui.conftest import SnapCompare
from tests.ui.test_dashboard import shown_text

TUESDAY_MORNING = pendulum.datetime(2026, 11, 24, 8, 30, tz=day.TZ)


def closed_monday(directory: Path) -> Store:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    document = keep(document, DATE, "f-liwei003", CLOSE_TIME)
    document, _ = close_with_summary(document, DATE, CLOSE_TIME, notes="chase Li Wei first thing")
    store = Store(directory)
    store.save(document)
    return store


async def test_the_notes_greet_the_next_morning_until_dismissed(tmp_path: Path) -> None:
    store = closed_monday(tmp_path / "data")
    clock = Clock(fixed=TUESDAY_MORNING)
    app = create_app(store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MorningScreen)
        text = shown_text(app)
        assert "From the close-out of Monday 23 November" in text
        assert "chase Li Wei first thing" in text
        assert "Jonas Berg — quote for 40 seats · promised Tue 24 Nov 11:00 · open" in text
        assert "To tell the executive:" in text
        await pilot.press("escape")  # later: shown again next time
        await pilot.pause()
        assert not isinstance(app.screen, MorningScreen)
    assert not Store(store.directory).load().closeouts[0].morning_dismissed

    app = create_app(Store(store.directory), clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MorningScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, MorningScreen)
    assert Store(store.directory).load().closeouts[0].morning_dismissed

    app = create_app(Store(store.directory), clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, MorningScreen)


async def test_not_on_the_day_that_was_closed(tmp_path: Path) -> None:
    store = closed_monday(tmp_path / "data")
    app = create_app(store, Clock(fixed=CLOSE_TIME.add(minutes=5)), ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, MorningScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_the_morning_notes_look(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    store = closed_monday(tmp_path / "data")
    app = create_app(store, Clock(fixed=TUESDAY_MORNING), ea_zone=FROZEN_ZONE)
    assert snap_compare(app, terminal_size=size)
