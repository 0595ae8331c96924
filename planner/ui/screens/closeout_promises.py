"""Step 2 of the close-out: every promise that fell due gets an answer (resolve, re-promise
and escalate ask what the dashboard asks, planner.ui.ask.followups; keep and un-keep
are the review's own).

The rows stay where they were first shown for as long as the close-out is open, and the
cursor stays on the row just answered: what the EA sees under the cursor is what the next
key acts on, and ↓ goes to the row that was below it."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.widgets import DataTable, Static

from planner.closeout import (
    PromiseCheck,
    Review,
    keep,
    unkeep,
)
from planner.domain import FollowUp
from planner.ui.messages import Applied, plain_change, propose, request_change, run_sequence
from planner.ui.screens.closeout_base import CloseoutBase
from planner.ui.widgets.closeout_steps import (
    promise_detail,
    promise_row,
    still_open_view,
)
from planner.ui.widgets.palette import StatusColors, status_colors
from planner.ui.widgets.promise_table import PromiseTable


class PromiseAnswers(CloseoutBase):
    """Mixed into the close-out screen: the promises step."""

    def _show_promises(self, review: Review, colors: StatusColors, select: str | None) -> None:
        if self.desk_review is not None:
            from planner.ui.desk_closeout import promise_rows

            rows = promise_rows(self.desk_review, colors, self.planner.ea_zone)
        else:
            rows = [(c.followup.id, promise_row(c, review, colors)) for c in review.promises]
        rows = self._in_shown_order(rows)
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

    def _in_shown_order(
        self, rows: list[tuple[str, tuple[Text, ...]]]
    ) -> list[tuple[str, tuple[Text, ...]]]:
        """`rows` in the order they were first shown: an answer never moves a row. A row
        new to the list (a promise falling due as the minutes pass, an undone answer) goes
        where the review puts it, after the row it follows there."""
        order = self.promise_order
        known = set(order)
        for index, (key, _) in enumerate(rows):
            if key in known:
                continue
            before = [k for k, _ in rows[:index] if k in known]
            order.insert(order.index(before[-1]) + 1 if before else 0, key)
            known.add(key)
        place = {key: n for n, key in enumerate(order)}
        return sorted(rows, key=lambda row: place[row[0]])

    def _show_promise_detail(self) -> None:
        check = self._check(self.query_one(PromiseTable).selected_key)
        detail = self.query_one("#promise-detail", Static)
        if check is None:
            detail.update(Text(""))
            return
        label = ""
        if self.desk_review is not None:
            from planner.ui.desk_closeout import label_of

            label = label_of(self.desk_review, check.followup.id, self.planner.ea_zone)
        detail.update(promise_detail(check, self._review, status_colors(self.app), label))

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

    def _after_answer(self, followup_id: str) -> None:
        """Rebuild with the cursor on the promise just answered (the rows stay put)."""
        self.rebuild(select=followup_id)

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

        proposal = await run_sequence(self.app, followups.move(self.planner.asker, step, followup))
        if proposal is not None:
            await propose(self, proposal)
        if self.is_attached:
            self._after_answer(followup.id)

    def action_keep(self) -> None:
        """Keep the promise as it stands; on a kept one, take the keep back."""
        check = self._selected("keep")
        if check is None:
            return
        if check.addressed == "kept":
            self.action_unkeep()
            return
        if check.addressed is not None:
            self._say(
                f"{check.followup.customer} is already {check.addressed}: nothing to keep.",
                severity="warning",
            )
            return
        app, date, followup_id = self.planner, self.date, check.followup.id
        now = app.clock.now()
        said = f"Kept the promise to {check.followup.customer} as it stands"

        def kept(_applied: Applied[None] | None) -> None:
            if self.is_attached:
                self._after_answer(followup_id)

        request_change(
            self, plain_change(lambda d: keep(d, date, followup_id, now)), said, then=kept
        )

    def action_unkeep(self) -> None:
        check = self._selected("un-keep")
        if check is None:
            return
        if check.addressed != "kept":
            self._say(f"{check.followup.customer}'s promise is not kept.", severity="warning")
            return
        app, date, followup_id = self.planner, self.date, check.followup.id
        now = app.clock.now()
        customer = check.followup.customer

        def unkept(applied: Applied[None] | None) -> None:
            if applied is not None:
                self._say(f"{customer}'s promise needs an answer again", timeout=3)
            if self.is_attached:
                self.rebuild(select=followup_id)

        request_change(self, plain_change(lambda d: unkeep(d, date, followup_id, now)), then=unkept)

    def action_details(self) -> None:
        check = self._check(self.query_one(PromiseTable).selected_key)
        if check is None:
            return
        from planner.ui.screens.followup import FollowUpScreen

        self.app.push_screen(FollowUpScreen(check.followup.id))
