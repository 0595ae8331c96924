"""Import budgets: tiny hostile calendars must not take the machine.

Each hostile file runs through the real `ea-planner import` in a child process
with a CPU-time and memory limit; the linear-parsing test counts the work the
parser is given rather than timing it.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from planner.calendar_import import import_range, read_ics
from planner.calendar_import.imported import MAX_EVENTS_PER_IMPORT
from tests.calendar_import.helpers import PARIS, REPO_ROOT, TODAY, stored_events

START, END = import_range(TODAY, PARIS, days_back=60, days_ahead=365)
CPU_SECONDS = 60
MEMORY_BYTES = 1 << 30


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def limited_import(*argv: str) -> subprocess.CompletedProcess[str]:
    """`ea-planner import ARGV` under a CPU and memory limit (the test environment's data)."""
    return subprocess.run(
        [sys.executable, "-m", "planner", "import", *argv],
        capture_output=True,
        text=True,
        timeout=CPU_SECONDS * 2,
        preexec_fn=_limits,
        cwd=REPO_ROOT,
        env=dict(os.environ),
    )


def ics(*blocks: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tests//EN"]
    for block in blocks:
        lines += [line.strip() for line in block.strip().splitlines()]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


MINUTELY_ZONE = """
BEGIN:VTIMEZONE
TZID:Hostile Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
RRULE:FREQ=MINUTELY
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T000030
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
RRULE:FREQ=MINUTELY
END:DAYLIGHT
END:VTIMEZONE
"""


def test_a_zone_whose_rules_repeat_every_minute_is_skipped_and_reported(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "zone.ics"
    path.write_text(
        ics(
            MINUTELY_ZONE,
            """
            BEGIN:VEVENT
            UID:a
            SUMMARY:Board
            DTSTART;TZID=Hostile Standard Time:20261124T090000
            DTEND;TZID=Hostile Standard Time:20261124T100000
            END:VEVENT
            """,
        )
    )
    assert len(path.read_bytes()) < 1024
    result = limited_import(str(path))
    assert result.returncode == 0, result.stderr
    assert "Hostile Standard Time" in result.stdout
    assert "more often than yearly" in result.stdout
    (event,) = stored_events(data_dir)
    assert event["title"] == "Board"


def test_a_daily_series_from_year_1_expands_only_inside_the_window(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "old.ics"
    path.write_text(
        ics(
            """
            BEGIN:VEVENT
            UID:ancient
            SUMMARY:Stand-up
            DTSTART:00010101T090000Z
            DTEND:00010101T091500Z
            RRULE:FREQ=DAILY;BYHOUR=9
            END:VEVENT
            """,
            """
            BEGIN:VEVENT
            UID:ancient-plain
            SUMMARY:Daily check
            DTSTART:00010101T070000Z
            DTEND:00010101T071500Z
            RRULE:FREQ=DAILY
            END:VEVENT
            """,
        )
    )
    result = limited_import(str(path))
    assert result.returncode == 0, result.stderr
    events = stored_events(data_dir)
    standups = [e for e in events if e["title"] == "Stand-up"]
    # 60 days back + 365 ahead, one a day, each at 09:00 UTC (10:00 in Paris, winter).
    assert len(standups) == 425
    assert {e["start"][11:16] for e in standups} <= {"10:00", "11:00"}
    assert len([e for e in events if e["title"] == "Daily check"]) == 425
    assert min(e["start"] for e in standups) >= START.isoformat()[:10]


def test_skipping_ahead_keeps_every_other_day_and_monthly_series_in_step() -> None:
    data = ics(
        """
        BEGIN:VEVENT
        UID:alternate
        SUMMARY:Every other day
        DTSTART:19700102T120000Z
        RRULE:FREQ=DAILY;INTERVAL=2
        END:VEVENT
        """,
        """
        BEGIN:VEVENT
        UID:month-end
        SUMMARY:Month end
        DTSTART;VALUE=DATE:19000131
        RRULE:FREQ=MONTHLY
        END:VEVENT
        """,
        """
        BEGIN:VEVENT
        UID:leap
        SUMMARY:Leap day
        DTSTART;VALUE=DATE:18960229
        RRULE:FREQ=YEARLY
        END:VEVENT
        """,
    ).encode()
    read = read_ics(data, zone=PARIS, start=START, end=END)
    assert read.skipped == ()
    alternate = sorted(e.start for e in read.events if e.uid == "alternate")
    # 1970-01-02 plus an even number of days: the parity of the day count never changes.
    from datetime import date

    assert all((e.date() - date(1970, 1, 2)).days % 2 == 0 for e in alternate)
    assert len(alternate) in (212, 213)
    month_end = sorted(e.start.date() for e in read.events if e.uid == "month-end")
    assert all(d.day == 31 for d in month_end) and len(month_end) == 8
    leap = [e.start.date() for e in read.events if e.uid == "leap"]
    assert leap == []  # no 29 February between Sep 2026 and Nov 2027


def test_a_daily_series_with_count_from_long_ago_is_read_in_full() -> None:
    data = ics(
        """
        BEGIN:VEVENT
        UID:counted
        SUMMARY:Counted
        DTSTART:20260901T080000Z
        RRULE:FREQ=DAILY;COUNT=40
        END:VEVENT
        """
    ).encode()
    read = read_ics(data, zone=PARIS, start=START, end=END)
    assert len(read.events) == 40 - 23  # 1 to 23 September are before the window


def test_an_import_is_capped_and_says_so(tmp_path: Path, data_dir: Path) -> None:
    series = [
        f"""
        BEGIN:VEVENT
        UID:s{n}
        SUMMARY:Series {n}
        DTSTART:20260101T{8 + n % 10:02d}0000Z
        RRULE:FREQ=DAILY
        END:VEVENT
        """
        for n in range(1000)
    ]
    path = tmp_path / "many.ics"
    path.write_text(ics(*series))
    result = limited_import(str(path))
    assert result.returncode == 0, result.stderr
    events = stored_events(data_dir)
    assert len(events) == 47 * 425  # whole series only: 47 fit under the limit
    assert f"limit of {MAX_EVENTS_PER_IMPORT:,} events" in result.stdout
    assert "skipped 953" in result.stdout.splitlines()[0]


def test_import_reads_at_most_the_size_cap_from_dev_zero(data_dir: Path) -> None:
    result = limited_import("/dev/zero")
    assert result.returncode == 2
    assert "larger than" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (data_dir / "planner.json").exists()


def test_import_reads_a_pipe_by_reading(tmp_path: Path, data_dir: Path) -> None:
    fifo = tmp_path / "feed.ics"
    os.mkfifo(fifo)
    source = (REPO_ROOT / "tests" / "calendar_import" / "fixtures" / "holidays.ics").read_bytes()
    writer = subprocess.Popen(["sh", "-c", f"cat > '{fifo}'"], stdin=subprocess.PIPE)
    assert writer.stdin is not None
    result = None
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "planner", "import", str(fifo), "--calendar", "feed"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
        )
        writer.stdin.write(source)
        writer.stdin.close()
        writer.wait(timeout=30)
        out, err = proc.communicate(timeout=60)
        result = proc.returncode
    finally:
        writer.kill()
    assert result == 0, err
    assert out.startswith('calendar "feed": added 6,')


def test_a_damaged_file_is_parsed_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """No END:VCALENDAR, many zones and events: the salvage must not hand every event
    every zone (that was quadratic: 134 s for 364 KB)."""
    import icalendar

    parsed_chars = 0
    original = icalendar.Calendar.from_ical

    def counting(
        st: str | bytes, multiple: bool = False
    ) -> icalendar.Calendar | list[icalendar.Calendar]:
        nonlocal parsed_chars
        parsed_chars += len(st)
        return original(st, multiple=True) if multiple else original(st)

    monkeypatch.setattr(icalendar.Calendar, "from_ical", counting)

    def damaged(n: int) -> bytes:
        zones = [
            f"""
            BEGIN:VTIMEZONE
            TZID:Zone {z}
            BEGIN:STANDARD
            DTSTART:19701025T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            END:STANDARD
            END:VTIMEZONE
            """
            for z in range(n)
        ]
        events = [
            f"""
            BEGIN:VEVENT
            UID:e{e}
            SUMMARY:Event {e}
            DTSTART;TZID=Zone {e % n}:20261124T{8 + e % 10:02d}0000
            DURATION:PT30M
            END:VEVENT
            """
            for e in range(n)
        ]
        text = ics(*zones, *events)
        return text.replace("END:VCALENDAR\r\n", "").encode()

    sizes = {}
    for n in (50, 200):
        parsed_chars = 0
        data = damaged(n)
        read = read_ics(data, zone=PARIS, start=START, end=END)
        assert len(read.events) == n
        assert any("damaged" in note for note in read.notes)
        sizes[n] = (parsed_chars, len(data))
    for parsed, size in sizes.values():
        assert parsed <= 4 * size, (parsed, size)


def test_two_events_with_one_uid_and_no_recurrence_id_are_reported() -> None:
    data = ics(
        """
        BEGIN:VEVENT
        UID:twin
        SUMMARY:First twin
        DTSTART:20261124T090000Z
        DTEND:20261124T100000Z
        END:VEVENT
        """,
        """
        BEGIN:VEVENT
        UID:twin
        SEQUENCE:2
        SUMMARY:Second twin
        DTSTART:20261125T090000Z
        DTEND:20261125T100000Z
        END:VEVENT
        """,
    ).encode()
    read = read_ics(data, zone=PARIS, start=START, end=END)
    assert [e.title for e in read.events] == ["Second twin"]
    (skipped,) = read.skipped
    assert skipped.uid == "twin" and skipped.summary == "First twin"
    assert "same UID" in skipped.reason
