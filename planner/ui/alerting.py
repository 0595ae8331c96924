"""Alerts on screen: a promise falling due, a brief to deliver now, each shown once (and once
only across `ea-planner remind` too), with the bell if the EA wants it."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import pendulum
from textual.app import App
from textual.screen import ModalScreen

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

_ON_SCREEN_SECONDS = ALERT_SECONDS + 5
"""How long after it was shown an alert may still be on screen, to withdraw under a dialog."""


class Alerting(App[int]):
    """Mixed into the app: the alerts due now, notified once."""

    preferences: Preferences
    store: Store
    clock: Clock
    fired_alerts: set[str]
    ea_zone: str
    _alert_packing: tuple[object, Packing] | None
    _held_alerts: list[Alert]
    """Alerts due while a dialog was open, shown when it closes."""
    _alerts_on_screen: dict[tuple[str, str], tuple[Alert, float]]
    """The alerts shown, by (title, message), with when: withdrawn if a dialog opens."""

    if TYPE_CHECKING:

        @property
        def document(self) -> Document: ...

        @property
        def timezone(self) -> str: ...

        @property
        def dashboard(self) -> DashboardScreen: ...

    def check_alerts(self) -> list[Alert]:
        """Notify (and ring) the alerts due now that have not fired yet; return them.

        While a dialog is open its alerts are held, the bell rung at once, and shown when it
        closes: a toast would cover the dialog's last field or its key hint (at 80x24 the
        dialog leaves no room), so the EA would type blind. An alert still on screen when a
        dialog opens is withdrawn and held with them."""
        if not self.preferences.alerts:
            return []
        if self._in_dialog():
            self._withdraw_alerts()
        elif self._held_alerts:
            held, self._held_alerts = self._held_alerts, []
            self._show_alerts(held)
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
        if self._in_dialog():
            self._held_alerts.extend(alerts)
        else:
            self._show_alerts(alerts)
        if alerts and self.preferences.bell:
            self.bell()
        return alerts

    def _in_dialog(self) -> bool:
        """A dialog (the quick-add, a form, the morning notes …) is on top."""
        return bool(self.screen_stack) and isinstance(self.screen, ModalScreen)

    def _show_alerts(self, alerts: list[Alert]) -> None:
        for alert in alerts:
            self.notify(
                alert.message, title=alert.title, severity=alert.severity, timeout=ALERT_SECONDS
            )
            self._alerts_on_screen[(alert.title, alert.message)] = (alert, time.monotonic())

    def _withdraw_alerts(self) -> None:
        """Take the alerts still on screen off it, to show again once the dialog closes."""
        if not self._alerts_on_screen:
            return
        recent = time.monotonic() - _ON_SCREEN_SECONDS
        shown = {k: v for k, v in self._alerts_on_screen.items() if v[1] >= recent}
        self._alerts_on_screen = {}
        for notification in list(self._notifications):
            entry = shown.pop((notification.title, notification.message), None)
            if entry is not None:
                self._unnotify(notification)
                self._held_alerts.append(entry[0])

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
