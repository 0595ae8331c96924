"""A promise paused while waiting on the customer stands still on screen: `today` shows
it as paused with the time it was made for, not a time sliding later with every minute
(and every night) awaited; on resume it moves by the time waited, as designed."""

from __future__ import annotations

import json

import pytest

from planner.cli import main


def run(capsys: pytest.CaptureFixture[str], now: str, *argv: str) -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EA_PLANNER_NOW", now)
        assert main(list(argv)) == 0
    return capsys.readouterr().out


def line_of(out: str, customer: str) -> str:
    return next(line for line in out.splitlines() if customer in line)


def test_a_paused_promise_does_not_slide_while_awaited(
    capsys: pytest.CaptureFixture[str],
) -> None:
    added = run(
        capsys,
        "2026-11-23T10:00:00+01:00",
        "add",
        "--json",
        "Jenny Ruiz @Fabrikam: contract redlines by tomorrow 11am",
    )
    jenny = json.loads(added)["id"]
    run(capsys, "2026-11-23T10:40:00+01:00", "wait", jenny, "customer", "her legal team")
    seen = [
        line_of(run(capsys, now, "today"), "Jenny Ruiz")
        for now in ("2026-11-23T10:45:00+01:00", "2026-11-23T10:50:00+01:00")
    ]
    assert seen[0] == seen[1]
    assert "paused · was Tue 24 Nov 11:00 (tomorrow)" in seen[0]
    overnight = line_of(run(capsys, "2026-11-24T08:40:00+01:00", "today"), "Jenny Ruiz")
    assert "paused · was Tue 24 Nov 11:00 (today)" in overnight
    # Resumed at 11:40 after 1 h awaited: the promise moves later by exactly that hour.
    run(capsys, "2026-11-23T11:40:00+01:00", "resume", jenny)
    shown = json.loads(run(capsys, "2026-11-23T11:45:00+01:00", "show", jenny, "--json"))
    assert shown["promised_by"].startswith("2026-11-24T12:00:00")
