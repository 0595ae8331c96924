"""`ea-planner import`: counts, idempotence, removal, bad input, untrusted text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.calendar_import.helpers import FIXTURES, REPO_ROOT, local, run_cli, stored_events

if TYPE_CHECKING:
    from _typeshed import StrPath


def test_import_prints_counts_and_stores_events(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, out, err = run_cli(capsys, "import", str(FIXTURES / "weekly_exdate_moved.ics"))
    assert (status, err) == (0, "")
    first = out.splitlines()[0]
    assert first.startswith('calendar "weekly_exdate_moved": ')
    assert "added 6, updated 0, removed 0, skipped 0" in first
    events = stored_events(data_dir)
    assert len(events) == 6
    moved = next(e for e in events if e["title"] == "Staff meeting (moved)")
    assert moved["start"] == "2026-11-17T15:00:00+01:00"
    assert moved["recurrence_id"] == "2026-11-16T09:00:00Z"
    assert moved["calendar"] == "weekly_exdate_moved"
    assert moved["kind"] == "meeting"
    assert moved["all_day"] is False


def test_calendar_option_names_the_calendar(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, out, _ = run_cli(capsys, "import", str(FIXTURES / "holidays.ics"), "--calendar", "Exec")
    assert status == 0
    assert out.startswith('calendar "Exec": added 6,')
    assert {e["calendar"] for e in stored_events(data_dir)} == {"Exec"}


def test_reimporting_the_same_file_changes_nothing_on_disk(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    for name in (
        "weekly_exdate_moved.ics",
        "dst_end.ics",
        "holidays.ics",
        "google_x_wr_timezone.ics",
    ):
        assert run_cli(capsys, "import", str(FIXTURES / name))[0] == 0
    path = data_dir / "planner.json"
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    for name in (
        "weekly_exdate_moved.ics",
        "dst_end.ics",
        "holidays.ics",
        "google_x_wr_timezone.ics",
    ):
        status, out, _ = run_cli(capsys, "import", str(FIXTURES / name))
        assert status == 0
        assert "added 0, updated 0, removed 0, skipped 0" in out
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime


def test_a_changed_file_updates_removes_and_adds_within_its_own_calendar(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first import happens in September, so the 10 September event is imported.
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-09-01T09:00:00+02:00")
    v1, v2 = str(FIXTURES / "schedule_v1.ics"), str(FIXTURES / "schedule_v2.ics")
    status, out, _ = run_cli(capsys, "import", v1, "--calendar", "exec")
    assert "added 11, updated 0, removed 0" in out
    assert run_cli(capsys, "import", v1, "--calendar", "team")[0] == 0
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T10:00:00+01:00")
    status, out, _ = run_cli(
        capsys, "event", "add", "Lunch with Dana", "--start", "2026-11-26 12:30", "--minutes", "60"
    )
    assert status == 0
    before = {e["id"]: e for e in stored_events(data_dir)}

    status, out, _ = run_cli(capsys, "import", v2, "--calendar", "exec")

    assert status == 0
    # 8 "Ops review" instances renamed + "Quarterly planning" moved; "Vendor sync"
    # vanished; "Board dinner" is new. 10 September is before the range: kept.
    assert "added 1, updated 9, removed 1, skipped 0" in out
    after = {e["id"]: e for e in stored_events(data_dir)}
    exec_titles = sorted(e["title"] for e in after.values() if e["calendar"] == "exec")
    assert exec_titles == sorted(
        ["Board dinner", "Quarterly planning", "September kickoff"] + ["Operations review"] * 8
    )
    (planning_event,) = [
        e for e in after.values() if e["calendar"] == "exec" and e["uid"] == "planning@example.com"
    ]
    assert planning_event["id"] in before  # same id, moved
    assert local(planning_event["start"]).strftime("%H:%M") == "15:00"
    # Other calendars and events by hand are untouched, byte for byte.
    for event_id, event in before.items():
        if event["calendar"] != "exec":
            assert after[event_id] == event
    assert any(e["calendar"] is None and e["title"] == "Lunch with Dana" for e in after.values())
    assert len([e for e in after.values() if e["calendar"] == "team"]) == 11


def test_broken_events_are_reported_and_the_rest_imports(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, out, err = run_cli(capsys, "import", str(FIXTURES / "broken_among_good.ics"))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert "added 2, updated 0, removed 0, skipped 4" in lines[0]
    assert '  skipped: it has no DTSTART (UID no-start@example.com, "Ghost meeting")' in lines
    bad_date = "  skipped: its DTSTART is not valid (20261345T250000)"
    assert f'{bad_date} (UID bad-date@example.com, "Bad date")' in lines
    assert '  skipped: it ends before it starts (UID backwards@example.com, "Backwards")' in lines
    assert any(line.startswith("  skipped: its RRULE is not valid") for line in lines)
    assert sorted(e["title"] for e in stored_events(data_dir)) == ["Budget review", "Client call"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"Dear Dana,\nplease find the agenda attached.\n", "it has no BEGIN:VCALENDAR line"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 4, "binary data"),
        (b"", "it is empty"),
    ],
)
def test_a_file_that_is_not_icalendar_is_rejected_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, content: bytes, problem: str
) -> None:
    assert run_cli(capsys, "import", str(FIXTURES / "holidays.ics"))[0] == 0
    before = (data_dir / "planner.json").read_bytes()
    bogus = tmp_path / "agenda.ics"
    bogus.write_bytes(content)
    status, out, err = run_cli(capsys, "import", str(bogus))
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert str(bogus) in err
    assert problem in err
    assert "nothing was imported" in err
    assert (data_dir / "planner.json").read_bytes() == before


def test_a_missing_file_or_a_directory_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run_cli(capsys, "import", str(tmp_path / "nope.ics"))
    assert (status, out) == (2, "")
    assert err == f"ea-planner: {tmp_path / 'nope.ics'}: no such file\n"
    status, out, err = run_cli(capsys, "import", str(tmp_path))
    assert (status, out) == (2, "")
    assert err == f"ea-planner: {tmp_path} holds no .ics files; nothing was imported\n"


def test_an_unreadable_file_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.ics"
    locked.write_bytes((FIXTURES / "holidays.ics").read_bytes())
    real_open = os.open

    def refuse(path: StrPath, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        # Permission bits do not stop root, so the refusal is simulated for every user.
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", refuse)
    status, out, err = run_cli(capsys, "import", str(locked))
    assert (status, out) == (2, "")
    assert err == f"ea-planner: cannot read {locked}: Permission denied\n"


def test_an_empty_calendar_name_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_cli(
        capsys, "import", str(FIXTURES / "holidays.ics"), "--calendar", " \x1b "
    )
    assert status == 2
    assert "calendar name is empty" in err


def test_titles_with_escape_sequences_are_stored_without_controls_and_markup_verbatim(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    title = "\x1b[2J\x1b]0;owned\x07Board \u202eevil\u202c [bold]x[/bold] [link=https://x]y[/link]"
    source = tmp_path / "evil.ics"
    source.write_bytes(
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n"
            f"BEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:{title}\r\n"
            "DTSTART:20261124T100000Z\r\nDTEND:20261124T110000Z\r\nEND:VEVENT\r\n"
            f"BEGIN:VEVENT\r\nUID:evil-\x1b[31m\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n"
        ).encode()
    )
    status, out, err = run_cli(capsys, "import", str(source))
    assert status == 0
    for text in (out, err):
        assert not any(ch in text for ch in "\x1b\x07\u202e\u202c")
    (event,) = stored_events(data_dir)
    assert event["title"] == "[2J]0;ownedBoard evil [bold]x[/bold] [link=https://x]y[/link]"
    assert "[bold]x[/bold]" in out.splitlines()[1]  # the skipped event, reported verbatim


def test_plain_commands_do_not_load_the_calendar_libraries() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from planner.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['event', 'list'])\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "loaded = [m for m in ('icalendar', 'recurring_ical_events', 'x_wr_timezone', 'textual')"
        " if m in sys.modules]\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
