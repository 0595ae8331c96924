"""How every screen looks, frozen clock and sample day, at a small (80x24) and a roomy (120x40)
terminal: the dashboard, help, the dialogs, the detail views, settings, welcome, the palette.

The close-out's steps are in test_closeout_snapshots.py, the next-morning notes in
test_morning_ui.py; both at the same two sizes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label

from planner.clock import Clock, parse_instant
from planner.demo import sample_document
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from tests.conftest import FROZEN_ZONE
from tests.ui.conftest import SnapCompare

MORNING = "2026-11-23T11:05:00+01:00"
GOOD_MOMENT = "2026-11-23T11:15:00+01:00"
"""A good moment starts with briefs queued: the dashboard shows the alert."""

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:acme-renewal@example.com
DTSTART:20261123T150000Z
DTEND:20261123T153000Z
SUMMARY:Customer call: Acme renewal
END:VEVENT
END:VCALENDAR
"""


def fixed_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ids are random; a few screens show them (the detail view): fix them."""
    counter = iter(range(10_000))

    def fixed_id(prefix: str) -> str:
        return f"{prefix}-{next(counter):08d}"

    for module in ("planner.domain.base", "planner.demo", "planner.domain.lifecycle"):
        monkeypatch.setattr(f"{module}.new_id", fixed_id)


def demo_app(tmp_path: Path, at: str = MORNING) -> PlannerApp:
    clock = Clock(fixed=parse_instant(at, what="the snapshot's now"))
    store = Store(tmp_path / "snap")
    store.save(sample_document(clock.now(), FROZEN_ZONE))
    return create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=tmp_path / "config")


@pytest.fixture
def snapshot_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PlannerApp:
    fixed_ids(monkeypatch)
    return demo_app(tmp_path)


async def type_into(pilot: Pilot[Any], text: str) -> None:
    """Put `text` in the focused input (else the screen's first) at once, as a paste would."""
    focused = pilot.app.screen.focused
    box = focused if isinstance(focused, Input) else pilot.app.screen.query_one(Input)
    box.value = text
    await pilot.pause()


# -- the dashboard ---------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(snapshot_app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_with_an_alert(
    snap_compare: SnapCompare,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    """The alert sits over the Schedule while the EA works the Brief queue."""
    fixed_ids(monkeypatch)
    app = demo_app(tmp_path, GOOD_MOMENT)

    async def work_the_queue(pilot: Pilot[int]) -> None:
        # The alert comes up once the day is read; the keys then move the focus under it.
        for _ in range(200):
            await pilot.pause(0.05)
            if pilot.app.screen.query("Toast"):
                break
        await pilot.press("tab", "down", "down")
        await pilot.pause(0.3)
        assert pilot.app.screen.query("Toast")

    assert snap_compare(app, terminal_size=size, run_before=work_the_queue)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(snapshot_app, terminal_size=size, press=["question_mark"])


@pytest.mark.parametrize("size", SIZES)
def test_command_palette(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    async def open_palette(pilot: Pilot[int]) -> None:
        await pilot.press("ctrl+p")
        await pilot.press(*"resolve")
        await pilot.pause(0.3)  # the palette searches in a worker

    assert snap_compare(snapshot_app, terminal_size=size, run_before=open_palette)


# -- quick-add -------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_quick_add_preview(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    async def type_line(pilot: Pilot[int]) -> None:
        await pilot.press("a")
        await type_into(
            pilot,
            "Rita Moreno: invoice charged twice, wants refund @Globex by tomorrow 3pm !high "
            "#billing",
        )

    assert snap_compare(snapshot_app, terminal_size=size, run_before=type_line)


@pytest.mark.parametrize("size", SIZES)
def test_quick_add_repeat_caller(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    async def type_line(pilot: Pilot[int]) -> None:
        await pilot.press("a")
        await type_into(pilot, "Maria Ortiz: called again about the refund by tomorrow 3pm")

    assert snap_compare(snapshot_app, terminal_size=size, run_before=type_line)


@pytest.mark.parametrize("size", SIZES)
def test_quick_add_preview_with_an_error(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    async def type_line(pilot: Pilot[int]) -> None:
        await pilot.press("a")
        await type_into(pilot, "Tom Becker: call back about the contract by feb 30")

    assert snap_compare(snapshot_app, terminal_size=size, run_before=type_line)


# -- the prompts and forms -------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("steps"),
    [
        pytest.param(["n", "Finance says the refund goes out today"], id="note"),
        # Waiting on whom (a choice, step 1 of 2, naming the follow-up), then what for.
        pytest.param(["w"], id="wait-on-whom"),
        pytest.param(["w", "enter", "the order number"], id="wait-for-what"),
        # The new promise and (Tab) the optional note, in one dialog: Enter saves both.
        pytest.param(["p", "tomorrow 10am"], id="repromise"),
        pytest.param(["p", "tomorrow 10am", "tab", "told her by phone"], id="repromise-note"),
        pytest.param(["b"], id="new-brief"),
        pytest.param(["e"], id="new-event"),
        pytest.param(["g", "14:30-15:00 come by after the call"], id="good-moment"),
    ],
)
def test_dialog(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int], steps: list[str]
) -> None:
    """Keys pressed and lines typed in turn (a step longer than one key is typed)."""

    async def ask(pilot: Pilot[int]) -> None:
        await pilot.pause()  # the Follow-ups pane has the focus, its first row the cursor
        for step in steps:
            if len(step) > 1 and step not in ("enter", "tab"):
                await type_into(pilot, step)
            else:
                await pilot.press(step)
                await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=size, run_before=ask)


@pytest.mark.parametrize("size", SIZES)
def test_import_asks_which_calendar(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, tmp_path: Path, size: tuple[int, int]
) -> None:
    ics = tmp_path / "calendar (1).ics"
    ics.write_text(ICS)

    async def read_it(pilot: Pilot[int]) -> None:
        await pilot.press("i")
        await type_into(pilot, str(ics))
        await pilot.press("enter")
        # The file is read in a thread, then the same dialog sequence asks which calendar.
        for _ in range(200):
            await pilot.pause(0.05)
            titles = pilot.app.screen.query(".dialog-title")
            if titles and "Which calendar" in str(titles.first(Label).render()):
                break
        # Whether "Reading …" is still up would depend on the machine: clear it, and wait
        # until it has gone from the dashboard beneath the dialog too (a screen's toasts
        # leave on their own timer).
        pilot.app.clear_notifications()
        for _ in range(200):
            await pilot.pause(0.05)
            if not any(screen.query("Toast") for screen in pilot.app.screen_stack):
                break
        await pilot.pause(0.1)
        assert "Which calendar" in str(pilot.app.screen.query_one(".dialog-title").render())

    assert snap_compare(snapshot_app, terminal_size=size, run_before=read_it)


@pytest.mark.parametrize("size", SIZES)
def test_import_asks_for_a_file(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(snapshot_app, terminal_size=size, press=["i"])


# -- the detail views, settings, welcome -----------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_follow_up_detail(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(snapshot_app, terminal_size=size, press=["enter"])


@pytest.mark.parametrize("size", SIZES)
def test_brief_detail(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    # The Brief queue, past its "next good moment" line, to the first brief.
    assert snap_compare(snapshot_app, terminal_size=size, press=["tab", "down", "down", "enter"])


@pytest.mark.parametrize("size", SIZES)
def test_event_view(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    # The Schedule (tab twice from the Follow-ups), down to the investor call.
    keys = ["tab", "tab", *["down"] * 8, "enter"]
    assert snap_compare(snapshot_app, terminal_size=size, press=keys)


@pytest.mark.parametrize("size", SIZES)
def test_settings(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(snapshot_app, terminal_size=size, press=["S"])


@pytest.mark.parametrize("size", SIZES)
def test_welcome_screen(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    clock = Clock(fixed=parse_instant(MORNING, what="MORNING"))
    app = create_app(Store(tmp_path / "empty"), clock, ea_zone=FROZEN_ZONE)
    assert snap_compare(app, terminal_size=size)


# -- themes ----------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["ea-dark", "ea-light", "ea-high-contrast"])
def test_dashboard_in_each_shipped_theme(
    snap_compare: SnapCompare, snapshot_app: PlannerApp, theme: str
) -> None:
    async def use_theme(pilot: Pilot[int]) -> None:
        pilot.app.theme = theme
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=(120, 40), run_before=use_theme)
