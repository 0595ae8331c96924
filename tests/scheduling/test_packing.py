"""Packing the brief queue into good moments."""

from __future__ import annotations

import msgspec
import pendulum

from planner.scheduling import INTERRUPT_NOW, NEEDS_SOLUTION, NO_ROOM, Packing, pack, queue_order
from tests.scheduling.helpers import MONDAY, SETTINGS, at, brief, event, mark

FRIDAY = pendulum.date(2026, 11, 27)
NEXT_MONDAY = pendulum.date(2026, 11, 30)


def placed(packing: Packing) -> dict[str, str | None]:
    """Brief title -> planned start "HH:MM" (or "ddd HH:MM" on another day), None if unplaced."""
    result: dict[str, str | None] = {}
    for p in packing.placements:
        if p.at is None:
            result[p.brief.title] = None
        elif p.date == packing.date:
            result[p.brief.title] = p.at.format("HH:mm")
        else:
            result[p.brief.title] = p.at.format("ddd HH:mm")
    return result


def test_queue_is_priority_then_age() -> None:
    old_normal = brief("Old normal", created="07:00")
    new_urgent = brief("New urgent", priority="urgent", created="09:00")
    newer_normal = brief("Newer normal", created="08:00")
    low = brief("Low", priority="low", created="06:00")
    queue = queue_order([low, newer_normal, old_normal, new_urgent])
    assert [b.title for b in queue] == ["New urgent", "Old normal", "Newer normal", "Low"]
    packing = pack(
        [low, newer_normal, old_normal, new_urgent], [], [], SETTINGS, MONDAY, at("08:00")
    )
    assert placed(packing) == {
        "New urgent": "08:30",
        "Old normal": "08:32",
        "Newer normal": "08:34",
        "Low": "08:36",
    }


def test_delivered_briefs_are_not_in_the_queue() -> None:
    told = brief("Told", delivered=at("09:00"))
    packing = pack([told, brief("Pending")], [], [], SETTINGS, MONDAY, at("08:00"))
    assert [p.brief.title for p in packing.placements] == ["Pending"]


def test_a_window_is_never_filled_past_its_length_and_later_ones_take_the_rest() -> None:
    events = [event("09:00", "10:00", "Staff"), event("10:25", "11:00", "Budget")]
    # Windows: 08:30–08:50 (20), 10:00–10:15 (15), 11:00–18:00.
    briefs = [
        brief("A", 12, created="07:00"),
        brief("B", 12, created="07:01"),  # does not fit the rest of the first window (8)
        brief("C", 5, created="07:02"),  # fits the first window after A: first fit
        brief("D", 14, created="07:03"),  # fits the 15-min window
    ]
    packing = pack(briefs, events, [], SETTINGS, MONDAY, at("08:00"))
    assert placed(packing) == {"A": "08:30", "B": "10:00", "C": "08:42", "D": "11:00"}
    assert [s.used for s in packing.slots] == [17, 12, 14]
    assert all(s.used <= s.capacity for s in packing.slots)


def test_what_does_not_fit_rolls_to_the_next_workday() -> None:
    now = at("16:00", FRIDAY)
    briefs = [
        brief("Big", 110, created="07:00"),
        brief("Also big", 20, created="07:01"),
        brief("Bigger", 30, created="07:02"),
    ]
    # Monday's windows: 08:30–08:50 (20 min) and 10:00–18:00.
    events = [event("09:00", "10:00", "Monday staff", date=NEXT_MONDAY)]
    packing = pack(briefs, events, [], SETTINGS, FRIDAY, now)
    assert packing.next_date == NEXT_MONDAY  # the weekend is skipped
    assert placed(packing) == {"Big": "16:00", "Also big": "Mon 08:30", "Bigger": "Mon 10:00"}
    rolled = packing.placement("b-also-big")
    assert rolled is not None and rolled.rolled and rolled.flags == ()
    assert [len(s.briefs) for s in packing.next_slots] == [1, 1]
    assert packing.slots[0].used == 110


def test_rolling_skips_a_next_workday_without_room() -> None:
    tuesday = MONDAY.add(days=1)
    all_tuesday = event("08:00", "19:00", "Offsite", kind="travel", date=tuesday)
    packing = pack([brief("Big", 600)], [all_tuesday], [], SETTINGS, MONDAY, at("17:00"))
    assert packing.next_date is None or packing.next_date != tuesday
    assert packing.placements[0].flags == (NO_ROOM,)  # 600 min fits no window at all
    small = pack([brief("A", 90)], [all_tuesday], [], SETTINGS, MONDAY, at("17:00"))
    assert small.next_date == MONDAY.add(days=2)


def test_past_windows_get_nothing_and_the_current_one_only_its_remaining_minutes() -> None:
    events = [event("09:00", "11:00", "Staff"), event("12:30", "13:00", "Lunch", kind="personal")]
    # Windows: 08:30–08:50 (past at 12:10), 11:00–12:20 (10 min left), 13:00–18:00.
    now = at("12:10")
    packing = pack(
        [brief("Short", 10, created="07:00"), brief("Long", 15, created="07:01")],
        events,
        [],
        SETTINGS,
        MONDAY,
        now,
    )
    assert [s.capacity for s in packing.slots] == [0, 10, 300]
    assert placed(packing) == {"Short": "12:10", "Long": "13:00"}
    assert packing.slots[0].briefs == ()


def test_a_held_bad_news_brief_is_never_placed() -> None:
    held = brief("Shipment late", 5, kind="bad-news", created="07:00")
    solved = brief("Budget overrun", 5, kind="bad-news", solution="cut travel", created="07:01")
    packing = pack([held, solved], [], [], SETTINGS, MONDAY, at("08:00"))
    p = packing.placement("b-shipment-late")
    assert p is not None and p.moment is None and p.held
    assert p.flags == (NEEDS_SOLUTION,)
    assert placed(packing)["Budget overrun"] == "08:30"
    assert all(held not in s.briefs for s in packing.slots)


def test_deliver_by_with_no_good_moment_before_it_is_interrupt_now() -> None:
    events = [event("09:00", "12:00", "Board meeting")]
    urgent = brief("Sign the contract", deliver_by=at("11:00"))
    packing = pack([urgent], events, [], SETTINGS, MONDAY, at("09:30"))
    p = packing.placements[0]
    assert p.at == at("12:00")  # still placed in the next window
    assert p.flags == (INTERRUPT_NOW,)
    assert packing.interrupt_now == (p,)


def test_deliver_by_met_by_a_window_is_not_flagged() -> None:
    events = [event("09:00", "12:00", "Board meeting")]
    fine = brief("Sign the contract", deliver_by=at("12:02"))
    tight = brief("Too tight", deliver_by=at("12:03"), created="08:01")
    packing = pack([fine, tight], events, [], SETTINGS, MONDAY, at("09:30"))
    assert [p.flags for p in packing.placements] == [(), (INTERRUPT_NOW,)]


def test_a_passed_deadline_is_missed_not_interrupt_now() -> None:
    # Interrupting can no longer meet it: it is told at the next moment, flagged missed.
    late = brief("Late", deliver_by=at("09:00"))
    packing = pack([late], [], [], SETTINGS, MONDAY, at("10:00"))
    assert not packing.placements[0].interrupt_now
    assert packing.placements[0].missed
    assert packing.missed == packing.placements
    assert packing.interrupt_now == ()


def test_a_far_deadline_is_not_urgent_even_when_nothing_has_room() -> None:
    far = brief("Huge", 600, deliver_by=at("09:00", pendulum.date(2026, 12, 15)))
    packing = pack([far], [], [], SETTINGS, MONDAY, at("10:00"))
    assert packing.placements[0].flags == (NO_ROOM,)


def test_a_past_date_rolls_into_today() -> None:
    friday = MONDAY.subtract(days=3)
    packing = pack([brief("Carry")], [], [], SETTINGS, friday, at("10:00"))
    assert all(s.capacity == 0 for s in packing.slots)
    assert packing.next_date == MONDAY
    assert packing.placements[0].at == at("10:00")


def test_a_marked_window_and_a_one_on_one_take_briefs() -> None:
    events = [
        event("08:30", "12:00", "Workshop"),
        event("12:00", "12:30", "1:1 with EA", kind="one-on-one", with_ea=True),
        event("12:30", "18:00", "Offsite"),
    ]
    windows = [mark("10:00", "10:10", note="step out")]
    briefs = [brief("A", 8, created="07:00"), brief("B", 25, created="07:01")]
    packing = pack(briefs, events, windows, SETTINGS, MONDAY, at("08:00"))
    assert placed(packing) == {"A": "10:00", "B": "12:00"}


def test_the_window_running_in_the_repeated_hour_offers_its_real_remaining_minutes() -> None:
    sunday = pendulum.date(2026, 10, 25)
    settings = msgspec.structs.replace(
        SETTINGS, workdays=(7,), workday_start="01:54", workday_end="05:29"
    )
    # The workday runs 23:54 UTC → 04:29 UTC; now is 02:15 CET, the second 02:15.
    now = pendulum.datetime(2026, 10, 25, 1, 15, tz="UTC").in_tz("Europe/Paris")
    packing = pack([brief("A", 30)], [], [], settings, sunday, now)
    (slot,) = packing.slots
    assert slot.moment.minutes == 4 * 60 + 35
    assert slot.capacity == 3 * 60 + 14
    assert packing.placements[0].at == now
