"""Welcome (first run, no data): a few facts about the executive, then how to start.

Asks the executive's name, time zone (completed from the zone names) and own
organisation, and offers a sample day, an .ics import, or an empty start.
Escape leaves it unanswered: it comes back next time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from planner.ui.guard import Guarded
from planner.ui.widgets.palette import show
from planner.ui.widgets.zones import ZoneSuggester, is_zone, zone_hint

Start = Literal["sample", "import", "empty"]


@dataclass(frozen=True)
class WelcomeAnswer:
    """What the EA told the welcome screen."""

    start: Start
    executive_name: str
    timezone: str
    own_organization: str
    assistant_name: str = ""
    """The EA's own name: a meeting of the executive and the EA alone is a one-on-one."""


class WelcomeScreen(Guarded, ModalScreen[WelcomeAnswer | None]):
    """A few facts and three ways to start."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["dialog.tcss", "welcome.tcss"]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Not now",
            id="welcome.later",
        ),
    ]

    def __init__(self, timezone: str) -> None:
        super().__init__()
        self._welcome_zone = timezone

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="welcome"):
            yield Label("Welcome to ea-planner", classes="dialog-title")
            yield Static(
                Text(
                    "The executive's schedule, your customer follow-ups with the time you "
                    "promised to get back, and the good moments to interrupt — in one place. "
                    "A few facts first; S (settings) changes them later."
                ),
                classes="dialog-context",
            )
            yield Label("The executive's name", classes="form-label")
            yield Input(placeholder="e.g. Dana Whitfield", id="welcome-name")
            yield Label(
                "Your own name (finds your one-on-ones with the executive)", classes="form-label"
            )
            yield Input(placeholder="e.g. Chris Park", id="welcome-assistant")
            yield Label("The executive's time zone (→ completes)", classes="form-label")
            yield Input(
                value=self._welcome_zone,
                placeholder="Europe/Paris",
                suggester=ZoneSuggester(),
                id="welcome-zone",
            )
            yield Static(id="welcome-zone-hint", classes="-empty")
            yield Label(
                "The executive's own organisation (its people are internal customers)",
                classes="form-label",
            )
            yield Input(placeholder="e.g. Northwind", id="welcome-org")
            yield Label("How would you like to start?", classes="form-label")
            with Horizontal(id="welcome-starts"):
                yield Button("Load a sample day", id="start-sample", variant="primary")
                yield Button("Import an .ics file", id="start-import")
                yield Button("Start empty", id="start-empty")
            yield Label(
                "Tab moves · Enter picks · Escape: not now (asks again next time)",
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        self.query_one("#welcome-name", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "welcome-zone":
            show(self.query_one("#welcome-zone-hint", Static), zone_hint(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in a field moves on, as in a paper form; the buttons decide.
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        starts: dict[str, Start] = {"start-sample": "sample", "start-import": "import"}
        start = starts.get(event.button.id or "", "empty")
        zone = self.query_one("#welcome-zone", Input).value.strip()
        if not is_zone(zone):
            hint = zone_hint(zone) or "give the executive's time zone, e.g. Europe/Paris"
            show(self.query_one("#welcome-zone-hint", Static), hint)
            self.query_one("#welcome-zone", Input).focus()
            self.app.bell()
            return
        self.dismiss(
            WelcomeAnswer(
                start=start,
                executive_name=self.query_one("#welcome-name", Input).value.strip(),
                timezone=zone,
                own_organization=self.query_one("#welcome-org", Input).value.strip(),
                assistant_name=self.query_one("#welcome-assistant", Input).value.strip(),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
