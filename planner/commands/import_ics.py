"""`ea-planner import`: the executive's schedule from an iCalendar file, folder, stdin or URL.

Series are expanded from `import_days_back` days before today to
`import_days_ahead` days after it (settings), in the executive's zone.
Re-importing the same data changes nothing; see planner.calendar_import.
Which calendar the events go into: planner.calendar_import.importer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from planner.commands.context import Context
from planner.commands.options import exec_option, json_option
from planner.errors import InputError

if TYPE_CHECKING:
    from planner.calendar_import.importer import ImportReport
    from planner.clock import Clock
    from planner.storage import Store

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Larger files are refused: a calendar export is megabytes, not gigabytes. The size is
counted by reading (at most this much plus one byte), never taken from `stat`: a pipe or
/dev/zero has no size to trust."""


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "import",
        parents=[parent],
        help="import or refresh the executive's schedule from an .ics file, folder or URL",
        description=(
            "Import or refresh the executive's schedule from an iCalendar (.ics) file, a "
            "folder of .ics files (a vdir, as vdirsyncer and khal keep them), standard "
            "input (-) or an http(s):// or webcal:// address (fetched once; to keep it "
            "current, use `ea-planner calendar add`). Re-importing the same data changes "
            "nothing; events that vanished from it are removed from that calendar within "
            "the imported range."
        ),
    )
    parser.add_argument("file", metavar="SOURCE", help="FILE.ics, a folder, - or a URL")
    parser.add_argument(
        "--calendar",
        metavar="NAME",
        help=(
            "calendar name (default: the calendar already holding these events, else the "
            "calendar's own name, else the file's, folder's or URL's name)"
        ),
    )
    json_option(parser, "the report as one JSON object")
    exec_option(
        parser,
        help="whose schedule: an executive's short name (default: the executive whose "
        "calendar of that name it is, else the first)",
    )
    return ["import"]


def run(args: argparse.Namespace, context: Context) -> int:
    executive = None
    if context.executive is not None:
        executive = context.chosen(context.store.load()).id
    report = import_source(
        context.store, context.clock, args.file, calendar=args.calendar, executive=executive
    )
    if args.json:
        from planner.commands.options import print_json

        print_json(context, report_json(report))
        return 0
    print("\n".join(report.lines()), file=context.out)
    return 0


def report_json(report: ImportReport) -> dict[str, Any]:
    """`import --json`: the counts, the window and every event skipped, with the reason."""
    window = report.window
    return {
        "calendar": report.calendar,
        "added": report.counts.added,
        "updated": report.counts.updated,
        "removed": report.counts.removed,
        "skipped": [
            {"uid": item.uid, "summary": item.summary, "reason": item.reason}
            for item in report.skipped
        ],
        "cancelled": report.cancelled,
        "outside": report.outside,
        "from": window.start.date().isoformat(),
        "to": window.end.date().isoformat(),
        "timezone": window.zone_name,
        "notes": list(report.notes),
    }


def import_source(
    store: Store,
    clock: Clock,
    source: str,
    *,
    calendar: str | None,
    stdin: BinaryIO | None = None,
    executive: str | None = None,
) -> ImportReport:
    """Import a file, a vdir folder, standard input (`-`) or a URL into the schedule of
    the executive of id `executive` (None: the calendar's owner, else the first); the
    report."""
    from planner.calendar_import.importer import calendar_owner, prepare
    from planner.operations.calendars import import_calendar
    from planner.text import clean_line

    if executive is None and calendar is not None:
        executive = calendar_owner(store.load(), clean_line(calendar))
    data, name, what = read_source(source, stdin=stdin)
    ready = prepare(store, clock, data, source_name=name, what=what, executive=executive)
    _, report = store.transact(
        lambda document: import_calendar(document, ready, calendar, executive=executive)
    )
    return report


def read_source(source: str, *, stdin: BinaryIO | None = None) -> tuple[bytes, str | None, str]:
    """The bytes of a file, a vdir folder, standard input (`-`) or a URL; its own name (for
    a new calendar), and how a message names it. Shared with the dashboard's `i`."""
    from planner.calendar_import.importer import joined
    from planner.sync.feed import is_url

    if source == "-":
        return read_stream(stdin if stdin is not None else sys.stdin.buffer), None, "standard input"
    if is_url(source):
        data, name = fetch_once(source)
        return data, name, source
    path = Path(source).expanduser()
    if path.is_dir():
        files = vdir_files(path)
        return joined([read_file(f) for f in files]), vdir_name(path), str(path)
    return read_file(path), path.stem, str(path)


def read_stream(stream: BinaryIO) -> bytes:
    """Standard input, at most MAX_FILE_BYTES."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            f"standard input is too large for a calendar (over "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB); nothing was imported"
        )
    return data


def fetch_once(url: str) -> tuple[bytes, str]:
    """The feed at `url` and a name for it (the last part of its path, without .ics)."""
    from urllib.parse import unquote, urlsplit

    from planner.sync.feed import FetchError, check_url, fetch_feed

    problem = check_url(url)
    if problem:
        raise InputError(problem)
    try:
        feed = fetch_feed(url)
    except FetchError as exc:
        raise InputError(f"cannot fetch {url}: {exc.message}; nothing was imported") from None
    segment = unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2])
    name = segment[:-4] if segment.lower().endswith(".ics") else segment
    return feed.body or b"", name


def vdir_files(folder: Path) -> list[Path]:
    """The .ics files of a vdir (one event each), in name order."""
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".ics" and p.is_file())
    except OSError as exc:
        raise InputError(f"cannot read {folder}: {exc.strerror or exc}") from None
    if not files:
        raise InputError(f"{folder} holds no .ics files; nothing was imported")
    total = sum(f.stat().st_size for f in files)
    if total > MAX_FILE_BYTES:
        raise InputError(
            f"{folder} is too large for a calendar ({total // (1024 * 1024)} MB); "
            "nothing was imported"
        )
    return files


def vdir_name(folder: Path) -> str:
    """The vdir's `displayname` file (vdirsyncer's metasync), else the folder's name."""
    from planner.errors import DataFileError
    from planner.storage.files import read_regular

    try:
        raw = read_regular(folder / "displayname", limit=4096, follow_symlinks=True)
        shown = raw.decode("utf-8").strip()
    except (OSError, UnicodeDecodeError, DataFileError):
        shown = ""
    return shown or folder.resolve().name


def read_file(path: Path) -> bytes:
    """The bytes of the .ics file (a pipe works too), or an InputError naming it."""
    import os

    from planner.errors import DataFileError
    from planner.storage.files import read_capped

    try:
        if path.is_dir():
            raise InputError(f"{path} is a directory, not an .ics file")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
        try:
            return read_capped(fd, path, MAX_FILE_BYTES)
        except DataFileError:
            raise InputError(
                f"{path} is too large for a calendar (larger than "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB); nothing was imported"
            ) from None
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
