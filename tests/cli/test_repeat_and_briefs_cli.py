"""`add` warns about a repeat caller (and `--as-note`); `brief` shows, edits and drops briefs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.storage import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys: pytest.CaptureFixture[str], line: str, *options: str) -> dict[str, Any]:
    code, out, err = run(capsys, "add", "--json", *options, line)
    assert code == 0, err
    added: dict[str, Any] = json.loads(out)
    return added


def test_add_warns_when_the_customer_already_has_an_open_follow_up(
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = add(capsys, "Maria Ortiz: invoice charged twice @Acme by 15:00 !high")
    code, out, _ = run(capsys, "add", "Maria Ortiz: still no refund @Acme")
    assert code == 0
    assert "  repeat caller: Maria Ortiz already has an open follow-up:\n" in out
    assert f"    {first['id']}  invoice charged twice · open · promised" in out
    assert f"ea-planner note {first['id']} TEXT" in out


def test_add_json_reports_the_match(capsys: pytest.CaptureFixture[str]) -> None:
    first = add(capsys, "Maria Ortiz: invoice charged twice @Acme by 15:00")
    second = add(capsys, "maria ortiz: called again by 16:00")
    assert [m["id"] for m in second["repeat_caller"]] == [first["id"]]
    assert second["repeat_caller"][0]["summary"] == "invoice charged twice"
    assert second["noted_instead"] is False
    other = add(capsys, "Maria Ortiz: a different Maria @Globex by 16:00")
    assert [m["id"] for m in other["repeat_caller"]] == [second["id"]]  # no organisation: any


def test_add_as_note_adds_to_the_open_follow_up_instead(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    first = add(capsys, "Maria Ortiz: invoice charged twice @Acme by 15:00")
    noted = add(capsys, "Maria Ortiz: called again, now angry @Acme", "--as-note")
    assert noted["noted_instead"] is True
    assert noted["id"] == first["id"]
    (stored,) = Store(data_dir).load().followups
    assert (stored.log[-1].action, stored.log[-1].text) == ("note", "called again, now angry")


def test_add_as_note_without_a_match_adds_a_follow_up(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    added = add(capsys, "Li Wei: contract terms by 15:00", "--as-note")
    assert added["noted_instead"] is False
    assert [f.id for f in Store(data_dir).load().followups] == [added["id"]]


def test_add_as_note_with_two_matches_is_refused(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    add(capsys, "Li Wei: contract terms by 15:00")
    add(capsys, "Li Wei: invoice by 15:00")
    before = (data_dir / "planner.json").read_bytes()
    code, out, err = run(capsys, "add", "--as-note", "Li Wei: called again")
    assert (code, out) == (2, "")
    assert "Li Wei has 2 open follow-ups" in err
    assert (data_dir / "planner.json").read_bytes() == before


# -- briefs ---------------------------------------------------------------------------------


@pytest.fixture
def escalated(capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    followup = add(capsys, "Paul Girard: delivery delayed @Acme by 15:00 !high")["id"]
    assert run(capsys, "note", followup, "truck broke down in Lyon")[0] == 0
    code, out, _ = run(capsys, "escalate", followup, "needs a call")
    assert code == 0
    brief = out.split("queued escalation brief ")[1].split(":")[0]
    return followup, brief


def test_brief_list_long_shows_the_facts(
    capsys: pytest.CaptureFixture[str], escalated: tuple[str, str]
) -> None:
    followup, _ = escalated
    code, out, _ = run(capsys, "brief", "list", "--long")
    assert code == 0
    assert f"follow-up: {followup} · Paul Girard — delivery delayed (escalated)" in out
    assert "facts:\n" in out
    assert "Mon 23 Nov 10:00 note: truck broke down in Lyon" in out
    assert "Mon 23 Nov 10:00 escalated to the executive — needs a call" in out
    assert "facts:" not in run(capsys, "brief", "list")[1]  # only with --long


def test_brief_list_json_carries_the_facts(
    capsys: pytest.CaptureFixture[str], escalated: tuple[str, str]
) -> None:
    followup, brief = escalated
    (item,) = json.loads(run(capsys, "brief", "list", "--json")[1])["briefs"]
    assert (item["id"], item["followup_id"]) == (brief, followup)
    assert any("truck broke down" in fact for fact in item["facts"])
    assert item["planned_at"] is not None
    shown = json.loads(run(capsys, "brief", "show", brief, "--json")[1])
    assert shown["facts"] == item["facts"] and shown["queued"] is True


def test_brief_edit_and_show(
    capsys: pytest.CaptureFixture[str], escalated: tuple[str, str]
) -> None:
    _, brief = escalated
    code, out, _ = run(
        capsys,
        "brief",
        "edit",
        brief,
        "--minutes",
        "15",
        "--priority",
        "urgent",
        "--deliver-by",
        "2026-11-23 16:00",
        "--solution",
        "offer a 10% discount",
    )
    assert code == 0, out
    assert "escalation · urgent · 15 min" in out
    code, out, _ = run(capsys, "brief", "show", brief)
    assert "  deliver by: Mon 23 Nov 16:00" in out
    assert "  solution: offer a 10% discount" in out
    assert run(capsys, "brief", "edit", brief, "--deliver-by", "none")[0] == 0
    assert "deliver by" not in run(capsys, "brief", "show", brief)[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--minutes", "0"], "1 to 480 minutes"),
        (["--priority", "soon"], "unknown priority"),
        (["--deliver-by", "2026-11-23 09:00"], "in the past"),
        ([], "say what to change"),
    ],
)
def test_brief_edit_refuses_bad_values(
    capsys: pytest.CaptureFixture[str],
    escalated: tuple[str, str],
    data_dir: Path,
    argv: list[str],
    message: str,
) -> None:
    _, brief = escalated
    before = (data_dir / "planner.json").read_bytes()
    code, _, err = run(capsys, "brief", "edit", brief, *argv)
    assert code == 2
    assert message in err
    assert (data_dir / "planner.json").read_bytes() == before


def test_brief_drop_takes_it_off_the_queue_with_the_reason(
    capsys: pytest.CaptureFixture[str], escalated: tuple[str, str]
) -> None:
    _, brief = escalated
    code, out, _ = run(capsys, "brief", "drop", brief, "the executive already knows")
    assert code == 0
    assert "(the executive already knows)" in out
    assert "Brief queue (0)" in run(capsys, "brief")[1]
    listing = run(capsys, "brief", "list", "--all")[1]
    assert "Dropped (1)" in listing and "dropped: the executive already knows" in listing
    code, _, err = run(capsys, "brief", "deliver", brief)
    assert code == 2 and "was dropped" in err


def test_add_as_note_with_a_promise_re_promises_the_open_follow_up(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    first = add(capsys, "Sabine Kessler @Alpenbank: fee letter wrong by 15:00")
    code, out, _ = run(
        capsys,
        "add",
        "--as-note",
        "Sabine Kessler @Alpenbank: rang again, furious nobody called back, "
        "call her back in 30 min",
    )
    assert code == 0
    assert f"Noted on {first['id']}" in out
    assert "re-promised:" in out
    (stored,) = Store(data_dir).load().followups
    note, repromise = stored.log[-2], stored.log[-1]
    assert (note.action, note.text) == (
        "note",
        "rang again, furious nobody called back, call her back",
    )
    assert repromise.action == "re-promised"
    assert repromise.new_promise is not None
    assert stored.promised_by == repromise.new_promise
