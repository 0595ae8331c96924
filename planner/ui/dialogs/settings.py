"""Settings (`S`): every setting, documented, in two parts.

The executive's facts and day rules shape the data, so they are planner.json's
`settings` (planner.config.Settings); the EA's own preferences (theme, alerts,
bell, clock, keymap) are preferences.toml (planner.preferences.Preferences). Each
field shows the docstring written beside it in those modules, so the screen and
the code never tell two stories. Nothing is saved until the whole form checks.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType
from typing import Any, ClassVar

import msgspec
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, Switch

from planner import config, preferences
from planner.config import Settings
from planner.humanize import locale_hour_cycle
from planner.preferences import CLOCK_STYLES, Preferences
from planner.ui.dialogs.typeahead import TypeAhead
from planner.ui.guard import Guarded
from planner.ui.widgets.footer import KeyFooter
from planner.ui.widgets.palette import show
from planner.ui.widgets.zones import ZoneSuggester, zone_hint

MANAGED_ELSEWHERE = frozenset({"calendars"})
"""Settings this form leaves alone: calendar subscriptions are `ea-planner calendar add|remove`."""

WEEKDAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}


def field_docs(module: ModuleType, class_name: str) -> dict[str, str]:
    """The docstring under each field of a class, read from its module's source."""
    tree = ast.parse(inspect.getsource(module))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            docs: dict[str, str] = {}
            body = node.body
            for here, after in itertools.pairwise(body):
                if (
                    isinstance(here, ast.AnnAssign)
                    and isinstance(here.target, ast.Name)
                    and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)
                ):
                    docs[here.target.id] = inspect.cleandoc(after.value.value)
            return docs
    return {}


def as_text(value: object) -> str:
    """A setting's value as the EA types it: lists comma-separated, None empty."""
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value)


def settings_from_texts(texts: dict[str, str], current: Settings) -> Settings:
    """Typed settings from the form's texts; raises ValueError with "field: problem"."""
    raw: dict[str, Any] = {}
    for name in current.__struct_fields__:
        if name in MANAGED_ELSEWHERE:
            raw[name] = msgspec.to_builtins(getattr(current, name))
            continue
        text = texts.get(name, as_text(getattr(current, name))).strip()
        default = getattr(Settings(), name)
        if isinstance(default, tuple):
            items = [item for item in re.split(r"[,\s]+", text) if item]
            if name == "workdays":
                items = [str(WEEKDAYS.get(item.casefold()[:3], item)) for item in items]
            raw[name] = items
        elif default is None:  # timezone, date_order: empty means unset
            raw[name] = text or None
        else:
            raw[name] = text
    try:
        return msgspec.convert(raw, Settings, strict=False)
    except msgspec.ValidationError as exc:
        raise ValueError(_describe(exc)) from None


def _describe(exc: msgspec.ValidationError) -> str:
    message = str(exc)
    match = re.search(r" - at `\$\.(\w+)(\[\d+\])?`$", message)
    if match:
        field = match.group(1)
        message = message[: match.start()]
        message = message.replace("`int`", "a whole number").replace("`str`", "text")
        return f"{field}: {message[0].lower()}{message[1:]}"
    return message


def keymap_from_text(text: str, known: Iterable[str]) -> dict[str, str]:
    """`followup.resolve = r; day.next = n` → a keymap; raises ValueError naming a bad entry."""
    keymap: dict[str, str] = {}
    ids = set(known)
    for entry in (e.strip() for e in text.split(";")):
        if not entry:
            continue
        binding_id, sep, key = (part.strip() for part in entry.partition("="))
        if not sep or not binding_id or not key:
            raise ValueError(f"keymap: write {entry!r} as id = key (e.g. followup.resolve = r)")
        if binding_id not in ids:
            raise ValueError(
                f"keymap: {binding_id!r} is not a binding id (the help screen lists them)"
            )
        keymap[binding_id] = key
    return keymap


def keymap_text(keymap: dict[str, str]) -> str:
    return "; ".join(f"{k} = {v}" for k, v in sorted(keymap.items()))


@dataclass(frozen=True)
class SettingsResult:
    settings: Settings
    preferences: Preferences


EXECUTIVE_HEADING = "The executive — planner.json (these shape promises and good moments)"


class SettingsScreen(Guarded, TypeAhead, ModalScreen[SettingsResult | None]):
    """Every setting with its explanation; ctrl+s checks and saves, Escape leaves unchanged.

    Modal, although it fills the screen: the dashboard's keys (q, a, …) must not act
    behind an open form. Keys typed while it opens wait for its first field (TypeAhead),
    and no field selects its text on focus: a key typed ahead (a second `S` pressed on a
    busy machine) never replaces a value, it lands at its end, in sight.
    """

    CSS_PATH: ClassVar[list[str | PurePath]] = ["dialog.tcss", "settings.tcss"]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("ctrl+s", "save", "Save", id="dialog.save"),
    ]

    def __init__(
        self,
        settings: Settings,
        prefs: Preferences,
        *,
        themes: list[str],
        binding_ids: list[str],
        check: Callable[[Settings], str | None],
        preferences_note: str = "",
        heading: str = EXECUTIVE_HEADING,
        shared: frozenset[str] = frozenset(),
    ) -> None:
        """`heading` says whose settings the first part holds; `shared` names the fields
        that are the desk's, the same for every executive (on a desk of several)."""
        super().__init__()
        self._heading = heading
        self._shared = shared
        self._settings = settings
        self._prefs = prefs
        self._themes = themes
        self._binding_ids = binding_ids
        self._check = check
        self._preferences_note = preferences_note

    def compose(self) -> ComposeResult:
        setting_docs = field_docs(config, "Settings")
        pref_docs = field_docs(preferences, "Preferences")
        defaults = Settings()
        with VerticalScroll(id="settings"):
            yield Static(
                Text.assemble(
                    ("Settings", "bold"),
                    ("   ctrl+s saves · Escape leaves everything as it was", "dim"),
                ),
                classes="settings-title",
            )
            yield Static(id="settings-error", classes="-empty")
            yield Static(Text(self._heading, style="bold"), classes="settings-section")
            for name in self._settings.__struct_fields__:
                if name in MANAGED_ELSEWHERE:
                    continue
                field = Input(
                    value=as_text(getattr(self._settings, name)),
                    placeholder=as_text(getattr(defaults, name))
                    or ("(the EA's local zone)" if name == "timezone" else "(not set)"),
                    suggester=ZoneSuggester() if name == "timezone" else None,
                    compact=True,
                    select_on_focus=False,
                    id=f"setting-{name}",
                )
                hint = (
                    Static(id="settings-zone-hint", classes="-empty")
                    if name == "timezone"
                    else None
                )
                doc = setting_docs.get(name, "")
                if name in self._shared:
                    doc = f"The desk's, the same for every executive. {doc}"
                yield self._row(name, doc, field, hint)
            yield Static(
                Text("You — preferences.toml (your own choices)", style="bold"),
                classes="settings-section",
            )
            if self._preferences_note:
                yield Static(Text(self._preferences_note), classes="settings-warning")
            themes = list(dict.fromkeys([*self._themes, self._prefs.theme]))
            yield self._row(
                "theme",
                pref_docs.get("theme", ""),
                Select(
                    [(t, t) for t in themes],
                    value=self._prefs.theme,
                    allow_blank=False,
                    compact=True,
                    id="pref-theme",
                ),
            )
            for name in ("alerts", "bell"):
                yield self._row(
                    name,
                    pref_docs.get(name, ""),
                    Switch(value=getattr(self._prefs, name), id=f"pref-{name}"),
                )
            cycle = "12-hour" if locale_hour_cycle(os.environ) == 12 else "24-hour"
            yield self._row(
                "clock",
                pref_docs.get("clock", ""),
                Select(
                    [
                        (f"auto (your locale's: {cycle})", "auto"),
                        ("12-hour (3:00 PM)", "12h"),
                        ("24-hour (15:00)", "24h"),
                    ],
                    value=self._prefs.clock,
                    allow_blank=False,
                    compact=True,
                    id="pref-clock",
                ),
            )
            yield self._row(
                "keymap",
                pref_docs.get("keymap", "") + " Separate entries with ;.",
                Input(
                    value=keymap_text(self._prefs.keymap),
                    placeholder="followup.resolve = r; day.next = n",
                    compact=True,
                    select_on_focus=False,
                    id="pref-keymap",
                ),
            )
        yield KeyFooter()

    @staticmethod
    def _row(name: str, doc: str, field: Widget, hint: Widget | None = None) -> Horizontal:
        """One setting: its name on the left; the field, any hint and the explanation beside."""
        column = Vertical(
            field,
            *([hint] if hint is not None else []),
            Static(Text(doc), classes="settings-doc"),
            classes="settings-field",
        )
        return Horizontal(
            Label(Text(name, style="bold"), classes="settings-label"),
            column,
            classes="settings-row",
        )

    def on_mount(self) -> None:
        self.query_one("#setting-executive_name", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "setting-timezone":
            show(self.query_one("#settings-zone-hint", Static), zone_hint(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def result(self) -> SettingsResult:
        """The form as typed settings and preferences; ValueError says what is wrong."""
        texts = {
            name: self.query_one(f"#setting-{name}", Input).value
            for name in self._settings.__struct_fields__
            if name not in MANAGED_ELSEWHERE
        }
        settings = settings_from_texts(texts, self._settings)
        if settings.timezone and zone_hint(settings.timezone):
            raise ValueError(f"timezone: {zone_hint(settings.timezone)}")
        problem = self._check(settings)
        if problem:
            raise ValueError(problem)
        chosen = self.query_one("#pref-clock", Select).value
        clock = next((style for style in CLOCK_STYLES if style == chosen), None)
        if clock is None:
            raise ValueError(f"clock: choose one of {', '.join(CLOCK_STYLES)}")
        prefs = Preferences(
            theme=str(self.query_one("#pref-theme", Select).value),
            alerts=self.query_one("#pref-alerts", Switch).value,
            bell=self.query_one("#pref-bell", Switch).value,
            clock=clock,
            keymap=keymap_from_text(self.query_one("#pref-keymap", Input).value, self._binding_ids),
        )
        return SettingsResult(settings=settings, preferences=prefs)

    def action_save(self) -> None:
        try:
            result = self.result()
        except ValueError as exc:
            show(self.query_one("#settings-error", Static), f"✗ {exc}")
            self.app.notify(str(exc), title="Settings not saved", severity="error", markup=False)
            field = str(exc).split(":", 1)[0]
            wrong = self.query(f"#setting-{field}") if field.isidentifier() else None
            if wrong:
                wrong.first().focus()
            else:
                self.query_one("#settings", VerticalScroll).scroll_home(animate=False)
            self.app.bell()
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
