"""The ea-planner application: the session, the EA's preferences and themes, and the keys
in force on every screen.

`create_app(store, clock)` builds it for the CLI and for every test. Its first screen is
the dashboard (planner.ui.screens.dashboard), which owns the dashboard's layout and keys.
Data changes go through the `Session`: applied in memory at once, saved in order by one
background writer, undoable once with `u`; `document_changed` tells every screen. The
EA's preferences (theme, alerts, bell, keymap) come from preferences.toml in the config
directory.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import sys
import threading
import weakref
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import msgspec
import pendulum
from textual import events, work
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer

from planner import preferences as prefs_file
from planner.clock import Clock, local_zone_name
from planner.config import Settings, executive_zone
from planner.domain import FollowUp
from planner.domain.document import Document
from planner.errors import PlannerError
from planner.humanize import fmt, hour_cycle, set_hour_cycle
from planner.operations import Change
from planner.preferences import Preferences
from planner.scheduling import Packing
from planner.storage import Store
from planner.ui.ask import Asker, Proposal
from planner.ui.bindings import NamedAction, binding_list, named_actions
from planner.ui.providers import ActionCommands, ThemeCommands
from planner.ui.screens.dashboard import DashboardScreen
from planner.ui.session import Session
from planner.ui.sync import BackgroundSync
from planner.ui.themes import DEFAULT_THEME, LoadedTheme, all_themes
from planner.ui.widgets.table import PaneTable

if TYPE_CHECKING:
    from planner.alerts import Alert
    from planner.sync.run import SyncOutcome

T = TypeVar("T")


@dataclass(frozen=True)
class Applied(Generic[T]):
    """A change the session took: what its operation returned (the new record, a report)."""

    result: T


DIALOG_CSS = ("dialog.tcss", "followup.tcss")
"""Stylesheets (in planner/ui/screens) of the screens most keys open, read after the first
frame: the dialogs' shared one first, as every dialog lists it."""
SYNC_AFTER_START = 0.5
"""Seconds after start before the first calendar sync: the first frame comes first."""

POLL_SECONDS = 1.0
"""How often the dashboard looks for changes made by other processes, and ticks the clock."""
KEY_WATCH_SECONDS = 0.5
"""How often the app checks that the widget a key went to is still there (see _watch_key)."""
KEY_WATCH_GIVE_UP = 6
"""Checks after which a key still on its way no longer holds up the keys typed after it."""
ALERT_SECONDS = 20
"""How long an alert's notification stays on screen."""


class _KeyDone(Message, bubble=True):
    """Sent after a key, through the widget the key went to and up to the app: when it is
    back, everything the key caused on its way has been handled."""

    def __init__(self, rounds: int) -> None:
        super().__init__()
        self.rounds = rounds
        self.watched = 0
        """Times `PlannerApp._watch_key` has found it still on its way."""


class PlannerApp(App[int]):
    """The ea-planner dashboard."""

    crash: BaseException | None = None
    """The unexpected error that stopped the app, for the crash log (see `run`)."""

    _theme_from_preferences = False
    """True while apply_preferences sets the theme: a fallback is never saved as a choice."""

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
        """What the dialog sequences (planner.ui.ask) ask and read through."""
        self.ea_zone = ea_zone or local_zone_name()
        self.document_changed: Signal[Document] = Signal(self, "document-changed")
        """Published with the document each time it changes (a change made here, an undo, a
        save that adopted another process's writes, a reload after a failed save) or the way
        it is shown does (theme, 12/24-hour times): every screen redraws from it."""
        self.minute_passed: Signal[pendulum.DateTime] = Signal(self, "minute-passed")
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
        self._clashes_told: set[str] = set()
        self._pending_keys: deque[events.Key] = deque()
        """Keys typed and not yet sent on (see on_event)."""
        self._key_on_its_way: _KeyDone | None = None
        """Follows the key sent last; the next is sent once it is back at the app."""
        self._key_target: DOMNode | None = None
        self._typing_into: DOMNode | None = None
        """The input the keys on their way are only typed into, if they all are."""
        self._key_watch: Timer | None = None
        self._key_screens: weakref.WeakKeyDictionary[events.Key, Screen[Any]] = (
            weakref.WeakKeyDictionary()
        )
        """The screen shown when each key on its way was sent."""
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

    def _adopt_theme(self, name: str) -> None:
        """Start in the theme `name`, before anything is styled.

        Set at mount, a theme makes Textual parse and apply every stylesheet a second time
        before the first paint; even set here, Textual's change-of-theme work re-parses the
        app's stylesheet once more. Nothing is styled yet, so for a theme as dark (or light)
        as the one the app was built with, what that work achieves comes down to the
        stylesheet's variables and the app's theme classes: set just those.
        """
        theme = self.get_theme(name)
        if theme is None or theme.dark != self.current_theme.dark:
            self.theme = name  # the terminal's colour mapping changes too: the full change
            return
        self.set_reactive(App.theme, name)
        self.update_classes(
            {c: False for c in self.classes if c.startswith("-theme-")} | {f"-theme-{name}": True},
            update=False,
        )
        self.stylesheet.set_variables(self.get_css_variables())

    # -- basics ----------------------------------------------------------

    @property
    def document(self) -> Document:
        return self.session.document

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
        from planner.ui.screens.morning import MorningScreen

        def done(dismissed: bool | None) -> None:
            if dismissed:
                self.change(lambda d: dismiss_morning_notes(d, today), "Close-out notes dismissed")

        self.push_screen(MorningScreen(morning_lines(notes, self.timezone)), done)

    def _read_dialog_css(self) -> None:
        """Once the first frame is up, read the stylesheets of the dialogs and the detail
        view, so that the first `a` or Enter finds them parsed. Read by Textual when the
        first such screen opens, a new stylesheet makes it re-parse every source from
        scratch and restyle every node: ~25 ms on that first key. Their rules match nothing
        on the dashboard, so nothing needs restyling now."""
        screens = Path(__file__).parent / "screens"
        for name in DIALOG_CSS:
            path = str((screens / name).resolve())
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

    async def on_event(self, event: events.Event) -> None:
        # Every key acts in the order typed, on what the keys before it left. Textual
        # sends a key to the focused widget's queue, and the widget's bindings act only
        # once it has come back up, queue by queue, to the app; a key that came after it
        # would meanwhile run a priority binding (an action on the row the cursor has not
        # reached yet) or be typed before a Tab has moved focus. So the app takes one
        # key at a time: the next goes out once everything the previous one caused on
        # its way (cursor moved, focus moved, a dialog opened) is done (see _KeyDone).
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                self._pending_keys.append(event)
                await self._send_keys()
                return
            sent_on = self._key_screens.pop(event, None)
            if sent_on is not None and sent_on is not self.screen:
                # Back up from a screen that something else (an alert's dialog, the
                # morning notes) has covered meanwhile: it is for the screen now shown,
                # before the keys typed after it.
                event.stop()
                self._pending_keys.appendleft(events.Key(event.key, event.character))
                return
        await super().on_event(event)

    async def _send_keys(self) -> None:
        """Send the keys typed ahead, one by one, while the screen shown can take them (a
        dialog is ready once its input has focus): each once the one before it is done, or
        straight after it when both are only typed into the same input."""
        while (
            self._pending_keys
            and self.screen_stack
            and getattr(self.screen, "ready_for_keys", True)
        ):
            key = self._pending_keys[0]
            target = self.focused or self.screen
            if self._key_on_its_way is not None and not (
                self._typing_into is target and self._typed(target, key)
            ):
                return
            self._pending_keys.popleft()
            typed = self._typed(target, key)
            self._key_screens[key] = self.screen
            await super().on_event(key)
            if not key.is_forwarded:
                # A priority binding took it here: follow where it left the focus.
                self._key_screens.pop(key, None)
                target = self.focused or self.screen
                typed = False
            self._typing_into = target if typed else None
            self._follow_key(target, rounds=2)

    def _typed(self, target: DOMNode, key: events.Key) -> bool:
        """Whether `key` is only typed into `target` (an input): no binding acts on it."""
        check = getattr(target, "check_consume_key", None)
        if check is None or not check(key.key, key.character):
            return False
        return not any(
            binding.priority
            for _namespace, bindings in self.screen._binding_chain
            for binding in bindings.key_to_bindings.get(key.key, ())
        )

    def _follow_key(self, target: DOMNode, rounds: int) -> None:
        """Send a `_KeyDone` after the key just sent, through `target` and up to the app."""
        done = _KeyDone(rounds)
        self._key_on_its_way = done
        self._key_target = target
        target.post_message(done)
        if self._key_watch is None:
            self._key_watch = self.set_interval(KEY_WATCH_SECONDS, self._watch_key)

    async def on__key_done(self, done: _KeyDone) -> None:
        done.stop()
        if done is not self._key_on_its_way or not self.screen_stack:  # or closing
            return
        if done.rounds > 1:
            # Messages the key's action posted (a row selected, a dialog to open) are
            # in the same queues: one more round sees them handled.
            self._follow_key(self.focused or self.screen, done.rounds - 1)
            return
        self._key_on_its_way = None
        self._typing_into = None
        await self._send_keys()

    async def _watch_key(self) -> None:
        """A key's `_KeyDone` is lost when its widget goes away on the way (or, should it
        ever be, stopped there): then the keys after it go on, never held for good."""
        done, target = self._key_on_its_way, self._key_target
        if done is None or not self.screen_stack:
            if self._key_watch is not None:
                self._key_watch.stop()
                self._key_watch = None
            return
        done.watched += 1
        if target is None or not target.is_attached or done.watched > KEY_WATCH_GIVE_UP:
            self._key_on_its_way = None
            self._key_target = None
            self._typing_into = None
            await self._send_keys()

    def release_held_keys(self) -> None:
        """A dialog is ready for keys: send those typed ahead for it, in order."""
        self.call_later(self._send_keys)

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
            self.notify(
                f"Saving {count} change{'s' if count > 1 else ''} before quitting…", timeout=5
            )
            while self.session.pending:
                await asyncio.sleep(0.02)
        self.exit()

    def on_unmount(self) -> None:
        self.quitting.set()
        self.calendar_sync.stop()
        self.session.close()

    def _calendars_synced(self, outcomes: list[SyncOutcome], asked: bool) -> None:
        """After a sync: show what it brought in, and say what it did when `R` asked."""
        self.session.poll(on_changed=self.document_changed.publish)
        with contextlib.suppress(IndexError, AssertionError):
            self.dashboard.show_freshness()
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

    def change(
        self,
        change: Callable[[Document], Document],
        done: str = "",
        *,
        worked_out: tuple[Document, Document] | None = None,
    ) -> bool:
        """Apply a change now and save it in the background; False (and a message) if refused.

        The row shows the change at once, the header says "saving…" while it is not on
        disk, and `done` is said only once it is (a kill -9 before that loses nothing the
        EA was told was saved). `worked_out`: see `Session.apply`."""

        def saved(document: Document) -> None:
            self._saved(document)
            if done:
                self.notify(done, timeout=3)

        try:
            self.session.apply(
                change, on_saved=saved, on_failed=self._save_failed, worked_out=worked_out
            )
        except PlannerError as exc:
            self.notify(exc.message, title="Not done", severity="error")
            return False
        self.document_changed.publish(self.document)
        return True

    def apply(
        self,
        change: Change[T],
        done: str = "",
        *,
        worked_out: tuple[Document, tuple[Document, T]] | None = None,
    ) -> Applied[T] | None:
        """`change` (an operation of planner.operations, its arguments bound) applied as
        `change` applies it, with what it returned; None (and a message) if refused.
        `worked_out` is (a document, what `change` returned for it), worked out off the UI
        thread (a large import): taken as is while the document is still that one."""
        results: list[T] = []

        def plain(document: Document) -> Document:
            after, result = change(document)
            if not results:  # the first application is the one in memory
                results.append(result)
            return after

        whole = None
        if worked_out is not None and worked_out[0] is self.session.document:
            before, (after, result) = worked_out
            results.append(result)
            whole = (before, after)
        if not self.change(plain, done, worked_out=whole) or not results:
            return None
        return Applied(results[0])

    def carry_out(self, proposal: Proposal[T] | None) -> Applied[T] | None:
        """Apply what a dialog sequence proposes, through the session; None if there is
        nothing to apply or the change was refused."""
        if proposal is None:
            return None
        return self.apply(proposal.change, proposal.done, worked_out=proposal.worked_out)

    async def settle(self, sequence: Awaitable[Proposal[T] | None]) -> Applied[T] | None:
        """Run a dialog sequence (planner.ui.ask) to its end and carry out its proposal.
        A refusal is said; an unexpected error is reported and logged, the dashboard
        carries on."""
        try:
            proposal = await sequence
        except PlannerError as exc:
            self.notify(exc.message, title="Not done", severity="error")
            return None
        except Exception as error:
            from planner.ui.guard import report

            report(self, error, where="a dialog sequence")
            return None
        return self.carry_out(proposal)

    def _saved(self, document: Document) -> None:
        if self.session.pending == 0:
            self.document_changed.publish(document)

    def _save_failed(self, error: BaseException) -> None:
        message = error.message if isinstance(error, PlannerError) else str(error)
        self.notify(f"Not saved: {message}", title="Save failed", severity="error", timeout=10)
        self.bell()
        with contextlib.suppress(PlannerError):
            self.session.document = self.store.load()
        self.document_changed.publish(self.document)

    def find_followup(self, followup_id: str) -> FollowUp | None:
        for source in (self.document, self.session.history):
            if source is None:
                continue
            for f in source.followups:
                if f.id == followup_id:
                    return f
        return None

    # -- undo, help ------------------------------------------------------

    def action_undo(self, force: bool = False) -> None:
        """Take back the last change; only its own fields and log entries (see Session)."""
        from planner.storage.patch import UndoConflict

        def saved(document: Document) -> None:
            self._saved(document)
            self.notify("Undone (saved)", timeout=2)

        try:
            undone = self.session.undo(on_saved=saved, on_failed=self._undo_failed, force=force)
        except UndoConflict as conflict:
            self._ask_undo_anyway(conflict)
            return
        if not undone:
            self.notify("Nothing to undo", severity="warning", timeout=2)
            return
        self.document_changed.publish(self.document)

    def _undo_failed(self, error: BaseException) -> None:
        from planner.storage.patch import UndoConflict

        if not isinstance(error, UndoConflict):
            self._save_failed(error)
            return
        with contextlib.suppress(PlannerError):
            self.session.document = self.store.load()
        self.document_changed.publish(self.document)
        self._ask_undo_anyway(error)

    def _ask_undo_anyway(self, conflict: PlannerError) -> None:
        """Another process changed what the undo would revert: say so, and ask."""
        from planner.ui.screens.choice import ChoiceScreen

        def answer(choice: str | None) -> None:
            if choice == "force":
                self.action_undo(force=True)

        self.push_screen(
            ChoiceScreen(
                f"Not undone yet: {conflict.message}. Undo anyway?",
                [("keep", "Keep the other change (do not undo)"), ("force", "Undo anyway")],
            ),
            answer,
        )

    def action_help(self) -> None:
        from planner.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.help_actions()))

    # -- named actions: help, palette, keymap ------------------------------

    def binding_tables(self) -> list[Binding]:
        """Every binding of the dashboard, its screens and dialogs, the app's own first."""
        # Screens shown on demand are imported on demand, to keep the first paint quick.
        from planner.ui.screens.followup import FollowUpScreen
        from planner.ui.screens.form import FormScreen
        from planner.ui.screens.help import HelpScreen
        from planner.ui.screens.settings import SettingsScreen
        from planner.ui.screens.welcome import WelcomeScreen

        try:
            from planner.ui.screens.closeout import CloseoutScreen
        except ImportError:  # pragma: no cover - a checkout without it
            closeout: list[BindingType] = []
        else:
            closeout = list(CloseoutScreen.BINDINGS)
        from planner.ui.screens.brief import BriefScreen

        return binding_list(
            DashboardScreen.BINDINGS,
            self.BINDINGS,
            FollowUpScreen.BINDINGS,
            BriefScreen.BINDINGS,
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
        """The palette's commands: the actions of the screen it was opened on (the
        dashboard's, the detail view's, ...) and the global ones; never another screen's."""
        own = binding_list(getattr(screen, "BINDINGS", ()))
        actions = self.named(binding_list(own, self.BINDINGS))
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

    def apply_preferences(self, preferences: Preferences) -> None:
        """Theme, keymap and 12/24-hour clock times from `preferences` (alerts and bell are
        read when they fire)."""
        self.preferences = preferences
        cycle = prefs_file.hour_cycle(preferences)
        if cycle != hour_cycle():
            set_hour_cycle(cycle)
            if self.screen_stack:
                # Every clock time on screen, in the new form.
                self.document_changed.publish(self.document)
        known = {b.id for b in self.binding_tables() if b.id} if preferences.keymap else set()
        unknown = sorted(set(preferences.keymap) - known)
        if unknown:
            self.notify(
                f"{self.preferences_path()}: [keymap] names {', '.join(map(repr, unknown))}, "
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
                f"The theme {wanted!r} named in {self.preferences_path()} was not found; "
                f"using {fallback}.",
                title="Theme",
                severity="warning",
                timeout=10,
            )
            wanted = fallback
        if self.theme != wanted:
            # A fallback is not the EA's choice: preferences.toml keeps the name it has.
            self._theme_from_preferences = True
            try:
                self.theme = wanted
            finally:
                self._theme_from_preferences = False

    def preferences_path(self) -> Path | str:
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
        if self.screen_stack:
            self.document_changed.publish(self.document)
        if (
            not self._theme_from_preferences
            and theme != self.preferences.theme
            and any(t.theme.name == theme for t in self.planner_themes)
        ):
            self.save_preferences(msgspec.structs.replace(self.preferences, theme=theme))

    def action_switch_theme(self) -> None:
        self.push_screen(CommandPalette(providers=[ThemeCommands], placeholder="Theme…"))

    # -- alerts ------------------------------------------------------------

    def check_alerts(self) -> list[Alert]:
        """Notify (and ring) the alerts due now that have not fired yet; return them."""
        if not self.preferences.alerts:
            return []
        from planner.alerts import due_alerts

        now = self.clock.now()
        if len(self.document.roster) > 1:
            from planner.alerts import desk_alerts

            # Each executive's alerts from their own records, in their zone, named.
            alerts = desk_alerts(self.document, now, self.fired_alerts)
        else:
            alerts = due_alerts(
                self.document,
                now,
                self.fired_alerts,
                packing=self._packing_for_alerts(now),
                tz=self.timezone,
            )
        if alerts:
            self.fired_alerts.update(a.key for a in alerts)
            alerts = self._claim_alerts(alerts, now)
        for alert in alerts:
            self.notify(
                alert.message, title=alert.title, severity=alert.severity, timeout=ALERT_SECONDS
            )
        if alerts and self.preferences.bell:
            self.bell()
        return alerts

    def _claim_alerts(self, alerts: list[Alert], now: Any) -> list[Alert]:
        """Those of `alerts` that `ea-planner remind` has not given already (alerted.json);
        all of them when that record cannot be read or written."""
        from planner.errors import PlannerError
        from planner.storage.alerted import claim

        try:
            return claim(self.store, alerts, now)
        except PlannerError:
            return alerts

    def _packing_for_alerts(self, now: Any) -> Packing | None:
        """Today's packed brief queue: the shown day's when it is today, else computed once a
        minute (not on every tick)."""
        if not any(b.queued for b in self.document.briefs):
            return None
        day = self.dashboard.day if self.screen_stack else None
        if day is not None and day.is_today and day.packing is not None:
            return day.packing
        local = pendulum.instance(now).in_tz(self.timezone)
        stamp = (id(self.document), fmt(local, "YYYY-MM-DD HH:mm"))
        if self._alert_packing is None or self._alert_packing[0] != stamp:
            from planner.alerts import today_packing

            self._alert_packing = (stamp, today_packing(self.document, now, self.timezone))
        return self._alert_packing[1]

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
        from planner.ui.ask.settings import edit_settings

        note = ""
        if not self.preferences_readable:
            note = (
                f"{self.preferences_path()} could not be read: it is left as it is, "
                "and changes here last until you quit."
            )
        answer = await edit_settings(
            self.asker,
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
