"""What the forms share: turning a refused value into the form's message."""

from __future__ import annotations

from collections.abc import Callable

from planner.errors import PlannerError
from planner.ui.dialogs.form import Values


def refusal_of(build: Callable[[Values], object]) -> Callable[[Values], str | None]:
    """A form check: the message of the PlannerError that `build` raises, else None."""

    def check(values: Values) -> str | None:
        try:
            build(values)
        except PlannerError as exc:
            return exc.message
        return None

    return check
