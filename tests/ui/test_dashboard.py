"""The dashboard driven by keys, as an EA uses it: what shows, what lands on disk."""

from __future__ import annotations

import io
from pathlib import Path

import msgspec
import pendulum
import pytest
from rich.console import Console
from rich.text import Text
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input, Static

from planner.cli import main
from planner.clock import Clock
from planner.domain.document import Document
from planner.domain.lifecycle import open_followup
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.dialogs.help import HelpScreen
from planner.ui.dialogs.quick_add import QuickAddScreen
from planner.ui.screens.dashboard import DashboardScreen
from planner.ui.screens.followup import FollowUpScreen
from planner.ui.session import Change
from planner.ui.widgets.briefs import BriefPane
from planner.ui.widgets.followups import FollowUpsPane
from tests.conftest import FROZEN_ZONE
from tests.ui.waiting import until

LINE = "Ana Lima: charged twice, wants refund @Acme by tomorrow 3pm !high #billing"


def shown_text(app: PlannerApp) -> str:
    """What the screen's Static widgets show, as plain text (tables and groups included)."""
    console = Console(width=200, record=True, file=io.StringIO())
    for widget in app.screen.query(Static):
        console.print(widget.content)
    return console.export_text()


def cell_texts(pane: FollowUpsPane | BriefPane, key: str) -> list[str]:
    return [str(cell) for cell in pane.get_row(key)]


def static_text(app: PlannerApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    content = widget.render()
    return str(content)


async def type_text(pilot: Pilot[int], text: str) -> None:
    await pilot.press(*[c if c != " " else "space" for c in text])


async def test_panes_have_the_spec_titles_and_header_answers_can_i_interrupt(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [w.border_title for w in app.query("PaneTable")]
        assert titles == ["Schedule", "Follow-ups", "Brief queue"]
        status = static_text(app, "#header-status")
        # 10:00 on the sample day: the one-on-one with the EA is running (09:30-10:00 ends now),
        # whatever the phrase, it is one of SPEC.md's.
        assert any(
            status.startswith(p)
            for p in (
                "good moment now (until",
                "next good moment",
                "in ",
                "no good moment left",
                "interrupt now",
            )
        )
        assert "Dana Whitfield" in static_text(app, "#header-title")


async def test_quick_add_shows_a_live_preview_and_the_row_appears_at_once(
    empty_app: PlannerApp, store: Store
) -> None:
    app = empty_app
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, QuickAddScreen)
        await type_text(pilot, LINE)
        preview = static_text(app, "#quick-add-preview")
        assert "Ana Lima" in preview
        assert "Tue 24 Nov 15:00 (tomorrow)" in preview
        assert "complaint" in preview and "guessed" in preview
        await pilot.press("enter")
        assert not isinstance(app.screen, QuickAddScreen)
        pane = app.query_one(FollowUpsPane)
        (followup,) = app.document.followups
        assert any("Ana Lima" in text for text in cell_texts(pane, followup.id))
    # Leaving the app waits for the background writer: the follow-up is on disk.
    assert [f.customer for f in Store(store.directory).load().followups] == ["Ana Lima"]


async def test_quick_add_refuses_a_past_promise_and_escape_saves_nothing(
    empty_app: PlannerApp, store: Store
) -> None:
    app = empty_app
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Tom: call back by yesterday")
        assert "yesterday is in the past" in static_text(app, "#quick-add-preview")
        await pilot.press("enter")
        assert isinstance(app.screen, QuickAddScreen)  # still open: nothing was saved
        await pilot.press("escape")
        assert not isinstance(app.screen, QuickAddScreen)
    assert not store.path.exists()


async def test_resolve_from_the_list_then_undo_brings_it_back(
    app: PlannerApp, store: Store
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(FollowUpsPane)
        first = pane.selected_key
        assert first is not None
        await pilot.press("x")
        await type_text(pilot, "refund sent")
        await pilot.press("enter")
        await pilot.pause()
        resolved = next(f for f in app.document.followups if f.id == first)
        assert resolved.status == "resolved" and resolved.resolution == "refund sent"
        assert first not in pane.row_keys()
        await pilot.press("u")
        await pilot.pause()
        assert next(f for f in app.document.followups if f.id == first).status != "resolved"
        assert first in pane.row_keys()
        # Once saved, the undo says what it took back.
        for _ in range(100):
            await pilot.pause(0.05)
            if not app.session.pending:
                break
        await pilot.pause()
        said = [n.message for n in app._notifications if n.message.startswith("Undone")]
        assert said == [f"Undone: resolved {resolved.customer} · {resolved.organization}"]
    on_disk = next(f for f in Store(store.directory).load().followups if f.id == first)
    assert on_disk.status != "resolved"


async def test_escalate_queues_a_brief_carrying_the_facts(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(FollowUpsPane)
        target = pane.selected_key
        await pilot.press("E")
        await type_text(pilot, "needs Dana today")
        await pilot.press("enter")
        await until(
            pilot,
            lambda: any(b.followup_id == target for b in app.document.briefs),
            "the escalation brief queued",
        )
        briefs = [b for b in app.document.briefs if b.followup_id == target]
        assert briefs and briefs[0].kind == "escalation"
        assert any("needs Dana today" in fact for fact in briefs[0].facts)
        await until(
            pilot,
            lambda: briefs[0].id in app.query_one(BriefPane).row_keys(),
            "the brief in the Brief queue",
        )


async def test_enter_opens_the_detail_view_with_the_facts_log(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(FollowUpsPane).focus()
        await pilot.press("enter")
        await pilot.pause()  # the view fills its body once mounted
        assert isinstance(app.screen, FollowUpScreen)
        body = static_text(app, "#detail-body")
        assert "Facts log" in body
        assert "Finance confirms the double charge" in body
        await pilot.press("n")
        await type_text(pilot, "called her back")
        await pilot.press("enter")
        await pilot.pause()
        assert "called her back" in static_text(app, "#detail-body")
        await pilot.press("escape")
        assert not isinstance(app.screen, FollowUpScreen)


async def test_deliver_a_brief_removes_it_from_the_queue(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(BriefPane)
        pane.focus()
        await pilot.press("down")  # past the "next good moment" row
        key = pane.selected_key
        assert key and key.startswith("b-")
        await pilot.press("d")
        await pilot.pause()
        assert next(b for b in app.document.briefs if b.id == key).delivered is not None
        assert key not in pane.row_keys()


async def test_enter_on_the_good_moment_row_says_what_will_be_briefed_in_it(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(BriefPane)
        pane.focus()
        await pilot.pause()
        assert pane.selected_key == "next-moment"
        await pilot.press("enter")
        await pilot.pause()
        (said,) = [n for n in app._notifications if n.title == "Next good moment"]
        assert said.message.startswith("Good moment ")
        packing = app.dashboard.day.packing if app.dashboard.day else None
        assert packing is not None
        placed = [b for b in packing.slots if b.briefs]
        first = placed[0].briefs[0].title
        assert first in said.message, said.message
        assert app.screen is app.dashboard  # nothing opened over the dashboard


async def test_day_navigation_moves_the_date_and_t_comes_back(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket")
        assert "Tuesday 24 November 2026" in static_text(app, "#header-title")
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert "Sunday 22 November 2026" in static_text(app, "#header-title")
        await pilot.press("t")
        assert "Monday 23 November 2026" in static_text(app, "#header-title")


async def test_mark_a_good_moment_and_a_block_by_hand(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await type_text(pilot, "16:30-16:50 come by after the call")
        await pilot.press("enter")
        await pilot.press("G")
        await type_text(pilot, "13:00-14:00 budget review")
        await pilot.press("enter")
        await pilot.pause()
        marks = {(w.mark, w.note) for w in app.document.windows}
        assert marks == {("window", "come by after the call"), ("block", "budget review")}


async def test_changes_from_another_process_appear_without_losing_typed_text(
    app: PlannerApp, demo_store: Store, clock: Clock
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Half typed")
        now = clock.now().in_tz(FROZEN_ZONE)
        other = open_followup(
            customer="From Elsewhere",
            summary="added in another terminal",
            promised_by=now.add(hours=3),
            now=now,
        )
        demo_store.update(lambda d: msgspec.structs.replace(d, followups=(*d.followups, other)))
        await pilot.pause(1.5)  # one poll interval and a little
        assert any(f.id == other.id for f in app.document.followups)
        assert app.screen.query_one(Input).value == "Half typed"
        await pilot.press("escape")
        assert other.id in app.query_one(FollowUpsPane).row_keys()


async def test_untrusted_text_is_shown_literally_and_never_runs(store: Store, clock: Clock) -> None:
    now = clock.now().in_tz(FROZEN_ZONE)
    hostile = open_followup(
        customer="[bold]Mallory[/bold]",
        summary="[@click=app.quit]click me[/] and [red]red[/red]",
        promised_by=now.add(hours=2),
        now=now,
    )
    store.update(lambda d: msgspec.structs.replace(d, followups=(hostile,)))
    app = create_app(store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(FollowUpsPane)
        matter = pane.get_row(hostile.id)[2]
        assert isinstance(matter, Text)
        assert "[bold]Mallory[/bold]" in matter.plain
        assert "[@click=app.quit]click me[/]" in matter.plain
        await pilot.click(FollowUpsPane, offset=(40, 2))
        await pilot.pause()
        assert app.is_running


async def test_filter_searches_all_history_including_archives(store: Store, clock: Clock) -> None:
    now = clock.now().in_tz(FROZEN_ZONE)
    old = open_followup(
        customer="Archived Person",
        summary="old invoice matter",
        promised_by=now.subtract(days=400),
        now=now.subtract(days=401),
    )
    old = msgspec.structs.replace(
        old, status="resolved", resolution="done", updated=now.subtract(days=400)
    )
    store.update(lambda d: msgspec.structs.replace(d, followups=(old,)))
    assert store.archive_paths()  # it really lives in an archive file
    app = create_app(store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(FollowUpsPane)
        assert old.id not in pane.row_keys()
        await pilot.press("slash")
        await type_text(pilot, "invoice")
        await pilot.pause(0.3)
        assert old.id in pane.row_keys()
        assert "closed" in str(pane.get_row(old.id)[0])
        await pilot.press("escape")
        assert old.id not in pane.row_keys()


async def test_help_lists_every_binding_of_the_dashboard(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()  # every column of the help mounted
        assert isinstance(app.screen, HelpScreen)
        text = shown_text(app)
        for binding in [*DashboardScreen.BINDINGS, *PlannerApp.BINDINGS]:
            # Each action by its name (the tooltip, else the footer's description) and its id.
            assert isinstance(binding, Binding) and binding.id is not None
            assert (binding.tooltip or binding.description) in text
            assert binding.id in text


async def test_save_failure_is_reported_and_the_document_reloaded(
    app: PlannerApp, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.errors import StorageError

    def refuse(change: Change) -> Document:
        raise StorageError(
            "cannot save planner.json: the disk is full; the previous version is intact"
        )

    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(app.session.store, "update", refuse)
        before = len(app.document.followups)
        await pilot.press("a")
        await type_text(pilot, "Disk Full: try me by fri")
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert len(app.document.followups) == before
        assert any("disk is full" in n.message for n in app._notifications)


def test_the_factory_builds_the_app_from_store_and_clock(store: Store, clock: Clock) -> None:
    app = create_app(store, clock)
    assert app.store is store and app.clock is clock
    assert app.today() == pendulum.date(2026, 11, 23)
    assert app.get_default_screen().shown_date == app.today()


async def test_the_collector_held_off_for_the_start_is_back_on_after_the_first_frame(
    app: PlannerApp,
) -> None:
    import gc

    gc.unfreeze()
    gc.disable()  # as the command line does before it imports the dashboard
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()


def test_the_command_line_opens_the_dashboard_with_the_collector_held_off(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    import gc

    import planner.ui.app

    seen: list[bool] = []

    def run(*args: object, **options: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(planner.ui.app, "run", run)
    try:
        assert main(["--data-dir", str(data_dir)]) == 0
    finally:
        gc.enable()
    assert seen == [False]


async def test_keys_typed_straight_after_a_land_in_the_quick_add_line(app: PlannerApp) -> None:
    """A fast typist (or a terminal delivering several keys in one read): the keys after
    `a` arrive before the dialog's input has focus, and must still be typed into it."""
    from textual import events

    async with app.run_test() as pilot:
        await pilot.pause()
        burst = "aAna Lima: x"
        for char in burst:
            app.post_message(events.Key({" ": "space", ":": "colon"}.get(char, char), char))
        # Wait for the dialog and its line however slow the machine is: the keys must all
        # land in the line, in order, whenever the dialog comes up.
        for _ in range(100):
            await pilot.pause(0.05)
            if (
                isinstance(app.screen, QuickAddScreen)
                and app.screen.query_one(Input).value == "Ana Lima: x"
            ):
                break
        assert isinstance(app.screen, QuickAddScreen)
        assert app.screen.query_one(Input).value == "Ana Lima: x"
        await pilot.press("enter")
        await pilot.pause()
        assert any(f.customer == "Ana Lima" for f in app.document.followups)


async def test_the_dialogs_stylesheets_are_read_once_the_first_frame_is_up(
    app: PlannerApp,
) -> None:
    from pathlib import Path as _Path

    import planner.ui.app as dashboard

    ui = _Path(dashboard.__file__).parent
    async with app.run_test() as pilot:
        await pilot.pause()
        for name in dashboard.DIALOG_CSS:
            assert app.stylesheet.has_source(str((ui / name).resolve()))


async def test_keys_typed_while_the_dialog_opens_keep_their_order(app: PlannerApp) -> None:
    """Keys that arrive once the dialog is shown but before its input has focus are held
    and delivered first: none lost, none put after the ones typed once it has focus."""
    import asyncio

    from textual import events

    def type_keys(text: str) -> None:
        for char in text:
            app.post_message(events.Key({" ": "space", ":": "colon"}.get(char, char), char))

    async with app.run_test() as pilot:
        await pilot.pause()
        app.post_message(events.Key("a", "a"))
        # The window this is about: the dialog is up with its input, which has no focus yet.
        while not (isinstance(app.screen, QuickAddScreen) and app.screen.query(Input)):
            await asyncio.sleep(0)
        assert app.screen.focused is None
        type_keys("Ana")
        while not isinstance(app.screen.focused, Input):
            await asyncio.sleep(0)
        type_keys(" Lima: x")
        await pilot.pause(0.2)
        assert app.screen.query_one(Input).value == "Ana Lima: x"
