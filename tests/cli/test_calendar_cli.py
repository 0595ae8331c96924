"""`ea-planner calendar add|list|remove`: subscriptions, and never a secret on screen or disk."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.calendar_import.helpers import run_cli, stored_events
from tests.cli.test_import_sources import BOARD, ics
from tests.sync.feed_server import Feed, serve

GOOGLE = (
    "https://calendar.google.com/calendar/ical/dana%40example.com/"
    "private-3f9a2b7c1d4e5f60718293a4b5c6d7e8/basic.ics"
)
OUTLOOK = (
    "https://outlook.office365.com/owa/calendar/4b1c0e5a9d7f4f3c8e2a1b6c5d4e3f2a@example.com/"
    "9f8e7d6c5b4a39281706f5e4d3c2b1a0123456789/calendar.ics"
)


def test_add_then_list_shows_where_and_how_but_no_secret(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, out, err = run_cli(capsys, "calendar", "add", "google", GOOGLE)
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == (
        'subscribed to "google": .ics feed, https://calendar.google.com/calendar/ical/'
        "dana%40example.com/private-3f9a…/basic.ics, every 10 min"
    )
    assert run_cli(capsys, "calendar", "add", "outlook", OUTLOOK, "--every", "5")[0] == 0
    status, out, _ = run_cli(
        capsys,
        "calendar",
        "add",
        "work",
        "https://cal.example.com/dav/dana/work/",
        "--caldav",
        "--username",
        "dana",
        "--password-command",
        "pass show work/caldav",
    )
    assert status == 0
    status, out, _ = run_cli(capsys, "calendar", "list", "--json")
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["google", "outlook", "work"]
    assert rows[1]["url"] == (
        "https://outlook.office365.com/owa/calendar/"
        "4b1c0e5a9d7f4f3c8e2a1b6c5d4e3f2a@example.com/9f8e…/calendar.ics"
    )
    assert rows[2] == {
        "name": "work",
        "url": "https://cal.example.com/dav/dana/work/",
        "type": "caldav",
        "username": "dana",
        "password": "command: pass show work/caldav",
        "every": 10,
        "synced": None,
        "error": None,
        "failing_since": None,
    }
    status, out, _ = run_cli(capsys, "calendar", "list")
    assert "private-3f9a2b" not in out and "9f8e7d6c5b4a" not in out
    assert "work  CalDAV, https://cal.example.com/dav/dana/work/, as dana" in out
    assert "never synced" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["work", "ftp://example.com/x.ics"], "is not an http://, https:// or webcal:// address"),
        (["work", "not a url"], "is not an http://, https:// or webcal:// address"),
        (["work", "https://dana:hunter2@example.com/x.ics"], "the address holds a password"),
        (["work", "webcal://example.com/x", "--caldav"], "a CalDAV address starts with https://"),
        (["work", "https://example.com/x.ics", "--every", "0"], "--every must be between"),
        (["work", "https://example.com/x.ics", "--password-env", "A B"], "is not a variable"),
    ],
)
def test_bad_subscriptions_are_refused_with_exit_2(
    capsys: pytest.CaptureFixture[str], data_dir: Path, argv: list[str], message: str
) -> None:
    status, out, err = run_cli(capsys, "calendar", "add", *argv)
    assert (status, out) == (2, "")
    assert message in err
    assert err.count("\n") == 1
    assert "hunter2" not in err
    assert not (data_dir / "planner.json").exists()


def test_a_second_calendar_of_the_same_name_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_cli(capsys, "calendar", "add", "work", "https://example.com/a.ics")[0] == 0
    status, _, err = run_cli(capsys, "calendar", "add", "work", "https://example.com/b.ics")
    assert status == 2
    assert 'a calendar named "work" is already subscribed' in err


def test_remove_unsubscribes_and_removes_its_events_and_cache(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    with serve(Feed(body=ics(BOARD))) as feed:
        assert run_cli(capsys, "calendar", "add", "work", feed.url)[0] == 0
        assert run_cli(capsys, "sync")[0] == 0
    hand = ("event", "add", "Lunch", "--start", "2026-11-24 12:30", "--minutes", "60")
    assert run_cli(capsys, *hand)[0] == 0
    assert len(stored_events(data_dir)) == 2
    assert list((data_dir / "sync").glob("work-*.ics"))
    status, out, _ = run_cli(capsys, "calendar", "remove", "work")
    assert (status, out) == (0, 'unsubscribed from "work"; removed its 1 event\n')
    assert [(e["title"], e["calendar"]) for e in stored_events(data_dir)] == [("Lunch", None)]
    assert not list((data_dir / "sync").glob("work-*"))
    assert json.loads(run_cli(capsys, "calendar", "list", "--json")[1]) == []
    status, _, err = run_cli(capsys, "calendar", "remove", "work")
    assert status == 2
    assert 'no calendar named "work"' in err


def test_sync_with_no_subscriptions_says_how_to_add_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run_cli(capsys, "sync")
    assert status == 0
    assert "calendar add NAME URL" in out


def test_calendar_and_sync_do_not_import_textual_or_network_libraries() -> None:
    import subprocess

    code = (
        "import sys; from planner.cli import main; main(['calendar', 'list']); "
        "bad = [m for m in ('textual', 'caldav', 'niquests', 'urllib.request', 'lxml') "
        "if m in sys.modules]; print(bad)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
