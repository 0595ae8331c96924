"""A repeat caller's line noted on their open matter (`add --as-note`) reads its times on
the clock of the matter's executive, as `+Short` would, and says whose matter it is."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pendulum
import pytest

from planner.cli import main
from planner.storage import Store


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


@pytest.fixture
def desk(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Priya in New York (first), Lee in London; the EA in New York; Omar's matter is Lee's."""
    monkeypatch.setenv("TZ", "America/New_York")
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-12-09T08:00:00-05:00")
    ok(capsys, "exec", "add", "Priya Raman", "--timezone", "America/New_York")
    ok(capsys, "exec", "add", "Lee Okafor", "--timezone", "Europe/London")
    ok(capsys, "add", "Omar Haddad @Northwind: +lee wants the Q4 deck by tomorrow noon")


# Instants of the EA's day and night (New York), London already on the next day after
# 19:00, both midnights, a weekend, and the weeks the clocks change (US first, then UK).
INSTANTS = [
    "2026-12-09T06:00:00-05:00",
    "2026-12-09T09:00:00-05:00",
    "2026-12-09T19:30:00-05:00",
    "2026-12-09T23:59:00-05:00",
    "2026-12-10T00:00:00-05:00",
    "2026-12-12T10:00:00-05:00",
    "2027-03-15T09:00:00-04:00",
    "2027-03-28T09:00:00-04:00",
]


@pytest.mark.parametrize("instant", INSTANTS)
def test_a_note_without_plus_short_reads_by_noon_on_the_matters_executives_clock(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    desk: None,
    data_dir: Path,
    instant: str,
) -> None:
    monkeypatch.setenv("EA_PLANNER_NOW", instant)
    now = pendulum.instance(datetime.fromisoformat(instant))
    (matter,) = Store(data_dir).load().followups
    line = "Omar Haddad called again - where is the Q4 deck, by 6pm"
    dry = ok(capsys, "add", "--dry-run", "Omar Haddad called again - where is the Q4 deck")
    assert "repeat caller: Omar Haddad already has an open follow-up (Lee's):" in dry
    out = ok(capsys, "add", "--as-note", line)
    assert f"Noted on {matter.id} (Omar Haddad — wants the Q4 deck; Lee's)" in out
    (stored,) = Store(data_dir).load().followups
    promised = pendulum.instance(stored.promised_by).in_tz("Europe/London")
    # London's 18:00: the next one after now on Lee's clock
    assert (promised.hour, promised.minute) == (18, 0)
    assert promised > now
    assert promised.subtract(days=1) <= now or promised.date() > now.in_tz("Europe/London").date()
    assert "London" in out.split("re-promised:")[1]


def test_a_note_that_names_an_executive_reads_on_theirs(
    capsys: pytest.CaptureFixture[str], desk: None, data_dir: Path
) -> None:
    ok(capsys, "add", "--as-note", "Omar Haddad: +priya called again, by 6pm")
    (stored,) = Store(data_dir).load().followups
    promised = pendulum.instance(stored.promised_by).in_tz("America/New_York")
    assert (promised.hour, promised.minute) == (18, 0)


def test_a_note_on_the_executive_in_views_own_matter_is_unchanged(
    capsys: pytest.CaptureFixture[str], desk: None, data_dir: Path
) -> None:
    record = json.loads(ok(capsys, "add", "--json", "Ann Ray @Contoso: invoice wrong by 3pm"))
    out = ok(capsys, "add", "--as-note", "Ann Ray: called again, by 5pm")
    assert "Priya's" in out
    (stored,) = [f for f in Store(data_dir).load().followups if f.id == record["id"]]
    promised = pendulum.instance(stored.promised_by).in_tz("America/New_York")
    assert (promised.hour, promised.minute) == (17, 0)
    assert "New York" not in out
