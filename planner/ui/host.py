"""What a screen may see of the app that shows it: `Host`.

The screens of planner/ui/screens read the document, the clock and the session's state
through the app, and listen to its signals; they ask it for changes with messages
(planner.ui.messages). They name the app by this protocol, not by `PlannerApp`: the app
imports every screen, so a screen importing the app (even for a type hint, which is
still an import to the import rules) would close a cycle. `PlannerApp` is checked to be a
`Host` (tests/ui/test_messages.py).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import pendulum
    from textual.signal import Signal

    from planner.clock import Clock
    from planner.domain import FollowUp
    from planner.domain.document import Document
    from planner.preferences import Preferences
    from planner.storage import Store
    from planner.ui.ask import Asker
    from planner.ui.session import Session
    from planner.ui.sync import BackgroundSync


@runtime_checkable
class Host(Protocol):
    """The dashboard app as its screens see it."""

    store: Store
    clock: Clock
    session: Session
    asker: Asker
    """What the dialog sequences (planner.ui.ask) ask and read through."""
    ea_zone: str
    """The EA's own zone."""
    preferences: Preferences
    calendar_sync: BackgroundSync
    quitting: threading.Event
    """Set when the dashboard quits: a running import stops and writes nothing."""
    document_changed: Signal[Document]
    minute_passed: Signal[pendulum.DateTime]
    calendars_synced: Signal[None]

    @property
    def document(self) -> Document:
        """The document as the dashboard shows it (in memory, saved or being saved)."""
        ...

    @property
    def timezone(self) -> str:
        """The (first) executive's zone."""
        ...

    def now(self) -> pendulum.DateTime:
        """Now, in the executive's zone."""
        ...

    def today(self) -> pendulum.Date:
        """Today, in the executive's zone."""
        ...

    def find_followup(self, followup_id: str) -> FollowUp | None:
        """The follow-up of that id, open or archived; None if there is none."""
        ...


__all__ = ["Host"]
