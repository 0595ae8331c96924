"""The end-of-day close-out (`c`): a guided review of one day in five steps, ending with the
day closed and its Markdown summary saved to closeouts/YYYY-MM-DD.md.

The review itself is `planner.closeout` (pure functions); this screen shows one step at a
time and builds the review again whenever the document changes or a minute passes. Its
parts: the promises step (closeout_promises.py: answers through the same dialog
sequences as the dashboard) and the closing step (closeout_closing.py: notes, summary on
disk, reopen), over the state both share (closeout_base.py); each change goes through
the session (saved in the background, undoable with `u`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, Label, Static, TextArea

from planner.closeout import (
    build_review,
    day_label,
)
from planner.closeout.desk import build_desk_review
from planner.commands.closeout import HISTORY_DAYS
from planner.domain.executive import describe
from planner.humanize import fmt
from planner.ui.desk_closeout import merged_review, sections_view
from planner.ui.guard import Guarded
from planner.ui.messages import request_undo
from planner.ui.screens.closeout_closing import Closing, notes_id
from planner.ui.screens.closeout_promises import PromiseAnswers
from planner.ui.widgets.closeout_steps import (
    NOTES,
    PROMISES,
    STEP_IDS,
    STEP_TITLES,
    day_state,
    done_view,
    step_trail,
    tell_view,
    tomorrow_view,
)
from planner.ui.widgets.footer import KeyFooter
from planner.ui.widgets.palette import status_colors
from planner.ui.widgets.promise_table import PromiseTable, StepScroll

if TYPE_CHECKING:
    pass

_PROMISE_ACTIONS = frozenset({"resolve", "repromise", "escalate", "keep", "unkeep", "details"})
_CHANGES = frozenset({"resolve", "repromise", "escalate", "keep", "unkeep", "close_day", "reopen"})


class CloseoutScreen(PromiseAnswers, Closing, Guarded, Screen[None]):
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
        # Shifted, as escalate is: `k` moves up the list, as in every pane, and an answer
        # is never a slip of the finger.
        Binding(
            "K",
            "keep",
            "Keep",
            tooltip="Keep the promise as it stands (again: take the keep back)",
            id="closeout.keep",
        ),
        Binding(
            "ctrl+k",
            "unkeep",
            "Un-keep",
            show=False,
            tooltip="Take back a keep",
            id="closeout.unkeep",
        ),
        Binding("u", "undo", "Undo", id="closeout.undo"),
        Binding("ctrl+s", "close_day", "Close the day", id="closeout.close"),
        Binding("y", "copy", "Copy summary", id="closeout.copy"),
        Binding("R", "reopen", "Reopen", tooltip="Reopen the closed day", id="closeout.reopen"),
    ]

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
                # A desk of several: a box per executive (their section of the summary, as
                # `closeout --exec X --notes` writes), then the desk's own.
                roster = self.planner.document.roster
                self.note_executives = roster if len(roster) > 1 else ()
                several = "-several" if self.note_executives else ""
                with Vertical(id="notes-side", classes=several):
                    for executive in self.note_executives:
                        yield Label(f"Notes for {describe(executive)}", classes="notes-label")
                        yield TextArea(
                            id=notes_id(executive.id), classes="executive-notes", soft_wrap=True
                        )
                    label = (
                        "The desk's notes (the summary's last section)"
                        if self.note_executives
                        else "Notes for the day (they go into the summary)"
                    )
                    yield Label(label, id="notes-label")
                    yield TextArea(id="closeout-notes", soft_wrap=True)
                    yield Static(id="closeout-state")
                    with Horizontal(id="closeout-buttons"):
                        yield Button("Close the day", id="close-day", variant="primary")
                        yield Button("Copy summary", id="copy-summary")
                        yield Button("Reopen", id="reopen-day")
                with StepScroll(id="summary-preview"):
                    yield Static(id="summary-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        for step_id, title in zip(STEP_IDS, STEP_TITLES, strict=True):
            self.query_one(f"#{step_id}").border_title = title
        self.query_one("#summary-preview").border_title = "Summary (Markdown)"
        app = self.planner
        today = app.clock.now().in_tz(app.timezone).date()
        self.settled = self.date < today.subtract(days=HISTORY_DAYS)
        self.rebuild()
        self.query_one("#closeout-notes", TextArea).load_text(self._review.notes)
        self.load_executive_notes()
        self._show_step()
        # Rebuilt when the document changes (an answer, an undo, another process) or the
        # minute does (a promise falls due). Queued, not immediate: an answer given here
        # rebuilds itself first, knowing which promise to move on to.
        app.document_changed.subscribe(self, self._changed)
        app.minute_passed.subscribe(self, self._changed)

    # -- the review ------------------------------------------------------

    def rebuild(self, select: str | None = None) -> None:
        """Build the review from the document as it is now and show every step of it."""
        app = self.planner
        now = app.clock.now()
        document = self._document()
        colors = status_colors(self.app)
        if len(document.roster) > 1:
            desk = self.desk_review = build_desk_review(document, self.date, now)
            self.review = merged_review(desk)
            done = sections_view(desk, done_view, colors)
            tell = sections_view(desk, tell_view, colors)
            tomorrow = sections_view(desk, tomorrow_view, colors)
        else:
            self.desk_review = None
            self.review = build_review(document, self.date, now)
            done = done_view(self.review, colors)
            tell = tell_view(self.review, colors)
            tomorrow = tomorrow_view(self.review, colors)
        self._seen = (document, fmt(now, "YYYY-MM-DD HH:mm"))
        review = self.review
        self.query_one("#done-body", Static).update(done)
        self._show_promises(review, colors, select)
        self.query_one("#tell-body", Static).update(tell)
        self.query_one("#tomorrow-body", Static).update(tomorrow)
        for notes in self.notes_areas():
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
        colors = status_colors(self.app)
        text = Text()
        text.append(f"Close-out — {day_label(self.date)}", style="bold")
        text.append("   ")
        text.append_text(day_state(review, colors))
        if self.settled:
            text.append(" · settled history, read-only", style="dim")
        if self.desk_review is not None:
            # The close-out is always the desk's, whichever executive the dashboard shows.
            names = ", ".join(f"+{s.executive.short}" for s in self.desk_review.sections)
            text.append(f" · the whole desk: {names}", style="dim")
        text.append("\n")
        text.append(f"Step {self.step + 1} of {len(STEP_IDS)}: {STEP_TITLES[self.step]}", "bold")
        text.append("\n")
        width = (self.size.width or self.app.size.width) - 2  # the header's padding
        text.append_text(step_trail(STEP_TITLES, self.step, width, colors))
        self.query_one("#closeout-header", Static).update(text)

    def on_resize(self) -> None:
        if self.review is not None:
            self._show_header()

    # -- moving between steps ----------------------------------------------

    def _show_step(self) -> None:
        self.query_one(ContentSwitcher).current = STEP_IDS[self.step]
        self._show_header()
        focus = {
            PROMISES: "#promise-table",
            NOTES: self.first_notes() if not self._review.closed else "#summary-preview",
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
        if any(notes.has_focus for notes in self.notes_areas()):
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

    def action_undo(self) -> None:
        # Redrawn by `document_changed` once the undo is in.
        request_undo(self)

    # -- closing (step 5) --------------------------------------------------


__all__ = ["NOTES", "PROMISES", "STEP_TITLES", "CloseoutScreen"]
