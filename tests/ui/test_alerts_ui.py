"""Alerts in the running dashboard: a notification and the bell, once each, at the right time."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from planner.alerts import Alert
from planner.clock import Clock
from planner.demo import sample_document
from planner.preferences import Preferences, preferences_path, save
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from tests.conftest import FROZEN_NOW, FROZEN_ZONE, instant


class MovableClock(Clock):
    """A frozen clock the test moves forward by hand."""

    def __init__(self, at: pendulum.DateTime) -> None:
        object.__setattr__(self, "fixed", at)

    def advance(self, **amount: int) -> None:
        assert self.fixed is not None
        object.__setattr__(self, "fixed", self.fixed.add(**amount))


@pytest.fixture
def movable() -> MovableClock:
    return MovableClock(instant(FROZEN_NOW).in_tz("UTC"))


def sample_app(store: Store, clock: Clock, config_dir: Path) -> PlannerApp:
    store.save(sample_document(clock.now(), FROZEN_ZONE))
    return create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)


def count_bells(app: PlannerApp, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    rung: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rung.append(1))
    return rung


def titles(app: PlannerApp) -> list[str]:
    return [n.title for n in app._notifications]


async def test_each_alert_fires_once_at_its_simulated_time(
    store: Store, movable: MovableClock, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = sample_app(store, movable, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        bells = count_bells(app, monkeypatch)
        heard: list[tuple[str, str]] = []
        check = app.check_alerts

        def listen() -> list[Alert]:
            fired = check()
            at = movable.now().in_tz(FROZEN_ZONE).format("HH:mm")
            heard.extend((at, alert.title) for alert in fired)
            return fired

        monkeypatch.setattr(app, "check_alerts", listen)
        for _ in range(100):  # 10:00 → 11:40, one tick a minute, as the timer's
            movable.advance(minutes=1)
            app._tick()
            app._tick()  # a second tick in the same minute adds nothing
        assert heard == [
            ("10:20", "Promise due in 15 min"),
            ("10:35", "Promise broken"),
            ("11:15", "Good moment now"),
            ("11:30", "Brief deadline reached"),
        ]
        assert len(bells) == 4
        await pilot.pause()  # notifications arrive as messages
        shown = [(n.title, n.severity) for n in app._notifications]
        assert shown == [
            ("Promise due in 15 min", "warning"),
            ("Promise broken", "error"),
            ("Good moment now", "information"),
            ("Brief deadline reached", "error"),
        ]


async def test_nothing_alerts_before_its_time(
    store: Store, movable: MovableClock, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = sample_app(store, movable, config_dir)
    async with app.run_test(size=(120, 40)):
        bells = count_bells(app, monkeypatch)
        movable.advance(minutes=19)  # 10:19: Tom Becker's promise is 16 minutes away
        app._tick()
        assert app.check_alerts() == [] and bells == []
        movable.advance(minutes=1)
        assert [a.kind for a in app.check_alerts()] == ["promise-due"]


async def test_the_bell_can_be_turned_off(
    store: Store, movable: MovableClock, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(preferences_path(config_dir), Preferences(bell=False))
    app = sample_app(store, movable, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        bells = count_bells(app, monkeypatch)
        movable.advance(minutes=20)
        app._tick()
        await pilot.pause()
        assert "Promise due in 15 min" in titles(app)
        assert bells == []


async def test_alerts_can_be_turned_off(
    store: Store, movable: MovableClock, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(preferences_path(config_dir), Preferences(alerts=False))
    app = sample_app(store, movable, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        bells = count_bells(app, monkeypatch)
        movable.advance(minutes=35)
        app._tick()
        await pilot.pause()
        assert not [t for t in titles(app) if t.startswith("Promise")]
        assert bells == []


async def test_alerts_follow_the_real_now_whatever_day_is_shown(
    store: Store, movable: MovableClock, config_dir: Path
) -> None:
    app = sample_app(store, movable, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket")  # looking at tomorrow
        movable.advance(minutes=75)  # 11:15: today's good moment starts
        app._tick()
        await pilot.pause()
        assert "Good moment now" in titles(app)


async def test_an_alert_shows_a_hostile_customer_name_literally(
    store: Store, movable: MovableClock, config_dir: Path
) -> None:
    from planner.domain.document import Document
    from planner.domain.lifecycle import open_followup

    now = movable.now()
    hostile = open_followup(
        customer="[@click=app.quit]Mallory[/]",
        summary="[bold]refund[/bold]",
        promised_by=now.add(minutes=10),
        now=now,
    )
    store.save(Document(followups=(hostile,)))
    app = create_app(store, movable, ea_zone=FROZEN_ZONE, config_dir=config_dir, welcome=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app._tick()
        await pilot.pause()
        (note,) = [n for n in app._notifications if n.title.startswith("Promise due")]
        assert "[@click=app.quit]Mallory[/]" in note.message
        assert note.markup is False  # shown as written, never as markup
