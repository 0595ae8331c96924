"""The first run's welcome: whom the EA works for, in which zone, and how to start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.config import Settings
from planner.domain.document import Document
from planner.operations import settings as operations
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
    sample = None
    if answer.start == "sample":
        from planner.demo import sample_document

        sample = sample_document(app.clock.now(), answer.timezone)

    def settle(document: Document) -> tuple[Document, Settings]:
        return operations.welcome(
            document,
            timezone=answer.timezone,
            executive_name=answer.executive_name,
            own_organization=answer.own_organization,
            assistant_name=answer.assistant_name,
            sample=sample,
        )

    done = {
        "sample": "A sample day is loaded: try Enter on a follow-up, ? for every key",
        "import": "",
        "empty": "Ready: a adds a follow-up, e an event, ? lists every key",
    }[answer.start]
    if app.apply(settle, done):
        app.dashboard.show_date(app.today())
    if answer.start == "import":
        app.dashboard.action_import_ics()
