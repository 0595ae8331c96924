"""The close-out review (`c`), driven by keys as the EA ends the day: what each step shows,
what is refused, and what lands on disk (planner.json and closeouts/YYYY-MM-DD.md)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import msgspec
import pendulum
import pytest
from rich.console import Console
from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from planner.cli import main
from planner.closeout import Review
from planner.domain import FollowUp
from planner.domain.document import Document
from planner.domain.lifecycle import open_followup
from planner.storage import Store
from planner.ui.app import PlannerApp
from planner.ui.dialogs.form import FormScreen
from planner.ui.dialogs.prompt import PromptScreen
from planner.ui.screens.closeout import CloseoutScreen
from planner.ui.widgets.promise_table import PromiseTable

DAY = "2026-11-23"


def text(app: PlannerApp, selector: str) -> str:
    """What a Static shows, as plain text; tables laid out wide enough not to wrap."""
    content = app.screen.query_one(selector, Static).content
    if isinstance(content, str | Text):
        return str(content)
    console = Console(width=300, file=io.StringIO(), color_system=None)
    with console.capture() as capture:
        console.print(content)
    return "\n".join(line.rstrip() for line in capture.get().splitlines())


def review_screen(app: App[int]) -> CloseoutScreen:
    screen = app.screen
    assert isinstance(screen, CloseoutScreen)
    return screen


def shown_review(app: PlannerApp) -> Review:
    review = review_screen(app).review
    assert review is not None
    return review


def kept(app: PlannerApp) -> tuple[str, ...]:
    """The promises the day's close-out keeps as they stand, as saved in the document."""
    return app.document.closeouts[0].kept


def promise_rows(app: PlannerApp) -> list[list[str]]:
    table = app.screen.query_one(PromiseTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def row_of(app: PlannerApp, customer: str) -> list[str]:
    return next(row for row in promise_rows(app) if row[2].startswith(customer))


def selected_customer(app: PlannerApp) -> str:
    screen = review_screen(app)
    key = screen.query_one(PromiseTable).selected_key
    assert screen.review is not None
    return next(c.followup.customer for c in screen.review.promises if c.followup.id == key)


def followup(app: PlannerApp, customer: str) -> FollowUp:
    return next(f for f in app.document.followups if f.customer == customer)


def set_input(app: App[int], value: str) -> None:
    """Fill the prompt's input at once (typing is covered by the dashboard's tests)."""
    app.screen.query_one(Input).value = value


def summary_file(store: Store) -> Path:
    return store.directory / "closeouts" / f"{DAY}.md"


def cli_closeout(capsys: pytest.CaptureFixture[str], store: Store) -> str:
    capsys.readouterr()
    assert main(["closeout", "--date", DAY, "--data-dir", str(store.directory)]) == 0
    return capsys.readouterr().out


@pytest.fixture
def notes(app: PlannerApp, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every notification the app shows: (severity, message)."""
    seen: list[tuple[str, str]] = []
    original = app.notify

    def capture(message: str, **options: Any) -> None:
        seen.append((str(options.get("severity", "information")), message))
        original(message, **options)

    monkeypatch.setattr(app, "notify", capture)
    return seen


async def open_review(pilot: Pilot[int], step: int = 1) -> CloseoutScreen:
    await pilot.press("c")
    await pilot.pause()
    screen = review_screen(pilot.app)
    if step != 1:
        await pilot.press(str(step))
        await pilot.pause()
    return screen


async def answer(pilot: Pilot[int], key: str, *values: str) -> None:
    """Press an answer key on the selected promise and fill each prompt that follows."""
    await pilot.press(key)
    for value in values:
        assert isinstance(pilot.app.screen, PromptScreen)
        set_input(pilot.app, value)
        await pilot.press("enter")
    await pilot.pause()


async def close_and_wait(pilot: Pilot[int]) -> None:
    """ctrl+s, then wait for the summary to be written off the UI thread."""
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_c_opens_the_review_and_the_keys_walk_all_five_steps(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        assert "Close-out — Monday 23 November 2026" in text(app, "#closeout-header")
        assert "Step 1 of 5: Done today" in text(app, "#closeout-header")
        done = text(app, "#done-body")
        assert "1 follow-up resolved" in done
        assert "Priya Raman (Northwind) — team offsite budget question" in done
        assert "Budget approved by Finance" in done

        await pilot.press("n")
        assert "Step 2 of 5: Promises" in text(app, "#closeout-header")
        assert app.screen.focused is app.screen.query_one(PromiseTable)

        await pilot.press("right")
        assert "Step 3 of 5: Still to tell the executive" in text(app, "#closeout-header")
        tell = text(app, "#tell-body")
        assert "6 briefs still to tell, carried to Tuesday 24 November 2026" in tell
        assert "09:10–09:50 after Flight to Berlin (LH 1027)" in tell
        assert "Board deck needs sign-off before it goes out" in tell
        assert "deadline missed" in tell  # its deliver-by passed that morning
        assert "held: needs a solution first" in tell

        await pilot.press("n")
        assert "Step 4 of 5: Tomorrow" in text(app, "#closeout-header")
        tomorrow = text(app, "#tomorrow-body")
        assert "Tuesday 24 November 2026" in tomorrow
        assert "First good moment: 09:10–09:50 after Flight to Berlin (LH 1027)" in tomorrow
        assert "10:00–11:30" in tomorrow and "Partner summit" in tomorrow
        assert "No promise falls due." in tomorrow

        await pilot.press("n")
        assert "Step 5 of 5: Notes and summary" in text(app, "#closeout-header")
        assert "# Close-out — Monday 23 November 2026" in text(app, "#summary-body")
        assert isinstance(app.screen.focused, TextArea)
        await pilot.press("n")  # typed into the notes, not a step beyond the last
        assert app.screen.query_one(TextArea).text == "n"
        assert "n\n" in text(app, "#summary-body").split("## Notes", 1)[1]

        await pilot.press("escape")  # leaves the notes, not the review
        assert isinstance(app.screen, CloseoutScreen)
        await pilot.press("b")
        assert "Step 4 of 5: Tomorrow" in text(app, "#closeout-header")
        await pilot.press("left", "left", "left", "left")
        assert "Step 1 of 5: Done today" in text(app, "#closeout-header")
        await pilot.press("escape", "escape")  # the first one warns: the notes are not saved
        assert not isinstance(app.screen, CloseoutScreen)


async def test_the_promises_step_marks_broken_ones_and_says_which_remain(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=2)
        rows = promise_rows(app)
        assert [row[0] for row in rows] == ["BROKEN", "due", "due", "due", "due"]
        assert rows[0][1] == "09:20" and rows[0][2].startswith("Maria Ortiz (Acme)")
        assert [row[3] for row in rows[:3]] == ["needs an answer"] * 3
        assert rows[3][3] == "resolved 08:30" and rows[4][3] == "escalated 08:15"
        assert text(app, "#promise-remaining") == (
            "3 promises still need an answer: Maria Ortiz (broken), Tom Becker, Jonas Weber"
        )
        detail = text(app, "#promise-detail")
        assert "Promised 09:20 — broken" in detail
        assert "Finance confirms the double charge" in detail
        await pilot.press("down")
        assert "asks for the signed contract copy" in text(app, "#promise-detail")


async def test_closing_with_an_unaddressed_broken_promise_is_refused_and_nothing_is_written(
    app: PlannerApp, store: Store, notes: list[tuple[str, str]]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=5)
        assert "Not ready to close: 3 promises need an answer" in text(app, "#closeout-state")
        await pilot.press("ctrl+s")
        await pilot.pause()
        severity, message = notes[-1]
        assert severity == "error"
        assert message.startswith("3 promises still need an answer:")
        assert "Maria Ortiz (Acme) — invoice charged twice, wants refund — broken" in message
        assert "Tom Becker (Globex)" in message and "Jonas Weber (Northwind)" in message
        # The review shows where the answers are missing.
        assert "Step 2 of 5: Promises" in text(app, "#closeout-header")
        assert selected_customer(app) == "Maria Ortiz"
        assert shown_review(app).closed is False
        assert app.document.closeouts == ()
        await app.workers.wait_for_complete()
    assert Store(store.directory).load().closeouts == ()
    assert not summary_file(store).parent.exists()


async def test_repromise_from_the_review_keeps_the_old_promise_then_the_day_closes(
    app: PlannerApp, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=2)
        old_promise = followup(app, "Maria Ortiz").promised_by
        assert selected_customer(app) == "Maria Ortiz"
        await pilot.press("p")
        set_input(app, "tomorrow 10am")
        await pilot.pause()
        assert text(app, "#form-error") == "New promise: Tue 24 Nov 10:00 (tomorrow)"
        app.screen.query_one(
            "#field-note", Input
        ).value = "told her by phone; finance needs one more day"
        await pilot.press("enter")
        await pilot.pause()
        assert promise_rows(app)[0][0] == "BROKEN"  # it was broken, and the review says so
        assert promise_rows(app)[0][3] == "re-promised → Tue 24 Nov 10:00"
        # The cursor stays on the promise just answered; j goes to the next one.
        assert selected_customer(app) == "Maria Ortiz"
        await pilot.press("j")
        assert selected_customer(app) == "Tom Becker"
        await answer(pilot, "K")
        assert selected_customer(app) == "Tom Becker"
        await pilot.press("j")
        assert selected_customer(app) == "Jonas Weber"
        await answer(pilot, "x", "booked 30 minutes with Dana on Thursday")
        assert text(app, "#promise-remaining") == (
            "Every promise has an answer: the day can be closed (ctrl+s)."
        )

        await pilot.press("5")
        await pilot.press(*"Quiet afternoon")
        assert "Ready to close." in text(app, "#closeout-state")
        await close_and_wait(pilot)
        screen = review_screen(app)
        assert shown_review(app).closed
        assert "closed at 10:00" in text(app, "#closeout-header")
        state = text(app, "#closeout-state")
        assert f"Summary saved to {summary_file(store)}" in state
        assert screen.saved_path == summary_file(store)
    saved = Store(store.directory).load()
    (record,) = saved.closeouts
    assert record.date == DAY and record.closed and record.notes == "Quiet afternoon"
    maria = next(f for f in saved.followups if f.customer == "Maria Ortiz")
    assert maria.log[-1].action == "re-promised"
    assert maria.log[-1].old_promise == old_promise
    assert maria.log[-1].text == "told her by phone; finance needs one more day"
    markdown = summary_file(store).read_text(encoding="utf-8")
    assert markdown == record.summary
    assert (
        "**was broken** · promised Tue 24 Nov 10:00 (re-promised 09:20 → Tue 24 Nov 10:00"
        " at 10:00) · Maria Ortiz (Acme)"
    ) in markdown
    assert "re-promised at 10:00: told her by phone" in markdown
    assert "Tom Becker (Globex) — asks for the signed contract copy · kept as it stands" in markdown
    assert "Quiet afternoon" in markdown
    assert cli_closeout(capsys, store) == markdown


async def test_K_keeps_a_promise_explicitly_and_K_again_takes_it_back(
    app: PlannerApp, store: Store
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=2)
        await pilot.press("down")
        assert selected_customer(app) == "Tom Becker"
        tom = followup(app, "Tom Becker").id
        await answer(pilot, "K")
        assert row_of(app, "Tom Becker")[3] == "kept as it stands"
        assert kept(app) == (tom,)
        assert text(app, "#promise-remaining") == (
            "2 promises still need an answer: Maria Ortiz (broken), Jonas Weber"
        )
        # The kept promise stays where it was, under the cursor.
        assert [row[2].split(" (")[0] for row in promise_rows(app)[:3]] == [
            "Maria Ortiz",
            "Tom Becker",
            "Jonas Weber",
        ]
        assert selected_customer(app) == "Tom Becker"
        await answer(pilot, "K")
        assert row_of(app, "Tom Becker")[3] == "needs an answer"
        assert kept(app) == ()
        await answer(pilot, "ctrl+k")  # un-keep has a key of its own too: nothing to take back
        assert kept(app) == ()
        await answer(pilot, "K")
    assert Store(store.directory).load().closeouts[0].kept == (tom,)


async def test_j_and_k_move_through_the_promises_and_never_answer(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=2)
        assert selected_customer(app) == "Maria Ortiz"
        await pilot.press("j", "j")
        assert selected_customer(app) == "Jonas Weber"
        await pilot.press("k")
        assert selected_customer(app) == "Tom Becker"
        await pilot.pause()
        assert app.document.closeouts == ()  # k moved; it kept nothing
        assert "K keep as it stands" in text(app, "#promise-detail")


async def test_an_answer_leaves_the_rows_in_place_and_the_cursor_on_the_answered_one(
    app: PlannerApp,
) -> None:
    """The field test's wrong customer: two broken promises; after re-promising the first,
    ↓ and x must resolve the second, and the first row names the time that broke."""
    from planner.domain import lifecycle as lc

    t = pendulum.datetime(2026, 11, 23, 7, tz="Europe/Paris")
    marcus = lc.open_followup(
        now=t,
        customer="Marcus Bell",
        organization="Contoso",
        summary="invoice wrong again",
        promised_by=t.add(hours=2),
    )
    # Moved before it passed (09:00 → 09:30): the promise that broke is 09:30.
    marcus = lc.repromise(marcus, t.add(hours=2, minutes=30), t.add(hours=1))

    def add(document: Document) -> Document:
        return msgspec.structs.replace(document, followups=(*document.followups, marcus))

    async with app.run_test(size=(120, 40)) as pilot:
        app.change(add)
        await app.workers.wait_for_complete()
        await open_review(pilot, step=2)
        before = [row[2].split(" (")[0] for row in promise_rows(app)]
        assert before[:2] == ["Marcus Bell", "Maria Ortiz"]
        assert row_of(app, "Marcus Bell")[:2] == ["BROKEN", "09:30"]
        assert selected_customer(app) == "Marcus Bell"
        await pilot.press("p")
        assert "Marcus Bell" in str(app.screen.query_one(".dialog-title").render())
        set_input(app, "tomorrow 9:30am")
        await pilot.press("enter")
        await pilot.pause()
        # Nothing moved: Marcus is still first, under the cursor, broken at 09:30.
        assert [row[2].split(" (")[0] for row in promise_rows(app)] == before
        assert selected_customer(app) == "Marcus Bell"
        assert row_of(app, "Marcus Bell")[:2] == ["BROKEN", "09:30"]
        assert row_of(app, "Marcus Bell")[3] == "re-promised → Tue 24 Nov 09:30"
        assert "Promised 09:30 — broken" in text(app, "#promise-detail")
        await pilot.press("down")
        assert selected_customer(app) == "Maria Ortiz"
        await pilot.press("x")
        assert isinstance(app.screen, PromptScreen)
        title = str(app.screen.query_one(".dialog-title").render())
        assert title == "How was it resolved for Maria Ortiz · Acme?"
        set_input(app, "refund issued")
        await pilot.press("enter")
        await pilot.pause()
        assert followup(app, "Maria Ortiz").status == "resolved"
        assert followup(app, "Marcus Bell").status == "open"
        assert selected_customer(app) == "Maria Ortiz"


async def test_undo_in_the_review_takes_back_the_last_answer(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=2)
        await answer(pilot, "x", "refund issued, she confirmed by phone")
        assert promise_rows(app)[0][3] == "resolved 10:00"
        assert followup(app, "Maria Ortiz").status == "resolved"
        await pilot.press("u")
        await pilot.pause()
        assert followup(app, "Maria Ortiz").status == "open"
        assert promise_rows(app)[0][3] == "needs an answer"


async def test_escalating_from_the_review_queues_a_brief_with_the_facts(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=2)
        await pilot.press("down")
        await answer(pilot, "E", "customer needs the contract today for his board")
        tom = followup(app, "Tom Becker")
        assert tom.status == "escalated"
        assert any(b.followup_id == tom.id and b.kind == "escalation" for b in app.document.briefs)
        assert row_of(app, "Tom Becker")[3] == "escalated 10:00"
        await pilot.press("3")
        assert "Escalation: Tom Becker (Globex)" in text(app, "#tell-body")


async def test_the_repromise_prompt_refuses_a_time_in_the_past(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=2)
        await pilot.press("p")
        set_input(app, "09:30")
        await pilot.pause()
        assert "in the past" in text(app, "#form-error")
        set_input(app, "feb 30")
        await pilot.pause()
        assert text(app, "#form-error").startswith("new promise:")
        await pilot.press("enter")
        assert isinstance(app.screen, FormScreen)  # refused: still asking
        await pilot.press("escape")
        assert isinstance(app.screen, CloseoutScreen)
        assert followup(app, "Maria Ortiz").log[-1].action != "re-promised"


async def test_a_closed_day_reopens_and_closing_again_rewrites_the_summary(
    app: PlannerApp, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=2)
        for _ in range(3):
            await answer(pilot, "K")
            await pilot.press("j")
        await pilot.press("5")
        await pilot.press(*"alpha")
        await close_and_wait(pilot)
        assert "## Notes\n\nalpha\n" in summary_file(store).read_text(encoding="utf-8")
        assert app.screen.query_one(TextArea).read_only
        assert "closed at 10:00" in text(app, "#closeout-header")
        closed = app.document
        await pilot.press("2", "K", "x")  # a closed day's answers stand until it is reopened
        assert app.document is closed and isinstance(app.screen, CloseoutScreen)
        await pilot.press("5")

        await pilot.press("R")
        await pilot.pause()
        assert not shown_review(app).closed
        assert "open · ready to close" in text(app, "#closeout-header")
        notes_area = app.screen.query_one(TextArea)
        assert not notes_area.read_only and notes_area.has_focus
        notes_area.load_text("second thoughts")
        await close_and_wait(pilot)
        assert shown_review(app).closed
    markdown = summary_file(store).read_text(encoding="utf-8")
    assert "second thoughts" in markdown and "alpha" not in markdown
    (record,) = Store(store.directory).load().closeouts
    assert record.closed and record.notes == "second thoughts" and record.summary == markdown
    assert cli_closeout(capsys, store) == markdown


async def test_y_offers_the_summary_to_the_clipboard(
    app: PlannerApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot, step=2)
        await pilot.press("y")  # only on the last step
        assert copied == []
        for _ in range(3):
            await answer(pilot, "K")
            await pilot.press("j")
        await pilot.press("5", "escape", "y")
        assert copied == [screen.summary()]
        assert copied[0].startswith("# Close-out — Monday 23 November 2026\n\nNot closed yet.")
        await close_and_wait(pilot)
        await pilot.press("y")
        assert copied[-1].startswith("# Close-out — Monday 23 November 2026\n\nClosed at 10:00.")
        assert copied[-1] == app.document.closeouts[0].summary


async def test_escape_with_unsaved_notes_warns_once_before_leaving(
    app: PlannerApp, notes: list[tuple[str, str]]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=5)
        await pilot.press(*"call Acme")
        await pilot.press("escape")  # out of the notes
        await pilot.press("escape")
        assert isinstance(app.screen, CloseoutScreen)
        assert notes[-1] == (
            "warning",
            "Notes are saved when the day is closed. Escape again leaves without them.",
        )
        await pilot.press("escape")
        assert not isinstance(app.screen, CloseoutScreen)


async def test_dashboard_keys_do_not_act_behind_the_review(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.document
        await open_review(pilot)
        # Deliver, wait and drop are the dashboard's; resolve and keep answer only on step 2.
        await pilot.press("d", "w", "D", "x", "K")
        await pilot.pause()
        assert isinstance(app.screen, CloseoutScreen)
        assert app.document is before


async def test_customer_text_is_shown_as_text_never_as_markup(app: PlannerApp) -> None:
    now = pendulum.datetime(2026, 11, 23, 8, tz="Europe/Paris")
    sneaky = open_followup(
        now=now,
        customer="[bold red]Eve[/] Moss",
        summary="asks about [link=http://x]the invoice[/link]",
        promised_by=now.add(minutes=30),
    )

    def add(document: Document) -> Document:
        return msgspec.structs.replace(document, followups=(*document.followups, sneaky))

    async with app.run_test(size=(120, 40)) as pilot:
        app.change(add)
        await open_review(pilot, step=2)
        row = next(r for r in promise_rows(app) if "Eve" in r[2])
        assert row[2].startswith("[bold red]Eve[/] Moss — asks about [link=http://x]")
        assert "[bold red]Eve[/] Moss (broken)" in text(app, "#promise-remaining")


async def test_c_reviews_the_day_shown_on_the_dashboard(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("left_square_bracket")
        await open_review(pilot)
        assert "Close-out — Sunday 22 November 2026" in text(app, "#closeout-header")
        assert review_screen(app).date == pendulum.date(2026, 11, 22)


async def test_a_day_more_than_30_days_ago_is_read_only(app: PlannerApp, store: Store) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        app.dashboard.show_date(pendulum.date(2026, 10, 1))
        await open_review(pilot, step=5)
        assert "settled history, read-only" in text(app, "#closeout-header")
        assert "can be read and copied, not changed" in text(app, "#closeout-state")
        assert app.screen.query_one(TextArea).read_only
        await pilot.press("ctrl+s", "2", "K", "R")
        await pilot.pause()
        assert app.document.closeouts == ()
        await app.workers.wait_for_complete()
    assert Store(store.directory).load().closeouts == ()
    assert not (store.directory / "closeouts").exists()


async def test_a_summary_that_cannot_be_saved_leaves_the_day_open(
    app: PlannerApp, store: Store, notes: list[tuple[str, str]]
) -> None:
    """The day is closed only with its Markdown on disk (here `closeouts` is a file)."""
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, step=2)
        for _ in range(3):  # keep each of the three promises as it stands
            await answer(pilot, "K")
            await pilot.press("j")
        assert text(app, "#promise-remaining") == (
            "Every promise has an answer: the day can be closed (ctrl+s)."
        )
        blocker = store.directory / "closeouts"
        blocker.write_text("not a folder")
        await pilot.press("5")
        await close_and_wait(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        severity, message = notes[-1]
        assert severity == "error"
        assert message.startswith("The day stays open: its summary could not be saved")
        assert shown_review(app).closed is False
        await app.workers.wait_for_complete()
    saved = Store(store.directory).load().closeouts
    assert all(not record.closed for record in saved)
    assert blocker.read_text() == "not a folder"


async def test_an_escalation_before_a_re_promise_is_not_its_answer(
    app: PlannerApp, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Escalated at 08:00, called again and re-promised 09:30 at 09:00, never called
    # back: step 2 and the summary both say the promise still needs an answer.
    from planner.domain import lifecycle as lc

    t = pendulum.datetime(2026, 11, 23, 7, tz="Europe/Paris")
    marcus = lc.open_followup(
        now=t, customer="Marcus Bell", summary="outage", promised_by=t.add(hours=7)
    )
    marcus, _ = lc.escalate(marcus, t.add(hours=1), tz="Europe/Paris")
    marcus = lc.repromise(marcus, t.add(hours=2, minutes=30), t.add(hours=2))

    def add(document: Document) -> Document:
        return msgspec.structs.replace(document, followups=(*document.followups, marcus))

    async with app.run_test(size=(120, 40)) as pilot:
        app.change(add)
        await app.workers.wait_for_complete()
        await open_review(pilot, step=2)
        row = row_of(app, "Marcus Bell")
        assert row[0] == "BROKEN" and row[1] == "09:30" and row[3] == "needs an answer"
        assert "Marcus Bell (broken)" in text(app, "#promise-remaining")
        assert "Every promise has an answer" not in text(app, "#promise-remaining")
    markdown = cli_closeout(capsys, store)
    line = next(x for x in markdown.splitlines() if "Marcus Bell" in x)
    assert "promised 09:30" in line and f"**not addressed** ({marcus.id})" in line


async def test_a_carried_bad_news_brief_shows_its_solution(app: PlannerApp) -> None:
    from planner.domain import lifecycle as lc

    news = lc.new_brief(
        title="Tailspin double-charged",
        kind="bad-news",
        facts=("charged twice",),
        solution="refund today",
        now=pendulum.datetime(2026, 11, 23, 9, tz="Europe/Paris"),
    )

    def add(document: Document) -> Document:
        return msgspec.structs.replace(document, briefs=(*document.briefs, news))

    async with app.run_test(size=(120, 40)) as pilot:
        app.change(add)
        await app.workers.wait_for_complete()
        await open_review(pilot, step=3)
        tell = text(app, "#tell-body")
        assert "Tailspin double-charged" in tell
        assert "solution: refund today" in tell and "1 fact" in tell
