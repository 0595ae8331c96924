"""What the dashboard screen's parts share: the day shown, the executive in view, the app.

`DashboardScreen` (dashboard.py) is put together from parts, one module each: the
follow-ups filter (dashboard_filter.py) and the actions that ask and change
(dashboard_actions.py). Each part derives from this base, which holds the screen's state,
so no part has to declare another's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import pendulum
from textual.actions import SkipAction
from textual.screen import Screen
from textual.widgets import Input

from planner.day import Day
from planner.ui.desk_view import DeskDay

if TYPE_CHECKING:
    from planner.domain.document import Document
    from planner.ui.host import Host


class DashboardBase(Screen[None]):
    """The dashboard's state; see `DashboardScreen`."""

    def __init__(self, shown_date: pendulum.Date) -> None:
        super().__init__(id="dashboard")
        self.shown_date = shown_date
        """The day the panes show (`[`, `]` and `t` move it)."""
        self.day: Day | None = None
        """The day as last drawn."""
        self.desk: DeskDay | None = None
        """The day as last drawn, with whose it is (several executives: each one's)."""
        self.in_view: str | None = None
        """The id of the executive whose records the panes show; None: all of them (a desk
        of several executives). The EA's choice, not data: `v` cycles it, preferences.toml
        remembers it."""
        self._view_wanted = ""
        self._zone = ""
        """The executive's zone the day was last drawn in."""
        self._drawn: tuple[Document, bool] | None = None
        """The document the day was last drawn from, and whether it was being saved."""

    @property
    def planner(self) -> Host:
        return cast("Host", self.app)

    def _typed_here(self) -> None:
        """Keys that open something to type into act at once (priority bindings); while
        typing in the filter box, the key is only typed."""
        if isinstance(self.focused, Input):
            raise SkipAction()


__all__ = ["DashboardBase"]
