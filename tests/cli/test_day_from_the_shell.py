"""A whole working day lived from the shell, the clock moving with EA_PLANNER_NOW.

Six follow-ups are added; one waits on the customer, one on a colleague, one is
re-promised (and breaks again), one escalated, one resolved, one dropped. At
17:30 the close-out lists every open one with its current promise and state;
the saved Markdown is the printed summary; next morning its notes are shown
until dismissed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from tests.closeout import shell_day as day


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def live_the_day(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    ids: dict[str, str] = {}
    for hhmm, line in day.ADDS:
        monkeypatch.setenv("EA_PLANNER_NOW", day.at(hhmm))
        code, out, err = run(capsys, "add", "--json", line)
        assert code == 0, err
        record = json.loads(out)
        ids[record["customer"]] = record["id"]
    for hhmm, action, customer, argument in day.STEPS:
        monkeypatch.setenv("EA_PLANNER_NOW", day.at(hhmm))
        if action == "promise":
            when, note = argument.split("|")
            argv = ["promise", ids[customer], when, "--note", note]
        elif action == "wait":
            party, what_for = argument.split("|")
            argv = ["wait", ids[customer], party, what_for]
        else:
            argv = [action, ids[customer], argument]
        code, _, err = run(capsys, *argv)
        assert code == 0, err
    return ids


def test_the_close_out_of_a_day_lived_from_the_shell_tells_the_whole_truth(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    ids = live_the_day(capsys, monkeypatch)

    monkeypatch.setenv("EA_PLANNER_NOW", day.at(day.CLOSE_REVIEW))
    code, review, _ = run(capsys, "closeout")
    assert code == 0
    done, promises = review.split("## Done today\n")[1].split("## Promises\n")
    promises = promises.split("## Still to tell")[0]
    # Done today, in time order.
    assert [line for line in done.splitlines() if line] == [
        "- Resolved 12:25 · Sara Lind (Globex) — access badge not working · new badge issued",
        "- Dropped 14:40 · Dan Ray — catering order for Friday · customer cancelled the order",
    ]
    # Every open follow-up, with its current promise and state.
    for customer in day.OPEN_AT_CLOSE:
        assert customer in promises
    assert (
        "- **broken** · promised 12:30 (re-promised 11:00 → 12:30 at 10:30)"
        " · Omar Haddad (Initech) — wants a meeting with the executive"
        f" · **not addressed** ({ids['Omar Haddad']})\n"
    ) in promises
    assert (
        "- **broken** · promised 16:00 · Paul Girard (Acme) — delivery delayed three weeks"
        " · escalated to the executive at 10:40: needs a call from the executive\n"
    ) in promises
    assert (
        "- paused · was 14:00 · Maria Ortiz (Acme)"
        " — invoice charged twice, wants refund"
        " · waiting on the customer since 09:05 for: the signed form\n"
    ) in promises
    assert (
        "- promised Tue 24 Nov 11:00 · Jonas Berg (Northwind) — quote for 40 seats · in progress\n"
    ) in promises

    # Closing is refused while Omar's broken promise is unaddressed, naming the commands.
    code, out, err = run(capsys, "closeout", "--close")
    assert (code, out) == (2, "")
    assert f'ea-planner promise {ids["Omar Haddad"]} "tomorrow 10am"' in err
    assert f"ea-planner closeout --keep {ids['Omar Haddad']}" in err

    monkeypatch.setenv("EA_PLANNER_NOW", day.at(day.REPROMISE_AT))
    assert run(capsys, "promise", ids["Omar Haddad"], day.REPROMISE_TO, "--note", "called")[0] == 0
    monkeypatch.setenv("EA_PLANNER_NOW", day.at(day.CLOSE_AT))
    code, closing, err = run(capsys, "closeout", "--close", "--notes", day.NOTES)
    assert code == 0, err
    saved = (data_dir / "closeouts" / f"{day.DATE}.md").read_text(encoding="utf-8")
    assert saved == closing
    for customer in day.OPEN_AT_CLOSE:
        assert customer in saved.split("## Promises\n")[1].split("## Still to tell")[0]
    assert (
        "- **was broken** · promised Tue 24 Nov 10:00"
        " (re-promised 11:00 → 12:30 at 10:30; re-promised 12:30 → Tue 24 Nov 10:00 at 17:32)"
    ) in saved
    # The escalation brief is still to tell; the day looks ahead to Tuesday.
    assert "- Escalation: Paul Girard (Acme)" in saved
    assert "- 10:00 · Omar Haddad (Initech)" in saved and "- 11:00 · Jonas Berg" in saved

    # Next morning, the notes come back until dismissed.
    monkeypatch.setenv("EA_PLANNER_NOW", day.at("08:30", "2026-11-24"))
    code, today, _ = run(capsys, "today")
    assert code == 0
    assert "From the close-out of Monday 23 November\n  Notes:\n    chase Maria first thing" in (
        today
    )
    assert "    Omar Haddad — wants a meeting with the executive · promised Tue 24 Nov 10:00" in (
        today
    )
    assert run(capsys, "closeout", "--dismiss-notes")[0] == 0
    assert "From the close-out" not in run(capsys, "today")[1]
    code, _, err = run(capsys, "closeout", "--dismiss-notes")
    assert code == 2 and "no close-out notes to dismiss" in err


def test_resolving_an_escalated_matter_offers_to_retire_its_briefs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = live_the_day(capsys, monkeypatch)
    paul = ids["Paul Girard"]
    monkeypatch.setenv("EA_PLANNER_NOW", day.at("15:00"))
    code, out, _ = run(capsys, "resolve", paul, "executive called him")
    assert code == 0
    assert "queued fyi brief" in out
    assert "  still queued: escalation brief b-" in out
    assert "retire with: ea-planner brief drop ID REASON" in out
    queue = json.loads(run(capsys, "brief", "list", "--json")[1])["briefs"]
    assert sorted(b["kind"] for b in queue) == ["escalation", "fyi"]
    assert all(b["followup_id"] == paul for b in queue)


def test_dropping_with_retire_briefs_takes_them_off_the_queue(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = live_the_day(capsys, monkeypatch)
    monkeypatch.setenv("EA_PLANNER_NOW", day.at("15:00"))
    code, out, _ = run(
        capsys, "drop", ids["Paul Girard"], "customer withdrew the complaint", "--retire-briefs"
    )
    assert code == 0
    assert "  retired: escalation brief b-" in out
    assert json.loads(run(capsys, "brief", "list", "--json")[1])["briefs"] == []
    everything = json.loads(run(capsys, "brief", "list", "--json", "--all")[1])
    assert [(b["kind"], b["drop_reason"]) for b in everything["dropped"]] == [
        ("escalation", "follow-up dropped")
    ]
