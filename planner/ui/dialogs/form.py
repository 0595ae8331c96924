"""A small form: labelled inputs and selects, validated as a whole before it closes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from planner.ui.dialogs.typeahead import TypeAhead
from planner.ui.guard import Guarded

Values = dict[str, str]
Validate = Callable[[Values], str | None]
"""Returns an error message, or None when the values can be saved."""
Preview = Callable[[Values], tuple[bool, str]]
"""Returns (ok, message) as the fields are typed: what the values mean, or what is wrong."""


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    placeholder: str = ""
    value: str = ""
    options: tuple[str, ...] = field(default_factory=tuple)
    """When given, the field is a select of these values."""


class FormScreen(Guarded, TypeAhead, ModalScreen[Values | None]):
    """Fill the fields; Enter in the last input (or ctrl+s) submits, Escape cancels."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("ctrl+s", "submit", "Save", id="dialog.save"),
    ]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        validate: Validate,
        *,
        context: str = "",
        preview: Preview | None = None,
    ) -> None:
        super().__init__()
        self._form_title = title
        self._form_fields = fields
        self._form_validate = validate
        self._form_context = context
        self._form_preview = preview

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="form"):
            yield Label(Text(self._form_title), classes="dialog-title")
            if self._form_context:
                yield Static(Text(self._form_context), classes="dialog-context")
            for f in self._form_fields:
                yield Label(f.label, classes="form-label")
                if f.options:
                    yield Select(
                        [(o, o) for o in f.options],
                        value=f.value or f.options[0],
                        allow_blank=False,
                        id=f"field-{f.name}",
                    )
                else:
                    yield Input(value=f.value, placeholder=f.placeholder, id=f"field-{f.name}")
            yield Static(id="form-error")
            yield Label("Enter saves · Tab next field · Escape cancels", classes="dialog-help")

    def values(self) -> Values:
        result: Values = {}
        for f in self._form_fields:
            widget = self.query_one(f"#field-{f.name}")
            if isinstance(widget, Select):
                result[f.name] = str(widget.value)
            else:
                assert isinstance(widget, Input)
                result[f.name] = widget.value.strip()
        return result

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._form_preview is None or not self.is_mounted:
            return
        ok, message = self._form_preview(self.values())
        self.query_one("#form-error", Static).update(Text(message, style="" if ok else "red"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        values = self.values()
        error = self._form_validate(values)
        if error:
            self.query_one("#form-error", Static).update(Text(error, style="red"))
            self.app.bell()
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
