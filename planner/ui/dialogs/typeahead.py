"""Keys typed the moment a dialog opens reach its input, in the order typed.

A fast typist presses `a` and goes straight on with the customer's name; a
terminal may even deliver both in one read. The dialog is pushed at once, but
its input takes focus only once it is mounted. Until then the app holds the
keys (`PlannerApp.on_event`); the dialog says when it is ready for them, with a
`ReadyForKeys` message to the app.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.message_pump import MessagePump


class ReadyForKeys(Message):
    """A dialog has focus somewhere (or is gone): the app sends on the keys it held for it
    (`TypeAheadKeys.on_ready_for_keys`)."""


class TypeAhead(MessagePump):
    """Mix into a dialog screen (before the Screen class): keys typed before the dialog
    has focus somewhere are held by the app and delivered once it has."""

    ready_for_keys = False

    def on_descendant_focus(self, _event: events.DescendantFocus) -> None:
        self._release()

    def on_unmount(self) -> None:
        self._release()  # dismissed before it was ready: the keys go on to what is shown

    def _release(self) -> None:
        if self.ready_for_keys:
            return
        self.ready_for_keys = True
        # To the app itself: a dialog being dismissed no longer passes messages on.
        self.app.post_message(ReadyForKeys())
