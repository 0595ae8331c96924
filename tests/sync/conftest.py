"""A Radicale server shared by a test module; each test gets its own calendar on it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from tests.sync.radicale_server import Radicale, radicale

_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    with radicale(tmp_path_factory.mktemp("radicale")) as running:
        yield running


@pytest.fixture
def remote(server: Radicale) -> Any:
    """A new, empty calendar on the server, through CalDAV (as the executive's phone would)."""
    return server.new_calendar(f"work{next(_numbers)}")
