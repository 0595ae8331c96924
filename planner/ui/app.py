"""The ea-planner application: the session, the EA's preferences and themes, and the keys
in force on every screen.

`create_app(store, clock)` builds it for the CLI and for every test. Its first screen is
the dashboard (planner.ui.screens.dashboard), which owns the dashboard's layout and keys.
The app is put together from a few parts, one module each: `changes` (every change
through the `Session`: at once on screen, saved by one background writer, undoable with
`u`), `keys` (keys typed ahead, sent on in order), `appearance` (preferences and themes
from preferences.toml), `actions` (the named actions behind help, the palette and the
keymap) and `alerting`. `document_changed` and `minute_passed` tell every screen.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pendulum
from textual import work
from textual.actions import ActionParseResult
from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.signal import Signal

from planner import preferences as prefs_file
from planner.clock import Clock, local_zone_name
from planner.config import Settings, executive_zone
from planner.domain.document import Document
from planner.errors import PlannerError
from planner.humanize import counted, fmt
from planner.preferences import Preferences
from planner.scheduling import Packing
from planner.storage import Store
from planner.ui.actions import NamedActions
from planner.ui.alerting import Alerting
from planner.ui.appearance import Appearance
from planner.ui.ask import Asker
from planner.ui.changes import Changes
from planner.ui.keys import TypeAheadKeys
from planner.ui.messages import SyncRequested
from planner.ui.providers import ActionCommands
from planner.ui.screens.dashboard import DashboardScreen
from planner.ui.session import Session
from planner.ui.sync import BackgroundSync
from planner.ui.themes import LoadedTheme, all_themes

if TYPE_CHECKING:
    from planner.alerts import Alert
    from planner.sync.run import SyncOutcome

DIALOG_CSS = ("dialogs/dialog.tcss", "screens/followup.tcss")
"""Stylesheets (under planner/ui) of the screens most keys open, read after the first
frame: the dialogs' shared one first, as every dialog lists it."""
SYNC_AFTER_START = 0.5
"""Seconds after start before the first calendar sync: the first frame comes first."""

POLL_SECONDS = 1.0
"""How often the dashboard looks for changes made by other processes, and ticks the clock."""


class PlannerApp(Changes, TypeAheadKeys, Appearance, NamedActions, Alerting, App[int]):
    """The ea-planner dashboard."""

    crash: BaseException | None = None
    """The unexpected error that stopped the app, for the crash log (see `run`)."""

    def _handle_exception(self, error: Exception) -> None:
        if self.crash is None:
            self.crash = error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        # Textual would print the traceback with local variables (customer names) on
        # the terminal; `run` writes it to a crash log in the data directory instead.
        self.bell()
        self._close_messages_no_wait()

    CSS_PATH = "app.tcss"
    TITLE = "ea-planner"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {ActionCommands}

    # The truly global keys: in force on every screen (a screen's own binding of the same
    # key wins). The dashboard's keys are DashboardScreen's. The ids are what a [keymap] in
    # preferences.toml names.
    BINDINGS: ClassVar[list[BindingType]] = [
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
        from planner.ui.terminal_filter import TerminalText

        self._filters.append(TerminalText())  # the output boundary: see terminal_filter
        self.quitting = threading.Event()
        """Set when the dashboard quits: a running import stops and writes nothing."""
        self.store = store
        self.clock = clock
        self.session = Session(store, clock)
        self.asker = Asker(self, lambda: self.session.document, clock)
        self._settings_open = False
        """The settings screen is open or opening (a second `S` opens no second one)."""
        """What the dialog sequences (planner.ui.ask) ask and read through."""
        self.ea_zone = ea_zone or local_zone_name()
        self.document_changed: Signal[Document] = Signal(self, "document-changed")
        """Published with the document each time it changes (a change made here, an undo, a
        save that adopted another process's writes, a reload after a failed save) or the way
        it is shown does (theme, 12/24-hour times): every screen redraws from it."""
        self.minute_passed: Signal[pendulum.DateTime] = Signal(self, "minute-passed")
        self.calendars_synced: Signal[None] = Signal(self, "calendars-synced")
        """Published when a sync asked for (`R`) starts, and after each background sync of
        the subscribed calendars (the header says how fresh the schedule is)."""
        """Published with the time (executive's zone) when the clock enters a new minute."""
        self._last_minute: str | None = None
        """The minute last seen (date and time: a machine may sleep exactly a day)."""
        self.calendar_sync = BackgroundSync(
            self,
            store,
            clock,
            subscriptions=lambda: self.document.settings.calendars,
            on_done=self._calendars_synced,
        )
        """Subscribed calendars, synced in the background every few minutes and on `R`."""
        self.config_dir = config_dir
        self.welcome = welcome
        """Offer the welcome screen on a first run with no data."""
        self.fired_alerts: set[str] = set()
        """Keys of the alerts already shown: each fires once."""
        self._alert_packing: tuple[object, Packing] | None = None
        self._held_alerts: list[Alert] = []
        self._alerts_on_screen: dict[tuple[str, str], tuple[Alert, float]] = {}
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
        if self.preferences.theme in self.available_themes:
            self._adopt_theme(self.preferences.theme)

    # -- basics ----------------------------------------------------------

    @property
    def timezone(self) -> str:
        return executive_zone(self.document.settings)

    def now(self) -> pendulum.DateTime:
        """Now, in the executive's zone."""
        return self.clock.now().in_tz(self.timezone)

    def today(self) -> pendulum.Date:
        """Today, in the executive's zone."""
        return self.now().date()

    def get_default_screen(self) -> DashboardScreen:
        return DashboardScreen(self.today())

    @property
    def dashboard(self) -> DashboardScreen:
        """The dashboard: the screen at the bottom of the stack, always there."""
        screen = self.screen_stack[0]
        assert isinstance(screen, DashboardScreen)
        return screen

    def on_mount(self) -> None:
        self._ui_loop = asyncio.get_running_loop()
        self.session.on_ui_thread = self._on_ui_thread
        self.apply_preferences(self.preferences)
        self._last_minute = self._minute()
        self.set_interval(POLL_SECONDS, self._tick)
        self.call_after_refresh(self._read_dialog_css)
        self.call_after_refresh(self._settle_memory)
        # The first sync (and its network libraries) waits until the first frame is up.
        self.set_timer(SYNC_AFTER_START, self.calendar_sync.start)
        for title, message in self.startup_notices:
            self.notify(message, title=title, severity="error", timeout=15)
        if self.welcome and self.is_first_run():
            self._welcome()
        else:
            self.call_after_refresh(self._morning_notes)

    def _morning_notes(self) -> None:
        """On the workday after a close-out: its notes and tomorrow items, until dismissed."""
        today = self.today()
        iso = today.isoformat()
        # Most starts have nothing to show: look before importing the close-out's modules,
        # which the first frame has no use for.
        if not any(
            r.closed and r.date < iso and not r.morning_dismissed for r in self.document.closeouts
        ):
            return
        from planner.closeout.morning import morning_notes

        notes = morning_notes(self.document, today)
        if notes is None:
            return
        from planner.closeout.morning import dismiss_morning_notes, morning_lines
        from planner.ui.dialogs.morning import MorningScreen

        def done(dismissed: bool | None) -> None:
            if dismissed:
                self.change(lambda d: dismiss_morning_notes(d, today), "Close-out notes dismissed")

        lines = morning_lines(
            notes,
            self.timezone,
            document=self.document,
            now=self.clock.now(),
            ea_zone=self.ea_zone,
        )
        self.push_screen(MorningScreen(lines), done)

    def _read_dialog_css(self) -> None:
        """Once the first frame is up, read the stylesheets of the dialogs and the detail
        view, so that the first `a` or Enter finds them parsed. Read by Textual when the
        first such screen opens, a new stylesheet makes it re-parse every source from
        scratch and restyle every node: ~25 ms on that first key. Their rules match nothing
        on the dashboard, so nothing needs restyling now."""
        here = Path(__file__).parent
        for name in DIALOG_CSS:
            path = str((here / name).resolve())
            if not self.stylesheet.has_source(path):
                self.stylesheet.read(path)
        self.stylesheet.parse()

    @staticmethod
    def _settle_memory() -> None:
        """Once the first frame is up: everything alive now (Textual's machinery, the modules,
        the document) lives as long as the app, so keep it out of every later full garbage
        collection, which would otherwise pause a frame for tens of ms now and then; and turn
        the collector back on if the command line held it off for the start."""
        gc.freeze()
        gc.enable()

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        # A key bound over a dialog runs here, in the app's loop, not the dialog's: an
        # error in it is reported like one in the dialog's own handlers (planner.ui.guard),
        # and the dialog stays with what was typed.
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            from planner.ui.guard import Guarded, report

            if not isinstance(self.screen, Guarded):
                raise
            report(self, error, where=f"{type(self.screen).__name__}, key action")
            return True

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

    async def action_quit(self) -> None:
        """Quit: a running import stops (writing nothing), and changes not yet on disk
        are saved first, with a word about it."""
        self.quitting.set()
        if self.session.pending:
            count = self.session.pending
            self.notify(f"Saving {counted(count, 'change')} before quitting…", timeout=5)
            while self.session.pending:
                await asyncio.sleep(0.02)
        self.exit()

    def on_unmount(self) -> None:
        self.quitting.set()
        self.calendar_sync.stop()
        self.session.close()

    def on_sync_requested(self, message: SyncRequested) -> None:
        """`R`: sync every subscribed calendar now; the header says so at once."""
        message.stop()
        if self.calendar_sync.now():
            self.calendars_synced.publish(None)

    def _calendars_synced(self, outcomes: list[SyncOutcome], asked: bool) -> None:
        """After a sync: show what it brought in, and say what it did when `R` asked."""
        self.session.poll(on_changed=self.document_changed.publish)
        self.calendars_synced.publish(None)
        if not asked:
            return
        for outcome in outcomes:
            if outcome.ok:
                text = (
                    outcome.report.summary() if outcome.report else f'"{outcome.name}": unchanged'
                )
                self.notify(text, title="Synced", timeout=5)
            else:
                self.notify(
                    f"{outcome.error}; the schedule is unchanged",
                    title=f'Calendar "{outcome.name}" not synced',
                    severity="error",
                    timeout=10,
                )

    def _minute(self) -> str:
        return fmt(self.now(), "YYYY-MM-DD HH:mm")

    def _tick(self) -> None:
        """Each second: pick up what other processes wrote, move on with the minute, and
        fire the alerts that fell due."""
        self.session.poll(on_changed=self.document_changed.publish)
        minute = self._minute()
        if minute != self._last_minute:
            self._last_minute = minute
            self.minute_passed.publish(self.now())
        self.check_alerts()

    # -- changing data ---------------------------------------------------

    # -- undo, help ------------------------------------------------------

    # -- named actions: help, palette, keymap ------------------------------

    # -- preferences and themes ------------------------------------------------

    # -- alerts ------------------------------------------------------------

    # -- welcome and settings ----------------------------------------------

    def is_first_run(self) -> bool:
        """No settings answered and no data at all (archives included): the welcome's moment."""
        d = self.document
        if d.settings != Settings() or d.events or d.followups or d.briefs or d.windows:
            return False
        return not d.closeouts and not self.store.archive_paths()

    @work(group="ask")
    async def _welcome(self) -> None:
        """The first run's welcome; then the import, when the EA chose to start with one."""
        from planner.ui.ask import schedule, welcome  # first run only

        answer = await welcome.welcome(self.asker, self.ea_zone)
        if answer is None:
            return
        self.carry_out(answer.change)
        if answer.start == "import":
            await self.settle(schedule.import_calendar(self.asker, self.quitting))

    @work(group="ask")
    async def action_settings(self) -> None:
        if self._settings_open:
            return  # a second `S` while the first is still opening: one settings screen
        self._settings_open = True
        try:
            await self._edit_settings()
        finally:
            self._settings_open = False

    async def _edit_settings(self) -> None:
        """The settings of the executive in view (in "all", the first's)."""
        from planner.ui.ask.settings import edit_settings

        note = ""
        if not self.preferences_readable:
            note = (
                f"{self.preferences_path()} could not be read: it is left as it is, "
                "and changes here last until you quit."
            )
        answer = await edit_settings(
            self.asker.for_executive(self.dashboard.in_view),
            self.preferences,
            themes=[t.theme.name for t in self.planner_themes],
            binding_ids=sorted({b.id for b in self.binding_tables() if b.id}),
            note=note,
        )
        if answer is None:
            return
        self.carry_out(answer.settings)
        if answer.preferences is not None:
            saved = self.save_preferences(answer.preferences)
            self.apply_preferences(answer.preferences)
            if saved:
                self.notify("Preferences saved", timeout=3)


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
    """Run the dashboard until the user quits; 1 after an unexpected error, whose traceback
    goes to a crash log in the data directory (never to the shared terminal)."""
    app = create_app(store, clock, config_dir=config_dir)
    try:
        result = app.run()
    except Exception as error:  # raised outside Textual's own loop (start-up, shut-down)
        app.crash = error
    if app.crash is None and app.return_code in (None, 0):
        return result or 0
    if app.crash is not None:
        where = write_crash_log(store.directory, app.crash)
        detail = f"the details are in {where}" if where else "no crash log could be written"
        print(
            f"ea-planner: the dashboard stopped on an unexpected error; {detail}", file=sys.stderr
        )
    return 1


def write_crash_log(directory: Path, error: BaseException) -> Path | None:
    """The traceback in `directory`/crash-YYYYMMDD-HHMMSS.log (0600); None if that fails."""
    import time
    import traceback

    from planner import __version__
    from planner.storage.store import atomic_write, make_private_dir

    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    path = Path(directory) / f"crash-{stamp}.log"
    text = f"ea-planner {__version__}, {stamp} UTC\n\n" + "".join(traceback.format_exception(error))
    try:
        make_private_dir(Path(directory), link_ok=True)
        atomic_write(path, text.encode("utf-8", "backslashreplace"))
    except (OSError, PlannerError):
        return None
    return path
