"""`ea-planner remind`: alerts given once through the desktop, shared with the dashboard.

Unit tests use a fake notifier; the end-to-end ones run the real command with a
`notify-send` on PATH that records the arguments it was given.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import msgspec
import pendulum
import pytest

from planner.clock import Clock
from planner.commands.context import Context
from planner.commands.remind import Reminder
from planner.domain.lifecycle import open_followup
from planner.notify import CommandNotifier, NotifyError, Urgency, desktop_notifier
from planner.storage import Store
from planner.storage.alerted import FILE_NAME, alerted_keys, claim

TZ = "Europe/Paris"
ROOT = Path(__file__).resolve().parents[2]


def at(hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(2026, 11, 23, hour, minute, tz=TZ)


class FakeNotifier:
    name = "fake"

    def __init__(self, fail: bool = False) -> None:
        self.sent: list[tuple[str, str, Urgency]] = []
        self.fail = fail

    def send(self, title: str, message: str, urgency: Urgency) -> None:
        self.sent.append((title, message, urgency))
        if self.fail:
            raise NotifyError("fake failed: no session bus")


@pytest.fixture
def store(data_dir: Path) -> Store:
    s = Store(data_dir)
    tom = open_followup(
        customer="Tom Becker",
        summary="contract copy",
        promised_by=at(10, 10),
        now=at(9),
        id="f-tom00001",
    )
    ana = open_followup(
        customer="Ana Lima",
        organization="Acme",
        summary="-rf refund",
        promised_by=at(12),
        now=at(9),
        channel="phone",
        id="f-ana00002",
    )
    s.update(lambda d: msgspec.structs.replace(d, followups=(tom, ana)))
    return s


def reminder(store: Store, notifier: FakeNotifier | None, when: pendulum.DateTime) -> Reminder:
    context = Context(store=store, clock=Clock(fixed=when), out=io.StringIO(), err=io.StringIO())
    return Reminder(store, context.clock, notifier, context=context)


def output(r: Reminder) -> tuple[str, str]:
    out, err = r.context.out, r.context.err
    assert isinstance(out, io.StringIO) and isinstance(err, io.StringIO)
    return out.getvalue(), err.getvalue()


def test_a_due_promise_notifies_once_and_is_printed(store: Store) -> None:
    fake = FakeNotifier()
    first = reminder(store, fake, at(10))
    (alert,) = first.check()
    assert alert.kind == "promise-due"
    assert fake.sent == [
        (
            "Promise due in 10 min",
            "Tom Becker — contract copy: promised by 10:10; write to them now.",
            "normal",
        )
    ]
    assert output(first) == (
        "10:00  Promise due in 10 min: Tom Becker — contract copy: promised by 10:10; "
        "write to them now.\n",
        "",
    )
    # A second check, by another process a minute later: nothing again.
    again = reminder(store, fake, at(10, 1))
    assert again.check() == []
    assert len(fake.sent) == 1 and output(again) == ("", "")
    assert alert.key in alerted_keys(store)


def test_a_broken_promise_is_critical_and_names_the_command(store: Store) -> None:
    fake = FakeNotifier()
    given = reminder(store, fake, at(10, 11)).check()
    assert [a.kind for a in given] == ["promise-broken"]
    ((title, message, urgency),) = fake.sent
    assert (title, urgency) == ("Promise broken", "critical")
    assert 're-promise (ea-planner promise f-tom00001 "WHEN")' in message


def test_within_widens_the_due_window(store: Store) -> None:
    fake = FakeNotifier()
    r = reminder(store, fake, at(11))
    assert r.check() == []
    r.within = 60
    assert [a.title for a in r.check()] == ["Promise due in 1 h"]


def test_a_refusing_desktop_still_prints_and_records_the_alert(store: Store) -> None:
    r = reminder(store, FakeNotifier(fail=True), at(10))
    assert len(r.check()) == 1
    out, err = output(r)
    assert "Promise due in 10 min" in out
    assert err == "ea-planner: fake failed: no session bus\n"
    assert len(alerted_keys(store)) == 1


def test_without_a_notifier_the_alert_is_printed_and_the_gap_named_once(store: Store) -> None:
    r = reminder(store, None, at(10))
    r.check()
    reminder_later = r
    reminder_later.clock = Clock(fixed=at(10, 11))
    reminder_later.check()
    out, err = output(r)
    assert "Promise due in 10 min" in out and "Promise broken" in out
    assert err.count("no desktop notifier found") == 1


def test_claims_are_atomic_across_concurrent_checkers(store: Store) -> None:
    from planner.alerts import due_alerts

    due = due_alerts(store.load(), at(10), tz=TZ)
    assert len(due) == 1
    results: list[list[object]] = []
    barrier = threading.Barrier(8)

    def race() -> None:
        barrier.wait()
        results.append(list(claim(store, due, at(10))))

    threads = [threading.Thread(target=race) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(len(r) for r in results) == [0] * 7 + [1]


def test_old_keys_are_forgotten(store: Store) -> None:
    from planner.alerts import due_alerts

    (due,) = due_alerts(store.load(), at(10), tz=TZ)
    claim(store, [due], at(10))
    later = due_alerts(store.load(), at(11, 50), tz=TZ)
    claim(store, later, at(11, 50).add(days=3))
    record = json.loads((store.directory / FILE_NAME).read_text())["alerted"]
    assert due.key not in record and {a.key for a in later} == set(record)


def test_an_unreadable_record_is_a_clear_error_and_left_alone(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.cli import main

    path = store.directory / FILE_NAME
    path.write_text("{not json")
    status = main(["remind", "--no-desktop"])
    _, err = capsys.readouterr()
    assert status == 2
    assert f"cannot read {path}" in err and "delete it" in err
    assert path.read_text() == "{not json"


# -- the platform tools ----------------------------------------------------------------


def test_notify_send_arguments_put_outside_text_after_the_option_end() -> None:
    notifier = CommandNotifier(name="notify-send", program="/usr/bin/notify-send")
    argv, env = notifier.command("Promise broken", "-rf refund", "critical")
    assert argv == [
        "/usr/bin/notify-send",
        "--app-name=ea-planner",
        "--urgency=critical",
        "--category=reminder",
        "--",
        "Promise broken",
        "-rf refund",
    ]
    assert env == {}


def test_macos_and_windows_pass_the_texts_as_data_not_script() -> None:
    title, message = 'Tom "quoted"', "end tell; do shell script 'x'"
    argv, env = CommandNotifier("osascript", "/usr/bin/osascript").command(title, message, "normal")
    assert argv[0] == "/usr/bin/osascript" and argv[-2:] == [title, message]
    assert title not in argv[2] and message not in argv[2]
    argv, env = CommandNotifier("powershell", "C:/ps/powershell.exe").command(
        title, message, "normal"
    )
    assert env == {"EA_PLANNER_TITLE": title, "EA_PLANNER_MESSAGE": message}
    assert not any(title in a or message in a for a in argv)


def test_each_platform_picks_its_tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("notify-send", "osascript", "powershell"):
        tool = tmp_path / name
        tool.write_text("#!/bin/sh\n")
        tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    picked = {p: desktop_notifier(p) for p in ("linux", "darwin", "win32", "freebsd14")}
    assert {p: n.name if n else None for p, n in picked.items()} == {
        "linux": "notify-send",
        "darwin": "osascript",
        "win32": "powershell",
        "freebsd14": "notify-send",
    }
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert desktop_notifier("linux") is None


# -- the real command -------------------------------------------------------------------


def fake_notify_send(folder: Path, *, status: int = 0) -> Path:
    """A notify-send that appends its arguments, NUL-separated, one call per line."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "calls"
    script = folder / "notify-send"
    script.write_text(
        "#!/bin/sh\n"
        f"for a in \"$@\"; do printf '%s\\0' \"$a\" >> '{log}'; done\n"
        f"printf '\\n' >> '{log}'\n"
        + (f"echo 'Cannot autolaunch D-Bus' >&2; exit {status}\n" if status else "")
    )
    script.chmod(0o755)
    return log


def calls(log: Path) -> list[list[str]]:
    if not log.exists():
        return []
    return [line.split("\0")[:-1] for line in log.read_text().splitlines()]


def remind_env(data_dir: Path, bin_dir: Path, now: str) -> dict[str, str]:
    return {
        **os.environ,
        "EA_PLANNER_DATA_DIR": str(data_dir),
        "EA_PLANNER_NOW": now,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
    }


def test_remind_runs_notify_send_with_the_alert(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    log = fake_notify_send(tmp_path / "bin")
    env = remind_env(data_dir, tmp_path / "bin", "2026-11-23T11:50:00+01:00")
    command = [sys.executable, "-m", "planner", "remind"]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert calls(log) == [
        [
            "--app-name=ea-planner",
            "--urgency=normal",
            "--category=reminder",
            "--",
            "Promise due in 10 min",
            "Ana Lima (Acme) — -rf refund: promised by 12:00; call them now.",
        ]
    ]
    assert result.stdout == (
        "11:50  Promise due in 10 min: Ana Lima (Acme) — -rf refund: promised by 12:00; "
        "call them now.\n"
    )
    # Run again: already given, nothing is notified or printed.
    again = subprocess.run(command, env=env, capture_output=True, text=True)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    assert len(calls(log)) == 1


def test_remind_says_when_notify_send_fails_and_exits_0(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    fake_notify_send(tmp_path / "bin", status=1)
    env = remind_env(data_dir, tmp_path / "bin", "2026-11-23T11:50:00+01:00")
    result = subprocess.run(
        [sys.executable, "-m", "planner", "remind"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "Promise due in 10 min" in result.stdout
    assert result.stderr == "ea-planner: notify-send failed: Cannot autolaunch D-Bus\n"


def test_remind_watch_keeps_checking_and_stops_on_sigterm(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    log = fake_notify_send(tmp_path / "bin")
    env = remind_env(data_dir, tmp_path / "bin", "2026-11-23T10:00:00+01:00")
    proc = subprocess.Popen(
        [sys.executable, "-m", "planner", "remind", "--watch", "--interval", "0.1", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not calls(log) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [c[4] for c in calls(log)] == ["Promise due in 10 min"]
        # Another terminal adds a follow-up due in 5 minutes: the watch alerts it too.
        added = subprocess.run(
            [sys.executable, "-m", "planner", "add", "Joe Park: callback by in 5 min"],
            env=env,
            capture_output=True,
            text=True,
        )
        assert added.returncode == 0, added.stderr
        while len(calls(log)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # several more checks: nothing fires twice
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert [c[5].split(":")[0] for c in calls(log)] == [
        "Tom Becker — contract copy",
        "Joe Park — callback",
    ]
    lines = [json.loads(line) for line in out.splitlines()]
    assert [[a["kind"] for a in line["alerts"]] for line in lines] == [
        ["promise-due"],
        ["promise-due"],
    ]
    assert lines[0]["now"] == "2026-11-23T10:00:00+01:00"


def test_a_temp_file_left_by_a_killed_reminder_is_cleaned_up(store: Store) -> None:
    stale = store.directory / f".{FILE_NAME}.4242.deadbeef.tmp"
    stale.write_text("{half")
    assert len(reminder(store, FakeNotifier(), at(10)).check()) == 1
    assert not stale.exists()
