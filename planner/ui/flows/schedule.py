"""The schedule from the keyboard: add an event, mark a good moment or block time on the
day shown, import an .ics file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from planner.config import EVENT_KINDS
from planner.domain import Event, Window
from planner.domain.document import Document
from planner.errors import PlannerError
from planner.humanize import fmt
from planner.operations.events import make_event, new_event
from planner.operations.windows import make_window, mark_window
from planner.text import clean_line
from planner.ui.flows.forms import refusal_of
from planner.ui.screens.form import Field, FormScreen, Values
from planner.ui.screens.prompt import PromptScreen
from planner.ui.widgets.path_suggester import PathSuggester
from planner.when import parse_time

if TYPE_CHECKING:
    from planner.calendar_import.importer import ImportReport, Prepared
    from planner.ui.app import PlannerApp


def time_on_shown_day(
    app: PlannerApp, day: pendulum.Date, value: str, what: str
) -> pendulum.DateTime:
    """`value` as a time in the executive's zone: an HH:MM is on `day`, the day the
    dashboard shows, which need not be today."""
    moment = parse_time(
        value,
        now=app.clock.now(),
        settings=app.document.settings,
        what=what,
        day=day,
    )
    return pendulum.instance(moment).in_tz(app.timezone)


def add_event(app: PlannerApp, day: pendulum.Date) -> None:
    """The new-event form, for the day shown."""
    fields = [
        Field("title", "Title", "Board meeting"),
        Field("start", f"Start (HH:MM on {fmt(day, 'ddd D MMM')})", "14:00"),
        Field("end", "End (HH:MM)", "15:00"),
        Field("kind", "Kind", options=EVENT_KINDS, value="meeting"),
    ]

    def build(values: Values) -> Event:
        start = time_on_shown_day(app, day, values["start"], "start")
        end = time_on_shown_day(app, day, values["end"], "end")
        return make_event(title=values["title"], start=start, end=end, kind=values["kind"])  # type: ignore[arg-type]

    def done(values: Values | None) -> None:
        if values is not None:
            event = build(values)
            app.change(lambda d: new_event(d, event)[0], f"Event added: {event.title}")

    app.push_screen(FormScreen("New event", fields, refusal_of(build)), done)


def mark_time(app: PlannerApp, day: pendulum.Date, mark: str) -> None:
    """Mark a good moment to interrupt (`mark` "window") or block time ("block"), as one
    line: "HH:MM-HH:MM" and an optional note."""

    def build(value: str) -> Window:
        span, _, note = value.strip().partition(" ")
        start_text, sep, end_text = span.partition("-")
        if not sep:
            raise PlannerError("write the span as HH:MM-HH:MM, then an optional note")
        start = time_on_shown_day(app, day, start_text, "start")
        end = time_on_shown_day(app, day, end_text, "end")
        return make_window(start=start, end=end, mark=mark, note=note)  # type: ignore[arg-type]

    def check(value: str) -> tuple[bool, str]:
        try:
            window = build(value)
        except PlannerError as exc:
            return False, exc.message
        return (
            True,
            f"{fmt(window.start, 'ddd D MMM HH:mm')}–{fmt(window.end, 'HH:mm')} {window.note}",
        )

    def done(value: str | None) -> None:
        if value:
            window = build(value)
            label = "Good moment marked" if mark == "window" else "Time blocked"
            app.change(lambda d: mark_window(d, window)[0], label)

    title = "Mark a good moment" if mark == "window" else "Block time (do not disturb)"
    placeholder = (
        "14:30-15:00 come by after the call" if mark == "window" else "13:00-14:00 budget review"
    )
    app.push_screen(PromptScreen(title, placeholder=placeholder, check=check), done)


def import_ics(app: PlannerApp) -> None:
    """Ask for an .ics file (or a folder of them, or a URL), read it in a worker thread, ask
    which calendar it is (offering the one its events already belong to), then merge it in
    a worker thread: a large calendar never holds up the screen."""

    def done(value: str | None) -> None:
        if not value:
            return
        app.notify(f"Reading {Path(value).name or value}…", timeout=2)
        app.run_worker(lambda: _read(app, value.strip()), thread=True, group="import")

    app.push_screen(
        PromptScreen(
            "Import an .ics file (or a folder of them, or a URL)",
            placeholder="~/Downloads/calendar.ics",
            suggester=PathSuggester(),
        ),
        done,
    )


def _failed(app: PlannerApp, exc: PlannerError) -> None:
    if app.quitting.is_set():
        return  # cancelled by quitting: nothing was written
    app.call_from_thread(
        app.notify, exc.message, title="Import failed", severity="error", timeout=10
    )


def _read(app: PlannerApp, source: str) -> None:
    """In the worker thread: read the calendar, then ask on the UI thread which one it is."""
    from planner.calendar_import.importer import prepare_for
    from planner.commands.import_ics import read_source

    try:
        data, name, what = read_source(source)
        ready = prepare_for(
            app.document,
            app.clock,
            data,
            source_name=name,
            what=what,
            cancelled=app.quitting.is_set,
        )
    except PlannerError as exc:
        _failed(app, exc)
        return
    if app.quitting.is_set():
        return
    app.call_from_thread(_ask_calendar, app, ready)


def _ask_calendar(app: PlannerApp, ready: Prepared) -> None:
    known = sorted({e.calendar for e in app.document.events if e.calendar is not None})
    context = (
        f"{len(ready.read.events)} events read. Calendars now: {', '.join(known)}."
        if known
        else f"{len(ready.read.events)} events read."
    )
    if ready.suggested is not None and ready.suggested in known:
        context += f" These events are already in “{ready.suggested}”."

    def check(value: str) -> tuple[bool, str]:
        name = clean_line(value)
        if not name:
            return False, "give the calendar a name"
        if name in known:
            return True, f"updates “{name}”: events it no longer has are removed from it"
        return True, f"a new calendar “{name}”"

    def chosen(value: str | None) -> None:
        if value is None:
            return
        name = clean_line(value)
        before = app.document
        app.run_worker(lambda: _merge(app, before, ready, name), thread=True, group="import")

    app.push_screen(
        PromptScreen(
            "Which calendar is it?",
            value=ready.suggested or "",
            placeholder="work",
            check=check,
            context=context,
        ),
        chosen,
    )


def _merge(app: PlannerApp, before: Document, ready: Prepared, calendar: str) -> None:
    """In the worker thread: work the merge out on the document as it was, then hand it to
    the session on the UI thread (one change, undoable like any other)."""
    from planner.operations.calendars import import_calendar

    try:
        after, report = import_calendar(before, ready, calendar)
    except PlannerError as exc:
        _failed(app, exc)
        return
    if app.quitting.is_set():
        return
    app.call_from_thread(_merged, app, (before, after), ready, calendar, report)


def _merged(
    app: PlannerApp,
    worked_out: tuple[Document, Document],
    ready: Prepared,
    calendar: str,
    report: ImportReport,
) -> None:
    from planner.operations.calendars import import_calendar

    if app.quitting.is_set():
        return
    if app.change(lambda d: import_calendar(d, ready, calendar)[0], worked_out=worked_out):
        app.notify("\n".join(report.lines()), title="Imported", timeout=6)
