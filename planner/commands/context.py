"""What every command receives: the store, the clock and the output streams."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from planner.clock import Clock
from planner.storage import Store


@dataclass
class Context:
    store: Store
    clock: Clock
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
