"""The detail view of one follow-up (`Enter`): every field, the facts log, every action."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

import pendulum
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from planner.day import status_words, zones_of
from planner.domain import FollowUp
from planner.domain.document import Document
from planner.domain.executive import describe as describe_executive
from planner.domain.facts import log_line
from planner.domain.followup import effective_promise, is_broken
from planner.domain.history import standing
from planner.humanize import fmt, when
from planner.ui.bindings import followup_bindings
from planner.ui.guard import Guarded
from planner.ui.messages import settle
from planner.ui.widgets.footer import KeyFooter
from planner.ui.widgets.palette import status_colors

if TYPE_CHECKING:
    from planner.ui.host import Host


def describe(
    followup: FollowUp,
    now: pendulum.DateTime,
    tz: str,
    *,
    broken_style: str = "bold red",
    whose: str = "",
    label: str = "",
) -> Text:
    """All fields of a follow-up as plain text (untrusted values are never markup); its
    times in `tz`, the zone of its executive. On a desk of several executives, `whose`
    says whose it is and `label` (the zone as a place, when it is not the EA's) marks
    its promise, the times then being that zone's."""
    text = Text()

    def row(name: str, value: str, style: str = "") -> None:
        text.append(f"{name:<14}", style="dim")
        text.append((value or "—") + "\n", style=style)

    row("customer", followup.customer, "bold")
    if whose:
        row("executive", whose)
    if label:
        row("times", f"{label} time ({tz})")
    org = followup.organization + (" (internal)" if followup.internal else "")
    row("organisation", org)
    row("summary", followup.summary)
    row("status", status_words(followup, now, tz, label) or followup.status)
    if followup.status == "waiting":
        row("waiting for", followup.waiting_for)
    promise = when(effective_promise(followup, now), now, tz, label)
    if is_broken(followup, now):
        row("promise", f"{promise} — BROKEN: call them now", broken_style)
    elif followup.is_open and standing(followup).paused:
        promised = when(followup.promised_by, now, tz, label)
        row("promise", f"paused · was {promised}")
        row("", "(while the customer is awaited; the time waited is added when the wait ends)")
    else:
        row("promise", promise)
    row("kind", followup.kind)
    row("channel", followup.channel)
    row("priority", followup.priority)
    row("tags", " ".join("#" + t for t in followup.tags))
    created = fmt(pendulum.instance(followup.created).in_tz(tz), "ddd D MMM YYYY HH:mm")
    row("created", created)
    if followup.resolution:
        row("resolution", followup.resolution)
    if followup.drop_reason:
        row("dropped", followup.drop_reason)
    row("id", followup.id, "dim")
    text.append("\nFacts log\n", style="bold")
    for entry in followup.log:
        text.append("  " + log_line(entry, tz) + "\n")
    return text


class FollowUpScreen(Guarded, Screen[None]):
    """One follow-up in full. The action keys are the dashboard's own (the same ids)."""

    CSS_PATH = "followup.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="detail.back"),
        *followup_bindings(),
        Binding(
            "b",
            "add_brief",
            "Brief",
            tooltip="Add a brief about it",
            id="brief.add",
            priority=True,
            show=False,
        ),
    ]

    def __init__(self, followup_id: str) -> None:
        super().__init__()
        self.followup_id = followup_id

    @property
    def planner(self) -> Host:
        return cast("Host", self.app)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail"):
            yield Static(id="detail-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.planner.document_changed.subscribe(self, self._document_changed, immediate=True)
        self.refresh_view()

    def _document_changed(self, _document: Document) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        app = self.planner
        followup = app.find_followup(self.followup_id)
        body = self.query_one("#detail-body", Static)
        if followup is None:
            body.update(Text("This follow-up is no longer here (undone or archived)."))
            return
        self.query_one("#detail").border_title = Content(f"Follow-up: {followup.customer}")
        broken = status_colors(self.app).broken_style
        document = app.document
        zones = zones_of(document, app.ea_zone)
        tz, label, whose = app.timezone, "", ""
        if zones.several:
            tz, label = zones.zone(followup.executive), zones.label(followup.executive)
            whose = (
                describe_executive(document.executive(followup.executive))
                if followup.executive in zones.of
                else "the desk's own"
            )
        body.update(
            describe(
                followup,
                app.clock.now(),
                tz,
                broken_style=broken,
                whose=whose,
                label=label,
            )
        )

    @work(group="ask")
    async def action_followup(self, step: str) -> None:
        from planner.ui.ask import followups

        followup = self.planner.find_followup(self.followup_id)
        if followup is not None:
            await settle(self, followups.move(self.planner.asker, step, followup))

    @work(group="ask")
    async def action_add_brief(self) -> None:
        from planner.ui.ask import briefs

        await settle(self, briefs.new_brief(self.planner.asker, linked=self.followup_id))
