"""The kind of an imported event, guessed from what the calendar says about it.

An event's kind decides whether the executive may be interrupted during it, so
the guess is a small, predictable table, not a classifier. The first rule that
matches wins:

| # | the event has …                                                  | kind        |
|---|------------------------------------------------------------------|-------------|
| 1 | `X-EA-KIND:<kind>` naming one of the kinds                       | that kind   |
| 2 | `STATUS:TENTATIVE` or `X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE`     | hold        |
| 3 | `CLASS:PRIVATE` or `CLASS:CONFIDENTIAL`                          | personal    |
| 4 | a CATEGORIES value matching a keyword below (first category first)| its kind   |
| 5 | a title "EA check-in", "EA sync" or "EA catch-up"                | one-on-one  |
| 6 | a title (SUMMARY) matching a keyword below                       | its kind    |
| 7 | `X-MICROSOFT-CDO-BUSYSTATUS:OOF` (out of office)                 | personal    |
| 8 | `TRANSP:TRANSPARENT` (shown as free)                             | hold        |
| 9 | anything else                                                    | meeting     |

Keywords, matched as whole words without regard to case, in this order:

| kind        | keywords                                                                 |
|-------------|--------------------------------------------------------------------------|
| hold        | hold, tentative, placeholder, tbc, tbd                                   |
| travel      | flight, fly, train, travel (travelling, …), airport, commute, ✈, 🚆, 🚄  |
| personal    | personal, private, doctor, dentist, medical, vacation, holiday, pto,    |
|             | ooo, out of office, day off, family                                      |
| focus       | focus, deep work, no meetings, heads down, do not book                   |
| one-on-one  | 1:1, 1-1, 1on1, 1 on 1, one-on-one, one on one                           |
| call        | call, calls, phone, conference call, dial-in                             |

Video meetings (Zoom, Teams) stay meetings: several people, same rules.

`with_ea` (a one-on-one with the EA, a good moment for the whole brief queue) is
set when the kind is one-on-one and the title names the assistant: the word
"EA" in capitals or "assistant" (e.g. "1:1 Dana / EA", "EA sync").

`interruptible` stays None (the kind's rule applies) unless the event says:
`X-EA-INTERRUPTIBLE:TRUE|FALSE` wins; otherwise `TRANSP:TRANSPARENT` or
`X-MICROSOFT-CDO-BUSYSTATUS:FREE` (the executive is shown as free) make it True.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from planner.config import EVENT_KINDS, EventKind


class KindGuess(NamedTuple):
    """What the calendar says about an event's kind and interruptibility."""

    kind: EventKind
    with_ea: bool
    interruptible: bool | None


def _words(*patterns: str) -> re.Pattern[str]:
    # \b does not work next to symbols such as ✈ or ":", so whole words are
    # delimited by "not a letter or digit" on either side.
    return re.compile(r"(?<![\w])(?:" + "|".join(patterns) + r")(?![\w])", re.IGNORECASE)


KEYWORDS: tuple[tuple[EventKind, re.Pattern[str]], ...] = (
    ("hold", _words("hold", "tentative", "placeholder", "tbc", "tbd")),
    (
        "travel",
        _words(
            "flights?",
            "fly",
            "trains?",
            r"travel\w*",
            "airport",
            "commute",
            "\u2708\ufe0f?",
            "\U0001f686",
            "\U0001f684",
        ),
    ),
    (
        "personal",
        _words(
            "personal",
            "private",
            "doctor",
            "dentist",
            "medical",
            "vacation",
            "holidays?",
            "pto",
            "ooo",
            r"out\s+of\s+(?:the\s+)?office",
            r"day\s+off",
            "family",
        ),
    ),
    (
        "focus",
        _words(
            "focus",
            r"deep\s+work",
            r"no\s+meetings?",
            r"heads[\s-]+down",
            r"do\s+not\s+book",
        ),
    ),
    (
        "one-on-one",
        re.compile(
            r"(?<![\d:.])1\s*(?::|-|on)\s*1(?![\d:.])|(?<![\w])one[\s-]+on[\s-]+one(?![\w])",
            re.IGNORECASE,
        ),
    ),
    ("call", _words("calls?", "phone", r"conference\s+call", r"dial[\s-]?in")),
)
"""Keyword rules in the order they are tried; the first match decides the kind."""

_NAMES_EA = re.compile(r"(?<![\w])(?:EA|(?i:assistant))(?![\w])")
"""The assistant named in a title: "EA" in capitals (not "ea"), or "assistant"."""
_EA_MEETING = re.compile(r"(?<![\w])EA\s+(?i:check[\s-]?in|sync|catch[\s-]?up)(?![\w])")


def kind_from_text(text: str) -> EventKind | None:
    """The kind named by keywords in a title or category, or None."""
    for kind, pattern in KEYWORDS:
        if pattern.search(text):
            return kind
    return None


def _flag(value: str) -> bool | None:
    value = value.strip().upper()
    if value in ("TRUE", "YES", "1"):
        return True
    if value in ("FALSE", "NO", "0"):
        return False
    return None


def guess_kind(
    *,
    title: str,
    categories: Sequence[str] = (),
    transp: str = "",
    status: str = "",
    klass: str = "",
    busy_status: str = "",
    x_kind: str = "",
    x_interruptible: str = "",
) -> KindGuess:
    """Apply the table of this module's docstring to one event's properties."""
    transp, status, klass, busy_status = (
        v.strip().upper() for v in (transp, status, klass, busy_status)
    )
    kind: EventKind | None = None
    explicit = x_kind.strip().lower()
    for known in EVENT_KINDS:
        if explicit == known:
            kind = known
    if kind is None and (status == "TENTATIVE" or busy_status == "TENTATIVE"):
        kind = "hold"
    if kind is None and klass in ("PRIVATE", "CONFIDENTIAL"):
        kind = "personal"
    if kind is None:
        for category in categories:
            kind = kind_from_text(category)
            if kind is not None:
                break
    if kind is None and _EA_MEETING.search(title):
        kind = "one-on-one"
    if kind is None:
        kind = kind_from_text(title)
    if kind is None and busy_status == "OOF":
        kind = "personal"
    if kind is None and transp == "TRANSPARENT":
        kind = "hold"
    if kind is None:
        kind = "meeting"

    with_ea = kind == "one-on-one" and bool(_NAMES_EA.search(title))

    interruptible = _flag(x_interruptible)
    if interruptible is None and (transp == "TRANSPARENT" or busy_status == "FREE"):
        interruptible = True
    return KindGuess(kind, with_ea, interruptible)
