"""The close-out's widgets: a step that scrolls, and the promise table of step 2.

Both leave ←/→, `n`/`b` and the answer keys to the close-out screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey


class StepScroll(VerticalScroll, inherit_bindings=False):
    """A scrolling step that leaves ←/→ to the review (they move between steps)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]


FOLLOWUP_MIN = 28
"""The follow-up column's least width before the answer column gives way."""

ANSWER_MIN = 16
"""The answer column's least width ("needs an answer", "re-promised 17:05")."""


class PromiseTable(DataTable[Text], inherit_bindings=False):
    """The promises of step 2, one row each, moved through with ↑/↓ or `k`/`j` (as in every
    pane): ←/→ and `n`/`b` stay the review's keys. The follow-up column takes the width the
    others leave."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_top", "Top", show=False),
        Binding("end", "scroll_bottom", "Bottom", show=False),
        Binding("enter", "select_cursor", "Details", show=False),
    ]
    COLUMNS: ClassVar[tuple[tuple[str, str, int | None], ...]] = (
        ("state", "", 6),
        ("promise", "Promised", 16),
        ("followup", "Follow-up", None),
        ("answer", "Answer", 34),
    )

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._rows: list[tuple[str, tuple[Text, ...]]] = []
        self._laid_out_width = -1

    @property
    def selected_key(self) -> str | None:
        if not self._rows or self.cursor_row < 0 or self.cursor_row >= len(self._rows):
            return None
        return self._rows[self.cursor_row][0]

    def show(self, rows: Sequence[tuple[str, tuple[Text, ...]]], select: str | None) -> None:
        """Replace the rows, putting the cursor on `select` (else on the same row as before)."""
        select = select or self.selected_key
        self._rows = list(rows)
        self._fill(select)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_width:
            self._fill(self.selected_key)

    def _widths(self) -> list[int]:
        """Each column as wide as its widest cell (the answer at most its COLUMNS width), the
        follow-up the rest; where that leaves the follow-up under FOLLOWUP_MIN (80 columns),
        the answer gives way first, down to ANSWER_MIN."""
        padding = 2 * self.cell_padding * len(self.COLUMNS) + 1  # + the scrollbar
        widths: list[int] = []
        for index, (_, label, width) in enumerate(self.COLUMNS):
            widest = max((cells[index].cell_len for _, cells in self._rows), default=0)
            widths.append(max(len(label), min(widest, width or 0)))
        flexible = next(n for n, column in enumerate(self.COLUMNS) if column[2] is None)
        widths[flexible] = 0
        answer = len(self.COLUMNS) - 1
        room = self.size.width - padding - sum(widths)
        if room < FOLLOWUP_MIN:
            widths[answer] = max(ANSWER_MIN, widths[answer] - (FOLLOWUP_MIN - room))
            room = self.size.width - padding - sum(widths)
        widths[flexible] = max(10, room)
        return widths

    def _fill(self, select: str | None) -> None:
        widths = self._widths()
        current = [c.width for c in self.columns.values()]
        if current != widths:
            self._laid_out_width = self.size.width
            self.clear(columns=True)
            for (key, label, _), width in zip(self.COLUMNS, widths, strict=True):
                self.add_column(label, key=key, width=width)
        else:
            self.clear()
        widths = [self.columns[ColumnKey(key)].width for key, _, _ in self.COLUMNS]
        for key, cells in self._rows:
            fitted = (_fit(cell, width) for cell, width in zip(cells, widths, strict=True))
            self.add_row(*fitted, key=key)
        keys = [key for key, _ in self._rows]
        if select in keys:
            self.move_cursor(row=keys.index(select), animate=False)


def _fit(cell: Text, width: int) -> Text:
    """The cell cut to one line of `width` cells, with an ellipsis when it is longer."""
    if cell.cell_len <= width:
        return cell
    fitted = cell.copy()
    fitted.truncate(width, overflow="ellipsis")
    return fitted


__all__ = ["PromiseTable", "StepScroll"]
