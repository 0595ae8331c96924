"""The panes' table: a RowTable (renders only visible rows) filled row by row.

Each pane describes its rows with `put_row` inside `fill_from`; the table compares
the result with what it shows and repaints nothing when nothing changed, which
is most ticks of the clock and most saves.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from planner.ui.widgets.row_table import Column, Row, RowTable

__all__ = ["Column", "PaneTable", "marked"]


def marked(marker: str, text: str, style: str) -> Text:
    """A title cell: `text` after the `marker` (in bold) that says whose the row is on a
    desk shown "all"; just `text` when there is no marker."""
    if not marker:
        return Text(text, style=style)
    cell = Text(marker + " ", style=style)
    cell.stylize("bold", 0, len(marker))
    cell.append(text, style=style)
    return cell


class PaneTable(RowTable):
    """A pane of the dashboard: a titled RowTable whose rows a `show` method describes."""

    def __init__(self, *, id: str, title: str) -> None:
        super().__init__(id=id, title=title)
        self._collected: list[Row] = []

    def fill_from(self, rows: Callable[[], None]) -> None:
        """Run `rows` (which calls `put_row` for each row) and show the result (`fill`, the
        RowTable's own, takes the rows made)."""
        self._collected = []
        rows()
        super().fill(self._collected)

    def put_row(self, *cells: Text, key: str) -> None:
        """One row: a Text per column of COLUMNS (hidden columns included)."""
        self._collected.append((key, cells))
