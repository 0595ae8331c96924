"""The real program in a real terminal (tmux, own socket), against what real machines do:
a terminal closed under it, another process on the same data, stored escapes."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui.test_tmux_e2e import ROOT, Terminal, installed_command

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"i18-test-{uuid.uuid4().hex[:8]}")
    yield term
    import subprocess

    subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)


def _env(**extra: str) -> str:
    env = {
        "EA_PLANNER_NOW": os.environ["EA_PLANNER_NOW"],
        "TZ": os.environ["TZ"],
        "EA_PLANNER_CONFIG_DIR": os.environ["EA_PLANNER_CONFIG_DIR"],
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm-256color",
        **extra,
    }
    return " ".join(f"{k}={v}" for k, v in env.items())


def _demo_dirs(folder: Path) -> list[Path]:
    return sorted(folder.glob("ea-planner-demo-*"))


def _wait(condition: Callable[[], object], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_demo_removes_its_directory_when_quit(terminal: Terminal, tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    program = " ".join(installed_command())
    command = f"env {_env(TMPDIR=str(temp))} {program} --demo; echo EXITED-$?; sleep 30"
    terminal.tmux("new-session", "-d", "-s", "ea", "-x", "120", "-y", "40", command)
    terminal.wait_for("Dana Whitfield")
    assert len(_demo_dirs(temp)) == 1
    terminal.keys("q")
    terminal.wait_for("EXITED-0")
    assert _demo_dirs(temp) == []


def test_demo_removes_its_directory_when_the_terminal_closes(
    terminal: Terminal, tmp_path: Path
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    program = " ".join(installed_command())
    command = f"env {_env(TMPDIR=str(temp))} {program} --demo"
    terminal.tmux("new-session", "-d", "-s", "ea", "-x", "120", "-y", "40", command)
    terminal.wait_for("Dana Whitfield")
    assert len(_demo_dirs(temp)) == 1
    terminal.tmux("kill-server")  # the terminal window closed: SIGHUP
    _wait(lambda: _demo_dirs(temp) == [])


def _shell(data_dir: Path, *argv: str) -> str:
    import subprocess

    env = {**os.environ, "EA_PLANNER_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [*installed_command(), *argv], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_undo_in_the_dashboard_keeps_what_the_shell_did_meanwhile(
    terminal: Terminal, data_dir: Path
) -> None:
    """Dashboard: a note. Shell: a re-promise and a note on the same follow-up.
    Dashboard: u. Only the dashboard's note is taken back."""
    import json

    from planner.storage import Store

    added = json.loads(_shell(data_dir, "add", "--json", "Maria Ortiz: refund by tomorrow 3pm"))
    followup_id = added["id"]
    program = " ".join(installed_command())
    command = f"env {_env(EA_PLANNER_DATA_DIR=str(data_dir))} {program}; echo EXITED-$?; sleep 30"
    terminal.tmux("new-session", "-d", "-s", "ea", "-x", "120", "-y", "40", command)
    terminal.wait_for("Maria Ortiz")
    terminal.keys("n")
    terminal.wait_for("Note a fact")
    terminal.keys("-l", "dashboard note")
    terminal.keys("Enter")
    _wait(lambda: any(e.text == "dashboard note" for e in Store(data_dir).load().followups[0].log))

    _shell(data_dir, "promise", followup_id, "2026-11-26 16:00", "--note", "shell promise")
    _shell(data_dir, "note", followup_id, "shell note")
    terminal.wait_for("Thu 16:00")  # the dashboard picked up the shell's change
    terminal.keys("u")
    _wait(
        lambda: not any(e.text == "dashboard note" for e in Store(data_dir).load().followups[0].log)
    )
    terminal.keys("q")
    terminal.wait_for("EXITED-0")
    (stored,) = Store(data_dir).load().followups
    assert stored.promised_by.isoformat() == "2026-11-26T16:00:00+01:00"
    texts = [e.text for e in stored.log]
    assert "shell promise" in texts and "shell note" in texts
    assert "dashboard note" not in texts


def test_a_dashboard_crash_exits_1_and_leaves_the_traceback_in_a_log(
    terminal: Terminal, data_dir: Path, tmp_path: Path
) -> None:
    import sys

    _shell(data_dir, "add", "Maria Ortiz: refund by tomorrow 3pm")
    script = tmp_path / "crashing.py"
    script.write_text(
        "import sys\n"
        "from planner.ui import app as ui\n"
        "def boom(self):\n"
        "    raise RuntimeError('boom in the dashboard')\n"
        "ui.PlannerApp.action_help = boom\n"
        "from planner.cli import main\n"
        "sys.exit(main([]))\n"
    )
    command = (
        f"env {_env(EA_PLANNER_DATA_DIR=str(data_dir))} {sys.executable} {script}; "
        "echo EXITED-$?; sleep 30"
    )
    terminal.tmux("new-session", "-d", "-s", "ea", "-x", "120", "-y", "40", command)
    terminal.wait_for("Maria Ortiz")
    terminal.keys("?")
    screen = terminal.wait_for("EXITED-1")
    assert "unexpected error" in screen and "Traceback" not in screen
    (log,) = data_dir.glob("crash-*.log")
    assert str(log) in screen.replace("\n", "")
    assert "RuntimeError: boom in the dashboard" in log.read_text()
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    # The terminal is back to normal: the shell's line shows below the message.
    assert screen.rstrip().splitlines()[-1].startswith("EXITED-1")


def test_no_escape_sequence_from_stored_text_reaches_the_terminal(
    terminal: Terminal, data_dir: Path, tmp_path: Path
) -> None:
    """A document that already holds escapes (written by hand, or by an older version):
    the dashboard's raw output, captured byte for byte with pipe-pane, carries none."""
    import json

    hostile = "\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIH4vKg==\x07\x9b2J\u202e"
    data_dir.mkdir(parents=True)
    entry = {"at": "2026-11-23T09:00:00+01:00", "action": "created", "text": f"typed{hostile}"}
    document = {
        "schema_version": 1,
        "events": [
            {
                "id": "e-1",
                "title": f"Board{hostile}",
                "start": "2026-11-23T14:00:00+01:00",
                "end": "2026-11-23T15:00:00+01:00",
            }
        ],
        "followups": [
            {
                "id": "f-esc",
                "customer": f"Eve{hostile}",
                "summary": f"refund{hostile}",
                "promised_by": "2026-11-23T16:00:00+01:00",
                "created": "2026-11-23T09:00:00+01:00",
                "updated": "2026-11-23T09:00:00+01:00",
                "log": [entry],
            }
        ],
    }
    (data_dir / "planner.json").write_text(json.dumps(document))
    raw = tmp_path / "raw.out"
    program = " ".join(installed_command())
    command = f"env {_env(EA_PLANNER_DATA_DIR=str(data_dir))} {program}; echo EXITED-$?; sleep 30"
    terminal.tmux("new-session", "-d", "-s", "ea", "-x", "120", "-y", "40", "sleep 0.5; " + command)
    terminal.tmux("pipe-pane", "-o", "-t", "ea", f"cat >> {raw}")
    terminal.wait_for("Eve")
    terminal.keys("Enter")  # the detail view, with the facts log
    terminal.wait_for("typed")
    terminal.keys("Escape")
    time.sleep(0.5)  # Escape then q at once would read as Alt+q
    terminal.keys("q")
    terminal.wait_for("EXITED-")
    output = raw.read_bytes()
    assert b"Eve" in output
    for injected in (b"\x1b]0;pwned", b"\x1b]52;", b"\xc2\x9b", b"\xe2\x80\xae"):
        assert injected not in output
    assert "pwned" not in terminal.tmux("display-message", "-p", "-t", "ea", "#{pane_title}")
