"""A table that renders only the rows on screen (Textual's Line API).

The panes are refilled on every change and every minute, and the Follow-ups
pane may hold all five years of history while filtering. A DataTable does
Python work for every row it is given and drops its render cache when cleared;
this table keeps plain (key, cells) tuples, skips a refill that changes
nothing, and renders a line only when it scrolls into view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Column = tuple[str, str, int | None, int]
"""(key, label, width, drop order): one column has width None and takes the room that is left;
columns with a drop order above 0 are hidden, 1 first, when that room gets too small."""

Row = tuple[str, tuple[Text, ...]]
"""(key, one Text per column of COLUMNS)."""

CHROME = 4
"""Columns around a pane's cells: its round border (2), scrollbar (1), and a column of slack."""

CELL_GAP = 1
"""The space before each cell: one column between cells (they are padded to their width), so
at 80 columns the room goes to the titles and the matters."""
LINES_CACHED = 160
"""Rendered lines kept per table (a few screens)."""
ROWS_BUILT = 400
"""Rows whose cells a lazily filled table keeps once built."""
EMPTY = Text()


def fit(text: str, width: int) -> str:
    """`text` cut (with an ellipsis) or padded to exactly `width` cells, as
    `Text.truncate(width, overflow="ellipsis", pad=True)` does."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - length)


class RowTable(ScrollView, can_focus=True):
    """Rows of Text cells under a sticky header, a row cursor, vi keys and the mouse."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="pane.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="pane.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="pane.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="pane.page_down"),
        Binding("home", "first", "First", show=False, id="pane.first"),
        Binding("end", "last", "Last", show=False, id="pane.last"),
        Binding("enter", "select", "Open", show=False, id="pane.select"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-table--header",
        "row-table--cursor",
        "row-table--cursor-blurred",
    }
    DEFAULT_CSS = """
    RowTable { overflow-x: hidden; }
    RowTable > .row-table--header { text-style: bold; background: $panel; }
    RowTable > .row-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    RowTable > .row-table--cursor-blurred { background: $block-cursor-blurred-background; }
    """

    COLUMNS: ClassVar[tuple[Column, ...]] = ()
    MIN_FLEXIBLE: ClassVar[int] = 16
    """Narrower than this, the flexible column makes room by hiding droppable columns."""

    cursor_row: reactive[int] = reactive(0, always_update=True)

    class RowSelected(Message):
        """Enter (or a click on the highlighted row) on a row."""

        def __init__(self, table: RowTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> RowTable:
            return self.table

    def __init__(self, *, id: str, title: str) -> None:
        super().__init__(id=id)
        self.border_title = title
        self._row_keys: list[str] = []
        self._row_index: dict[str, int] = {}
        self._row_cells: dict[int, tuple[Text, ...]] = {}
        self._row_build: Callable[[int], tuple[Text, ...]] | None = None
        self._row_signature: object = None
        self.columns: tuple[Column, ...] = self.COLUMNS
        """The columns in force: COLUMNS, or what `set_columns` put instead."""
        self._column_layout: list[tuple[int, int]] = []
        """(column index, width) of each shown column."""
        self._laid_out_width = -1
        # A few screens' worth: every Strip carries caches of its own, and thousands of them
        # make each full garbage collection (and so a frame, now and then) slower.
        self._line_cache: LRUCache[tuple[int, bool, bool], Strip] = LRUCache(LINES_CACHED)
        self._pass: tuple[Style, int] | None = None
        """The widget's style and width while a pass of render_lines is drawing."""

    # -- data --------------------------------------------------------------

    def fill(self, rows: Sequence[Row]) -> None:
        """Show these rows; the cursor stays on the same key when it is still there."""
        rows = list(rows)
        cells = {n: row[1] for n, row in enumerate(rows)}
        self._show([key for key, _ in rows], cells, None, rows)

    def fill_lazily(
        self,
        keys: Callable[[], list[str]],
        build: Callable[[int], tuple[Text, ...]],
        signature: object,
    ) -> None:
        """Show the rows `keys()` names, whose cells `build(index)` makes only when drawn.

        `signature` stands for the rows' content: an equal one means nothing changed, and
        neither `keys` nor `build` is called. Thousands of rows (all history, filtered)
        then cost nothing until they scroll into view.
        """
        if signature is not None and signature == self._row_signature:
            return
        self._show(keys(), {}, build, signature)

    def _show(
        self,
        keys: list[str],
        cells: dict[int, tuple[Text, ...]],
        build: Callable[[int], tuple[Text, ...]] | None,
        signature: object,
    ) -> None:
        if signature == self._row_signature and keys == self._row_keys:
            return
        keep = self.selected_key
        self._row_keys, self._row_cells, self._row_build = keys, cells, build
        self._row_signature = signature
        self._row_index = {key: n for n, key in enumerate(keys)}
        self._line_cache.clear()
        self._resize_virtual()
        if keep is not None and keep in self._row_index:
            self.cursor_row = self._row_index[keep]
        else:
            self.cursor_row = min(self.cursor_row, max(0, len(keys) - 1))
        self.refresh()

    def _cells_at(self, index: int) -> tuple[Text, ...]:
        cells = self._row_cells.get(index)
        if cells is None:
            assert self._row_build is not None
            if len(self._row_cells) >= ROWS_BUILT:
                # Drop the oldest built rows; they are rebuilt if they scroll back in.
                for stale in list(self._row_cells)[: ROWS_BUILT // 2]:
                    del self._row_cells[stale]
            cells = self._row_cells[index] = self._row_build(index)
        return cells

    @property
    def row_count(self) -> int:
        return len(self._row_keys)

    def row_keys(self) -> list[str]:
        return list(self._row_keys)

    def get_row(self, key: str) -> tuple[Text, ...]:
        """Every cell of the row (hidden columns included), in COLUMNS order."""
        return self._cells_at(self._row_index[key])

    def get_row_index(self, key: str) -> int:
        return self._row_index[key]

    @property
    def selected_key(self) -> str | None:
        if not self._row_keys:
            return None
        return self._row_keys[min(self.cursor_row, len(self._row_keys) - 1)]

    def keep_cursor_on(self, key: str | None) -> None:
        if key is not None and key in self._row_index:
            self.move_cursor(row=self._row_index[key])

    def move_cursor(self, *, row: int) -> None:
        self.cursor_row = row

    # -- cursor and scrolling ----------------------------------------------

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self._row_keys) - 1)) if self._row_keys else 0

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._line_cache.discard((old, True, True))
        self._line_cache.discard((old, True, False))
        self._line_cache.discard((new, False, True))
        self._line_cache.discard((new, False, False))
        self._scroll_cursor_into_view()
        self.refresh()

    def _scroll_cursor_into_view(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False)

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_page_up(self) -> None:
        self.cursor_row -= max(1, self.scrollable_content_region.height - 2)

    def action_page_down(self) -> None:
        self.cursor_row += max(1, self.scrollable_content_region.height - 2)

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = len(self._row_keys) - 1

    def action_select(self) -> None:
        key = self.selected_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        row = round(self.scroll_y) + event.y - 1
        if 0 <= row < len(self._row_keys):
            if row == self.cursor_row:
                self.action_select()
            self.cursor_row = row

    def on_focus(self) -> None:
        self._line_cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._line_cache.clear()
        self.refresh()

    # -- layout ------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._make_layout()
        self._resize_virtual()
        self._scroll_cursor_into_view()

    @classmethod
    def width_for(cls, flexible: int) -> int:
        """The pane's outer width that shows every column, the flexible one `flexible` wide
        (border and scrollbar included)."""
        fixed = sum(column[2] or 0 for column in cls.COLUMNS)
        return fixed + flexible + CELL_GAP * len(cls.COLUMNS) + CHROME

    @classmethod
    def narrowest_width(cls) -> int:
        """The pane's outer width once every droppable column has given way and the flexible
        one is MIN_FLEXIBLE wide: narrower, the flexible column is cut."""
        kept = [column for column in cls.COLUMNS if column[3] == 0]
        fixed = sum(column[2] or 0 for column in kept)
        return fixed + cls.MIN_FLEXIBLE + CELL_GAP * len(kept) + CHROME

    def _resize_virtual(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._row_keys) + 1)

    def set_columns(self, columns: tuple[Column, ...]) -> None:
        """Other widths for the same columns (clock times are wider in 12-hour mode)."""
        if columns == self.columns:
            return
        if [c[0] for c in columns] != [c[0] for c in self.columns]:
            raise ValueError("set_columns changes widths, not which columns there are")
        self.columns = columns
        self._laid_out_width = -1
        self._line_cache.clear()
        self.refresh()

    def _make_layout(self) -> None:
        width = self.scrollable_content_region.width
        if width == self._laid_out_width:
            return
        self._laid_out_width = width
        columns = self.columns
        shown = list(range(len(columns)))
        droppable = sorted((n for n in shown if columns[n][3] > 0), key=lambda n: columns[n][3])

        def room() -> int:
            fixed = sum(columns[n][2] or 0 for n in shown)
            return width - fixed - CELL_GAP * len(shown) - CELL_GAP  # a space before the border

        while room() < self.MIN_FLEXIBLE and droppable:
            shown.remove(droppable.pop(0))
        flexible = max(4, room())
        self._column_layout = [(n, columns[n][2] or flexible) for n in shown]
        self._line_cache.clear()

    # -- rendering ---------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's own style and width are the same for every line of one pass, and
        # each costs a walk up the DOM: work them out once per pass, not once per line.
        self._pass = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        self._make_layout()
        base, width = self._pass or (self.rich_style, self.scrollable_content_region.width)
        if y == 0:
            header = self.get_component_rich_style("row-table--header")
            labels = tuple(Text(label) for _, label, _, _ in self.columns)
            return self._render_cells(labels, base + header, width)
        row = round(self.scroll_y) + y - 1
        if row >= len(self._row_keys):
            return Strip.blank(width, base)
        is_cursor = row == self.cursor_row
        key = (row, is_cursor, self.has_focus)
        cached = self._line_cache.get(key)
        if cached is not None and cached.cell_length == width:
            return cached
        overlay: Style | None = None
        style = base
        if is_cursor:
            part = "row-table--cursor" if self.has_focus else "row-table--cursor-blurred"
            overlay = self.get_component_rich_style(part)
            style = base + overlay
        strip = self._render_cells(self._cells_at(row), style, width, overlay)
        self._line_cache[key] = strip
        return strip

    def _render_cells(
        self, cells: tuple[Text, ...], style: Style, width: int, overlay: Style | None = None
    ) -> Strip:
        """One line of cells; `overlay` (the cursor) goes over the cells' own colours."""
        console = self.app.console
        segments: list[Segment] = []
        before = Segment(" " * CELL_GAP, style)
        for n, cell_width in self._column_layout:
            cell = cells[n] if n < len(cells) else EMPTY
            # Text.render leaves out the Text's own base style; apply it here.
            own = cell.style if isinstance(cell.style, Style) else console.get_style(cell.style)
            cell_style = style + own
            segments.append(before)
            if not cell.spans:
                # One style for the whole cell (most cells): no copy, no Text.render.
                text = fit(cell.plain, cell_width)
                segments.append(Segment(text, cell_style + overlay if overlay else cell_style))
            else:
                fitted = cell.copy()
                fitted.truncate(cell_width, overflow="ellipsis", pad=True)
                for text, seg_style, _ in fitted.render(console):
                    final = cell_style + seg_style if seg_style else cell_style
                    segments.append(Segment(text, final + overlay if overlay else final))
        return Strip(segments).adjust_cell_length(width, style)
