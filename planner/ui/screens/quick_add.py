"""Quick-add (`a`): one line in the quick-add grammar, with a live preview of what it means."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from planner.humanize import when
from planner.quickadd import QuickAdd
from planner.ui.guard import Guarded
from planner.ui.screens.typeahead import TypeAhead

Parser = Callable[[str], QuickAdd]


def preview(parsed: QuickAdd, now: object, tz: str) -> Text:
    """What the grammar understood, field by field, and any error — as plain Text."""
    text = Text()
    if not parsed.text.strip():
        text.append("Name: summary @Org by WHEN !priority #tag ~channel", style="dim")
        text.append(
            "\ne.g. Maria Ortiz @Acme: charged twice, call back by fri 2:30 pm urgent", style="dim"
        )
        return text

    def field(name: str, value: str, note: str = "") -> None:
        text.append(f"{name:<9}", style="dim")
        text.append(value or "—", style="bold" if value else "dim")
        if note:
            text.append(f"  {note}", style="dim italic")
        text.append("\n")

    field("customer", parsed.customer)
    org = parsed.organization + (" (internal)" if parsed.internal and parsed.organization else "")
    field("org", org)
    field("summary", parsed.summary)
    if parsed.promised_by is not None:
        field(
            "promise", when(parsed.promised_by, now, tz), "" if parsed.promise_given else "default"
        )  # type: ignore[arg-type]
    else:
        field("promise", "")
    field("kind", parsed.kind, "guessed" if parsed.kind_guessed else "")
    field("channel", parsed.channel, "" if parsed.channel_given else "default")
    field("priority", parsed.priority)
    field("tags", " ".join("#" + t for t in parsed.tags))
    for error in parsed.errors:
        text.append("✗ ", style="bold red")
        text.append(error + "\n", style="red")
    for note in parsed.notes:  # readings taken and flags: worth a second look, not errors
        text.append("• ", style="bold yellow")
        text.append(note + "\n", style="italic")
    return text


class QuickAddScreen(Guarded, TypeAhead, ModalScreen[QuickAdd | None]):
    """Type a follow-up; Enter saves when the preview shows no error, Escape cancels."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, parse: Parser, now: object, tz: str, initial: str = "") -> None:
        super().__init__()
        self._qa_parse = parse
        self._qa_now = now
        self._qa_tz = tz
        self._qa_initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="quick-add"):
            yield Label("New follow-up", classes="dialog-title")
            yield Input(
                value=self._qa_initial,
                placeholder="Maria Ortiz: charged twice @Acme by tomorrow 3pm !high #billing",
                id="quick-add-input",
            )
            yield Static(id="quick-add-preview")
            yield Label("Enter saves · Escape cancels", classes="dialog-help")

    def on_mount(self) -> None:
        self._update(self._qa_initial)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._update(event.value)

    def _update(self, value: str) -> None:
        self.query_one("#quick-add-preview", Static).update(
            preview(self._qa_parse(value), self._qa_now, self._qa_tz)
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        parsed = self._qa_parse(event.value)
        if not parsed.ok:
            self._update(event.value)
            self.app.bell()
            return
        self.dismiss(parsed)

    def action_cancel(self) -> None:
        self.dismiss(None)
