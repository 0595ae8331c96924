"""What every command receives: the store, the clock, the output streams, and the executive
`--exec` names."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

import msgspec

from planner.clock import Clock
from planner.storage import Store

if TYPE_CHECKING:
    from planner.domain.document import Document
    from planner.domain.executive import Executive


class Context(msgspec.Struct):
    """A msgspec Struct, not a dataclass: defining one is a fraction of a dataclass's cost,
    and `dataclasses` is then imported by no command that does not need it."""

    store: Store
    clock: Clock
    out: TextIO = msgspec.field(default_factory=lambda: sys.stdout)
    err: TextIO = msgspec.field(default_factory=lambda: sys.stderr)
    executive: str | None = None
    """What `--exec` gave (a short name or a prefix of one); None: the first executive."""

    def chosen(self, document: Document) -> Executive:
        """The executive in view: the one `--exec` names (InputError naming the executives
        when it names none or several), else the first."""
        from planner.domain.executive import find

        if self.executive is None:
            return document.roster[0]
        return find(document.roster, self.executive, what="--exec")

    def view(self, document: Document | None = None) -> Document:
        """The document (loaded when not given) as the executive in view sees it."""
        document = self.store.load() if document is None else document
        return document.view(self.chosen(document).id)
