"""Quick-add (`a`): one line in the quick-add grammar, with a live preview of what it means."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

import pendulum
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from planner.domain import FollowUp
from planner.domain.followup import effective_promise
from planner.humanize import counted, when
from planner.quickadd import QuickAdd
from planner.quickadd.executive import on_clock
from planner.ui.dialogs.typeahead import TypeAhead
from planner.ui.guard import Guarded

Parser = Callable[[str], QuickAdd]
RepeatCaller = Callable[[QuickAdd], tuple[FollowUp, ...]]
"""The customer's open follow-ups (a repeat caller), for what the line says so far."""
Whom = Callable[[str], tuple[str, str]]
"""On a desk of several executives, for the line typed: whose follow-up it is
(`+Lee (Lee Okafor)`; "" when `+Short` names no one) and the zone its times are read in."""
NoteReading = Callable[[str, FollowUp], tuple[QuickAdd, str, str]]
"""The line typed, read as a note on a repeat caller's open matter: the line as read on
the clock of the matter's executive, whose matter it is (`Lee's`; "" on a desk of one)
and that zone."""


@dataclass(frozen=True)
class NoteInstead:
    """The answer of quick-add when the EA chose to add the line as a note to an open matter."""

    followup_id: str
    text: str
    promise: pendulum.DateTime | None = None
    """The line's own promise, if it gave one: it re-promises the open follow-up."""


def preview(
    parsed: QuickAdd,
    now: pendulum.DateTime,
    tz: str,
    matches: tuple[FollowUp, ...] = (),
    whom: str = "",
    note: tuple[QuickAdd, str, str] | None = None,
) -> Text:
    """What the grammar understood, field by field, and any error — as plain Text. `whom`
    (several executives): whose follow-up it is; `note`: the line read as a note on the
    first of `matches` (see `NoteReading`)."""
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

    # Errors and a repeat caller first: why Enter does not save, and what to do with the
    # line (add, or ctrl+n as a note), are read before the fields, and a short terminal
    # must never push them out of sight.
    for error in parsed.errors:
        text.append("✗ ", style="bold red")
        text.append(error + "\n", style="red")
    if matches:
        noun = "an open follow-up" if len(matches) == 1 else counted(len(matches), "open follow-up")
        text.append("↻ repeat caller: ", style="bold yellow")
        owner = f" ({note[1]})" if note is not None and note[1] else ""
        text.append(f"{matches[0].customer} already has {noun}{owner}\n")
        for match in matches:
            if note is not None and len(matches) == 1:
                promise = on_clock(effective_promise(match, now), now, note[2], tz)
            else:
                promise = when(effective_promise(match, now), now, tz)
            text.append(f"  {match.summary} · {match.status} · promised {promise}\n", style="dim")
        text.append("  ctrl+n adds this as a note to ", style="italic")
        text.append(matches[0].summary, style="italic bold")
        text.append(" instead", style="italic")
        noted, note_tz = (parsed, tz) if note is None else (note[0], note[2])
        if noted.promise_given and noted.promised_by is not None:
            moment = on_clock(noted.promised_by, now, note_tz, tz)
            text.append(f", re-promising it for {moment}", style="italic")
        text.append("\n")
    if whom:
        field("for", whom)
    field("customer", parsed.customer)
    org = parsed.organization + (" (internal)" if parsed.internal and parsed.organization else "")
    field("org", org)
    field("summary", parsed.summary)
    if parsed.promised_by is not None:
        field(
            "promise", when(parsed.promised_by, now, tz), "" if parsed.promise_given else "default"
        )
    else:
        field("promise", "")
    field("kind", parsed.kind, "guessed" if parsed.kind_guessed else "")
    field("channel", parsed.channel, "" if parsed.channel_given else "default")
    field("priority", parsed.priority)
    field("tags", " ".join("#" + t for t in parsed.tags))
    for flag in parsed.notes:  # readings taken and flags: worth a second look, not errors
        text.append("• ", style="bold yellow")
        text.append(flag + "\n", style="italic")
    return text


class QuickAddScreen(Guarded, TypeAhead, ModalScreen[QuickAdd | NoteInstead | None]):
    """Type a follow-up; Enter saves when the preview shows no error, Escape cancels."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding(
            "ctrl+n",
            "note_instead",
            "Note instead",
            tooltip="A repeat caller: add the line as a note to their open follow-up",
            id="quick_add.note_instead",
            priority=True,
        ),
    ]

    def __init__(
        self,
        parse: Parser,
        now: pendulum.DateTime,
        tz: str,
        initial: str = "",
        repeat: RepeatCaller | None = None,
        whom: Whom | None = None,
        note_reading: NoteReading | None = None,
    ) -> None:
        super().__init__()
        self._qa_note_reading = note_reading
        self._qa_whom = whom
        self._qa_parse = parse
        self._qa_now = now
        self._qa_tz = tz
        self._qa_initial = initial
        self._qa_repeat = repeat

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

    def _matches(self, parsed: QuickAdd) -> tuple[FollowUp, ...]:
        if self._qa_repeat is None or not parsed.customer:
            return ()
        return self._qa_repeat(parsed)

    def _update(self, value: str) -> None:
        parsed = self._qa_parse(value)
        who, tz = self._qa_whom(value) if self._qa_whom is not None else ("", self._qa_tz)
        matches = self._matches(parsed)
        self.query_one("#quick-add-preview", Static).update(
            preview(parsed, self._qa_now, tz, matches, whom=who, note=self._note(value, matches))
        )

    def _note(self, value: str, matches: tuple[FollowUp, ...]) -> tuple[QuickAdd, str, str] | None:
        if not matches or self._qa_note_reading is None:
            return None
        return self._qa_note_reading(value, matches[0])

    def action_note_instead(self) -> None:
        value = self.query_one("#quick-add-input", Input).value
        parsed = self._qa_parse(value)
        matches = self._matches(parsed)
        if not matches:
            self.notify("No open follow-up of this customer to add a note to", severity="warning")
            return
        note = self._note(value, matches)
        noted = parsed if note is None else note[0]
        if not noted.ok:
            self._update(value)
            self.app.bell()
            return
        promise = noted.promised_by if noted.promise_given else None
        self.dismiss(NoteInstead(matches[0].id, noted.summary or value.strip(), promise))

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
