"""The JSON document on disk: load, validate, migrate, atomic save, lock, backups, archives."""

from planner.storage.document import Document
from planner.storage.migrate import SCHEMA_VERSION
from planner.storage.store import Store

__all__ = ["SCHEMA_VERSION", "Document", "Store"]
