"""`ea-planner calendar add|list|remove`: the calendars kept current by `sync` and the dashboard.

A subscription is a name, an address and how to log in; it lives in
planner.json (`settings.calendars`). A password never does: it comes from
`--password-command` (the first line the command prints) or the environment
variable named by `--password-env`, each time a sync runs.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import Actions, exec_option
from planner.errors import InputError
from planner.humanize import counted

if TYPE_CHECKING:
    from planner.config import Subscription
    from planner.domain.document import Document

_ENV_NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    actions = Actions(
        subparsers,
        parent,
        "calendar",
        help="subscribe to the executive's calendars (.ics feeds, CalDAV)",
        description=(
            "Subscribe to the executive's calendars: a published .ics feed (http, https, "
            "webcal — Google's and Outlook's publish links) or a CalDAV calendar. "
            "`ea-planner sync` fetches them; the dashboard syncs them every few minutes."
        ),
        dest="calendar_command",
        required=True,
    )

    add = actions.add(
        "add",
        help="subscribe to a calendar",
        description=(
            "Subscribe to a calendar: a published .ics feed or, with --caldav, a CalDAV "
            "calendar collection, under a NAME of your choosing."
        ),
    )
    add.add_argument("name", metavar="NAME", help="the calendar's name (e.g. work)")
    add.add_argument("url", metavar="URL", help="the feed's or CalDAV calendar's address")
    add.add_argument(
        "--caldav", action="store_true", help="a CalDAV calendar collection, not an .ics feed"
    )
    add.add_argument("--username", metavar="USER", default="", help="user name for the server")
    secret = add.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-command",
        metavar="CMD",
        default="",
        help="a command printing the password on its first line (e.g. 'pass show work')",
    )
    secret.add_argument(
        "--password-env",
        metavar="VAR",
        default="",
        help="an environment variable holding the password",
    )
    add.add_argument(
        "--every",
        metavar="MINUTES",
        type=int,
        default=10,
        help="minutes between syncs while the dashboard runs (default 10)",
    )
    exec_option(add, help="whose calendar: an executive's short name (default: the first)")

    listing = actions.add(
        "list",
        help="list the subscriptions",
        description="List the calendar subscriptions and how each last synced.",
    )
    listing.add_argument("--json", action="store_true", help="as JSON")

    remove = actions.add(
        "remove",
        help="unsubscribe, and remove the calendar's events",
        description="Unsubscribe from a calendar and remove its events from the schedule.",
    )
    remove.add_argument(
        "name", metavar="NAME", help="the calendar's name (ea-planner calendar list)"
    )
    return ["calendar"]


def run(args: argparse.Namespace, context: Context) -> int:
    if args.calendar_command == "add":
        return _add(args, context)
    if args.calendar_command == "remove":
        return _remove(args, context)
    return _list(args, context)


def _add(args: argparse.Namespace, context: Context) -> int:
    import re

    import msgspec

    from planner.config import Subscription
    from planner.sync.feed import check_url
    from planner.text import clean_line

    name = clean_line(args.name)
    if not name:
        raise InputError("the calendar name is empty")
    url = args.url.strip()
    problem = check_url(url)
    if problem:
        raise InputError(problem)
    if args.caldav and url.lower().startswith("webcal://"):
        raise InputError("a CalDAV address starts with https:// (or http://), not webcal://")
    if not 1 <= args.every <= 24 * 60:
        raise InputError("--every must be between 1 and 1440 minutes")
    if args.password_env and not re.match(_ENV_NAME, args.password_env):
        raise InputError(f"--password-env: {args.password_env!r} is not a variable name")
    subscription = Subscription(
        name=name,
        url=url,
        caldav=args.caldav,
        username=args.username,
        password_command=args.password_command,
        password_env=args.password_env,
        every=args.every,
    )

    owners: list[Any] = []

    def change(document: Document) -> tuple[Document, None]:
        if any(c.name == name for c in document.settings.calendars):
            raise InputError(
                f'a calendar named "{name}" is already subscribed; '
                "remove it first or choose another name"
            )
        executive = context.chosen(document)
        owners.append((executive, len(document.roster) > 1))
        mine = msgspec.structs.replace(subscription, executive=executive.id)
        settings = msgspec.structs.replace(
            document.settings, calendars=(*document.settings.calendars, mine)
        )
        return msgspec.structs.replace(document, settings=settings), None

    context.store.transact(change)
    executive, several = owners[-1]
    whose = f" for {executive_words(executive)}" if several else ""
    print(f'subscribed to "{name}"{whose}: {describe(subscription)}', file=context.out)
    print(
        f"  `ea-planner sync {name}` fetches it now; the dashboard syncs it every "
        f"{subscription.every} min",
        file=context.out,
    )
    return 0


def _remove(args: argparse.Namespace, context: Context) -> int:
    import msgspec

    from planner.storage.syncstate import forget

    name = args.name
    removed: list[int] = []

    def change(document: Document) -> tuple[Document, None]:
        subs = document.settings.calendars
        if not any(c.name == name for c in subs):
            raise InputError(f'no calendar named "{name}"; `ea-planner calendar list` shows them')
        settings = msgspec.structs.replace(
            document.settings, calendars=tuple(c for c in subs if c.name != name)
        )
        events = tuple(e for e in document.events if e.calendar != name)
        removed.append(len(document.events) - len(events))
        return msgspec.structs.replace(document, settings=settings, events=events), None

    context.store.transact(change)
    forget(context.store, name)
    count = removed[-1]
    print(
        f'unsubscribed from "{name}"; removed its {counted(count, "event")}',
        file=context.out,
    )
    return 0


def _list(args: argparse.Namespace, context: Context) -> int:
    from zoneinfo import ZoneInfo

    from planner.config import executive_zone
    from planner.storage.syncstate import load_state

    document = context.store.load()
    settings = document.settings
    subs = settings.calendars
    several = len(document.roster) > 1
    state = load_state(context.store).calendars
    try:
        zone = ZoneInfo(executive_zone(settings))
    except (ValueError, KeyError, OSError):
        zone = None

    def at(moment: datetime | None) -> datetime | None:
        return None if moment is None else moment.astimezone(zone)

    if args.json:
        rows = []
        for sub in subs:
            st = state.get(sub.name)
            row: dict[str, Any] = {
                "name": sub.name,
                "url": shown_url(sub.url),
                "type": "caldav" if sub.caldav else "ics",
                "username": sub.username,
                "password": password_source(sub),
                "every": sub.every,
                "synced": _iso(at(st.synced)) if st else None,
                "error": st.error if st and st.error else None,
                "failing_since": _iso(at(st.failing_since)) if st else None,
            }
            if several:
                row["executive"] = document.owner(sub.executive)
            rows.append(row)
        print(json.dumps(rows, indent=2, ensure_ascii=False), file=context.out)
        return 0
    if not subs:
        print(
            "no calendars subscribed; `ea-planner calendar add NAME URL` adds one", file=context.out
        )
        return 0
    for sub in subs:
        st = state.get(sub.name)
        whose = ""
        if several:
            owner = document.owner(sub.executive)
            executive = next((x for x in document.roster if x.id == owner), None)
            whose = f"  ({executive_words(executive) if executive else owner})"
        print(f"{sub.name}  {describe(sub)}{whose}", file=context.out)
        if st is None or (st.synced is None and not st.error):
            print("  never synced", file=context.out)
            continue
        if st.synced is not None:
            print(f"  last synced {at(st.synced):%Y-%m-%d %H:%M}: {st.summary}", file=context.out)
        if st.error and st.failing_since is not None:
            print(
                f"  failing since {at(st.failing_since):%Y-%m-%d %H:%M}: {st.error}",
                file=context.out,
            )
    return 0


def executive_words(executive: Any) -> str:
    from planner.domain.executive import describe as named

    return named(executive)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def password_source(sub: Subscription) -> str | None:
    """Where the password comes from, never the password."""
    if sub.password_command:
        return f"command: {sub.password_command}"
    if sub.password_env:
        return f"environment: {sub.password_env}"
    return None


def describe(sub: Subscription) -> str:
    parts = ["CalDAV" if sub.caldav else ".ics feed", shown_url(sub.url)]
    if sub.username:
        parts.append(f"as {sub.username}")
    source = password_source(sub)
    if source:
        parts.append(f"password from {source}")
    parts.append(f"every {sub.every} min")
    return ", ".join(parts)


def shown_url(url: str) -> str:
    """The address with its secret parts hidden.

    Google's "secret address" and Outlook's publish links carry a token in the
    path (`private-3f9a…`, a long random segment) or the query; anyone holding
    the link reads the calendar, so those parts are shortened to their first
    four characters.
    """
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    segments = [_hide(s) for s in parts.path.split("/")]
    query = "&".join(
        f"{k}={_hide(v, always=True)}" if v else k
        for k, _, v in (item.partition("=") for item in parts.query.split("&") if item)
    )
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, netloc, "/".join(segments), query, ""))


def _hide(segment: str, *, always: bool = False) -> str:
    head, dash, tail = segment.partition("-")
    if dash and head.lower() == "private" and tail:
        return "private-" + tail[:4] + "…"
    if "@" in segment or "%40" in segment:
        return segment  # an address names the calendar; the token is elsewhere
    has_digit = any(c.isdigit() for c in segment)
    has_alpha = any(c.isalpha() for c in segment)
    if (always and len(segment) > 8) or (len(segment) >= 16 and has_digit and has_alpha):
        return segment[:4] + "…"
    return segment
