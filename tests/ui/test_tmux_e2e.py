"""The real `ea-planner` command in a real terminal (tmux): type, see, quit, find it on disk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.storage import Store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ROOT = Path(__file__).resolve().parents[2]


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "ea")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "ea", *keys)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"ea-test-{uuid.uuid4().hex[:8]}")
    yield term
    subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)


def installed_command() -> list[str]:
    """The `ea-planner` console script installed beside this Python, else `python -m planner`."""
    script = Path(sys.executable).with_name("ea-planner")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planner"]


def open_dashboard(terminal: Terminal, data_dir: Path, first_line: str) -> None:
    """Add `first_line` with the real command (so there is data, and no welcome screen),
    then start the real dashboard on that data in the terminal."""
    env = {
        "EA_PLANNER_DATA_DIR": str(data_dir),
        "EA_PLANNER_NOW": os.environ["EA_PLANNER_NOW"],
        "TZ": os.environ["TZ"],
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm-256color",
    }
    added = subprocess.run(
        [*installed_command(), "add", first_line],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert added.returncode == 0, added.stderr
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    program = " ".join(installed_command())
    command = f"env {exports} {program}; echo EXITED-$?; sleep 30"
    terminal.tmux("new-session", "-d", "-s", "ea", "-x", "120", "-y", "40", command)


def test_quick_add_in_the_real_terminal_lands_on_disk(terminal: Terminal, data_dir: Path) -> None:
    open_dashboard(terminal, data_dir, "Jonas Weber: reorg question @Northwind by fri")
    # The rows are drawn just after the pane titles: wait for the data, not only the frame.
    screen = terminal.wait_for("Jonas Weber")
    assert "Schedule" in screen and "Follow-ups" in screen and "Brief queue" in screen
    terminal.keys("a")
    terminal.wait_for("New follow-up")
    terminal.keys("-l", "Rita Moreno: wants the signed contract @Globex by tomorrow 10am")
    terminal.wait_for("Tue 24 Nov 10:00 (tomorrow)")
    terminal.keys("Enter")
    screen = terminal.wait_for("Rita Moreno ·")  # the row, at whatever width the pane has
    assert "New follow-up" not in screen
    terminal.keys("q")
    terminal.wait_for("EXITED-0")
    stored = {f.customer: f for f in Store(data_dir).load().followups}
    assert set(stored) == {"Jonas Weber", "Rita Moreno"}
    assert stored["Rita Moreno"].organization == "Globex"


def test_typing_straight_after_a_loses_and_reorders_nothing(
    terminal: Terminal, data_dir: Path
) -> None:
    """A fast typist in a real terminal: the line typed with `a` in one go, or the moment
    the dialog shows, arrives whole and in order (no key lost, none put last)."""
    open_dashboard(terminal, data_dir, "Jonas Weber: reorg question by fri")
    terminal.wait_for("Jonas Weber")
    typed = ["Jonas Weber: reorg question"]

    def closed() -> None:
        """Wait for the dialog to close (the new rows may sit under the confirmation toasts)."""
        deadline = time.monotonic() + 20
        while "New follow-up" in terminal.screen():
            assert time.monotonic() < deadline, terminal.screen()
            time.sleep(0.05)

    for n in range(4):
        together = f"Burst{n} Person: call back by tomorrow 10am"
        terminal.keys("-l", "a" + together)  # `a` and the line in one read
        terminal.wait_for(f"customer Burst{n} Person")
        terminal.keys("Enter")
        closed()
        quick = f"Quick{n} Person: call back by tomorrow 10am"
        terminal.keys("a")
        terminal.wait_for("New follow-up")  # the dialog shows; its input may not have focus
        terminal.keys("-l", quick)
        terminal.wait_for(f"customer Quick{n} Person")
        terminal.keys("Enter")
        closed()
        typed += [together, quick]
    terminal.keys("q")
    terminal.wait_for("EXITED-0")
    stored = {(f.customer, f.summary) for f in Store(data_dir).load().followups}
    assert stored == {(line.split(": ")[0], line.split(": ")[1].split(" by ")[0]) for line in typed}


def add_lines(data_dir: Path, *lines: str) -> None:
    """Quick-add each of `lines` with the real command, before the dashboard starts."""
    env = {
        **os.environ,
        "EA_PLANNER_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(ROOT),
    }
    for line in lines:
        added = subprocess.run(
            [*installed_command(), "add", line], env=env, capture_output=True, text=True
        )
        assert added.returncode == 0, added.stderr


def test_keys_sent_in_one_burst_act_in_order_on_the_row_the_cursor_reached(
    terminal: Terminal, data_dir: Path
) -> None:
    """Home, then Down Down Down x (or j j j x) in one send: the resolve dialog is the 4th
    row's, and no cursor key is typed into it."""
    add_lines(
        data_dir, "Anna Alpha: one by fri", "Bert Beta: two by fri", "Carl Gamma: three by fri"
    )
    open_dashboard(terminal, data_dir, "Dora Delta: four by fri")
    terminal.wait_for("Dora Delta")
    for burst in (["Down", "Down", "Down", "x"], ["j", "j", "j", "x"]):
        terminal.keys("Home")
        time.sleep(0.3)
        terminal.keys(*burst, "O", "k")
        screen = terminal.wait_for("How was it resolved for")
        deadline = time.monotonic() + 10
        while "Ok" not in screen and time.monotonic() < deadline:
            time.sleep(0.1)
            screen = terminal.screen()
        dialog = [line for line in screen.splitlines() if "█" in line]
        assert any("Dora Delta — four" in line for line in dialog), screen
        assert not any("Anna Alpha" in line for line in dialog), screen
        assert any("  Ok  " in line for line in dialog), screen
        assert "jjj" not in screen
        terminal.keys("Escape")
        deadline = time.monotonic() + 10
        while "How was it resolved for" in terminal.screen():
            assert time.monotonic() < deadline, terminal.screen()
            time.sleep(0.05)
    terminal.keys("q")
    terminal.wait_for("EXITED-0")
    assert all(f.is_open for f in Store(data_dir).load().followups)


def test_a_form_typed_in_one_burst_fills_each_field(terminal: Terminal, data_dir: Path) -> None:
    """e, a title, Tab, a time, Tab, a time, Enter with no pause: each in its own field."""
    open_dashboard(terminal, data_dir, "Jonas Weber: reorg question by fri")
    terminal.wait_for("Jonas Weber")
    terminal.keys("-l", "eLunch with Ines (rescheduled)")
    terminal.keys("Tab")
    terminal.keys("-l", "12:30")
    terminal.keys("Tab")
    terminal.keys("-l", "1:30pm")
    terminal.keys("Enter")
    terminal.wait_for("Lunch with Ines")
    deadline = time.monotonic() + 20
    while "New event" in terminal.screen() or "Start (" in terminal.screen():
        assert time.monotonic() < deadline, terminal.screen()
        time.sleep(0.05)
    terminal.keys("q")
    terminal.wait_for("EXITED-0")
    (event,) = Store(data_dir).load().events
    assert event.title == "Lunch with Ines (rescheduled)"
    assert (event.start.hour, event.start.minute, event.end.hour, event.end.minute) == (
        12,
        30,
        13,
        30,
    )
