"""Half-open spans of time [start, end) and the set operations the scheduler needs.

Spans hold aware datetimes; comparisons are between instants, so spans from
different zones or offsets (a DST day, an event stored in UTC) mix safely.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from planner.domain.base import plain

Span = tuple[datetime, datetime]


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted union of `spans`; overlapping and touching (back-to-back) spans become one."""
    result: list[Span] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if result and start <= result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
        else:
            result.append((start, end))
    return result


def subtract(spans: Iterable[Span], cuts: Iterable[Span]) -> list[Span]:
    """The parts of `spans` not covered by any of `cuts`, sorted (spans are kept apart)."""
    holes = merge(cuts)
    result: list[Span] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        cursor = start
        for cut_start, cut_end in holes:
            if cut_end <= cursor:
                continue
            if cut_start >= end:
                break
            if cut_start > cursor:
                result.append((cursor, cut_start))
            cursor = max(cursor, cut_end)
            if cursor >= end:
                break
        if cursor < end:
            result.append((cursor, end))
    return result


def clip(spans: Iterable[Span], low: datetime, high: datetime) -> list[Span]:
    """`spans` cut to [low, high); empty results are dropped."""
    result: list[Span] = []
    for start, end in spans:
        s, e = max(start, low), min(end, high)
        if s < e:
            result.append((s, e))
    return sorted(result)


def overlaps(a: Span, b: Span) -> bool:
    """True when the two half-open spans share at least an instant."""
    return a[0] < b[1] and b[0] < a[1]


__all__ = ["Span", "clip", "merge", "overlaps", "plain", "subtract"]
