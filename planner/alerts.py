"""Alerts while the dashboard runs: which moments deserve a notification now.

Pure functions of (document, now, the keys already fired); no Textual, no I/O.
Four kinds, each about one instant:

- `promise-due`: an open follow-up's promise is at most 15 minutes away;
- `promise-broken`: a promise has just passed;
- `good-moment`: a good moment has just started and briefs are packed into it;
- `deliver-by`: an undelivered brief has just reached its `deliver_by`.

"Just" means within `RECENT` (15 minutes): an instant that passed while the
dashboard was closed, or the machine asleep, still alerts when it is that
fresh, and older ones are left to the red rows and the header. A promise whose
clock is paused (waiting on the customer) is not running down and never alerts.

Each alert has a key made of its kind, the record and the instant it is about,
so it fires once; a re-promise (a new instant) can alert again.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Literal

import msgspec
import pendulum

from planner.config import executive_zone
from planner.day import labelled, zones_of
from planner.domain import Brief, FollowUp
from planner.domain.base import plain
from planner.domain.brief import is_held
from planner.domain.document import Document
from planner.domain.followup import effective_promise
from planner.humanize import counted, fmt, left, span_minutes
from planner.humanize import minutes as minutes_text
from planner.scheduling import Packing, pack
from planner.scheduling.moments import events_near
from planner.scheduling.packing import ROLLOVER_LOOKAHEAD

AlertKind = Literal["promise-due", "promise-broken", "good-moment", "deliver-by"]
Severity = Literal["information", "warning", "error"]

DUE_WITHIN = timedelta(minutes=15)
"""A promise this close (or closer) alerts as due."""
RECENT = timedelta(minutes=15)
"""How long after its instant an alert may still fire (dashboard opened late, machine asleep)."""


class Alert(msgspec.Struct, frozen=True, gc=False):
    """One notification to show, once."""

    key: str
    """Kind, record id and the instant it is about: fired once per key."""
    kind: AlertKind
    title: str
    message: str
    at: datetime
    """The instant the alert is about (the promise, the start, the deadline)."""
    severity: Severity = "warning"


def due_alerts(
    document: Document,
    now: datetime,
    fired: Collection[str] = frozenset(),
    *,
    packing: Packing | None = None,
    tz: str | None = None,
    due_within: timedelta = DUE_WITHIN,
    shell: bool = False,
    label: str = "",
) -> list[Alert]:
    """The alerts due at `now` that have not fired yet, most pressing first.

    `packing` is today's packed brief queue when the caller already has it
    (the dashboard does); otherwise it is computed here. `due_within`: how close a
    promise alerts as due (`ea-planner remind --within`); `shell`: the messages name
    shell commands rather than the dashboard's keys (`ea-planner remind`); `label`: the
    zone label the times carry (`promised by 11:00 London`, see `planner.day.Zones`).
    """
    zone = tz or executive_zone(document.settings)
    instant = plain(now)
    found: list[Alert] = []
    for followup in document.followups:
        found.extend(_promise_alerts(followup, instant, zone, due_within, shell, label))
    for brief in document.briefs:
        alert = _deadline_alert(brief, instant, zone, label)
        if alert is not None:
            found.append(alert)
    if any(b.queued for b in document.briefs):
        if packing is None:
            packing = today_packing(document, now, zone)
        found.extend(_moment_alerts(packing, instant, zone, label))
    order = ("promise-broken", "deliver-by", "promise-due", "good-moment")
    found.sort(key=lambda a: (order.index(a.kind), plain(a.at)))
    return [a for a in found if a.key not in fired]


def desk_alerts(
    document: Document,
    now: datetime,
    fired: Collection[str] = frozenset(),
    *,
    due_within: timedelta = DUE_WITHIN,
    shell: bool = False,
    ea_zone: str | None = None,
) -> list[Alert]:
    """The alerts due at `now` for every executive of the desk, each in their own zone
    from their own records (the desk's own follow-ups with the first's), most pressing
    first. With several executives each title starts with the executive's name, times in
    a zone other than the EA's (`ea_zone`, None: the local zone) carry its label
    (`promised by 11:00 London`) and a good moment's key carries the executive's id
    (`good-moment:ID:START:END`). A one-executive desk gets exactly `due_alerts`."""
    roster = document.roster
    if len(roster) == 1:
        return due_alerts(document, now, fired, due_within=due_within, shell=shell)
    zones = zones_of(document, ea_zone)
    found: list[Alert] = []
    for number, executive in enumerate(roster):
        view = document.view(executive.id, desk_own=number == 0)
        zone = zones.zone(executive.id)
        who = executive.name or executive.short
        for alert in due_alerts(
            view,
            now,
            tz=zone,
            due_within=due_within,
            shell=shell,
            label=zones.label(executive.id),
        ):
            key = alert.key
            if alert.kind == "good-moment":
                key = f"good-moment:{executive.id}:" + key.removeprefix("good-moment:")
            found.append(msgspec.structs.replace(alert, key=key, title=f"{who}: {alert.title}"))
    order = ("promise-broken", "deliver-by", "promise-due", "good-moment")
    found.sort(key=lambda a: (order.index(a.kind), plain(a.at)))
    return [a for a in found if a.key not in fired]


def today_packing(document: Document, now: datetime, tz: str) -> Packing:
    """The brief queue packed into today's good moments (executive's zone)."""
    today = pendulum.instance(now).in_tz(tz).date()
    ahead = timedelta(days=ROLLOVER_LOOKAHEAD + 1)
    events = events_near(document.events, today, tz, after=ahead)
    return pack(document.briefs, events, document.windows, document.settings, today, now, tz=tz)


def _promise_alerts(
    followup: FollowUp,
    now: datetime,
    tz: str,
    due_within: timedelta = DUE_WITHIN,
    shell: bool = False,
    label: str = "",
) -> list[Alert]:
    if not followup.is_open or (followup.status == "waiting" and followup.waiting_on == "customer"):
        return []
    promise = plain(effective_promise(followup, now))
    who = followup.customer + (f" ({followup.organization})" if followup.organization else "")
    about = f"{who} — {followup.summary}"
    verb = {"phone": "call them", "email": "write to them", "in-person": "see them"}.get(
        followup.channel, "get back to them"
    )
    if promise - due_within <= now < promise:
        return [
            Alert(
                key=f"promise-due:{followup.id}:{promise.isoformat()}",
                kind="promise-due",
                title=f"Promise due in {minutes_text(max(1, span_minutes(now, promise)))}",
                message=f"{about}: promised by {_hhmm(promise, tz, label)}; {verb} now.",
                at=promise,
                severity="warning",
            )
        ]
    if promise <= now < promise + RECENT:
        how = f'ea-planner promise {followup.id} "WHEN"' if shell else "p"
        return [
            Alert(
                key=f"promise-broken:{followup.id}:{promise.isoformat()}",
                kind="promise-broken",
                title="Promise broken",
                message=f"{about}: promised by {_hhmm(promise, tz, label)}; "
                f"{verb} now, or re-promise ({how}).",
                at=promise,
                severity="error",
            )
        ]
    return []


def _deadline_alert(brief: Brief, now: datetime, tz: str, label: str = "") -> Alert | None:
    if not brief.queued or brief.deliver_by is None:
        return None
    deadline = plain(brief.deliver_by)
    if not deadline <= now < deadline + RECENT:
        return None
    tail = " It still needs a solution first." if is_held(brief) else " Interrupt now."
    return Alert(
        key=f"deliver-by:{brief.id}:{deadline.isoformat()}",
        kind="deliver-by",
        title="Brief deadline reached",
        message=f"“{brief.title}” was to be told by {_hhmm(deadline, tz, label)}.{tail}",
        at=deadline,
        severity="error",
    )


def _moment_alerts(packing: Packing, now: datetime, tz: str, label: str = "") -> list[Alert]:
    alerts = []
    for slot in packing.slots:
        moment = slot.moment
        start, end = plain(moment.start), plain(moment.end)
        if not slot.briefs or not start <= now < min(end, start + RECENT):
            continue
        count = len(slot.briefs)
        titles = "; ".join(b.title for b in slot.briefs[:3]) + ("; …" if count > 3 else "")
        alerts.append(
            Alert(
                key=f"good-moment:{start.isoformat()}:{end.isoformat()}",
                kind="good-moment",
                title="Good moment now",
                message=f"Until {_hhmm(end, tz, label)} ({left(now, end)}), "
                f"{counted(count, 'brief')} to tell: {titles}",
                at=start,
                severity="information",
            )
        )
    return alerts


def _hhmm(moment: datetime, tz: str, label: str = "") -> str:
    """`16:00` in `tz`; `16:00 London` with a zone label."""
    return labelled(fmt(pendulum.instance(moment).in_tz(tz), "HH:mm"), label)


__all__ = ["DUE_WITHIN", "RECENT", "Alert", "due_alerts", "today_packing"]
