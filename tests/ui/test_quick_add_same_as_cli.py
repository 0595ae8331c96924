"""A quick-add line means the same in the dashboard as in `ea-planner add --dry-run --json`:
the same preview fields, the same errors, the same record saved."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from textual.widgets import Input, Static

from planner.cli import main
from planner.config import Settings
from planner.day import to_json
from planner.domain.executive import FIRST_EXECUTIVE_ID
from planner.humanize import when
from planner.quickadd import QuickAdd, followup_from_quickadd, parse
from planner.storage import Store
from planner.ui.app import PlannerApp
from planner.ui.dialogs.quick_add import QuickAddScreen, preview
from tests.conftest import FROZEN_NOW, FROZEN_ZONE, instant
from tests.quickadd.test_properties import promise_lines

NOW = instant(FROZEN_NOW).in_tz(FROZEN_ZONE)
SETTINGS = Settings()
"""What an empty data directory holds: the settings both front ends read."""


def cli_dry_run(line: str) -> tuple[int, Any, str]:
    """`ea-planner add --dry-run --json LINE`: (status, printed record or None, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["add", "--dry-run", "--json", "--", line])
    return status, json.loads(out.getvalue()) if status == 0 else None, err.getvalue()


CLI_ONLY = {"id", "repeat_caller", "noted_instead"}
"""A new id each time; and what `add --json` says besides the record (open matters of the
same caller, whether it noted instead of adding)."""


def without_id(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in CLI_ONLY}


def preview_fields(parsed: QuickAdd) -> dict[str, str]:
    """The preview as the dashboard draws it, field name → the rest of its line."""
    fields: dict[str, str] = {}
    for line in preview(parsed, NOW, FROZEN_ZONE).plain.splitlines():
        name, _, value = line.partition(" ")
        fields.setdefault(name, value.strip())
    return fields


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(promise_lines())
def test_a_line_reads_the_same_in_the_preview_and_in_add_dry_run_json(line: str) -> None:
    parsed = parse(line, now=NOW, settings=SETTINGS)  # what the dashboard's preview parses
    shown = preview_fields(parsed)
    status, record, err = cli_dry_run(line)
    if not parsed.ok:
        assert status == 2
        for error in parsed.errors:
            assert error in err
            assert f"✗ {error}" in preview(parsed, NOW, FROZEN_ZONE).plain
        return
    assert status == 0, err
    # The dashboard's follow-up is the executive's, as `add` writes it (not the desk's own).
    followup = followup_from_quickadd(parsed, NOW)
    followup = msgspec.structs.replace(followup, executive=FIRST_EXECUTIVE_ID)
    dashboard = to_json(followup, FROZEN_ZONE)
    assert without_id(record) == without_id(dashboard)
    assert shown["customer"] == record["customer"]
    assert shown["org"].removesuffix(" (internal)") == (record["organization"] or "—")
    assert shown["summary"] == record["summary"]
    promised = instant(record["promised_by"])
    assert shown["promise"].startswith(when(promised, NOW, FROZEN_ZONE))
    assert shown["kind"].split()[0] == record["kind"]
    assert shown["channel"].split()[0] == record["channel"]
    assert shown["priority"] == record["priority"]
    assert shown["tags"] == (" ".join("#" + t for t in record["tags"]) or "—")


@pytest.mark.parametrize(
    "line",
    [
        "Zoë O'Brien @Globex: wants Dan's view on the hiring plan by thu 2pm, urgent",
        'José Núñez from "Banco Núñez" rang, wire transfer stuck, call back by tomorrow 9',
        "Maria Ortiz: Complaint: invoice charged twice, call back by fri 2:30 pm #billing",
        "Chen Wei: parking passes for visitors - question, asap",
    ],
)
async def test_enter_in_the_dashboard_saves_what_add_dry_run_json_prints(
    empty_app: PlannerApp, store: Store, line: str
) -> None:
    status, record, err = cli_dry_run(line)
    assert status == 0, err
    app = empty_app
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, QuickAddScreen)
        app.screen.query_one(Input).value = line
        await pilot.pause()
        shown = str(app.screen.query_one("#quick-add-preview", Static).render())
        assert record["summary"] in shown
        await pilot.press("enter")
        assert not isinstance(app.screen, QuickAddScreen)
    (saved,) = json.loads(Path(store.path).read_text())["followups"]
    assert without_id(saved) == without_id(record)


async def test_the_help_screen_shows_the_quick_add_examples(empty_app: PlannerApp) -> None:
    from planner.quickadd.examples import EXAMPLES
    from planner.ui.dialogs.help import HelpScreen

    app = empty_app
    async with app.run_test(size=(140, 60)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        examples = app.screen.query_one(".help-examples", Static)
        shown = examples.content  # what the screen draws: the examples table
        from rich.console import Console

        console = Console(width=200, record=True)
        console.print(shown)
        text = console.export_text()
        for line, _ in EXAMPLES:
            assert line in text
