"""The quick-add grammar: one typed line -> a follow-up to create. Pure functions, no I/O.

The WHEN of a promise is read by planner.when, the one time-input package."""

from planner.quickadd.followup import followup_from_quickadd
from planner.quickadd.parse import parse
from planner.quickadd.parsed import QuickAdd, Span, SpanRole
from planner.quickadd.words import guess_kind

__all__ = ["QuickAdd", "Span", "SpanRole", "followup_from_quickadd", "guess_kind", "parse"]
