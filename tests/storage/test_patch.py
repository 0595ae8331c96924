"""Undo patches: inverse of a change, applied on top of later changes from elsewhere."""

from __future__ import annotations

from datetime import timedelta

import msgspec

from planner.config import Settings
from planner.storage import Document
from planner.storage.patch import apply_patch, undo_patch
from tests.storage.helpers import NOW, followup


def test_undo_restores_a_changed_record_removes_an_added_one_and_readds_a_removed_one() -> None:
    a, b, c = followup("f-a"), followup("f-b"), followup("f-c")
    before = Document(followups=(a, b))
    changed_a = msgspec.structs.replace(a, summary="changed")
    after = Document(followups=(changed_a, c))  # a changed, b removed, c added
    patch = undo_patch(before, after)
    restored = apply_patch(after, patch)
    assert {f.id: f for f in restored.followups} == {"f-a": a, "f-b": b}


def test_undo_keeps_what_another_process_wrote_meanwhile() -> None:
    a = followup("f-a")
    before = Document(followups=(a,))
    after = Document(followups=(msgspec.structs.replace(a, status="resolved", resolution="ok"),))
    patch = undo_patch(before, after)
    elsewhere = followup("f-x", promised_by=NOW + timedelta(days=1))
    latest = msgspec.structs.replace(after, followups=(*after.followups, elsewhere))
    restored = apply_patch(latest, patch)
    assert [f.id for f in restored.followups] == ["f-a", "f-x"]
    assert restored.followups[0] == a


def test_undo_of_a_settings_change_and_of_nothing() -> None:
    before = Document()
    after = msgspec.structs.replace(before, settings=Settings(executive_name="Dana"))
    assert apply_patch(after, undo_patch(before, after)).settings == Settings()
    assert undo_patch(before, before).empty
    assert apply_patch(before, undo_patch(before, before)) is before
