"""From the shell, a record's times on its executive's clock, labelled where that is not
the EA's zone: an EA in New York, Dana in New York and Lee in London."""

from __future__ import annotations

import json
import re

import pytest

from planner.cli import main


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


@pytest.fixture
def desk(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """Wednesday 10:50 in New York (15:50 in London); Lee's board pack promised 'by
    tomorrow morning' (11:00 London); the id of that follow-up."""
    monkeypatch.setenv("TZ", "America/New_York")
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-12-02T10:50:00-05:00")
    ok(capsys, "exec", "add", "Dana Whitfield", "--timezone", "America/New_York")
    ok(capsys, "exec", "add", "Lee Okafor", "--timezone", "Europe/London", "--workday", "8-17")
    out = ok(capsys, "add", "Ann Lee @Globex: wants the board pack +lee by tomorrow morning")
    found = re.search(r"\bf-[0-9a-z]+", out)
    assert found, out
    return found.group(0)


def test_today_and_show_say_the_executives_time_with_its_label(
    capsys: pytest.CaptureFixture[str], desk: str
) -> None:
    today = ok(capsys, "today", "--exec", "lee")
    assert "Thu 3 Dec 11:00 London (tomorrow)" in today
    shown = ok(capsys, "show", desk)
    assert "  for:      +Lee (Lee Okafor)" in shown
    assert "  promise:  Thu 3 Dec 11:00 London (tomorrow)" in shown


def test_today_json_keeps_iso_instants_in_the_executives_zone(
    capsys: pytest.CaptureFixture[str], desk: str
) -> None:
    value = json.loads(ok(capsys, "today", "--exec", "lee", "--json"))
    (row,) = [f for f in value["followups"] if f["id"] == desk]
    assert row["effective_promise"] == "2026-12-03T11:00:00+00:00"
    assert row["promised_by"] == "2026-12-03T11:00:00+00:00"


def test_a_repromise_from_the_shell_is_read_on_the_executives_clock(
    capsys: pytest.CaptureFixture[str], desk: str
) -> None:
    ok(capsys, "promise", desk, "tomorrow 10am")
    value = json.loads(ok(capsys, "show", desk, "--json"))
    assert value["promised_by"] == "2026-12-03T10:00:00+00:00"


def test_the_reminder_says_the_time_the_list_says(
    capsys: pytest.CaptureFixture[str], desk: str
) -> None:
    # 16:00 in London is 11:00 in New York: ten minutes away.
    ok(capsys, "add", "Bo Chen @Initech: call back +lee by 4pm")
    out = ok(capsys, "remind")
    assert "promised by 16:00 London" in out
    assert "16:00 London (today)" in ok(capsys, "today", "--exec", "lee")


def test_a_desk_of_one_in_another_zone_reads_as_it_always_did(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-12-02T10:50:00-05:00")
    ok(capsys, "exec", "add", "Lee Okafor", "--timezone", "Europe/London", "--workday", "8-17")
    ok(capsys, "add", "Ann Lee @Globex: wants the board pack by tomorrow morning")
    today = ok(capsys, "today")
    assert "Thu 3 Dec 11:00 (tomorrow)" in today and "London (tomorrow)" not in today
