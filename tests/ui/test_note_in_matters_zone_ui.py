"""ctrl+n in quick-add notes a repeat caller's line on their open matter with its times
read on the clock of the matter's executive, and the preview says whose matter it is."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pendulum
import pytest

from planner.clock import Clock
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.dialogs.quick_add import QuickAddScreen
from tests.conftest import FROZEN_ZONE
from tests.ui.desk import LEE, LONDON, NOW, two_executives
from tests.ui.test_dashboard import static_text, type_text
from tests.ui.test_redraw import until


@pytest.fixture
def desk_app(store: Store, config_dir: Path) -> PlannerApp:
    store.save(two_executives())
    clock = Clock(fixed=pendulum.instance(datetime.fromisoformat(NOW)))
    return create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)


async def test_ctrl_n_reads_the_time_on_the_matters_executives_clock(
    desk_app: PlannerApp, store: Store
) -> None:
    tom = next(f for f in desk_app.document.followups if f.customer == "Tom Becker")
    assert tom.executive == LEE.id
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: isinstance(desk_app.screen, QuickAddScreen), "quick-add")
        # In "all" a line naming no one is the first executive's (New York); Tom's is Lee's.
        await type_text(pilot, "Tom Becker @Globex: called again, call back by 6pm")
        await until(
            pilot,
            lambda: "repeat caller" in static_text(desk_app, "#quick-add-preview"),
            static_text(desk_app, "#quick-add-preview"),
        )
        preview = static_text(desk_app, "#quick-add-preview")
        assert "Tom Becker already has an open follow-up (Lee's)" in preview
        assert "contract renewal · open · promised Mon 23 Nov 14:10 London (today)" in preview
        assert ", re-promising it for Mon 23 Nov 18:00 London (today)" in " ".join(preview.split())
        await pilot.press("ctrl+n")

        def noted() -> bool:
            now = next(f for f in desk_app.document.followups if f.id == tom.id)
            return now.log[-1].action == "re-promised"

        await until(pilot, noted, "the note")
        stored = next(f for f in desk_app.document.followups if f.id == tom.id)
        promised = pendulum.instance(stored.promised_by).in_tz(LONDON)
        assert (promised.date().isoformat(), promised.hour) == ("2026-11-23", 18)
