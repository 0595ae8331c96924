"""The summary of a quick-add line: every word outside the tokens, tidied at the edges."""

from __future__ import annotations

import re

from planner.quickadd.parsed import Span
from planner.text import clean_line

_DANGLING = re.compile(r"(?:\s*[,;:]\s*promised|\s+[-–—]|\s*[,;:])+\s*$", re.IGNORECASE)
"""What a token at the end of the line leaves dangling in the summary."""
_BOUNDARY = "\ue000"
_PUNCTUATION_AFTER = re.compile(r"\s*" + _BOUNDARY + r"\s*(?=[,;.!?)])")


def summary_of(text: str, spans: list[Span]) -> str:
    """The words outside the tokens, in order; punctuation that followed a token closes up
    on the word before it ("plan @Acme, urgent" → "plan, urgent")."""
    pieces: list[str] = []
    pos = 0
    for span in sorted(s for s in spans if not s.kept):
        if span.end <= pos:
            continue
        pieces += [text[pos : max(span.start, pos)], _BOUNDARY]
        pos = span.end
    pieces.append(text[pos:])
    joined = _PUNCTUATION_AFTER.sub("", "".join(pieces)).replace(_BOUNDARY, " ")
    return clean_line(joined)


def take_dangling(text: str, spans: list[Span], start: int) -> list[Span]:
    """A token that ends the line takes what led up to it ("the board pack, by 7", "the
    signed copy, promised by fri"): the summary does not end on a dangling comma."""
    masked = mask(text, spans)
    ending = [s for s in spans if not s.kept and not masked[s.end :].strip()]
    if not ending:
        return spans
    last = min(ending, key=lambda s: s.start)
    # What dangles lies after every other token: it never reaches across one.
    after = max([start] + [s.end for s in spans if not s.kept and s.end <= last.start])
    found = _DANGLING.search(masked, after, last.start)
    if found is None or not masked[start : found.start()].strip():
        return spans
    begin = found.start() + len(found.group()) - len(found.group().lstrip())
    return [s._replace(start=begin) if s == last else s for s in spans]


def release_punctuation(text: str, spans: list[Span], start: int) -> list[Span]:
    """A token's trailing `,`/`;` goes back to the summary when summary words stand on
    both sides of it ("hiring plan by thu 2pm, urgent" keeps its comma)."""
    masked = mask(text, spans)
    tidy: list[Span] = []
    for span in spans:
        last = text[span.end - 1] if span.end > span.start + 1 else ""
        if (
            not span.kept
            and last in ",;"
            and span.role not in ("customer", "intro")
            and masked[start : span.start].strip()
            and masked[span.end :].strip()
        ):
            span = span._replace(end=span.end - 1)
        tidy.append(span)
    return tidy


def mask(text: str, spans: list[Span]) -> str:
    """`text` with every token that leaves the summary blanked out (same length)."""
    chars = list(text)
    for span in spans:
        if not span.kept:
            chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)
