"""The first frame imports only what it draws: what a key sets in motion (the quick-add
grammar, the lifecycle, the dialogs, the alerts) is imported on the first key that needs
it. Checked in a fresh interpreter, the only place where `sys.modules` tells the truth."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from planner.storage import Store
from tests.conftest import FROZEN_ZONE

ROOT = Path(__file__).resolve().parents[2]

NOT_AT_START = (
    "planner.quickadd",
    "planner.domain.lifecycle",
    "planner.alerts",
    # The dialog sequences (planner.ui.ask holds only how they ask and what they return).
    "planner.ui.ask.followups",
    "planner.ui.ask.schedule",
    "planner.ui.ask.briefs",
    "planner.ui.ask.settings",
    # The first frame is the dashboard itself: none of its dialogs or other views.
    "planner.ui.dialogs",
    "planner.ui.screens",
)
FIRST_FRAME_SCREENS = (
    "planner.ui.screens",
    "planner.ui.screens.dashboard",
    "planner.ui.screens.dashboard_actions",
    "planner.ui.screens.dashboard_base",
    "planner.ui.screens.dashboard_filter",
)
"""What the first frame draws, though it lives among the screens."""

DRIVE = """
import asyncio
import sys

from planner.clock import Clock
from planner.storage import Store
import planner.ui.app as dashboard

# The once-a-second tick checks the alerts (importing them, as it should): this is about
# the first frame only.
dashboard.POLL_SECONDS = 3600
DATA_DIR, ZONE, ALLOWED, *NOT_AT_START = sys.argv[1:]


def loaded():
    return sorted(
        m
        for m in sys.modules
        if any(m == p or m.startswith(p + ".") for p in NOT_AT_START)
        and m not in ALLOWED.split(",")
    )


async def main():
    app = dashboard.create_app(Store(DATA_DIR), Clock.from_env(), ea_zone=ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print("AT START", loaded())
        await pilot.press("a")
        await pilot.pause()
        print("SCREEN", type(app.screen).__name__)
        await pilot.press(*["space" if c == " " else c for c in "Ann Lee: call back by fri"])
        await pilot.press("enter")
        await pilot.pause()
        print("ADDED", [f.summary for f in app.document.followups if f.customer == "Ann Lee"])


asyncio.run(main())
"""


def test_the_first_frame_imports_no_dialog_grammar_lifecycle_or_alerts(
    demo_store: Store,
) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            DRIVE,
            str(demo_store.directory),
            FROZEN_ZONE,
            ",".join(FIRST_FRAME_SCREENS),
            *NOT_AT_START,
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "AT START []" in lines, result.stdout
    # The keys still work once their flows are imported on demand.
    assert "SCREEN QuickAddScreen" in lines, result.stdout
    assert "ADDED ['call back']" in lines, result.stdout
