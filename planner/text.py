"""Untrusted text made safe to store and show: cleaned on ingest, and again on output.

Customer names, summaries and calendar titles come from outside. Terminal
control characters (ESC, BEL, the C0 and C1 ranges, DEL) and Unicode bidi
overrides could repaint or reorder a terminal, so they are removed; tabs and
line breaks become spaces (or stay, for multi-line fields). Bytes that were not
UTF-8 (lone surrogates from the file system or the command line) become U+FFFD.

`clean_line`/`clean_text` run on ingest (what is stored is clean); `for_terminal`
runs at every boundary where stored text meets a terminal or a Markdown file, so
a document edited by hand or written by an older version cannot reach the terminal
with an escape in it either.
"""

from __future__ import annotations

import re
from functools import cache

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"


# Each pattern is compiled on first use (about a millisecond each): `ea-planner today`
# only writes to the terminal, and needs the output's alone.
@cache
def _controls() -> re.Pattern[str]:
    return re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")


@cache
def _controls_no_newline() -> re.Pattern[str]:
    return re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}]")


@cache
def _spaces() -> re.Pattern[str]:
    return re.compile(r"[ \t\r\n]+")


@cache
def _surrogates() -> re.Pattern[str]:
    return re.compile("[\ud800-\udfff]")


@cache
def _output() -> re.Pattern[str]:
    return re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")


def _no_surrogates(value: str) -> str:
    surrogates = _surrogates()
    return surrogates.sub("\ufffd", value) if surrogates.search(value) else value


def clean_line(value: str) -> str:
    """One line of untrusted text: controls and bidi overrides removed, whitespace collapsed."""
    value = _no_surrogates(value)
    one_line = value.replace("\t", " ").replace("\n", " ")
    return _spaces().sub(" ", _controls().sub("", one_line)).strip()


def clean_text(value: str) -> str:
    """Multi-line untrusted text: controls removed, line breaks kept (CRLF becomes LF)."""
    value = _no_surrogates(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _controls_no_newline().sub("", value).strip()


def for_terminal(value: str) -> str:
    """Text about to reach a terminal or a file a terminal may show: every control
    character except line feed and tab removed, bidi overrides removed, non-UTF-8
    bytes shown as U+FFFD. Cheap when there is nothing to remove."""
    return _output().sub(_replace_output, value)


def has_control(value: str) -> bool:
    """Whether `for_terminal` would change `value` (a fast check for hot paths)."""
    return _output().search(value) is not None


def _replace_output(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""
