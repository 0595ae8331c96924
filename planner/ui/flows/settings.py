"""The settings screen: the executive's settings, kept in the document (a change is
undoable), and the EA's preferences, kept in preferences.toml."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.config import Settings
from planner.errors import PlannerError
from planner.operations.settings import set_settings
from planner.ui.screens.settings import SettingsResult, SettingsScreen
from planner.when import parse_when

if TYPE_CHECKING:
    from planner.ui.app import PlannerApp


def open_settings(app: PlannerApp) -> None:
    """The settings screen, its default promise checked by the quick-add grammar."""
    note = ""
    if not app.preferences_readable:
        note = (
            f"{app.preferences_path()} could not be read: it is left as it is, "
            "and changes here last until you quit."
        )

    def check(settings: Settings) -> str | None:
        try:
            parse_when(settings.default_promise, now=app.clock.now(), settings=settings)
        except PlannerError as exc:
            return f"default_promise: {exc.message}"
        return None

    app.push_screen(
        SettingsScreen(
            app.document.settings,
            app.preferences,
            themes=[t.theme.name for t in app.planner_themes],
            binding_ids=sorted({b.id for b in app.binding_tables() if b.id}),
            check=check,
            preferences_note=note,
        ),
        lambda result: settings_saved(app, result),
    )


def settings_saved(app: PlannerApp, result: SettingsResult | None) -> None:
    """Adopt what the settings screen saved: the settings change the document (undoable);
    the preferences are written to preferences.toml and take effect at once."""
    if result is None:
        return
    settings = result.settings
    if settings != app.document.settings:
        app.apply(lambda d: set_settings(d, settings), "Settings saved")
        app.dashboard.show_date(app.today())
    if result.preferences != app.preferences:
        saved = app.save_preferences(result.preferences)
        app.apply_preferences(result.preferences)
        if saved:
            app.notify("Preferences saved", timeout=3)
