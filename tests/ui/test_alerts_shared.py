"""The dashboard and `ea-planner remind` share one record of alerts given: never twice."""

from __future__ import annotations

import io
from pathlib import Path

import pendulum

from planner.clock import Clock
from planner.commands.context import Context
from planner.commands.remind import Reminder
from planner.demo import sample_document
from planner.storage import Store
from planner.storage.alerted import alerted_keys
from planner.ui.app import create_app
from tests.conftest import FROZEN_NOW, FROZEN_ZONE, instant

START = instant(FROZEN_NOW).in_tz("UTC")


class Recorder:
    name = "recorder"

    def __init__(self) -> None:
        self.titles: list[str] = []

    def send(self, title: str, message: str, urgency: str) -> None:
        self.titles.append(title)


def remind_at(store: Store, when: pendulum.DateTime, notifier: Recorder) -> list[str]:
    clock = Clock(fixed=when)
    context = Context(store=store, clock=clock, out=io.StringIO(), err=io.StringIO())
    return [a.title for a in Reminder(store, clock, notifier, context=context).check()]


async def test_an_alert_given_by_remind_is_not_shown_again_by_the_dashboard(
    store: Store, config_dir: Path
) -> None:
    store.save(sample_document(START, FROZEN_ZONE))
    when = START.add(minutes=20)  # 10:20: Tom Becker's promise is 15 minutes away
    desktop = Recorder()
    assert remind_at(store, when, desktop) == ["Promise due in 15 min"]
    app = create_app(store, Clock(fixed=when), ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.check_alerts() == []
        await pilot.pause()
        assert not [n for n in app._notifications if n.title.startswith("Promise")]


async def test_an_alert_shown_by_the_dashboard_is_not_given_again_by_remind(
    store: Store, config_dir: Path
) -> None:
    store.save(sample_document(START, FROZEN_ZONE))
    when = START.add(minutes=35)  # 10:35: Tom Becker's promise has just been broken
    app = create_app(store, Clock(fixed=when), ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)):
        assert [a.title for a in app.check_alerts()] == ["Promise broken"]
    assert any(key.startswith("promise-broken:") for key in alerted_keys(store))
    desktop = Recorder()
    assert remind_at(store, when.add(minutes=1), desktop) == []
    assert desktop.titles == []
