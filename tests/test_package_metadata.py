"""What a package index shows: licence file, classifiers, project URLs, and a description
whose links work away from the repository."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (path,) = out.glob("ea_planner-*.whl")
    return zipfile.ZipFile(path)


def metadata(wheel: zipfile.ZipFile) -> Message:
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return Parser().parsestr(wheel.read(name).decode("utf-8"))


def test_the_licence_ships_and_is_declared(wheel: zipfile.ZipFile) -> None:
    meta = metadata(wheel)
    assert meta["License-Expression"] == "MIT"
    assert meta.get_all("License-File") == ["LICENSE"]
    (licence,) = [n for n in wheel.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
    assert wheel.read(licence) == (ROOT / "LICENSE").read_bytes()
    assert b"MIT License" in wheel.read(licence)


def test_classifiers_and_project_urls(wheel: zipfile.ZipFile) -> None:
    meta = metadata(wheel)
    classifiers = meta.get_all("Classifier") or []
    for expected in (
        "Environment :: Console",
        "Operating System :: POSIX :: Linux",
        "Operating System :: MacOS",
        "Operating System :: Microsoft :: Windows",
        "Programming Language :: Python :: 3.11",
        "Topic :: Office/Business :: Scheduling",
        "Typing :: Typed",
    ):
        assert expected in classifiers
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert {"Homepage", "Source", "Issues", "Documentation"} <= set(urls)
    assert all(u.startswith("https://") for u in urls.values())
    assert "planner/py.typed" in wheel.namelist()


def test_the_description_links_are_absolute(wheel: zipfile.ZipFile) -> None:
    description = metadata(wheel).get_payload()
    assert isinstance(description, str) and "# ea-planner" in description
    links = LINK.findall(description)
    assert links, "the README links to its documentation"
    relative = [link for link in links if not link.startswith(("https://", "http://", "#"))]
    assert relative == []
    # They point at files that exist in this repository.
    for link in links:
        if "/blob/main/" in link:
            assert (ROOT / link.split("/blob/main/", 1)[1]).is_file(), link


def test_python_dash_m_runs_the_program() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0 and result.stdout.startswith("ea-planner ")
