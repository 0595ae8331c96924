"""A small but full desk for the read, remind and export commands: open, broken, waiting,
resolved and archived follow-ups, briefs, events over several days, a marked window.

The frozen "now" of tests/conftest.py is Monday 23 November 2026, 10:00 in Paris.
"""

from __future__ import annotations

from pathlib import Path

import msgspec
import pendulum

from planner.domain import Brief, Event, Window
from planner.domain.lifecycle import note, open_followup, resolve
from planner.storage import Store

TZ = "Europe/Paris"
NOW = pendulum.datetime(2026, 11, 23, 10, 0, tz=TZ)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, tz=TZ)


def make_world(data_dir: Path) -> Store:
    store = Store(data_dir)
    broken = open_followup(
        customer="Lena Fischer",
        organization="Globex",
        summary="delivery late",
        promised_by=at(20, 17),
        now=at(19, 9),
        kind="complaint",
        channel="phone",
        priority="urgent",
        tags=("logistics",),
        id="f-lena0001",
    )
    maria = open_followup(
        customer="Maria Ortiz",
        organization="Acme",
        summary="invoice charged twice",
        promised_by=at(23, 15),
        now=at(23, 9),
        kind="complaint",
        channel="phone",
        priority="high",
        tags=("billing",),
        id="f-maria001",
    )
    maria = note(maria, "finance confirms the double charge", at(23, 9, 30))
    omar = open_followup(
        customer="Omar Haddad",
        summary="wants a meeting with the executive",
        promised_by=at(25, 12),
        now=at(23, 8),
        id="f-omar0002",
    )
    solved = open_followup(
        customer="Ines Duarte",
        organization="Initech",
        summary="printer contract",
        promised_by=at(2, 12, month=9),
        now=at(1, 9, month=9),
        tags=("billing",),
        id="f-ines0003",
    )
    solved, _ = resolve(solved, "credit note sent for the refund", at(1, 15, month=9), tz=TZ)
    events = (
        Event(id="e-board001", title="Board meeting", start=at(23, 11), end=at(23, 12)),
        Event(
            id="e-flight02",
            title="Flight to Lisbon",
            start=at(24, 9),
            end=at(24, 12),
            kind="travel",
        ),
        Event(
            id="e-acme0003",
            title="Acme quarterly review",
            start=at(25, 14),
            end=at(25, 15),
            location="Room 4",
        ),
    )
    briefs = (
        Brief(
            id="b-budget01",
            title="Budget overrun on Q4",
            kind="decision",
            minutes=5,
            created=at(23, 8),
        ),
        Brief(
            id="b-press002",
            title="Press call about the merger",
            kind="fyi",
            minutes=3,
            deliver_by=at(24, 16),
            created=at(23, 8, 30),
        ),
        Brief(
            id="b-told0003",
            title="Refund policy agreed",
            kind="good-news",
            created=at(1, 10, month=9),
            delivered=at(1, 16, month=9),
            followup_id="f-ines0003",
        ),
    )
    windows = (Window(id="w-come0001", start=at(25, 16), end=at(25, 16, 30), note="come by"),)
    store.update(
        lambda d: msgspec.structs.replace(
            d,
            followups=(broken, maria, omar, solved),
            events=events,
            briefs=briefs,
            windows=windows,
        )
    )
    return store
