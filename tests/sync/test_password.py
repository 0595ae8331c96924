"""A password that cannot be had is a failed sync: exit 1, one line, the schedule kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.calendar_import.helpers import run_cli, stored_events
from tests.cli.test_import_sources import BOARD, ics
from tests.sync.feed_server import Feed, serve


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("command fails", "the password command failed (exit status 1)"),
        ("command prints nothing", "the password command printed no password"),
        (
            "variable unset",
            "the environment variable EA_TEST_FEED_PASSWORD (its password) is not set",
        ),
    ],
)
def test_a_password_that_cannot_be_had_is_exit_1_and_keeps_the_schedule(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    message: str,
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("pw\n")
    monkeypatch.setenv("EA_TEST_FEED_PASSWORD", "pw")
    if how.startswith("command"):
        option = ("--password-command", f"cat {secret}")
    else:
        option = ("--password-env", "EA_TEST_FEED_PASSWORD")
    with serve(Feed(body=ics(BOARD))) as feed:
        status, _, err = run_cli(
            capsys, "calendar", "add", "work", feed.url, "--username", "dana", *option
        )
        assert status == 0, err
        assert run_cli(capsys, "sync")[0] == 0
        before = stored_events(data_dir)
        if how == "command fails":
            secret.unlink()
        elif how == "command prints nothing":
            secret.write_text("")
        else:
            monkeypatch.delenv("EA_TEST_FEED_PASSWORD")
        feed.body = ics()
        status, out, err = run_cli(capsys, "sync")
        assert feed.statuses == [200]
    assert (status, out) == (1, "")
    assert err == f'ea-planner: calendar "work": not synced: {message}; the schedule is unchanged\n'
    assert stored_events(data_dir) == before
    assert [e["title"] for e in before] == ["Board meeting"]
