"""Briefs: queue one, mark one delivered."""

from __future__ import annotations

from datetime import datetime

import msgspec

from planner.domain import Brief
from planner.domain.document import Document
from planner.domain.lifecycle import change_brief, deliver


def queue_brief(document: Document, brief: Brief) -> tuple[Document, Brief]:
    """The document with `brief` (from `lifecycle.new_brief`) in the queue."""
    return msgspec.structs.replace(document, briefs=(*document.briefs, brief)), brief


def deliver_brief(document: Document, ref: str, now: datetime) -> tuple[Document, Brief]:
    """The brief `ref` (id or unique prefix) told to the executive: it leaves the queue."""
    return change_brief(document, ref, lambda b: deliver(b, now))
