"""The quick-add grammar: one typed line -> a follow-up to create. Pure functions, no I/O."""

from planner.quickadd.parse import QuickAdd, Span, SpanRole, guess_kind, parse
from planner.quickadd.when import WhenError, WhenMatch, match_when, parse_when

__all__ = [
    "QuickAdd",
    "Span",
    "SpanRole",
    "WhenError",
    "WhenMatch",
    "guess_kind",
    "match_when",
    "parse",
    "parse_when",
]
