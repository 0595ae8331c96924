"""Briefs: queue one, mark one delivered."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from planner.domain import Brief, lifecycle
from planner.domain.document import Document
from planner.domain.lifecycle import change_brief, deliver


def queue_brief(document: Document, brief: Brief) -> tuple[Document, Brief]:
    """The document with `brief` (from `lifecycle.new_brief`) in the queue."""
    return msgspec.structs.replace(document, briefs=(*document.briefs, brief)), brief


def deliver_brief(document: Document, ref: str, now: datetime) -> tuple[Document, Brief]:
    """The brief `ref` (id or unique prefix) told to the executive: it leaves the queue."""
    return change_brief(document, ref, lambda b: deliver(b, now))


def edit_brief(
    document: Document, ref: str, now: datetime, **changes: Any
) -> tuple[Document, Brief]:
    """The queued brief `ref` with its title, minutes, priority, deliver-by or solution
    changed (see `lifecycle.edit_brief` for each check)."""
    return change_brief(document, ref, lambda b: lifecycle.edit_brief(b, now, **changes))


def drop_brief(document: Document, ref: str, reason: str, now: datetime) -> tuple[Document, Brief]:
    """The brief `ref` taken off the queue untold, with the reason."""
    return change_brief(document, ref, lambda b: lifecycle.drop_brief(b, reason, now))


def propose_solution(document: Document, ref: str, solution: str) -> tuple[Document, Brief]:
    """The brief `ref` with a proposed solution (a held bad-news brief joins the queue)."""
    return change_brief(document, ref, lambda b: lifecycle.propose_solution(b, solution))
