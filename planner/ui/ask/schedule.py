"""The schedule: add an event or mark a good moment or a block on the day shown, and
import an .ics file (or a folder of them, or a URL) as one change."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from planner.config import EVENT_KINDS
from planner.domain import Event, Window
from planner.domain.window import WindowMark
from planner.errors import PlannerError
from planner.humanize import counted, fmt, plural
from planner.operations.events import make_event, new_event
from planner.operations.windows import make_window, mark_window
from planner.text import clean_line
from planner.ui.ask import Asker, Proposal
from planner.ui.ask.forms import refusal_of
from planner.ui.dialogs.form import Field, FormScreen, Values
from planner.ui.dialogs.prompt import PromptScreen
from planner.ui.widgets.path_suggester import PathSuggester
from planner.when import parse_time

if TYPE_CHECKING:
    from planner.calendar_import.importer import ImportReport, Prepared


def time_on(asker: Asker, day: pendulum.Date, value: str, what: str) -> pendulum.DateTime:
    """`value` as a time in the executive's zone: an HH:MM is on `day`, the day the
    dashboard shows, which need not be today."""
    moment = parse_time(value, now=asker.clock.now(), settings=asker.settings, what=what, day=day)
    return pendulum.instance(moment).in_tz(asker.timezone)


async def new_event_on(asker: Asker, day: pendulum.Date) -> Proposal[Event] | None:
    """The new-event form, for the day shown."""
    fields = [
        Field("title", "Title", "Board meeting"),
        Field("start", f"Start (HH:MM on {fmt(day, 'ddd D MMM')})", "14:00"),
        Field("end", "End (HH:MM)", "15:00"),
        Field("kind", "Kind", options=EVENT_KINDS, value="meeting"),
    ]

    def build(values: Values) -> Event:
        start = time_on(asker, day, values["start"], "start")
        end = time_on(asker, day, values["end"], "end")
        kind = next((k for k in EVENT_KINDS if k == values["kind"]), None)
        if kind is None:
            raise PlannerError(f"kind: choose one of {', '.join(EVENT_KINDS)}")
        return make_event(
            title=values["title"],
            start=start,
            end=end,
            kind=kind,
            executive=asker.owner,
        )

    values = await asker.ask(FormScreen("New event", fields, refusal_of(build)))
    if values is None:
        return None
    event = build(values)
    return Proposal(lambda d: new_event(d, event), f"Event added: {event.title}")


async def mark_on(asker: Asker, day: pendulum.Date, mark: WindowMark) -> Proposal[Window] | None:
    """Mark a good moment to interrupt (`mark` "window") or block time ("block"), as one
    line: "HH:MM-HH:MM" and an optional note."""

    def build(value: str) -> Window:
        span, _, note = value.strip().partition(" ")
        start_text, sep, end_text = span.partition("-")
        if not sep:
            raise PlannerError("write the span as HH:MM-HH:MM, then an optional note")
        start = time_on(asker, day, start_text, "start")
        end = time_on(asker, day, end_text, "end")
        return make_window(start=start, end=end, mark=mark, note=note, executive=asker.owner)

    def check(value: str) -> tuple[bool, str]:
        try:
            window = build(value)
        except PlannerError as exc:
            return False, exc.message
        span = f"{fmt(window.start, 'ddd D MMM HH:mm')}–{fmt(window.end, 'HH:mm')}"
        return True, f"{span} {window.note}"

    good = mark == "window"
    value = await asker.ask(
        PromptScreen(
            "Mark a good moment" if good else "Block time (do not disturb)",
            placeholder=(
                "14:30-15:00 come by after the call" if good else "13:00-14:00 budget review"
            ),
            check=check,
        )
    )
    if not value:
        return None
    window = build(value)
    return Proposal(
        lambda d: mark_window(d, window), "Good moment marked" if good else "Time blocked"
    )


async def import_calendar(asker: Asker, quitting: threading.Event) -> Proposal[ImportReport] | None:
    """Ask for an .ics file (or a folder of them, or a URL); read it off the UI thread; ask
    which calendar it is (offering the one its events already belong to); work the merge
    out off the UI thread. A large calendar never holds up the screen, and quitting
    (`quitting` set) stops it with nothing written."""
    from planner.operations import calendars

    source = await asker.ask(
        PromptScreen(
            "Import an .ics file (or a folder of them, or a URL)",
            placeholder="~/Downloads/calendar.ics",
            suggester=PathSuggester(),
        )
    )
    if not source:
        return None
    source = source.strip()
    asker.tell(f"Reading {Path(source).name or source}…")
    document = asker.document
    try:
        ready = await asyncio.to_thread(_read, asker, document, source, quitting)
    except PlannerError as exc:
        if not quitting.is_set():
            asker.tell(exc.message, title="Import failed", error=True)
        return None
    if quitting.is_set():
        return None
    calendar = await asker.ask(_which_calendar(asker, ready))
    if calendar is None:
        return None
    name = clean_line(calendar)
    before = asker.document
    try:
        # The executive in view's on a desk of several, else the calendar's own (else the
        # first), as `ea-planner import` with and without --exec.
        executive = asker.executive if len(before.roster) > 1 else None
        merged = await asyncio.to_thread(
            lambda: calendars.import_calendar(before, ready, name, executive=executive)
        )
    except PlannerError as exc:
        asker.tell(exc.message, title="Import failed", error=True)
        return None
    if quitting.is_set():
        return None
    asker.tell("\n".join(merged[1].lines()), title="Imported")
    return Proposal(
        lambda d: calendars.import_calendar(d, ready, name, executive=executive),
        worked_out=(before, merged),
    )


def _read(asker: Asker, document: object, source: str, quitting: threading.Event) -> Prepared:
    """In a worker thread: the calendar read and ready to merge."""
    from planner.calendar_import.importer import prepare_for
    from planner.commands.import_ics import read_source
    from planner.domain.document import Document

    assert isinstance(document, Document)
    data, name, what = read_source(source)
    return prepare_for(
        document, asker.clock, data, source_name=name, what=what, cancelled=quitting.is_set
    )


def _which_calendar(asker: Asker, ready: Prepared) -> PromptScreen:
    known = sorted({e.calendar for e in asker.document.events if e.calendar is not None})
    read = len(ready.read.events)
    count = f"{counted(read, 'event')} read."
    context = f"{count} Calendars now: {', '.join(known)}." if known else count
    if ready.suggested is not None and ready.suggested in known:
        these = plural(read, "This event is", "These events are")
        context += f" {these} already in “{ready.suggested}”."

    def check(value: str) -> tuple[bool, str]:
        name = clean_line(value)
        if not name:
            return False, "give the calendar a name"
        if name in known:
            return True, f"updates “{name}”: events it no longer has are removed from it"
        return True, f"a new calendar “{name}”"

    return PromptScreen(
        "Which calendar is it?",
        value=ready.suggested or "",
        placeholder="work",
        check=check,
        context=context,
    )
