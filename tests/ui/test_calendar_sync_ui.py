"""The running dashboard keeps a real CalDAV calendar (Radicale) current: on start and on `R`."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from textual.pilot import Pilot

from planner.clock import Clock
from planner.config import Subscription
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.widgets.schedule import SchedulePane
from tests.conftest import FROZEN_ZONE
from tests.sync.radicale_server import PASSWORD, USER, Radicale, radicale
from tests.sync.test_sync_caldav import vevent
from tests.ui.test_dashboard import static_text

_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    with radicale(tmp_path_factory.mktemp("radicale")) as running:
        yield running


@pytest.fixture
def remote(server: Radicale) -> Any:
    return server.new_calendar(f"exec{next(_numbers)}")


def subscribed(store: Store, url: str) -> None:
    work = Subscription(
        name="work", url=url, caldav=True, username=USER, password_env="EA_TEST_CALDAV_PASSWORD"
    )
    store.update(
        lambda d: msgspec.structs.replace(
            d, settings=msgspec.structs.replace(d.settings, calendars=(work,))
        )
    )


async def until(pilot: Pilot[int], condition: Callable[[], bool], seconds: float = 30) -> None:
    for _ in range(int(seconds / 0.1)):
        if condition():
            return
        await pilot.pause(0.1)
    raise AssertionError("the dashboard never showed it")


def titles(app: PlannerApp) -> set[str]:
    return {e.title for e in app.document.events if e.calendar == "work"}


def schedule_text(app: PlannerApp) -> str:
    pane = app.screen.query_one(SchedulePane)
    return "\n".join(" ".join(str(c) for c in pane.get_row(k)) for k in pane.row_keys())


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EA_TEST_CALDAV_PASSWORD", PASSWORD)


async def test_the_dashboard_syncs_on_start_and_on_r(
    demo_store: Store, clock: Clock, remote: Any
) -> None:
    board = remote.save_event(
        vevent("board@x", "Board meeting: FY27 budget", "20261123T160000", "20261123T170000")
    )
    subscribed(demo_store, str(remote.url))
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        # The first sync runs by itself once the first frame is up.
        await until(pilot, lambda: "Board meeting: FY27 budget" in schedule_text(app))
        await until(pilot, lambda: "synced 10:00" in static_text(app, "#header-sync"))

        # Created, moved, cancelled and deleted on the server; `R` brings each in.
        remote.save_event(
            vevent("offsite@x", "Offsite planning", "20261123T180000", "20261123T183000")
        )
        board.data = vevent(
            "board@x", "Board meeting: FY27 budget", "20261123T163000", "20261123T173000"
        )
        board.save()
        await pilot.press("R")
        await until(pilot, lambda: "Offsite planning" in schedule_text(app))
        await until(pilot, lambda: "16:30–17:30" in schedule_text(app))

        board.data = vevent(
            "board@x",
            "Board meeting: FY27 budget",
            "20261123T163000",
            "20261123T173000",
            "STATUS:CANCELLED",
        )
        board.save()
        remote.event_by_uid("offsite@x").delete()
        await pilot.press("R")
        await until(pilot, lambda: titles(app) == set())
        assert "Board meeting" not in schedule_text(app)


async def test_a_stopped_server_is_said_plainly_and_the_schedule_stays(
    demo_store: Store, clock: Clock, tmp_path: Path
) -> None:
    own = radicale(tmp_path / "radicale")
    running = own.__enter__()
    try:
        calendar = running.new_calendar("work")
        calendar.save_event(
            vevent("board@x", "Board meeting: FY27 budget", "20261123T160000", "20261123T170000")
        )
        subscribed(demo_store, running.calendar_url())
        app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: "Board meeting: FY27 budget" in schedule_text(app))
            own.__exit__(None, None, None)
            await pilot.press("R")
            await until(pilot, lambda: "offline" in static_text(app, "#header-sync"))
            assert static_text(app, "#header-sync") == (
                "  ·  work: offline since 10:00, connection refused — showing the 10:00 schedule"
            )
            assert "Board meeting: FY27 budget" in schedule_text(app)
    finally:
        running.stop()


async def test_r_without_subscriptions_says_how_to_add_one(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert static_text(app, "#header-sync") == ""
