"""A one-line prompt with an optional live check, for notes, promises, reasons and times."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from planner.ui.dialogs.typeahead import TypeAhead
from planner.ui.guard import Guarded

Check = Callable[[str], tuple[bool, str]]
"""Returns (ok, message): the message previews what the value means, or says what is wrong."""


class PromptScreen(Guarded, TypeAhead, ModalScreen[str | None]):
    """Ask for one line; Enter returns it when the check passes, Escape returns None."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("tab", "complete", "Complete", show=False),
    ]

    def __init__(
        self,
        title: str,
        *,
        placeholder: str = "",
        value: str = "",
        check: Check | None = None,
        suggester: Suggester | None = None,
        context: str = "",
    ) -> None:
        super().__init__()
        self._prompt_title = title
        self._prompt_placeholder = placeholder
        self._prompt_value = value
        self._prompt_check = check
        self._prompt_suggester = suggester
        self._prompt_context = context

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Text(self._prompt_title), classes="dialog-title")
            if self._prompt_context:
                yield Static(Text(self._prompt_context), classes="dialog-context")
            yield Input(
                value=self._prompt_value,
                placeholder=self._prompt_placeholder,
                suggester=self._prompt_suggester,
                id="prompt-input",
            )
            yield Static(id="prompt-check")
            yield Label("Enter confirms · Escape cancels", classes="dialog-help")

    def on_mount(self) -> None:
        self._show(self._prompt_value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, value: str) -> bool:
        if self._prompt_check is None:
            return bool(value.strip())
        ok, message = self._prompt_check(value) if value.strip() else (False, "")
        style = "" if ok else "red"
        self.query_one("#prompt-check", Static).update(Text(message, style=style))
        return ok

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._show(event.value):
            self.app.bell()
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)

    async def action_complete(self) -> None:
        """Tab takes the completion offered (a path), as → does."""
        if self._prompt_suggester is None:
            return
        box = self.query_one(Input)
        suggestion = await self._prompt_suggester.get_suggestion(box.value)
        if suggestion:
            box.value = suggestion
            box.cursor_position = len(suggestion)
