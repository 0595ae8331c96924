"""The dashboard screen: the executive's whole day in three panes, and the keys that work it.

The screen owns its layout, its keys, the day shown and the follow-ups filter. Its keys
live here, not on the App, so that no other screen (the detail view, the close-out, a
dialog) ever runs them: once another screen is on top, they are simply not in force.
Changes go up to the App as messages (planner.ui.messages), carried out through the
session; the screen redraws when the App announces a changed document or a new minute.
Its parts: the state they share (dashboard_base.py), the follow-ups filter
(dashboard_filter.py) and the actions that ask and change (dashboard_actions.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pendulum
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus

from planner.config import executive_zone
from planner.day import place
from planner.domain.document import Document
from planner.ui.bindings import followup_bindings
from planner.ui.desk_view import (
    ALL,
    build_desk_day,
    next_view,
    resolve_view,
    several,
    view_name,
)
from planner.ui.messages import choose_view, request_sync
from planner.ui.screens.dashboard_actions import DashboardActions
from planner.ui.screens.dashboard_filter import FollowUpFilter
from planner.ui.widgets.briefs import BriefPane
from planner.ui.widgets.followups import FollowUpsPane, label_width
from planner.ui.widgets.footer import KeyFooter
from planner.ui.widgets.header import DayHeader
from planner.ui.widgets.row_table import RowTable
from planner.ui.widgets.schedule import SchedulePane

if TYPE_CHECKING:
    from collections.abc import Callable

    from planner.config import Subscription

SCHEDULE_MIN_WIDTH = 33
"""The Schedule pane is never narrower (time, kind and a few words of the title)."""


class DashboardScreen(FollowUpFilter, DashboardActions):
    """Schedule, Follow-ups and Brief queue of one day, with the day's header and footer."""

    # The one table of the dashboard's keys. The footer shows `description`; the help
    # screen and the command palette name each action "Group: tooltip" (group from the
    # id's prefix, tooltip else description). The ids are what a [keymap] in
    # preferences.toml names. Keys that open something to type into act the moment they
    # arrive (priority), before the keys typed after them reach the focused pane; while
    # typing in the filter box they are typed (see _typed_here).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "quick_add", "Add", tooltip="Quick-add", id="followup.add", priority=True),
        *followup_bindings(hidden=frozenset({"wait", "start", "drop"})),
        Binding("slash", "filter", "Filter", id="followup.filter", priority=True),
        Binding("b", "add_brief", "Brief", tooltip="Add", id="brief.add", priority=True),
        Binding("d", "deliver", "Delivered", tooltip="Mark delivered", id="brief.deliver"),
        Binding(
            "e", "add_event", "Event", tooltip="Add", id="event.add", priority=True, show=False
        ),
        Binding("i", "import_ics", "Import .ics", id="event.import", priority=True, show=False),
        Binding(
            "R",
            "sync_calendars",
            "Sync",
            tooltip="Sync the subscribed calendars now",
            id="calendar.sync",
            show=False,
        ),
        Binding(
            "g",
            "mark('window')",
            "Mark good moment",
            tooltip="Mark",
            id="moment.mark",
            priority=True,
            show=False,
        ),
        Binding("G", "mark('block')", "Block time", id="moment.block", priority=True, show=False),
        Binding(
            "left_square_bracket",
            "shift_day(-1)",
            "Previous day",
            tooltip="Previous",
            id="day.previous",
            show=False,
        ),
        Binding(
            "right_square_bracket",
            "shift_day(1)",
            "Next day",
            tooltip="Next",
            id="day.next",
            show=False,
        ),
        Binding("t", "today", "Today", id="day.today", show=False),
        Binding("c", "closeout", "Close-out", id="day.closeout"),
        Binding(
            "v",
            "cycle_view",
            "Next executive",
            tooltip="Show the next executive (then all of them)",
            id="desk.view",
            show=False,
        ),
        Binding("tab", "app.focus_next", "Next pane", tooltip="Next", id="pane.next", show=False),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous pane",
            tooltip="Previous",
            id="pane.previous",
            show=False,
        ),
    ]

    def compose(self) -> ComposeResult:
        yield DayHeader(id="header")
        with Horizontal(id="panes"):
            yield SchedulePane()
            with Vertical(id="right"):
                # The filter box is mounted on the first `/`: it is hidden until then, and
                # building it (and its styles) would only delay the first paint.
                yield FollowUpsPane()
                yield BriefPane()
        # Compact: every key of the table fits a 120-column terminal.
        yield KeyFooter()

    def on_mount(self) -> None:
        app = self.planner
        self._view_wanted = app.preferences.view
        self._zone = app.timezone
        app.document_changed.subscribe(self, self._document_changed, immediate=True)
        app.minute_passed.subscribe(self, self._minute_passed, immediate=True)
        app.calendars_synced.subscribe(self, lambda _: self.show_freshness(), immediate=True)
        self.refresh_day()
        self.query_one(FollowUpsPane).focus()

    def _document_changed(self, document: Document) -> None:
        zone = self.planner.timezone
        if zone != self._zone:
            # The executive's zone was set (the welcome, settings): show today there.
            self._zone = zone
            self.shown_date = self.today_in_view(self.in_view)
        elif self._save_landed(document):
            # The change drawn while it was saved is on disk as drawn: only "saving…" goes.
            self._show_header()
            return
        self.refresh_day()

    def _save_landed(self, document: Document) -> bool:
        """The day was drawn from `document` while it was being saved, and nothing is
        waiting to be saved any more: what the panes show is what is on disk."""
        drawn = self._drawn
        return (
            drawn is not None
            and drawn[0] is document
            and drawn[1]
            and not self.planner.session.pending
        )

    def _minute_passed(self, _now: pendulum.DateTime) -> None:
        self.follow_today()
        self.refresh_day()

    def follow_today(self) -> None:
        """A dashboard showing today keeps showing today: past midnight (or after the
        machine slept) it moves to the new day. One moved to another day stays there."""
        today = self.today_in_view(self.in_view)
        if self.day is not None and self.day.is_today and self.shown_date != today:
            self.shown_date = today

    # -- drawing ---------------------------------------------------------

    def refresh_day(self) -> None:
        """Draw the day shown from the document as it is now."""
        app = self.planner
        document = app.document
        in_view = resolve_view(document, self._view_wanted)
        if self.day is None or (in_view != self.in_view and self.day.is_today):
            # A view that showed today shows today in the view it turns to, on its clock.
            self.shown_date = self.today_in_view(in_view)
        self.in_view = in_view
        desk = build_desk_day(
            document, self.in_view, self.shown_date, app.clock.now(), ea_zone=app.ea_zone
        )
        day = desk.day
        self.day, self.desk = day, desk
        self._show_header()
        self.show_freshness()
        self._size_schedule()
        width = desk.marker_width if desk.is_all else 0
        schedule, briefs = self.query_one(SchedulePane), self.query_one(BriefPane)
        # Timelines of the day shown: on a desk whose zones differ, their titles say whose
        # clock they run on (the EA's in "all", the executive's in their view).
        clock = f" · {place(day.timezone)} time" if desk.zones and desk.zones.labelled else ""
        schedule.border_title, briefs.border_title = f"Schedule{clock}", f"Brief queue{clock}"
        schedule.show(day, desk.days, width)
        briefs.show(day, desk.days, width)
        self._show_followups()

    def _show_header(self) -> None:
        """The header of the day as last drawn, saying "saving…" while a change is not on
        disk yet."""
        app = self.planner
        document = app.document
        assert self.day is not None and self.desk is not None
        saving = app.session.pending > 0
        self._drawn = (document, saving)
        shown = document.executive(self.in_view) if self.in_view is not None else None
        self.query_one(DayHeader).show(
            self.day,
            executive=shown.name if shown is not None else "",
            ea_zone=app.ea_zone,
            saving=saving,
            lines=self.desk.lines,
            everyone=self.desk.is_all,
        )

    def on_resize(self) -> None:
        self._size_schedule()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # Alerts are drawn over the side not being worked in (app.tcss): over the Schedule
        # while the EA works the Follow-ups or the Brief queue, else over the right column.
        # On the App, so a dialog's alerts sit where the dashboard's do.
        self.app.set_class(event.widget.id == "schedule", "-toasts-right")

    def _size_schedule(self) -> None:
        """Give the Schedule the width its titles need, out of what the Follow-ups can spare
        while keeping their state, promise and a readable matter (channel and priority give
        way first; the detail view shows them). Never less than SCHEDULE_MIN_WIDTH."""
        # The terminal's width, known before the first layout (the screen's is not yet).
        total = self.app.size.width
        if self.day is None or not total:
            return
        spare = total - FollowUpsPane.narrowest_width() - label_width(self.day.followups)
        desk = self.desk
        wanted = SchedulePane.wanted_width(
            self.day, desk.marker_width if desk is not None and desk.is_all else 0
        )
        width = max(SCHEDULE_MIN_WIDTH, min(wanted, spare))
        pane = self.query_one(SchedulePane)
        if pane.styles.width is None or pane.styles.width.value != width:
            pane.styles.width = width

    # -- opening and syncing ---------------------------------------------

    def on_row_table_row_selected(self, event: RowTable.RowSelected) -> None:
        if event.table.id == "followups" and event.key != "empty":
            from planner.ui.screens.followup import FollowUpScreen

            self.app.push_screen(FollowUpScreen(event.key))
        elif event.table.id == "briefs" and any(
            b.id == event.key for b in self.planner.document.briefs
        ):
            from planner.ui.screens.brief import BriefScreen

            self.app.push_screen(BriefScreen(event.key))
        elif event.table.id == "briefs":
            said = self.query_one(BriefPane).moment_said(event.key)
            if said is not None:
                self.notify(said, title="Next good moment", markup=False)
        elif event.table.id == "schedule" and event.key.startswith("e:"):
            from planner.ui.screens.event import EventScreen

            self.app.push_screen(EventScreen(event.key[2:]))

    def action_sync_calendars(self) -> None:
        if self.planner.document.settings.calendars:
            request_sync(self)  # the header redraws on calendars_synced
            return
        self.notify(
            "No calendars subscribed: `ea-planner calendar add NAME URL` adds one "
            "(docs/calendars.md)",
            title="Sync",
            severity="warning",
        )
        self.show_freshness()

    def show_freshness(self) -> None:
        """The header's line on how fresh the schedule is (after each sync, each redraw);
        on a desk of several executives, each executive's calendars on their own line."""
        sync = self.planner.calendar_sync
        document = self.planner.document
        zone = self.planner.timezone
        if len(document.roster) == 1:
            self.query_one(DayHeader).show_freshness(sync.freshness(zone))
            return

        def of(executive: str) -> Callable[[Subscription], bool]:
            return lambda subscription: document.is_of(subscription.executive, executive)

        # Times in the EA's own zone: the sync is the EA's, whoever's calendar it reads.
        mine = self.planner.ea_zone
        fresh = {x.id: sync.freshness(mine, of(x.id)) for x in document.roster}
        self.query_one(DayHeader).show_freshness("", fresh)

    # -- executives --------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # One executive: there is no other view, and the key is left out of the footer.
        if action == "cycle_view":
            return len(self.planner.document.roster) > 1
        return True

    def action_cycle_view(self) -> None:
        """The next executive's records, in desk order, then all of them, then the first."""
        document = self.planner.document
        self._view_wanted = next_view(document, self.in_view) or ALL
        self.refresh_day()
        choose_view(self, view_name(document, self.in_view))

    # -- days ------------------------------------------------------------

    def show_date(self, date: pendulum.Date) -> None:
        """Show `date`."""
        self.shown_date = date
        self.refresh_day()

    def action_shift_day(self, days: int) -> None:
        self.show_date(self.shown_date.add(days=days))

    def action_today(self) -> None:
        self.show_date(self.today_in_view(self.in_view))

    def today_in_view(self, in_view: str | None) -> pendulum.Date:
        """Today on the clock of the view: an executive's own date in their view (past
        19:00 in New York it is already tomorrow in London), the EA's in "all"."""
        app = self.planner
        document = app.document
        if in_view is None and several(document):
            zone = app.ea_zone
        elif in_view is not None:
            zone = executive_zone(document.view(in_view).settings)
        else:
            return app.today()
        return app.clock.now().in_tz(zone).date()

    def action_closeout(self) -> None:
        """The end-of-day close-out of the day shown, step by step."""
        from planner.ui.screens.closeout import CloseoutScreen  # only when asked: first paint

        self.app.push_screen(CloseoutScreen(self.shown_date))


__all__ = ["DashboardScreen"]
