"""The dashboard of a desk of two executives (New York and London, overlapping days), seen
from Paris: one header line per executive, `v` cycling the view, whose each row is in
"all", and alerts that name the executive."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Static

from planner.clock import Clock
from planner.preferences import load, preferences_path
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.dialogs.choice import ChoiceScreen
from planner.ui.screens.dashboard import DashboardScreen
from planner.ui.widgets.briefs import BriefPane
from planner.ui.widgets.followups import FollowUpsPane
from planner.ui.widgets.row_table import RowTable
from planner.ui.widgets.schedule import SchedulePane
from tests.conftest import FROZEN_ZONE, instant
from tests.ui.desk import DANA, LEE, LONDON, NOW, NY, two_executives


@pytest.fixture
def desk_clock() -> Clock:
    return Clock(fixed=instant(NOW))


@pytest.fixture
def desk_app(store: Store, desk_clock: Clock, config_dir: Path) -> PlannerApp:
    store.save(two_executives())
    return create_app(store, desk_clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)


def header(app: PlannerApp) -> list[str]:
    dashboard = app.dashboard
    title = dashboard.query_one("#header-title", Static).render()
    status = dashboard.query_one("#header-status", Static).render()
    assert isinstance(title, Content) and isinstance(status, Content)
    return [title.plain, *status.plain.split("\n")]


def cells(table: RowTable, column: str) -> list[str]:
    index = [c[0] for c in table.columns].index(column)
    return [table.get_row(key)[index].plain for key in table.row_keys()]


def status_style(app: PlannerApp, line: int) -> str:
    """The style of the status words on a header line (after the name and local time)."""
    status = app.dashboard.query_one("#header-status", Static).render()
    assert isinstance(status, Content)
    start = sum(len(text) + 1 for text in status.plain.split("\n")[:line])
    end = start + len(status.plain.split("\n")[line])
    styles = [str(span.style) for span in status.spans if start <= span.start < end]
    return styles[-1]


async def test_the_header_has_a_line_per_executive_with_their_own_time_and_status(
    desk_app: PlannerApp,
) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        title, dana, lee = header(desk_app)
        assert "all executives" in title and "you 15:00 (Europe/Paris)" in title
        assert " ".join(dana.split()) == "Dana 09:00 New York in Board meeting until 10:00"
        assert " ".join(lee.split()) == (
            "Lee 14:00 London good moment now (until 14:55, 55 min left)"
        )
        # Colour-coded as a lone executive's status is: in an event amber, a good moment green.
        assert "bold" in status_style(desk_app, 1) and status_style(desk_app, 0) != status_style(
            desk_app, 1
        )
        assert desk_app.dashboard.query_one("#header").size.height == 3


async def test_v_cycles_the_view_through_each_executive_then_all_and_remembers_it(
    desk_app: PlannerApp, config_dir: Path
) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dashboard = desk_app.dashboard
        assert dashboard.in_view is None
        schedule = dashboard.query_one(SchedulePane)
        everyone = cells(schedule, "what")
        assert "Dana Board meeting" in everyone and "Lee  Ops review" in everyone

        await pilot.press("v")
        assert dashboard.in_view == DANA.id
        title, dana, lee = header(desk_app)
        assert "Dana Whitfield 09:00 (America/New_York)" in title
        assert dana.startswith("▸ Dana") and lee.startswith("  Lee")
        assert [w for w in cells(schedule, "what") if not w.startswith("─")][:2] == [
            "◆ 20 min",
            "Board meeting",
        ]
        assert "Ops review" not in cells(schedule, "what")
        # Dana's follow-up and the desk's own; not Lee's.
        followups = dashboard.query_one(FollowUpsPane)
        customers = [m.split(" ·")[0].split(" —")[0] for m in cells(followups, "matter")]
        assert customers == ["Maria Ortiz", "Facilities"]
        assert load(preferences_path(config_dir)).view == "Dana"

        await pilot.press("v")
        assert dashboard.in_view == LEE.id
        assert "Lee Okafor 14:00 (Europe/London)" in header(desk_app)[0]
        assert cells(schedule, "what")[:2] == ["◆ 4 h 25 min", "Lunch with auditors"]
        briefs = dashboard.query_one(BriefPane)
        assert cells(briefs, "title")[1:] == ["Supplier call went well"]

        await pilot.press("v")
        assert dashboard.in_view is None
        assert load(preferences_path(config_dir)).view == "all"

    # A new start shows the view chosen last.
    (tmp_config := config_dir).mkdir(exist_ok=True)
    again = create_app(desk_app.store, desk_app.clock, ea_zone=FROZEN_ZONE, config_dir=tmp_config)
    again.save_preferences(again.preferences.__class__(view="Lee"))
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.dashboard.in_view == LEE.id


async def test_all_marks_whose_each_row_is(desk_app: PlannerApp) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dashboard = desk_app.dashboard
        # One timeline in the EA's zone (Paris): Dana's board meeting (09:00 in New York)
        # beside Lee's good moment (13:45 in London), each marked.
        schedule = dashboard.query_one(SchedulePane)
        rows = list(zip(cells(schedule, "time"), cells(schedule, "what"), strict=True))
        assert ("15:00–16:00", "Dana Board meeting") in rows
        assert ("14:50–15:55", "Lee  ◆ 1 h 5 min · best · 1 brief") in rows
        assert ("16:00–17:00", "Lee  Ops review") in rows
        times = [t[:5] for t, _ in rows if t[:1].isdigit()]
        assert times == sorted(times)

        followups = dashboard.query_one(FollowUpsPane)
        owners = [m.split()[0] for m in cells(followups, "matter")]
        assert owners == ["Lee", "Dana", "desk"]
        # Each promise in its executive's own zone, labelled (neither is the EA's); the
        # desk's own in the first executive's.
        assert cells(followups, "promise") == [
            "today 14:10 London",
            "today 17:00 New York",
            "tmrw 07:00 New York",
        ]

        # The Brief queue: every executive's rows by time together; Lee's good moment is
        # under way (14:50–15:55 in Paris, now 15:00), so it is said to be now.
        briefs = dashboard.query_one(BriefPane)
        titles = cells(briefs, "title")
        assert titles == [
            "Lee  good moment now (until 15:55, 55 min left)",
            "Lee  Supplier call went well",
            "Dana next good moment 16:00–16:50 (50 min)",
            "Dana Board pack is late",
        ]
        assert cells(briefs, "when") == ["▸ now", "15:00", "▸ 16:00", "16:00"]


async def test_d_delivers_a_brief_in_all_and_the_moment_rows_are_not_briefs(
    desk_app: PlannerApp,
) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dashboard = desk_app.dashboard
        briefs = dashboard.query_one(BriefPane)
        briefs.focus()
        await pilot.press("j", "j", "d")  # Dana's next good moment: not a brief
        await pilot.pause()
        assert all(b.delivered is None for b in desk_app.document.briefs)
        await pilot.press("k", "d")
        await pilot.pause()
        (delivered,) = [b for b in desk_app.document.briefs if b.delivered is not None]
        assert delivered.title == "Supplier call went well"


async def test_alerts_name_the_executive(
    desk_app: PlannerApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(desk_app, "bell", lambda: None)
        fired = desk_app.check_alerts()
        await pilot.pause()
        titles = sorted(alert.title for alert in fired)
        # Lee's promise at 14:10 London, 10 minutes away; Lee's good moment began at 13:50
        # with a brief packed into it. Dana (09:00 in New York) has nothing due.
        assert titles == ["Lee Okafor: Good moment now", "Lee Okafor: Promise due in 10 min"]
        shown = [n.title for n in desk_app._notifications]
        assert sorted(shown) == titles


async def test_a_one_executive_desk_has_no_view_key_and_one_status_line(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dashboard = app.dashboard
        assert len(header(app)) == 2
        assert app.dashboard.query_one("#header").size.height == 2
        before = cells(dashboard.query_one(SchedulePane), "what")
        await pilot.press("v")
        assert cells(dashboard.query_one(SchedulePane), "what") == before
        assert dashboard.in_view == app.document.roster[0].id
        assert "v" not in dashboard.active_bindings


def test_the_view_key_is_in_the_help_and_the_palette(desk_app: PlannerApp) -> None:
    names = {a.title: a.keys for a in desk_app.help_actions()}
    assert names["Executives: Show the next executive (then all of them)"] == "v"
    dashboard = DashboardScreen(pendulum.Date(2026, 11, 23))
    palette = {a.title for a in desk_app.palette_actions(dashboard)}
    assert "Executives: Show the next executive (then all of them)" in palette


def preview_text(app: PlannerApp) -> str:
    return str(app.screen.query_one("#quick-add-preview", Static).render())


async def quick_add(pilot: Pilot[int], app: PlannerApp, line: str) -> str:
    """Open quick-add, type `line`; the preview."""
    await pilot.press("a")
    await pilot.pause()
    app.screen.query_one("#quick-add-input", Input).value = line
    await pilot.pause()
    return preview_text(app)


async def test_quick_add_plus_short_names_the_executive_and_reads_their_zone(
    desk_app: PlannerApp,
) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        preview = await quick_add(pilot, desk_app, "Ana Ruiz @Initech: wire transfer +Lee by 4pm")
        assert "for      +Lee (Lee Okafor)" in preview
        assert "summary  wire transfer" in preview
        await pilot.press("enter")
        await pilot.pause()
        (added,) = [f for f in desk_app.document.followups if f.customer == "Ana Ruiz"]
        assert added.executive == LEE.id
        # "by 4pm" is Lee's 4 pm: London.
        assert pendulum.instance(added.promised_by).in_tz("Europe/London").format("HH:mm") == (
            "16:00"
        )
        followups = desk_app.dashboard.query_one(FollowUpsPane)
        assert followups.selected_key == added.id
        assert cells(followups, "matter")[followups.cursor_row].startswith("Lee  Ana Ruiz")


async def test_quick_add_without_a_name_is_the_first_in_all_and_the_one_in_view_else(
    desk_app: PlannerApp,
) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        preview = await quick_add(pilot, desk_app, "Bo Chen: call back by 5pm")
        assert "for      +Dana (Dana Whitfield)  (the first; +Short names another)" in preview
        await pilot.press("escape")
        await pilot.press("v", "v")  # Lee's view
        preview = await quick_add(pilot, desk_app, "Bo Chen: call back by 5pm")
        assert "for      +Lee (Lee Okafor)" in preview and "the first" not in preview
        await pilot.press("enter")
        await pilot.pause()
        (added,) = [f for f in desk_app.document.followups if f.customer == "Bo Chen"]
        assert added.executive == LEE.id


async def test_quick_add_with_an_unknown_name_lists_the_executives_and_saves_nothing(
    desk_app: PlannerApp,
) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = desk_app.document.followups
        preview = await quick_add(pilot, desk_app, "Bo Chen: call back +Zed by 5pm")
        assert "+Zed" in preview and "+Dana" in preview and "+Lee" in preview
        await pilot.press("enter")
        await pilot.pause()
        assert desk_app.document.followups == before


async def test_a_new_event_in_all_asks_whose_and_is_in_their_zone(desk_app: PlannerApp) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(desk_app.screen, ChoiceScreen)
        await pilot.press("down", "enter")  # Lee
        await pilot.pause()
        desk_app.screen.query_one("#field-title", Input).value = "Hiring panel"
        desk_app.screen.query_one("#field-start", Input).value = "16:00"
        desk_app.screen.query_one("#field-end", Input).value = "16:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (event,) = [e for e in desk_app.document.events if e.title == "Hiring panel"]
        assert event.executive == LEE.id
        assert event.start.isoformat() == "2026-11-23T16:00:00+00:00"


async def test_in_one_executives_view_new_records_are_theirs(desk_app: PlannerApp) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("v")  # Dana's view: no question
        await pilot.press("g")
        await pilot.pause()
        desk_app.screen.query_one(Input).value = "13:00-13:30 after lunch"
        await pilot.press("enter")
        await pilot.pause()
        (window,) = desk_app.document.windows
        assert window.executive == DANA.id
        assert window.start.isoformat() == "2026-11-23T13:00:00-05:00"
        await pilot.press("b")
        await pilot.pause()
        desk_app.screen.query_one("#field-title", Input).value = "Offsite venue booked"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (brief,) = [b for b in desk_app.document.briefs if b.title == "Offsite venue booked"]
        assert brief.executive == DANA.id


async def test_on_a_desk_of_one_quick_add_is_the_executives_unless_plus_desk(
    app: PlannerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = app.document.roster[0].id
        preview = await quick_add(pilot, app, "Bo Chen: call back by 5pm")
        assert "for " not in preview
        await pilot.press("enter")
        await pilot.pause()
        preview = await quick_add(pilot, app, "Cy Dunn: parking pass +desk by 5pm")
        assert "for      the desk's own (+desk)" in preview
        assert "summary  parking pass" in preview
        await pilot.press("enter")
        await pilot.pause()
        owners = {f.customer: f.executive for f in app.document.followups}
        assert owners["Bo Chen"] == first
        assert owners["Cy Dunn"] == ""


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_each_executives_calendar_freshness_is_on_their_own_line(
    store: Store, desk_clock: Clock, config_dir: Path, size: tuple[int, int]
) -> None:
    from datetime import UTC, datetime, timedelta

    import msgspec

    from planner.config import Subscription
    from planner.storage.syncstate import CalendarState, update_state

    document = two_executives()
    calendars = (
        Subscription(name="work", url="http://127.0.0.1:9/work.ics"),
        Subscription(name="leecal", url="http://127.0.0.1:9/lee.ics", executive=LEE.id),
    )
    store.save(
        msgspec.structs.replace(
            document, settings=msgspec.structs.replace(document.settings, calendars=calendars)
        )
    )
    now = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # NOW: 15:00 the EA's (Paris)
    update_state(store, "work", lambda _: CalendarState(attempted=now, synced=now))
    update_state(
        store,
        "leecal",
        lambda _: CalendarState(
            attempted=now,
            synced=now - timedelta(minutes=5),
            error="127.0.0.1: connection refused",
            offline=True,
            failing_since=now,
        ),
    )
    app = create_app(store, desk_clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = header(app)[1:]
        dana = next(i for i, line in enumerate(lines) if "Dana" in line[:8])
        lee = next(i for i, line in enumerate(lines) if "Lee " in line[:8])
        stale = "leecal: offline since 15:00, connection refused"
        # Dana's calendar on Dana's line (or just under it), Lee's on Lee's; none beside
        # the other's status, and each line within the width.
        assert "synced 15:00" in " ".join(lines[dana:lee])
        assert "leecal" not in " ".join(lines[:lee])
        assert any(stale[: size[0] - 20] in line for line in lines[lee:])
        assert "work" not in " ".join(lines[lee:]) and "synced" not in " ".join(lines[lee:])
        for line in lines:
            assert len(line) <= size[0] - 2
            assert ")leecal" not in line and ")—" not in line
        assert str(app.dashboard.query_one("#header-sync", Static).render()) == ""


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_held_bad_news_brief_says_why_it_has_no_time(
    store: Store, desk_clock: Clock, config_dir: Path, size: tuple[int, int]
) -> None:
    import msgspec

    from planner.domain import lifecycle

    document = two_executives()
    held = lifecycle.new_brief(
        title="Tailspin double-charged", now=desk_clock.now(), kind="bad-news", minutes=2
    )
    store.save(msgspec.structs.replace(document, briefs=(*document.briefs, held)))
    app = create_app(store, desk_clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        briefs = app.dashboard.query_one(BriefPane)
        rows = dict(zip(cells(briefs, "title"), cells(briefs, "when"), strict=True))
        # In 'all', last (it has no time), its reason in the title: the Flags column is
        # not shown at these widths.
        assert cells(briefs, "title")[-1] == "Dana needs a solution: Tailspin double-charged"
        assert rows["Dana needs a solution: Tailspin double-charged"] == "held"


async def test_a_repromise_is_read_in_the_follow_ups_executives_zone(
    desk_app: PlannerApp,
) -> None:
    async with desk_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        followups = desk_app.dashboard.query_one(FollowUpsPane)
        followups.focus()
        await pilot.pause()
        # In 'all' (the EA in Paris), Lee's follow-up: "tomorrow 10am" is Lee's 10 am.
        assert cells(followups, "matter")[followups.cursor_row].startswith("Lee ")
        lees = followups.selected_key
        await pilot.press("p")
        await pilot.pause()
        desk_app.screen.query_one("#field-when", Input).value = "tomorrow 10am"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        (followup,) = [f for f in desk_app.document.followups if f.id == lees]
        promised = pendulum.instance(followup.promised_by).in_tz("Europe/London")
        assert promised.format("YYYY-MM-DD HH:mm") == "2026-11-24 10:00"


EVENING_AND_NIGHT = [
    "2026-11-23T00:30:00-05:00",  # after midnight in New York, morning in London
    "2026-11-23T05:00:00-05:00",
    "2026-11-23T18:59:00-05:00",  # a minute before London's midnight
    "2026-11-23T19:00:00-05:00",  # London's midnight: its Tuesday begins
    "2026-11-23T20:30:00-05:00",
    "2026-11-23T23:59:00-05:00",
    "2027-03-20T20:30:00-04:00",  # New York on summer time, London not yet: 4 h apart
    "2027-03-28T19:30:00-04:00",  # London's clocks went forward that morning
]


@pytest.mark.parametrize("now", EVENING_AND_NIGHT)
async def test_each_view_opens_on_today_on_its_own_clock(
    store: Store, config_dir: Path, now: str
) -> None:
    """Past 19:00 in New York it is already tomorrow in London: Lee's view shows his today,
    `t` keeps it there, and "all" shows the EA's today."""
    store.save(two_executives())
    app = create_app(store, Clock(fixed=instant(now)), ea_zone=NY, config_dir=config_dir)
    zones = {DANA.id: NY, LEE.id: LONDON, None: NY}
    async with app.run_test(size=(120, 40)) as pilot:
        seen: list[str | None] = []
        for _ in range(3):  # all, Dana, Lee
            dashboard = app.dashboard
            view = dashboard.in_view
            seen.append(view)
            today = instant(now).in_tz(zones[view]).date()
            assert dashboard.shown_date == today, view
            assert dashboard.day is not None and dashboard.day.is_today
            await pilot.press("t")
            assert dashboard.shown_date == today
            await pilot.press("v")
        assert seen == [None, DANA.id, LEE.id]


async def test_a_view_moved_off_today_stays_on_its_day_when_the_view_changes(
    store: Store, config_dir: Path
) -> None:
    store.save(two_executives())
    now = "2026-11-23T20:30:00-05:00"  # Tuesday 01:30 in London
    app = create_app(store, Clock(fixed=instant(now)), ea_zone=NY, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v", "v")  # Dana, then Lee: his Tuesday
        assert app.dashboard.in_view == LEE.id
        assert app.dashboard.shown_date == pendulum.Date(2026, 11, 24)
        await pilot.press("[", "[")  # back to Sunday, on purpose
        await pilot.press("v")  # all: the day chosen stays
        assert app.dashboard.in_view is None
        assert app.dashboard.shown_date == pendulum.Date(2026, 11, 22)
        assert app.dashboard.day is not None and not app.dashboard.day.is_today
