"""How a change reaches the document from the dashboard: through the session, at once on
screen, saved in the background by one writer, undoable with `u` (one change at a time,
the latest first); `document_changed` tells every screen. Screens ask for changes with the
messages of planner.ui.messages, handled here."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from textual.app import App
from textual.signal import Signal

from planner.domain.document import Document
from planner.errors import PlannerError
from planner.operations import Change
from planner.storage import Store
from planner.ui.ask import Proposal
from planner.ui.messages import Applied, ChangeRequested, UndoRequested, run_sequence
from planner.ui.session import Session

if TYPE_CHECKING:
    from planner.domain import FollowUp

T = TypeVar("T")


class Changes(App[int]):
    """The app's side of every change: apply, carry out a proposal, save, undo."""

    store: Store
    session: Session
    document_changed: Signal[Document]

    @property
    def document(self) -> Document:
        """The document as the dashboard shows it (in memory, saved or being saved)."""
        return self.session.document

    def change(
        self,
        change: Callable[[Document], Document],
        done: str = "",
        *,
        worked_out: tuple[Document, Document] | None = None,
    ) -> bool:
        """Apply a change now and save it in the background; False (and a message) if refused.

        The row shows the change at once, the header says "saving…" while it is not on
        disk, and `done` is said only once it is (a kill -9 before that loses nothing the
        EA was told was saved). `worked_out`: see `Session.apply`."""

        def saved(document: Document) -> None:
            self._saved(document)
            if done:
                self.notify(done, timeout=3)

        try:
            self.session.apply(
                change,
                on_saved=saved,
                on_failed=self._save_failed,
                worked_out=worked_out,
                said=done,
            )
        except PlannerError as exc:
            self.notify(exc.message, title="Not done", severity="error")
            return False
        self.document_changed.publish(self.document)
        return True

    def apply(
        self,
        change: Change[T],
        done: str = "",
        *,
        worked_out: tuple[Document, tuple[Document, T]] | None = None,
    ) -> Applied[T] | None:
        """`change` (an operation of planner.operations, its arguments bound) applied as
        `change` applies it, with what it returned; None (and a message) if refused.
        `worked_out` is (a document, what `change` returned for it), worked out off the UI
        thread (a large import): taken as is while the document is still that one."""
        results: list[T] = []

        def plain(document: Document) -> Document:
            after, result = change(document)
            if not results:  # the first application is the one in memory
                results.append(result)
            return after

        whole = None
        if worked_out is not None and worked_out[0] is self.session.document:
            before, (after, result) = worked_out
            results.append(result)
            whole = (before, after)
        if not self.change(plain, done, worked_out=whole) or not results:
            return None
        return Applied(results[0])

    def carry_out(self, proposal: Proposal[T] | None) -> Applied[T] | None:
        """Apply what a dialog sequence proposes, through the session; None if there is
        nothing to apply or the change was refused."""
        if proposal is None:
            return None
        return self.apply(proposal.change, proposal.done, worked_out=proposal.worked_out)

    async def settle(self, sequence: Awaitable[Proposal[T] | None]) -> Applied[T] | None:
        """Run one of the app's own dialog sequences (planner.ui.ask: the welcome, the
        settings) to its end and carry out its proposal. A screen posts its proposal
        instead (`planner.ui.messages.settle`)."""
        return self.carry_out(await run_sequence(self, sequence))

    def on_change_requested(self, message: ChangeRequested) -> None:
        """A screen asks for a change: carried out here, the outcome given back. Handed
        over at once and also queued (planner.ui.messages.propose): carried out once."""
        message.stop()
        if message.outcome.done():
            return
        try:
            applied = self.carry_out(message.proposal)
        except BaseException as error:
            if not message.outcome.done():
                message.outcome.set_exception(error)
            raise
        if not message.outcome.done():
            message.outcome.set_result(applied)

    def on_undo_requested(self, message: UndoRequested) -> None:
        message.stop()
        self.action_undo()

    def _saved(self, document: Document) -> None:
        if self.session.pending == 0:
            self.document_changed.publish(document)

    def _save_failed(self, error: BaseException) -> None:
        message = error.message if isinstance(error, PlannerError) else str(error)
        self.notify(f"Not saved: {message}", title="Save failed", severity="error", timeout=10)
        self.bell()
        with contextlib.suppress(PlannerError):
            self.session.document = self.store.load()
        self.document_changed.publish(self.document)

    def find_followup(self, followup_id: str) -> FollowUp | None:
        for source in (self.document, self.session.history):
            if source is None:
                continue
            for f in source.followups:
                if f.id == followup_id:
                    return f
        return None

    def action_undo(self, force: bool = False) -> None:
        """Take back the last change; only its own fields and log entries (see Session)."""
        from planner.storage.patch import UndoConflict

        undone_words = undone_said(self.session.undo_words)

        def saved(document: Document) -> None:
            self._saved(document)
            self.notify(undone_words, timeout=3, markup=False)

        try:
            undone = self.session.undo(on_saved=saved, on_failed=self._undo_failed, force=force)
        except UndoConflict as conflict:
            self._ask_undo_anyway(conflict)
            return
        if not undone:
            self.notify("Nothing to undo", severity="warning", timeout=2)
            return
        self.document_changed.publish(self.document)

    def _undo_failed(self, error: BaseException) -> None:
        from planner.storage.patch import UndoConflict

        if not isinstance(error, UndoConflict):
            self._save_failed(error)
            return
        with contextlib.suppress(PlannerError):
            self.session.document = self.store.load()
        self.document_changed.publish(self.document)
        self._ask_undo_anyway(error)

    def _ask_undo_anyway(self, conflict: PlannerError) -> None:
        """Another process changed what the undo would revert: say so, and ask."""
        from planner.ui.dialogs.choice import ChoiceScreen

        def answer(choice: str | None) -> None:
            if choice == "force":
                self.action_undo(force=True)

        self.push_screen(
            ChoiceScreen(
                f"Not undone yet: {conflict.message}. Undo anyway?",
                [("keep", "Keep the other change (do not undo)"), ("force", "Undo anyway")],
            ),
            answer,
        )


def undone_said(done: str) -> str:
    """What `u` says once the undo is saved, naming the change it took back: "Resolved:
    Marcus Bell · Contoso" becomes "Undone: resolved Marcus Bell · Contoso"."""
    if not done:
        return "Undone (saved)"
    verb, colon, rest = done.partition(": ")
    if colon and " " not in verb:
        done = f"{verb} {rest}"
    return f"Undone: {done[:1].lower()}{done[1:]}"
