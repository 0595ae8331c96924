"""`ea-planner sync` of a published .ics feed from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.sync.feed import http_url
from tests.calendar_import.helpers import run_cli, stored_events
from tests.cli.test_import_sources import BOARD, CUSTOMER, ics
from tests.sync.feed_server import Feed, serve


def subscribe(capsys: pytest.CaptureFixture[str], url: str) -> None:
    status, _, err = run_cli(capsys, "calendar", "add", "work", url)
    assert status == 0, err


def test_an_unchanged_feed_costs_one_304_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    with serve(Feed(body=ics(BOARD, CUSTOMER), gzip=True)) as feed:
        subscribe(capsys, feed.url)
        status, out, err = run_cli(capsys, "sync")
        assert (status, err) == (0, "")
        assert out.startswith('calendar "work": added 2, updated 0, removed 0, skipped 0')
        path = data_dir / "planner.json"
        before, mtime = path.read_bytes(), path.stat().st_mtime_ns

        status, out, err = run_cli(capsys, "sync", "work")
        assert (status, out, err) == (0, 'calendar "work": unchanged\n', "")
        assert feed.statuses == [200, 304]
        assert feed.headers[1]["If-None-Match"] == feed.etag
        assert feed.headers[1]["If-Modified-Since"] == feed.last_modified
        assert path.read_bytes() == before
        assert path.stat().st_mtime_ns == mtime


def test_a_changed_feed_updates_and_removes(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    with serve(Feed(body=ics(BOARD, CUSTOMER))) as feed:
        subscribe(capsys, feed.url)
        assert run_cli(capsys, "sync")[0] == 0
        feed.body = ics(BOARD.replace("T140000", "T150000"))
        status, out, _ = run_cli(capsys, "sync")
    assert status == 0
    assert "added 0, updated 1, removed 1" in out
    assert [(e["title"], e["start"]) for e in stored_events(data_dir)] == [
        ("Board meeting", "2026-11-24T15:00:00+01:00")
    ]


@pytest.mark.parametrize(
    ("served", "message"),
    [
        ({"status": 500}, "127.0.0.1 answered HTTP 500 Internal Server Error"),
        ({"status": 401}, "127.0.0.1 refused the credentials (HTTP 401)"),
        ({"body": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"}, "the calendar arrived incomplete"),
        ({"body": b"<html>Sign in</html>"}, "not an iCalendar file: it has no BEGIN:VCALENDAR"),
    ],
)
def test_a_failed_or_partial_fetch_never_removes_events(
    capsys: pytest.CaptureFixture[str], data_dir: Path, served: dict[str, object], message: str
) -> None:
    with serve(Feed(body=ics(BOARD, CUSTOMER))) as feed:
        subscribe(capsys, feed.url)
        assert run_cli(capsys, "sync")[0] == 0
        before = (data_dir / "planner.json").read_bytes()
        for key, value in served.items():
            setattr(feed, key, value)
        status, out, err = run_cli(capsys, "sync")
    assert (status, out) == (1, "")
    assert err.startswith('ea-planner: calendar "work": not synced: ')
    assert message in err
    assert err.endswith("; the schedule is unchanged\n")
    assert err.count("\n") == 1
    assert (data_dir / "planner.json").read_bytes() == before
    listed = json.loads(run_cli(capsys, "calendar", "list", "--json")[1])[0]
    assert message in listed["error"]
    assert listed["failing_since"] == "2026-11-23T10:00:00+01:00"


def test_a_new_day_reads_the_unchanged_feed_again_for_the_moved_window(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    weekly = """UID:weekly@example.com
SUMMARY:Staff meeting
DTSTART;TZID=Europe/Paris:20261123T090000
DTEND;TZID=Europe/Paris:20261123T100000
RRULE:FREQ=WEEKLY"""
    with serve(Feed(body=ics(weekly))) as feed:
        subscribe(capsys, feed.url)
        assert run_cli(capsys, "sync")[0] == 0
        count = len(stored_events(data_dir))
        monkeypatch.setenv("EA_PLANNER_NOW", "2026-12-01T10:00:00+01:00")
        status, out, _ = run_cli(capsys, "sync")
        assert feed.statuses == [200, 304]
    assert status == 0
    assert "added 1," in out  # the week that entered the window's far end
    assert len(stored_events(data_dir)) == count + 1


def test_webcal_is_https() -> None:
    assert http_url("webcal://p01-calendars.icloud.com/x.ics") == (
        "https://p01-calendars.icloud.com/x.ics"
    )
    assert http_url("http://127.0.0.1:8000/x.ics") == "http://127.0.0.1:8000/x.ics"


def test_sync_due_fetches_only_what_is_due(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.clock import Clock
    from planner.storage import Store
    from planner.sync.run import sync_due

    with serve(Feed(body=ics(BOARD))) as feed:
        subscribe(capsys, feed.url)
        store = Store(data_dir)
        assert [o.name for o in sync_due(store, Clock.from_env())] == ["work"]
        monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T10:09:00+01:00")
        assert sync_due(store, Clock.from_env()) == []
        assert [o.unchanged for o in sync_due(store, Clock.from_env(), everything=True)] == [True]
        monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T10:20:00+01:00")
        assert [o.name for o in sync_due(store, Clock.from_env())] == ["work"]
    assert feed.statuses == [200, 304, 304]


def test_a_server_that_never_answers_times_out() -> None:
    import socket
    import time

    from planner.sync.feed import FetchError, fetch_feed

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/basic.ics"
        began = time.monotonic()
        with pytest.raises(FetchError) as caught:
            fetch_feed(url, timeout=0.5)
    assert time.monotonic() - began < 5
    assert caught.value.message == "127.0.0.1: timed out after 0.5 s"
    assert caught.value.offline


def test_a_feed_over_the_size_cap_is_refused_before_and_after_gzip() -> None:
    from planner.sync.feed import FetchError, fetch_feed

    body = ics(*[BOARD.replace("board@", f"board{i}@") for i in range(200)])
    for compressed in (False, True):
        with serve(Feed(body=body, gzip=compressed)) as feed:
            with pytest.raises(FetchError, match="larger than"):
                fetch_feed(feed.url, limit=len(body) // 2)
            assert fetch_feed(feed.url, limit=len(body)).body == body
