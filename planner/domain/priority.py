"""Priority of follow-ups and briefs: urgent (1) to low (4)."""

from __future__ import annotations

from typing import Literal, get_args

Priority = Literal["urgent", "high", "normal", "low"]
PRIORITIES: tuple[Priority, ...] = get_args(Priority)


def rank(priority: Priority) -> int:
    """1 for urgent … 4 for low: sort ascending to put the most pressing first."""
    return PRIORITIES.index(priority) + 1
