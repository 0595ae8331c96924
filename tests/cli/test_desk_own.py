"""Whose a captured follow-up is: a line that names no one is the executive's in view (on
a desk of one, that executive's), the desk's own only when said (`+desk`, `--exec desk`);
and adding a second executive gives the first the follow-ups of no executive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.storage import Store


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


@pytest.fixture
def dana(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-12-01T13:55:00+00:00")
    ok(capsys, "exec", "add", "Dana Whitfield", "--timezone", "America/New_York")


def owner(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    record = json.loads(ok(capsys, "add", "--json", *argv))
    return str(record["executive"])


def test_on_a_desk_of_one_a_line_naming_no_one_is_the_executives(
    capsys: pytest.CaptureFixture[str], dana: None
) -> None:
    assert owner(capsys, "Marcus Bell @Contoso: invoice wrong by 3pm") == "x-1"
    assert owner(capsys, "Lena Park: rebook the flight +desk by 4pm") == ""
    assert owner(capsys, "--exec", "desk", "Jo Kim: parking pass by 5pm") == ""
    out = ok(capsys, "add", "Ravi Shah: badge renewal +desk by 5pm")
    assert "for:      the desk's own (no executive)" in out
    assert "+desk" not in out.split("summary:")[1].splitlines()[0]


def test_adding_a_second_executive_gives_the_first_the_follow_ups_of_no_one(
    capsys: pytest.CaptureFixture[str], dana: None, data_dir: Path
) -> None:
    ok(capsys, "add", "Marcus Bell @Contoso: invoice wrong by 3pm")
    ok(capsys, "add", "Jenny Ruiz @Fabrikam: contract redlines by 4pm")
    # Saved as no one's (as an earlier version wrote a line that named no one).
    store = Store(data_dir)
    import msgspec

    document = store.load()
    store.save(
        msgspec.structs.replace(
            document,
            followups=tuple(msgspec.structs.replace(f, executive="") for f in document.followups),
        )
    )
    ids = [f.id for f in store.load().followups]
    out = ok(capsys, "exec", "add", "Lee Okafor", "--timezone", "Europe/London")
    assert "Added +Lee (Lee Okafor)" in out
    assert "2 follow-ups of no executive, captured when +Dana (Dana Whitfield) was the" in out
    assert ", ".join(ids) in out
    assert {f.executive for f in store.load().followups} == {"x-1"}
    listing = ok(capsys, "exec", "list")
    assert "2 open follow-ups" in listing.split("+Lee")[0]
    assert "0 open follow-ups" in listing.split("+Lee")[1]
    lee = ok(capsys, "today", "--exec", "lee")
    assert "Marcus Bell" not in lee and "Jenny Ruiz" not in lee
    # A third executive gives nothing: the desk's own on a desk of several stays its own.
    ok(capsys, "add", "Ravi Shah: badge renewal +desk by 5pm")
    out = ok(capsys, "exec", "add", "Ann Lee", "--short", "Ann")
    assert "no executive" not in out
    assert [f.executive for f in store.load().followups if f.customer == "Ravi Shah"] == [""]
