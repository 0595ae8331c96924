"""`--date` reads the same day words on every command (planner.when.parse_day)."""

from __future__ import annotations

import datetime
import json

import pytest

from planner.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# The frozen clock is Monday 23 November 2026, 10:00 in Paris.
@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("tomorrow", "2026-11-24"),
        ("Tomorrow", "2026-11-24"),
        ("yesterday", "2026-11-22"),
        ("fri", "2026-11-27"),
        ("next week", "2026-11-30"),
        ("nov 30", "2026-11-30"),
        ("20 nov", "2026-11-20"),
        ("2026-12-31", "2026-12-31"),
    ],
)
def test_every_date_option_reads_the_same_day(
    capsys: pytest.CaptureFixture[str], words: str, day: str
) -> None:
    status, out, err = run(capsys, "today", "--date", words, "--json")
    assert status == 0, err
    assert json.loads(out)["date"] == day
    status, out, err = run(capsys, "agenda", "--date", words, "--days", "1", "--json")
    assert status == 0, err
    assert [d["date"] for d in json.loads(out)["days"]] == [day]

    value = datetime.date.fromisoformat(day)
    long, short = f"{value:%A %d %B %Y}", f"{value:%a %d %b %Y}"
    for argv, heading in (
        (["moment", "list"], f"Marks on {short}"),
        (["event", "list"], long),
        (["closeout"], long),
    ):
        status, out, err = run(capsys, *argv, "--date", words)
        assert status == 0, (argv, err)
        assert heading in out, (argv, out)


def test_moment_add_places_clock_times_on_the_date_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run(capsys, "moment", "add", "14:30", "15:00", "--date", "tomorrow")
    assert status == 0, err
    status, out, _ = run(capsys, "today", "--date", "2026-11-24", "--json")
    (window,) = [w for w in json.loads(out)["windows"] if w["start"].endswith("14:30:00+01:00")]
    assert window["start"] == "2026-11-24T14:30:00+01:00"


@pytest.mark.parametrize(
    "argv", [["today"], ["agenda"], ["closeout"], ["moment", "list"], ["event", "list"]]
)
def test_a_bad_day_is_refused_the_same_way_everywhere(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, *argv, "--date", "tomorrow-ish")
    assert status == 2
    assert out == ""
    assert err.strip() == (
        "ea-planner: --date: 'tomorrow-ish' is not a date "
        "(e.g. today, tomorrow, fri, nov 24, 2026-11-24)"
    )
