"""`ea-planner import`: cancelled events, renamed exports, vdirs, stdin and URLs."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tests.calendar_import.helpers import run_cli, stored_events
from tests.sync.feed_server import Feed, serve


def ics(*events: str, head: str = "") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tests//EN"]
    lines += [line for line in head.splitlines() if line]
    for body in events:
        lines += ["BEGIN:VEVENT", *[line.strip() for line in body.splitlines() if line.strip()]]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


BOARD = """UID:board@example.com
SUMMARY:Board meeting
DTSTART;TZID=Europe/Paris:20261124T140000
DTEND;TZID=Europe/Paris:20261124T160000"""
CUSTOMER = """UID:customer@example.com
SUMMARY:Customer call: Acme renewal
DTSTART;TZID=Europe/Paris:20261125T090000
DTEND;TZID=Europe/Paris:20261125T093000"""
STAFF = """UID:staff@example.com
SUMMARY:Staff meeting
DTSTART;TZID=Europe/Paris:20261123T090000
DTEND;TZID=Europe/Paris:20261123T100000
RRULE:FREQ=WEEKLY;COUNT=4"""


def titles(data_dir: Path) -> list[tuple[str, str]]:
    return sorted((e["calendar"], e["title"]) for e in stored_events(data_dir))


def test_a_meeting_cancelled_in_a_fresh_export_leaves_the_schedule(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    export = tmp_path / "calendar.ics"
    export.write_bytes(ics(BOARD, CUSTOMER))
    assert run_cli(capsys, "import", str(export))[0] == 0
    export.write_bytes(ics(BOARD + "\nSTATUS:CANCELLED\nSEQUENCE:1", CUSTOMER))
    status, out, err = run_cli(capsys, "import", str(export))
    assert (status, err) == (0, "")
    assert "added 0, updated 0, removed 1, skipped 0" in out
    assert "cancelled: 1 occurrence marked STATUS:CANCELLED" in out
    assert titles(data_dir) == [("calendar", "Customer call: Acme renewal")]
    # Nothing blocks the afternoon of the 24th any more: it is one good moment.
    status, out, _ = run_cli(capsys, "today", "--date", "2026-11-24")
    assert "Board meeting" not in out


def test_a_cancelled_instance_of_a_series_is_not_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    cancelled = """UID:staff@example.com
RECURRENCE-ID;TZID=Europe/Paris:20261130T090000
SUMMARY:Staff meeting
DTSTART;TZID=Europe/Paris:20261130T090000
DTEND;TZID=Europe/Paris:20261130T100000
STATUS:CANCELLED"""
    export = tmp_path / "work.ics"
    export.write_bytes(ics(STAFF, cancelled))
    status, out, _ = run_cli(capsys, "import", str(export))
    assert status == 0
    assert "added 3," in out
    starts = sorted(e["start"][:10] for e in stored_events(data_dir))
    assert starts == ["2026-11-23", "2026-12-07", "2026-12-14"]


def test_the_same_calendar_exported_under_another_name_updates_and_never_doubles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    first = tmp_path / "calendar.ics"
    first.write_bytes(ics(BOARD, CUSTOMER))
    assert run_cli(capsys, "import", str(first))[0] == 0
    again = tmp_path / "calendar (1).ics"
    again.write_bytes(ics(BOARD.replace("T140000", "T150000"), CUSTOMER))
    status, out, _ = run_cli(capsys, "import", str(again))
    assert status == 0
    assert out.startswith('calendar "calendar": added 0, updated 1, removed 0')
    events = stored_events(data_dir)
    assert len(events) == 2
    board = next(e for e in events if e["title"] == "Board meeting")
    assert board["start"] == "2026-11-24T15:00:00+01:00"


def test_events_held_equally_by_two_calendars_ask_which_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    export = tmp_path / "calendar.ics"
    export.write_bytes(ics(BOARD))
    assert run_cli(capsys, "import", str(export), "--calendar", "exec")[0] == 0
    assert run_cli(capsys, "import", str(export), "--calendar", "team")[0] == 0
    before = (data_dir / "planner.json").read_bytes()
    status, out, err = run_cli(capsys, "import", str(export))
    assert (status, out) == (2, "")
    assert err == (
        'ea-planner: these events are already in the calendars "exec", "team"; '
        "say which one with --calendar NAME\n"
    )
    assert (data_dir / "planner.json").read_bytes() == before


def test_a_new_calendar_takes_its_own_name_before_the_file_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    export = tmp_path / "basic (3).ics"
    export.write_bytes(ics(BOARD, head="X-WR-CALNAME:Dana Whitfield"))
    status, out, _ = run_cli(capsys, "import", str(export))
    assert status == 0
    assert out.startswith('calendar "Dana Whitfield": added 1,')


def test_a_vdir_imports_as_one_calendar_and_keeps_every_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    vdir = tmp_path / "calendars" / "work"
    vdir.mkdir(parents=True)
    (vdir / "board.ics").write_bytes(ics(BOARD))
    (vdir / "customer.ics").write_bytes(b"\xef\xbb\xbf" + ics(CUSTOMER))
    (vdir / "staff.ics").write_bytes(ics(STAFF))
    (vdir / "notes.txt").write_text("not a calendar")
    status, out, err = run_cli(capsys, "import", str(vdir))
    assert (status, err) == (0, "")
    assert out.startswith('calendar "work": added 6, updated 0, removed 0, skipped 0')
    assert len(stored_events(data_dir)) == 6
    # The event deleted from the vdir disappears; the others stay.
    (vdir / "board.ics").unlink()
    status, out, _ = run_cli(capsys, "import", str(vdir))
    assert "added 0, updated 0, removed 1" in out
    assert {t for _, t in titles(data_dir)} == {"Customer call: Acme renewal", "Staff meeting"}


def test_a_vdir_with_a_displayname_file_takes_that_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    vdir = tmp_path / "3f2a-91bc"
    vdir.mkdir()
    (vdir / "displayname").write_text("Dana (work)\n")
    (vdir / "board.ics").write_bytes(ics(BOARD))
    status, out, _ = run_cli(capsys, "import", str(vdir))
    assert status == 0
    assert out.startswith('calendar "Dana (work)": added 1,')


def test_import_dash_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ics(BOARD, CUSTOMER))))
    status, out, err = run_cli(capsys, "import", "-", "--calendar", "work")
    assert (status, err) == (0, "")
    assert out.startswith('calendar "work": added 2,')
    assert titles(data_dir) == [
        ("work", "Board meeting"),
        ("work", "Customer call: Acme renewal"),
    ]


def test_standard_input_without_a_name_asks_for_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ics(BOARD))))
    status, out, err = run_cli(capsys, "import", "-")
    assert (status, out) == (2, "")
    assert err == "ea-planner: the calendar has no name; give one with --calendar NAME\n"
    assert not (data_dir / "planner.json").exists()


def test_import_url_fetches_once_and_keeps_the_double_slash(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    with serve(Feed(body=ics(BOARD, CUSTOMER), gzip=True)) as feed:
        status, out, err = run_cli(capsys, "import", feed.url)
    assert (status, err) == (0, "")
    assert out.startswith('calendar "basic": added 2,')
    assert feed.statuses == [200]
    assert "gzip" in feed.headers[0]["Accept-Encoding"]


def test_import_url_that_fails_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    with serve(Feed(body=ics(BOARD), status=404)) as feed:
        status, out, err = run_cli(capsys, "import", feed.url)
    assert (status, out) == (2, "")
    assert err == (
        f"ea-planner: cannot fetch {feed.url}: 127.0.0.1 answered HTTP 404 Not Found; "
        "nothing was imported\n"
    )
    assert not (data_dir / "planner.json").exists()


def test_the_report_says_what_fell_outside_the_import_window(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = """UID:old@example.com
SUMMARY:Offsite 2024
DTSTART:20240301T090000Z
DTEND:20240301T170000Z"""
    export = tmp_path / "work.ics"
    export.write_bytes(ics(BOARD, old))
    status, out, _ = run_cli(capsys, "import", str(export))
    assert status == 0
    assert "added 1," in out
    assert (
        "  outside the import window: 1 event entirely before 2026-09-24 or from 2027-11-23 on"
    ) in out


def test_one_on_one_with_the_ea_and_outlook_focus_time_from_an_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    import msgspec

    from planner.storage import Store

    Store(data_dir).update(
        lambda d: msgspec.structs.replace(
            d,
            settings=msgspec.structs.replace(
                d.settings, executive_name="Dana Whitfield", assistant_name="Chris Park"
            ),
        )
    )
    one_on_one = """UID:11@example.com
SUMMARY:Weekly catch-up
DTSTART;TZID=Europe/Paris:20261124T110000
DTEND;TZID=Europe/Paris:20261124T113000
ORGANIZER;CN=Dana Whitfield:mailto:dana@example.com
ATTENDEE;CN=Chris Park;PARTSTAT=ACCEPTED:mailto:chris.park@example.com
ATTENDEE;CN=Room 4.02;CUTYPE=ROOM:mailto:room402@example.com"""
    focus = """UID:focus@example.com
SUMMARY:Focus time
CLASS:PRIVATE
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
DTSTART;TZID=Europe/Paris:20261124T080000
DTEND;TZID=Europe/Paris:20261124T100000"""
    export = tmp_path / "outlook.ics"
    export.write_bytes(ics(one_on_one, focus))
    assert run_cli(capsys, "import", str(export))[0] == 0
    kinds = {e["title"]: (e["kind"], e["with_ea"]) for e in stored_events(data_dir)}
    assert kinds == {"Weekly catch-up": ("one-on-one", True), "Focus time": ("focus", False)}


def test_attendees_are_kept_for_the_event_view(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    meeting = (
        BOARD
        + """
ORGANIZER;CN=Dana Whitfield:mailto:dana@example.com
ATTENDEE;CN=Sam Lee:mailto:sam@example.com
ATTENDEE:mailto:dana@example.com
ATTENDEE;CN=Room 4.02;CUTYPE=ROOM:mailto:room402@example.com"""
    )
    export = tmp_path / "work.ics"
    export.write_bytes(ics(meeting))
    assert run_cli(capsys, "import", str(export))[0] == 0
    assert stored_events(data_dir)[0]["attendees"] == [
        "Dana Whitfield <dana@example.com>",
        "Sam Lee <sam@example.com>",
    ]
