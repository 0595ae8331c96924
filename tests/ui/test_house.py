"""The dashboard's house: each screen's keys act only there, a key pressed in one pane
never acts on another's row, the filter reads what the EA types, Tab completes a path."""

from __future__ import annotations

from pathlib import Path

import pendulum
from textual.pilot import Pilot
from textual.widgets import Input

from planner.storage import Store
from planner.ui.app import PlannerApp
from planner.ui.dialogs.prompt import PromptScreen
from planner.ui.screens.closeout import CloseoutScreen
from planner.ui.screens.followup import FollowUpScreen
from planner.ui.widgets.briefs import BriefPane
from planner.ui.widgets.followups import FollowUpsPane
from planner.ui.widgets.schedule import SchedulePane
from tests.ui.test_dashboard import type_text

HOLIDAY = Path(__file__).resolve().parents[1] / "calendar_import" / "fixtures" / "holidays.ics"
MONDAY = pendulum.date(2026, 11, 23)


# -- keys act only on their own screen and pane ------------------------------------


async def test_day_keys_on_the_detail_view_leave_the_dashboard_on_its_day(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("right_square_bracket", "right_square_bracket", "c", "slash")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpScreen)
        assert app.dashboard.shown_date == MONDAY
        await pilot.press("escape")
        assert app.dashboard.shown_date == MONDAY


async def test_follow_up_keys_in_the_schedule_touch_no_follow_up(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.document
        app.query_one(SchedulePane).focus()
        await pilot.press("D", "x", "E")
        await pilot.pause()
        assert not isinstance(app.screen, PromptScreen)  # no "Why drop it?"
        assert app.document == before
        assert any("Follow-ups pane" in n.message for n in app._notifications)


async def test_d_in_the_follow_ups_delivers_no_brief(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(BriefPane).move_cursor(row=1)  # a brief, but the pane is not in use
        app.query_one(FollowUpsPane).focus()
        before = app.document.briefs
        await pilot.press("d")
        await pilot.pause()
        assert app.document.briefs == before
        assert any("Brief queue" in n.message for n in app._notifications)


async def test_close_out_keys_never_reach_the_dashboard(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CloseoutScreen)
        await pilot.press("left_square_bracket", "t", "a", "slash", "g")
        await pilot.pause()
        assert isinstance(app.screen, CloseoutScreen)
        assert app.dashboard.shown_date == MONDAY


async def test_the_global_keys_work_on_every_screen(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert isinstance(app.screen, FollowUpScreen)


async def test_dashboard_keys_on_the_event_view_act_on_nothing(app: PlannerApp) -> None:
    from tests.ui.test_event_view import open_event

    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, "Board prep: Q4 numbers")
        event_view = app.screen
        before = app.document
        # Day keys, follow-up keys, and keys that open the dashboard's dialogs.
        await pilot.press("right_square_bracket", "t", "x", "n", "a", "g", "i", "c", "slash")
        await pilot.pause()
        assert app.screen is event_view
        assert app.document == before
        assert app.dashboard.shown_date == MONDAY


async def test_dashboard_keys_on_the_brief_view_act_on_nothing(app: PlannerApp) -> None:
    from tests.ui.test_brief_detail_ui import open_brief

    brief = next(b for b in app.document.briefs if b.kind == "decision")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_brief(app, pilot, brief.id)
        brief_view = app.screen
        before = app.document
        # (its own keys: s m r b d x)
        await pilot.press("left_square_bracket", "n", "p", "E", "D", "a", "c", "slash", "i", "g")
        await pilot.pause()
        assert app.screen is brief_view
        assert app.document == before
        assert app.dashboard.shown_date == MONDAY


async def test_keys_typed_into_a_dialog_are_only_typed(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")  # "How was it resolved?" for the follow-up under the cursor
        assert isinstance(app.screen, PromptScreen)
        before = app.document
        await pilot.press("right_square_bracket", "D", "a", "c", "t")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one(Input).value == "]Dact"
        assert app.document == before
        assert app.dashboard.shown_date == MONDAY


async def test_help_and_the_morning_keys_stay_on_the_help_screen(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        help_screen = app.screen
        before = app.document
        await pilot.press("right_square_bracket", "x", "a", "c", "e")
        await pilot.pause()
        assert app.screen is help_screen
        assert app.document == before
        assert app.dashboard.shown_date == MONDAY


async def test_follow_up_keys_in_the_brief_queue_touch_no_follow_up(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(BriefPane).focus()
        before = app.document
        await pilot.press("n", "p", "w", "s", "x", "E", "D")
        await pilot.pause()
        assert app.screen is app.dashboard  # no dialog opened for a follow-up
        assert app.document == before


async def test_keys_on_the_settings_screen_never_reach_the_dashboard(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("S")
        settings = app.screen
        assert type(settings).__name__ == "SettingsScreen"
        await pilot.press("right_square_bracket", "c")
        await pilot.pause()
        assert app.screen is settings
        assert app.dashboard.shown_date == MONDAY


# -- every change goes through the session: undo after an import ---------------------


async def wait_saved(app: PlannerApp, pilot: Pilot[int]) -> None:
    for _ in range(200):
        await pilot.pause(0.05)
        if app.session.pending == 0:
            return
    raise AssertionError("the change never reached the disk")


async def test_u_after_an_import_takes_back_the_import_then_the_quick_add(
    app: PlannerApp, tmp_path: Path
) -> None:
    calendar = tmp_path / "holidays.ics"
    calendar.write_bytes(HOLIDAY.read_bytes())
    store = app.store

    def on_disk() -> tuple[set[str], set[str]]:
        document = Store(store.directory).load()
        return (
            {e.title for e in document.events if e.calendar == "holidays"},
            {f.customer for f in document.followups},
        )

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Nora Quist: badge broken by tomorrow 10am")
        await pilot.press("enter")
        await wait_saved(app, pilot)
        assert "Nora Quist" in on_disk()[1]

        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one(Input).value = str(calendar)
        await pilot.press("enter")  # the file
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, PromptScreen) and "calendar" in app.screen._prompt_title:
                break
        await pilot.press("enter")  # the calendar it suggests: "holidays"
        for _ in range(100):
            await pilot.pause(0.05)
            if any(e.calendar == "holidays" for e in app.document.events):
                break
        await wait_saved(app, pilot)
        imported, customers = on_disk()
        assert "Christmas Day" in imported and "Nora Quist" in customers

        await pilot.press("u")  # the import only
        await wait_saved(app, pilot)
        assert not any(e.calendar == "holidays" for e in app.document.events)
        assert any(f.customer == "Nora Quist" for f in app.document.followups)
        assert on_disk() == (set(), customers)

        await pilot.press("u")  # then the quick-add
        await wait_saved(app, pilot)
        assert not any(f.customer == "Nora Quist" for f in app.document.followups)
        assert "Nora Quist" not in on_disk()[1]


# -- path completion -----------------------------------------------------------------


async def test_tab_accepts_the_path_completion(app: PlannerApp, tmp_path: Path) -> None:
    folder = tmp_path / "calendars"
    folder.mkdir()
    (folder / "holidays-2026.ics").write_bytes(HOLIDAY.read_bytes())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        box = app.screen.query_one(Input)
        box.value = str(folder / "hol")
        await pilot.pause(0.2)
        await pilot.press("tab")
        await pilot.pause()
        assert box.value == str(folder / "holidays-2026.ics")


# -- the filter ----------------------------------------------------------------------


async def filter_rows(app: PlannerApp, pilot: Pilot[int], text: str) -> list[str]:
    if not app.dashboard.query("#filter"):
        await pilot.press("slash")
        await pilot.pause()
    app.dashboard.query_one("#filter", Input).value = text
    await pilot.pause(0.4)
    return app.query_one(FollowUpsPane).row_keys()


def customer_of(app: PlannerApp, key: str) -> str:
    return next(f.customer for f in app.document.followups if f.id == key)


async def test_the_filter_reads_tags_with_or_without_the_hash(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        with_hash = await filter_rows(app, pilot, "#billing")
        without = await filter_rows(app, pilot, "billing")
        assert [customer_of(app, k) for k in with_hash] == ["Maria Ortiz"]
        assert with_hash == without


async def test_the_filter_searches_notes_resolutions_and_organisations(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        note = await filter_rows(app, pilot, "CFO sign-off")
        assert [customer_of(app, k) for k in note] == ["Maria Ortiz"]
        resolution = await filter_rows(app, pilot, "existing envelope")
        assert [customer_of(app, k) for k in resolution] == ["Priya Raman"]
        organisation = await filter_rows(app, pilot, "Stark")
        assert [customer_of(app, k) for k in organisation] == ["Lars Nilsen"]


async def test_the_filter_says_when_nothing_matches(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        rows = await filter_rows(app, pilot, "zebra")
        assert rows == ["empty"]
        hint = str(app.query_one(FollowUpsPane).get_row("empty")[2])
        assert "nothing matches “zebra”" in hint
        assert "a adds one" not in hint


async def test_escape_in_the_filter_box_clears_it_for_every_day_and_view(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        everyone = app.query_one(FollowUpsPane).row_keys()
        # Typed fast, Escape before the filter has even applied: nothing stays filtered.
        await pilot.press("slash", *"Maria", "escape", "v", "left_square_bracket")
        await pilot.pause(0.4)
        assert app.dashboard.filter_text == ""
        assert not app.dashboard.query_one("#filter", Input).display
        await pilot.press("right_square_bracket", "v")
        await pilot.pause(0.4)
        assert app.query_one(FollowUpsPane).row_keys() == everyone
        assert "matching" not in str(app.query_one(FollowUpsPane).border_subtitle or "")


async def test_escape_on_a_filtered_list_clears_the_filter(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        everyone = app.query_one(FollowUpsPane).row_keys()
        rows = await filter_rows(app, pilot, "Maria")
        await pilot.press("enter")  # leaves the box for the filtered list
        assert app.focused is app.query_one(FollowUpsPane)
        assert [customer_of(app, k) for k in rows] == ["Maria Ortiz"]
        await pilot.press("escape")
        await pilot.pause(0.4)
        assert app.dashboard.filter_text == ""
        assert app.query_one(FollowUpsPane).row_keys() == everyone
