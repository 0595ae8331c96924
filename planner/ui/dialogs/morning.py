"""The next morning: the last close-out's notes and "tomorrow" items, shown when the
dashboard opens on the next workday until the EA dismisses them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static


def notes_text(lines: list[str]) -> Text:
    """The headings ("Promises due:") in bold, their items under them as a list."""
    text = Text()
    for index, line in enumerate(lines):
        if index:
            text.append("\n")
        if line.startswith("    "):  # an item (headings are indented two, items four)
            text.append("  · ", style="dim")
            text.append(line.strip())
        else:
            text.append(line.strip(), style="bold")
    return text


class MorningScreen(ModalScreen[bool]):
    """Enter dismisses the notes for good (True); Escape keeps them for the next start."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done(True)", "Dismiss", id="morning.dismiss"),
        Binding("escape", "done(False)", "Later", id="morning.later"),
    ]

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self._lines = lines

    def compose(self) -> ComposeResult:
        title, *rest = self._lines
        with Vertical(id="dialog", classes="morning"):
            yield Label(Text(title), classes="dialog-title")
            yield Static(notes_text(rest), id="morning")
            yield Label(
                "Enter dismisses these notes · Escape shows them again next time",
                classes="dialog-help",
            )

    def action_done(self, dismissed: bool) -> None:
        self.dismiss(dismissed)
