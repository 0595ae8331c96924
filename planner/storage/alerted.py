"""The alerts already given, shared by the dashboard and `ea-planner remind`: `alerted.json`
in the data directory, so that each alert fires once whichever of them sees it first.

An alert is *claimed* before it is shown: under the data directory's lock, the record
is re-read, the alerts not in it yet are added and saved, and only those are returned
to be shown. Two processes checking at the same instant therefore never both notify.
Keys older than `KEEP` are dropped on each claim; an alert is only ever about the last
few minutes (planner.alerts.RECENT), so the file stays a few lines long.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

import msgspec

from planner.errors import DataFileError

if TYPE_CHECKING:
    from planner.storage.store import Store

FILE_NAME = "alerted.json"
KEEP = timedelta(days=2)
"""How long a key is remembered after the instant it is about."""


class Alerted(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The shape of alerted.json."""

    alerted: dict[str, datetime] = msgspec.field(default_factory=dict)
    """Alert key -> the instant the alert is about (planner.alerts.Alert.at)."""


class _Claimable(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def at(self) -> datetime: ...


A = TypeVar("A", bound=_Claimable)

_decoder = msgspec.json.Decoder(Alerted)


def read(store: Store) -> Alerted:
    """The record as it is now; empty when there is none yet."""
    path = store.directory / FILE_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Alerted()
    except OSError as exc:
        raise DataFileError(path, exc.strerror or str(exc)) from None
    try:
        return _decoder.decode(data)
    except msgspec.DecodeError as exc:
        raise DataFileError(path, f"{exc}; delete it to start the record afresh") from None


def alerted_keys(store: Store) -> frozenset[str]:
    return frozenset(read(store).alerted)


def claim(store: Store, alerts: Sequence[A], now: datetime) -> list[A]:
    """Record `alerts` as given and return those no one had given yet, in their order."""
    from planner.storage.lock import exclusive
    from planner.storage.store import atomic_write, make_private_dir

    if not alerts:
        return []
    make_private_dir(store.directory)
    with exclusive(store.lock_path):
        # Under the lock no other writer is active: a temp file left is from a killed one.
        for stale in store.directory.glob(f".{FILE_NAME}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        record = read(store)
        fresh = [a for a in alerts if a.key not in record.alerted]
        if not fresh:
            return []
        kept = _recent(record.alerted.items(), now)
        kept.update((a.key, a.at) for a in fresh)
        encoded = msgspec.json.format(msgspec.json.encode(Alerted(alerted=kept)), indent=1)
        atomic_write(store.directory / FILE_NAME, encoded + b"\n")
    return fresh


def _recent(items: Iterable[tuple[str, datetime]], now: datetime) -> dict[str, datetime]:
    cutoff = now.timestamp() - KEEP.total_seconds()
    return {key: at for key, at in items if at.timestamp() >= cutoff}
