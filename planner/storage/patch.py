"""What a change did to the document, field by field — and how to take it back.

The dashboard's undo (`u`) records the patch between the document before and
after a change, then applies its inverse to the *latest* document on disk. Only
what the change itself did is reverted: the fields it changed go back to their
old values, the log entries it appended are taken out, a record it added is
removed and one it removed comes back. Whatever another process wrote in
between stays. When another process changed one of those same fields since (or
a record this change added), the undo raises `UndoConflict` naming them; with
`force=True` it reverts them anyway.
"""

from __future__ import annotations

from typing import Any

import msgspec

from planner.config import Settings
from planner.domain.document import COLLECTIONS, Document
from planner.errors import InputError

LOG_FIELDS = frozenset({"log"})
"""Append-only tuples: undo removes the entries the change appended, never the others."""

BOOKKEEPING = frozenset({"updated"})
"""Fields every change touches: reverted when no one changed them since, never a conflict."""


class UndoConflict(InputError):
    """Another process changed what the undo would revert; `what` names each field."""

    def __init__(self, what: list[str]) -> None:
        shown = ", ".join(what[:4]) + (f" and {len(what) - 4} more" if len(what) > 4 else "")
        super().__init__(f"changed elsewhere since: {shown}")
        self.what = what


class FieldChange(msgspec.Struct, frozen=True, gc=False):
    """One field as the change left it (`new`) and as it was before (`old`); for log
    fields, `new` holds only the entries the change appended."""

    old: Any
    new: Any


class RecordPatch(msgspec.Struct, frozen=True, gc=False):
    fields: dict[str, FieldChange]


class Patch(msgspec.Struct, frozen=True, gc=False):
    """Per collection: records changed (by id, field by field), added and removed."""

    changed: dict[str, dict[str, RecordPatch]]
    added: dict[str, dict[str, Any]]
    """The records as the change added them, by id."""
    removed: dict[str, tuple[Any, ...]]
    settings: RecordPatch | None = None

    @property
    def empty(self) -> bool:
        return (
            not any(self.changed.values())
            and not any(self.added.values())
            and not any(self.removed.values())
            and self.settings is None
        )


def _diff(before: Any, after: Any) -> RecordPatch | None:
    fields: dict[str, FieldChange] = {}
    for name in before.__struct_fields__:
        old, new = getattr(before, name), getattr(after, name)
        if old == new:
            continue
        if name in LOG_FIELDS and tuple(new[: len(old)]) == tuple(old):
            fields[name] = FieldChange(old=(), new=tuple(new[len(old) :]))
        else:
            fields[name] = FieldChange(old=old, new=new)
    return RecordPatch(fields) if fields else None


def undo_patch(before: Document, after: Document) -> Patch:
    """The patch that takes back what turned `before` into `after`."""
    changed: dict[str, dict[str, RecordPatch]] = {}
    added: dict[str, dict[str, Any]] = {}
    removed: dict[str, tuple[Any, ...]] = {}
    for name in (*COLLECTIONS, "executives"):
        old = {r.id: r for r in getattr(before, name)}
        new = {r.id: r for r in getattr(after, name)}
        changed[name] = {}
        for rid, record in new.items():
            previous = old.get(rid)
            if previous is None:
                continue
            if previous is not record:
                diff = _diff(previous, record)
                if diff is not None:
                    changed[name][rid] = diff
        added[name] = {rid: r for rid, r in new.items() if rid not in old}
        removed[name] = tuple(r for rid, r in old.items() if rid not in new)
    settings = _diff(before.settings, after.settings) if before.settings != after.settings else None
    return Patch(changed=changed, added=added, removed=removed, settings=settings)


def _revert(record: Any, patch: RecordPatch, where: str, force: bool, conflicts: list[str]) -> Any:
    changes: dict[str, Any] = {}
    for name, change in patch.fields.items():
        current = getattr(record, name)
        if name in LOG_FIELDS and change.old == ():
            mine = list(change.new)
            kept = []
            for entry in current:
                if entry in mine:
                    mine.remove(entry)
                else:
                    kept.append(entry)
            changes[name] = tuple(kept)
        elif current == change.new or force:
            changes[name] = change.old
        elif name not in BOOKKEEPING:
            conflicts.append(f"{where} {name}")
    return msgspec.structs.replace(record, **changes) if changes else record


def apply_patch(document: Document, patch: Patch, *, force: bool = False) -> Document:
    """`document` with the patch's change taken back; UndoConflict (nothing changed) when
    another process changed the same fields since, unless `force`."""
    conflicts: list[str] = []
    changes: dict[str, Any] = {}
    for name in (*COLLECTIONS, "executives"):
        changed = patch.changed.get(name, {})
        added = patch.added.get(name, {})
        back = {r.id: r for r in patch.removed.get(name, ())}
        if not changed and not added and not back:
            continue
        records = []
        for record in getattr(document, name):
            if record.id in added:
                if record != added[record.id] and not force:
                    conflicts.append(f"{record.id} (added, then changed)")
                    records.append(record)
                continue
            back.pop(record.id, None)  # already there again: keep the one on disk
            diff = changed.get(record.id)
            records.append(
                record if diff is None else _revert(record, diff, record.id, force, conflicts)
            )
        records.extend(back.values())
        changes[name] = tuple(records)
    if patch.settings is not None:
        settings: Settings = _revert(
            document.settings, patch.settings, "settings", force, conflicts
        )
        changes["settings"] = settings
    if conflicts:
        raise UndoConflict(conflicts)
    return msgspec.structs.replace(document, **changes) if changes else document
