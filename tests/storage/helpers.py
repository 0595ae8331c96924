"""Small builders for storage tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import msgspec

from planner.domain import FollowUp
from planner.domain.document import Document

PARIS_WINTER = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=PARIS_WINTER)


def followup(id: str, **changes: object) -> FollowUp:
    fields: dict[str, object] = {
        "id": id,
        "customer": "Maria Ortiz",
        "summary": "invoice charged twice",
        "promised_by": NOW + timedelta(hours=5),
        "created": NOW,
        "updated": NOW,
    }
    fields.update(changes)
    return FollowUp(**fields)  # type: ignore[arg-type]


def add_followup(record: FollowUp):  # type: ignore[no-untyped-def]
    def change(document: Document) -> Document:
        return msgspec.structs.replace(document, followups=(*document.followups, record))

    return change
