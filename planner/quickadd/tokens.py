"""The words of a quick-add line and its sigil tokens: `@Org`, `!priority`, `#tag`, `~channel`.

`lex` splits the line into lexemes; the `read_…` functions record each token (or the
error it makes) in the `Reading` of the line.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from planner.domain.followup import Channel
from planner.domain.priority import Priority
from planner.quickadd.parsed import Span, SpanRole
from planner.text import clean_line
from planner.when import WhenMatch

_PRIORITY_TOKENS: dict[str, Priority] = {
    "1": "urgent",
    "urgent": "urgent",
    "2": "high",
    "high": "high",
    "3": "normal",
    "normal": "normal",
    "4": "low",
    "low": "low",
}
_CHANNEL_TOKENS: dict[str, Channel] = {
    "phone": "phone",
    "call": "phone",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "in-person": "in-person",
    "inperson": "in-person",
    "meet": "in-person",
    "meeting": "in-person",
}
TRAILING = ",;."
TOKEN_STARTS = "@!#~"
_TAG = re.compile(r"[\w/-]+")


class Lexeme(NamedTuple):
    start: int
    end: int
    text: str
    quoted_org: str | None = None
    """For `@"Multi Word Org"`: the text between the quotes."""


_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"\S+")


def lex(text: str, pos: int) -> list[Lexeme]:
    """Whitespace-separated words from `pos`, with `@"…"` / `@'…'` kept as one lexeme."""
    lexemes: list[Lexeme] = []
    while found := _NON_SPACE.search(text, pos):
        i = found.start()
        if text.startswith(('@"', "@'"), i):
            close = text.find(text[i + 1], i + 2)
            if close >= 0:
                end = close + 1
                while end < len(text) and text[end] in TRAILING:
                    end += 1
                lexemes.append(Lexeme(i, end, text[i:end], text[i + 2 : close]))
                pos = end
                continue
        word = _WORD.match(text, i)
        assert word is not None
        lexemes.append(Lexeme(i, word.end(), word.group()))
        pos = word.end()
    return lexemes


def _core(word: str) -> str:
    """A token's body: without its sigil and without trailing `,;.`."""
    return word[1:].rstrip(TRAILING)


class Promise(NamedTuple):
    text: str
    """The words as typed, for messages ("by fri")."""
    found: WhenMatch
    span: Span


class Reading:
    """What the scan has found so far (mutable while scanning one line)."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.errors: list[str] = []
        self.organization = ""
        self.organization_text = ""
        self.priority: Priority | None = None
        self.priority_text = ""
        self.channel: Channel | None = None
        self.channel_text = ""
        self.tags: list[str] = []
        self.promises: list[Promise] = []
        """Each `by`/`due`/`before` that read a WHEN."""
        self.alone: list[Promise] = []
        """Each promise form written without a keyword (`in 2 hours`, `eod`)."""
        self.gone_by: list[Promise] = []
        """Each `by`/`due` date that has just passed this year ("due 4/12" on 7 Dec)."""
        self.unread_promises: list[tuple[str, str]] = []
        """Each `by`/`due` followed by words that are not a WHEN: (keyword, those words)."""

    def token(self, lexeme: Lexeme, role: SpanRole) -> None:
        self.spans.append(Span(lexeme.start, lexeme.end, role))


def read_organization(reading: Reading, lexeme: Lexeme) -> None:
    if lexeme.quoted_org is not None:
        name = clean_line(lexeme.quoted_org)
        if not name:
            reading.errors.append(f"empty organisation: {lexeme.text!r}")
            return
    else:
        name = _core(lexeme.text)
        if name[:1] in ("'", '"'):
            reading.errors.append(f"the quote after @ is not closed: {lexeme.text!r}")
            return
        if not name[:1].isalnum():
            return  # a lone "@" or "@)" is prose
        name = clean_line(name)
    if reading.organization:
        reading.errors.append(
            f"more than one organisation: {reading.organization_text!r} and {lexeme.text!r}"
        )
        return
    reading.organization, reading.organization_text = name, lexeme.text
    reading.token(lexeme, "organization")


def read_priority(reading: Reading, lexeme: Lexeme) -> None:
    core = _core(lexeme.text)
    if not core[:1].isalnum():
        return  # "!" or "!!!" is prose
    priority = _PRIORITY_TOKENS.get(core.lower())
    if priority is None:
        reading.errors.append(
            f"unknown priority {'!' + core!r}: use !1–!4 or !urgent, !high, !normal, !low"
        )
    elif reading.priority is not None:
        reading.errors.append(
            f"more than one priority: {reading.priority_text!r} and {'!' + core!r}"
        )
    else:
        reading.priority, reading.priority_text = priority, "!" + core
        reading.token(lexeme, "priority")


def read_tag(reading: Reading, lexeme: Lexeme) -> None:
    core = _core(lexeme.text)
    if not core[:1].isalpha():
        return  # "#4521" is an order number, not a tag
    if not _TAG.fullmatch(core):
        reading.errors.append(f"not a tag: {lexeme.text!r} (use letters, digits, - _ /)")
        return
    tag = core.lower()
    if tag not in reading.tags:
        reading.tags.append(tag)
    reading.token(lexeme, "tag")


def read_channel(reading: Reading, lexeme: Lexeme) -> None:
    core = _core(lexeme.text)
    if not core[:1].isalpha():
        return  # "~5 min" is prose
    channel = _CHANNEL_TOKENS.get(core.lower())
    if channel is None:
        reading.errors.append(f"unknown channel {'~' + core!r}: use ~phone, ~email or ~in-person")
    elif reading.channel is not None:
        reading.errors.append(f"more than one channel: {reading.channel_text!r} and {'~' + core!r}")
    else:
        reading.channel, reading.channel_text = channel, "~" + core
        reading.token(lexeme, "channel")
