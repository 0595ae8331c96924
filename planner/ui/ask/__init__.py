"""One way to ask: dialog sequences written top to bottom.

Each sequence is a coroutine run in a worker (`@work`): it asks step after step
(`await asker.ask(PromptScreen(...))`) and returns a `Proposal`, a plain change of the
document (an operation of planner.operations, its arguments bound) with the words that
say it was done, or None when the EA cancelled. A screen posts the proposal up to the
app (`planner.ui.messages.settle`), which applies it through the session: at once on
screen, saved in the background, undoable with `u`. The dashboard, the follow-up detail view and the
close-out run the same sequences.

A sequence knows the dashboard only through the `Asker`: it asks, reads the document
and the clock, and tells; it never changes the document itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import pendulum
from textual.app import App
from textual.screen import Screen

from planner.clock import Clock
from planner.config import Settings, executive_zone
from planner.domain.document import Document
from planner.operations import Change

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Proposal(Generic[T]):
    """A change the EA asked for, not applied yet."""

    change: Change[T]
    """The operation, its arguments bound."""
    done: str = ""
    """Said once the change is on disk."""
    worked_out: tuple[Document, tuple[Document, T]] | None = None
    """(a document, what `change` returned for it), worked out off the UI thread: see
    `PlannerApp.apply`."""


class Asker:
    """What a dialog sequence may use: ask with a dialog, read the document and the clock,
    and tell the EA something. On a desk of several executives, an asker works for one of
    them (`for_executive`): their rules and zone read the times typed, and the records it
    adds are theirs."""

    def __init__(
        self,
        app: App[Any],
        document: Callable[[], Document],
        clock: Clock,
        executive: str | None = None,
    ) -> None:
        self._app = app
        self._document = document
        self.clock = clock
        self.executive = executive
        """The id of the executive the sequence works for; None: the first, or on the
        dashboard's "all" view, whoever a quick-add line names."""

    def for_executive(self, executive: str | None) -> Asker:
        """The same asker, working for the executive of id `executive`."""
        return Asker(self._app, self._document, self.clock, executive)

    @property
    def owner(self) -> str:
        """The `executive` of the records this asker adds: the id of the executive worked
        for, else the first's — on a desk of one too, as `ea-planner add` writes a line that
        names no one (a follow-up of no executive is the desk's own, only when said)."""
        return self.executive or self.document.first_executive_id

    async def ask(self, screen: Screen[R]) -> R:
        """Show the dialog `screen` and wait for its answer."""
        return await self._app.push_screen_wait(screen)

    @property
    def document(self) -> Document:
        """The document as it is now (in memory)."""
        return self._document()

    @property
    def settings(self) -> Settings:
        """The rules of the executive worked for: the desk's facts with their zone,
        workday and rules."""
        return self.document.rules_for(self.executive)

    @property
    def timezone(self) -> str:
        """The executive's zone."""
        return executive_zone(self.settings)

    def now(self) -> pendulum.DateTime:
        """Now, in the executive's zone."""
        return self.clock.now().in_tz(self.timezone)

    def tell(self, message: str, *, title: str = "", error: bool = False) -> None:
        """A notification, its text shown as written (never read as markup)."""
        self._app.notify(
            message,
            title=title,
            severity="error" if error else "information",
            timeout=10 if error else 4,
            markup=False,
        )


__all__ = ["Asker", "Proposal"]
