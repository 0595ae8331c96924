"""One way to change: every change the EA makes to the document, as a pure function.

Each operation takes the document and returns the new document with what it did (the
record it added or changed, a report): the shape `Store.transact` takes on the command
line and `PlannerApp.apply` takes in the dashboard (through the session, undoable).
Records are built first by the module's constructors (`make_event`, `make_window`, ...),
which check every field and give the id: applied twice (in memory, then under the
store's lock to the freshest file), an operation makes the same change both times.

No Textual, no storage: the front ends ask and tell; the operations change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from planner.domain.document import Document

T = TypeVar("T")

Change = Callable[[Document], tuple[Document, T]]
"""An operation with its arguments bound: the document in, the new one and a result out."""

__all__ = ["Change"]
