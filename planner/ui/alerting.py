"""Alerts on screen: a promise falling due, a brief to deliver now, each shown once (and once
only across `ea-planner remind` too), with the bell if the EA wants it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pendulum
from textual.app import App

from planner.clock import Clock
from planner.domain.document import Document
from planner.errors import PlannerError
from planner.humanize import fmt
from planner.preferences import Preferences
from planner.scheduling import Packing
from planner.storage import Store

if TYPE_CHECKING:
    from planner.alerts import Alert
    from planner.ui.screens.dashboard import DashboardScreen

ALERT_SECONDS = 20
"""How long an alert's notification stays on screen."""


class Alerting(App[int]):
    """Mixed into the app: the alerts due now, notified once."""

    preferences: Preferences
    store: Store
    clock: Clock
    fired_alerts: set[str]
    ea_zone: str
    _alert_packing: tuple[object, Packing] | None

    if TYPE_CHECKING:

        @property
        def document(self) -> Document: ...

        @property
        def timezone(self) -> str: ...

        @property
        def dashboard(self) -> DashboardScreen: ...

    def check_alerts(self) -> list[Alert]:
        """Notify (and ring) the alerts due now that have not fired yet; return them."""
        if not self.preferences.alerts:
            return []
        from planner.alerts import due_alerts

        now = self.clock.now()
        if len(self.document.roster) > 1:
            from planner.alerts import desk_alerts

            # Each executive's alerts from their own records, in their zone, named.
            alerts = desk_alerts(self.document, now, self.fired_alerts, ea_zone=self.ea_zone)
        else:
            alerts = due_alerts(
                self.document,
                now,
                self.fired_alerts,
                packing=self._packing_for_alerts(now),
                tz=self.timezone,
            )
        if alerts:
            self.fired_alerts.update(a.key for a in alerts)
            alerts = self._claim_alerts(alerts, now)
        for alert in alerts:
            self.notify(
                alert.message, title=alert.title, severity=alert.severity, timeout=ALERT_SECONDS
            )
        if alerts and self.preferences.bell:
            self.bell()
        return alerts

    def _claim_alerts(self, alerts: list[Alert], now: Any) -> list[Alert]:
        """Those of `alerts` that `ea-planner remind` has not given already (alerted.json);
        all of them when that record cannot be read or written."""
        from planner.storage.alerted import claim

        try:
            return claim(self.store, alerts, now)
        except PlannerError:
            return alerts

    def _packing_for_alerts(self, now: Any) -> Packing | None:
        """Today's packed brief queue: the shown day's when it is today, else computed once a
        minute (not on every tick)."""
        if not any(b.queued for b in self.document.briefs):
            return None
        day = self.dashboard.day if self.screen_stack else None
        if day is not None and day.is_today and day.packing is not None:
            return day.packing
        local = pendulum.instance(now).in_tz(self.timezone)
        stamp = (id(self.document), fmt(local, "YYYY-MM-DD HH:mm"))
        if self._alert_packing is None or self._alert_packing[0] != stamp:
            from planner.alerts import today_packing

            self._alert_packing = (stamp, today_packing(self.document, now, self.timezone))
        return self._alert_packing[1]
