"""The close-out of a desk of two executives (New York and London): one review with a
section per executive, every promise in one table marked with whose it is, and the day
closed (summary on disk) once each executive's promises are answered."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from planner.clock import Clock
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.screens.closeout import CloseoutScreen
from planner.ui.widgets.promise_table import PromiseTable
from tests.conftest import FROZEN_ZONE, instant
from tests.ui.desk import LEE, NOW, two_executives


@pytest.fixture
def desk_app(store: Store, config_dir: Path) -> PlannerApp:
    store.save(two_executives())
    clock = Clock(fixed=instant(NOW))
    return create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)


def text(app: PlannerApp, selector: str) -> str:
    """The widget's text as shown (a step's body may be a group of tables)."""
    content = app.screen.query_one(selector, Static).content
    if isinstance(content, str):
        return content
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


def followup_cells(app: PlannerApp) -> list[str]:
    table = app.screen.query_one(PromiseTable)
    return [table.get_row_at(n)[2].plain for n in range(table.row_count)]


async def keep_all(pilot: Pilot[int], count: int) -> None:
    for _ in range(count):
        await pilot.press("K", "j")
        await pilot.pause()


async def test_the_close_out_has_a_section_per_executive_and_closes_for_the_desk(
    desk_app: PlannerApp, store: Store
) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(desk_app.screen, CloseoutScreen)
        await pilot.press("2")
        await pilot.pause()
        # Dana's promise (17:00 in New York) and Lee's (14:10 in London), each marked; the
        # desk's own follow-up (due tomorrow) is not due.
        rows = followup_cells(desk_app)
        assert [r.split()[0] for r in rows] == ["Dana", "Lee"]
        assert "Maria Ortiz" in rows[0] and "Tom Becker" in rows[1]
        assert "2 promises still need an answer" in text(desk_app, "#promise-remaining")

        await pilot.press("3")
        await pilot.pause()
        tell = text(desk_app, "#tell-body")
        assert "+Dana (Dana Whitfield) · America/New_York" in tell
        assert "+Lee (Lee Okafor) · Europe/London" in tell
        assert tell.index("Board pack is late") < tell.index("+Lee (Lee Okafor)")
        assert tell.index("Supplier call went well") > tell.index("+Lee (Lee Okafor)")

        await pilot.press("5")
        await pilot.pause()
        summary = text(desk_app, "#summary-body")
        assert "## +Dana (Dana Whitfield) · America/New_York" in summary
        assert "## +Lee (Lee Okafor) · Europe/London" in summary

        # Refused while any executive's promise is unanswered.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not any(c.closed for c in desk_app.document.closeouts)
        await keep_all(pilot, 2)
        await pilot.press("5")
        await pilot.press("ctrl+s")
        await desk_app.workers.wait_for_complete()
        await pilot.pause()
        (record,) = desk_app.document.closeouts
        assert record.closed
    markdown = (store.directory / "closeouts" / "2026-11-23.md").read_text(encoding="utf-8")
    assert "## +Dana (Dana Whitfield) · America/New_York" in markdown
    assert f"## +{LEE.short} (Lee Okafor) · Europe/London" in markdown
    assert markdown.index("Maria Ortiz") < markdown.index("## +Lee") < markdown.index("Tom Becker")


async def test_the_close_out_is_the_desks_whichever_executive_is_in_view(
    desk_app: PlannerApp,
) -> None:
    # With Lee's view selected, `c` still reviews the whole desk, and says so.
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        while desk_app.dashboard.in_view != LEE.id:
            await pilot.press("v")
            await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(desk_app.screen, CloseoutScreen)
        header = text(desk_app, "#closeout-header")
        assert "the whole desk: +Dana, +Lee" in header
        await pilot.press("2")
        await pilot.pause()
        assert [r.split()[0] for r in followup_cells(desk_app)] == ["Dana", "Lee"]
        await pilot.press("3")
        await pilot.pause()
        tell = text(desk_app, "#tell-body")
        assert "+Dana (Dana Whitfield)" in tell and "+Lee (Lee Okafor)" in tell
