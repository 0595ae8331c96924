"""What every command receives: the store, the clock, the output streams, and the executive
`--exec` names."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from planner.clock import Clock
from planner.storage import Store

if TYPE_CHECKING:
    from planner.domain.document import Document
    from planner.domain.executive import Executive


@dataclass
class Context:
    store: Store
    clock: Clock
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
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
