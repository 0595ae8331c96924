"""Step 5 of the close-out: the notes, the Markdown summary, closing the day (the summary
written to closeouts/YYYY-MM-DD.md off the UI thread; a day whose summary cannot be
saved opens again), copying and reopening."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual.widgets import Button, Static, TextArea

from planner.closeout import (
    close_with_summary,
    day_label,
    find_closeout,
    render_markdown,
    reopen_day,
)
from planner.closeout.desk import close_desk, render_desk_markdown
from planner.commands.closeout import HISTORY_DAYS
from planner.errors import PlannerError
from planner.humanize import counted
from planner.storage.store import CLOSEOUT_DIR
from planner.text import clean_text
from planner.ui.messages import Applied, plain_change, request_change
from planner.ui.screens.closeout_base import CloseoutBase
from planner.ui.widgets.closeout_steps import (
    NOTES,
    PROMISES,
    at_time,
    refusal,
)
from planner.ui.widgets.palette import status_colors


def notes_id(executive_id: str) -> str:
    """The widget id of an executive's notes box."""
    return f"notes-{executive_id}"


class Closing(CloseoutBase):
    """Mixed into the close-out screen: notes (the desk's; on a desk of several, each
    executive's too), summary, close and reopen."""

    def _notes_text(self) -> str:
        """The desk's notes (on a desk of one: the day's)."""
        return self.query_one("#closeout-notes", TextArea).text

    def executive_notes(self) -> dict[str, str]:
        """Executive id → the notes in their box (a desk of several; else empty)."""
        return {
            x.id: self.query_one(f"#{notes_id(x.id)}", TextArea).text for x in self.note_executives
        }

    def saved_executive_notes(self) -> dict[str, str]:
        """Executive id → their notes as the record holds them."""
        if self.desk_review is None:
            return {}
        return {s.executive.id: s.notes for s in self.desk_review.sections}

    def load_executive_notes(self) -> None:
        """Each executive's box filled from the record (`Closeout.executive_notes`)."""
        saved = self.saved_executive_notes()
        for executive in self.note_executives:
            box = self.query_one(f"#{notes_id(executive.id)}", TextArea)
            box.load_text(saved.get(executive.id, ""))

    def notes_areas(self) -> list[TextArea]:
        """Every notes box: each executive's, then the desk's."""
        return [
            *(self.query_one(f"#{notes_id(x.id)}", TextArea) for x in self.note_executives),
            self.query_one("#closeout-notes", TextArea),
        ]

    def first_notes(self) -> str:
        """The selector of the first notes box (the first executive's on a desk of several)."""
        if self.note_executives:
            return f"#{notes_id(self.note_executives[0].id)}"
        return "#closeout-notes"

    def _notes_changed(self) -> bool:
        if clean_text(self._notes_text()) != clean_text(self._review.notes):
            return True
        saved = self.saved_executive_notes()
        return any(
            clean_text(text) != clean_text(saved.get(key, ""))
            for key, text in self.executive_notes().items()
        )

    def summary(self) -> str:
        """The Markdown summary as it stands: the saved one of a closed day, else the live one."""
        review = self._review
        if review.closed:
            record = find_closeout(self._document(), self.date)
            if record is not None and record.summary:
                return record.summary
        notes = clean_text(self._notes_text())
        if self.desk_review is not None:
            # A section per executive (with the notes in their box), then the desk's notes.
            typed = self.executive_notes()
            sections = tuple(
                replace(s, notes=clean_text(typed.get(s.executive.id, s.notes)))
                for s in self.desk_review.sections
            )
            return render_desk_markdown(replace(self.desk_review, notes=notes, sections=sections))
        return render_markdown(replace(review, notes=notes))

    def _show_preview(self) -> None:
        colors = status_colors(self.app)
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
        colors = status_colors(self.app)
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
        if self.desk_review is not None:
            typed = self.executive_notes()
            change = plain_change(lambda d: close_desk(d, date, now, notes, typed)[0])
        else:
            change = plain_change(lambda d: close_with_summary(d, date, now, notes)[0])

        def closed(applied: Applied[None] | None) -> None:
            if not self.is_attached:
                return
            self.rebuild()
            record = find_closeout(app.document, date)
            if applied is None or record is None or not record.closed:
                return
            self._write_summary(record.summary)
            if self.step == NOTES:
                self.query_one("#summary-preview").focus()

        request_change(self, change, then=closed)

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
            now = app.clock.now()
            request_change(self, plain_change(lambda d: reopen_day(d, date, now)))
        if self.is_attached:
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
        self._say(
            f"Summary copied to the clipboard ({counted(lines, 'line')} of Markdown).", timeout=3
        )

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

        def reopened(applied: Applied[None] | None) -> None:
            if applied is not None:
                self._say(
                    f"Reopened {day_label(date)}: close it again to rewrite its summary.",
                    timeout=4,
                )
            self.saved_path = None
            if not self.is_attached:
                return
            self.rebuild()
            if self.step == NOTES:
                self.query_one(self.first_notes(), TextArea).focus()

        request_change(self, plain_change(lambda d: reopen_day(d, date, now)), then=reopened)
