"""The dashboard's output boundary: no control character from stored text reaches the
terminal, whatever widget draws it.

Text is cleaned on ingest, but a document written by hand or by an older version can
still hold ESC, BEL, C1 controls or bidi overrides. Textual draws every widget's lines
through the app's line filters, so one filter here covers every pane, dialog, toast and
border title: it removes those characters from the text of each segment (never from
Textual's own control segments, which carry its cursor moves and styles).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from planner.text import for_terminal, has_control


class TerminalText(LineFilter):
    """Strips terminal control characters and bidi overrides from drawn text."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(has_control(segment.text) for segment in segments):
            return segments
        return [
            Segment(for_terminal(text).replace("\t", " "), style, control)
            if control is None and has_control(text)
            else Segment(text, style, control)
            for text, style, control in segments
        ]
