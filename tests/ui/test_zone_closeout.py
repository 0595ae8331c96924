"""The close-out on a desk of executives in several zones (an EA in New York; New York,
London, Kolkata): each promise on its executive's clock with its label, re-promised on
it; and a notes box per executive, saved where `closeout --exec X --notes` saves them,
in the Markdown under their section, and read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import pendulum
from textual.widgets import Static, TextArea

from planner.ui.app import PlannerApp, create_app
from planner.ui.screens.closeout import CloseoutScreen
from planner.ui.widgets.promise_table import PromiseTable
from tests.ui.test_closeout_snapshots import prompt_input
from tests.ui.test_zone_labels import app_at
from tests.zone_desk import EA_ZONE, desk


def promise_cells(app: PlannerApp) -> dict[str, str]:
    """The close-out's promise table: the follow-up cell → the promise cell."""
    table = app.screen.query_one(PromiseTable)
    rows = [table.get_row_at(n) for n in range(table.row_count)]
    return {row[2].plain.split(" (")[0]: row[1].plain for row in rows}


async def test_the_close_out_says_each_promise_on_its_executives_clock(tmp_path: Path) -> None:
    # 18:10 in New York: Lee's 16:00 London (11:00 here), Priya's 18:30 Kolkata (08:00
    # here) and Dana's 15:00 all fell due today.
    document = desk(lee_promise="2026-12-02T16:00")
    app = app_at(tmp_path, "2026-12-02T18:10", document)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c", "2")
        await pilot.pause()
        assert isinstance(app.screen, CloseoutScreen)
        assert promise_cells(app) == {
            "Dana  Maria Ortiz": "15:00",
            "Lee   Ann Lee": "16:00 London",
            "Priya Ravi Rao": "18:30 Kolkata",
        }
        table = app.screen.query_one(PromiseTable)
        for _ in range(table.row_count):
            if table.get_row_at(table.cursor_row)[2].plain.startswith("Lee"):
                break
            await pilot.press("down")
        await pilot.pause()
        detail = app.screen.query_one("#promise-detail", Static).render()
        assert "Promised 16:00 London" in str(detail)

        # Re-promised here, "tomorrow 10am" is Lee's 10 am, as quick-add reads it.
        lee = next(f.id for f in app.document.followups if f.customer == "Ann Lee")
        original = promised_of(app, lee)
        await pilot.press("p")
        when = await prompt_input(pilot)
        when.value = "tomorrow 10am"
        await pilot.press("enter")
        await until(pilot, lambda: promised_of(app, lee) != original)
        (followup,) = [f for f in app.document.followups if f.id == lee]
        promised = pendulum.instance(followup.promised_by).in_tz("Europe/London")
        assert promised.format("YYYY-MM-DD HH:mm") == "2026-12-03 10:00"


async def until(pilot: Any, condition: Any, tries: int = 200) -> None:
    """Wait for `condition()`, a frame at a time (a bounded wait: a failure, never a hang)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("the condition was never met")


def promised_of(app: PlannerApp, followup_id: str) -> object:
    return next(f.promised_by for f in app.document.followups if f.id == followup_id)


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*("space" if c == " " else c for c in text))


async def test_each_executive_has_a_notes_box_saved_to_the_file_and_read_back(
    tmp_path: Path,
) -> None:
    # Every promise is due on Friday: the day closes at once.
    document = desk("2026-12-04T11:00", "2026-12-04T18:30", "2026-12-04T15:00")
    app = app_at(tmp_path, "2026-12-02T18:10", document)
    summary = tmp_path / "data" / "closeouts" / "2026-12-02.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c", "5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CloseoutScreen)
        labels = [str(label.render()) for label in screen.query(".notes-label")]
        assert labels == [
            "Notes for +Dana (Dana Whitfield)",
            "Notes for +Lee (Lee Okafor)",
            "Notes for +Priya (Priya Nair)",
        ]
        # The first executive's box has the focus; tab goes on to the next.
        await type_text(pilot, "board pack signed")
        await pilot.press("tab")
        await type_text(pilot, "wants the audit moved")
        await pilot.press("tab")
        await pilot.press("tab")
        await type_text(pilot, "printer fixed")
        await pilot.pause()
        preview = str(screen.query_one("#summary-body", Static).render())
        assert "wants the audit moved" in preview
        await pilot.press("ctrl+s")
        await until(pilot, summary.exists)
        (record,) = app.document.closeouts
        assert record.executive_notes == {
            "x-1": "board pack signed",
            "x-2": "wants the audit moved",
        }
        assert record.notes == "printer fixed"

    markdown = summary.read_text(encoding="utf-8")
    dana, lee, priya = (markdown.index(f"## +{x}") for x in ("Dana", "Lee", "Priya"))
    desk_notes = markdown.index("## Notes")
    assert dana < markdown.index("board pack signed") < lee
    assert lee < markdown.index("wants the audit moved") < priya
    assert desk_notes < markdown.index("printer fixed")

    # Opened again (a new dashboard on the same data): each box holds what was saved.
    again = create_app(app.store, app.clock, ea_zone=EA_ZONE, config_dir=tmp_path / "config")
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c", "5")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, CloseoutScreen)
        boxes = [area.text for area in screen.query(TextArea)]
        assert boxes == ["board pack signed", "wants the audit moved", "", "printer fixed"]


async def test_a_desk_of_one_has_one_notes_box(tmp_path: Path) -> None:
    document = desk("2026-12-04T11:00", "2026-12-04T18:30", "2026-12-04T15:00")
    one = msgspec.structs.replace(document, executives=document.executives[:1])
    app = app_at(tmp_path, "2026-12-02T18:10", one)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c", "5")
        await pilot.pause()
        assert [a.id for a in app.screen.query(TextArea)] == ["closeout-notes"]
        assert not app.screen.query(".notes-label")
