"""Status colours taken from the active theme, so every theme styles them its own way."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App


@dataclass(frozen=True)
class StatusColors:
    broken: str
    due_soon: str
    good: str
    muted: str
    accent: str


def status_colors(app: App[object]) -> StatusColors:
    theme = app.current_theme
    variables = theme.variables
    return StatusColors(
        broken=variables.get("status-broken", theme.error or "red"),
        due_soon=variables.get("status-due-soon", theme.warning or "yellow"),
        good=variables.get("status-good", theme.success or "green"),
        muted=variables.get("status-muted", "grey50"),
        accent=theme.accent or theme.primary,
    )
