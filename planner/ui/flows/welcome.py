"""The first run's welcome: whom the EA works for, in which zone, and how to start."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from planner.domain.document import Document
from planner.text import clean_line
from planner.ui.screens.welcome import WelcomeAnswer, WelcomeScreen

if TYPE_CHECKING:
    from planner.ui.app import PlannerApp


def welcome(app: PlannerApp) -> None:
    """Offer the welcome screen; its answer is adopted by `welcomed`."""
    app.push_screen(WelcomeScreen(app.ea_zone), lambda answer: welcomed(app, answer))


def welcomed(app: PlannerApp, answer: WelcomeAnswer | None) -> None:
    """Adopt the welcome's answer: the settings, and the sample day or an import if asked."""
    if answer is None:
        return
    name = clean_line(answer.executive_name)
    organization = clean_line(answer.own_organization)
    assistant = clean_line(answer.assistant_name)
    sample = None
    if answer.start == "sample":
        from planner.demo import sample_document

        sample = sample_document(app.clock.now(), answer.timezone)

    def settle(document: Document) -> Document:
        base = sample.settings if sample is not None else document.settings
        settings = msgspec.structs.replace(
            base,
            executive_name=name or base.executive_name,
            timezone=answer.timezone,
            own_organization=organization or base.own_organization,
            assistant_name=assistant or base.assistant_name,
        )
        if sample is None:
            return msgspec.structs.replace(document, settings=settings)
        # Added to whatever is there: another terminal may have written meanwhile.
        return msgspec.structs.replace(
            document,
            settings=settings,
            events=(*document.events, *sample.events),
            followups=(*document.followups, *sample.followups),
            briefs=(*document.briefs, *sample.briefs),
            windows=(*document.windows, *sample.windows),
        )

    done = {
        "sample": "A sample day is loaded: try Enter on a follow-up, ? for every key",
        "import": "",
        "empty": "Ready: a adds a follow-up, e an event, ? lists every key",
    }[answer.start]
    if app.change(settle, done):
        app.dashboard.show_date(app.today())
    if answer.start == "import":
        app.dashboard.action_import_ics()
