"""The dashboard's first screen at every half hour of a day, in zones with odd offsets and
DST rules, on an ordinary day and both DST days (the instants of tests.sweep).

One dashboard per zone and day, started at the day's first instant on the sample day
built for it; then, half an hour at a time, the clock moves on and the sample day built
for the new instant is written to the data directory, as another process would, and the
dashboard's own one-second tick picks both up. At each instant: no error, the header on
the right date (moved across midnight by itself), the executive's time, and a status
that agrees with `ea-planner today` at the same instant.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Static

from planner.clock import ManualClock
from planner.day import build_day
from planner.demo import sample_document
from planner.humanize import fmt
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from tests.sweep import half_hours, sweep_days


def header(app: PlannerApp) -> tuple[str, str]:
    title = str(app.screen.query_one("#header-title", Static).render())
    status = str(app.screen.query_one("#header-status", Static).render())
    return title, status


@pytest.mark.parametrize(("zone", "day"), sweep_days(), ids=lambda v: str(v))
async def test_the_dashboard_at_every_half_hour(
    zone: str,
    day: pendulum.Date,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    instants = half_hours(zone, day)
    clock = ManualClock(instants[0])
    store = Store(data_dir, clock=clock)
    store.save(sample_document(instants[0], zone))
    app = create_app(store, clock, ea_zone=zone, config_dir=tmp_path / "config")
    other_process = Store(data_dir, clock=clock)
    document = store.load()
    async with app.run_test(size=(80, 24)):  # the small terminal: less to paint per step
        for now in instants:
            if now != instants[0]:
                clock.set(now)
                other_process.save(sample_document(now, zone))
                document = other_process.load()  # as read back: offsets, not zones
                app._tick()  # what the one-second timer does: poll the file, follow the clock
                for _ in range(200):  # the file is read off the UI thread, then adopted
                    if app.document == document:
                        break
                    await asyncio.sleep(0.002)
                assert app.document == document
            expected = build_day(document, now.date(), now).status
            title, status = header(app)
            heading = fmt(now, "dddd D MMMM YYYY") + (" (the coming day)" if now.hour < 6 else "")
            where = f"at {now.isoformat()} in {zone}"
            assert title.startswith(f"{heading}  ·  Dana Whitfield "), where + ": " + title
            assert f" {fmt(now, 'HH:mm')} ({zone})" in title, where + ": " + title
            assert expected is not None and status == expected.text, where
        assert app.is_running
