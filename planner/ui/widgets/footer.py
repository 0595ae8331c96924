"""The footer: the keys in force, as many whole keys as the width holds.

Textual's footer lays every key out in a row that scrolls sideways: at 80 columns the
last key is cut mid-word under the command-palette key, and the hidden part leaves a
stray letter behind it. This one shows only the keys that fit whole, keeps help and
quit (the keys that lead to all the others) whatever the width, puts the keys of the
pane being worked in first, and lays out again when the terminal is resized.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ALWAYS_SHOWN = frozenset({"help", "app.help", "quit", "app.quit"})
"""Actions whose keys stay in the footer at any width: from help, every other key is found."""

PALETTE_WIDTH = len("▏^p palette")
"""The command-palette key, docked on the right."""


def key_width(key_display: str, description: str) -> int:
    """Cells a compact footer key takes: key, space, description, and its right margin."""
    return cell_len(key_display) + (1 + cell_len(description) if description else 0) + 1


class KeyFooter(Footer):
    """A compact footer that never cuts a key: what does not fit whole is left out."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(compact=True, show_command_palette=show_command_palette)
        self._laid_out_for = -1

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        width = self.size.width or self.app.size.width
        self._laid_out_for = width
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
        sizes = {
            action: key_width(self.app.get_key_display(binding), binding.description)
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
        for action, (binding, enabled, tooltip) in shown.items():
            if action in fitted or action in ALWAYS_SHOWN:
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    disabled=not enabled,
                    tooltip=tooltip,
                ).data_bind(compact=Footer.compact)
        if palette is not None:
            _node, binding, enabled, tooltip = palette
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and event.size.width != self._laid_out_for:
            self.call_after_refresh(self.recompose)
