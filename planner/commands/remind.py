"""`ea-planner remind`: the dashboard's alerts when the dashboard is closed.

    ea-planner remind                   check once, notify, exit (for a timer or cron)
    ea-planner remind --watch           keep checking every 30 s until stopped
    ea-planner remind --within 30       promises due within 30 minutes alert as due

Each alert (a promise due soon or just broken, a brief at its deadline, a good
moment starting with briefs to tell) is given once: the dashboard and every
`remind` share the record of alerts already given (alerted.json in the data
directory), and claim each alert under the data lock before showing it. Each
alert given is also printed as one line on stdout (cron mails it).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import exec_option

if TYPE_CHECKING:
    from planner.alerts import Alert
    from planner.clock import Clock
    from planner.notify import Notifier, Urgency
    from planner.storage import Store

DEFAULT_INTERVAL = 30.0
DESCRIPTION = """\
Check once for what deserves an alert now, notify through the desktop (notify-send
on Linux, the notification centre on macOS, a toast on Windows) and print each
alert as a line; nothing is printed when nothing is due. Alerts: a promise due
within --within minutes, a promise just broken, a brief reaching its deadline, a
good moment starting with briefs to tell. Each fires once across the dashboard
and every remind.

Run it every minute from a systemd user timer or cron (see README), or keep
`ea-planner remind --watch` running in the desktop session.
"""


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "remind",
        parents=[parent],
        help="desktop alerts while the dashboard is closed (check once, or --watch)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--within",
        type=int,
        default=15,
        metavar="MIN",
        help="alert a promise due within MIN minutes (default 15)",
    )
    parser.add_argument(
        "--watch", action="store_true", help="keep checking until stopped (Ctrl-C or SIGTERM)"
    )
    parser.add_argument(
        "--interval",
        type=float,
        default=DEFAULT_INTERVAL,
        metavar="SECONDS",
        help=f"with --watch: seconds between checks (default {DEFAULT_INTERVAL:.0f})",
    )
    parser.add_argument(
        "--no-desktop",
        action="store_true",
        help="print the alerts only; no desktop notification",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print each check that gave alerts as one JSON object on one line",
    )
    exec_option(
        parser, help="only this executive's alerts (short name; default: every executive's)"
    )
    return ["remind"]


def run(args: argparse.Namespace, context: Context) -> int:
    from planner.errors import InputError
    from planner.notify import desktop_notifier

    if not 0 <= args.within <= 24 * 60:
        raise InputError(f"--within: give minutes from 0 to 1440 (not {args.within})")
    if not args.interval > 0:
        raise InputError(f"--interval: give a number of seconds above 0 (not {args.interval})")
    notifier = None if args.no_desktop else desktop_notifier()
    reminder = Reminder(
        context.store,
        context.clock,
        notifier,
        context=context,
        within=args.within,
        json=args.json,
        warn_missing=not args.no_desktop,
    )
    if not args.watch:
        reminder.check()
        return 0
    return watch(reminder, args.interval)


class Reminder:
    """One check: find the alerts due, claim them, notify, print."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        notifier: Notifier | None,
        *,
        context: Context,
        within: int = 15,
        json: bool = False,
        warn_missing: bool = True,
    ) -> None:
        self.store = store
        self.clock = clock
        self.notifier = notifier
        self.context = context
        self.within = within
        self.json = json
        self.warn_missing = warn_missing
        self._told_missing = False

    def check(self) -> list[Alert]:
        """Give the alerts due now that no one has given yet; return them."""
        from datetime import timedelta

        from planner.alerts import desk_alerts
        from planner.config import executive_zone
        from planner.storage.alerted import alerted_keys, claim

        now = self.clock.now()
        document = self.store.load()
        if self.context.executive is not None:
            document = self.context.view(document)
        tz = executive_zone(document.settings)
        due = desk_alerts(
            document,
            now,
            alerted_keys(self.store),
            due_within=timedelta(minutes=self.within),
            shell=True,
        )
        given = claim(self.store, due, now)
        if given:
            self._show(given, now, tz)
        return given

    def _show(self, alerts: list[Alert], now: Any, tz: str) -> None:
        from planner.notify import NotifyError

        out, err = self.context.out, self.context.err
        if self.json:
            from planner.day import to_json

            line = {
                "now": now.in_tz(tz).isoformat(),
                "alerts": [to_json(a, tz) for a in alerts],
            }
            import msgspec

            print(msgspec.json.encode(line).decode("utf-8"), file=out, flush=True)
        else:
            from planner.humanize import fmt

            stamp = fmt(now.in_tz(tz), "HH:mm")
            for alert in alerts:
                print(f"{stamp}  {alert.title}: {alert.message}", file=out, flush=True)
        if self.notifier is None:
            if self.warn_missing and not self._told_missing:
                self._told_missing = True
                print(
                    "ea-planner: no desktop notifier found (on Linux, notify-send comes with "
                    "libnotify-bin); the alerts are printed only",
                    file=err,
                )
            return
        for alert in alerts:
            try:
                self.notifier.send(alert.title, alert.message, URGENCY[alert.severity])
            except NotifyError as exc:
                print(f"ea-planner: {exc}", file=err)


URGENCY: dict[str, Urgency] = {"information": "normal", "warning": "normal", "error": "critical"}


def watch(reminder: Reminder, interval: float) -> int:
    """Check every `interval` seconds until interrupted or terminated; exit status 0."""
    import signal
    import threading

    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        while not stop.is_set():
            reminder.check()
            stop.wait(interval)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0
