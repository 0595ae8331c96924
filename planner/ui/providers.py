"""The command palette (ctrl+p): every action of the binding tables by name, fuzzy matched.

Help lines may carry the EA's own text (a theme file's description): escaped, never markup.

"Follow-up: Resolve", "Brief: Mark delivered", "Theme: Switch", "Day: Next", …
are generated from the bindings (planner.ui.bindings), so the palette, the
footer and the help screen never disagree. Each theme is offered too
("Theme: Use ea-light").
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, cast

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from planner.ui.bindings import NamedAction

if TYPE_CHECKING:
    from textual.screen import Screen

    from planner.ui.themes import LoadedTheme


class PaletteHost(Protocol):
    """What the palette needs of the app (`PlannerApp`, which imports this module: named
    by this protocol, not imported back)."""

    theme: str
    planner_themes: list[LoadedTheme]

    def palette_actions(self, screen: Screen[Any]) -> list[NamedAction]: ...

    async def run_action(self, action: str, default_namespace: Any = None) -> bool: ...


class ActionCommands(Provider):
    """The dashboard's actions, named "Group: Action", with the key that runs each."""

    def _commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        app = cast("PaletteHost", self.app)
        screen = self.screen
        commands: list[tuple[str, str, Callable[[], Any]]] = []
        for action in app.palette_actions(screen):
            commands.append((action.title, _help(action), partial(_run, app, action, screen)))
        for loaded in app.planner_themes:
            name = loaded.theme.name
            commands.append(
                (
                    f"Theme: Use {name}",
                    loaded.description or "switch to this theme",
                    partial(setattr, app, "theme", name),
                )
            )
        return commands

    async def discover(self) -> Hits:
        for title, help_text, run in self._commands():
            yield DiscoveryHit(Text(title), run, text=title, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, text=title, help=escape(help_text))


class ThemeCommands(Provider):
    """The theme switcher: the shipped themes and the EA's own, the current one marked."""

    def _themes(self) -> list[tuple[str, str]]:
        app = cast("PaletteHost", self.app)
        rows = []
        for loaded in app.planner_themes:
            name = loaded.theme.name
            where = "shipped" if loaded.shipped else f"yours: {loaded.path.name}"
            mark = " (current)" if name == app.theme else ""
            rows.append((name, f"{loaded.description or name} · {where}{mark}"))
        return rows

    def _use(self, name: str) -> None:
        self.app.theme = name

    async def discover(self) -> Hits:
        for name, help_text in self._themes():
            yield DiscoveryHit(
                Text(name), partial(self._use, name), text=name, help=escape(help_text)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text in self._themes():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self._use, name),
                    text=name,
                    help=escape(help_text),
                )


def _help(action: NamedAction) -> str:
    return f"key {action.keys}" + (
        f" · {action.binding.description}"
        if action.binding.tooltip and action.binding.description != action.name
        else ""
    )


def _run(app: PaletteHost, action: NamedAction, screen: object) -> Awaitable[bool]:
    """Run the action where its binding lives: the screen's own, or the app's."""
    namespace = screen if action.binding in getattr(screen, "BINDINGS", ()) else app
    return app.run_action(action.binding.action, namespace)


__all__ = ["ActionCommands", "PaletteHost", "ThemeCommands"]
