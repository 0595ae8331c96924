"""The close-out summary as Markdown: what `ea-planner closeout` prints and
`closeouts/YYYY-MM-DD.md` holds.

Untrusted text (customer names, summaries, brief and event titles, notes) is
escaped so that it cannot open a heading, list, quote, code span, link, HTML
comment or emphasis of its own; line breaks inside a field become spaces.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

import pendulum

from planner.closeout.actions import close_day
from planner.closeout.review import build_review, day_label, find_closeout
from planner.closeout.steps import STEPS, Delivered, PromiseCheck, Review, StillOpen
from planner.closeout.words import local, moves_words, state_words, when
from planner.humanize import fmt
from planner.scheduling import GoodMoment, Placement

if TYPE_CHECKING:
    from planner.domain import Brief, Event, FollowUp
    from planner.domain.document import Document

_INLINE = re.compile(r"([\\`*_<\[])")
"""Characters that open inline structure anywhere: escapes, code spans, emphasis, HTML, links."""
_LEADING = re.compile(r"^(?:[#>+\-=~|]|\d{1,9}[.)])")
"""What opens block structure at the start of a line: headings, quotes, lists, rules, fences."""


def escape(text: str) -> str:
    """One line of untrusted text made inert in Markdown, minimally."""
    line = " ".join(text.split())  # every line break (\n, \r, U+2028…) becomes a space
    line = _INLINE.sub(r"\\\1", line)
    match = _LEADING.match(line)
    if match:
        head = match.group(0)
        line = head[:-1] + "\\" + head[-1] + line[len(head) :]
    return line


def render_markdown(review: Review) -> str:
    """The summary of the review: a heading, then one section per step."""
    lines = [f"# Close-out — {day_label(review.date)}", "", _status(review), ""]
    lines += step_sections(review, "##")
    return "\n".join(lines).rstrip("\n") + "\n"


def step_sections(review: Review, heading: str, *, notes: bool = True) -> list[str]:
    """The review's steps as Markdown sections under `heading` (`##`, `###`); the notes
    last (left out with `notes` False)."""
    done, promises, tell, tomorrow, notes_title = STEPS
    lines = [f"{heading} {done}", "", *_done(review), ""]
    lines += [f"{heading} {promises}", "", *_promises(review), ""]
    lines += [f"{heading} {tell}", "", *_still_to_tell(review), ""]
    lines += [f"{heading} {tomorrow}", "", *_tomorrow(review), ""]
    if notes:
        lines += [f"{heading} {notes_title}", "", *notes_lines(review.notes), ""]
    return lines


def status_line(review: Review) -> str:
    """ "Closed at …" or "Not closed yet: N promises still to address." """
    return _status(review)


def notes_lines(notes: str) -> list[str]:
    """The EA's notes, escaped, or "No notes."."""
    return _notes(notes)


def summary_markdown(document: Document, date: pendulum.Date, now: datetime) -> str:
    """The summary of `date`: as saved when the day is closed, else the live review."""
    record = find_closeout(document, date)
    if record is not None and record.closed and record.summary:
        return record.summary
    return render_markdown(build_review(document, date, now))


def close_with_summary(
    document: Document, date: pendulum.Date, now: datetime, notes: str | None = None
) -> tuple[Document, str]:
    """Close the day (see `close_day`) with the summary rendered as it closes.

    `notes` None keeps the notes already in the record. Returns the new document
    and the Markdown to save as closeouts/YYYY-MM-DD.md.
    """
    review = build_review(document, date, now)
    final = review.closing(review.notes if notes is None else notes, now)
    text = render_markdown(final)
    return close_day(document, date, final.notes, text, now), text


# -- sections ------------------------------------------------------------------


def _status(review: Review) -> str:
    if review.closed_at is not None:
        return f"Closed {when(review.closed_at, review.date, at=True)}."
    count = len(review.unaddressed())
    if count:
        noun = "promise" if count == 1 else "promises"
        return f"Not closed yet: {count} {noun} still to address."
    return "Not closed yet."


def _done(review: Review) -> list[str]:
    lines: list[str] = []
    for item in review.done.in_order:
        if isinstance(item, Delivered):
            lines.append(
                f"- Told the executive {when(item.at, review.date)} · {escape(item.brief.title)}"
                f" ({item.brief.kind})"
            )
        else:
            verb = "Resolved" if item.action == "resolved" else "Dropped"
            lines.append(
                f"- {verb} {when(item.at, review.date)} · {_about(item.followup)}"
                + _tail(item.text)
            )
    return lines or ["- Nothing resolved, dropped or told to the executive."]


def _promises(review: Review) -> list[str]:
    lines = [_promise(check, review) for check in review.promises]
    lines = lines or ["- No promise fell due."]
    if review.still_open:
        lines += ["", "Still open:", ""]
        lines += [_still_open(item, review) for item in review.still_open]
    return lines


def _promise(check: PromiseCheck, review: Review) -> str:
    shown = check.current if check.current is not None else check.promise
    still_broken = check.current is not None and check.current < review.as_of
    flag = ""
    if check.broken:
        flag = "**broken** · " if still_broken or check.current is None else "**was broken** · "
    head = f"- {flag}promised {when(shown, review.date)}{moves_words(check.moves, review)}"
    head += f" · {_about(check.followup)}"
    if check.state is not None and not (
        check.addressed == "escalated" and check.state.status == "escalated"
    ):
        head += _tail(state_words(check.state, review, escape=escape), " · ", escaped=True)
    at = when(check.addressed_at, review.date, at=True) if check.addressed_at else ""
    match check.addressed:
        case "resolved":
            how = f"resolved {at}" + _tail(check.text, ": ")
        case "dropped":
            how = f"dropped {at}" + _tail(check.text, ": ")
        case "re-promised":
            how = f"re-promised {at}" + _tail(check.text, ": ")
        case "escalated":
            how = f"escalated to the executive {at}" + _tail(check.text, ": ")
        case "kept":
            how = "kept as it stands"
        case None:
            how = f"**not addressed** ({escape(check.followup.id)})"
    return f"{head} · {how}"


def _still_open(item: StillOpen, review: Review) -> str:
    promise = f"promised {when(item.current, review.date)}"
    if item.state.paused:
        base = when(local(item.state.promised_by, review), review.date)
        promise = f"paused · was {base}"
    head = f"- {promise}{moves_words(item.moves, review)} · {_about(item.followup)}"
    return head + _tail(
        state_words(item.state, review, paused=False, escape=escape), " · ", escaped=True
    )


def _still_to_tell(review: Review) -> list[str]:
    placements = review.still_to_tell.placements
    if not placements:
        return ["- Nothing left to tell."]
    return [line for p in placements for line in (_placement(p), *_carried(p.brief))]


def _carried(brief: Brief) -> list[str]:
    """What the brief carries to the executive: its solution and facts, under it, so the
    summary says what will be told and not only that something will."""
    lines = [f"  - Solution: {escape(brief.solution)}"] if brief.solution.strip() else []
    return lines + [f"  - Fact: {escape(fact)}" for fact in brief.facts if fact.strip()]


def _placement(placement: Placement) -> str:
    brief = placement.brief
    about: list[str] = [brief.kind]
    if brief.priority in ("urgent", "high"):
        about.append(brief.priority)
    about.append(f"{brief.minutes} min")
    head = f"- {escape(brief.title)} ({', '.join(about)})"
    flags = [flag for flag in placement.flags if flag != "no room"]
    if placement.held:
        return f"{head} → held: {', '.join(flags)}"
    if placement.at is None or placement.moment is None:
        return f"{head} → no good moment with room in the next two weeks" + _flags(flags)
    when = fmt(placement.at, "ddd D MMM HH:mm")
    return f"{head} → {when}, in the good moment {_span(placement.moment)}" + _flags(flags)


def _tomorrow(review: Review) -> list[str]:
    tomorrow = review.tomorrow
    day = day_label(tomorrow.date)
    if tomorrow.date != review.date.add(days=1):
        day += " (next workday)"
    moment = tomorrow.first_moment
    first = f"first good moment {_span(moment)}" if moment is not None else "no good moment"
    lines = [f"{day}: {first}.", "", "Schedule:", ""]
    lines += [_event(e, review) for e in tomorrow.events] or ["- No events."]
    lines += ["", "Promises due:", ""]
    lines += [
        f"- {when(d.promise, tomorrow.date)} · {_about(d.followup)}" for d in tomorrow.promises
    ] or ["- None."]
    return lines


def _event(event: Event, review: Review) -> str:
    title = escape(event.title)
    if event.all_day:
        return f"- all day · {title}"
    tz, day = review.timezone, review.tomorrow.date
    start = pendulum.instance(event.start).in_tz(tz)
    end = pendulum.instance(event.end).in_tz(tz)
    span = f"{when(start, day)}–{when(end, day)}"
    return f"- {span} · {title} ({event.kind})"


def _notes(notes: str) -> list[str]:
    if not notes.strip():
        return ["No notes."]
    lines: list[str] = []
    for raw in notes.splitlines():
        line = escape(raw)
        if line or (lines and lines[-1]):
            lines.append(line)
    return lines


# -- pieces --------------------------------------------------------------------


def _about(followup: FollowUp) -> str:
    who = escape(followup.customer)
    if followup.organization:
        who += f" ({escape(followup.organization)})"
    return f"{who} — {escape(followup.summary)}"


def _tail(text: str, separator: str = " · ", *, escaped: bool = False) -> str:
    cleaned = text if escaped else escape(text)
    return f"{separator}{cleaned}" if cleaned else ""


def _flags(flags: list[str]) -> str:
    return f" · **{'**, **'.join(flags)}**" if flags else ""


def _span(moment: GoodMoment) -> str:
    text = f"{fmt(moment.start, 'HH:mm')}–{fmt(moment.end, 'HH:mm')}"
    if moment.source == "one-on-one":
        return text + f" (one-on-one: {escape(moment.note)})"
    if moment.source == "marked":
        return text + (f" (marked: {escape(moment.note)})" if moment.note else " (marked)")
    if moment.after_event:
        return text + f" after {escape(moment.after_event)}"
    return text


__all__ = ["close_with_summary", "escape", "render_markdown", "summary_markdown"]
