"""The end-of-day close-out (`c`): a guided review of one day in five steps, ending with the
day closed and its Markdown summary saved to closeouts/YYYY-MM-DD.md.

The review itself is `planner.closeout` (pure functions); this screen shows one step at a
time, applies the EA's answers through `PlannerApp.change` (saved in the background,
undoable with `u`) and builds the review again after each.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

import pendulum
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, DataTable, Footer, Label, Static, TextArea

from planner.closeout import (
    STEPS,
    PromiseCheck,
    Review,
    build_review,
    close_with_summary,
    day_label,
    find_closeout,
    keep,
    render_markdown,
    reopen_day,
    unkeep,
)
from planner.commands.closeout import HISTORY_DAYS
from planner.domain import FollowUp
from planner.domain.document import Document
from planner.errors import PlannerError
from planner.humanize import fmt
from planner.storage.store import CLOSEOUT_DIR
from planner.text import clean_text
from planner.ui.guard import Guarded
from planner.ui.widgets.closeout_steps import (
    at_time,
    day_state,
    done_view,
    promise_detail,
    promise_row,
    refusal,
    still_open_view,
    tell_view,
    tomorrow_view,
)
from planner.ui.widgets.palette import StatusColors, status_colors
from planner.ui.widgets.promise_table import PromiseTable, StepScroll

if TYPE_CHECKING:
    from planner.ui.app import PlannerApp

STEP_TITLES: tuple[str, ...] = (*STEPS[:4], "Notes and summary")
"""What each step is called on screen (the Markdown heading of the last one is "Notes")."""
STEP_IDS: tuple[str, ...] = (
    "step-done",
    "step-promises",
    "step-tell",
    "step-tomorrow",
    "step-notes",
)
PROMISES = STEP_IDS.index("step-promises")
NOTES = STEP_IDS.index("step-notes")

_PROMISE_ACTIONS = frozenset({"resolve", "repromise", "escalate", "keep", "unkeep", "details"})
_CHANGES = frozenset({"resolve", "repromise", "escalate", "keep", "unkeep", "close_day", "reopen"})


class CloseoutScreen(Guarded, Screen[None]):
    """The close-out of one date, one step at a time, over the whole terminal."""

    CSS_PATH = "closeout.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "step(1)", "Next", tooltip="Next step", id="closeout.next"),
        Binding("right", "step(1)", "Next", show=False, id="closeout.next-arrow"),
        Binding("b", "step(-1)", "Back", tooltip="Previous step", id="closeout.back"),
        Binding("left", "step(-1)", "Back", show=False, id="closeout.back-arrow"),
        *(
            Binding(str(k), f"go({k - 1})", f"Step {k}", show=False, id=f"closeout.step-{k}")
            for k in range(1, 6)
        ),
        Binding("escape", "leave", "Leave", tooltip="Back to the dashboard", id="closeout.leave"),
        Binding("x", "resolve", "Resolve", id="closeout.resolve"),
        Binding("p", "repromise", "Re-promise", id="closeout.repromise"),
        Binding("E", "escalate", "Escalate", id="closeout.escalate"),
        Binding("k", "keep", "Keep", tooltip="Keep the promise as it stands", id="closeout.keep"),
        Binding("K", "unkeep", "Un-keep", tooltip="Take back a keep", id="closeout.unkeep"),
        Binding("u", "undo", "Undo", id="closeout.undo"),
        Binding("ctrl+s", "close_day", "Close the day", id="closeout.close"),
        Binding("y", "copy", "Copy summary", id="closeout.copy"),
        Binding("R", "reopen", "Reopen", tooltip="Reopen the closed day", id="closeout.reopen"),
    ]

    def __init__(self, date: pendulum.Date) -> None:
        super().__init__()
        self.date = date
        self.step = 0
        self.review: Review | None = None
        self.settled = False
        """The day is more than HISTORY_DAYS ago: read from the archives, never changed
        (as `ea-planner closeout` treats it)."""
        self.saved_path: Path | None = None
        """Where this screen last saved the summary."""
        self._saving = False
        self._seen: tuple[object, str] | None = None
        self._leave_warned = False
        self._loading_history = False
        self._write_lock = threading.Lock()
        self._write_generation = 0

    @property
    def planner(self) -> PlannerApp:
        return cast("PlannerApp", self.app)

    # -- layout ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="closeout-header")
        with ContentSwitcher(initial=STEP_IDS[0], id="closeout-steps"):
            with StepScroll(id="step-done", classes="step"):
                yield Static(id="done-body")
            with Vertical(id="step-promises", classes="step"):
                yield PromiseTable(id="promise-table")
                yield Static(id="promise-remaining")
                yield Static(id="promise-detail")
                yield Static(id="promise-still-open")
            with StepScroll(id="step-tell", classes="step"):
                yield Static(id="tell-body")
            with StepScroll(id="step-tomorrow", classes="step"):
                yield Static(id="tomorrow-body")
            with Horizontal(id="step-notes", classes="step"):
                with Vertical(id="notes-side"):
                    yield Label("Notes for the day (they go into the summary)", id="notes-label")
                    yield TextArea(id="closeout-notes", soft_wrap=True)
                    yield Static(id="closeout-state")
                    with Horizontal(id="closeout-buttons"):
                        yield Button("Close the day", id="close-day", variant="primary")
                        yield Button("Copy summary", id="copy-summary")
                        yield Button("Reopen", id="reopen-day")
                with StepScroll(id="summary-preview"):
                    yield Static(id="summary-body")
        yield Footer()

    def on_mount(self) -> None:
        for step_id, title in zip(STEP_IDS, STEP_TITLES, strict=True):
            self.query_one(f"#{step_id}").border_title = title
        self.query_one("#summary-preview").border_title = "Summary (Markdown)"
        app = self.planner
        today = app.clock.now().in_tz(app.timezone).date()
        self.settled = self.date < today.subtract(days=HISTORY_DAYS)
        self.rebuild()
        self.query_one("#closeout-notes", TextArea).load_text(self._review.notes)
        self._show_step()
        # Rebuilt when the document changes (an answer, an undo, another process) or the
        # minute does (a promise falls due). Queued, not immediate: an answer given here
        # rebuilds itself first, knowing which promise to move on to.
        app.document_changed.subscribe(self, self._changed)
        app.minute_passed.subscribe(self, self._changed)

    # -- the review ------------------------------------------------------

    @property
    def _review(self) -> Review:
        assert self.review is not None
        return self.review

    def _document(self) -> Document:
        """The live document; for a settled day, everything with the archives once loaded."""
        session = self.planner.session
        if not self.settled:
            return session.document
        if session.history is None and not self._loading_history:
            self._loading_history = True
            session.load_history(self._history_loaded)
        return session.history or session.document

    def _history_loaded(self, _history: Document) -> None:
        self._loading_history = False
        if self.is_attached:
            self.rebuild()

    def rebuild(self, select: str | None = None) -> None:
        """Build the review from the document as it is now and show every step of it."""
        app = self.planner
        now = app.clock.now()
        document = self._document()
        self.review = build_review(document, self.date, now)
        self._seen = (document, fmt(now, "YYYY-MM-DD HH:mm"))
        colors = status_colors(app)
        review = self.review
        self.query_one("#done-body", Static).update(done_view(review, colors))
        self._show_promises(review, colors, select)
        self.query_one("#tell-body", Static).update(tell_view(review, colors))
        self.query_one("#tomorrow-body", Static).update(tomorrow_view(review, colors))
        notes = self.query_one("#closeout-notes", TextArea)
        notes.read_only = review.closed or self.settled
        self._show_state()
        self._show_preview()
        self._show_header()
        self.refresh_bindings()

    def _changed(self, _what: object) -> None:
        if self._seen != (self._document(), fmt(self.planner.clock.now(), "YYYY-MM-DD HH:mm")):
            self.rebuild()

    def _show_header(self) -> None:
        review = self._review
        colors = status_colors(self.planner)
        text = Text()
        text.append(f"Close-out — {day_label(self.date)}", style="bold")
        text.append("   ")
        text.append_text(day_state(review, colors))
        if self.settled:
            text.append(" · settled history, read-only", style="dim")
        text.append("\n")
        text.append(f"Step {self.step + 1} of {len(STEP_IDS)}: {STEP_TITLES[self.step]}", "bold")
        text.append("\n")
        for index, title in enumerate(STEP_TITLES):
            if index:
                text.append(" › ", style="dim")
            label = f" {index + 1} {title} "
            if index == self.step:
                text.append(label, style=f"bold reverse {colors.accent}")
            else:
                text.append(label, style="dim")
        self.query_one("#closeout-header", Static).update(text)

    def _show_promises(self, review: Review, colors: StatusColors, select: str | None) -> None:
        rows = [(c.followup.id, promise_row(c, review, colors)) for c in review.promises]
        if not rows:
            empty = Text("No promise fell due on this day or earlier.", style="dim")
            rows = [("empty", (Text(""), Text(""), empty, Text("")))]
        self.query_one(PromiseTable).show(rows, select)
        self._show_promise_detail()
        remaining = review.unaddressed()
        line = Text()
        if review.closed:
            line.append("The day is closed: R reopens it to change an answer.", colors.good_style)
        elif remaining:
            count = len(remaining)
            line.append(
                f"{count} {'promise still needs' if count == 1 else 'promises still need'} "
                "an answer: ",
                style=colors.broken_style if any(c.broken for c in remaining) else "bold",
            )
            for index, check in enumerate(remaining):
                if index:
                    line.append(", ")
                line.append(check.followup.customer, style="bold")
                if check.broken:
                    line.append(" (broken)", style=colors.broken_style)
        elif review.promises:
            line.append(
                "Every promise has an answer: the day can be closed (ctrl+s).", colors.good_style
            )
        else:
            line.append("No promise to answer: the day can be closed (ctrl+s).", colors.good_style)
        self.query_one("#promise-remaining", Static).update(line)
        self.query_one("#promise-still-open", Static).update(still_open_view(review))

    def _show_promise_detail(self) -> None:
        check = self._check(self.query_one(PromiseTable).selected_key)
        detail = self.query_one("#promise-detail", Static)
        if check is None:
            detail.update(Text(""))
            return
        detail.update(promise_detail(check, self._review, status_colors(self.planner)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "promise-table":
            self._show_promise_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "promise-table":
            event.stop()
            self.action_details()

    def _check(self, followup_id: str | None) -> PromiseCheck | None:
        if followup_id is None or self.review is None:
            return None
        return next((c for c in self.review.promises if c.followup.id == followup_id), None)

    def _notes_text(self) -> str:
        return self.query_one("#closeout-notes", TextArea).text

    def _notes_changed(self) -> bool:
        return clean_text(self._notes_text()) != clean_text(self._review.notes)

    def summary(self) -> str:
        """The Markdown summary as it stands: the saved one of a closed day, else the live one."""
        review = self._review
        if review.closed:
            record = find_closeout(self._document(), self.date)
            if record is not None and record.summary:
                return record.summary
        return render_markdown(replace(review, notes=clean_text(self._notes_text())))

    def _show_preview(self) -> None:
        colors = status_colors(self.planner)
        preview = Text()
        for line in self.summary().splitlines():
            if line.startswith("#"):
                style = f"bold {colors.accent}"
            elif "**broken**" in line or "**not addressed**" in line:
                style = colors.broken_style
            else:
                style = ""
            preview.append(line + "\n", style=style)
        self.query_one("#summary-body", Static).update(preview)

    def _show_state(self) -> None:
        review = self._review
        colors = status_colors(self.planner)
        text = Text()
        if self.settled:
            text.append(
                f"Settled history (more than {HISTORY_DAYS} days ago): this close-out can be "
                "read and copied, not changed.",
                style="bold",
            )
        elif review.closed:
            assert review.closed_at is not None
            text.append(f"Closed {at_time(review.closed_at, self.date)}.", colors.good_style)
            if self._saving:
                text.append(" Saving the summary…")
            else:
                path = self.saved_path or self._summary_path()
                verb = "saved to" if self.saved_path is not None else "in"
                text.append(f" Summary {verb} {path}")
            text.append("\ny copies it to the clipboard · R reopens the day.", style="dim")
        elif review.unaddressed():
            count = len(review.unaddressed())
            text.append(
                f"Not ready to close: {count} "
                f"{'promise needs' if count == 1 else 'promises need'} an answer (step 2).",
                colors.broken_style,
            )
        else:
            text.append("Ready to close. ", colors.good_style)
            text.append(
                f"ctrl+s closes the day and saves the summary to {CLOSEOUT_DIR}/"
                f"{self.date.isoformat()}.md in the data directory."
            )
        self.query_one("#closeout-state", Static).update(text)
        self.query_one("#close-day", Button).display = not review.closed and not self.settled
        self.query_one("#reopen-day", Button).display = review.closed and not self.settled

    def _summary_path(self) -> Path:
        return self.planner.store.directory / CLOSEOUT_DIR / f"{self.date.isoformat()}.md"

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._leave_warned = False
        if self.review is not None:
            self._show_preview()

    # -- moving between steps ----------------------------------------------

    def _show_step(self) -> None:
        self.query_one(ContentSwitcher).current = STEP_IDS[self.step]
        self._show_header()
        focus = {
            PROMISES: "#promise-table",
            NOTES: "#closeout-notes" if not self._review.closed else "#summary-preview",
        }.get(self.step, f"#{STEP_IDS[self.step]}")
        self.query_one(focus).focus()
        self.refresh_bindings()

    def action_step(self, delta: int) -> None:
        self.action_go(self.step + delta)

    def action_go(self, step: int) -> None:
        if 0 <= step < len(STEP_IDS) and step != self.step:
            self.step = step
            self._show_step()

    def action_leave(self) -> None:
        notes = self.query_one("#closeout-notes", TextArea)
        if notes.has_focus:
            self.query_one("#close-day" if not self._review.closed else "#reopen-day").focus()
            return
        if self._notes_changed() and not self._review.closed and not self._leave_warned:
            self._leave_warned = True
            self.app.notify(
                "Notes are saved when the day is closed. Escape again leaves without them.",
                title="Unsaved notes",
                severity="warning",
            )
            return
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.review is None:
            return True
        if self.settled and action in _CHANGES:
            return False
        if action in _PROMISE_ACTIONS:
            # A closed day's answers stand until it is reopened: only the details open.
            return self.step == PROMISES and (action == "details" or not self.review.closed)
        if action == "step":
            target = self.step + cast(int, parameters[0])
            return None if not 0 <= target < len(STEP_IDS) else True
        if action == "copy":
            return self.step == NOTES
        if action == "close_day":
            return not self.review.closed
        if action == "reopen":
            return self.review.closed
        return True

    # -- answering promises (step 2) ---------------------------------------

    def _selected(self, verb: str) -> PromiseCheck | None:
        """The promise under the cursor, if `verb` can be done to it now; else says why not."""
        check = self._check(self.query_one(PromiseTable).selected_key)
        if check is None:
            self._say("No promise to answer here.", severity="warning")
            return None
        if self._review.closed:
            self._say("The day is closed: R reopens it first.", severity="warning")
            return None
        followup = check.followup
        if verb in ("resolve", "re-promise", "escalate") and not followup.is_open:
            self._say(f"{followup.customer} is already {followup.status}.", severity="warning")
            return None
        if verb == "escalate" and followup.status == "escalated":
            self._say(f"{followup.customer} is already escalated.", severity="warning")
            return None
        return check

    def _say(self, message: str, *, severity: str = "information", timeout: float = 4) -> None:
        """A notification holding untrusted text (names, summaries): never read as markup."""
        self.app.notify(message, severity=severity, timeout=timeout, markup=False)  # type: ignore[arg-type]

    def _after_answer(self, changed: bool, followup_id: str) -> None:
        """Rebuild, and move on to the next promise that still needs an answer (the one
        below the answered one, else the first from the top)."""
        before = [c.followup.id for c in self._review.promises]
        self.rebuild()
        if not changed:
            return
        remaining = {c.followup.id for c in self._review.unaddressed()}
        at = before.index(followup_id) if followup_id in before else 0
        following = [i for i in before[at + 1 :] + before[:at] if i in remaining]
        self.rebuild(select=following[0] if following else followup_id)

    def action_resolve(self) -> None:
        self._answer("resolve", "resolve")

    def action_repromise(self) -> None:
        self._answer("repromise", "re-promise")

    def action_escalate(self) -> None:
        self._answer("escalate", "escalate")

    def _answer(self, step: str, verb: str) -> None:
        check = self._selected(verb)
        if check is not None:
            self._move(step, check.followup)

    @work(group="ask")
    async def _move(self, step: str, followup: FollowUp) -> None:
        """The same questions as on the dashboard (planner.ui.ask.followups), then on to
        the next promise."""
        from planner.ui.ask import followups

        applied = await self.planner.settle(followups.move(self.planner.asker, step, followup))
        if self.is_attached:
            self._after_answer(applied is not None, followup.id)

    def action_keep(self) -> None:
        check = self._selected("keep")
        if check is None:
            return
        if check.addressed not in (None, "kept"):
            self._say(
                f"{check.followup.customer} is already {check.addressed}: nothing to keep.",
                severity="warning",
            )
            return
        app, date, followup_id = self.planner, self.date, check.followup.id
        now = app.clock.now()
        said = f"Kept the promise to {check.followup.customer} as it stands"
        self._after_answer(app.change(lambda d: keep(d, date, followup_id, now), said), followup_id)

    def action_unkeep(self) -> None:
        check = self._selected("un-keep")
        if check is None:
            return
        if check.addressed != "kept":
            self._say(f"{check.followup.customer}'s promise is not kept.", severity="warning")
            return
        app, date, followup_id = self.planner, self.date, check.followup.id
        now = app.clock.now()
        if app.change(lambda d: unkeep(d, date, followup_id, now)):
            self._say(f"{check.followup.customer}'s promise needs an answer again", timeout=3)
        self.rebuild(select=followup_id)

    def action_details(self) -> None:
        check = self._check(self.query_one(PromiseTable).selected_key)
        if check is None:
            return
        from planner.ui.screens.followup import FollowUpScreen

        self.app.push_screen(FollowUpScreen(check.followup.id))

    def action_undo(self) -> None:
        self.planner.action_undo()
        self.rebuild()

    # -- closing (step 5) --------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions: dict[str | None, Callable[[], None]] = {
            "close-day": self.action_close_day,
            "copy-summary": self.action_copy,
            "reopen-day": self.action_reopen,
        }
        actions[event.button.id]()

    def action_close_day(self) -> None:
        self.rebuild()
        review = self._review
        if self.settled:
            self._say(
                "This day is settled history: it can be read, not closed.", severity="warning"
            )
            return
        if review.closed:
            self._say("The day is already closed: R reopens it.", severity="warning")
            return
        blocking = review.unaddressed()
        if blocking:
            self.app.notify(
                refusal(blocking, review),
                title="The day is not closed",
                severity="error",
                timeout=12,
                markup=False,
            )
            self.step = PROMISES
            self._show_step()
            self.rebuild(select=blocking[0].followup.id)
            return
        app, date = self.planner, self.date
        notes, now = self._notes_text(), app.clock.now()
        closed = app.change(lambda d: close_with_summary(d, date, now, notes)[0])
        self.rebuild()
        record = find_closeout(app.document, date)
        if not closed or record is None or not record.closed:
            return
        self._write_summary(record.summary)
        if self.step == NOTES:
            self.query_one("#summary-preview").focus()

    def _write_summary(self, markdown: str) -> None:
        """Save the summary off the UI thread; a later close's summary always wins."""
        store, date = self.planner.store, self.date.isoformat()
        self._write_generation += 1
        generation = self._write_generation
        self._saving = True
        self._show_state()

        def write() -> None:
            with self._write_lock:
                if generation != self._write_generation:
                    return
                try:
                    path = store.write_summary(date, markdown)
                except (OSError, PlannerError) as exc:
                    self.app.call_from_thread(self._summary_failed, exc)
                    return
            self.app.call_from_thread(self._summary_saved, path)

        self.app.run_worker(write, thread=True, group="closeout-summary", name="write summary")

    def _summary_saved(self, path: Path) -> None:
        self._saving = False
        self.saved_path = path
        self._say(
            f"Closed {day_label(self.date)}. Summary saved to {path} — "
            "press y to copy it to the clipboard.",
            timeout=8,
        )
        if self.is_attached:
            self._show_state()

    def _summary_failed(self, error: BaseException) -> None:
        """A day is closed only with its summary on disk: without it, it opens again."""
        self._saving = False
        message = error.message if isinstance(error, PlannerError) else str(error)
        app, date = self.planner, self.date
        record = find_closeout(app.document, date)
        if record is not None and record.closed:
            app.change(lambda d: reopen_day(d, date, app.clock.now()))
        self.rebuild()
        self.app.notify(
            f"The day stays open: its summary could not be saved ({message}). "
            "Make room or fix the folder, then close it again.",
            title="Summary not saved",
            severity="error",
            timeout=12,
            markup=False,
        )
        if self.is_attached:
            self._show_state()

    def action_copy(self) -> None:
        markdown = self.summary()
        self.app.copy_to_clipboard(markdown)
        lines = markdown.count("\n")
        self._say(f"Summary copied to the clipboard ({lines} lines of Markdown).", timeout=3)

    def action_reopen(self) -> None:
        if self.settled:
            self._say(
                "This day is settled history: it can be read, not reopened.", severity="warning"
            )
            return
        if not self._review.closed:
            self._say("The day is not closed.", severity="warning")
            return
        app, date = self.planner, self.date
        now = app.clock.now()
        if app.change(lambda d: reopen_day(d, date, now)):
            self._say(
                f"Reopened {day_label(date)}: close it again to rewrite its summary.", timeout=4
            )
        self.saved_path = None
        self.rebuild()
        if self.step == NOTES:
            self.query_one("#closeout-notes", TextArea).focus()


__all__ = ["STEP_TITLES", "CloseoutScreen"]
