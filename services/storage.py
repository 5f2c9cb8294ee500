"""Where uploaded files live: under `DATA_DIR/files`, by server-made keys only."""

from __future__ import annotations

import re
from pathlib import Path

import anyio.to_thread

from services.settings import Settings

_KEY = re.compile(r"^[A-Za-z0-9_-]{16,80}$")


def path_of(settings: Settings, key: str) -> Path:
    """The file for a key; keys are made by the server, never taken from a client."""
    if not _KEY.match(key):
        raise ValueError("not a storage key")
    return settings.uploads_dir / key[:2] / key


async def delete_file(settings: Settings, key: str | None) -> None:
    """Remove a stored file, if there is one."""
    if key:
        await anyio.to_thread.run_sync(lambda: path_of(settings, key).unlink(missing_ok=True))
