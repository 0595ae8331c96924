"""Status colours and styles taken from the active theme, so every theme marks them its own way.

A theme sets `status-broken`, `status-due-soon`, `status-good` and `status-muted`
(colours) in its variables, and may add a text style to each with
`status-…-style` ("bold reverse"): the high-contrast theme uses that so the
states read without colour. Themes without them fall back to error, warning
and success.
"""

from __future__ import annotations

from typing import Protocol

import msgspec
from rich.text import Text
from textual.theme import Theme
from textual.widgets import Static

DEFAULT_STYLES = {"broken": "bold", "due-soon": "bold", "good": "", "muted": ""}


class StatusColors(msgspec.Struct, frozen=True, gc=False):
    broken: str
    due_soon: str
    good: str
    muted: str
    accent: str
    broken_style: str
    """Rich style for a broken promise or a brief to tell now: text style and colour."""
    due_soon_style: str
    good_style: str
    muted_style: str


class Themed(Protocol):
    """Anything with a current theme: an App of any return type."""

    @property
    def current_theme(self) -> Theme: ...


def status_colors(app: Themed) -> StatusColors:
    theme = app.current_theme
    variables = theme.variables
    colors = {
        "broken": variables.get("status-broken", theme.error or "red"),
        "due-soon": variables.get("status-due-soon", theme.warning or "yellow"),
        "good": variables.get("status-good", theme.success or "green"),
        "muted": variables.get("status-muted", "grey50"),
    }

    def style(name: str) -> str:
        text_style = variables.get(f"status-{name}-style", DEFAULT_STYLES[name])
        text_style = "" if text_style.strip() == "none" else text_style
        return f"{text_style} {colors[name]}".strip()

    return StatusColors(
        broken=colors["broken"],
        due_soon=colors["due-soon"],
        good=colors["good"],
        muted=colors["muted"],
        accent=theme.accent or theme.primary,
        broken_style=style("broken"),
        due_soon_style=style("due-soon"),
        good_style=style("good"),
        muted_style=style("muted"),
    )


def show(widget: Static, problem: str) -> None:
    """Put a problem (or nothing) in a hint line, styled as broken; hidden while empty."""
    style = status_colors(widget.app).broken_style
    widget.update(Text(problem, style=style))
    widget.set_class(not problem, "-empty")
