"""Follow-ups: add one, note on a repeat caller's open matter, and move one along its
lifecycle (note, re-promise, start, wait, resume, escalate, resolve, drop), retiring the
briefs still queued about it when it closes if asked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import msgspec

from planner.domain import Brief, FollowUp, lifecycle
from planner.domain.document import Document
from planner.domain.lifecycle import Outcome

Step = Literal["note", "repromise", "start", "wait", "resume", "escalate", "resolve", "drop"]
"""One move of a follow-up's lifecycle."""

STEPS: tuple[Step, ...] = (
    "note",
    "repromise",
    "start",
    "wait",
    "resume",
    "escalate",
    "resolve",
    "drop",
)

CLOSING: frozenset[Step] = frozenset({"resolve", "drop"})
"""The steps that close a follow-up: its queued briefs may be retired with them."""


@dataclass(frozen=True)
class Move:
    """A step with what it needs: `text` (the note, resolution, reason or what is awaited),
    `promise` for a re-promise, `on` ("customer" or "colleague") for a wait."""

    step: Step
    text: str = ""
    promise: datetime | None = None
    on: str = ""
    retire: bool | Sequence[str] = False
    """On closing: True retires every brief still queued about it, a list of ids those."""


@dataclass(frozen=True)
class Moved:
    """What a move did: the follow-up before and after, the brief it queued, and the briefs
    still queued about it once it closed (retired, when the move asked for it)."""

    before: FollowUp
    outcome: Outcome
    about: tuple[Brief, ...] = ()
    retired: bool = False


def add_followup(document: Document, followup: FollowUp) -> tuple[Document, FollowUp]:
    """The document with `followup` (e.g. from `quickadd.followup_from_quickadd`) added."""
    return msgspec.structs.replace(document, followups=(*document.followups, followup)), followup


def note_on(
    document: Document, ref: str, text: str, now: datetime, promise: datetime | None = None
) -> tuple[Document, FollowUp]:
    """A repeat caller's line as a note on their open follow-up `ref`; the line's own promise
    (`promise`) re-promises the open matter."""

    def noted(f: FollowUp) -> Outcome:
        changed = lifecycle.note(f, text, now)
        if promise is not None:
            changed = lifecycle.repromise(changed, promise, now)
        return Outcome(changed)

    changed, outcome = lifecycle.change_followup(document, ref, noted)
    return changed, outcome.followup


def _outcome(followup: FollowUp, move: Move, now: datetime, tz: str) -> Outcome:
    match move.step:
        case "note":
            return Outcome(lifecycle.note(followup, move.text, now))
        case "repromise":
            if move.promise is None:
                raise ValueError("a re-promise needs the new promise")
            return Outcome(lifecycle.repromise(followup, move.promise, now, move.text))
        case "start":
            return Outcome(lifecycle.start(followup, now, move.text))
        case "wait":
            return Outcome(lifecycle.wait(followup, move.on, now, move.text))
        case "resume":
            return Outcome(lifecycle.resume(followup, now, move.text))
        case "escalate":
            return Outcome(*lifecycle.escalate(followup, now, move.text, tz=tz))
        case "resolve":
            return Outcome(*lifecycle.resolve(followup, move.text, now, tz=tz))
        case "drop":
            return Outcome(lifecycle.drop(followup, move.text, now))


def move_followup(
    document: Document, ref: str, move: Move, *, now: datetime, tz: str
) -> tuple[Document, Moved]:
    """The document with the follow-up `ref` (id or unique prefix) moved one step."""
    before = lifecycle.find(document.followups, ref, "follow-up")
    document, outcome = lifecycle.change_followup(
        document, before.id, lambda f: _outcome(f, move, now, tz)
    )
    if move.step not in CLOSING:
        return document, Moved(before, outcome)
    besides = outcome.brief.id if outcome.brief is not None else None
    about = lifecycle.queued_briefs_about(document, before.id, besides=besides)
    wanted = (
        [b.id for b in about]
        if move.retire is True
        else [b.id for b in about if b.id in move.retire]
        if move.retire
        else []
    )
    if not wanted:
        return document, Moved(before, outcome, about)
    reason = f"follow-up {'resolved' if move.step == 'resolve' else 'dropped'}"
    document, retired = lifecycle.retire_briefs(document, wanted, reason, now)
    return document, Moved(before, outcome, retired, retired=True)
