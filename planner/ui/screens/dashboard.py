"""The dashboard screen: the executive's whole day in three panes, and the keys that work it.

The screen owns its layout, its keys, the day shown and the follow-ups filter. Its keys
live here, not on the App, so that no other screen (the detail view, the close-out, a
dialog) ever runs them: once another screen is on top, they are simply not in force.
Changes go up to the App (`PlannerApp.change`, through the session); the screen redraws
when the App announces a changed document or a new minute.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, ClassVar, cast
from zoneinfo import ZoneInfo

import pendulum
from textual import work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.events import DescendantFocus, Key
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from planner.config import executive_zone
from planner.day import Day, FollowUpRow, followup_rows
from planner.domain import FollowUp
from planner.domain.base import plain
from planner.domain.document import Document
from planner.domain.window import WindowMark
from planner.search import Query, matches_followup
from planner.ui.bindings import followup_bindings
from planner.ui.desk_view import ALL, DeskDay, build_desk_day, next_view, resolve_view, view_name
from planner.ui.widgets.briefs import BriefPane
from planner.ui.widgets.followups import FollowUpsPane
from planner.ui.widgets.footer import KeyFooter
from planner.ui.widgets.header import DayHeader
from planner.ui.widgets.row_table import RowTable
from planner.ui.widgets.schedule import SchedulePane

if TYPE_CHECKING:
    from collections.abc import Callable

    from planner.config import Subscription
    from planner.ui.app import PlannerApp
    from planner.ui.ask import Asker

SCHEDULE_MIN_WIDTH = 33
"""The Schedule pane is never narrower (time, kind and a few words of the title)."""

FILTER_DELAY = 0.15
"""Seconds after the last keystroke in the filter box before the follow-ups are filtered."""

FilterCache = tuple[object, tuple[FollowUp, ...], tuple[FollowUpRow, ...], frozenset[str]]


class DashboardScreen(Screen[None]):
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

    def __init__(self, shown_date: pendulum.Date) -> None:
        super().__init__(id="dashboard")
        self.shown_date = shown_date
        """The day the panes show (`[`, `]` and `t` move it)."""
        self.day: Day | None = None
        """The day as last drawn."""
        self.desk: DeskDay | None = None
        """The day as last drawn, with whose it is (several executives: each one's)."""
        self.in_view: str | None = None
        """The id of the executive whose records the panes show; None: all of them (a desk
        of several executives). The EA's choice, not data: `v` cycles it, preferences.toml
        remembers it."""
        self._view_wanted = ""
        self.filter_text = ""
        self._filter_timer: Timer | None = None
        self._filter_cache: FilterCache | None = None
        self._zone = ""
        """The executive's zone the day was last drawn in."""

    @property
    def planner(self) -> PlannerApp:
        return cast("PlannerApp", self.app)

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
            self.shown_date = self.planner.today()
        self.refresh_day()

    def _minute_passed(self, _now: pendulum.DateTime) -> None:
        self.follow_today()
        self.refresh_day()

    def follow_today(self) -> None:
        """A dashboard showing today keeps showing today: past midnight (or after the
        machine slept) it moves to the new day. One moved to another day stays there."""
        today = self.planner.today()
        if self.day is not None and self.day.is_today and self.shown_date != today:
            self.shown_date = today

    def _typed_here(self) -> None:
        """Keys that open something to type into act at once (priority bindings); while
        typing in the filter box, the key is only typed."""
        if isinstance(self.focused, Input):
            raise SkipAction()

    # -- drawing ---------------------------------------------------------

    def refresh_day(self) -> None:
        """Draw the day shown from the document as it is now."""
        app = self.planner
        document = app.document
        self.in_view = resolve_view(document, self._view_wanted)
        desk = build_desk_day(
            document, self.in_view, self.shown_date, app.clock.now(), ea_zone=app.ea_zone
        )
        day = desk.day
        self.day, self.desk = day, desk
        shown = document.executive(self.in_view) if self.in_view is not None else None
        self.query_one(DayHeader).show(
            day,
            executive=shown.name if shown is not None else "",
            ea_zone=app.ea_zone,
            saving=app.session.pending > 0,
            lines=desk.lines,
            everyone=desk.is_all,
        )
        self.show_freshness()
        self._size_schedule()
        width = desk.marker_width if desk.is_all else 0
        self.query_one(SchedulePane).show(day, desk.days, width)
        self.query_one(BriefPane).show(day, desk.days, width)
        self._show_followups()

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
        spare = total - FollowUpsPane.narrowest_width()
        desk = self.desk
        wanted = SchedulePane.wanted_width(
            self.day, desk.marker_width if desk is not None and desk.is_all else 0
        )
        width = max(SCHEDULE_MIN_WIDTH, min(wanted, spare))
        pane = self.query_one(SchedulePane)
        if pane.styles.width is None or pane.styles.width.value != width:
            pane.styles.width = width

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
        key = (query, id(source), len(source.followups), app.timezone)
        if self._filter_cache is None or self._filter_cache[0] != key:
            matches = [f for f in source.followups if matches_followup(query, f)]
            zone = ZoneInfo(app.timezone)
            settled = [f for f in matches if not f.is_open]
            settled.sort(key=lambda f: f.updated.timestamp(), reverse=True)
            settled_rows = tuple(
                FollowUpRow(followup=f, state="later", when=plain(f.promised_by).astimezone(zone))
                for f in settled
            )
            live = tuple(f for f in matches if f.is_open)
            self._filter_cache = (key, live, settled_rows, frozenset(f.id for f in settled))
        _, live, settled_rows, closed = self._filter_cache
        # Live matters first, in the usual order; then history, most recent first. Only the
        # few live rows are recomputed as the clock ticks.
        rows = followup_rows(live, app.clock.now(), self.shown_date, app.timezone)
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

        applied = await self.planner.settle(followups.quick_add(self.asker(), initial))
        if applied is not None:
            self.query_one(FollowUpsPane).keep_cursor_on(applied.result.id)

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
        if not self.planner.calendar_sync.now():
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
            await self.planner.settle(followups.move(self.planner.asker, step, followup))

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

    # -- briefs ----------------------------------------------------------

    def action_add_brief(self) -> None:
        self._typed_here()
        self._new_brief()

    @work(group="ask")
    async def _new_brief(self) -> None:
        from planner.ui.ask import briefs

        asker = await self.asker_for_whom("New brief")
        if asker is not None:
            await self.planner.settle(briefs.new_brief(asker))

    def action_deliver(self) -> None:
        pane = self.query_one(BriefPane)
        key = pane.selected_key
        if not pane.has_focus or key is None or key == "empty" or key.startswith("next-moment"):
            self.notify("Select a brief in the Brief queue first", severity="warning")
            return
        from planner.operations.briefs import deliver_brief

        brief_id, now = str(key), self.planner.now()
        self.planner.apply(lambda d: deliver_brief(d, brief_id, now), "Delivered")

    # -- schedule --------------------------------------------------------

    def action_add_event(self) -> None:
        self._typed_here()
        self._new_event(self.shown_date)

    @work(group="ask")
    async def _new_event(self, day: pendulum.Date) -> None:
        from planner.ui.ask import schedule

        asker = await self.asker_for_whom("New event")
        if asker is not None:
            await self.planner.settle(schedule.new_event_on(asker, day))

    def action_mark(self, mark: WindowMark) -> None:
        self._typed_here()
        self._mark(self.shown_date, mark)

    @work(group="ask")
    async def _mark(self, day: pendulum.Date, mark: WindowMark) -> None:
        from planner.ui.ask import schedule

        what = "Mark a good moment" if mark == "window" else "Block time"
        asker = await self.asker_for_whom(what)
        if asker is not None:
            await self.planner.settle(schedule.mark_on(asker, day, mark))

    def action_import_ics(self) -> None:
        self._typed_here()
        self._import()

    @work(group="ask")
    async def _import(self) -> None:
        from planner.ui.ask import schedule

        app = self.planner
        await app.settle(schedule.import_calendar(self.asker(), app.quitting))

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
        from planner.ui.screens.choice import ChoiceScreen

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # One executive: there is no other view, and the key is left out of the footer.
        if action == "cycle_view":
            return len(self.planner.document.roster) > 1
        return True

    def action_cycle_view(self) -> None:
        """The next executive's records, in desk order, then all of them, then the first."""
        app = self.planner
        document = app.document
        self.in_view = next_view(document, self.in_view)
        self._view_wanted = self.in_view or ALL
        self.refresh_day()
        name = view_name(document, self.in_view)
        if app.preferences.view != name:
            import msgspec

            app.save_preferences(msgspec.structs.replace(app.preferences, view=name))

    # -- days ------------------------------------------------------------

    def show_date(self, date: pendulum.Date) -> None:
        """Show `date`."""
        self.shown_date = date
        self.refresh_day()

    def action_shift_day(self, days: int) -> None:
        self.show_date(self.shown_date.add(days=days))

    def action_today(self) -> None:
        self.show_date(self.planner.today())

    def action_closeout(self) -> None:
        """The end-of-day close-out of the day shown, step by step."""
        from planner.ui.screens.closeout import CloseoutScreen  # only when asked: first paint

        self.app.push_screen(CloseoutScreen(self.shown_date))


__all__ = ["DashboardScreen"]
