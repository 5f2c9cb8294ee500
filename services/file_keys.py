"""The stored bytes behind a dataset (its files and unfinished uploads), to remove them
once the rows that point to them are gone."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from tortoise.backends.base.client import BaseDBAsyncClient

from models import DatasetFile, ResumableUpload
from services import storage
from services.settings import Settings


@dataclass
class StoredBytes:
    keys: list[str] = field(default_factory=list)
    partials: list[tuple[str, storage.PartialState]] = field(default_factory=list)


async def stored_of(dataset_id: int, conn: BaseDBAsyncClient) -> StoredBytes:
    found = StoredBytes()
    found.keys = [row.key for row in await DatasetFile.filter(dataset_id=dataset_id).using_db(conn)]
    for upload in await ResumableUpload.filter(dataset_id=dataset_id).using_db(conn):
        found.partials.append((upload.storage_key, json.loads(upload.storage_state)))
    return found


async def remove(settings: Settings, stored: StoredBytes) -> None:
    """Delete the bytes; called after the rows' deletion has committed."""
    for key in stored.keys:
        await storage.delete_file(settings, key)
    for key, state in stored.partials:
        await storage.abandon_partial(settings, key, state)
