"""The dashboard's background calendar sync: due subscriptions on a worker thread, `R` now.

The UI never waits on the network: every fetch runs in a thread worker (one at
a time). Nothing is imported or started before the first frame is up. When a
sync has changed the document, the session's poll picks the new file up and
the screens redraw; the header reads `freshness()` each time it draws.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from planner.sync.status import freshness

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from planner.clock import Clock
    from planner.config import Subscription
    from planner.storage import Store
    from planner.sync.run import SyncOutcome

CHECK_SECONDS = 30.0
"""How often the dashboard looks for a subscription that is due (each has its own `every`)."""


class BackgroundSync:
    """Runs `planner.sync.run.sync_due` on a worker thread, and says how fresh the schedule is."""

    def __init__(
        self,
        app: App[Any],
        store: Store,
        clock: Clock,
        *,
        subscriptions: Callable[[], tuple[Subscription, ...]],
        on_done: Callable[[list[SyncOutcome], bool], None],
    ) -> None:
        self.app = app
        self.store = store
        self.clock = clock
        self.subscriptions = subscriptions
        """The subscriptions of the document the dashboard holds (no file read)."""
        self.on_done = on_done
        """Called on the UI thread after each run: the outcomes, and whether `R` asked."""
        self.running = False
        self._timer: Timer | None = None
        self._again = False

    def start(self) -> None:
        """Check now and every CHECK_SECONDS (call once the first frame is up)."""
        if self._timer is None:
            self._timer = self.app.set_interval(CHECK_SECONDS, self.check)
            self.check()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def check(self) -> None:
        """Sync what is due, in the background."""
        self._run(everything=False)

    def now(self) -> bool:
        """Sync every subscription now (`R`); False when there is none."""
        if not self.subscriptions():
            return False
        if self.running:
            self._again = True
        else:
            self._run(everything=True)
        return True

    def _run(self, *, everything: bool) -> None:
        if self.running or not self.subscriptions():
            return
        self.running = True
        self.app.run_worker(
            lambda: self._work(everything), thread=True, group="calendar-sync", exit_on_error=False
        )

    def _work(self, everything: bool) -> None:
        from planner.sync.run import sync_due

        try:
            outcomes = sync_due(self.store, self.clock, everything=everything)
        except Exception as exc:  # a storage error: say it, keep the dashboard running
            from planner.sync.run import SyncOutcome

            message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
            outcomes = [SyncOutcome(name="calendars", error=message)]
        self.app.call_from_thread(self._finished, outcomes, everything)

    def _finished(self, outcomes: list[SyncOutcome], everything: bool) -> None:
        self.running = False
        self.on_done(outcomes, everything)
        if self._again:
            self._again = False
            self._run(everything=True)

    def freshness(self, timezone: str, only: Callable[[Subscription], bool] | None = None) -> str:
        """The header's line: last synced, or which calendar is stale and why; with `only`,
        of the calendars it keeps (one executive's)."""
        from zoneinfo import ZoneInfo

        from planner.storage.syncstate import load_state

        subscriptions = self.subscriptions()
        if only is not None:
            subscriptions = tuple(s for s in subscriptions if only(s))
        if not subscriptions:
            return ""
        return freshness(
            subscriptions,
            load_state(self.store).calendars,
            ZoneInfo(timezone),
            syncing=self.running,
        )
