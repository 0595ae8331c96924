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


def set_executive_settings(
    document: Document, executive_id: str | None, settings: Settings
) -> tuple[Document, Settings]:
    """The settings screen's answer for one executive of the desk (None: the first):
    their name, zone, workday and rules (`executive.RULE_FIELDS`) go to that executive,
    the rest (the desk's own facts: the EA's name, the default promise, the day's parts)
    to the desk's settings. For the first executive that is `set_settings`."""
    from planner.domain import executive as x
    from planner.domain.desk import edit_executive

    if not executive_id or executive_id == document.first_executive_id:
        return set_settings(document, settings)
    ours = document.settings
    desk = msgspec.structs.replace(
        settings,
        executive_name=ours.executive_name,
        **{name: getattr(ours, name) for name in x.RULE_FIELDS},
    )
    fields = {name: msgspec.to_builtins(getattr(settings, name)) for name in x.RULE_FIELDS}
    changed, _ = edit_executive(
        msgspec.structs.replace(document, settings=desk),
        executive_id,
        {"name": clean_line(settings.executive_name), **fields},
    )
    return changed, changed.rules_for(executive_id)


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
