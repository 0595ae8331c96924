"""`ea-planner import`: the executive's schedule from an iCalendar file.

Series are expanded from `import_days_back` days before today to
`import_days_ahead` days after it (settings), in the executive's zone.
Re-importing the same file changes nothing; see planner.calendar_import.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.errors import InputError

if TYPE_CHECKING:
    from planner.clock import Clock
    from planner.storage import Store

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Larger files are refused: a calendar export is megabytes, not gigabytes."""

MAX_SKIPPED_SHOWN = 50


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "import",
        parents=[parent],
        help="import or refresh the executive's schedule from an .ics file",
        description=(
            "Import or refresh the executive's schedule from an iCalendar (.ics) file. "
            "Re-importing the same file changes nothing; events that vanished from the "
            "file are removed from that calendar within the imported range."
        ),
    )
    parser.add_argument("file", metavar="FILE.ics")
    parser.add_argument(
        "--calendar", metavar="NAME", help="calendar name (default: the file's name)"
    )
    return ["import"]


def run(args: argparse.Namespace, context: Context) -> int:
    lines = import_file(context.store, context.clock, Path(args.file), calendar=args.calendar)
    print("\n".join(lines), file=context.out)
    return 0


def import_file(store: Store, clock: Clock, path: Path, *, calendar: str | None) -> list[str]:
    """Import `path` into the calendar `calendar` (default: the file's name); the report lines.

    Shared by `ea-planner import` and the dashboard's `i`.
    """
    from zoneinfo import ZoneInfo

    from planner.calendar_import import NotICalendar, import_range, merge_calendar, read_ics
    from planner.config import executive_zone
    from planner.text import clean_line

    name = clean_line(calendar if calendar is not None else path.stem)
    if not name:
        raise InputError("the calendar name is empty; give one with --calendar NAME")
    data = read_file(path)
    settings = store.load().settings
    zone_name = executive_zone(settings)
    try:
        zone = ZoneInfo(zone_name)
    except (ValueError, KeyError, OSError):
        raise InputError(f"the executive's time zone {zone_name!r} is unknown") from None
    today = clock.now().astimezone(zone).date()
    start, end = import_range(
        today, zone, days_back=settings.import_days_back, days_ahead=settings.import_days_ahead
    )
    try:
        read = read_ics(data, zone=zone, start=start, end=end)
    except NotICalendar as exc:
        raise InputError(
            f"{path} is not an iCalendar file: {exc.reason}; nothing was imported"
        ) from None
    _, counts = store.transact(
        lambda document: merge_calendar(document, name, read.events, start=start, end=end)
    )
    lines = [
        f'calendar "{name}": added {counts.added}, updated {counts.updated}, '
        f"removed {counts.removed}, skipped {len(read.skipped)} "
        f"(from {start.date().isoformat()} to {end.date().isoformat()}, {zone_name})"
    ]
    for item in read.skipped[:MAX_SKIPPED_SHOWN]:
        uid = f"UID {item.uid}" if item.uid else "no UID"
        summary = f', "{item.summary}"' if item.summary else ""
        lines.append(f"  skipped: {item.reason} ({uid}{summary})")
    if len(read.skipped) > MAX_SKIPPED_SHOWN:
        lines.append(f"  … and {len(read.skipped) - MAX_SKIPPED_SHOWN} more skipped")
    lines.extend(f"  note: {note}" for note in read.notes)
    return lines


def read_file(path: Path) -> bytes:
    """The bytes of the .ics file, or an InputError naming it."""
    try:
        if path.is_dir():
            raise InputError(f"{path} is a directory, not an .ics file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"{path} is too large for a calendar ({size // (1024 * 1024)} MB); "
                "nothing was imported"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
