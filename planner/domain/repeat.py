"""A repeat caller: the customer of a new follow-up who already has an open one.

Quick-add (the dashboard's preview and `ea-planner add`) warns before making a
second follow-up for the same matter and offers to add a note to the open one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from planner.domain.base import plain
from planner.domain.followup import FollowUp


def same_name(a: str, b: str) -> bool:
    """Two names as people type them: case, accents' composition and spacing do not count."""
    return _key(a) == _key(b) and bool(_key(a))


def open_for_customer(
    followups: Iterable[FollowUp], customer: str, organization: str = ""
) -> tuple[FollowUp, ...]:
    """The open follow-ups of the same customer (same name, same organisation), oldest first.

    A caller who gives no organisation matches the name in any organisation, and an
    open follow-up recorded without one matches any: "Maria Ortiz" calling again is the
    same Maria Ortiz of Acme until the EA says otherwise. Two different organisations
    are two different people.
    """
    if not _key(customer):
        return ()
    org = _key(organization)
    found = [
        f
        for f in followups
        if f.is_open
        and same_name(f.customer, customer)
        and (not org or not _key(f.organization) or _key(f.organization) == org)
    ]
    return tuple(sorted(found, key=lambda f: (plain(f.created), f.id)))


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
