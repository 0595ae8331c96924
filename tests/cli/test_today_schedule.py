"""`ea-planner today` with good moments, the packed brief queue and the interrupt status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec
import pendulum
import pytest

from planner.cli import main
from planner.domain import Brief, Event, Window
from planner.storage import Store

TZ = "Europe/Paris"


def at(clock: str, day: int = 23) -> pendulum.DateTime:
    hour, minute = (int(x) for x in clock.split(":"))
    return pendulum.datetime(2026, 11, day, hour, minute, tz=TZ)


@pytest.fixture
def store(data_dir: Path) -> Store:
    """Monday 23 Nov 2026, 10:00: in the middle of a board meeting."""
    events = (
        Event(id="e-1", title="Offsite week", start=at("00:00"), end=at("00:00", 24), all_day=True),
        Event(id="e-2", title="Board meeting", start=at("09:00"), end=at("11:00")),
        Event(id="e-3", title="1:1 with EA", start=at("11:00"), end=at("11:30"),
              kind="one-on-one", with_ea=True),
        Event(id="e-4", title="Deep work", start=at("13:00"), end=at("17:00"), kind="focus"),
        Event(id="e-5", title="Tuesday staff", start=at("10:00", 24), end=at("18:00", 24)),
    )  # fmt: skip
    windows = (Window(id="w-1", start=at("17:30"), end=at("17:45"), note="come by"),)
    briefs = (
        Brief(id="b-urgent", title="Sign the contract", priority="urgent", minutes=20,
              created=at("08:00")),
        Brief(id="b-fyi", title="Q3 numbers", minutes=15, created=at("08:30")),
        Brief(id="b-held", title="Plant closing", kind="bad-news", created=at("07:00")),
        Brief(id="b-told", title="Old news", created=at("07:00"), delivered=at("08:00")),
    )  # fmt: skip
    s = Store(data_dir)
    s.update(lambda d: msgspec.structs.replace(d, events=events, windows=windows, briefs=briefs))
    return s


def today(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["today", *argv]) == 0
    return capsys.readouterr().out


def today_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(today(capsys, "--json", *argv))
    return data


def test_text_shows_status_windows_and_the_queue(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    out = today(capsys)
    lines = out.splitlines()
    assert lines[0] == "Monday 23 November 2026 · Europe/Paris · now 10:00"
    assert lines[1] == "in Board meeting until 11:00"
    assert "Good moments (6)" in out
    # 08:30–08:50 past; 1:1 11:00–11:30; 11:30–12:50; 17:00–17:30 after focus; 17:30–17:45 marked;
    # 17:45–18:00 computed.
    assert "  08:30–08:50  20 min      past" in out
    assert "  11:00–11:30  30 min      one-on-one: 1:1 with EA · 1 brief, 20 min" in out
    assert "                           · Sign the contract (20 min) b-urgent" in out
    assert "  11:30–12:50  1 h 20 min  1 brief, 15 min" in out
    assert "  17:30–17:45  15 min      marked: come by" in out
    assert "Brief queue (3)" in out
    assert "  decision" not in out
    queue = lines[lines.index("Brief queue (3)") + 1 :]
    assert queue == [
        "  fyi         20 min   Sign the contract  → 11:00 · b-urgent",
        "  bad-news    2 min    Plant closing  needs a solution first · b-held",
        "  fyi         15 min   Q3 numbers  → 11:30 · b-fyi",
    ]
    assert "Old news" not in out


def test_json_windows_briefs_and_status(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    data = today_json(capsys)
    assert data["status"] == "in Board meeting until 11:00"
    assert [(w["start"][11:16], w["end"][11:16], w["minutes"]) for w in data["windows"]] == [
        ("08:30", "08:50", 20),
        ("11:00", "11:30", 30),
        ("11:30", "12:50", 80),
        ("17:00", "17:30", 30),
        ("17:30", "17:45", 15),
        ("17:45", "18:00", 15),
    ]
    one_on_one = data["windows"][1]
    assert one_on_one == {
        "start": "2026-11-23T11:00:00+01:00",
        "end": "2026-11-23T11:30:00+01:00",
        "minutes": 30,
        "best": True,
        "source": "one-on-one",
        "after_event": None,
        "note": "1:1 with EA",
        "capacity": 30,
        "briefs": ["b-urgent"],
    }
    assert data["windows"][0]["capacity"] == 0 and data["windows"][0]["briefs"] == []
    assert data["windows"][3]["after_event"] == "Deep work"
    assert data["windows"][3]["best"] is False
    assert data["windows"][4]["source"] == "marked"

    briefs = {b["id"]: b for b in data["briefs"]}
    assert list(briefs) == ["b-urgent", "b-held", "b-fyi"]  # priority, then age
    assert briefs["b-urgent"]["placed"] == "2026-11-23T11:00:00+01:00"
    assert briefs["b-urgent"]["planned_at"] == "2026-11-23T11:00:00+01:00"
    assert briefs["b-urgent"]["flags"] == []
    assert briefs["b-held"]["placed"] is None
    assert briefs["b-held"]["held"] is True
    assert briefs["b-held"]["flags"] == ["needs a solution first"]
    assert data["next_workday"] is None


def test_json_keeps_the_spec_keys(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    data = today_json(capsys)
    for key in ("date", "timezone", "events", "windows", "followups", "briefs", "status"):
        assert key in data
    assert data["events"][0]["title"] == "Offsite week" and data["events"][0]["all_day"]


def test_what_does_not_fit_shows_on_the_next_workday(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Today's largest free window has 65 minutes left; Tuesday opens with 08:30–09:50.
    big = Brief(id="b-big", title="Reorg plan", minutes=70, created=at("09:00"))
    huge = Brief(id="b-huge", title="Strategy", minutes=120, created=at("09:00"))
    store.update(lambda d: msgspec.structs.replace(d, briefs=(*d.briefs, big, huge)))
    data = today_json(capsys)
    assert data["next_workday"]["date"] == "2026-11-24"
    first = data["next_workday"]["windows"][0]
    assert (first["start"], first["minutes"], first["briefs"]) == (
        "2026-11-24T08:30:00+01:00",
        80,
        ["b-big"],
    )
    briefs = {b["id"]: b for b in data["briefs"]}
    assert briefs["b-big"]["rolled"] is True
    assert briefs["b-big"]["placed"] == "2026-11-24T08:30:00+01:00"
    assert briefs["b-huge"]["placed"] is None
    assert briefs["b-huge"]["flags"] == ["no room"]
    out = today(capsys)
    assert "rolled to Tue 24 Nov (next workday):" in out
    assert "Reorg plan  → Tue 24 Nov 08:30 · b-big" in out
    assert "Strategy  no room · b-huge" in out


def test_interrupt_now_heads_the_day(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    wire = Brief(id="b-wire", title="Wire transfer", created=at("09:00"), deliver_by=at("10:30"))
    store.update(lambda d: msgspec.structs.replace(d, briefs=(*d.briefs, wire)))
    data = today_json(capsys)
    assert data["status"] == "interrupt now: Wire transfer (deliver by 10:30)"
    assert next(b for b in data["briefs"] if b["id"] == "b-wire")["flags"] == ["interrupt now"]
    assert today(capsys).splitlines()[1] == "interrupt now: Wire transfer (deliver by 10:30)"


@pytest.mark.parametrize(
    ("now", "status"),
    [
        ("2026-11-23T11:40:00+01:00", "good moment now (until 12:50, 1 h 10 min left)"),
        ("2026-11-23T08:12:00+01:00", "next good moment 08:30 (in 18 min)"),
        ("2026-11-23T14:00:00+01:00", "in Deep work until 17:00"),
        ("2026-11-23T12:55:00+01:00", "next good moment 17:00 (in 4 h 5 min)"),
        ("2026-11-23T17:50:00+01:00", "good moment now (until 18:00, 10 min left)"),
        ("2026-11-23T18:00:00+01:00", "no good moment left today"),
        ("2026-11-28T10:00:00+01:00", "not a workday (next workday Mon 30 Nov 08:30)"),
    ],
)
def test_status_line_for_each_case(
    store: Store,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    now: str,
    status: str,
) -> None:
    monkeypatch.setenv("EA_PLANNER_NOW", now)
    assert today_json(capsys)["status"] == status


def test_another_date_shows_its_windows_and_the_status_of_right_now(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    data = today_json(capsys, "--date", "2026-11-25")
    assert data["date"] == "2026-11-25"
    assert data["status"] == "in Board meeting until 11:00"
    assert [(w["start"][11:16], w["end"][11:16]) for w in data["windows"]] == [("08:30", "18:00")]
    assert data["windows"][0]["briefs"] == ["b-urgent", "b-fyi"]
    out = today(capsys, "--date", "2026-11-25")
    assert out.splitlines()[1] == "right now: in Board meeting until 11:00"


def test_empty_data_directory(capsys: pytest.CaptureFixture[str]) -> None:
    data = today_json(capsys)
    assert data["status"] == "good moment now (until 18:00, 8 h left)"
    assert [w["minutes"] for w in data["windows"]] == [570]
    assert data["briefs"] == []
    out = today(capsys)
    assert "Good moments (1)" in out and "Brief queue (0)" in out
