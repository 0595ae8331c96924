"""`ea-planner event add|edit|delete|list`: the executive's events by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.calendar_import.helpers import FIXTURES, run_cli, stored_events


def add(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Add an event and return its id."""
    status, out, err = run_cli(capsys, "event", "add", *argv)
    assert (status, err) == (0, "")
    assert out.startswith("Added event e-")
    return out.split()[2].rstrip(":")


def test_add_with_minutes_stores_wall_clock_time_in_the_executives_zone(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    event_id = add(capsys, "Board prep", "--start", "2026-11-24 14:00", "--minutes", "45")
    (event,) = stored_events(data_dir)
    assert event["id"] == event_id
    assert (event["start"], event["end"]) == (
        "2026-11-24T14:00:00+01:00",
        "2026-11-24T14:45:00+01:00",
    )
    assert (event["kind"], event["kind_by_hand"], event["calendar"]) == ("meeting", False, None)
    assert event["interruptible"] is None
    assert event["with_ea"] is False


def test_add_with_end_kind_and_flags(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    add(
        capsys,
        "1:1 with Dana",
        "--start",
        "2026-11-24T16:00",
        "--end",
        "16:30",
        "--kind",
        "one-on-one",
        "--with-ea",
        "--interruptible",
        "--location",
        "Room \x1b[31m4",
    )
    (event,) = stored_events(data_dir)
    assert event["end"] == "2026-11-24T16:30:00+01:00"
    assert (event["kind"], event["kind_by_hand"]) == ("one-on-one", True)
    assert (event["with_ea"], event["interruptible"]) == (True, True)
    assert event["location"] == "Room [31m4"


def test_add_in_summer_time_keeps_the_wall_clock(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    add(capsys, "Summer review", "--start", "2027-07-01 09:00", "--minutes", "30")
    assert stored_events(data_dir)[0]["start"] == "2027-07-01T09:00:00+02:00"


def test_add_with_an_explicit_offset_converts_to_the_executives_zone(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    add(capsys, "NY call", "--start", "2026-11-24T09:00-05:00", "--minutes", "30")
    assert stored_events(data_dir)[0]["start"] == "2026-11-24T15:00:00+01:00"


def test_add_all_day_spanning_days(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    add(capsys, "Offsite", "--all-day", "--start", "2026-12-01", "--end", "2026-12-03")
    (event,) = stored_events(data_dir)
    assert event["all_day"] is True
    assert (event["start"], event["end"]) == (
        "2026-12-01T00:00:00+01:00",
        "2026-12-04T00:00:00+01:00",
    )


def test_add_all_day_defaults_to_one_day(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    add(capsys, "Holiday", "--all-day", "--start", "2026-12-25")
    (event,) = stored_events(data_dir)
    assert (event["start"], event["end"]) == (
        "2026-12-25T00:00:00+01:00",
        "2026-12-26T00:00:00+01:00",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--start", "2026-11-24 14:00", "--end", "13:00"], "must end after it starts"),
        (["--start", "2026-11-24 14:00", "--minutes", "0"], "--minutes must be at least 1"),
        (["--start", "2026-11-24 14:00"], "give the end with --end WHEN or the length"),
        (["--start", "soonish", "--minutes", "30"], "--start: could not read"),
        (["--start", "2026-11-31 10:00", "--minutes", "30"], "is not a valid time"),
        (["--start", "2026-11-24", "--minutes", "30"], "has no time"),
        (["--start", "2026-11-24 14:00", "--end", "25:00"], "is not a time of day"),
        (["--start", "2026-03-29 02:30", "--minutes", "30"], "does not exist in Europe/Paris"),
        (["--all-day", "--start", "2026-11-24 10:00"], "is not a date"),
        (["--all-day", "--start", "2026-11-24", "--end", "2026-11-20"], "before the first day"),
        (["--all-day", "--start", "2026-11-24", "--minutes", "30"], "no length in minutes"),
    ],
)
def test_add_refuses_bad_times_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], data_dir: Path, argv: list[str], message: str
) -> None:
    status, out, err = run_cli(capsys, "event", "add", "Meeting", *argv)
    assert (status, out) == (2, "")
    assert message in err
    assert err.count("\n") == 1
    assert not (data_dir / "planner.json").exists()


def test_add_without_start_is_a_usage_error_of_event_add(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    with pytest.raises(SystemExit) as exit:
        run_cli(capsys, "event", "add", "Dentist")
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: ea-planner event add")
    assert "the following arguments are required: --start" in err
    assert not (data_dir / "planner.json").exists()


def test_list_json_has_the_days_events(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    late = add(capsys, "Late", "--start", "2026-11-23 16:00", "--minutes", "30")
    add(capsys, "Tomorrow", "--start", "2026-11-24 09:00", "--minutes", "30")
    status, out, _ = run_cli(capsys, "event", "list", "--json")
    assert status == 0
    listed = json.loads(out)
    assert (listed["date"], listed["timezone"]) == ("2026-11-23", "Europe/Paris")
    assert [e["id"] for e in listed["events"]] == [late]
    assert listed["events"][0]["start"] == "2026-11-23T16:00:00+01:00"


def test_add_refuses_an_empty_title(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_cli(capsys, "event", "add", " \x07 ", "--start", "2026-11-24 14:00")
    assert status == 2
    assert "title is empty" in err


def test_edit_moves_an_event_and_keeps_its_length(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    event_id = add(capsys, "Board prep", "--start", "2026-11-24 14:00", "--minutes", "45")
    status, out, _ = run_cli(capsys, "event", "edit", event_id, "--start", "2026-11-25 09:00")
    assert status == 0
    assert out.startswith(f"Changed event {event_id}: ")
    (event,) = stored_events(data_dir)
    assert (event["start"], event["end"]) == (
        "2026-11-25T09:00:00+01:00",
        "2026-11-25T09:45:00+01:00",
    )


def test_edit_title_kind_and_flags(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    event_id = add(capsys, "Prep", "--start", "2026-11-24 14:00", "--minutes", "45")
    status, _, _ = run_cli(
        capsys,
        "event",
        "edit",
        event_id,
        "--title",
        "Deep work",
        "--kind",
        "focus",
        "--not-interruptible",
        "--minutes",
        "90",
    )
    assert status == 0
    (event,) = stored_events(data_dir)
    assert (event["title"], event["kind"], event["interruptible"]) == ("Deep work", "focus", False)
    assert event["end"] == "2026-11-24T15:30:00+01:00"
    assert event["kind_by_hand"] is True
    run_cli(capsys, "event", "edit", event_id, "--interruptible-by-kind", "--no-with-ea")
    assert stored_events(data_dir)[0]["interruptible"] is None


def test_edit_to_all_day_and_back(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    event_id = add(capsys, "Visit", "--start", "2026-11-24 14:00", "--minutes", "45")
    assert run_cli(capsys, "event", "edit", event_id, "--all-day")[0] == 0
    (event,) = stored_events(data_dir)
    assert (event["all_day"], event["start"], event["end"]) == (
        True,
        "2026-11-24T00:00:00+01:00",
        "2026-11-25T00:00:00+01:00",
    )
    status, _, err = run_cli(capsys, "event", "edit", event_id, "--no-all-day")
    assert status == 2
    assert "give the start time" in err
    status, _, _ = run_cli(
        capsys,
        "event",
        "edit",
        event_id,
        "--no-all-day",
        "--start",
        "2026-11-24 10:00",
        "--end",
        "11:00",
    )
    assert status == 0
    assert stored_events(data_dir)[0]["all_day"] is False


def test_edit_errors(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    event_id = add(capsys, "Prep", "--start", "2026-11-24 14:00", "--minutes", "45")
    before = (data_dir / "planner.json").read_bytes()
    status, _, err = run_cli(capsys, "event", "edit", "e-nothere", "--title", "x")
    assert status == 2
    assert "no event with id 'e-nothere'" in err
    status, _, err = run_cli(capsys, "event", "edit", event_id)
    assert status == 2
    assert "nothing to change" in err
    status, _, err = run_cli(capsys, "event", "edit", event_id, "--end", "2026-11-24 13:00")
    assert status == 2
    assert "must end after it starts" in err
    assert (data_dir / "planner.json").read_bytes() == before


def test_edit_of_an_imported_event_warns_and_its_kind_survives_reimport(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    source = str(FIXTURES / "weekly_exdate_moved.ics")
    assert run_cli(capsys, "import", source)[0] == 0
    event = next(e for e in stored_events(data_dir) if e["start"].startswith("2026-11-23"))
    status, out, _ = run_cli(
        capsys, "event", "edit", event["id"], "--kind", "one-on-one", "--with-ea", "--title", "Mine"
    )
    assert status == 0
    assert "next import" in out
    status, out, _ = run_cli(capsys, "import", source)
    assert "added 0, updated 1, removed 0" in out
    after = next(e for e in stored_events(data_dir) if e["id"] == event["id"])
    assert (after["title"], after["kind"], after["with_ea"]) == (
        "Staff meeting",
        "one-on-one",
        True,
    )


def test_delete(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    keep = add(capsys, "Keep", "--start", "2026-11-24 10:00", "--minutes", "30")
    gone = add(capsys, "Gone", "--start", "2026-11-24 11:00", "--minutes", "30")
    status, out, _ = run_cli(capsys, "event", "delete", gone)
    assert status == 0
    assert out.startswith(f"Deleted event {gone}: ")
    assert [e["id"] for e in stored_events(data_dir)] == [keep]
    status, _, err = run_cli(capsys, "event", "delete", gone)
    assert status == 2
    assert f"no event with id {gone!r}" in err


def test_list_shows_the_days_events_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    late = add(capsys, "Late", "--start", "2026-11-23 16:00", "--minutes", "30")
    early = add(capsys, "Early", "--start", "2026-11-23 09:00", "--minutes", "30", "--kind", "call")
    day = add(capsys, "Offsite", "--all-day", "--start", "2026-11-22", "--end", "2026-11-23")
    add(capsys, "Tomorrow", "--start", "2026-11-24 09:00", "--minutes", "30")
    status, out, _ = run_cli(capsys, "event", "list")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Monday 23 November 2026 · Europe/Paris"
    assert [line.split()[0] for line in lines[1:]] == [day, early, late]
    assert "09:00–09:30  call  Early" in lines[2]
    assert "all day" in lines[1]


def test_list_another_day_and_an_empty_day(capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, "Tomorrow", "--start", "2026-11-24 09:00", "--minutes", "30")
    status, out, _ = run_cli(capsys, "event", "list", "--date", "tomorrow")
    assert status == 0
    assert "Tomorrow" in out
    status, out, _ = run_cli(capsys, "event", "list", "--date", "2026-12-31")
    assert out.splitlines()[1] == "  (no events)"
    status, _, err = run_cli(capsys, "event", "list", "--date", "12/31/2026")  # day/month
    assert status == 2
    assert "is not a date" in err


def test_list_shows_imported_events_with_their_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "import", str(FIXTURES / "weekly_exdate_moved.ics"))[0] == 0
    status, out, _ = run_cli(capsys, "event", "list")
    assert status == 0
    assert "10:00–11:00  meeting  Staff meeting  (calendar weekly_exdate_moved)" in out
