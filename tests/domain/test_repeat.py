"""A repeat caller: the same customer (same name, same organisation) with an open matter."""

from __future__ import annotations

import pendulum

from planner.domain import FollowUp
from planner.domain.lifecycle import drop, open_followup
from planner.domain.repeat import open_for_customer

TZ = "Europe/Paris"
NOW = pendulum.datetime(2026, 11, 23, 10, 0, tz=TZ)


def matter(customer: str, organization: str = "", minutes: int = 0, **kw: str) -> FollowUp:
    return open_followup(
        customer=customer,
        organization=organization,
        summary=kw.get("summary", "refund"),
        promised_by=NOW.add(hours=4),
        now=NOW.add(minutes=minutes),
    )


def test_the_same_name_and_organisation_is_a_repeat_caller_whatever_the_case_and_spacing() -> None:
    first = matter("Maria Ortiz", "Acme")
    assert open_for_customer([first], "maria  ortiz", "ACME") == (first,)


def test_a_different_organisation_is_a_different_person() -> None:
    assert open_for_customer([matter("Maria Ortiz", "Acme")], "Maria Ortiz", "Globex") == ()


def test_a_missing_organisation_on_either_side_matches_the_name() -> None:
    known = matter("Maria Ortiz", "Acme")
    unknown = matter("Maria Ortiz", minutes=5)
    assert open_for_customer([known, unknown], "Maria Ortiz") == (known, unknown)
    assert open_for_customer([unknown], "Maria Ortiz", "Acme") == (unknown,)


def test_closed_matters_and_other_names_do_not_count() -> None:
    closed = drop(matter("Maria Ortiz", "Acme"), "duplicate", NOW)
    assert open_for_customer([closed, matter("Mario Ortiz", "Acme")], "Maria Ortiz", "Acme") == ()
    assert open_for_customer([matter("Maria Ortiz")], "  ", "") == ()


def test_matches_come_oldest_first() -> None:
    late, early = matter("Li Wei", minutes=30), matter("Li Wei", minutes=1)
    assert open_for_customer([late, early], "Li Wei") == (early, late)
