"""Errors a user can act on. The CLI turns them into one or two lines and an exit status."""

from __future__ import annotations


class PlannerError(Exception):
    """An error with a message meant for the user, never a traceback."""

    exit_status = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(PlannerError):
    """Bad input on the command line or in the quick-add grammar (exit 2)."""

    exit_status = 2


class DataFileError(PlannerError):
    """A data or config file that cannot be read as it is (exit 2). It is never overwritten."""

    exit_status = 2

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"cannot read {path}: {problem}")
        self.path = path
        self.problem = problem


class StorageError(PlannerError):
    """The disk refused a write (full, read-only, permissions). The old file is intact."""

    exit_status = 1


class LockTimeout(StorageError):
    """Another ea-planner process held the data lock for too long."""
