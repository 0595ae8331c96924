"""The dashboard: one keyboard-driven screen for the executive's whole day.

`create_app(store, clock)` builds it for the CLI and for every test. Data
changes go through the `Session`: applied in memory at once, saved in order by
one background writer, undoable once with `u`. The EA's preferences (theme,
alerts, bell, keymap) come from preferences.toml in the config directory.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from zoneinfo import ZoneInfo

import msgspec
import pendulum
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input

from planner import preferences as prefs_file
from planner.alerts import Alert, due_alerts, today_packing
from planner.clock import Clock, local_zone_name
from planner.config import EVENT_KINDS, Settings, executive_zone
from planner.day import Day, FollowUpRow, build_day, followup_rows
from planner.domain import FollowUp, Window, lifecycle
from planner.domain.base import new_id, plain
from planner.domain.brief import BRIEF_KINDS
from planner.domain.event import Event
from planner.domain.lifecycle import Outcome
from planner.domain.priority import PRIORITIES
from planner.errors import PlannerError
from planner.humanize import fmt, when
from planner.preferences import Preferences
from planner.quickadd import QuickAdd, parse, parse_when
from planner.scheduling import Packing
from planner.storage import Document, Store
from planner.text import clean_line
from planner.times import parse_time
from planner.ui.bindings import NamedAction, binding_list, named_actions
from planner.ui.commands import ActionCommands, ThemeCommands
from planner.ui.screens.choice import ChoiceScreen
from planner.ui.screens.followup import FollowUpScreen
from planner.ui.screens.form import Field, FormScreen, Values
from planner.ui.screens.help import HelpScreen
from planner.ui.screens.prompt import PromptScreen
from planner.ui.screens.quick_add import QuickAddScreen
from planner.ui.session import Session
from planner.ui.themes import DEFAULT_THEME, LoadedTheme, all_themes
from planner.ui.widgets.briefs import BriefPane
from planner.ui.widgets.followups import FollowUpsPane
from planner.ui.widgets.header import DayHeader
from planner.ui.widgets.path_suggester import PathSuggester
from planner.ui.widgets.row_table import RowTable
from planner.ui.widgets.schedule import SchedulePane
from planner.ui.widgets.table import PaneTable

if TYPE_CHECKING:
    from planner.ui.screens.settings import SettingsResult
    from planner.ui.screens.welcome import WelcomeAnswer

FilterCache = tuple[object, tuple[FollowUp, ...], tuple[FollowUpRow, ...], frozenset[str]]
FILTER_DELAY = 0.15
"""Seconds after the last keystroke in the filter box before the follow-ups are filtered."""
POLL_SECONDS = 1.0
"""How often the dashboard looks for changes made by other processes, and ticks the clock."""
ALERT_SECONDS = 20
"""How long an alert's notification stays on screen."""


class PlannerApp(App[int]):
    """The ea-planner dashboard."""

    CSS_PATH = "app.tcss"
    TITLE = "ea-planner"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {ActionCommands}

    # The one table of the dashboard's keys. The footer shows `description`; the
    # help screen and the command palette name each action "Group: tooltip"
    # (group from the id's prefix, tooltip else description). The ids are what
    # a [keymap] in preferences.toml names.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "quick_add", "Add", tooltip="Quick-add", id="followup.add"),
        Binding("n", "followup('note')", "Note", tooltip="Add a note", id="followup.note"),
        Binding("p", "followup('repromise')", "Re-promise", id="followup.promise"),
        Binding(
            "w", "followup('wait')", "Wait", tooltip="Mark waiting", id="followup.wait", show=False
        ),
        Binding(
            "s",
            "followup('start')",
            "In progress",
            tooltip="Mark in progress",
            id="followup.start",
            show=False,
        ),
        Binding("x", "followup('resolve')", "Resolve", id="followup.resolve"),
        Binding("E", "followup('escalate')", "Escalate", id="followup.escalate"),
        Binding("D", "followup('drop')", "Drop", id="followup.drop", show=False),
        Binding("slash", "filter", "Filter", id="followup.filter"),
        Binding("b", "add_brief", "Brief", tooltip="Add", id="brief.add"),
        Binding("d", "deliver", "Delivered", tooltip="Mark delivered", id="brief.deliver"),
        Binding("e", "add_event", "Event", tooltip="Add", id="event.add", show=False),
        Binding("i", "import_ics", "Import .ics", id="event.import", show=False),
        Binding(
            "g", "mark('window')", "Mark good moment", tooltip="Mark", id="moment.mark", show=False
        ),
        Binding("G", "mark('block')", "Block time", id="moment.block", show=False),
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
        Binding("tab", "focus_next", "Next pane", tooltip="Next", id="pane.next", show=False),
        Binding(
            "shift+tab",
            "focus_previous",
            "Previous pane",
            tooltip="Previous",
            id="pane.previous",
            show=False,
        ),
        Binding("T", "switch_theme", "Theme", tooltip="Switch", id="theme.switch", show=False),
        Binding("S", "settings", "Settings", tooltip="Open", id="settings.open", show=False),
        Binding("u", "undo", "Undo", id="app.undo"),
        Binding("question_mark", "help", "Help", tooltip="Keys", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        ea_zone: str | None = None,
        config_dir: Path | None = None,
        welcome: bool = True,
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.session = Session(store, clock)
        self.ea_zone = ea_zone or local_zone_name()
        self.shown_date: pendulum.Date = self._today()
        self.filter_text = ""
        self._filter_timer: Timer | None = None
        self._filter_cache: (
            tuple[object, tuple[FollowUp, ...], tuple[FollowUpRow, ...], frozenset[str]] | None
        ) = None
        self.day: Day | None = None
        self._last_minute: tuple[int, int] | None = None
        self.config_dir = config_dir
        self.welcome = welcome
        """Offer the welcome screen on a first run with no data."""
        self.fired_alerts: set[str] = set()
        """Keys of the alerts already shown: each fires once."""
        self._alert_packing: tuple[object, Packing] | None = None
        self._clashes_told: set[str] = set()
        self.startup_notices: list[tuple[str, str]] = []
        """(title, message) to show once the screen is up: unreadable files, unknown themes."""
        self.preferences = Preferences()
        self.preferences_readable = True
        """False when preferences.toml could not be read: it is then never overwritten."""
        if config_dir is not None:
            try:
                self.preferences = prefs_file.load(prefs_file.preferences_path(config_dir))
            except PlannerError as exc:
                self.preferences_readable = False
                self.startup_notices.append(
                    ("Preferences not read", f"{exc.message}. Running on the defaults.")
                )
        loaded, problems = all_themes(config_dir)
        self.planner_themes: list[LoadedTheme] = loaded
        """The shipped themes and the EA's own, as loaded (bad files skipped)."""
        for problem in problems:
            self.startup_notices.append(("Theme skipped", str(problem)))
        for theme in loaded:
            self.register_theme(theme.theme)
        # The theme is set before the app runs: set at mount, it would make Textual parse
        # and apply every stylesheet a second time before the first paint.
        if self.preferences.theme in self.available_themes:
            self.theme = self.preferences.theme

    # -- basics ----------------------------------------------------------

    @property
    def document(self) -> Document:
        return self.session.document

    @property
    def timezone(self) -> str:
        return executive_zone(self.document.settings)

    def _now(self) -> pendulum.DateTime:
        return self.clock.now().in_tz(self.timezone)

    def _today(self) -> pendulum.Date:
        return self._now().date()

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
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._ui_loop = asyncio.get_running_loop()
        self.session.on_ui_thread = self._on_ui_thread
        self._apply_preferences(self.preferences)
        self.refresh_day()
        self.query_one(FollowUpsPane).focus()
        self.set_interval(POLL_SECONDS, self._tick)
        self.call_after_refresh(self._settle_memory)
        for title, message in self.startup_notices:
            self.notify(message, title=title, severity="error", timeout=15)
        if self.welcome and self.is_first_run():
            from planner.ui.screens.welcome import WelcomeScreen  # first run only

            self.push_screen(WelcomeScreen(self.ea_zone), self._welcomed)

    @staticmethod
    def _settle_memory() -> None:
        """Once the first frame is up: everything alive now (Textual's machinery, the modules,
        the document) lives as long as the app, so keep it out of every later full garbage
        collection, which would otherwise pause a frame for tens of ms now and then; and turn
        the collector back on if the command line held it off for the start."""
        gc.freeze()
        gc.enable()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification whose text is shown as written: customer names, summaries, file
        names and calendar titles are untrusted, so markup is off unless asked for."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _on_ui_thread(self, fn: Callable[[], None]) -> None:
        """Run `fn` on the app's loop soon, from the writer thread or the UI thread alike,
        without making the writer wait for the screen."""
        if self._ui_loop.is_closed():
            return
        self._ui_loop.call_soon_threadsafe(fn)

    def on_unmount(self) -> None:
        self.session.close()

    def _tick(self) -> None:
        self.session.poll(on_changed=lambda _document: self.refresh_day())
        now = self._now()
        minute = (now.hour, now.minute)
        if minute != self._last_minute:
            self.refresh_day()
        self.check_alerts()

    # -- drawing ---------------------------------------------------------

    def refresh_day(self) -> None:
        now = self.clock.now()
        day = build_day(self.document, self.shown_date, now)
        self.day = day
        self._last_minute = (day.now.hour, day.now.minute)
        self.query_one(DayHeader).show(
            day, executive=self.document.settings.executive_name, ea_zone=self.ea_zone
        )
        self.query_one(SchedulePane).show(day)
        self.query_one(BriefPane).show(day)
        self._show_followups()
        if isinstance(self.screen, FollowUpScreen):
            self.screen.refresh_view()

    def _show_followups(self) -> None:
        pane = self.query_one(FollowUpsPane)
        assert self.day is not None
        if not self.filter_text:
            pane.show(self.day.followups, self.day.now.date())
            pane.border_subtitle = ""
            return
        if self.session.history is None:
            # A change dropped the loaded history: reload it, and show the live document
            # meanwhile.
            self.session.load_history(lambda _history: self._show_followups())
        source = self.session.history or self.document
        needle = self.filter_text.casefold()
        key = (needle, id(source), len(source.followups), self.timezone)
        if self._filter_cache is None or self._filter_cache[0] != key:
            matches = [f for f in source.followups if needle in _haystack(f)]
            zone = ZoneInfo(self.timezone)
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
        rows = followup_rows(live, self.clock.now(), self.shown_date, self.timezone)
        pane.show(rows, self.day.now.date(), history=settled_rows, closed=closed)
        count = len(rows) + len(settled_rows)
        pane.border_subtitle = f"{count} matching “{self.filter_text}”"

    # -- changing data ---------------------------------------------------

    def change(self, change: Callable[[Document], Document], done: str = "") -> bool:
        """Apply a change now and save it in the background; False (and a message) if refused."""
        try:
            self.session.apply(change, on_saved=self._saved, on_failed=self._save_failed)
        except PlannerError as exc:
            self.notify(exc.message, title="Not done", severity="error")
            return False
        self.refresh_day()
        if done:
            # The changed row is the first feedback; the toast follows a frame later so
            # that mounting it does not delay that frame.
            self.call_after_refresh(self.notify, done, timeout=3)
        return True

    def _saved(self, _document: Document) -> None:
        if self.session.pending == 0:
            self.refresh_day()

    def _save_failed(self, error: BaseException) -> None:
        message = error.message if isinstance(error, PlannerError) else str(error)
        self.notify(f"Not saved: {message}", title="Save failed", severity="error", timeout=10)
        self.bell()
        with contextlib.suppress(PlannerError):
            self.session.document = self.store.load()
        self.refresh_day()

    def find_followup(self, followup_id: str) -> FollowUp | None:
        for source in (self.document, self.session.history):
            if source is None:
                continue
            for f in source.followups:
                if f.id == followup_id:
                    return f
        return None

    def _selected_followup(self) -> str | None:
        if isinstance(self.screen, FollowUpScreen):
            return self.screen.followup_id
        key = self.query_one(FollowUpsPane).selected_key
        return None if key in (None, "empty") else key

    # -- follow-ups ------------------------------------------------------

    def action_quick_add(self, initial: str = "") -> None:
        def parse_line(text: str) -> QuickAdd:
            return parse(text, now=self.clock.now(), settings=self.document.settings)

        def done(parsed: QuickAdd | None) -> None:
            if parsed is None:
                return
            followup = lifecycle.followup_from_quickadd(parsed, self._now())

            def add(document: Document) -> Document:
                return msgspec.structs.replace(document, followups=(*document.followups, followup))

            if self.change(
                add,
                f"Added {followup.customer}: "
                f"{when(followup.promised_by, self.clock.now(), self.timezone)}",
            ):
                pane = self.query_one(FollowUpsPane)
                pane.keep_cursor_on(followup.id)

        self.push_screen(QuickAddScreen(parse_line, self.clock.now(), self.timezone, initial), done)

    def on_row_table_row_selected(self, event: RowTable.RowSelected) -> None:
        if event.table.id == "followups" and event.key != "empty":
            self.push_screen(FollowUpScreen(event.key))

    def action_followup(self, action: str) -> None:
        followup_id = self._selected_followup()
        if followup_id is None:
            self.notify("Select a follow-up first", severity="warning")
            return
        self.run_followup_action(action, followup_id)

    def run_followup_action(self, action: str, followup_id: str) -> None:
        followup = self.find_followup(followup_id)
        if followup is None:
            return
        tz = self.timezone
        about = f"{followup.customer} — {followup.summary}"

        def apply(make: Callable[[FollowUp, pendulum.DateTime], Outcome], done: str) -> None:
            now = self._now()
            self.change(
                lambda d: lifecycle.change_followup(d, followup_id, lambda f: make(f, now))[0], done
            )

        def ask(title: str, then: Callable[[str], None], **options: Any) -> None:
            self.push_screen(
                PromptScreen(title, context=about, **options),
                lambda value: then(value) if value is not None else None,
            )

        if action == "note":
            ask(
                "Note a fact",
                lambda text: apply(lambda f, now: Outcome(lifecycle.note(f, text, now)), "Noted"),
            )
        elif action == "repromise":

            def check(value: str) -> tuple[bool, str]:
                try:
                    moment = parse_when(
                        value, now=self.clock.now(), settings=self.document.settings
                    )
                except PlannerError as exc:
                    return False, exc.message
                return True, when(moment, self.clock.now(), tz)

            def repromise(value: str) -> None:
                moment = parse_when(value, now=self.clock.now(), settings=self.document.settings)
                ask(
                    f"Note for the new promise ({when(moment, self.clock.now(), tz)})",
                    lambda note: apply(
                        lambda f, now: Outcome(lifecycle.repromise(f, moment, now, note)),
                        "Re-promised",
                    ),
                    placeholder="e.g. told her by phone; finance needs one more day",
                )

            ask(
                "New promise: when will they hear back?",
                repromise,
                placeholder="tomorrow 10am",
                check=check,
            )
        elif action == "wait":

            def waited(on: str | None) -> None:
                if on:
                    apply(
                        lambda f, now: Outcome(lifecycle.wait(f, on, now)), f"Waiting on the {on}"
                    )

            self.push_screen(
                ChoiceScreen(
                    "Waiting on whom?",
                    [
                        ("customer", "the customer (pauses the promise)"),
                        ("colleague", "a colleague"),
                    ],
                ),
                waited,
            )
        elif action == "start":
            apply(lambda f, now: Outcome(lifecycle.start(f, now)), "In progress")
        elif action == "resolve":
            ask(
                "How was it resolved?",
                lambda text: apply(
                    lambda f, now: Outcome(*lifecycle.resolve(f, text, now, tz=tz)), "Resolved"
                ),
            )
        elif action == "escalate":

            def escalated(note: str) -> None:
                apply(
                    lambda f, now: Outcome(*lifecycle.escalate(f, now, note, tz=tz)),
                    "Escalated: an escalation brief with the facts log is in the brief queue",
                )

            self.push_screen(
                PromptScreen(
                    "Escalate to the executive: a note for the brief",
                    context=about,
                    placeholder="optional",
                ),
                lambda note: escalated(note or "") if note is not None else None,
            )
        elif action == "drop":
            ask(
                "Why drop it?",
                lambda text: apply(lambda f, now: Outcome(lifecycle.drop(f, text, now)), "Dropped"),
            )

    def _filter_box(self) -> Input | None:
        boxes = self.query("#filter")
        return boxes.first(Input) if boxes else None

    async def action_filter(self) -> None:
        box = self._filter_box()
        if box is None:
            box = Input(placeholder="filter follow-ups (all history) — Escape clears", id="filter")
            await self.query_one("#right").mount(box, before=self.query_one(FollowUpsPane))
        box.display = True
        box.focus()
        self.session.load_history(
            lambda _history: self._show_followups() if self.filter_text else None
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            # Typing is never held up by searching five years: filter once typing pauses.
            if self._filter_timer is not None:
                self._filter_timer.stop()
            text = event.value.strip()
            self._filter_timer = self.set_timer(FILTER_DELAY, lambda: self._set_filter(text))

    def _set_filter(self, text: str) -> None:
        self._filter_timer = None
        self.filter_text = text
        self._show_followups()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one(FollowUpsPane).focus()

    def on_key(self, event: Any) -> None:
        box = self._filter_box()
        if box is not None and event.key == "escape" and box.has_focus:
            box.value = ""
            box.display = False
            self.filter_text = ""
            self._show_followups()
            self.query_one(FollowUpsPane).focus()
            event.stop()

    # -- briefs ----------------------------------------------------------

    def action_add_brief(self) -> None:
        linked = self._selected_followup() if isinstance(self.screen, FollowUpScreen) else None
        fields = [
            Field("title", "What to tell", "Approve the Q4 bonus pool"),
            Field("kind", "Kind", options=BRIEF_KINDS, value="fyi"),
            Field("priority", "Priority", options=PRIORITIES, value="normal"),
            Field("minutes", "Minutes of the executive's time", value="2"),
            Field("deliver_by", "Deliver by (optional)", "today 16:00"),
            Field("solution", "Proposed solution (bad news needs one)", ""),
        ]

        def build(values: Values) -> Any:
            minutes = int(values["minutes"]) if values["minutes"].isdigit() else -1
            deliver_by = None
            if values["deliver_by"]:
                deliver_by = parse_when(
                    values["deliver_by"], now=self.clock.now(), settings=self.document.settings
                )
            return lifecycle.new_brief(
                title=clean_line(values["title"]),
                kind=values["kind"],
                priority=values["priority"],
                minutes=minutes,
                deliver_by=deliver_by,
                followup_id=linked,
                solution=values["solution"],
                now=self._now(),
            )

        def done(values: Values | None) -> None:
            if values is None:
                return
            brief = build(values)
            self.change(
                lambda d: msgspec.structs.replace(d, briefs=(*d.briefs, brief)),
                f"Brief queued: {brief.title}",
            )

        self.push_screen(FormScreen("New brief", fields, refusal_of(build)), done)

    def action_deliver(self) -> None:
        key = self.query_one(BriefPane).selected_key
        if key in (None, "empty", "next-moment"):
            self.notify("Select a brief in the Brief queue first", severity="warning")
            return
        now = self._now()
        self.change(
            lambda d: lifecycle.change_brief(d, str(key), lambda b: lifecycle.deliver(b, now))[0],
            "Delivered",
        )

    # -- schedule --------------------------------------------------------

    def _time_on_shown_day(self, value: str, what: str) -> pendulum.DateTime:
        moment = parse_time(
            value,
            now=self.clock.now(),
            settings=self.document.settings,
            what=what,
            day=self.shown_date,
        )
        return pendulum.instance(moment).in_tz(self.timezone)

    def action_add_event(self) -> None:
        fields = [
            Field("title", "Title", "Board meeting"),
            Field("start", f"Start (HH:MM on {fmt(self.shown_date, 'ddd D MMM')})", "14:00"),
            Field("end", "End (HH:MM)", "15:00"),
            Field("kind", "Kind", options=EVENT_KINDS, value="meeting"),
        ]

        def build(values: Values) -> Event:
            start = self._time_on_shown_day(values["start"], "start")
            end = self._time_on_shown_day(values["end"], "end")
            if end <= start:
                raise PlannerError("the event must end after it starts")
            title = clean_line(values["title"])
            if not title:
                raise PlannerError("give the event a title")
            return Event(id=new_id("e"), title=title, start=start, end=end, kind=values["kind"])  # type: ignore[arg-type]

        def done(values: Values | None) -> None:
            if values is not None:
                event = build(values)
                self.change(
                    lambda d: msgspec.structs.replace(d, events=(*d.events, event)),
                    f"Event added: {event.title}",
                )

        self.push_screen(FormScreen("New event", fields, refusal_of(build)), done)

    def action_mark(self, mark: str) -> None:
        def build(value: str) -> Window:
            span, _, note = value.strip().partition(" ")
            start_text, sep, end_text = span.partition("-")
            if not sep:
                raise PlannerError("write the span as HH:MM-HH:MM, then an optional note")
            start = self._time_on_shown_day(start_text, "start")
            end = self._time_on_shown_day(end_text, "end")
            if end <= start:
                raise PlannerError("the end must be after the start")
            return Window(id=new_id("w"), start=start, end=end, mark=mark, note=clean_line(note))  # type: ignore[arg-type]

        def check(value: str) -> tuple[bool, str]:
            try:
                window = build(value)
            except PlannerError as exc:
                return False, exc.message
            return (
                True,
                f"{fmt(window.start, 'ddd D MMM HH:mm')}–{fmt(window.end, 'HH:mm')} {window.note}",
            )

        def done(value: str | None) -> None:
            if value:
                window = build(value)
                label = "Good moment marked" if mark == "window" else "Time blocked"
                self.change(
                    lambda d: msgspec.structs.replace(d, windows=(*d.windows, window)), label
                )

        title = "Mark a good moment" if mark == "window" else "Block time (do not disturb)"
        placeholder = (
            "14:30-15:00 come by after the call"
            if mark == "window"
            else "13:00-14:00 budget review"
        )
        self.push_screen(PromptScreen(title, placeholder=placeholder, check=check), done)

    def action_import_ics(self) -> None:
        def done(value: str | None) -> None:
            if not value:
                return
            from pathlib import Path

            path = Path(value).expanduser()
            self.notify(f"Importing {path.name}…", timeout=2)
            self.run_worker(lambda: self._import(path), thread=True, group="import")

        self.push_screen(
            PromptScreen(
                "Import an .ics file",
                placeholder="~/Downloads/calendar.ics",
                suggester=PathSuggester(),
            ),
            done,
        )

    def _import(self, path: Any) -> None:
        from planner.commands.import_ics import import_file

        try:
            summary = "\n".join(import_file(self.store, self.clock, path, calendar=None))
        except PlannerError as exc:
            self.call_from_thread(
                self.notify, exc.message, title="Import failed", severity="error", timeout=10
            )
            return
        self.call_from_thread(self.notify, summary, title="Imported", timeout=6)
        self.call_from_thread(self.session.poll, lambda _d: self.refresh_day())

    # -- days, undo, help ------------------------------------------------

    def action_shift_day(self, days: int) -> None:
        self.shown_date = self.shown_date.add(days=days)
        self.refresh_day()

    def action_today(self) -> None:
        self.shown_date = self._today()
        self.refresh_day()

    def action_closeout(self) -> None:
        """The end-of-day close-out of the day shown, step by step."""
        from planner.ui.screens.closeout import CloseoutScreen  # only when asked: first paint

        if not any(isinstance(screen, CloseoutScreen) for screen in self.screen_stack):
            self.push_screen(CloseoutScreen(self.shown_date))

    def action_undo(self) -> None:
        if not self.session.undo(on_saved=self._saved, on_failed=self._save_failed):
            self.notify("Nothing to undo", severity="warning", timeout=2)
            return
        self.refresh_day()
        self.notify("Undone", timeout=2)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_actions()))

    # -- named actions: help, palette, keymap ------------------------------

    def binding_tables(self) -> list[Binding]:
        """Every binding of the dashboard, its screens and dialogs, the app's own first."""
        # Screens shown on demand are imported on demand, to keep the first paint quick.
        from planner.ui.screens.settings import SettingsScreen
        from planner.ui.screens.welcome import WelcomeScreen

        try:
            from planner.ui.screens.closeout import CloseoutScreen
        except ImportError:  # pragma: no cover - a checkout without it
            closeout: list[BindingType] = []
        else:
            closeout = list(CloseoutScreen.BINDINGS)
        return binding_list(
            self.BINDINGS,
            FollowUpScreen.BINDINGS,
            closeout,
            PaneTable.BINDINGS,
            SettingsScreen.BINDINGS,
            FormScreen.BINDINGS,
            HelpScreen.BINDINGS,
            WelcomeScreen.BINDINGS,
        )

    def named(self, bindings: Iterable[Binding]) -> list[NamedAction]:
        return named_actions(bindings, self.preferences.keymap, self.get_key_display)

    def help_actions(self) -> list[NamedAction]:
        """The help screen's rows: every binding of every screen, with the keys in force."""
        palette = Binding(
            self.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Command palette",
            id="app.palette",
        )
        return self.named([*self.binding_tables(), palette])

    def palette_actions(self, screen: Screen[Any]) -> list[NamedAction]:
        """The palette's commands: the dashboard's actions, plus those of the screen it
        was opened on (the detail view's "Back")."""
        own = (
            binding_list(getattr(screen, "BINDINGS", ()))
            if screen is not self.screen_stack[0]
            else []
        )
        actions = self.named(binding_list(self.BINDINGS, own))
        return [a for a in actions if not a.id.startswith(("pane.", "dialog."))]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's own theme picker lists its built-in themes; "Theme: Switch" replaces it.
        for command in super().get_system_commands(screen):
            if command.title not in ("Theme", "Quit"):
                yield command

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        # Textual reports a clash each time it builds the binding chain: say it once.
        names = ", ".join(sorted(f"{b.id or b.action} ({b.key})" for b in clashed_bindings))
        if names in self._clashes_told:
            return
        self._clashes_told.add(names)
        self.notify(
            f"Your keymap takes keys that {names} used; those actions now have no key "
            "(ctrl+p still runs them).",
            title="Keymap clash",
            severity="warning",
            timeout=10,
        )

    # -- preferences and themes ------------------------------------------------

    def _apply_preferences(self, preferences: Preferences) -> None:
        """Theme and keymap from `preferences` (alerts and bell are read when they fire)."""
        self.preferences = preferences
        known = {b.id for b in self.binding_tables() if b.id} if preferences.keymap else set()
        unknown = sorted(set(preferences.keymap) - known)
        if unknown:
            self.notify(
                f"{self._preferences_path()}: [keymap] names {', '.join(map(repr, unknown))}, "
                "which is no binding id (the help screen, ?, lists them)",
                title="Keymap",
                severity="warning",
                timeout=10,
            )
        self.set_keymap({k: v for k, v in preferences.keymap.items() if k in known})
        wanted = preferences.theme
        if wanted not in self.available_themes:
            fallback = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
            self.notify(
                f"The theme {wanted!r} named in {self._preferences_path()} was not found; "
                f"using {fallback}.",
                title="Theme",
                severity="warning",
                timeout=10,
            )
            wanted = fallback
        if self.theme != wanted:
            self.theme = wanted

    def _preferences_path(self) -> Path | str:
        if self.config_dir is None:
            return prefs_file.FILE_NAME
        return prefs_file.preferences_path(self.config_dir)

    def save_preferences(self, preferences: Preferences) -> bool:
        """Adopt and save `preferences`; a file that could not be read is never overwritten."""
        self.preferences = preferences
        if self.config_dir is None:
            return False
        path = prefs_file.preferences_path(self.config_dir)
        if not self.preferences_readable:
            self.notify(
                f"Not saved: {path} could not be read when the dashboard started, and is "
                "left as it is. Fix or remove it to keep your choices.",
                title="Preferences",
                severity="warning",
                timeout=10,
            )
            return False
        try:
            prefs_file.save(path, preferences)
        except PlannerError as exc:
            self.notify(exc.message, title="Preferences not saved", severity="error", timeout=10)
            return False
        return True

    def watch_theme(self, theme: str) -> None:
        # Status colours are drawn into the panes' cells: redraw them in the new theme.
        if self.day is not None:
            self.refresh_day()
        if theme != self.preferences.theme and any(
            t.theme.name == theme for t in self.planner_themes
        ):
            self.save_preferences(msgspec.structs.replace(self.preferences, theme=theme))

    def action_switch_theme(self) -> None:
        self.push_screen(CommandPalette(providers=[ThemeCommands], placeholder="Theme…"))

    # -- alerts ------------------------------------------------------------

    def check_alerts(self) -> list[Alert]:
        """Notify (and ring) the alerts due now that have not fired yet; return them."""
        if not self.preferences.alerts:
            return []
        now = self.clock.now()
        alerts = due_alerts(
            self.document,
            now,
            self.fired_alerts,
            packing=self._packing_for_alerts(now),
            tz=self.timezone,
        )
        for alert in alerts:
            self.fired_alerts.add(alert.key)
            self.notify(
                alert.message, title=alert.title, severity=alert.severity, timeout=ALERT_SECONDS
            )
        if alerts and self.preferences.bell:
            self.bell()
        return alerts

    def _packing_for_alerts(self, now: Any) -> Packing | None:
        """Today's packed brief queue: the shown day's when it is today, else computed once a
        minute (not on every tick)."""
        if not any(b.delivered is None for b in self.document.briefs):
            return None
        if self.day is not None and self.day.is_today and self.day.packing is not None:
            return self.day.packing
        local = pendulum.instance(now).in_tz(self.timezone)
        stamp = (id(self.document), fmt(local, "YYYY-MM-DD HH:mm"))
        if self._alert_packing is None or self._alert_packing[0] != stamp:
            self._alert_packing = (stamp, today_packing(self.document, now, self.timezone))
        return self._alert_packing[1]

    # -- welcome and settings ----------------------------------------------

    def is_first_run(self) -> bool:
        """No settings answered and no data at all (archives included): the welcome's moment."""
        d = self.document
        if d.settings != Settings() or d.events or d.followups or d.briefs or d.windows:
            return False
        return not d.closeouts and not self.store.archive_paths()

    def _welcomed(self, answer: WelcomeAnswer | None) -> None:
        if answer is None:
            return
        name = clean_line(answer.executive_name)
        organization = clean_line(answer.own_organization)
        sample = None
        if answer.start == "sample":
            from planner.demo import sample_document

            sample = sample_document(self.clock.now(), answer.timezone)

        def settle(document: Document) -> Document:
            base = sample.settings if sample is not None else document.settings
            settings = msgspec.structs.replace(
                base,
                executive_name=name or base.executive_name,
                timezone=answer.timezone,
                own_organization=organization or base.own_organization,
            )
            if sample is None:
                return msgspec.structs.replace(document, settings=settings)
            # Added to whatever is there: another terminal may have written meanwhile.
            return msgspec.structs.replace(
                document,
                settings=settings,
                events=(*document.events, *sample.events),
                followups=(*document.followups, *sample.followups),
                briefs=(*document.briefs, *sample.briefs),
                windows=(*document.windows, *sample.windows),
            )

        done = {
            "sample": "A sample day is loaded: try Enter on a follow-up, ? for every key",
            "import": "",
            "empty": "Ready: a adds a follow-up, e an event, ? lists every key",
        }[answer.start]
        if self.change(settle, done):
            self.shown_date = self._today()
            self.refresh_day()
        if answer.start == "import":
            self.action_import_ics()

    def action_settings(self) -> None:
        from planner.ui.screens.settings import SettingsScreen

        note = ""
        if not self.preferences_readable:
            note = (
                f"{self._preferences_path()} could not be read: it is left as it is, "
                "and changes here last until you quit."
            )

        def check(settings: Settings) -> str | None:
            try:
                parse_when(settings.default_promise, now=self.clock.now(), settings=settings)
            except PlannerError as exc:
                return f"default_promise: {exc.message}"
            return None

        self.push_screen(
            SettingsScreen(
                self.document.settings,
                self.preferences,
                themes=[t.theme.name for t in self.planner_themes],
                binding_ids=sorted({b.id for b in self.binding_tables() if b.id}),
                check=check,
                preferences_note=note,
            ),
            self._settings_saved,
        )

    def _settings_saved(self, result: SettingsResult | None) -> None:
        if result is None:
            return
        settings = result.settings
        if settings != self.document.settings:
            self.change(lambda d: msgspec.structs.replace(d, settings=settings), "Settings saved")
            self.shown_date = self._today()
            self.refresh_day()
        if result.preferences != self.preferences:
            saved = self.save_preferences(result.preferences)
            self._apply_preferences(result.preferences)
            if saved:
                self.notify("Preferences saved", timeout=3)


def _haystack(followup: FollowUp) -> str:
    return " ".join(
        (
            followup.customer,
            followup.organization,
            followup.summary,
            " ".join(followup.tags),
            followup.id,
        )
    ).casefold()


def refusal_of(build: Callable[[Values], object]) -> Callable[[Values], str | None]:
    """A form check: the message of the PlannerError that `build` raises, else None."""

    def check(values: Values) -> str | None:
        try:
            build(values)
        except PlannerError as exc:
            return exc.message
        return None

    return check


def create_app(
    store: Store,
    clock: Clock,
    *,
    ea_zone: str | None = None,
    config_dir: Path | None = None,
    welcome: bool = True,
) -> PlannerApp:
    """The one way to build the dashboard, for the command line and for tests.

    `config_dir` holds preferences.toml and the EA's own themes (default: the
    platform's, or $EA_PLANNER_CONFIG_DIR). `welcome=False` never offers the
    first-run welcome screen.
    """
    if config_dir is None:
        from planner.paths import config_dir as default_config_dir

        config_dir = default_config_dir()
    return PlannerApp(store, clock, ea_zone=ea_zone, config_dir=config_dir, welcome=welcome)


def run(store: Store, clock: Clock, *, config_dir: Path | None = None) -> int:
    """Run the dashboard until the user quits."""
    app = create_app(store, clock, config_dir=config_dir)
    result = app.run()
    return result or 0
