"""Each remaining dashboard key, driven as a user would, checked in memory and on disk."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Label, Static

from planner.storage import Store
from planner.ui.app import PlannerApp
from planner.ui.dialogs.choice import ChoiceScreen
from planner.ui.dialogs.form import FormScreen
from planner.ui.dialogs.prompt import PromptScreen
from planner.ui.widgets.briefs import BriefPane
from planner.ui.widgets.followups import FollowUpsPane
from planner.ui.widgets.schedule import SchedulePane

HOLIDAY = Path(__file__).resolve().parents[1] / "calendar_import" / "fixtures" / "holidays.ics"


def set_input(app: PlannerApp, value: str) -> None:
    """Fill the focused dialog's input at once (typing is covered elsewhere, and slow)."""
    app.screen.query_one(Input).value = value


def selected(app: PlannerApp) -> str:
    key = app.query_one(FollowUpsPane).selected_key
    assert key is not None
    return key


async def test_p_repromises_with_a_note_and_keeps_the_old_promise_in_the_log(
    app: PlannerApp, store: Store
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        target = selected(app)
        old = next(f for f in app.document.followups if f.id == target).promised_by
        await pilot.press("p")
        # One dialog, both fields: the time, then (Tab) the optional note.
        assert isinstance(app.screen, FormScreen)
        customer = next(f for f in app.document.followups if f.id == target).customer
        assert customer in str(app.screen.query_one(".dialog-context", Static).content)
        app.screen.query_one("#field-when", Input).value = "tomorrow 10am"
        app.screen.query_one("#field-note", Input).value = "told her by phone"
        await pilot.pause()
        assert "Tue 24 Nov 10:00" in str(app.screen.query_one("#form-error", Static).content)
        await pilot.press("enter")
        await pilot.pause()
    saved = next(f for f in Store(store.directory).load().followups if f.id == target)
    assert saved.promised_by.isoformat() == "2026-11-24T10:00:00+01:00"
    assert saved.log[-1].action == "re-promised"
    assert saved.log[-1].old_promise == old
    assert saved.log[-1].text == "told her by phone"


async def test_p_snoozes_by_a_short_delay_and_a_refusal_says_what_works(
    app: PlannerApp, store: Store
) -> None:
    """The field test: `30 min` (and `1h`, `+30m`, `in 30`) were refused when snoozing."""
    async with app.run_test(size=(120, 40)) as pilot:
        target = selected(app)
        await pilot.press("p")
        assert isinstance(app.screen, FormScreen)
        when = app.screen.query_one("#field-when", Input)
        when.value = "after lunch"
        await pilot.pause()
        refused = str(app.screen.query_one("#form-error", Static).content)
        assert "try '30 min', '1h', '2pm', 'tomorrow 10am'" in refused
        when.value = "30 min"
        await pilot.pause()
        assert "Mon 23 Nov 10:30" in str(app.screen.query_one("#form-error", Static).content)
        await pilot.press("enter")
        await pilot.pause()
    saved = next(f for f in Store(store.directory).load().followups if f.id == target)
    assert saved.promised_by.isoformat() == "2026-11-23T10:30:00+01:00"


async def test_keys_typed_after_the_repromise_enter_act_on_the_list_not_a_second_prompt(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        target = selected(app)
        await pilot.press("p", *"fri 2pm", "enter", "down", "w")
        await pilot.pause()
        # Enter saved the re-promise (no note); the next keys reached the list: the
        # cursor went down and `w` opened "Waiting on whom?" for the next follow-up.
        moved = next(f for f in app.document.followups if f.id == target)
        assert moved.log[-1].action == "re-promised"
        assert moved.log[-1].text == ""
        assert isinstance(app.screen, ChoiceScreen)
        title = str(app.screen.query_one(".dialog-title", Label).content)
        assert title.startswith("Waiting on whom? (step 1 of 2")
        following = app.query_one(FollowUpsPane).selected_key
        assert following is not None and following != target
        whom = next(f for f in app.document.followups if f.id == following)
        assert whom.customer in str(app.screen.query_one(".dialog-context", Static).content)
        await pilot.press("escape")


async def test_the_promise_field_suggests_only_times_after_now(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        # The clock is frozen at Mon 23 Nov 2026 10:00: the dated example is after it.
        placeholder = app.screen.query_one("#field-when", Input).placeholder
        assert placeholder == "tomorrow 10am · fri 15:00 · 2026-11-25 09:30"
        await pilot.press("escape")


async def test_w_waits_on_the_customer_and_s_takes_it_back_in_progress(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        target = selected(app)
        await pilot.press("w")
        await pilot.press("enter")  # the first choice: the customer
        set_input(app, "the signed form")  # what for (optional)
        await pilot.press("enter")
        await pilot.pause()
        waiting = next(f for f in app.document.followups if f.id == target)
        assert (waiting.status, waiting.waiting_on) == ("waiting", "customer")
        assert waiting.waiting_for == "the signed form"
        app.query_one(FollowUpsPane).move_cursor(
            row=app.query_one(FollowUpsPane).get_row_index(target)
        )
        await pilot.press("s")
        await pilot.pause()
        assert next(f for f in app.document.followups if f.id == target).status == "in progress"


async def test_shift_d_drops_with_a_reason(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        target = selected(app)
        await pilot.press("D")
        set_input(app, "duplicate of an earlier call")
        await pilot.press("enter")
        await pilot.pause()
        dropped = next(f for f in app.document.followups if f.id == target)
        assert (dropped.status, dropped.drop_reason) == ("dropped", "duplicate of an earlier call")


async def test_b_adds_a_brief_to_the_queue(app: PlannerApp, store: Store) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        app.screen.query_one("#field-title", Input).value = "Office move approved"
        app.screen.query_one("#field-minutes", Input).value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (brief,) = [b for b in app.document.briefs if b.title == "Office move approved"]
        assert brief.minutes == 3 and brief.kind == "fyi"
        assert brief.id in app.query_one(BriefPane).row_keys()
    assert any(b.title == "Office move approved" for b in Store(store.directory).load().briefs)


async def test_b_refuses_a_bad_form_and_keeps_it_open(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        app.screen.query_one("#field-title", Input).value = "Too long"
        app.screen.query_one("#field-minutes", Input).value = "9999"
        await pilot.press("ctrl+s")
        assert "minutes" in str(app.screen.query_one("#form-error").render())
        await pilot.press("escape")
        assert not [b for b in app.document.briefs if b.title == "Too long"]


async def test_e_adds_an_event_on_the_day_shown(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket")  # Tuesday
        await pilot.press("e")
        app.screen.query_one("#field-title", Input).value = "Budget review"
        app.screen.query_one("#field-start", Input).value = "16:00"
        app.screen.query_one("#field-end", Input).value = "16:45"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (event,) = [e for e in app.document.events if e.title == "Budget review"]
        assert event.start.isoformat() == "2026-11-24T16:00:00+01:00"
        assert f"e:{event.id}" in app.query_one(SchedulePane).row_keys()


async def asked_which_calendar(pilot: Pilot[int]) -> None:
    """Wait while the file is read in the background, until the import asks which calendar."""
    for _ in range(200):
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if isinstance(screen, PromptScreen) and "Which calendar" in screen._prompt_title:
            return
    raise AssertionError("the import never asked which calendar")


async def test_i_imports_an_ics_file_in_the_background(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        set_input(app, str(HOLIDAY))
        await pilot.press("enter")
        await asked_which_calendar(pilot)
        # It asks which calendar, offering the file's name for a calendar not seen before.
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one(Input).value == "holidays"
        set_input(app, "Public holidays")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause(1.5)  # the next poll picks up what the import wrote
        assert any(e.calendar == "Public holidays" for e in app.document.events)


async def test_i_offers_the_calendar_the_events_already_belong_to(
    app: PlannerApp, tmp_path: Path
) -> None:
    again = tmp_path / "calendar (1).ics"
    again.write_bytes(HOLIDAY.read_bytes())
    async with app.run_test(size=(120, 40)) as pilot:
        for source, answer in ((HOLIDAY, "Public holidays"), (again, None)):
            await pilot.press("i")
            set_input(app, str(source))
            await pilot.press("enter")
            await asked_which_calendar(pilot)
            if answer is None:
                assert app.screen.query_one(Input).value == "Public holidays"
            else:
                set_input(app, answer)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause(1.5)
    holidays = [e for e in app.document.events if e.calendar == "Public holidays"]
    assert len(holidays) == 6
    assert not any(e.calendar == "calendar (1)" for e in app.document.events)


async def test_i_reports_a_file_that_is_not_a_calendar(app: PlannerApp, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.ics"
    bogus.write_text("just some notes\n")
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.document
        await pilot.press("i")
        set_input(app, str(bogus))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("not an iCalendar file" in n.message for n in app._notifications)
        assert app.document == before


async def test_tab_moves_between_panes_and_j_k_move_the_cursor(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(FollowUpsPane)
        assert pane.has_focus
        await pilot.press("j")
        assert pane.cursor_row == 1
        await pilot.press("k")
        assert pane.cursor_row == 0
        await pilot.press("tab")
        assert app.query_one(BriefPane).has_focus
        await pilot.press("shift+tab", "shift+tab")
        assert app.query_one(SchedulePane).has_focus


async def test_q_quits(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
