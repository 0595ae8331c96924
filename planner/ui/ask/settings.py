"""The settings screen: the executive's settings, kept in the document (a change is
undoable), and the EA's preferences, kept in preferences.toml."""

from __future__ import annotations

from dataclasses import dataclass

from planner.config import Settings
from planner.domain.executive import RULE_FIELDS, describe
from planner.errors import PlannerError
from planner.operations.settings import set_executive_settings
from planner.preferences import Preferences
from planner.ui.ask import Asker, Proposal
from planner.ui.dialogs.settings import EXECUTIVE_HEADING, SettingsScreen
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
    """The settings screen, its default promise read by planner.when; None if left.

    On a desk of several executives they are the settings of the executive the asker
    works for (the one in view; in "all", the first), and the screen says so, names the
    others and how to change theirs; saved, that executive's name, zone, workday and
    rules go to them, the desk's own facts to the desk."""
    document = asker.document
    roster = document.roster
    executive = document.executive(asker.executive)
    heading, shared = EXECUTIVE_HEADING, frozenset[str]()
    if len(roster) > 1:
        others = ", ".join(describe(e) for e in roster if e.id != executive.id)
        chosen = "the executive in view" if asker.executive else "the first; the view is all"
        heading = (
            f"{describe(executive)}'s settings ({chosen}) — planner.json. "
            f"Also on this desk: {others}: to change theirs, show their view (v) and "
            "press S again, or use `ea-planner exec edit SHORT`."
        )
        shared = frozenset(
            name
            for name in asker.settings.__struct_fields__
            if name != "executive_name" and name not in RULE_FIELDS
        )

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
            heading=heading,
            shared=shared,
        )
    )
    if result is None:
        return None
    settings = result.settings
    change = None
    if settings != asker.settings:
        whom = executive.id if len(roster) > 1 else None
        said = f"Settings saved for {describe(executive)}" if whom else "Settings saved"
        change = Proposal(lambda d: set_executive_settings(d, whom, settings), said)
    return SettingsAnswer(change, result.preferences if result.preferences != preferences else None)
