"""`ea-planner sync` against a real Radicale server: events appear, move and disappear."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.calendar_import.helpers import run_cli, stored_events
from tests.sync.radicale_server import PASSWORD, USER, Radicale, radicale


def vevent(uid: str, title: str, start: str, end: str, *extra: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//tests//EN",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20261120T080000Z",
        f"SUMMARY:{title}",
        f"DTSTART;TZID=Europe/Paris:{start}",
        f"DTEND;TZID=Europe/Paris:{end}",
        *extra,
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def subscribe(capsys: pytest.CaptureFixture[str], url: str, *options: str) -> None:
    status, _, err = run_cli(
        capsys,
        "calendar",
        "add",
        "work",
        url,
        "--caldav",
        "--username",
        USER,
        "--password-env",
        "EA_TEST_CALDAV_PASSWORD",
        *options,
    )
    assert status == 0, err


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EA_TEST_CALDAV_PASSWORD", PASSWORD)


def schedule(data_dir: Path) -> list[tuple[str, str]]:
    return sorted((e["start"], e["title"]) for e in stored_events(data_dir))


def test_created_moved_cancelled_and_deleted_events_follow_the_server(
    capsys: pytest.CaptureFixture[str], remote: Any, data_dir: Path
) -> None:
    board = remote.save_event(
        vevent("board@x", "Board meeting", "20261124T140000", "20261124T160000")
    )
    remote.save_event(
        vevent("acme@x", "Customer call: Acme renewal", "20261125T090000", "20261125T093000")
    )
    subscribe(capsys, str(remote.url))

    status, out, err = run_cli(capsys, "sync")
    assert (status, err) == (0, "")
    assert out.startswith('calendar "work": added 2, updated 0, removed 0, skipped 0')
    assert schedule(data_dir) == [
        ("2026-11-24T14:00:00+01:00", "Board meeting"),
        ("2026-11-25T09:00:00+01:00", "Customer call: Acme renewal"),
    ]

    # Nothing changed on the server: the sync-token says so, nothing is parsed or written.
    before = (data_dir / "planner.json").read_bytes()
    status, out, _ = run_cli(capsys, "sync", "work")
    assert (status, out) == (0, 'calendar "work": unchanged\n')
    assert (data_dir / "planner.json").read_bytes() == before

    # Created and moved on the server.
    remote.save_event(vevent("lunch@x", "Lunch with Sam", "20261126T123000", "20261126T133000"))
    board.data = vevent("board@x", "Board meeting", "20261124T150000", "20261124T170000")
    board.save()
    status, out, _ = run_cli(capsys, "sync")
    assert status == 0
    assert "added 1, updated 1, removed 0" in out
    assert ("2026-11-24T15:00:00+01:00", "Board meeting") in schedule(data_dir)

    # Cancelled on the server: gone from the schedule.
    board.data = vevent(
        "board@x", "Board meeting", "20261124T150000", "20261124T170000", "STATUS:CANCELLED"
    )
    board.save()
    status, out, _ = run_cli(capsys, "sync")
    assert "added 0, updated 0, removed 1" in out
    assert [t for _, t in schedule(data_dir)] == ["Customer call: Acme renewal", "Lunch with Sam"]

    # Deleted on the server.
    remote.event_by_uid("lunch@x").delete()
    status, out, _ = run_cli(capsys, "sync")
    assert "removed 1" in out
    assert [t for _, t in schedule(data_dir)] == ["Customer call: Acme renewal"]


def test_sync_only_reads_the_executives_calendar(
    capsys: pytest.CaptureFixture[str], server: Radicale, remote: Any
) -> None:
    remote.save_event(vevent("board@x", "Board meeting", "20261124T140000", "20261124T160000"))
    subscribe(capsys, str(remote.url))
    for _ in range(2):
        assert run_cli(capsys, "sync")[0] == 0
    ours = re.findall(
        r"\] (\w+) request for .* using 'ea-planner \(calendar subscription\)'",
        (server.folder / "radicale.log").read_text(),
    )
    assert ours, "the server saw no request from ea-planner"
    assert set(ours) <= {"PROPFIND", "REPORT", "GET", "OPTIONS"}


def test_a_wrong_password_is_exit_1_in_one_line_and_keeps_the_schedule(
    capsys: pytest.CaptureFixture[str],
    remote: Any,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    remote.save_event(vevent("board@x", "Board meeting", "20261124T140000", "20261124T160000"))
    subscribe(capsys, str(remote.url))
    assert run_cli(capsys, "sync")[0] == 0
    before = (data_dir / "planner.json").read_bytes()

    monkeypatch.setenv("EA_TEST_CALDAV_PASSWORD", "not-the-password")
    status, out, err = run_cli(capsys, "sync")
    assert (status, out) == (1, "")
    assert err == (
        'ea-planner: calendar "work": not synced: 127.0.0.1 refused the credentials '
        "(not authorised); the schedule is unchanged\n"
    )
    assert (data_dir / "planner.json").read_bytes() == before
    assert "not-the-password" not in "".join(
        p.read_text(errors="replace") for p in data_dir.rglob("*") if p.is_file()
    )
    listed = json.loads(run_cli(capsys, "calendar", "list", "--json")[1])
    assert listed[0]["error"] == "127.0.0.1 refused the credentials (not authorised)"
    assert listed[0]["synced"] is not None


def test_a_stopped_server_is_exit_1_in_one_line_and_keeps_the_schedule(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    with radicale(tmp_path / "radicale") as own:
        calendar = own.new_calendar("work")
        calendar.save_event(
            vevent("board@x", "Board meeting", "20261124T140000", "20261124T160000")
        )
        subscribe(capsys, own.calendar_url())
        assert run_cli(capsys, "sync")[0] == 0
    before = (data_dir / "planner.json").read_bytes()

    status, out, err = run_cli(capsys, "sync")
    assert (status, out) == (1, "")
    assert err == (
        'ea-planner: calendar "work": not synced: 127.0.0.1: connection refused; '
        "the schedule is unchanged\n"
    )
    assert (data_dir / "planner.json").read_bytes() == before
    assert schedule(data_dir) == [("2026-11-24T14:00:00+01:00", "Board meeting")]


def test_the_password_command_gives_the_password_and_it_is_never_written(
    capsys: pytest.CaptureFixture[str],
    remote: Any,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("EA_TEST_CALDAV_PASSWORD")
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{PASSWORD}\nsecond line is ignored\n")
    remote.save_event(vevent("board@x", "Board meeting", "20261124T140000", "20261124T160000"))
    status, _, err = run_cli(
        capsys,
        "calendar",
        "add",
        "work",
        str(remote.url),
        "--caldav",
        "--username",
        USER,
        "--password-command",
        f"cat {secret}",
    )
    assert status == 0, err
    status, out, err = run_cli(capsys, "sync")
    assert (status, err) == (0, "")
    assert "added 1" in out
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path
    assert os.environ.get("EA_TEST_CALDAV_PASSWORD") is None


def test_an_unknown_calendar_name_is_bad_input(
    capsys: pytest.CaptureFixture[str], server: Radicale
) -> None:
    status, out, err = run_cli(capsys, "sync", "nope")
    assert (status, out) == (2, "")
    assert err == 'ea-planner: no calendar named "nope"; `ea-planner calendar list` shows them\n'


def parsed_line(out: str) -> str:
    lines = [line.strip() for line in out.splitlines() if line.strip().startswith("parsed ")]
    assert len(lines) == 1, out
    return lines[0]


def test_a_sync_parses_only_the_events_that_changed_on_the_server(
    capsys: pytest.CaptureFixture[str], remote: Any, data_dir: Path
) -> None:
    board = remote.save_event(
        vevent("board@x", "Board meeting", "20261124T140000", "20261124T160000")
    )
    acme = remote.save_event(
        vevent("acme@x", "Customer call: Acme renewal", "20261125T090000", "20261125T093000")
    )
    lunch = remote.save_event(
        vevent("lunch@x", "Lunch with Sam", "20261126T123000", "20261126T133000")
    )
    subscribe(capsys, str(remote.url))
    status, out, err = run_cli(capsys, "sync")
    assert (status, err) == (0, "")
    assert "added 3, updated 0, removed 0" in out
    assert parsed_line(out) == "parsed 3 of 3 events"

    # Unchanged: nothing parsed, nothing said about parsing.
    status, out, _ = run_cli(capsys, "sync")
    assert (status, out) == (0, 'calendar "work": unchanged\n')

    # One changed (its title): exactly that one is parsed, and the schedule follows it.
    acme.data = vevent("acme@x", "Customer call: Acme", "20261125T090000", "20261125T093000")
    acme.save()
    status, out, _ = run_cli(capsys, "sync")
    assert status == 0
    assert "added 0, updated 1, removed 0" in out
    assert parsed_line(out) == "parsed 1 of 3 events (2 unchanged since the last sync)"
    assert schedule(data_dir) == [
        ("2026-11-24T14:00:00+01:00", "Board meeting"),
        ("2026-11-25T09:00:00+01:00", "Customer call: Acme"),
        ("2026-11-26T12:30:00+01:00", "Lunch with Sam"),
    ]

    # Moved: one parsed, the schedule has it at its new time.
    board.data = vevent("board@x", "Board meeting", "20261124T150000", "20261124T170000")
    board.save()
    status, out, _ = run_cli(capsys, "sync")
    assert "added 0, updated 1, removed 0" in out
    assert parsed_line(out) == "parsed 1 of 3 events (2 unchanged since the last sync)"
    assert ("2026-11-24T15:00:00+01:00", "Board meeting") in schedule(data_dir)

    # Cancelled: one parsed, gone from the schedule.
    lunch.data = vevent(
        "lunch@x", "Lunch with Sam", "20261126T123000", "20261126T133000", "STATUS:CANCELLED"
    )
    lunch.save()
    status, out, _ = run_cli(capsys, "sync")
    assert "added 0, updated 0, removed 1" in out
    assert parsed_line(out) == "parsed 1 of 3 events (2 unchanged since the last sync)"
    assert [t for _, t in schedule(data_dir)] == ["Board meeting", "Customer call: Acme"]

    # Deleted: nothing left to parse; the event is gone.
    remote.event_by_uid("acme@x").delete()
    status, out, _ = run_cli(capsys, "sync")
    assert "removed 1" in out
    assert parsed_line(out) == "parsed 0 of 2 events (2 unchanged since the last sync)"
    assert schedule(data_dir) == [("2026-11-24T15:00:00+01:00", "Board meeting")]

    # The cached reads give the very schedule a reading from scratch gives.
    for path in (data_dir / "sync").glob("*.parsed.json"):
        path.unlink()
    before = (data_dir / "planner.json").read_bytes()
    remote.save_event(vevent("late@x", "Late call", "20261127T170000", "20261127T180000"))
    status, out, _ = run_cli(capsys, "sync")
    assert "added 1, updated 0, removed 0" in out
    assert parsed_line(out) == "parsed 3 of 3 events"
    assert schedule(data_dir) == [
        ("2026-11-24T15:00:00+01:00", "Board meeting"),
        ("2026-11-27T17:00:00+01:00", "Late call"),
    ]
    assert before != (data_dir / "planner.json").read_bytes()
