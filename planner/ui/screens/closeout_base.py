"""What the close-out screen's parts share: the day under review, the review as last
built, the document it was built from, and how the screen speaks.

`CloseoutScreen` (closeout.py) is put together from parts, one module each: the promises
step (closeout_promises.py) and the closing step (closeout_closing.py). Each part derives
from this base, which holds the screen's state, so no part has to declare another's.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pendulum
from textual.notifications import SeverityLevel
from textual.screen import Screen

from planner.closeout import Review
from planner.closeout.desk import DeskReview
from planner.domain.document import Document
from planner.domain.executive import Executive

if TYPE_CHECKING:
    from planner.ui.host import Host


class CloseoutBase(Screen[None]):
    """The close-out's state; see `CloseoutScreen`."""

    def __init__(self, date: pendulum.Date) -> None:
        super().__init__()
        self.date = date
        self.step = 0
        self.review: Review | None = None
        self.desk_review: DeskReview | None = None
        """On a desk of several executives: a review per executive (`review` then holds
        every executive's promises, for step 2)."""
        self.promise_order: list[str] = []
        """Step 2's rows (follow-up ids) in the order first shown: kept while the screen
        is open, so an answer never moves a row from under the cursor."""
        self.settled = False
        """The day is more than HISTORY_DAYS ago: read from the archives, never changed
        (as `ea-planner closeout` treats it)."""
        self.saved_path: Path | None = None
        """Where this screen last saved the summary."""
        self.note_executives: tuple[Executive, ...] = ()
        """On a desk of several executives: whose notes have a box of their own (each
        executive's notes, then the desk's)."""
        self._saving = False
        self._seen: tuple[object, str] | None = None
        self._leave_warned = False
        self._loading_history = False
        self._write_lock = threading.Lock()
        self._write_generation = 0

    @property
    def planner(self) -> Host:
        return cast("Host", self.app)

    @property
    def _review(self) -> Review:
        assert self.review is not None
        return self.review

    def _document(self) -> Document:
        """The live document; for a settled day, everything with the archives once loaded."""
        session = self.planner.session
        if not self.settled:
            return session.document
        if session.history is None and not self._loading_history:
            self._loading_history = True
            session.load_history(self._history_loaded)
        return session.history or session.document

    def _history_loaded(self, _history: Document) -> None:
        self._loading_history = False
        if self.is_attached:
            self.rebuild()

    def _say(
        self, message: str, *, severity: SeverityLevel = "information", timeout: float = 4
    ) -> None:
        """A notification holding untrusted text (names, summaries): never read as markup."""
        self.app.notify(message, severity=severity, timeout=timeout, markup=False)

    if TYPE_CHECKING:
        # The screen's own, called by its parts.

        def rebuild(self, select: str | None = None) -> None: ...

        def _show_step(self) -> None: ...


__all__ = ["CloseoutBase"]
