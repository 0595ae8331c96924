"""The password of a subscription, found when a sync runs and never written anywhere.

Either the first line a command prints (as vdirsyncer and khal do: `pass show
work/caldav`, `security find-generic-password -w …`, `secret-tool lookup …`) or
an environment variable named in the subscription.
"""

from __future__ import annotations

import os

from planner.config import Subscription
from planner.sync.feed import FetchError

COMMAND_TIMEOUT = 60.0
"""Seconds a password command may take (a keyring may ask to be unlocked)."""


def password_for(subscription: Subscription) -> str | None:
    """The password, None when the subscription has none; FetchError when it cannot be had."""
    if subscription.password_command:
        return _from_command(subscription.password_command)
    if subscription.password_env:
        value = os.environ.get(subscription.password_env)
        if value is None:
            raise FetchError(
                f"the environment variable {subscription.password_env} (its password) is not set"
            )
        return value
    return None


def _from_command(command: str) -> str:
    import subprocess

    try:
        done = subprocess.run(
            command,
            shell=True,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise FetchError(f"the password command timed out after {COMMAND_TIMEOUT:g} s") from None
    except OSError as exc:
        raise FetchError(f"the password command cannot run: {exc.strerror or exc}") from None
    if done.returncode != 0:
        raise FetchError(f"the password command failed (exit status {done.returncode})")
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    if not lines or not lines[0]:
        raise FetchError("the password command printed no password")
    return lines[0]
