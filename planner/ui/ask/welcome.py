"""The first run's welcome: whom the EA works for, in which zone, and how to start."""

from __future__ import annotations

from dataclasses import dataclass

from planner.config import Settings
from planner.operations import settings as operations
from planner.ui.ask import Asker, Proposal
from planner.ui.dialogs.welcome import Start, WelcomeScreen

SAID: dict[Start, str] = {
    "sample": "A sample day is loaded: try Enter on a follow-up, ? for every key",
    "import": "",
    "empty": "Ready: a adds a follow-up, e an event, ? lists every key",
}


@dataclass(frozen=True)
class Welcomed:
    """The settings (and the sample day) to adopt, and how the EA chose to start."""

    change: Proposal[Settings]
    start: Start


async def welcome(asker: Asker, ea_zone: str) -> Welcomed | None:
    """The welcome screen; None when the EA leaves it."""
    answer = await asker.ask(WelcomeScreen(ea_zone))
    if answer is None:
        return None
    sample = None
    if answer.start == "sample":
        from planner.demo import sample_document

        sample = sample_document(asker.clock.now(), answer.timezone)
    change = Proposal(
        lambda d: operations.welcome(
            d,
            timezone=answer.timezone,
            executive_name=answer.executive_name,
            own_organization=answer.own_organization,
            assistant_name=answer.assistant_name,
            sample=sample,
        ),
        SAID[answer.start],
    )
    return Welcomed(change, answer.start)
