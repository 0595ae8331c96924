"""Help (`?`): every key binding of every screen, grouped, generated from the binding tables.

Never a hand-kept list: the rows come from `planner.ui.bindings.named_actions`,
with the keys in force (a keymap in preferences.toml shows here too) and each
binding's id, which is what a keymap names.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from planner.ui.bindings import NamedAction
from planner.ui.guard import Guarded

NAME_MIN = 18
"""Narrower than this, an action's name would wrap into strips: the help shows one column."""

CHROME = 10
"""Columns the dialog takes around its text: border (2), padding (4), scrollbar (2), and the
column's own right padding (2)."""


def column_widths(actions: list[NamedAction]) -> tuple[int, int]:
    """The widths of the key and id columns: each as wide as its widest entry, so a key such
    as "esc / q / ?" and an id are always shown whole."""
    keys = max((cell_len(a.keys) for a in actions), default=1)
    ids = max((cell_len(a.id) for a in actions), default=1)
    return keys, ids


def columns_that_fit(actions: list[NamedAction], width: int) -> int:
    """Two columns of groups when each leaves an action's name NAME_MIN cells, else one."""
    keys, ids = column_widths(actions)
    per_column = keys + 1 + NAME_MIN + 1 + ids + 2
    return 2 if width - CHROME + 2 >= 2 * per_column else 1


def help_text(actions: list[NamedAction], widths: tuple[int, int] | None = None) -> Group:
    """The grouped list: a heading per group, then a table of key, action and binding id.
    Plain Text and rich tables only: nothing here is read as markup."""
    parts: list[RenderableType] = []
    key_width, id_width = widths or column_widths(actions)
    group = None
    table: Table | None = None
    for action in actions:
        if action.group != group:
            group = action.group
            if parts:
                parts.append(Text(""))
            parts.append(Text(group, style="bold underline"))
            table = Table.grid(padding=(0, 1), expand=True)
            table.add_column(width=key_width, no_wrap=True, style="bold")
            table.add_column(ratio=1, overflow="fold")
            # The id is what a keymap names: shown whole, the action's name gives way.
            table.add_column(width=id_width, no_wrap=True, style="dim italic")
            parts.append(table)
        assert table is not None
        table.add_row(Text(action.keys), Text(action.name), Text(action.id))
    return Group(*parts)


def split_groups(actions: list[NamedAction]) -> tuple[list[NamedAction], list[NamedAction]]:
    """Two columns of whole groups, about the same number of lines each."""
    groups: list[list[NamedAction]] = []
    for action in actions:
        if groups and groups[-1][0].group == action.group:
            groups[-1].append(action)
        else:
            groups.append([action])
    total = sum(len(g) + 2 for g in groups)
    left: list[NamedAction] = []
    lines = 0
    for index, group in enumerate(groups):
        if lines and lines + (len(group) + 2) / 2 > total / 2:
            rest = [a for g in groups[index:] for a in g]
            return left, rest
        left.extend(group)
        lines += len(group) + 2
    return left, []


def quick_add_examples() -> Group:
    """The quick-add examples (`a`), each with what it shows: plain Text, no markup."""
    from planner.quickadd.examples import EXAMPLES

    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(ratio=3, overflow="fold", style="bold")
    table.add_column(ratio=2, overflow="fold", style="dim")
    for line, shows in EXAMPLES:
        table.add_row(Text(line), Text(shows))
    return Group(
        Text(""), Text("Quick-add (a), as you would type it", style="bold underline"), table
    )


class HelpScreen(Guarded, ModalScreen[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = ["dialog.tcss", "help.tcss"]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", id="dialog.close"),
    ]

    def __init__(self, actions: list[NamedAction]) -> None:
        super().__init__()
        self._help_actions = actions

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="help"):
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(
                Text(
                    "Every key, by group. Change a key in preferences.toml under [keymap] "
                    'with the id on the right, e.g. "followup.resolve" = "r". '
                    "Quick-add examples are at the end.",
                ),
                classes="dialog-context",
            )
            # Both halves are laid out with the same widths, so their columns line up; at a
            # width where two columns would squeeze the names, the halves stack (on_resize).
            widths = column_widths(self._help_actions)
            left, right = split_groups(self._help_actions)
            with Horizontal(id="help-columns"):
                yield Static(help_text(left, widths), classes="help-column")
                yield Static(help_text(right, widths), classes="help-column")
            yield Static(quick_add_examples(), classes="help-examples")
            yield Static(Text("Escape closes", style="dim"), classes="dialog-help")

    def on_mount(self) -> None:
        self._fit(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        one = columns_that_fit(self._help_actions, width) == 1
        self.query_one("#help-columns").set_class(one, "-one-column")
