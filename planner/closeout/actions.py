"""The close-out's changes to the document: keep or unkeep a promise, close or reopen a day.

Each returns a new Document with the day's `Closeout` record created or updated, and
refuses (InputError) what the review of the day does not allow.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import msgspec
import pendulum

from planner.closeout.review import build_review, day_label, find_closeout
from planner.closeout.steps import ClosingRefused, PromiseCheck, Review
from planner.domain import Closeout
from planner.domain.base import new_id
from planner.domain.lifecycle import find
from planner.errors import InputError
from planner.humanize import fmt
from planner.scheduling.intervals import plain
from planner.text import clean_line, clean_text

if TYPE_CHECKING:
    from planner.domain.document import Document


def keep(document: Document, date: pendulum.Date, followup_id: str, now: datetime) -> Document:
    """Explicitly keep the promise of `followup_id` (id or unique prefix) as it stands."""
    review = build_review(document, date, now)
    _require_changeable(review)
    followup = find(document.followups, followup_id, "follow-up")
    if not any(c.followup.id == followup.id for c in review.promises):
        raise InputError(
            f"{followup.id} ({clean_line(followup.customer)}) has no promise due by the end of "
            f"{day_label(date)}: there is nothing to keep"
        )
    record = _record_for(document, date)
    if followup.id in record.kept:
        return document
    return _put(document, msgspec.structs.replace(record, kept=(*record.kept, followup.id)))


def unkeep(document: Document, date: pendulum.Date, followup_id: str, now: datetime) -> Document:
    """Undo `keep`: the promise needs addressing again (nothing changes if it was not kept)."""
    review = build_review(document, date, now)
    _require_changeable(review)
    record = find_closeout(document, date)
    if record is None:
        return document
    followup = find(document.followups, followup_id, "follow-up")
    if followup.id not in record.kept:
        return document
    kept = tuple(k for k in record.kept if k != followup.id)
    return _put(document, msgspec.structs.replace(record, kept=kept))


def close_day(
    document: Document, date: pendulum.Date, notes: str, summary: str, now: datetime
) -> Document:
    """Mark the day closed with its notes and Markdown summary.

    Refused (ClosingRefused, an InputError) while a promise due that day or
    earlier is not addressed; the message names each one.
    """
    review = build_review(document, date, now)
    _require_begun(review)
    blocking = review.unaddressed()
    if blocking:
        raise ClosingRefused(_refusal(review, blocking), blocking)
    record = _record_for(document, date)
    closed = msgspec.structs.replace(
        record,
        closed=True,
        closed_at=plain(pendulum.instance(now).in_tz(review.timezone)),
        notes=clean_text(notes),
        summary=summary,
        next_workday=review.tomorrow.date.isoformat(),
        due_next=tuple(d.followup.id for d in review.tomorrow.promises),
        carried=tuple(p.brief.id for p in review.still_to_tell.placements),
        morning_dismissed=False,
    )
    return _put(document, closed)


def reopen_day(document: Document, date: pendulum.Date, now: datetime) -> Document:
    """Reopen a closed day: its notes, kept promises and last summary stay."""
    record = find_closeout(document, date)
    if record is None or not record.closed:
        raise InputError(f"{day_label(date)} is not closed: there is nothing to reopen")
    return _put(document, msgspec.structs.replace(record, closed=False, closed_at=None))


def _require_begun(review: Review) -> None:
    if review.date > review.now.date():
        raise InputError(f"{day_label(review.date)} has not begun yet: it cannot be closed")


def _require_changeable(review: Review) -> None:
    _require_begun(review)
    if review.closed:
        raise InputError(f"{day_label(review.date)} is closed: reopen it first")


def _refusal(review: Review, blocking: tuple[PromiseCheck, ...]) -> str:
    count = len(blocking)
    noun = "promise is" if count == 1 else "promises are"
    lines = [f"cannot close {day_label(review.date)}: {count} {noun} not addressed"]
    for check in blocking:
        f = check.followup
        who = clean_line(f.customer) + (
            f" ({clean_line(f.organization)})" if f.organization else ""
        )
        state = "broken" if check.broken else "due"
        when = _short(check.current or check.promise, review.date)
        lines.append(f"  {f.id}  {who} — {clean_line(f.summary)}: {state}, promised {when}")
        commands = commands_for(f.id, review)
        lines.append("    " + " · ".join(commands[:2]))
        lines.append("    " + " · ".join(commands[2:]))
    # Keeps given with the refused --close were not saved either: the command repeats them.
    ids = dict.fromkeys([*review.kept, *(c.followup.id for c in blocking)])
    keeps = " ".join(f"--keep {i}" for i in ids)
    lines.append(
        f"or keep them as they stand: ea-planner closeout{_day_option(review)} {keeps} --close"
    )
    return "\n".join(lines)


def commands_for(followup_id: str, review: Review) -> tuple[str, ...]:
    """The shell commands that address an unaddressed promise of the review, ids filled in."""
    return (
        f'ea-planner promise {followup_id} "tomorrow 10am"',
        f"ea-planner closeout{_day_option(review)} --keep {followup_id}",
        f'ea-planner resolve {followup_id} "how it was solved"',
        f"ea-planner escalate {followup_id}",
        f'ea-planner drop {followup_id} "why"',
    )


def _day_option(review: Review) -> str:
    return "" if review.date == review.now.date() else f" --date {review.date.isoformat()}"


def _short(moment: pendulum.DateTime, date: pendulum.Date) -> str:
    return fmt(moment, "HH:mm") if moment.date() == date else fmt(moment, "ddd D MMM HH:mm")


def _record_for(document: Document, date: pendulum.Date) -> Closeout:
    return find_closeout(document, date) or Closeout(id=new_id("c"), date=date.isoformat())


def _put(document: Document, record: Closeout) -> Document:
    records = document.closeouts
    if any(r.id == record.id for r in records):
        records = tuple(record if r.id == record.id else r for r in records)
    else:
        records = (*records, record)
    return msgspec.structs.replace(document, closeouts=records)
