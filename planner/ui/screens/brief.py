"""The detail view of one brief (`Enter` in the Brief queue): its facts, its solution, and
every change — solution, minutes, priority, deliver-by, delivered, drop."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

import pendulum
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from planner.day import labelled, zones_of
from planner.domain import Brief
from planner.domain.brief import is_held
from planner.humanize import fmt, when
from planner.operations import Change, briefs
from planner.ui.messages import Applied, request_change, settle
from planner.ui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable
    from datetime import datetime

    from planner.domain.document import Document
    from planner.domain.followup import FollowUp
    from planner.ui.ask import Asker, Proposal
    from planner.ui.host import Host


def describe_brief(
    brief: Brief,
    followup: FollowUp | None,
    now: datetime,
    tz: str,
    where: str = "",
    label: str = "",
) -> Text:
    """All of a brief as plain text (untrusted values are never markup), its times in `tz`
    (its executive's zone) with the zone `label` when that is not the EA's."""
    text = Text()

    def row(name: str, value: str, style: str = "") -> None:
        text.append(f"{name:<14}", style="dim")
        text.append((value or "—") + "\n", style=style)

    row("title", brief.title, "bold")
    row("kind", brief.kind)
    row("priority", brief.priority)
    row("minutes", f"{brief.minutes} min")
    row("deliver by", when(brief.deliver_by, now, tz, label) if brief.deliver_by else "")
    if brief.delivered is not None:
        row("state", "told the executive " + when(brief.delivered, now, tz, label))
    elif brief.dropped is not None:
        row("state", f"dropped {when(brief.dropped, now, tz, label)}: {brief.drop_reason}")
    elif is_held(brief):
        row("state", "held: bad news goes in only with a proposed solution (s)", "bold")
    else:
        row("state", "in the queue" + (f" · {where}" if where else ""))
    row("solution", brief.solution)
    if followup is not None:
        who = followup.customer + (f" ({followup.organization})" if followup.organization else "")
        row("follow-up", f"{who} — {followup.summary} · {followup.status} · {followup.id}")
    elif brief.followup_id:
        row("follow-up", brief.followup_id)
    created = fmt(pendulum.instance(brief.created).in_tz(tz), "ddd D MMM YYYY HH:mm")
    row("created", created)
    row("id", brief.id, "dim")
    text.append("\nFacts\n", style="bold")
    if not brief.facts:
        text.append("  (none)\n", style="dim")
    for fact in brief.facts:
        text.append(f"  {fact}\n")
    return text


class BriefScreen(Screen[None]):
    """One brief in full, and the keys that change it."""

    CSS_PATH = "brief.tcss"
    OWNS_KEYS = True
    """The dashboard's keys of the same letters (s, b, x) do not act behind this screen."""

    # Priority, as the detail view of a follow-up: the dashboard's keys of the same letters
    # must not act behind this screen.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="brief-detail.back"),
        Binding(
            "s",
            "solution",
            "Solution",
            tooltip="Add or edit the solution",
            id="brief-detail.solution",
            priority=True,
        ),
        Binding("m", "minutes", "Minutes", id="brief-detail.minutes", priority=True),
        Binding("r", "priority", "Priority", id="brief-detail.priority", priority=True),
        Binding("b", "deliver_by", "Deliver by", id="brief-detail.deliver_by", priority=True),
        Binding(
            "d",
            "deliver",
            "Delivered",
            tooltip="Mark it told",
            id="brief-detail.deliver",
            priority=True,
        ),
        Binding(
            "x",
            "drop",
            "Drop",
            tooltip="Take it off the queue untold",
            id="brief-detail.drop",
            priority=True,
        ),
    ]

    def __init__(self, brief_id: str) -> None:
        super().__init__()
        self.brief_id = brief_id

    @property
    def planner(self) -> Host:
        return cast("Host", self.app)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="brief-detail"):
            yield Static(id="brief-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        changed = getattr(self.planner, "document_changed", None)
        if changed is not None:  # changes made elsewhere (another process, undo) show at once
            changed.subscribe(self, self._document_changed, immediate=True)
        self.refresh_view()

    def _document_changed(self, _document: Document) -> None:
        self.refresh_view()

    @property
    def brief(self) -> Brief | None:
        return next((b for b in self.planner.document.briefs if b.id == self.brief_id), None)

    def refresh_view(self) -> None:
        app = self.planner
        brief = self.brief
        body = self.query_one("#brief-body", Static)
        if brief is None:
            body.update(Text("This brief is no longer here (undone or archived)."))
            return
        self.query_one("#brief-detail").border_title = f"Brief: {brief.title}"
        followup = app.find_followup(brief.followup_id) if brief.followup_id else None
        now = app.clock.now()
        zones = zones_of(app.document, app.ea_zone)
        tz, label = zones.zone(brief.executive), zones.label(brief.executive)
        body.update(describe_brief(brief, followup, now, tz, self._where(brief, tz, label), label))

    def _where(self, brief: Brief, tz: str, label: str) -> str:
        """Where the queue packs it: in its executive's good moments, on their clock."""
        from planner.scheduling import pack

        app = self.planner
        now = app.clock.now().in_tz(tz)
        document = app.document.view(app.document.owner(brief.executive))
        packing = pack(
            document.briefs,
            document.events,
            document.windows,
            document.settings,
            now.date(),
            now,
            tz=tz,
        )
        placement = packing.placement(brief.id)
        if placement is None:
            return ""
        parts = []
        if placement.at is not None:
            at = placement.at.in_tz(tz)
            pattern = "HH:mm" if at.date() == now.date() else "ddd D MMM HH:mm"
            parts.append(f"lands {labelled(fmt(at, pattern), label)}")
        parts.extend(placement.flags)
        return " · ".join(parts)

    # -- changes -----------------------------------------------------------------

    def _change(self, change: Change[Brief], done: str) -> None:
        def applied(outcome: Applied[Brief] | None) -> None:
            if outcome is not None and self.is_attached:
                self.refresh_view()

        request_change(self, change, done, then=applied)

    def _edit(self, done: str, **changes: object) -> None:
        now, brief_id = self.planner.now(), self.brief_id
        self._change(lambda d: briefs.edit_brief(d, brief_id, now, **changes), done)

    @work(group="ask")
    async def action_solution(self) -> None:
        from planner.ui.ask import briefs as asking

        await self._settle(asking.solution)

    @work(group="ask")
    async def action_minutes(self) -> None:
        from planner.ui.ask import briefs as asking

        await self._settle(asking.minutes)

    @work(group="ask")
    async def action_priority(self) -> None:
        from planner.ui.ask import briefs as asking

        await self._settle(asking.priority)

    @work(group="ask")
    async def action_deliver_by(self) -> None:
        from planner.ui.ask import briefs as asking

        await self._settle(asking.deliver_by)

    @work(group="ask")
    async def action_drop(self) -> None:
        from planner.ui.ask import briefs as asking

        await self._settle(asking.drop)

    async def _settle(
        self, sequence: Callable[[Asker, Brief], Awaitable[Proposal[Brief] | None]]
    ) -> None:
        """Ask (planner.ui.ask.briefs) and apply the answer; then show the brief as it is."""
        brief = self.brief
        if brief is None:
            return
        if await settle(self, sequence(self.planner.asker, brief)) and self.is_attached:
            self.refresh_view()

    def action_deliver(self) -> None:
        now, brief_id = self.planner.now(), self.brief_id
        self._change(lambda d: briefs.deliver_brief(d, brief_id, now), "Delivered")
