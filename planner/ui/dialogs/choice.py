"""Pick one of a few options with the keyboard (e.g. waiting on the customer or a colleague)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from planner.ui.guard import Guarded


class ChoiceScreen(Guarded, ModalScreen[str | None]):
    """A short list of options; Enter picks, Escape cancels."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(
        self, title: str, options: Sequence[tuple[str, str]], *, context: str = ""
    ) -> None:
        super().__init__()
        self._choice_title = title
        self._choice_options = options
        self._choice_context = context

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Text(self._choice_title), classes="dialog-title")
            if self._choice_context:
                yield Static(Text(self._choice_context), classes="dialog-context")
            yield OptionList(
                *(Option(Text(label), id=value) for value, label in self._choice_options)
            )
            yield Label("Enter picks · Escape cancels", classes="dialog-help")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
