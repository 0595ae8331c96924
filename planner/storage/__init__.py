"""The JSON document on disk: load, validate, migrate, atomic save, lock, backups, archives."""

from planner.domain.document import SCHEMA_VERSION, Document
from planner.storage.store import Store

__all__ = ["SCHEMA_VERSION", "Document", "Store"]
