"""Untrusted text made safe to store and show: one function, applied once on ingest.

Customer names, summaries and calendar titles come from outside. Terminal
control characters (ESC, BEL, the C0 and C1 ranges, DEL) and Unicode bidi
overrides could repaint or reorder a terminal, so they are removed; tabs and
line breaks become spaces (or stay, for multi-line fields).
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_CONTROLS_NO_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}]")
_SPACES = re.compile(r"[ \t\r\n]+")


def clean_line(value: str) -> str:
    """One line of untrusted text: controls and bidi overrides removed, whitespace collapsed."""
    return _SPACES.sub(" ", _CONTROLS.sub("", value.replace("\t", " ").replace("\n", " "))).strip()


def clean_text(value: str) -> str:
    """Multi-line untrusted text: controls removed, line breaks kept (CRLF becomes LF)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROLS_NO_NEWLINE.sub("", value).strip()
