"""Small builders for storage tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import msgspec

from planner.domain import FollowUp
from planner.domain.document import Document

PARIS_WINTER = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=PARIS_WINTER)


def followup(id: str, **changes: object) -> FollowUp:
    record = FollowUp(
        id=id,
        customer="Maria Ortiz",
        summary="invoice charged twice",
        promised_by=NOW + timedelta(hours=5),
        created=NOW,
        updated=NOW,
    )
    return msgspec.structs.replace(record, **changes)


def add_followup(record: FollowUp) -> Callable[[Document], Document]:
    def change(document: Document) -> Document:
        return msgspec.structs.replace(document, followups=(*document.followups, record))

    return change
