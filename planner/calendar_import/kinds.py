"""The kind of an imported event, guessed from what the calendar says about it.

An event's kind decides whether the executive may be interrupted during it, so
the guess is a small, predictable table, not a classifier. The first rule that
matches wins:

| # | the event has …                                                  | kind        |
|---|------------------------------------------------------------------|-------------|
| 1 | `X-EA-KIND:<kind>` naming one of the kinds                       | that kind   |
| 2 | `STATUS:TENTATIVE` or `X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE`     | hold        |
| 3 | attendees (organizer included, rooms left out) that are the      | one-on-one  |
|   | assistant and the executive alone, or a title that names the     | with the EA |
|   | two of them and nothing else ("Dana / Chris", "Chris <> Dana 1:1")|            |
| 4 | a title or CATEGORIES value naming focus time ("Focus time",      | focus       |
|   | Outlook's and Viva Insights' private focus bookings included)    |             |
| 5 | `CLASS:PRIVATE` or `CLASS:CONFIDENTIAL`                          | personal    |
| 6 | a CATEGORIES value matching a keyword below (first category first)| its kind   |
| 7 | a title "EA check-in", "EA sync" or "EA catch-up"                | one-on-one  |
| 8 | a title (SUMMARY) matching a keyword below                       | its kind    |
| 9 | `X-MICROSOFT-CDO-BUSYSTATUS:OOF` (out of office)                 | personal    |
| 10| `TRANSP:TRANSPARENT` (shown as free)                             | hold        |
| 11| anything else                                                    | meeting     |

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
set by rule 3, and when the kind is one-on-one and the title names the
assistant: the word "EA" in capitals, "assistant", or the assistant's name from
the settings (`assistant_name`; the full name or the first name, as whole words
without regard to case), e.g. "1:1 Dana / EA", "EA sync", "Chris 1:1".

A person at an event is the assistant (or the executive) when the attendee's
name (CN) contains the full name or the first name as whole words, or the
address's local part is the first name or starts with it and a dot
(chris@…, chris.jones@…). With no executive name in the settings, any one other
person counts as the executive: the calendar is the executive's.

`interruptible` stays None (the kind's rule applies) unless the event says:
`X-EA-INTERRUPTIBLE:TRUE|FALSE` wins; otherwise `TRANSP:TRANSPARENT` or
`X-MICROSOFT-CDO-BUSYSTATUS:FREE` (the executive is shown as free) make it True.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from planner.config import EVENT_KINDS, EventKind


class Person(NamedTuple):
    """Someone at an event: the name (CN) and the e-mail address, either may be empty."""

    name: str
    address: str


class People(NamedTuple):
    """The two people a one-on-one with the EA is between, by name (settings)."""

    executive: str = ""
    assistant: str = ""


NO_PEOPLE = People()
"""No names known: only "EA" and "assistant" in titles name the assistant."""


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

_FOCUS = KEYWORDS[3][1]
"""Focus keywords: Outlook books its (Viva Insights) "Focus time" as a private event."""

_NAMES_EA = re.compile(r"(?<![\w])(?:EA|(?i:assistant))(?![\w])")
"""The assistant named in a title: "EA" in capitals (not "ea"), or "assistant"."""
_EA_MEETING = re.compile(r"(?<![\w])EA\s+(?i:check[\s-]?in|sync|catch[\s-]?up)(?![\w])")


_FILLER = re.compile(
    r"(?<![\w])(?:and|with|x|vs|weekly|daily|sync|check[\s-]?in|catch[\s-]?up|meeting|chat)(?![\w])"
    r"|[/&+<>|:,.\-–—()\[\]~]",
    re.IGNORECASE,
)
"""What may sit between two names in a one-on-one's title besides 1:1 words."""


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """The full name or the first name (two letters or more), as whole words."""
    words = name.split()
    if not words:
        return None
    options = [r"\s+".join(map(re.escape, words))]
    if len(words) > 1 and len(words[0]) >= 2:
        options.append(re.escape(words[0]))
    return re.compile(r"(?<![\w])(?:" + "|".join(options) + r")(?![\w])", re.IGNORECASE)


def _is(person: Person, name: str, pattern: re.Pattern[str]) -> bool:
    if person.name and pattern.search(person.name):
        return True
    local = person.address.partition("@")[0].lower()
    first = name.split()[0].lower()
    return bool(local) and (local == first or local.startswith(first + "."))


def _with_ea_alone(title: str, attendees: Sequence[Person], people: People) -> bool:
    """Rule 3: the attendees, or else the title, are the assistant and the executive alone."""
    ea = _name_pattern(people.assistant)
    if ea is None:
        return False
    boss = _name_pattern(people.executive)
    unique = {(p.address.lower() or p.name.lower()): p for p in attendees}
    if len(unique) == 2:
        first, second = unique.values()
        for a, b in ((first, second), (second, first)):
            if _is(a, people.assistant, ea) and not _is(b, people.assistant, ea):
                return boss is None or _is(b, people.executive, boss)
        return False
    if len(unique) > 2 or boss is None or not ea.search(title) or not boss.search(title):
        return False
    rest = KEYWORDS[4][1].sub(" ", boss.sub(" ", ea.sub(" ", title)))
    return not re.search(r"\w", _FILLER.sub(" ", rest))


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
    attendees: Sequence[Person] = (),
    people: People = NO_PEOPLE,
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
    alone = kind is None and _with_ea_alone(title, attendees, people)
    if alone:
        kind = "one-on-one"
    if kind is None and any(_FOCUS.search(text) for text in (title, *categories)):
        kind = "focus"
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

    ea = _name_pattern(people.assistant)
    with_ea = alone or (
        kind == "one-on-one"
        and bool(_NAMES_EA.search(title) or (ea is not None and ea.search(title)))
    )

    interruptible = _flag(x_interruptible)
    if interruptible is None and (transp == "TRANSPARENT" or busy_status == "FREE"):
        interruptible = True
    return KindGuess(kind, with_ea, interruptible)
