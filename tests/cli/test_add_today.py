"""`ea-planner add` and `today` as a user runs them: output, exit status, the file on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner import __version__
from planner.cli import main
from planner.storage import Store

ROOT = Path(__file__).resolve().parents[2]
SPEC_LINE = "Maria Ortiz: invoice charged twice, wants refund @Acme by tomorrow 3pm !high #billing"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_add_saves_the_follow_up_and_says_what_it_understood(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, out, _ = run(capsys, "add", SPEC_LINE)
    assert status == 0
    assert "Maria Ortiz (Acme)" in out
    assert "Tue 24 Nov 15:00 (tomorrow)" in out
    assert "complaint (guessed) · phone · high" in out
    (stored,) = Store(data_dir).load().followups
    assert stored.customer == "Maria Ortiz"
    assert stored.promised_by.isoformat() == "2026-11-24T15:00:00+01:00"
    assert stored.id in out


def test_add_json_prints_the_record_as_stored(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, out, _ = run(capsys, "add", "--json", SPEC_LINE)
    assert status == 0
    printed = json.loads(out)
    on_disk = json.loads((data_dir / "planner.json").read_text())["followups"][0]
    # The record as stored, and what quick-add knew of the customer's other open matters.
    assert printed.pop("repeat_caller") == []
    assert printed.pop("noted_instead") is False
    assert printed == on_disk
    assert printed["customer"] == "Maria Ortiz"
    assert printed["organization"] == "Acme"
    assert printed["summary"] == "invoice charged twice, wants refund"
    assert (printed["kind"], printed["channel"], printed["priority"]) == (
        "complaint",
        "phone",
        "high",
    )
    assert printed["tags"] == ["billing"]
    assert printed["status"] == "open"
    assert printed["promised_by"] == "2026-11-24T15:00:00+01:00"


def test_add_dry_run_saves_nothing(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    status, out, _ = run(capsys, "add", "--dry-run", SPEC_LINE)
    assert status == 0
    assert out.startswith("Would add")
    assert not (data_dir / "planner.json").exists()
    run(capsys, "add", "Tom Becker: contract copy by fri")
    before = (data_dir / "planner.json").read_bytes()
    run(capsys, "add", "--dry-run", "--json", SPEC_LINE)
    assert (data_dir / "planner.json").read_bytes() == before


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Tom: call back by yesterday", "yesterday is in the past"),
        ("Tom: call back by feb 30", "feb 30 is not a date"),
        ("call back about the invoice by tomorrow", "no customer"),
        ("Tom: by 9am", "has already passed"),
    ],
)
def test_bad_quick_add_exits_2_with_a_clear_message_and_saves_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, line: str, message: str
) -> None:
    run(capsys, "add", "Ann Lee: existing matter by fri")
    before = (data_dir / "planner.json").read_bytes()
    status, out, err = run(capsys, "add", line)
    assert status == 2
    assert message in err
    assert len(err.strip().splitlines()) <= 2
    assert out == ""
    assert (data_dir / "planner.json").read_bytes() == before


def test_today_json_has_the_spec_keys_and_broken_promises_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T08:00:00+01:00")
    run(capsys, "add", "Later Person: renewal question by fri")
    run(capsys, "add", "Amber Person: invoice copy by 10:30am")
    run(capsys, "add", "Second Broken: refund status by 9:30am")
    run(capsys, "add", "First Broken: callback about the damaged delivery by 9am")
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T10:00:00+01:00")
    status, out, _ = run(capsys, "today", "--json")
    assert status == 0
    day = json.loads(out)
    assert {"date", "timezone", "events", "windows", "followups", "briefs"} <= set(day)
    assert day["date"] == "2026-11-23"
    assert day["timezone"] == "Europe/Paris"
    rows = [(f["customer"], f["state"], f["broken"]) for f in day["followups"]]
    assert rows == [
        ("First Broken", "broken", True),
        ("Second Broken", "broken", True),
        ("Amber Person", "due-soon", False),
        ("Later Person", "later", False),
    ]


def test_today_text_marks_broken_promises(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T08:00:00+01:00")
    run(capsys, "add", "Broken Person: callback by 9am")
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T10:00:00+01:00")
    status, out, _ = run(capsys, "today")
    assert status == 0
    assert "Monday 23 November 2026" in out
    (line,) = [row for row in out.splitlines() if "Broken Person" in row]
    assert "BROKEN" in line


def test_today_accepts_another_date_and_refuses_a_bad_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "today", "--date", "2026-11-24", "--json")
    assert status == 0 and json.loads(out)["date"] == "2026-11-24"
    status, out, _ = run(capsys, "today", "--date", "24/11/2026", "--json")
    assert status == 0 and json.loads(out)["date"] == "2026-11-24"  # day/month: en_GB
    status, _, err = run(capsys, "today", "--date", "11/24/2026")
    assert status == 2 and "--date: 11/24/2026 is not a date" in err


def test_data_dir_flag_works_before_and_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    run(capsys, "--data-dir", str(first), "add", "Ann Lee: thing by fri")
    run(capsys, "add", "--data-dir", str(second), "Bo Li: thing by fri")
    assert [f.customer for f in Store(first).load().followups] == ["Ann Lee"]
    assert [f.customer for f in Store(second).load().followups] == ["Bo Li"]


def test_bad_clock_variable_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EA_PLANNER_NOW", "tomorrow-ish")
    status, _, err = run(capsys, "today")
    assert status == 2
    assert "EA_PLANNER_NOW" in err


def test_version_and_help_list_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as version:
        main(["--version"])
    assert version.value.code == 0
    assert capsys.readouterr().out.strip() == f"ea-planner {__version__}"
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("add", "today", "import", "closeout"):
        assert f"\n    {command} " in out


def subprocess_env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "EA_PLANNER_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}


def test_plain_commands_never_import_textual(data_dir: Path) -> None:
    code = (
        "import sys\n"
        "from planner.cli import main\n"
        "assert main(['add', 'Ann Lee: thing by fri']) == 0\n"
        "assert main(['today']) == 0\n"
        "assert main(['today', '--json']) == 0\n"
        "assert main(['closeout']) in (0, 2)\n"
        "assert main(['import', '/nonexistent.ics']) == 2\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'})\n"
        "print('LOADED', bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=subprocess_env(data_dir), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


def test_today_imports_only_what_it_shows(data_dir: Path) -> None:
    # `today` starts as fast as the floor allows: the close-out review and its Markdown,
    # the preferences' TOML reader (no preferences file) and the calendar libraries are
    # for other commands.
    env = subprocess_env(data_dir)
    subprocess.run(
        [sys.executable, "-m", "planner", "add", "Ann Lee: thing by fri"], env=env, check=True
    )
    code = (
        "import sys\n"
        "from planner.cli import main\n"
        "assert main(['today']) == 0\n"
        "print('LOADED', sorted(m for m in sys.modules if m in sys.argv[1:]))\n"
    )
    heavy = [
        "planner.closeout.review",
        "planner.closeout.steps",
        "planner.closeout.actions",
        "planner.closeout.markdown",
        "planner.quickadd",
        "planner.calendar_import",
        "planner.sync",
        "tomllib",
        "icalendar",
        "caldav",
    ]
    result = subprocess.run(
        [sys.executable, "-c", code, *heavy], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


def test_corrupt_data_file_exits_2_without_traceback_and_is_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "planner.json"
    path.write_bytes(b'{"schema_version": 1, "followups": [{"id": "f-1", "customer": 3')
    for argv in (["add", "Ann Lee: thing by fri"], ["today"], ["today", "--json"]):
        result = subprocess.run(
            [sys.executable, "-m", "planner", *argv],
            env=subprocess_env(data_dir),
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert str(path) in result.stderr
        assert len(result.stderr.strip().splitlines()) <= 2
    assert path.read_bytes() == b'{"schema_version": 1, "followups": [{"id": "f-1", "customer": 3'


def test_the_command_table_names_exactly_what_each_module_registers() -> None:
    import argparse
    import importlib

    from planner.commands import COMMANDS

    for module_name in set(COMMANDS.values()):
        parser = argparse.ArgumentParser()
        registered = importlib.import_module(module_name).register(
            parser.add_subparsers(), argparse.ArgumentParser(add_help=False)
        )
        expected = {name for name, module in COMMANDS.items() if module == module_name}
        assert set(registered) == expected, module_name


def test_an_unknown_command_or_option_is_refused_by_argparse(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv in (["bogus"], ["--data-dir", "x", "bogus"], ["--bogus"]):
        with pytest.raises(SystemExit) as refused:
            main(argv)
        assert refused.value.code == 2
        err = capsys.readouterr().err
        assert "invalid choice: 'bogus'" in err or "unrecognized arguments: --bogus" in err


def test_the_dashboard_start_builds_no_command_parser(data_dir: Path) -> None:
    # Opening the dashboard must not pay for the command modules and their sub-parsers.
    code = (
        "import sys\n"
        "import planner.cli as cli\n"
        "cli._dashboard = lambda args, store: 0\n"
        "assert cli.main(['--data-dir', sys.argv[1]]) == 0\n"
        "commands = [m for m in sys.modules if m.startswith('planner.commands.')]\n"
        "print('LOADED', sorted(set(commands) - {'planner.commands.parser'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(data_dir)],
        env=subprocess_env(data_dir),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


def test_add_prints_the_readings_it_took(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "add", "--dry-run", "Ann Lee: call back by 3")
    assert status == 0
    assert "  promise:  Mon 23 Nov 15:00 (today)" in out
    assert (
        "  note:     '3' read as 15:00 today (an hour alone: the next 3 o'clock in the workday)"
    ) in out
    assert "  note:     channel phone (from 'call back')" in out
