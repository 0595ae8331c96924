"""The footer: the keys in force, as many whole keys as the width holds.

Textual's footer lays every key out in a row that scrolls sideways: at 80 columns the
last key is cut mid-word under the command-palette key, and the hidden part leaves a
stray letter behind it. This one shows only the keys that fit whole, keeps help and
quit (the keys that lead to all the others) whatever the width, puts the keys of the
pane being worked in first, and lays out again when the terminal is resized. It is
composed again only when the keys it shows change.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ALWAYS_SHOWN = frozenset({"help", "app.help", "quit", "app.quit"})
"""Actions whose keys stay in the footer at any width: from help, every other key is found."""

PALETTE_WIDTH = len("▏^p palette")
"""The command-palette key, docked on the right."""


def key_width(key_display: str, description: str) -> int:
    """Cells a compact footer key takes: key, space, description, and its right margin."""
    return cell_len(key_display) + (1 + cell_len(description) if description else 0) + 1


class FooterEntry(NamedTuple):
    """One key as the footer shows it; equal entries draw alike."""

    key: str
    display: str
    description: str
    action: str
    disabled: bool
    tooltip: str
    palette: bool = False


class KeyFooter(Footer):
    """A compact footer that never cuts a key: what does not fit whole is left out.

    Textual recomposes a footer each time the screen's bindings are updated (every change
    of focus, every dialog opened or closed), hundreds of times in an hour of work. This
    one works out the keys it would show and recomposes only when they differ from the
    keys shown."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(compact=True, show_command_palette=show_command_palette)
        self._shown: tuple[FooterEntry, ...] | None = None
        """The keys as last composed; None before the bindings are known."""

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._shown = self._entries()
        for entry in self._shown:
            key = FooterKey(
                entry.key,
                entry.display,
                entry.description,
                entry.action,
                disabled=entry.disabled,
                tooltip=entry.tooltip,
                classes="-command-palette" if entry.palette else "",
            )
            yield key if entry.palette else key.data_bind(compact=Footer.compact)

    def _entries(self) -> tuple[FooterEntry, ...]:
        """The keys to show at the footer's width, in order, the palette's last."""
        width = self.size.width or self.app.size.width
        active = self.screen.active_bindings
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled, tooltip)
        # The keys of the pane being worked in first (FOOTER_FIRST on the focused widget):
        # at 80 columns, "d Delivered" shows while the Brief queue has the focus.
        first = tuple(getattr(self.screen.focused, "FOOTER_FIRST", ()))
        if first:
            ordered = sorted(
                shown.items(), key=lambda item: not (item[1][0].id or "").startswith(first)
            )
            shown = dict(ordered)
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        room = width - (PALETTE_WIDTH if palette is not None else 0)
        displays = {
            action: self.app.get_key_display(binding) for action, (binding, _, _) in shown.items()
        }
        sizes = {
            action: key_width(displays[action], binding.description)
            for action, (binding, _, _) in shown.items()
        }
        room -= sum(size for action, size in sizes.items() if action in ALWAYS_SHOWN)
        fitted: set[str] = set()
        for action, size in sizes.items():
            if action in ALWAYS_SHOWN:
                continue
            if size > room:
                break  # keys keep their order: a later, shorter one never jumps the queue
            fitted.add(action)
            room -= size
        entries = [
            FooterEntry(
                binding.key,
                displays[action],
                binding.description,
                binding.action,
                not enabled,
                tooltip,
            )
            for action, (binding, enabled, tooltip) in shown.items()
            if action in fitted or action in ALWAYS_SHOWN
        ]
        if palette is not None:
            _node, binding, enabled, _tooltip = palette
            entries.append(
                FooterEntry(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    not enabled,
                    binding.tooltip or binding.description,
                    palette=True,
                )
            )
        return tuple(entries)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._lay_out)

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self._lay_out)

    async def _lay_out(self) -> None:
        """Compose again if the keys to show changed (bindings, focus, width)."""
        if self.is_attached and self._entries() != self._shown:
            await self.recompose()
