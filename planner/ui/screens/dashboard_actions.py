"""The dashboard's actions that ask and change: quick-add and the moves of a follow-up,
briefs, events, good moments and blocks, imports. Each runs a dialog sequence of
planner.ui.ask in a worker and posts what it proposes up to the App
(`planner.ui.messages.settle`), asking first, on a desk shown "all", for which executive."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pendulum
from textual import work

from planner.config import executive_zone
from planner.domain.window import WindowMark
from planner.ui.messages import request_change, settle
from planner.ui.screens.dashboard_base import DashboardBase
from planner.ui.widgets.briefs import BriefPane
from planner.ui.widgets.followups import FollowUpsPane

if TYPE_CHECKING:
    from planner.ui.ask import Asker


class DashboardActions(DashboardBase):
    """Part of the dashboard screen: the keys that ask, then change the document."""

    # -- follow-ups ------------------------------------------------------

    def selected_followup(self) -> str | None:
        """The id of the follow-up under the Follow-ups pane's cursor, when that pane is the
        one being worked in: a key pressed in the Schedule never acts on a follow-up."""
        pane = self.query_one(FollowUpsPane)
        key = pane.selected_key
        return None if not pane.has_focus or key in (None, "empty") else key

    def action_quick_add(self, initial: str = "") -> None:
        self._typed_here()
        self._quick_add(initial)

    @work(group="ask")
    async def _quick_add(self, initial: str) -> None:
        from planner.ui.ask import followups

        applied = await settle(self, followups.quick_add(self.asker(), initial))
        if applied is not None:
            self.query_one(FollowUpsPane).keep_cursor_on(applied.result.id)

    def action_followup(self, action: str) -> None:
        self._typed_here()
        followup_id = self.selected_followup()
        if followup_id is None:
            self.notify("Select a follow-up in the Follow-ups pane first", severity="warning")
            return
        self._move(action, followup_id)

    @work(group="ask")
    async def _move(self, step: str, followup_id: str) -> None:
        from planner.ui.ask import followups

        followup = self.planner.find_followup(followup_id)
        if followup is not None:
            await settle(self, followups.move(self.planner.asker, step, followup))

    # -- briefs ----------------------------------------------------------

    def action_add_brief(self) -> None:
        self._typed_here()
        self._new_brief()

    @work(group="ask")
    async def _new_brief(self) -> None:
        from planner.ui.ask import briefs

        asker = await self.asker_for_whom("New brief")
        if asker is not None:
            await settle(self, briefs.new_brief(asker))

    def action_deliver(self) -> None:
        pane = self.query_one(BriefPane)
        key = pane.selected_key
        if not pane.has_focus or key is None or key == "empty" or key.startswith("next-moment"):
            self.notify("Select a brief in the Brief queue first", severity="warning")
            return
        from planner.operations.briefs import deliver_brief

        brief_id, now = str(key), self.planner.now()
        request_change(self, lambda d: deliver_brief(d, brief_id, now), "Delivered")

    # -- schedule --------------------------------------------------------

    def action_add_event(self) -> None:
        self._typed_here()
        self._new_event(self.shown_date)

    @work(group="ask")
    async def _new_event(self, day: pendulum.Date) -> None:
        from planner.ui.ask import schedule

        asker = await self.asker_for_whom("New event")
        if asker is not None:
            await settle(self, schedule.new_event_on(asker, day))

    def action_mark(self, mark: WindowMark) -> None:
        self._typed_here()
        self._mark(self.shown_date, mark)

    @work(group="ask")
    async def _mark(self, day: pendulum.Date, mark: WindowMark) -> None:
        from planner.ui.ask import schedule

        what = "Mark a good moment" if mark == "window" else "Block time"
        asker = await self.asker_for_whom(what)
        if asker is not None:
            await settle(self, schedule.mark_on(asker, day, mark))

    def action_import_ics(self) -> None:
        self._typed_here()
        self._import()

    @work(group="ask")
    async def _import(self) -> None:
        from planner.ui.ask import schedule

        await settle(self, schedule.import_calendar(self.asker(), self.planner.quitting))

    # -- executives --------------------------------------------------------

    def asker(self) -> Asker:
        """The dialog sequences' asker, working for the executive in view: the records
        they add are that executive's, times typed are in their zone. In "all", quick-add
        names whom with `+Short` (else the first); an import goes to the calendar's own."""
        return self.planner.asker.for_executive(self.in_view)

    async def asker_for_whom(self, what: str) -> Asker | None:
        """The asker for a new event, good moment, block or brief: the executive in view's;
        in "all", the EA says whose first (a time means nothing without their zone). None
        when the question is cancelled."""
        asker = self.asker()
        document = self.planner.document
        if self.in_view is not None or len(document.roster) == 1:
            return asker
        from planner.domain.executive import describe
        from planner.ui.dialogs.choice import ChoiceScreen

        choice = await asker.ask(
            ChoiceScreen(
                f"{what}: for which executive?",
                [
                    (x.id, f"{describe(x)} · {executive_zone(document.rules_for(x.id))}")
                    for x in document.roster
                ],
            )
        )
        return None if choice is None else asker.for_executive(choice)


__all__ = ["DashboardActions"]
