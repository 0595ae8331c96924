"""The close-out screen on a desk of several executives: one review per executive
(`planner.closeout.desk`), shown as a section each.

The promises step lists every executive's promises in one table (each row marked with
whose it is, its times in its executive's zone), since the day closes only when all of
them are answered; the other steps show each executive's part under their name. A
one-executive desk never comes here: its close-out is exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.console import Group, RenderableType
from rich.text import Text

from planner.closeout.desk import DeskReview
from planner.closeout.steps import Review
from planner.day import place
from planner.domain.executive import describe
from planner.ui.widgets.closeout_steps import promise_row
from planner.ui.widgets.palette import StatusColors

StepView = Callable[[Review, StatusColors], RenderableType]


def merged_review(desk: DeskReview) -> Review:
    """One review holding every executive's promises and open matters (desk order), for
    the promises step and its answers; the rest is the first executive's."""
    first = desk.sections[0].review
    return replace(
        first,
        promises=tuple(c for s in desk.sections for c in s.review.promises),
        still_open=tuple(o for s in desk.sections for o in s.review.still_open),
        notes=desk.notes,
    )


def sections_view(desk: DeskReview, view: StepView, colors: StatusColors) -> RenderableType:
    """A step (done today, still to tell, tomorrow) once per executive, under their name
    and zone."""
    parts: list[RenderableType] = []
    for number, section in enumerate(desk.sections):
        heading = Text("\n" if number else "")
        heading.append(describe(section.executive), style=f"bold {colors.accent}")
        heading.append(f" · {section.review.timezone}", style="dim")
        parts += [heading, view(section.review, colors)]
    return Group(*parts)


def zone_label(review: Review, ea_zone: str) -> str:
    """The label a section's times carry: its zone as a place when it is not the EA's
    (`planner.day.Zones`: a desk of several executives, which is all that comes here)."""
    return "" if review.timezone == ea_zone else place(review.timezone)


def label_of(desk: DeskReview, followup_id: str, ea_zone: str) -> str:
    """The zone label of the promise of `followup_id` (its executive's section)."""
    for section in desk.sections:
        if any(c.followup.id == followup_id for c in section.review.promises):
            return zone_label(section.review, ea_zone)
    return ""


def promise_rows(
    desk: DeskReview, colors: StatusColors, ea_zone: str = ""
) -> list[tuple[str, tuple[Text, ...]]]:
    """The promise table's rows: each executive's promises in their own zone, labelled
    where it is not the EA's (`ea_zone`), the follow-up cell starting with the
    executive's short name."""
    width = max(len(s.executive.short) for s in desk.sections)
    rows = []
    for section in desk.sections:
        label = zone_label(section.review, ea_zone) if ea_zone else ""
        for check in section.review.promises:
            state, promise, followup, *rest = promise_row(check, section.review, colors, label)
            marked = Text.assemble((section.executive.short.ljust(width) + " ", "bold"), followup)
            rows.append((check.followup.id, (state, promise, marked, *rest)))
    return rows


__all__ = ["label_of", "merged_review", "promise_rows", "sections_view", "zone_label"]
