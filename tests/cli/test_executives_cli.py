"""`ea-planner exec add|list|edit|remove`, `move`, and `--exec` on the commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.storage import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run(capsys, *argv)
    assert status == 0, err
    return out


@pytest.fixture
def two(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Dana in New York (first), Lee in London; Monday 16:10 UTC."""
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T16:10:00+00:00")
    ok(capsys, "exec", "add", "Dana Whitfield", "--timezone", "America/New_York")
    ok(capsys, "exec", "add", "Lee Okafor", "--timezone", "Europe/London", "--workday", "8-17")


def test_the_first_executive_added_to_a_fresh_desk_is_its_first(
    capsys: pytest.CaptureFixture[str], data_dir: Path, two: None
) -> None:
    document = Store(data_dir).load()
    dana, lee = document.roster
    assert (dana.id, dana.short, dana.name) == ("x-1", "Dana", "Dana Whitfield")
    assert document.settings.executive_name == "Dana Whitfield"
    assert document.settings.timezone == "America/New_York"
    assert (lee.short, lee.timezone, lee.workday_start, lee.workday_end) == (
        "Lee",
        "Europe/London",
        "08:00",
        "17:00",
    )
    listing = json.loads(ok(capsys, "exec", "list", "--json"))
    assert [x["short"] for x in listing["executives"]] == ["Dana", "Lee"]


def test_unknown_or_ambiguous_exec_names_the_executives(
    capsys: pytest.CaptureFixture[str], two: None
) -> None:
    ok(capsys, "exec", "add", "Leena Park", "--timezone", "Asia/Tokyo")
    status, _, err = run(capsys, "today", "--exec", "le")
    assert status == 2
    assert "ambiguous" in err and "+Lee (Lee Okafor), +Leena (Leena Park)" in err
    status, _, err = run(capsys, "today", "--exec", "zed")
    assert status == 2
    assert "no such executive" in err
    assert "+Dana (Dana Whitfield), +Lee (Lee Okafor), +Leena (Leena Park)" in err
    assert "Traceback" not in err
    # A whole short name wins over a longer one it is the prefix of; case does not matter.
    assert "Lee Okafor (+Lee)" in ok(capsys, "today", "--exec", "LEE")


def test_today_shows_the_executive_in_view_and_the_others_status(
    capsys: pytest.CaptureFixture[str], two: None
) -> None:
    out = ok(capsys, "today", "--exec", "lee")
    head, status, other = out.splitlines()[:3]
    assert head == "Monday 23 November 2026 · Europe/London · now 16:10 · Lee Okafor (+Lee)"
    assert status == "good moment now (until 17:00, 50 min left)"
    assert other == (
        "  Dana Whitfield (+Dana, 11:10 America/New_York): "
        "good moment now (until 18:00, 6 h 50 min left)"
    )
    # Without --exec: the first executive.
    assert ok(capsys, "today").startswith("Monday 23 November 2026 · America/New_York · now 11:10")


def test_today_json_carries_the_executive_and_a_status_per_executive(
    capsys: pytest.CaptureFixture[str], two: None
) -> None:
    ok(capsys, "event", "add", "Ops review", "--exec", "lee", "--start", "16:30", "--end", "17:00")
    value = json.loads(ok(capsys, "today", "--json", "--exec", "lee"))
    lee = value["executive"]["id"]
    assert value["executive"]["short"] == "Lee"
    assert [e["title"] for e in value["events"]] == ["Ops review"]
    assert {e["executive"] for e in value["events"]} == {lee}
    assert [(x["short"], x["status"]) for x in value["executives"]] == [
        ("Dana", "good moment now (until 18:00, 6 h 50 min left)"),
        ("Lee", "good moment now (until 16:20, 10 min left)"),
    ]
    dana = json.loads(ok(capsys, "today", "--json"))
    assert dana["events"] == []


def test_exec_edit_changes_the_first_executives_settings(
    capsys: pytest.CaptureFixture[str], data_dir: Path, two: None
) -> None:
    ok(capsys, "exec", "edit", "dana", "--workday", "09:00-17:30", "--short", "DW")
    document = Store(data_dir).load()
    assert document.settings.workday_start == "09:00"
    assert document.roster[0].short == "DW"
    status, _, err = run(capsys, "exec", "edit", "lee", "--short", "dw")
    assert status == 2 and "taken" in err
    status, _, err = run(capsys, "exec", "edit", "lee", "--timezone", "Mars/Base")
    assert status == 2 and "not a known time zone" in err


def test_removing_an_executive_with_open_follow_ups_is_refused_until_moved(
    capsys: pytest.CaptureFixture[str], data_dir: Path, two: None
) -> None:
    out = ok(capsys, "add", "--exec", "lee", "--json", "Omar: wants the deck by tomorrow 3pm")
    omar = json.loads(out)["id"]
    before = (data_dir / "planner.json").read_bytes()
    status, _, err = run(capsys, "exec", "remove", "lee")
    assert status == 2
    assert "still has 1 open follow-up" in err and omar in err
    assert "--move-to" in err and "ea-planner move" in err
    assert (data_dir / "planner.json").read_bytes() == before
    ok(capsys, "move", omar, "--exec", "dana")
    assert Store(data_dir).load().followups[0].executive == "x-1"
    ok(capsys, "move", omar, "--exec", "lee")
    out = ok(capsys, "exec", "remove", "lee", "--move-to", "dana")
    assert "moved 1 follow-up and 0 briefs to +dana" in out
    document = Store(data_dir).load()
    assert [x.short for x in document.roster] == ["Dana"]
    assert document.followups[0].executive == "x-1"


def test_removing_the_first_executive_makes_the_next_one_first(
    capsys: pytest.CaptureFixture[str], data_dir: Path, two: None
) -> None:
    ok(capsys, "exec", "remove", "dana")
    document = Store(data_dir).load()
    (lee,) = document.roster
    assert lee.short == "Lee"
    assert document.settings.executive_name == "Lee Okafor"
    assert document.settings.timezone == "Europe/London"
    status, _, err = run(capsys, "exec", "remove", "lee")
    assert status == 2 and "only executive" in err


def test_plus_short_names_the_executive_and_reads_the_line_with_their_rules(
    capsys: pytest.CaptureFixture[str], data_dir: Path, two: None
) -> None:
    out = ok(capsys, "add", "--dry-run", "Omar: wants the deck +lee by eod")
    assert "  for:      +Lee (Lee Okafor)" in out
    # eod is Lee's: 17:00 in London, not Dana's 18:00 in New York.
    assert "Mon 23 Nov 17:00 (today)" in out
    assert Store(data_dir).load().followups == ()
    record = json.loads(ok(capsys, "add", "--json", "Omar: wants the deck +LE, by eod"))
    assert record["executive"] != "x-1"
    assert record["summary"] == "wants the deck"
    assert record["promised_by"] == "2026-11-23T17:00:00+00:00"
    # Without +Short: --exec, else the first executive.
    record = json.loads(ok(capsys, "add", "--json", "--exec", "lee", "Ann: a question"))
    assert record["executive"] == Store(data_dir).load().roster[1].id
    record = json.loads(ok(capsys, "add", "--json", "Bo: a question by eod"))
    assert record["executive"] == "x-1"
    assert record["promised_by"] == "2026-11-23T18:00:00-05:00"


def test_an_unknown_plus_short_is_refused_naming_the_executives(
    capsys: pytest.CaptureFixture[str], data_dir: Path, two: None
) -> None:
    status, _, err = run(capsys, "add", "Omar: wants the deck +zed by eod")
    assert status == 2
    assert "+zed: no such executive (executives: +Dana (Dana Whitfield), +Lee (Lee Okafor))" in err
    assert "Traceback" not in err
    assert Store(data_dir).load().followups == ()
    # A phone number is not an executive.
    out = ok(capsys, "add", "--dry-run", "Omar: call back on +1 555 0100")
    assert "call back on +1 555 0100" in out


def test_show_says_whose_record_it_is_in_their_zone(
    capsys: pytest.CaptureFixture[str], two: None
) -> None:
    record = json.loads(ok(capsys, "add", "--json", "Omar: the deck +lee by eod"))
    out = ok(capsys, "show", record["id"])
    assert out.splitlines()[1] == "  for:      +Lee (Lee Okafor)"
    assert "Mon 23 Nov 17:00" in out  # Lee's end of day, in London
