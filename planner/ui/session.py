"""The dashboard's hold on the data: the document in memory, changed at once,
saved in order by one background writer so that no keystroke waits on a disk.

Nothing here imports Textual; the app passes callbacks that hop back onto its
own thread (`App.call_from_thread`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from planner.clock import Clock
from planner.domain.document import Document
from planner.storage import Store
from planner.storage.patch import Patch, UndoConflict, apply_patch, undo_patch

Change = Callable[[Document], Document]
UNDO_DEPTH = 100
"""How many changes back `u` can go."""
Callback = Callable[[Callable[[], None]], None]
"""Runs a function on the UI thread (e.g. `App.call_from_thread`)."""


class Session:
    """The live document plus a single writer thread and the undo of each change made here,
    newest first."""

    def __init__(self, store: Store, clock: Clock, *, on_ui_thread: Callback | None = None) -> None:
        self.store = store
        self.clock = clock
        self.document = store.load()
        self.signature = store.signature()
        self.pending = 0
        """Changes applied in memory and not yet on disk."""
        self.undo_patches: list[Patch] = []
        """What takes back each change made here, the latest last (at most UNDO_DEPTH)."""
        self.undo_said: list[str] = []
        """What each of those changes did, in words ("Resolved: …"; "" when unsaid)."""
        self.history: Document | None = None
        """Everything including the archives, loaded on demand (filtering)."""
        self.on_ui_thread: Callback = on_ui_thread or (lambda fn: fn())
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ea-planner-writer")

    # -- changes -----------------------------------------------------------

    def apply(
        self,
        change: Change,
        *,
        on_saved: Callable[[Document], None],
        on_failed: Callable[[BaseException], None],
        undoable: bool = True,
        worked_out: tuple[Document, Document] | None = None,
        said: str = "",
    ) -> Document:
        """Apply `change` now in memory, then save it in the background.

        The same change is re-applied under the store's lock to the freshest
        document on disk, so changes made meanwhile by another process survive.
        Raises what the change raises (e.g. InputError) before anything is queued.
        `worked_out` is (a document, `change` applied to it), worked out off the UI
        thread (a large import): taken as is while the document is still that one.
        `said`: what the change does, in words, for the undo to name.
        """
        before = self.document
        if worked_out is not None and worked_out[0] is before:
            after = worked_out[1]
        else:
            after = change(before)
        if after is before:
            return before
        self.document = after
        self.history = None
        if undoable:
            self.undo_patches.append(undo_patch(before, after))
            self.undo_said.append(said)
            del self.undo_patches[:-UNDO_DEPTH]
            del self.undo_said[:-UNDO_DEPTH]
        self.pending += 1
        future = self._writer.submit(self.store.update, change)
        future.add_done_callback(
            lambda f: self.on_ui_thread(lambda: self._saved(f, on_saved, on_failed))
        )
        return after

    def undo(
        self,
        *,
        on_saved: Callable[[Document], None],
        on_failed: Callable[[BaseException], None],
        force: bool = False,
    ) -> bool:
        """Take back the latest change not yet taken back, field by field, on top of what is
        on disk now; each `u` goes one change further back.

        False when there is nothing to undo. Raises UndoConflict (and keeps the undo)
        when another process changed the same fields since: ask, then `force=True`.
        The same conflict found on disk under the lock reaches `on_failed`, undo kept."""
        while self.undo_patches and self.undo_patches[-1].empty:
            self.undo_patches.pop()
            self.undo_said.pop()
        if not self.undo_patches:
            return False
        patch, said = self.undo_patches[-1], self.undo_said[-1]

        def failed(error: BaseException) -> None:
            if isinstance(error, UndoConflict):
                self.undo_patches.append(patch)
                self.undo_said.append(said)
            on_failed(error)

        self.apply(
            lambda d: apply_patch(d, patch, force=force),
            on_saved=on_saved,
            on_failed=failed,
            undoable=False,
        )
        self.undo_patches.pop()
        self.undo_said.pop()
        return True

    @property
    def undo_words(self) -> str:
        """What the change `u` takes back next did, in words ("" when unsaid or none)."""
        while self.undo_patches and self.undo_patches[-1].empty:
            self.undo_patches.pop()
            self.undo_said.pop()
        return self.undo_said[-1] if self.undo_said else ""

    @property
    def undo_patch(self) -> Patch | None:
        """The undo `u` takes next, if any."""
        return self.undo_patches[-1] if self.undo_patches else None

    def _saved(
        self,
        future: Future[Document],
        on_saved: Callable[[Document], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        self.pending -= 1
        error = future.exception()
        if error is not None:
            on_failed(error)
            return
        if self.pending == 0:
            # Adopt the document as saved: it includes what other processes wrote. When it
            # is what memory holds already (the usual case), memory's stays, so that the
            # screens can tell nothing they show has changed.
            saved = future.result()
            if saved != self.document:
                self.document = saved
            self.signature = self.store.signature()
        on_saved(self.document)

    # -- changes made elsewhere --------------------------------------------

    def poll(self, on_changed: Callable[[Document], None]) -> None:
        """If planner.json changed on disk (another process), reload it off the UI thread."""
        if self.pending:
            return
        try:
            signature = self.store.signature()
        except Exception:
            return
        if signature == self.signature:
            return

        def load() -> tuple[Document, tuple[int, int, int] | None]:
            return self.store.load(), self.store.signature()

        def done(future: Future[tuple[Document, tuple[int, int, int] | None]]) -> None:
            def adopt() -> None:
                if future.exception() is not None or self.pending:
                    return
                document, sig = future.result()
                self.signature = sig
                if document != self.document:
                    self.document = document
                    self.history = None
                    on_changed(document)

            self.on_ui_thread(adopt)

        self.signature = signature
        self._writer.submit(load).add_done_callback(done)

    def load_history(self, on_loaded: Callable[[Document], None]) -> None:
        """Everything, archives included, loaded off the UI thread."""
        if self.history is not None:
            on_loaded(self.history)
            return

        def done(future: Future[Document]) -> None:
            def adopt() -> None:
                if future.exception() is None:
                    self.history = future.result()
                    on_loaded(self.history)

            self.on_ui_thread(adopt)

        self._writer.submit(self.store.history).add_done_callback(done)

    def close(self) -> None:
        """Wait for every queued save to reach the disk."""
        self._writer.shutdown(wait=True)
