"""How a screen asks the app for a change: small messages posted upward.

A screen never changes the document, the undo history or the preferences itself, and
never calls the app to do it: it posts a message up to the app, which handles each kind
in one place (`PlannerApp.on_change_requested`, `on_undo_requested`, `on_sync_requested`,
`on_view_chosen`). Changes come back down by the app's `document_changed` signal, to
every screen that shows the document.

A `ChangeRequested` carries a `Proposal` (an operation with its arguments bound and the
words that say it was done) and answers on its `outcome`: what the change returned, or
None when the session refused it. A screen awaits the outcome in a worker, or adds a
callback from a plain action (an action runs while the app handles a key, so it cannot
wait for the app).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump

from planner.domain.document import Document
from planner.errors import PlannerError
from planner.operations import Change
from planner.ui.ask import Proposal

T = TypeVar("T")


@dataclass(frozen=True)
class Applied(Generic[T]):
    """A change the session took: what its operation returned (the new record, a report)."""

    result: T


class ChangeRequested(Message):
    """Carry out `proposal` through the session: at once in memory and on screen, saved in
    the background, undoable with `u`. The app sets `outcome` once it has applied it (or
    refused it: None, and the refusal said)."""

    def __init__(self, proposal: Proposal[Any]) -> None:
        super().__init__()
        self.proposal = proposal
        self.outcome: asyncio.Future[Applied[Any] | None] = (
            asyncio.get_running_loop().create_future()
        )


class UndoRequested(Message):
    """Take back the latest change (`u`), as the app's own `u` does."""


class SyncRequested(Message):
    """Sync every subscribed calendar now (`R`)."""


class ViewChosen(Message):
    """The EA chose whose records the dashboard shows (an executive's id, or "all"): the
    app remembers it in preferences.toml."""

    def __init__(self, view: str) -> None:
        super().__init__()
        self.view = view


def request_change(
    sender: MessagePump,
    change: Change[T],
    done: str = "",
    *,
    then: Callable[[Applied[T] | None], object] | None = None,
) -> asyncio.Future[Applied[T] | None]:
    """Post a change upward from `sender` (a screen): `change` an operation with its
    arguments bound, `done` what is said once it is saved. `then` is called with the
    outcome once the app has applied (or refused) it; the outcome can be awaited too."""
    return propose(sender, Proposal(change, done), then=then)


def propose(
    sender: MessagePump,
    proposal: Proposal[T],
    *,
    then: Callable[[Applied[T] | None], object] | None = None,
) -> asyncio.Future[Applied[T] | None]:
    """Post a dialog sequence's proposal upward from `sender`; see `request_change`."""
    message = ChangeRequested(proposal)
    outcome = cast("asyncio.Future[Applied[T] | None]", message.outcome)
    if then is not None:
        outcome.add_done_callback(lambda done: done.cancelled() or then(done.result()))
    # Posted to the app itself rather than bubbled through the screen: a screen leaving
    # at once (a detail view after a delete, a close-out escaped with keys typed ahead)
    # would drop a message still waiting in its own queue.
    app = sender.app
    app.post_message(message)
    # And handed to the app's handler at once (the queued copy then finds it carried out):
    # from the queue it would come a frame or more after the dialog that proposed it
    # closed, and the dashboard would be drawn twice, first without the change (quick-add's
    # Enter to the new row took twice the work).
    handler = getattr(app, message.handler_name, None)
    if handler is not None:
        handler(message)
    return outcome


def request_undo(sender: MessagePump) -> None:
    """Ask the app to take back the latest change, as `u` does."""
    sender.app.post_message(UndoRequested())


def request_sync(sender: MessagePump) -> None:
    """Ask the app to sync the subscribed calendars now, as `R` does."""
    sender.app.post_message(SyncRequested())


def choose_view(sender: MessagePump, view: str) -> None:
    """Tell the app whose records the dashboard now shows, to remember it."""
    sender.app.post_message(ViewChosen(view))


def plain_change(change: Callable[[Document], Document]) -> Change[None]:
    """An operation of a change that returns only the new document."""
    return lambda document: (change(document), None)


async def run_sequence(
    app: App[Any], sequence: Awaitable[Proposal[T] | None]
) -> Proposal[T] | None:
    """Run a dialog sequence (planner.ui.ask) to its end: its proposal, or None when the
    EA cancelled. A refusal is said; an unexpected error is reported and logged, and the
    dashboard carries on (None)."""
    try:
        return await sequence
    except PlannerError as exc:
        app.notify(exc.message, title="Not done", severity="error")
        return None
    except Exception as error:
        from planner.ui.guard import report

        report(app, error, where="a dialog sequence")
        return None


async def settle(sender: MessagePump, sequence: Awaitable[Proposal[T] | None]) -> Applied[T] | None:
    """From a screen's worker: run a dialog sequence to its end and post what it proposes
    upward; what the change returned once the app has applied it, or None (cancelled,
    refused, failed)."""
    proposal = await run_sequence(sender.app, sequence)
    if proposal is None:
        return None
    return await propose(sender, proposal)


__all__ = [
    "Applied",
    "ChangeRequested",
    "SyncRequested",
    "UndoRequested",
    "ViewChosen",
    "choose_view",
    "plain_change",
    "propose",
    "request_change",
    "request_sync",
    "request_undo",
    "run_sequence",
    "settle",
]
