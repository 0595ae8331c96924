"""Unexpected errors while the EA types: shown and logged, never the end of the dashboard.

Textual ends the app on any exception a handler lets out. In a dialog that loses what
was typed, so the screens the EA types into mix in `Guarded`: an error in one of their
handlers becomes a notification naming it, its traceback is appended to `errors.log` in
the data directory, and the screen stays as it was, input and all. Keys bound over a
dialog run in the app's own loop; `PlannerApp` guards those with `guard_dialog_error`.
"""

from __future__ import annotations

import os
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from textual.app import App

LOG_NAME = "errors.log"
"""In the data directory, beside planner.json; private like it (0600)."""


def log_path(app: App[Any]) -> Path | None:
    store = getattr(app, "store", None)
    directory = getattr(store, "directory", None)
    return Path(directory) / LOG_NAME if directory is not None else None


def append_to_log(path: Path, text: str) -> bool:
    """Append `text` to the log at `path` (created 0600, never through a link)."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, flags, 0o600)
    except OSError:
        return False
    try:
        os.write(fd, text.encode("utf-8", "replace"))
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


def report(app: App[Any], error: BaseException, where: str) -> None:
    """Tell the EA that something went wrong in `where`, and log the details."""
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    details = "".join(traceback.format_exception(error))
    path = log_path(app)
    logged = path is not None and append_to_log(path, f"--- {stamp} in {where}\n{details}\n")
    message = f"{type(error).__name__}: {error}".strip().rstrip(":")
    tail = f" Details are in {path}." if logged else ""
    app.notify(
        f"{message}. Nothing was lost: what you typed is still there.{tail}",
        title="Something went wrong",
        severity="error",
        timeout=15,
    )


class Guarded(MessagePump):
    """Mixed into a screen (before the Screen class): its handlers' errors are reported and
    the screen carries on. Composing and mounting are left alone: a screen that could not
    be built is not one to carry on with. A MessagePump itself, so that the message
    dispatch it wraps and the app it reports to are known to be there."""

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)
        except Exception as error:
            if isinstance(message, events.Compose | events.Mount):
                raise
            report(self.app, error, where=type(self).__name__)


__all__ = ["LOG_NAME", "Guarded", "append_to_log", "log_path", "report"]
