"""Plain commands write clock times 12- or 24-hour as preferences.toml or the locale says;
`--json` stays ISO 8601 either way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.clock import parse_instant
from planner.demo import sample_document
from planner.preferences import Preferences, preferences_path, save
from planner.storage import Store
from tests.conftest import FROZEN_NOW, FROZEN_ZONE

LINE = "Maria Ortiz: invoice charged twice @Acme by tomorrow 3pm"


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture(autouse=True)
def sample_day(data_dir: Path) -> None:
    now = parse_instant(FROZEN_NOW, what="FROZEN_NOW")
    Store(data_dir).save(sample_document(now, FROZEN_ZONE))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def twelve_hour(config_dir: Path) -> None:
    save(preferences_path(config_dir), Preferences(clock="12h"))


def test_add_and_today_in_twelve_hour_mode(
    capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    twelve_hour(config_dir)
    assert "promise:  Tue 24 Nov 3:00 PM (tomorrow)" in run(capsys, "add", "--dry-run", LINE)
    lines = run(capsys, "today").splitlines()
    assert lines[0] == "Monday 23 November 2026 · Europe/Paris · now 10:00 AM"
    assert lines[1] == "next good moment 11:15 AM (in 1 h 15 min)"
    assert "  11:45 AM–12:15 PM  call        Investor call: Halvorsen Capital" in lines
    assert "  12:30–1:30 PM      personal    Lunch with Tom" in lines
    assert not any(" 13:" in line or " 15:" in line for line in lines)


def test_json_stays_iso_8601_in_twelve_hour_mode(
    capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    twelve_hour(config_dir)
    day = json.loads(run(capsys, "today", "--json"))
    lunch = next(e for e in day["events"] if e["title"] == "Lunch with Tom")
    assert (lunch["start"], lunch["end"]) == (
        "2026-11-23T12:30:00+01:00",
        "2026-11-23T13:30:00+01:00",
    )
    assert day["now"] == "2026-11-23T10:00:00+01:00"
    added = json.loads(run(capsys, "add", "--json", LINE))
    assert added["promised_by"].startswith("2026-11-24T15:00:00")


def test_closeout_markdown_in_twelve_hour_mode(
    capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    twelve_hour(config_dir)
    text = run(capsys, "closeout")
    assert "- 7:10 AM–9:10 AM · Flight to Berlin (LH 1027) (travel)" in text
    assert "- 2:00 PM–2:30 PM · 1:1 with Sam (EA) (one-on-one)" in text


def test_the_locale_decides_when_preferences_say_auto(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    monkeypatch.setenv("LC_TIME", "en_US.UTF-8")
    assert run(capsys, "today").splitlines()[0].endswith("now 10:00 AM")
    save(preferences_path(config_dir), Preferences(clock="24h"))
    assert run(capsys, "today").splitlines()[0].endswith("now 10:00")
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
    save(preferences_path(config_dir), Preferences())
    assert run(capsys, "today").splitlines()[0].endswith("now 10:00")


def test_an_unreadable_preferences_file_is_named_and_the_command_still_runs(
    capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    path = preferences_path(config_dir)
    config_dir.mkdir()
    path.write_text("clock = 12\n")
    assert main(["today"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].endswith("now 10:00")
    assert str(path) in err and err.count("\n") == 1
    assert path.read_text() == "clock = 12\n"


def test_other_config_dir_flag_is_followed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    twelve_hour(elsewhere)
    assert run(capsys, "today", "--config-dir", str(elsewhere)).splitlines()[0].endswith("AM")
    assert run(capsys, "today").splitlines()[0].endswith(f"{FROZEN_ZONE} · now 10:00")
