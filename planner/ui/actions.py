"""Every screen's named actions, from their binding tables: the help screen's rows, the
command palette's commands and the ids a [keymap] in preferences.toml names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from planner.preferences import Preferences
from planner.ui.bindings import NamedAction, binding_list, named_actions
from planner.ui.screens.dashboard import DashboardScreen
from planner.ui.widgets.table import PaneTable


class NamedActions(App[int]):
    """Mixed into the app: the named actions of every screen."""

    preferences: Preferences
    _clashes_told: set[str]

    def action_help(self) -> None:
        from planner.ui.dialogs.help import HelpScreen

        self.push_screen(HelpScreen(self.help_actions()))

    def binding_tables(self) -> list[Binding]:
        """Every binding of the dashboard, its screens and dialogs, the app's own first."""
        # Screens shown on demand are imported on demand, to keep the first paint quick.
        from planner.ui.dialogs.form import FormScreen
        from planner.ui.dialogs.help import HelpScreen
        from planner.ui.dialogs.settings import SettingsScreen
        from planner.ui.dialogs.welcome import WelcomeScreen
        from planner.ui.screens.followup import FollowUpScreen

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
