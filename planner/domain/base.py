"""What every stored record shares: immutable, strict on load, an aware datetime type."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from typing import Annotated

import msgspec

from planner.errors import InputError

FIRST_YEAR = 1970
LAST_YEAR = 2100
"""Dates a person can mean: a promise, event or day outside these years is a typing error
(and year 9999 plus a zone offset overflows Python's dates), refused at input."""

Instant = Annotated[datetime, msgspec.Meta(tz=True)]
"""A date-time that must carry a UTC offset (stored as ISO 8601 with its offset)."""

NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]


class Record(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, gc=False):
    """Base of stored records: immutable; unknown fields are an error, never dropped.

    `gc=False`: records hold only strings, numbers, datetimes and tuples of records, so they
    can never form a reference cycle; untracked, five years of them cost the cyclic garbage
    collector nothing (tracked, a full collection paused the dashboard for 100+ ms).
    """


def check_year(moment: date, what: str) -> None:
    """Refuse (InputError, exit 2) a date or time outside FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise InputError(
            f"{what}: {moment.isoformat()[:10]} is outside the years {FIRST_YEAR} to {LAST_YEAR}"
        )


def new_id(prefix: str) -> str:
    """A short, stable, random id such as `f-3k9x2a7q` (40 random bits)."""
    # os.urandom rather than `secrets`: the latter costs milliseconds of import on every start.
    value = int.from_bytes(os.urandom(5), "big")
    return prefix + "-" + "".join(_ALPHABET[(value >> shift) & 31] for shift in range(35, -1, -5))


_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def plain(moment: datetime) -> datetime:
    """The same instant as a stdlib datetime with a fixed UTC offset.

    Python compares two datetimes of the same zone by wall clock, which is wrong in
    the repeated hour of a DST change; pendulum's DateTime compares through slow
    Python code and can lose a stdlib tzinfo in arithmetic. Fixed-offset stdlib
    datetimes (what planner.json decodes to) compare, subtract and add right.
    """
    if type(moment) is datetime and type(moment.tzinfo) is timezone:
        return moment
    offset = moment.utcoffset()
    return datetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=timezone(offset) if offset is not None else None,
    )
