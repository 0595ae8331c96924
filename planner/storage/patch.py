"""What a change did to the document, by record id — and how to take it back.

The dashboard's undo (`u`) records the patch between the document before and
after a change, then applies its inverse to the *latest* document, so that an
undo never throws away what another process wrote in between.
"""

from __future__ import annotations

from typing import Any

import msgspec

from planner.config import Settings
from planner.storage.document import COLLECTIONS, Document


class Patch(msgspec.Struct, frozen=True, gc=False):
    """Per collection: records to put (by id, replacing or adding) and ids to remove."""

    put: dict[str, tuple[Any, ...]]
    remove: dict[str, frozenset[str]]
    settings: Settings | None = None

    @property
    def empty(self) -> bool:
        return (
            not any(self.put.values()) and not any(self.remove.values()) and self.settings is None
        )


def undo_patch(before: Document, after: Document) -> Patch:
    """The patch that turns `after` back into `before` (for the records the change touched)."""
    put: dict[str, tuple[Any, ...]] = {}
    remove: dict[str, frozenset[str]] = {}
    for name in COLLECTIONS:
        old = {r.id: r for r in getattr(before, name)}
        new = {r.id: r for r in getattr(after, name)}
        put[name] = tuple(r for rid, r in old.items() if new.get(rid) != r)
        remove[name] = frozenset(rid for rid in new if rid not in old)
    settings = before.settings if before.settings != after.settings else None
    return Patch(put=put, remove=remove, settings=settings)


def apply_patch(document: Document, patch: Patch) -> Document:
    """`document` with the patch's records put back and its added records removed."""
    changes: dict[str, Any] = {}
    for name in COLLECTIONS:
        put = {r.id: r for r in patch.put.get(name, ())}
        gone = patch.remove.get(name, frozenset())
        if not put and not gone:
            continue
        records = []
        for record in getattr(document, name):
            if record.id in gone:
                continue
            records.append(put.pop(record.id, record))
        records.extend(put.values())
        changes[name] = tuple(records)
    if patch.settings is not None:
        changes["settings"] = patch.settings
    return msgspec.structs.replace(document, **changes) if changes else document
