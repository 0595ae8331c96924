"""Keys typed before a dialog's input has focus are typed into it, not lost.

A fast typist presses `a` and goes straight on with the customer's name; a
terminal may even deliver both in one read. The dialog is pushed at once, but
its input takes focus only once it is mounted, and keys that arrive in between
reach the dialog's screen, which has nothing to do with them.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TypeAhead:
    """Mix into a dialog screen (before the Screen class): a printable key that reaches the
    screen while no input has focus goes into the first input, which takes focus."""

    def on_key(self, event: events.Key) -> None:
        if not event.is_printable or event.character is None:
            return
        screen = self  # the Screen this is mixed into
        if isinstance(screen.focused, Input):  # type: ignore[attr-defined]
            return
        inputs = screen.query(Input)  # type: ignore[attr-defined]
        if not inputs:
            return
        box = inputs.first()
        box.focus()
        box.insert_text_at_cursor(event.character)
        event.stop()
        event.prevent_default()
