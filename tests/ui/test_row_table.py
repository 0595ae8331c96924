"""The panes' table fits each cell to its column exactly as Rich would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from planner.ui.widgets.row_table import fit

CELL_TEXT = st.text(alphabet=st.sampled_from([*"abc XYZ-·—é", "界", "😀", "ｱ"]), max_size=30)


@given(text=CELL_TEXT, width=st.integers(min_value=1, max_value=40))
def test_fit_cuts_and_pads_like_rich_truncate(text: str, width: int) -> None:
    expected = Text(text)
    expected.truncate(width, overflow="ellipsis", pad=True)
    assert fit(text, width) == expected.plain
    assert cell_len(fit(text, width)) == width


def test_fit_marks_a_cut_with_an_ellipsis() -> None:
    assert fit("Paul Girard (Acme)", 8) == "Paul Gi…"
    assert fit("Ann", 6) == "Ann   "
