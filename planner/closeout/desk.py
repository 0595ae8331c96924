"""One close-out for the desk: a section per executive (done today, promises, still to
tell, tomorrow), each from their own records in their own zone, then the desk's notes.

A one-executive desk gets exactly the single review of planner.closeout.review and its
Markdown. With several, the day closes only when every executive's promises are
addressed; the desk's own follow-ups (no executive) are reviewed with the first's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import msgspec
import pendulum

from planner.closeout.actions import close_day
from planner.closeout.markdown import (
    close_with_summary,
    notes_lines,
    render_markdown,
    status_line,
    step_sections,
)
from planner.closeout.review import build_review, day_label, find_closeout
from planner.closeout.steps import ClosingRefused, PromiseCheck, Review
from planner.domain.base import plain
from planner.domain.document import Document
from planner.domain.executive import Executive, describe
from planner.text import clean_text


@dataclass(frozen=True)
class Section:
    """One executive's part of the desk's close-out."""

    executive: Executive
    review: Review
    notes: str = ""
    """The EA's notes about this executive's day (`Closeout.executive_notes`)."""


@dataclass(frozen=True)
class DeskReview:
    """The close-out of one date for the whole desk."""

    date: pendulum.Date
    sections: tuple[Section, ...]
    notes: str = ""
    """The desk's notes (`Closeout.notes`)."""

    @property
    def single(self) -> bool:
        return len(self.sections) == 1

    def unaddressed(self) -> tuple[PromiseCheck, ...]:
        return tuple(c for s in self.sections for c in s.review.unaddressed())

    @property
    def can_close(self) -> bool:
        return not self.unaddressed()

    @property
    def closed(self) -> bool:
        return self.sections[0].review.closed


def build_desk_review(document: Document, date: pendulum.Date, now: datetime) -> DeskReview:
    """The desk's close-out of `date` as seen at `now`: one section per executive."""
    roster = document.roster
    record = find_closeout(document, date)
    notes = record.notes if record is not None else ""
    if len(roster) == 1:
        return DeskReview(
            date=date,
            sections=(Section(roster[0], build_review(document, date, now)),),
            notes=notes,
        )
    by_executive = record.executive_notes if record is not None else {}
    sections = tuple(
        Section(
            executive,
            build_review(document.view(executive.id, desk_own=number == 0), date, now),
            by_executive.get(executive.id, ""),
        )
        for number, executive in enumerate(roster)
    )
    return DeskReview(date=date, sections=sections, notes=notes)


def render_desk_markdown(desk: DeskReview) -> str:
    """The desk's summary: exactly the one review's with one executive; with several, a
    heading, then per executive their steps, then the desk's notes."""
    if desk.single:
        return render_markdown(desk.sections[0].review)
    first = desk.sections[0].review
    status = status_line(first)
    if not first.closed:
        count = len(desk.unaddressed())
        noun = "promise" if count == 1 else "promises"
        status = f"Not closed yet: {count} {noun} still to address." if count else status
    lines = [f"# Close-out — {day_label(desk.date)}", "", status, ""]
    for section in desk.sections:
        review = section.review
        lines += [f"## {describe(section.executive)} · {review.timezone}", ""]
        lines += step_sections(review, "###", notes=False)
        if section.notes.strip():
            lines += ["### Notes", "", *notes_lines(section.notes), ""]
    lines += ["## Notes", "", *notes_lines(desk.notes)]
    return "\n".join(lines).rstrip("\n") + "\n"


def desk_summary_markdown(document: Document, date: pendulum.Date, now: datetime) -> str:
    """The summary of `date`: as saved when the day was closed, else the live review."""
    record = find_closeout(document, date)
    if record is not None and record.closed and record.summary:
        return record.summary
    return render_desk_markdown(build_desk_review(document, date, now))


def close_desk(
    document: Document,
    date: pendulum.Date,
    now: datetime,
    notes: str | None = None,
    executive_notes: dict[str, str] | None = None,
) -> tuple[Document, str]:
    """Close the day for the whole desk with its summary; the new document and the Markdown
    to save as closeouts/YYYY-MM-DD.md. One executive: exactly `close_with_summary`.
    Refused (ClosingRefused) while any executive's promise due that day is not addressed.
    `notes` / `executive_notes` None keep the notes already in the record."""
    if len(document.roster) == 1:
        return close_with_summary(document, date, now, notes=notes)
    desk = build_desk_review(document, date, now)
    blocking = desk.unaddressed()
    if blocking:
        # Each executive's refusal names their promises and the commands to address them.
        messages = [
            _refusal(document, s, date, now, first=n == 0)
            for n, s in enumerate(desk.sections)
            if s.review.unaddressed()
        ]
        raise ClosingRefused("\n".join(messages), blocking)
    at = pendulum.instance(now)
    record = find_closeout(document, date)
    by_executive = dict(record.executive_notes) if record is not None else {}
    if executive_notes is not None:
        by_executive.update({k: clean_text(v) for k, v in executive_notes.items()})
    sections = tuple(
        Section(
            s.executive,
            s.review.closing(s.review.notes, at),
            by_executive.get(s.executive.id, ""),
        )
        for s in desk.sections
    )
    final = DeskReview(
        date=date, sections=sections, notes=clean_text(desk.notes if notes is None else notes)
    )
    text = render_desk_markdown(final)
    # The first's close (its zone, its next workday), then the desk's totals on the record.
    first = document.view(sections[0].executive.id)
    closed = close_day(first, date, final.notes, text, now)
    record = find_closeout(closed, date)
    assert record is not None
    record = msgspec.structs.replace(
        record,
        closed_at=plain(at.in_tz(sections[0].review.timezone)),
        executive_notes={k: v for k, v in by_executive.items() if v},
        due_next=tuple(d.followup.id for s in sections for d in s.review.tomorrow.promises),
        carried=tuple(p.brief.id for s in sections for p in s.review.still_to_tell.placements),
    )
    records = tuple(c for c in document.closeouts if c.id != record.id)
    return msgspec.structs.replace(document, closeouts=(*records, record)), text


def _refusal(
    document: Document, section: Section, date: pendulum.Date, now: datetime, *, first: bool
) -> str:
    try:
        close_day(document.view(section.executive.id, desk_own=first), date, "", "", now)
    except ClosingRefused as exc:
        return f"{describe(section.executive)}: {exc.message}"
    return ""
