"""A row-cursor table with vi keys and one flexible column; the three panes build on it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

Column = tuple[str, str, int | None, int]
"""(key, label, width, drop order): one column has width None and takes the room that is left;
columns with a drop order above 0 are hidden, 1 first, when that room gets too small."""


class PaneTable(DataTable[object]):
    """A DataTable that moves by row, with `j`/`k` as well as the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="pane.down"),
        Binding("k", "cursor_up", "Up", show=False, id="pane.up"),
    ]
    COLUMNS: ClassVar[tuple[Column, ...]] = ()
    MIN_FLEXIBLE: ClassVar[int] = 16
    """Narrower than this, the flexible column makes room by hiding droppable columns."""

    def __init__(self, *, id: str, title: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.border_title = title
        self._refill: Callable[[], None] | None = None
        self._laid_out_width = 0
        self._shown_columns = [True] * len(self.COLUMNS)

    def on_mount(self) -> None:
        self._make_columns()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_width:
            self._make_columns()
            if self._refill is not None:
                self._refill()

    def _make_columns(self) -> None:
        self._laid_out_width = self.size.width
        shown = list(self.COLUMNS)
        droppable = sorted((c for c in shown if c[3] > 0), key=lambda c: c[3])

        def room() -> int:
            fixed = sum(c[2] or 0 for c in shown)
            padding = 2 * self.cell_padding * len(shown) + 1  # + the scrollbar
            return self.size.width - fixed - padding

        while room() < self.MIN_FLEXIBLE and droppable:
            shown.remove(droppable.pop(0))
        self._shown_columns = [c in shown for c in self.COLUMNS]
        self.clear(columns=True)
        for key, label, width, _ in shown:
            self.add_column(label, key=key, width=width if width is not None else max(8, room()))

    def put_row(self, *cells: object, key: str) -> None:
        """Add a row given every column's cell; cells of hidden columns are left out."""
        self.add_row(
            *(c for c, shown in zip(cells, self._shown_columns, strict=True) if shown), key=key
        )

    def fill(self, rows: Callable[[], None]) -> None:
        """Refill the rows (kept, to redo after a resize), keeping the cursor on its row."""
        self._refill = rows
        keep = self.selected_key
        self.clear()
        rows()
        self.keep_cursor_on(keep)

    @property
    def selected_key(self) -> str | None:
        """The key of the row under the cursor, if any."""
        if self.row_count == 0:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except Exception:
            return None
        return key

    def keep_cursor_on(self, key: str | None) -> None:
        """Put the cursor on the row with `key` when it is there."""
        if key is None:
            return
        with contextlib.suppress(Exception):
            self.move_cursor(row=self.get_row_index(key))
