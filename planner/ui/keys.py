"""Keys typed ahead act in the order typed, each on what the keys before it left: the app
sends them on one at a time (see `TypeAheadKeys.on_event`)."""

from __future__ import annotations

import weakref
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

if TYPE_CHECKING:
    # Only named: the dialogs are imported when the first one opens, not at start.
    from planner.ui.dialogs.typeahead import ReadyForKeys

KEY_WATCH_SECONDS = 0.5
"""How often the app checks that the widget a key went to is still there (see _watch_key)."""
KEY_WATCH_GIVE_UP = 6
"""Checks after which a key still on its way no longer holds up the keys typed after it."""


class _KeyDone(Message, bubble=True):
    """Sent after a key, through the widget the key went to and up to the app: when it is
    back, everything the key caused on its way has been handled."""

    def __init__(self, rounds: int) -> None:
        super().__init__()
        self.rounds = rounds
        self.watched = 0
        """Times `TypeAheadKeys._watch_key` has found it still on its way."""


class TypeAheadKeys(App[int]):
    """Mixed into the app: holds the keys typed ahead and sends them on in order."""

    def __init__(self) -> None:
        super().__init__()
        self._pending_keys: deque[events.Key] = deque()
        """Keys typed and not yet sent on (see on_event)."""
        self._key_on_its_way: _KeyDone | None = None
        """Follows the key sent last; the next is sent once it is back at the app."""
        self._key_target: DOMNode | None = None
        self._typing_into: DOMNode | None = None
        """The input the keys on their way are only typed into, if they all are."""
        self._key_watch: Timer | None = None
        self._key_screens: weakref.WeakKeyDictionary[events.Key, Screen[Any]] = (
            weakref.WeakKeyDictionary()
        )
        """The screen shown when each key on its way was sent."""

    async def on_event(self, event: events.Event) -> None:
        # Every key acts in the order typed, on what the keys before it left. Textual
        # sends a key to the focused widget's queue, and the widget's bindings act only
        # once it has come back up, queue by queue, to the app; a key that came after it
        # would meanwhile run a priority binding (an action on the row the cursor has not
        # reached yet) or be typed before a Tab has moved focus. So the app takes one
        # key at a time: the next goes out once everything the previous one caused on
        # its way (cursor moved, focus moved, a dialog opened) is done (see _KeyDone).
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                self._pending_keys.append(event)
                await self._send_keys()
                return
            sent_on = self._key_screens.pop(event, None)
            if sent_on is not None and sent_on is not self.screen:
                # Back up from a screen that something else (an alert's dialog, the
                # morning notes) has covered meanwhile: it is for the screen now shown,
                # before the keys typed after it.
                event.stop()
                self._pending_keys.appendleft(events.Key(event.key, event.character))
                return
        await super().on_event(event)

    async def _send_keys(self) -> None:
        """Send the keys typed ahead, one by one, while the screen shown can take them (a
        dialog is ready once its input has focus): each once the one before it is done, or
        straight after it when both are only typed into the same input."""
        while (
            self._pending_keys
            and self.screen_stack
            and getattr(self.screen, "ready_for_keys", True)
        ):
            key = self._pending_keys[0]
            target = self.focused or self.screen
            if self._key_on_its_way is not None and not (
                self._typing_into is target and self._typed(target, key)
            ):
                return
            self._pending_keys.popleft()
            typed = self._typed(target, key)
            self._key_screens[key] = self.screen
            await super().on_event(key)
            if not key.is_forwarded:
                # A priority binding took it here: follow where it left the focus.
                self._key_screens.pop(key, None)
                target = self.focused or self.screen
                typed = False
            self._typing_into = target if typed else None
            self._follow_key(target, rounds=2)

    def _typed(self, target: DOMNode, key: events.Key) -> bool:
        """Whether `key` is only typed into `target` (an input): no binding acts on it."""
        check = getattr(target, "check_consume_key", None)
        if check is None or not check(key.key, key.character):
            return False
        return not any(
            binding.priority
            for _namespace, bindings in self.screen._binding_chain
            for binding in bindings.key_to_bindings.get(key.key, ())
        )

    def _follow_key(self, target: DOMNode, rounds: int) -> None:
        """Send a `_KeyDone` after the key just sent, through `target` and up to the app."""
        done = _KeyDone(rounds)
        self._key_on_its_way = done
        self._key_target = target
        target.post_message(done)
        if self._key_watch is None:
            self._key_watch = self.set_interval(KEY_WATCH_SECONDS, self._watch_key)

    async def on__key_done(self, done: _KeyDone) -> None:
        done.stop()
        if done is not self._key_on_its_way or not self.screen_stack:  # or closing
            return
        if done.rounds > 1:
            # Messages the key's action posted (a row selected, a dialog to open) are
            # in the same queues: one more round sees them handled.
            self._follow_key(self.focused or self.screen, done.rounds - 1)
            return
        self._key_on_its_way = None
        self._typing_into = None
        await self._send_keys()

    async def _watch_key(self) -> None:
        """A key's `_KeyDone` is lost when its widget goes away on the way (or, should it
        ever be, stopped there): then the keys after it go on, never held for good."""
        done, target = self._key_on_its_way, self._key_target
        if done is None or not self.screen_stack:
            if self._key_watch is not None:
                self._key_watch.stop()
                self._key_watch = None
            return
        done.watched += 1
        if target is None or not target.is_attached or done.watched > KEY_WATCH_GIVE_UP:
            self._key_on_its_way = None
            self._key_target = None
            self._typing_into = None
            await self._send_keys()

    async def on_ready_for_keys(self, message: ReadyForKeys) -> None:
        """A dialog is ready for keys: send those typed ahead for it, in order."""
        message.stop()
        await self._send_keys()
