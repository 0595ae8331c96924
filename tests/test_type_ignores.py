"""mypy is strict over all of planner/ and tests/ (pyproject.toml). Where a check must be
silenced, the silencing says which error and why, on the same line, so that the few left
are read as the exceptions they are and none hides a new error of another kind."""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PRAGMA = "# type:" + " ignore"
"""Spelled in two parts, so that this module holds none: `grep` counts the real ones."""

IGNORE = re.compile(r"#\s*type:\s*ignore\b(?P<codes>\[[a-z, -]+\])?(?P<rest>.*)$")
REASON = re.compile(r"^\s*#\s*\S+(\s+\S+)+")
"""A comment of at least two words after the ignore: `# Windows-only API`."""


def ignores(path: Path) -> list[tuple[int, str]]:
    """The ignore comments of a module (comments only, never text in strings)."""
    with tokenize.open(path) as source:
        tokens = list(tokenize.generate_tokens(source.readline))
    return [
        (token.start[0], token.string)
        for token in tokens
        if token.type == tokenize.COMMENT and IGNORE.search(token.string)
    ]


def unexplained(comment: str) -> str:
    """What an ignore comment lacks ("" when it names its codes and says why)."""
    match = IGNORE.search(comment)
    assert match is not None
    if not match.group("codes"):
        return "no error code: name the one silenced, e.g. [attr-defined]"
    if not REASON.match(match.group("rest")):
        return "no reason: say why after it, e.g. `  # Windows-only API`"
    return ""


def modules() -> list[Path]:
    """What mypy checks (`files` in pyproject.toml)."""
    return sorted(
        path
        for folder in ("planner", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if "__snapshots__" not in path.parts
    )


def test_the_check_tells_a_bare_or_unexplained_ignore_from_an_explained_one() -> None:
    assert unexplained(PRAGMA) != ""
    assert unexplained(f"{PRAGMA}[arg-type]") != ""
    assert unexplained(f"{PRAGMA}[arg-type]  # why") != ""
    assert unexplained(f"{PRAGMA}[attr-defined,unused-ignore]  # Windows-only API") == ""


def test_every_type_ignore_names_its_error_and_says_why() -> None:
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {lack}"
        for path in modules()
        for line, comment in ignores(path)
        if (lack := unexplained(comment))
    ]
    assert not problems, "\n".join(problems)
