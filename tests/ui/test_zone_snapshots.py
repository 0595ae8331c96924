"""How a desk looks when one executive is in another zone than the EA's: an EA in New
York, executives in New York, London and Kolkata. The Follow-ups say each promise on its
executive's clock with the zone's label; the Schedule and the Brief queue in "all" run on
the EA's clock and say so; the close-out's promises are labelled as the list is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planner.clock import Clock
from planner.domain import Brief, Event
from planner.preferences import Preferences, preferences_path, save
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from tests.zone_desk import EA_ZONE, LEE, LONDON, NY, desk, local

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


def zone_app(tmp_path: Path, stamp: str) -> PlannerApp:
    made = local("2026-11-30T09:00", "UTC")
    document = desk(
        lee_promise="2026-12-02T16:00",
        events=(
            Event(
                id="e-0001",
                executive=LEE.id,
                title="Ops review",
                start=local("2026-12-02T13:00", LONDON),
                end=local("2026-12-02T14:00", LONDON),
            ),
            Event(
                id="e-0002",
                executive="x-1",
                title="Board meeting",
                start=local("2026-12-02T09:00", NY),
                end=local("2026-12-02T10:00", NY),
            ),
        ),
        briefs=(
            Brief(id="b-0001", executive=LEE.id, title="Supplier call went well", created=made),
        ),
    )
    store = Store(tmp_path / "data")
    store.save(document)
    config = tmp_path / "config"
    save(preferences_path(config), Preferences(alerts=False))
    return create_app(store, Clock(fixed=local(stamp, NY)), ea_zone=EA_ZONE, config_dir=config)


@pytest.mark.parametrize("size", SIZES)
def test_all_with_a_london_record(snap_compare: Any, tmp_path: Path, size: Any) -> None:
    assert snap_compare(zone_app(tmp_path, "2026-12-02T08:30"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_closeout_promises_with_a_london_record(
    snap_compare: Any, tmp_path: Path, size: Any
) -> None:
    async def to_promises(pilot: Any) -> None:
        await pilot.press("c", "2")
        for _ in range(100):
            if pilot.app.screen.query("PromiseTable").first().row_count >= 3:
                return
            await pilot.pause()
        raise AssertionError("the promises never showed")

    app = zone_app(tmp_path, "2026-12-02T18:10")
    assert snap_compare(app, terminal_size=size, run_before=to_promises)


@pytest.mark.parametrize("size", SIZES)
def test_closeout_notes_for_each_executive(snap_compare: Any, tmp_path: Path, size: Any) -> None:
    async def to_notes(pilot: Any) -> None:
        await pilot.press("c", "5")
        await pilot.press(*"signed")  # into the first executive's box, which has the focus
        for _ in range(100):
            if "signed" in str(pilot.app.screen.query_one("#summary-body").render()):
                return
            await pilot.pause()
        raise AssertionError("the notes never reached the summary")

    app = zone_app(tmp_path, "2026-12-02T18:10")
    assert snap_compare(app, terminal_size=size, run_before=to_notes)
