"""Each subscribed calendar belongs to one executive: `calendar add --exec`, and the events
a sync (from a real HTTP server on 127.0.0.1) or an import brings carry that executive,
read in their zone; each executive's day shows only their own calendars' events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.calendar_import.helpers import run_cli, stored_events
from tests.cli.test_import_sources import BOARD, CUSTOMER, ics
from tests.sync.feed_server import Feed, serve

FLOATING = """UID:standup@example.com
SUMMARY:Stand-up
DTSTART:20261124T093000
DTEND:20261124T094500"""
"""A floating time: 09:30 in the zone of whoever's calendar it is."""


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run_cli(capsys, *argv)
    assert status == 0, err
    return out


@pytest.fixture
def two(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    ok(capsys, "exec", "add", "Dana Whitfield", "--timezone", "Europe/Paris")
    ok(capsys, "exec", "add", "Lee Okafor", "--timezone", "America/New_York")
    listing = json.loads(ok(capsys, "exec", "list", "--json"))["executives"]
    return {x["short"]: x["id"] for x in listing}


def test_a_subscribed_calendar_s_events_carry_its_executive(
    capsys: pytest.CaptureFixture[str], data_dir: Path, two: dict[str, str]
) -> None:
    with (
        serve(Feed(body=ics(BOARD, FLOATING))) as dana_feed,
        serve(Feed(body=ics(CUSTOMER, FLOATING.replace("standup", "lee-standup")))) as lee_feed,
    ):
        ok(capsys, "calendar", "add", "dana-work", dana_feed.url)
        out = ok(capsys, "calendar", "add", "lee-work", lee_feed.url, "--exec", "lee")
        assert 'subscribed to "lee-work" for +Lee (Lee Okafor)' in out
        listing = json.loads(ok(capsys, "calendar", "list", "--json"))
        assert [(c["name"], c["executive"]) for c in listing] == [
            ("dana-work", two["Dana"]),
            ("lee-work", two["Lee"]),
        ]
        ok(capsys, "sync")
        # Only Lee's calendar: --exec picks the executive's subscriptions.
        out = ok(capsys, "sync", "--exec", "lee")
        assert 'calendar "lee-work"' in out and "dana-work" not in out
    events = {e["uid"]: e for e in stored_events(data_dir)}
    assert events["board@example.com"]["executive"] == two["Dana"]
    assert events["customer@example.com"]["executive"] == two["Lee"]
    # The floating stand-up is read in its own executive's zone.
    assert events["standup@example.com"]["start"] == "2026-11-24T09:30:00+01:00"
    assert events["lee-standup@example.com"]["start"] == "2026-11-24T09:30:00-05:00"
    lee_day = json.loads(ok(capsys, "today", "--json", "--exec", "lee", "--date", "2026-11-24"))
    assert [e["title"] for e in lee_day["events"]] == ["Stand-up"]
    dana_day = json.loads(ok(capsys, "today", "--json", "--date", "2026-11-24"))
    assert sorted(e["title"] for e in dana_day["events"]) == ["Board meeting", "Stand-up"]


def test_an_import_goes_to_the_executive_named_or_the_calendar_s_owner(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, two: dict[str, str]
) -> None:
    path = tmp_path / "lee.ics"
    path.write_bytes(ics(FLOATING))
    ok(capsys, "import", str(path), "--calendar", "lee-home", "--exec", "lee")
    (event,) = stored_events(data_dir)
    assert event["executive"] == two["Lee"]
    assert event["start"] == "2026-11-24T09:30:00-05:00"
    # Re-imported without --exec: the calendar is Lee's already.
    path.write_bytes(ics(FLOATING.replace("Stand-up", "Stand-up (moved)")))
    ok(capsys, "import", str(path), "--calendar", "lee-home")
    (event,) = stored_events(data_dir)
    assert (event["title"], event["executive"]) == ("Stand-up (moved)", two["Lee"])


def test_the_eas_one_on_one_with_an_executive_is_recognised_by_its_title(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, two: dict[str, str]
) -> None:
    ok(capsys, "exec", "edit", "lee", "--one-on-one", "Lee / Sam weekly")
    path = tmp_path / "lee.ics"
    weekly = FLOATING.replace("Stand-up", "Lee /  Sam WEEKLY").replace("standup", "weekly")
    path.write_bytes(ics(FLOATING, weekly))
    ok(capsys, "import", str(path), "--calendar", "lee-home", "--exec", "lee")
    kinds = {e["uid"]: (e["kind"], e["with_ea"]) for e in stored_events(data_dir)}
    assert kinds["weekly@example.com"] == ("one-on-one", True)
    assert kinds["standup@example.com"] == ("meeting", False)
