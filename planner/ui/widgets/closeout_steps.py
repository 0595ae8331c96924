"""What each step of the close-out shows: rich renderables built from the review.

Pure rendering (no widgets, no app): the close-out screen puts these into its step views.
Untrusted text (names, summaries, titles) goes in as `Text`, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypedDict

import pendulum
from rich.console import Group, JustifyMethod, RenderableType
from rich.table import Table
from rich.text import Text

from planner.closeout import STEPS, Delivered, PromiseCheck, Review, day_label
from planner.closeout.words import moves_words, state_words
from planner.day import labelled
from planner.domain import Brief, FollowUp
from planner.domain.facts import log_line
from planner.humanize import fmt
from planner.scheduling import GoodMoment, Placement
from planner.ui.widgets.palette import StatusColors

STEP_TITLES: tuple[str, ...] = (*STEPS[:4], "Notes and summary")
"""What each step is called on screen (the Markdown heading of the last one is "Notes")."""
STEP_IDS: tuple[str, ...] = (
    "step-done",
    "step-promises",
    "step-tell",
    "step-tomorrow",
    "step-notes",
)
PROMISES = STEP_IDS.index("step-promises")
NOTES = STEP_IDS.index("step-notes")


def about(followup: FollowUp) -> str:
    who = followup.customer + (f" ({followup.organization})" if followup.organization else "")
    return f"{who} — {followup.summary}"


def _about_text(followup: FollowUp) -> Text:
    text = Text(followup.customer, style="bold")
    if followup.organization:
        text.append(f" ({followup.organization})")
    text.append(f" — {followup.summary}")
    return text


def at_time(moment: pendulum.DateTime, day: pendulum.Date) -> str:
    """`at 14:30` on `day`, else `on Tue 24 Nov at 14:30`."""
    if moment.date() == day:
        return f"at {fmt(moment, 'HH:mm')}"
    return f"on {fmt(moment, 'ddd D MMM')} at {fmt(moment, 'HH:mm')}"


def _short(moment: pendulum.DateTime, day: pendulum.Date) -> str:
    """`14:30` on `day`, else `Tue 24 Nov 14:30`."""
    return fmt(moment, "HH:mm" if moment.date() == day else "ddd D MMM HH:mm")


def _span(moment: GoodMoment) -> Text:
    text = Text(f"{fmt(moment.start, 'HH:mm')}–{fmt(moment.end, 'HH:mm')}", style="bold")
    if moment.source == "one-on-one":
        text.append(f" one-on-one: {moment.note}")
    elif moment.source == "marked":
        text.append(f" marked: {moment.note}" if moment.note else " marked")
    elif moment.after_event:
        text.append(f" after {moment.after_event}")
    return text


def day_state(review: Review, colors: StatusColors) -> Text:
    if review.closed_at is not None:
        return Text(f"closed {at_time(review.closed_at, review.date)}", style=colors.good_style)
    count = len(review.unaddressed())
    if count:
        noun = "promise needs" if count == 1 else "promises need"
        return Text(f"open · {count} {noun} an answer", style=colors.due_soon_style)
    return Text("open · ready to close", style=colors.good_style)


class ColumnOptions(TypedDict, total=False):
    """How a grid's column is sized and set, as rich's `Table.add_column` takes it."""

    ratio: int
    width: int
    no_wrap: bool
    justify: JustifyMethod


def _grid(*columns: tuple[str, ColumnOptions]) -> Table:
    table = Table(
        box=None,
        expand=True,
        show_header=True,
        header_style="bold",
        pad_edge=False,
        padding=(0, 2, 0, 0),
    )
    for header, options in columns:
        table.add_column(header, **options)
    return table


def done_view(review: Review, colors: StatusColors) -> RenderableType:
    done = review.done
    lead = Text()
    lead.append(f"Finished on {day_label(review.date)}: ", style="bold")
    counts = [
        (len(done.resolved), "follow-up resolved", "follow-ups resolved"),
        (len(done.delivered), "brief told to the executive", "briefs told to the executive"),
        (len(done.dropped), "follow-up dropped", "follow-ups dropped"),
    ]
    lead.append(" · ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts))
    if done.empty:
        return Group(lead, Text(""), Text("Nothing resolved, dropped or told today.", "dim"))
    table = _grid(
        ("Time", {"width": 5, "no_wrap": True}),
        ("Done", {"width": 18, "no_wrap": True}),
        ("Follow-up or brief", {"ratio": 3}),
        ("Resolution, reason", {"ratio": 2}),
    )
    for item in done.in_order:  # one list, in time order
        if isinstance(item, Delivered):
            table.add_row(
                Text(_short(item.at, review.date)),
                Text("told the executive", style=colors.good_style),
                Text(f"{item.brief.title} ({item.brief.kind})"),
                Text(""),
            )
        else:
            resolved = item.action == "resolved"
            table.add_row(
                Text(_short(item.at, review.date)),
                Text(item.action, style=colors.good_style if resolved else "dim"),
                _about_text(item.followup),
                Text(item.text),
            )
    return Group(lead, Text(""), table)


def still_open_view(review: Review) -> Text:
    """Every other open follow-up, with its current promise and where it stands."""
    text = Text()
    if not review.still_open:
        return text
    text.append("Still open, no promise due today:\n", style="bold")
    for item in review.still_open:
        state = item.state
        promise = _short(item.current, review.date)
        if state.paused:
            base = _short(_local(state.promised_by, review), review.date)
            promise = f"paused · was {base}"
        text.append(f"  {promise} · ")
        text.append_text(_about_text(item.followup))
        words = state_words(state, review, paused=False)
        if words:
            text.append(f" · {words}", style="italic")
        text.append(moves_words(item.moves, review), style="dim")
        text.append("\n")
    return text


def _local(moment: datetime, review: Review) -> pendulum.DateTime:
    return pendulum.instance(moment).in_tz(review.timezone)


def _answer(check: PromiseCheck, review: Review, colors: StatusColors) -> Text:
    day = review.date
    match check.addressed:
        case None:
            style = colors.broken_style if check.broken else colors.due_soon_style
            return Text("needs an answer", style=style)
        case "kept":
            return Text("kept as it stands", style=colors.good_style)
        case "re-promised":
            new = _short(check.current, day) if check.current is not None else "?"
            return Text(f"re-promised → {new}", style=colors.good_style)
        case how:
            at = f" {fmt(check.addressed_at, 'HH:mm')}" if check.addressed_at else ""
            return Text(f"{how}{at}", style=colors.good_style)


def promise_row(
    check: PromiseCheck, review: Review, colors: StatusColors, label: str = ""
) -> tuple[Text, ...]:
    """A row of the promise table, its times in the review's zone; `label` (the zone as a
    place, on a desk of several when it is not the EA's) after the time. The time is the
    promise the row is about (PromiseCheck.facing): the answer column says what replaced it."""
    return (
        Text("BROKEN", style=colors.broken_style) if check.broken else Text("due", style="dim"),
        Text(labelled(_short(check.facing, review.date), label)),
        _about_text(check.followup),
        _answer(check, review, colors),
    )


def promise_detail(
    check: PromiseCheck, review: Review, colors: StatusColors, label: str = ""
) -> Text:
    """The selected promise in full; `label` as for `promise_row`."""
    followup = check.followup
    text = _about_text(followup)
    text.append(
        f"\n{followup.kind} · {followup.channel} · {followup.priority} · {followup.status}",
        style="dim",
    )
    if check.state is not None:
        words = state_words(check.state, review)
        if words:
            text.append(f" · {words}", style="italic")
    text.append("\nPromised ")
    text.append(labelled(_short(check.facing, review.date), label))
    if check.broken:
        text.append(" — broken", style=colors.broken_style)
    text.append(moves_words(check.moves, review), style="dim")
    text.append("\n")
    at = f" {at_time(check.addressed_at, review.date)}" if check.addressed_at else ""
    match check.addressed:
        case None:
            text.append("Needs an answer: ", style="bold")
            text.append("x resolve · p re-promise · E escalate · K keep as it stands")
        case "kept":
            text.append("Kept as it stands", style=colors.good_style)
            if not review.closed:
                text.append(" · K takes the keep back", style="dim")
        case "re-promised":
            new = (
                labelled(_short(check.current, review.date), label)
                if check.current is not None
                else "?"
            )
            text.append(f"Re-promised{at} for {new}", style=colors.good_style)
        case how:
            text.append(f"{how.capitalize()}{at}", style=colors.good_style)
    if check.text:
        text.append(f": {check.text}")
    if followup.log:
        text.append("\nLast fact: ", style="dim")
        text.append(log_line(followup.log[-1], review.timezone), style="dim")
    return text


def refusal(blocking: Sequence[PromiseCheck], review: Review) -> str:
    count = len(blocking)
    noun = "promise still needs" if count == 1 else "promises still need"
    lines = [f"{count} {noun} an answer:"]
    for check in blocking:
        state = "broken" if check.broken else "due"
        lines.append(
            f"• {about(check.followup)} — {state}, promised {_short(check.facing, review.date)}"
        )
    lines.append("Resolve, re-promise, escalate or keep each one (step 2), then close.")
    return "\n".join(lines)


def _placement_flags(placement: Placement, colors: StatusColors) -> Text:
    if placement.held:
        return Text("held: needs a solution first", style=colors.due_soon_style)
    text = Text()
    if placement.at is None or placement.moment is None:
        text.append("no good moment with room", style=colors.due_soon_style)
    for flag in placement.flags:
        if flag == "no room":
            continue
        if text:
            text.append(", ")
        text.append(flag, style=colors.broken_style if placement.interrupt_now else "")
    return text


def tell_view(review: Review, colors: StatusColors) -> RenderableType:
    tell = review.still_to_tell
    placements = tell.placements
    lead = Text()
    if not placements:
        lead.append("Nothing left to tell the executive.", style="bold")
        return lead
    count = len(placements)
    lead.append(
        f"{count} {'brief' if count == 1 else 'briefs'} still to tell, carried to "
        f"{day_label(tell.date)}",
        style="bold",
    )
    if tell.date != review.date.add(days=1):
        lead.append(" (the next workday)", style="bold")
    lead.append(" and the good moment each lands in:")
    table = _grid(
        ("Lands", {"width": 5, "no_wrap": True}),
        ("Good moment", {"ratio": 3}),
        ("Brief", {"ratio": 4}),
        ("Kind", {"width": 20, "no_wrap": True}),
        ("Min", {"width": 3, "justify": "right"}),
        ("Note", {"ratio": 2}),
    )
    shown: GoodMoment | None = None
    for placement in placements:
        brief = placement.brief
        moment = placement.moment
        if placement.at is not None and moment is not None:
            lands = Text(_short(placement.at, tell.date))
            # The good moment is named once, on the first brief that lands in it.
            where = _span(moment) if moment != shown else Text("")
            shown = moment
        else:
            lands, where = Text("—", style="dim"), Text("")
        kind = brief.kind + (f" · {brief.priority}" if brief.priority in ("urgent", "high") else "")
        table.add_row(
            lands,
            where,
            _brief_text(brief, placement.interrupt_now),
            Text(kind),
            Text(str(brief.minutes)),
            _placement_flags(placement, colors),
        )
    return Group(lead, Text(""), table)


def _brief_text(brief: Brief, now: bool) -> Text:
    """The brief's title, then the solution it carries to the executive and how many facts
    (the facts themselves are in the summary and the brief's detail: the table stays
    readable)."""
    text = Text(brief.title, style="bold" if now else "")
    if brief.solution.strip():
        text.append(f"\nsolution: {brief.solution}", style="dim")
    facts = sum(1 for fact in brief.facts if fact.strip())
    if facts:
        text.append(f"\n{facts} {'fact' if facts == 1 else 'facts'}", style="dim")
    return text


def tomorrow_view(review: Review, colors: StatusColors) -> RenderableType:
    tomorrow = review.tomorrow
    tz = review.timezone
    lead = Text(day_label(tomorrow.date), style="bold")
    if tomorrow.date != review.date.add(days=1):
        lead.append(" (the next workday)", style="bold")
    lead.append("\nFirst good moment: ")
    if tomorrow.first_moment is not None:
        first = _span(tomorrow.first_moment)
        first.stylize(colors.good_style)
        lead.append_text(first)
    else:
        lead.append("none that day", style=colors.due_soon_style)

    parts: list[RenderableType] = [lead, Text(""), Text("The executive's schedule", "bold")]
    if tomorrow.events:
        schedule = _grid(
            ("Time", {"width": 11, "no_wrap": True}),
            ("Kind", {"width": 11, "no_wrap": True}),
            ("Event", {"ratio": 1}),
        )
        for event in tomorrow.events:
            if event.all_day:
                span = "all day"
            else:
                start = pendulum.instance(event.start).in_tz(tz)
                end = pendulum.instance(event.end).in_tz(tz)
                span = f"{_short(start, tomorrow.date)}–{_short(end, tomorrow.date)}"
            schedule.add_row(Text(span), Text(event.kind, style="dim"), Text(event.title))
        parts.append(schedule)
    else:
        parts.append(Text("No events.", style="dim"))

    parts += [Text(""), Text("Promises due", "bold")]
    if tomorrow.promises:
        due = _grid(
            ("Promised", {"width": 16, "no_wrap": True}),
            ("Follow-up", {"ratio": 1}),
            ("Channel", {"width": 9, "no_wrap": True}),
        )
        for item in tomorrow.promises:
            due.add_row(
                Text(_short(item.promise, tomorrow.date)),
                _about_text(item.followup),
                Text(item.followup.channel, style="dim"),
            )
        parts.append(due)
    else:
        parts.append(Text("No promise falls due.", style="dim"))
    return Group(*parts)


STEP_SHORT: tuple[str, ...] = ("Done", "Promises", "To tell", "Tomorrow", "Notes")
"""The steps' names where the full ones do not fit on one line (80 columns)."""


def step_trail(titles: Sequence[str], current: int, width: int, colors: StatusColors) -> Text:
    """The steps on one line, the current one highlighted: full names where they fit, else
    short ones, else numbers with only the current step named. Never wrapped, never cut."""

    def trail(names: Sequence[str]) -> Text:
        text = Text()
        for index, name in enumerate(names):
            if index:
                text.append(" › ", style="dim")
            label = f" {index + 1} {name} " if name else f" {index + 1} "
            style = f"bold reverse {colors.accent}" if index == current else "dim"
            text.append(label, style=style)
        return text

    short = STEP_SHORT if len(STEP_SHORT) == len(titles) else tuple(titles)
    for names in (titles, short):
        text = trail(names)
        if text.cell_len <= width:
            return text
    return trail([short[n] if n == current else "" for n in range(len(titles))])
