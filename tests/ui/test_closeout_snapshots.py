"""How each step of the close-out review looks: sample day, frozen clock, at 80x24 and 120x40."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from planner.clock import Clock
from planner.demo import sample_document
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from tests.conftest import FROZEN_ZONE, instant
from tests.ui.conftest import SnapCompare

MORNING = "2026-11-23T11:05:00+01:00"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def prompt_input(pilot: Pilot[Any], after: Input | None = None) -> Input:
    """The input of the dialog just asked for (not `after`, the one answered before), once it
    is on screen: a dialog sequence runs in a worker and may take a few frames."""
    for _ in range(50):
        await pilot.pause()
        inputs = pilot.app.screen.query(Input)
        if inputs and inputs.first() is not after:
            return inputs.first()
    raise AssertionError("no dialog asked for input")


@pytest.fixture
def closeout_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PlannerApp:
    # Ids are random; the summary preview shows those of unanswered promises: fix them.
    counter = iter(range(10_000))

    def fixed_id(prefix: str) -> str:
        return f"{prefix}-{next(counter):08d}"

    for module in ("planner.domain.base", "planner.demo", "planner.domain.lifecycle"):
        monkeypatch.setattr(f"{module}.new_id", fixed_id)
    monkeypatch.setattr("planner.closeout.actions.new_id", fixed_id)
    clock = Clock(fixed=instant(MORNING))
    store = Store(tmp_path / "snap")
    store.save(sample_document(clock.now(), FROZEN_ZONE))
    return create_app(store, clock, ea_zone=FROZEN_ZONE)


@pytest.mark.parametrize("size", SIZES)
def test_step_1_done_today(
    snap_compare: SnapCompare, closeout_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(closeout_app, terminal_size=size, press=["c"])


@pytest.mark.parametrize("size", SIZES)
def test_step_2_promises(
    snap_compare: SnapCompare, closeout_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(closeout_app, terminal_size=size, press=["c", "n"])


@pytest.mark.parametrize("size", SIZES)
def test_step_2_after_a_repromise(
    snap_compare: SnapCompare, closeout_app: PlannerApp, size: tuple[int, int]
) -> None:
    async def repromise(pilot: Pilot[int]) -> None:
        await pilot.press("c", "n", "p")
        promise = await prompt_input(pilot)  # the time; the note is in the same dialog
        promise.value = "tomorrow 10am"
        pilot.app.screen.query_one(
            "#field-note", Input
        ).value = "told her by phone; finance needs a day"
        await pilot.press("enter")
        # "Re-promised …" is said once the change is on disk.
        for _ in range(100):
            await pilot.pause(0.05)
            if not closeout_app.session.pending:
                break
        await pilot.pause()

    assert snap_compare(closeout_app, terminal_size=size, run_before=repromise)


@pytest.mark.parametrize("size", SIZES)
def test_step_2_repromise_prompt(
    snap_compare: SnapCompare, closeout_app: PlannerApp, size: tuple[int, int]
) -> None:
    async def ask(pilot: Pilot[int]) -> None:
        await pilot.press("c", "n", "p")
        (await prompt_input(pilot)).value = "tomorrow 10am"
        await pilot.pause()

    assert snap_compare(closeout_app, terminal_size=size, run_before=ask)


@pytest.mark.parametrize("size", SIZES)
def test_step_3_still_to_tell(
    snap_compare: SnapCompare, closeout_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(closeout_app, terminal_size=size, press=["c", "n", "n"])


@pytest.mark.parametrize("size", SIZES)
def test_step_4_tomorrow(
    snap_compare: SnapCompare, closeout_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(closeout_app, terminal_size=size, press=["c", "n", "n", "n"])


@pytest.mark.parametrize("size", SIZES)
def test_step_5_notes_and_summary(
    snap_compare: SnapCompare, closeout_app: PlannerApp, size: tuple[int, int]
) -> None:
    async def write_notes(pilot: Pilot[int]) -> None:
        await pilot.press("c", "5")
        await pilot.press(*"Acme QBR went well")
        await pilot.pause()

    assert snap_compare(closeout_app, terminal_size=size, run_before=write_notes)


@pytest.mark.parametrize("size", SIZES)
def test_refused_close_lists_the_promises_on_step_2(
    snap_compare: SnapCompare, closeout_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(closeout_app, terminal_size=size, press=["c", "5", "ctrl+s"])
