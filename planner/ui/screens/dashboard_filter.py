"""The dashboard's follow-ups filter (`/`): a box over the Follow-ups pane that searches
every follow-up, history included, once typing pauses; Escape clears it."""

from __future__ import annotations

import contextlib
from zoneinfo import ZoneInfo

from textual.content import Content
from textual.css.query import NoMatches
from textual.events import Key
from textual.timer import Timer
from textual.widgets import Input

from planner.day import FollowUpRow, followup_rows
from planner.domain import FollowUp
from planner.domain.base import plain
from planner.search import Query, matches_followup
from planner.ui.screens.dashboard_base import DashboardBase
from planner.ui.widgets.followups import FollowUpsPane

FILTER_DELAY = 0.15
"""Seconds after the last keystroke in the filter box before the follow-ups are filtered."""

FilterCache = tuple[object, tuple[FollowUp, ...], tuple[FollowUpRow, ...], frozenset[str]]


class FollowUpFilter(DashboardBase):
    """Part of the dashboard screen: the Follow-ups pane, filtered or not."""

    filter_text: str = ""
    _filter_timer: Timer | None = None
    _filter_cache: FilterCache | None = None

    def _show_followups(self) -> None:
        pane = self.query_one(FollowUpsPane)
        assert self.day is not None and self.desk is not None
        desk = self.desk
        if not self.filter_text:
            owners = desk.followup_markers if desk.is_all else None
            pane.show(self.day.followups, self.day.now.date(), owners=owners)
            pane.border_subtitle = ""
            return
        app = self.planner
        session = app.session
        if session.history is None:
            # A change dropped the loaded history: reload it, and show the live document
            # meanwhile.
            session.load_history(lambda _history: self._show_followups())
        source = session.history or app.document
        query = Query.parse(self.filter_text)
        zones = desk.zones
        key = (query, id(source), len(source.followups), app.timezone, zones)
        if self._filter_cache is None or self._filter_cache[0] != key:
            matches = [f for f in source.followups if matches_followup(query, f)]
            zone = ZoneInfo(app.timezone)
            settled = [f for f in matches if not f.is_open]
            settled.sort(key=lambda f: f.updated.timestamp(), reverse=True)
            # Several executives: each on their own clock, labelled (planner.day.Zones).
            settled_rows = tuple(
                FollowUpRow(followup=f, state="later", when=plain(f.promised_by).astimezone(zone))
                if zones is None or not zones.several
                else FollowUpRow(
                    followup=f,
                    state="later",
                    when=plain(f.promised_by).astimezone(ZoneInfo(zones.zone(f.executive))),
                    label=zones.label(f.executive),
                )
                for f in settled
            )
            live = tuple(f for f in matches if f.is_open)
            self._filter_cache = (key, live, settled_rows, frozenset(f.id for f in settled))
        _, live, settled_rows, closed = self._filter_cache
        # Live matters first, in the usual order; then history, most recent first. Only the
        # few live rows are recomputed as the clock ticks.
        rows = followup_rows(live, app.clock.now(), self.shown_date, app.timezone, zones=zones)
        pane.show(
            rows,
            self.day.now.date(),
            history=settled_rows,
            closed=closed,
            empty=f"nothing matches “{self.filter_text}” — Escape clears the filter",
            # The filter searches the whole desk: say whose each match is.
            owners=desk.followup_markers if desk.lines else None,
        )
        count = len(rows) + len(settled_rows)
        pane.border_subtitle = Content(f"{count} matching “{self.filter_text}”")

    def _filter_box(self) -> Input | None:
        boxes = self.query("#filter")
        return boxes.first(Input) if boxes else None

    async def action_filter(self) -> None:
        self._typed_here()
        box = self._filter_box()
        if box is None:
            box = Input(placeholder="filter follow-ups (all history) — Escape clears", id="filter")
            await self.query_one("#right").mount(box, before=self.query_one(FollowUpsPane))
        box.display = True
        box.focus()
        self.planner.session.load_history(
            lambda _history: self._show_followups() if self.filter_text else None
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter" and event.input.display:
            # Typing is never held up by searching five years: filter once typing pauses.
            if self._filter_timer is not None:
                self._filter_timer.stop()
            text = event.value.strip()
            self._filter_timer = self.set_timer(FILTER_DELAY, lambda: self._set_filter(text))

    def _set_filter(self, text: str) -> None:
        self._filter_timer = None
        self.filter_text = text
        # The pause timer may fire as the app closes, with the panes already gone.
        with contextlib.suppress(NoMatches):
            self._show_followups()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one(FollowUpsPane).focus()

    def on_key(self, event: Key) -> None:
        """Escape clears the filter: typed in the filter box, or on the dashboard once the
        box is left (Enter) while the list is still filtered. Nothing else on the dashboard
        answers Escape, and a filter that outlives it hides follow-ups on every day and view."""
        if event.key != "escape":
            return
        box = self._filter_box()
        typing = box is not None and box.has_focus
        if typing or self.filter_text or (box is not None and box.display):
            self.clear_filter()
            event.stop()

    def clear_filter(self) -> None:
        """Back to the whole list: the filter box emptied and closed, no filter pending."""
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        box = self._filter_box()
        if box is not None:
            box.display = False
            box.value = ""
        self.filter_text = ""
        self._show_followups()
        self.query_one(FollowUpsPane).focus()


__all__ = ["FILTER_DELAY", "FollowUpFilter"]
