"""Named actions, read from the binding tables: one source for the footer, help and palette.

A binding's id says its group (`followup.resolve` → "Follow-up"); its tooltip,
or else its description, names the action ("Resolve"), so the palette offers
"Follow-up: Resolve" and the help screen lists it under "Follow-up". The key
shown is the one in force: the user's keymap (preferences.toml) wins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import msgspec
from textual.binding import Binding, BindingType

GROUPS: dict[str, str] = {
    "followup": "Follow-up",
    "detail": "Follow-up detail",
    "brief": "Brief",
    "brief-detail": "Brief detail",
    "event": "Event",
    "moment": "Good moment",
    "day": "Day",
    "desk": "Executives",
    "closeout": "Close-out",
    "pane": "Moving around",
    "theme": "Theme",
    "settings": "Settings",
    "app": "Dashboard",
    "dialog": "Dialogs",
    "welcome": "Welcome",
}
"""Binding id prefix → group name, in the order the help screen shows the groups."""


def group_of(binding_id: str) -> str:
    prefix = binding_id.split(".", 1)[0]
    return GROUPS.get(prefix, prefix.replace("-", " ").capitalize())


class NamedAction(msgspec.Struct, frozen=True, gc=False):
    """One action of a binding table, as the help screen and the palette show it."""

    id: str
    group: str
    name: str
    keys: str
    """The keys in force, as displayed ("x", "^s", "esc / q")."""
    binding: Binding

    @property
    def title(self) -> str:
        """The palette's name: "Follow-up: Resolve"."""
        return f"{self.group}: {self.name}"


def named_actions(
    bindings: Iterable[Binding],
    keymap: Mapping[str, str],
    key_display: Callable[[Binding], str],
) -> list[NamedAction]:
    """Every binding with an id and a description, once per id (the first table wins),
    grouped in `GROUPS` order, table order within a group."""
    seen: set[str] = set()
    actions: list[NamedAction] = []
    for binding in bindings:
        if not binding.id or not binding.description or binding.id in seen:
            continue
        seen.add(binding.id)
        keys = keymap.get(binding.id, binding.key)
        display = " / ".join(
            key_display(
                binding
                if keys == binding.key and binding.key_display
                else binding.with_key(key.strip())
            )
            for key in keys.split(",")
            if key.strip()
        )
        actions.append(
            NamedAction(
                id=binding.id,
                group=group_of(binding.id),
                name=binding.tooltip or binding.description,
                keys=display,
                binding=binding,
            )
        )
    order = list(GROUPS.values())
    actions.sort(key=lambda a: order.index(a.group) if a.group in order else len(order))
    return actions


def binding_list(*tables: Iterable[object]) -> list[Binding]:
    """The Binding objects of several BINDINGS tables, in order (tuples are skipped)."""
    return [b for table in tables for b in table if isinstance(b, Binding)]


FOLLOWUP_ACTIONS: tuple[tuple[str, str, str, str, str], ...] = (
    # (key, action, footer description, tooltip, id)
    ("n", "note", "Note", "Add a note", "followup.note"),
    ("p", "repromise", "Re-promise", "", "followup.promise"),
    ("w", "wait", "Wait", "Mark waiting", "followup.wait"),
    ("s", "start", "In progress", "Mark in progress", "followup.start"),
    ("x", "resolve", "Resolve", "", "followup.resolve"),
    ("E", "escalate", "Escalate", "", "followup.escalate"),
    ("D", "drop", "Drop", "", "followup.drop"),
)
"""What can be done to one follow-up, wherever it is shown (the dashboard's list, its detail
view): the same keys and ids, so one keymap entry moves both."""


def followup_bindings(*, hidden: frozenset[str] = frozenset()) -> list[BindingType]:
    """The follow-up keys as bindings running `followup('<action>')` on their screen.

    Priority: each acts the moment it arrives, before the keys typed after it reach the
    focused widget (they belong to the dialog it opens). `hidden` names the actions the
    footer leaves out.
    """
    return [
        Binding(
            key,
            f"followup('{action}')",
            description,
            tooltip=tooltip,
            id=binding_id,
            priority=True,
            show=action not in hidden,
        )
        for key, action, description, tooltip, binding_id in FOLLOWUP_ACTIONS
    ]
