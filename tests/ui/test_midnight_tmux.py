"""The installed `ea-planner` in a real terminal, under a running fake clock (libfaketime's
`faketime`), left open across midnight: the dashboard moves to the new day by itself."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.demo import sample_document
from planner.storage import Store
from tests.conftest import instant
from tests.ui.test_tmux_e2e import ROOT, Terminal, installed_command

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("faketime") is None,
    reason="needs tmux and faketime (.ci/run installs both)",
)

ZONE = "America/New_York"
START = "2026-11-23 23:59:00"
"""Monday, a minute to midnight, New York wall time (faketime reads it in $TZ)."""
SPEED = 6
"""The fake clock runs six times as fast: midnight is ten real seconds away."""


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"i16-midnight-{uuid.uuid4().hex[:8]}")
    yield term
    subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)


def test_the_dashboard_left_open_moves_to_the_new_day(
    terminal: Terminal, data_dir: Path, tmp_path: Path
) -> None:
    monday_night = instant(START.replace(" ", "T"), tz=ZONE)
    Store(data_dir).save(sample_document(monday_night, ZONE))
    env = {
        "EA_PLANNER_DATA_DIR": str(data_dir),
        "EA_PLANNER_CONFIG_DIR": str(tmp_path / "config"),
        "TZ": ZONE,
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    program = " ".join(installed_command())
    # No EA_PLANNER_NOW: the program reads the system clock, which faketime runs from START.
    command = (
        f"env -u EA_PLANNER_NOW {exports} faketime -f '@{START} x{SPEED}' {program}; "
        "echo EXITED-$?; sleep 30"
    )
    terminal.tmux("new-session", "-d", "-s", "ea", "-x", "120", "-y", "40", command)
    before = terminal.wait_for("Monday 23 November 2026")
    assert "(not today)" not in before
    after = terminal.wait_for("Tuesday 24 November 2026", timeout=60)
    assert "(not today)" not in after
    assert "(the coming day)" in after
    # The new day's schedule, and its follow-up states: Maria Ortiz's promise was broken on
    # Monday night and still is.
    assert "Flight to Berl" in after
    assert "Hiring debrief" not in after
    assert "Maria Ortiz" in after
    terminal.keys("q")
    terminal.wait_for("EXITED-0")
