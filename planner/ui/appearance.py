"""The EA's preferences in force: theme, keymap and 12/24-hour times, read from and saved
to preferences.toml in the config directory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette
from textual.signal import Signal

from planner import preferences as prefs_file
from planner.domain.document import Document
from planner.errors import PlannerError
from planner.humanize import hour_cycle, set_hour_cycle
from planner.preferences import Preferences
from planner.ui.messages import ViewChosen
from planner.ui.providers import ThemeCommands
from planner.ui.themes import DEFAULT_THEME, LoadedTheme


class Appearance(App[int]):
    """Mixed into the app: the preferences and themes in force."""

    preferences: Preferences
    preferences_readable: bool
    config_dir: Path | None
    planner_themes: list[LoadedTheme]
    document_changed: Signal[Document]

    _theme_from_preferences = False
    """True while apply_preferences sets the theme: a fallback is never saved as a choice."""

    if TYPE_CHECKING:

        @property
        def document(self) -> Document: ...

        def binding_tables(self) -> list[Binding]: ...

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

    def on_view_chosen(self, message: ViewChosen) -> None:
        """The dashboard shows another executive's records (or all): remembered for the next
        start."""
        message.stop()
        if self.preferences.view != message.view:
            self.save_preferences(msgspec.structs.replace(self.preferences, view=message.view))

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
