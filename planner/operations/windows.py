"""Good moments and blocks marked by hand (`g`/`G`, `ea-planner moment add|block|remove`)."""

from __future__ import annotations

from datetime import datetime

import msgspec

from planner.domain import Window
from planner.domain.base import new_id
from planner.domain.document import Document
from planner.domain.lifecycle import find
from planner.domain.window import WindowMark
from planner.errors import InputError
from planner.text import clean_line


def make_window(
    *, start: datetime, end: datetime, mark: WindowMark, note: str = "", executive: str = ""
) -> Window:
    """A good moment (`mark` "window") or a block ("block") of the executive of id
    `executive` ("" = the first), checked: the end after the start."""
    if end.timestamp() <= start.timestamp():
        raise InputError("the end must be after the start")
    return Window(
        id=new_id("w"),
        executive=executive,
        start=start,
        end=end,
        mark=mark,
        note=clean_line(note),
    )


def mark_window(document: Document, window: Window) -> tuple[Document, Window]:
    """The document with `window` (from `make_window`) marked."""
    return msgspec.structs.replace(document, windows=(*document.windows, window)), window


def remove_window(document: Document, ref: str) -> tuple[Document, Window]:
    """The document without the mark `ref` (an id or a unique prefix); the mark removed."""
    window = find(document.windows, ref, "mark")
    kept = tuple(w for w in document.windows if w.id != window.id)
    return msgspec.structs.replace(document, windows=kept), window
