"""Desktop notifications for `ea-planner remind`, through the platform's own tool.

- Linux and the BSDs: `notify-send` (libnotify; every desktop ships it);
- macOS: `osascript`'s `display notification`;
- Windows: a toast through PowerShell's access to Windows.UI.Notifications.

Outside text (customer names, summaries) is passed as arguments or environment
variables, never spliced into a script, and `notify-send` gets `--` before it, so
a summary starting with `-` is not read as an option.

Why not a library such as desktop-notifier: it brings dbus-fast (and Objective-C or
WinRT bindings elsewhere) and an asyncio loop, whose import alone costs more than a
whole `remind` check, to do what one short-lived process call does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

Urgency = Literal["low", "normal", "critical"]
APP_NAME = "ea-planner"
TIMEOUT = 10.0
"""Seconds a notification tool may take before it is given up on."""


class NotifyError(Exception):
    """The desktop refused the notification (no session bus, tool failed)."""


class Notifier(Protocol):
    @property
    def name(self) -> str:
        """The tool's name, for messages."""

    def send(self, title: str, message: str, urgency: Urgency) -> None:
        """Show one notification; NotifyError when the desktop refused it."""


@dataclass(frozen=True)
class CommandNotifier:
    """A notifier that runs one command per notification."""

    name: str
    program: str
    """The tool's path."""

    def command(
        self, title: str, message: str, urgency: Urgency
    ) -> tuple[list[str], dict[str, str]]:
        """The argv and the extra environment for one notification."""
        tool = os.path.basename(self.program).lower()
        if tool.startswith("notify-send"):
            return [
                self.program,
                f"--app-name={APP_NAME}",
                f"--urgency={urgency}",
                "--category=reminder",
                "--",
                title,
                message,
            ], {}
        if tool.startswith("osascript"):
            script = (
                "on run argv\ndisplay notification (item 2 of argv) with title (item 1 of argv)"
            )
            return [self.program, "-e", script + "\nend run", title, message], {}
        # PowerShell: the texts travel in the environment, the script is constant.
        return [
            self.program,
            "-NoProfile",
            "-NonInteractive",
            "-Command",
            WINDOWS_TOAST,
        ], {"EA_PLANNER_TITLE": title, "EA_PLANNER_MESSAGE": message}

    def send(self, title: str, message: str, urgency: Urgency) -> None:
        argv, extra = self.command(title, message, urgency)
        env: Mapping[str, str] | None = {**os.environ, **extra} if extra else None
        try:
            result = subprocess.run(
                argv,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise NotifyError(f"{self.name} failed: {exc}") from None
        if result.returncode != 0:
            said = result.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = said[-1] if said else f"exit status {result.returncode}"
            raise NotifyError(f"{self.name} failed: {reason}")


WINDOWS_TOAST = (
    "[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications,"
    " ContentType = WindowsRuntime] > $null;"
    "$t = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent("
    "[Windows.UI.Notifications.ToastTemplateType]::ToastText02);"
    "$n = $t.GetElementsByTagName('text');"
    "$n.Item(0).AppendChild($t.CreateTextNode($env:EA_PLANNER_TITLE)) > $null;"
    "$n.Item(1).AppendChild($t.CreateTextNode($env:EA_PLANNER_MESSAGE)) > $null;"
    "$id = '{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\WindowsPowerShell\\v1.0\\powershell.exe';"
    "[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier($id)"
    ".Show([Windows.UI.Notifications.ToastNotification]::new($t))"
)


def desktop_notifier(platform: str | None = None) -> Notifier | None:
    """The platform's notifier, or None when its tool is not installed."""
    platform = platform or sys.platform
    if platform == "darwin":
        candidates = ["osascript"]
    elif platform in ("win32", "cygwin"):
        candidates = ["powershell"]  # Windows PowerShell 5.1: pwsh cannot load WinRT types
    else:
        candidates = ["notify-send"]
    for name in candidates:
        path = shutil.which(name)
        if path is not None:
            return CommandNotifier(name=name, program=path)
    return None
