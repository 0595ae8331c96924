"""Help (`?`): every key binding, generated from the binding tables — never a hand-kept list."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

GROUPS = {
    "followup": "Follow-ups",
    "brief": "Brief queue",
    "event": "Schedule",
    "moment": "Schedule",
    "day": "Days",
    "pane": "Moving around",
    "app": "Dashboard",
}


def binding_rows(bindings: list[Binding]) -> list[tuple[str, str, str]]:
    """(group, keys, description) for every binding that has an id, grouped by the id's prefix."""
    rows = []
    for binding in bindings:
        if not binding.id or not binding.description:
            continue
        group = GROUPS.get(binding.id.split(".")[0], "Other")
        keys = binding.key_display or binding.key
        rows.append((group, keys, binding.description))
    order = list(dict.fromkeys(GROUPS.values()))
    rows.sort(key=lambda r: order.index(r[0]) if r[0] in order else len(order))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", id="help.close"),
    ]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self._help_bindings = bindings

    def compose(self) -> ComposeResult:
        text = Text()
        group = None
        for name, keys, description in binding_rows(self._help_bindings):
            if name != group:
                text.append(("\n" if group else "") + name + "\n", style="bold")
                group = name
            text.append(f"  {keys:<12}", style="bold")
            text.append(description + "\n")
        with VerticalScroll(id="dialog", classes="help"):
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(text)
            yield Static(Text("Escape closes", style="dim"), classes="dialog-help")
