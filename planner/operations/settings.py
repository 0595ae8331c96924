"""The executive's settings, kept in the document: changed on the settings screen, on the
first run's welcome (with the sample day if asked), and by `ea-planner calendar`."""

from __future__ import annotations

import msgspec

from planner.config import Settings
from planner.domain.document import Document
from planner.text import clean_line


def set_settings(document: Document, settings: Settings) -> tuple[Document, Settings]:
    """The document with `settings` in place of its own."""
    return msgspec.structs.replace(document, settings=settings), settings


def welcome(
    document: Document,
    *,
    timezone: str,
    executive_name: str = "",
    own_organization: str = "",
    assistant_name: str = "",
    sample: Document | None = None,
) -> tuple[Document, Settings]:
    """The first run's answers adopted: the settings (blank answers keep what is there), and
    the `sample` day's records added to whatever is there (another terminal may have
    written meanwhile)."""
    base = sample.settings if sample is not None else document.settings
    settings = msgspec.structs.replace(
        base,
        executive_name=clean_line(executive_name) or base.executive_name,
        timezone=timezone,
        own_organization=clean_line(own_organization) or base.own_organization,
        assistant_name=clean_line(assistant_name) or base.assistant_name,
    )
    if sample is None:
        return msgspec.structs.replace(document, settings=settings), settings
    changed = msgspec.structs.replace(
        document,
        settings=settings,
        events=(*document.events, *sample.events),
        followups=(*document.followups, *sample.followups),
        briefs=(*document.briefs, *sample.briefs),
        windows=(*document.windows, *sample.windows),
    )
    return changed, settings
