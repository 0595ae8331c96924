"""The settings screen: the executive's settings, kept in the document (a change is
undoable), and the EA's preferences, kept in preferences.toml."""

from __future__ import annotations

from dataclasses import dataclass

from planner.config import Settings
from planner.errors import PlannerError
from planner.operations.settings import set_settings
from planner.preferences import Preferences
from planner.ui.ask import Asker, Proposal
from planner.ui.dialogs.settings import SettingsScreen
from planner.when import parse_when


@dataclass(frozen=True)
class SettingsAnswer:
    """What the settings screen saved: the change of the document's settings (None when
    they stay as they are), and the preferences (None when unchanged)."""

    settings: Proposal[Settings] | None
    preferences: Preferences | None


async def edit_settings(
    asker: Asker,
    preferences: Preferences,
    *,
    themes: list[str],
    binding_ids: list[str],
    note: str = "",
) -> SettingsAnswer | None:
    """The settings screen, its default promise read by planner.when; None if left."""

    def check(settings: Settings) -> str | None:
        try:
            parse_when(settings.default_promise, now=asker.clock.now(), settings=settings)
        except PlannerError as exc:
            return f"default_promise: {exc.message}"
        return None

    result = await asker.ask(
        SettingsScreen(
            asker.settings,
            preferences,
            themes=themes,
            binding_ids=binding_ids,
            check=check,
            preferences_note=note,
        )
    )
    if result is None:
        return None
    settings = result.settings
    change = None
    if settings != asker.settings:
        change = Proposal(lambda d: set_settings(d, settings), "Settings saved")
    return SettingsAnswer(change, result.preferences if result.preferences != preferences else None)
