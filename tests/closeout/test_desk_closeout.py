"""One close-out for a desk of two executives (New York and London): a section per
executive, each in their own zone from their own records; the day closes only when both
executives' promises are addressed; the Markdown is saved as with one executive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.storage import Store

MONDAY_EVENING = "2026-11-23T23:30:00+00:00"
"""18:30 in New York, 23:30 in London."""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run(capsys, *argv)
    assert status == 0, err
    return out


@pytest.fixture
def desk(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T08:00:00+00:00")
    ok(capsys, "exec", "add", "Dana Whitfield", "--timezone", "America/New_York")
    ok(capsys, "exec", "add", "Lee Okafor", "--timezone", "Europe/London")
    ids = {}
    for name, line in (
        ("omar", "Omar Haddad: wants the Q4 deck +dana by today 3pm"),
        ("ann", "Ann Berg: invoice question +lee by today noon"),
        ("tom", "Tom Ruiz: the contract copy +dana by tomorrow 10am"),
    ):
        ids[name] = json.loads(ok(capsys, "add", "--json", line))["id"]
    ok(capsys, "brief", "add", "Board pack is late", "--exec", "dana", "--solution", "Tue")
    ok(capsys, "brief", "add", "Supplier call went well", "--exec", "lee", "--kind", "good-news")
    ok(
        capsys,
        "event",
        "add",
        "Ops review",
        "--exec",
        "lee",
        "--start",
        "2026-11-24 09:00",
        "--minutes",
        "60",
    )
    monkeypatch.setenv("EA_PLANNER_NOW", MONDAY_EVENING)
    return ids


def test_the_summary_has_a_section_per_executive_in_their_own_zone(
    capsys: pytest.CaptureFixture[str], desk: dict[str, str]
) -> None:
    text = ok(capsys, "closeout", "--date", "2026-11-23")
    assert text.startswith("# Close-out — Monday 23 November 2026\n\nNot closed yet: 2 promises")
    dana = text.index("## +Dana (Dana Whitfield) · America/New_York")
    lee = text.index("## +Lee (Lee Okafor) · Europe/London")
    notes = text.index("\n## Notes")
    assert dana < lee < notes
    dana_part, lee_part = text[dana:lee], text[lee:notes]
    assert "### Promises" in dana_part and "### Tomorrow" in dana_part
    assert "Omar Haddad" in dana_part and "Ann Berg" not in dana_part
    assert "Ann Berg" in lee_part and "Omar Haddad" not in lee_part
    # Each one's promise in their own zone's time.
    assert "15:00" in dana_part and "12:00" in lee_part
    assert "Board pack is late" in dana_part and "Supplier call went well" in lee_part
    assert "Ops review" in lee_part and "Ops review" not in dana_part
    # Tomorrow's promise is Dana's.
    assert "Tom Ruiz" in dana_part


def test_the_day_closes_only_when_every_executives_promises_are_addressed(
    capsys: pytest.CaptureFixture[str], data_dir: Path, desk: dict[str, str]
) -> None:
    status, _, err = run(capsys, "closeout", "--close")
    assert status == 2
    assert "+Dana (Dana Whitfield): cannot close" in err and desk["omar"] in err
    assert "+Lee (Lee Okafor): cannot close" in err and desk["ann"] in err
    status, _, err = run(capsys, "closeout", "--keep", desk["omar"], "--close")
    assert status == 2 and desk["ann"] in err and "+Dana" not in err
    status, text, err = run(
        capsys, "closeout", "--keep", desk["omar"], "--keep", desk["ann"], "--close"
    )
    assert status == 0, err
    saved = (data_dir / "closeouts" / "2026-11-23.md").read_text()
    assert saved == text
    assert text.startswith("# Close-out — Monday 23 November 2026\n\nClosed ")
    document = Store(data_dir).load()
    (record,) = document.closeouts
    assert record.closed and record.summary == text
    assert desk["tom"] in record.due_next
    assert len(record.carried) == 2
    # Closed: the saved summary is what prints.
    assert ok(capsys, "closeout", "--date", "2026-11-23") == text


def test_notes_about_one_executives_day(
    capsys: pytest.CaptureFixture[str], data_dir: Path, desk: dict[str, str]
) -> None:
    keeps = ["--keep", desk["omar"], "--keep", desk["ann"]]
    ok(capsys, "closeout", *keeps, "--close", "--notes", "quiet desk")
    ok(capsys, "closeout", "--close", "--exec", "lee", "--notes", "Lee flies Thursday")
    (record,) = Store(data_dir).load().closeouts
    assert record.notes == "quiet desk"
    lee = Store(data_dir).load().roster[1].id
    assert record.executive_notes == {lee: "Lee flies Thursday"}
    text = (data_dir / "closeouts" / "2026-11-23.md").read_text()
    lee_part = text[text.index("## +Lee") : text.index("\n## Notes")]
    assert "### Notes\n\nLee flies Thursday" in lee_part
    assert text.endswith("## Notes\n\nquiet desk\n")


def test_exec_prints_one_executives_part(
    capsys: pytest.CaptureFixture[str], desk: dict[str, str]
) -> None:
    text = ok(capsys, "closeout", "--exec", "lee")
    assert "Ann Berg" in text and "Omar Haddad" not in text
    value = json.loads(ok(capsys, "closeout", "--json"))
    assert [x["short"] for x in value["executives"]] == ["Dana", "Lee"]
    assert {p["id"] for p in value["promises"]} == {desk["omar"], desk["ann"]}
    assert value["can_close"] is False
