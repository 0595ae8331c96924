"""Version 5 → 6: the settings block becomes the first executive, every record theirs.

The fixture `version-5.json` was written by the version-5 ea-planner (one executive,
Dana, in New York; the EA in London): the sample day, a subscription, a quick-added
follow-up, a hand-marked good moment, a bad-news brief, and Monday closed with notes.
`version-5-output/` holds what that version printed the next morning at 09:40 for
`today`, `today --json`, `agenda` and `closeout --date 2026-11-23`: the migrated desk
must print the same, byte for byte (the JSON gains only the executive of each record).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.domain.executive import FIRST_EXECUTIVE_ID
from planner.storage import SCHEMA_VERSION, Store
from planner.storage.migrate import migrate

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE = FIXTURES / "version-5.json"
OUTPUT = FIXTURES / "version-5-output"
MORNING = "2026-11-24T09:40:00-05:00"
BOARD_DECK = "Board deck needs sign-off before it goes out"
CHANGED_SINCE = (
    # A brief past its deadline is no longer "interrupt now" but missed (a rule of the
    # status made after version 5; the migration itself changes nothing).
    (
        f"interrupt now: {BOARD_DECK} (deliver by Mon 23 Nov 09:30)",
        f"missed Mon 23 Nov 09:30: {BOARD_DECK} — tell now",
    ),
    ("· interrupt now  b-cqzvbs17", "· deadline missed  b-cqzvbs17"),
    ("→ 09:40 · interrupt now · b-cqzvbs17", "→ 09:40 · deadline missed · b-cqzvbs17"),
    ('"interrupt now"', '"deadline missed"'),
)


def as_printed_now(text: str) -> str:
    """What version 5 printed, with the words changed on purpose since (`CHANGED_SINCE`)."""
    for before, after in CHANGED_SINCE:
        text = text.replace(before, after)
    return text


@pytest.fixture
def desk(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir.mkdir(parents=True)
    (data_dir / "planner.json").write_bytes(FIXTURE.read_bytes())
    monkeypatch.setenv("EA_PLANNER_NOW", MORNING)
    monkeypatch.setenv("TZ", "Europe/London")
    import time

    time.tzset()
    return data_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def test_the_fixture_is_a_version_5_document() -> None:
    raw = json.loads(FIXTURE.read_text())
    assert raw["schema_version"] == 5
    assert "executives" not in raw and raw["settings"]["timezone"] == "America/New_York"
    assert SCHEMA_VERSION == 6


def test_the_settings_block_becomes_the_first_executive() -> None:
    raw = json.loads(FIXTURE.read_text())
    migrated = migrate(raw)
    (dana,) = migrated["executives"]
    old = raw["settings"]
    assert dana == {
        "id": FIRST_EXECUTIVE_ID,
        "short": "Dana",
        "name": old["executive_name"],
        "timezone": "America/New_York",
        "own_organization": "Northwind",
        "workday_start": old["workday_start"],
        "workday_end": old["workday_end"],
        "workdays": old["workdays"],
        "never_interrupt": old["never_interrupt"],
        "protect_before": old["protect_before"],
        "settle_after": old["settle_after"],
        "min_window": old["min_window"],
    }
    desk_keys = set(old) - {
        "executive_name",
        "timezone",
        "own_organization",
        "workday_start",
        "workday_end",
        "workdays",
        "never_interrupt",
        "protect_before",
        "settle_after",
        "min_window",
    }
    assert set(migrated["settings"]) == desk_keys
    assert migrated["settings"]["assistant_name"] == "Sam Lee"


def test_every_record_and_subscription_belongs_to_the_first_executive() -> None:
    raw = json.loads(FIXTURE.read_text())
    migrated = migrate(json.loads(FIXTURE.read_text()))
    for name in ("events", "followups", "briefs", "windows"):
        assert len(migrated[name]) == len(raw[name]) > 0
        for before, after in zip(raw[name], migrated[name], strict=True):
            assert after == {**before, "executive": FIRST_EXECUTIVE_ID}
    assert [c["executive"] for c in migrated["settings"]["calendars"]] == [FIRST_EXECUTIVE_ID]
    assert migrated["closeouts"] == raw["closeouts"]


def test_the_migrated_document_loads_with_nothing_lost(desk: Path) -> None:
    raw = json.loads(FIXTURE.read_text())
    document = Store(desk).load()
    assert document.settings.executive_name == raw["settings"]["executive_name"]
    assert document.settings.timezone == "America/New_York"
    assert document.settings.assistant_name == "Sam Lee"
    assert [e.id for e in document.events] == [e["id"] for e in raw["events"]]
    assert [f.id for f in document.followups] == [f["id"] for f in raw["followups"]]
    assert [b.id for b in document.briefs] == [b["id"] for b in raw["briefs"]]
    assert [w.id for w in document.windows] == [w["id"] for w in raw["windows"]]
    assert document.closeouts[0].notes == "Dana flies Thursday"
    (dana,) = document.roster
    assert dana.name == raw["settings"]["executive_name"] and dana.short == "Dana"
    assert document.rules_for(dana.id) is document.settings
    assert {f.executive for f in document.followups} == {dana.id}
    assert document.settings.calendars[0].executive == dana.id


def test_the_next_save_writes_version_6_and_reads_back_the_same(desk: Path) -> None:
    store = Store(desk)
    before = store.load()
    store.save(before)
    raw = json.loads((desk / "planner.json").read_text())
    assert raw["schema_version"] == 6
    assert "timezone" not in raw["settings"] and raw["executives"][0]["timezone"]
    assert Store(desk).load() == before


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("today",), "today.txt"),
        (("agenda",), "agenda.txt"),
        (("closeout", "--date", "2026-11-23"), "closeout.md"),
    ],
)
def test_a_one_executive_desk_prints_exactly_what_version_5_printed(
    capsys: pytest.CaptureFixture[str], desk: Path, argv: tuple[str, ...], expected: str
) -> None:
    assert run(capsys, *argv) == as_printed_now((OUTPUT / expected).read_text())


def _without_executive(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_executive(v) for k, v in value.items() if k != "executive"}
    if isinstance(value, list):
        return [_without_executive(v) for v in value]
    return value


def test_today_json_is_version_5s_plus_the_executive_of_each_record(
    capsys: pytest.CaptureFixture[str], desk: Path
) -> None:
    now = json.loads(run(capsys, "today", "--json"))
    then = json.loads(as_printed_now((OUTPUT / "today.json").read_text()))
    assert _without_executive(now) == then
    assert {e["executive"] for e in now["events"]} == {FIRST_EXECUTIVE_ID}
    assert {f["executive"] for f in now["followups"]} == {FIRST_EXECUTIVE_ID}
    assert {b["executive"] for b in now["briefs"]} == {FIRST_EXECUTIVE_ID}


def test_a_newer_schema_is_refused(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    raw = json.loads(FIXTURE.read_text())
    raw["schema_version"] = 7
    (data_dir / "planner.json").write_text(json.dumps(raw))
    before = (data_dir / "planner.json").read_bytes()
    assert main(["today"]) == 2
    _, err = capsys.readouterr()
    assert "schema_version 7 is newer" in err
    assert (data_dir / "planner.json").read_bytes() == before
