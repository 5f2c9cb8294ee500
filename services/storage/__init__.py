"""Where file bytes live, behind one small interface chosen by `STORAGE_URL`.

`file://` keeps them under `DATA_DIR/files`; `s3://bucket/prefix` keeps them as objects
in any S3-compatible store. Both stream both ways with flat memory, read byte ranges,
replace atomically (a new file gets a new server-made key; the old key is deleted once
nothing points to it) and never leave half a file under a key. Nothing outside this
package touches paths or buckets.

Resumable uploads are *partials*: bytes appended in steps, each step made durable by a
`checkpoint` whose state the caller keeps (in the database) and hands back to resume. An
appender hands every byte it stores, once and in order, to an *observer* (the upload's
running SHA-256), in a worker thread beside the one storing them.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from services.settings import Settings

_KEY = re.compile(r"^[A-Za-z0-9_-]{16,80}$")
READ_CHUNK = 1024 * 1024

PartialState = dict[str, Any]
# Called in a worker thread with each stored block (bytes, or a view of a part's buffer).
Observer = Callable[[bytes | memoryview], object]


def ignore(block: bytes | memoryview) -> None:
    return None


class TooLarge(Exception):
    """More bytes arrived than allowed."""


@dataclass(frozen=True)
class StoredFile:
    key: str
    size: int
    sha256: str


def new_key() -> str:
    return secrets.token_urlsafe(24)


def checked_key(key: str) -> str:
    """Keys are made by the server, never taken from a client."""
    if not _KEY.match(key):
        raise ValueError("not a storage key")
    return key


class Reader(ABC):
    """An open stored file's byte span; its bytes stay readable once opened, even if an
    upload replaces the file meanwhile."""

    @abstractmethod
    def chunks(self) -> AsyncIterator[bytes]: ...

    @abstractmethod
    async def aclose(self) -> None: ...


class Appender(ABC):
    """Bytes being appended to a partial file."""

    @property
    @abstractmethod
    def unflushed(self) -> int:
        """Bytes written but held in memory (a checkpoint would have to store them apart)."""

    @abstractmethod
    async def write(self, block: bytes) -> None: ...

    @abstractmethod
    async def settle(self) -> None:
        """Wait until the observer has seen every byte written so far."""

    @abstractmethod
    async def checkpoint(self) -> PartialState:
        """Make every byte written so far durable (and observed); the state to resume
        from."""

    @abstractmethod
    async def release(self, superseded: PartialState) -> None:
        """Free what an earlier checkpoint kept, once a newer one is recorded."""

    @abstractmethod
    async def aclose(self) -> None:
        """Stop appending; bytes after the last checkpoint are dropped on resume."""


class Backend(ABC):
    @abstractmethod
    async def store_stream(
        self, chunks: AsyncIterator[bytes], limit: int, size_hint: int | None = None
    ) -> StoredFile:
        """Stream bytes into a new stored file, hashed on the way; `TooLarge` past
        `limit`. Nothing is left behind on failure."""

    @abstractmethod
    async def open(self, key: str, start: int, length: int) -> Reader:
        """The bytes [start, start + length) of a stored file; `FileNotFoundError` if
        it is gone."""

    @abstractmethod
    async def delete(self, key: str) -> None: ...

    @abstractmethod
    async def start_partial(self, key: str, length: int) -> PartialState: ...

    @abstractmethod
    async def resume_partial(
        self, key: str, state: PartialState, offset: int, observe: Observer = ignore
    ) -> Appender:
        """Append after the first `offset` bytes (the last recorded checkpoint); `observe`
        sees each byte appended from there on."""

    @abstractmethod
    async def complete_partial(self, key: str, state: PartialState) -> None:
        """Turn a partial, whole up to its last checkpoint, into the stored file of its
        key, whole or not at all; done already is fine (a server stopped halfway)."""

    @abstractmethod
    async def abandon_partial(self, key: str, state: PartialState) -> None: ...

    @abstractmethod
    async def keys(self) -> list[str]:
        """Every stored file and partial (for tests and housekeeping)."""

    async def close(self) -> None:
        return None


_backends: dict[tuple[object, ...], Backend] = {}


def backend(settings: Settings) -> Backend:
    """The storage `STORAGE_URL` names, one per configuration and event loop."""
    loop = asyncio.get_running_loop()
    config = (
        settings.storage_url,
        str(settings.uploads_dir),
        settings.s3_endpoint_url,
        settings.s3_region,
        settings.s3_access_key_id,
        id(loop),
    )
    found = _backends.get(config)
    if found is None:
        found = _backends[config] = _make(settings)
    return found


def _make(settings: Settings) -> Backend:
    url = settings.storage_url
    if url.startswith("s3://"):
        from services.storage.s3 import S3Backend

        return S3Backend(settings)
    if url.startswith("file://"):
        from services.storage.local import LocalBackend

        return LocalBackend(settings)
    raise ValueError(f"STORAGE_URL must start with file:// or s3://, not {url!r}")


async def close_backends() -> None:
    """Close the clients opened on this event loop (at shutdown)."""
    loop = id(asyncio.get_running_loop())
    for config in [config for config in _backends if config[-1] == loop]:
        await _backends.pop(config).close()


# The short forms the rest of datashare uses.


async def store_stream(
    settings: Settings, chunks: AsyncIterator[bytes], limit: int, size_hint: int | None = None
) -> StoredFile:
    return await backend(settings).store_stream(chunks, limit, size_hint)


async def open_file(settings: Settings, key: str, start: int, length: int) -> Reader:
    return await backend(settings).open(checked_key(key), start, length)


async def delete_file(settings: Settings, key: str | None) -> None:
    """Remove a stored file, if there is one; finishes even if the caller is cancelled."""
    if key:
        await asyncio.shield(backend(settings).delete(checked_key(key)))


async def abandon_partial(settings: Settings, key: str, state: PartialState) -> None:
    """Remove an unfinished upload's bytes; finishes even if the caller is cancelled."""
    await asyncio.shield(backend(settings).abandon_partial(checked_key(key), state))


async def read_head(settings: Settings, key: str, limit: int) -> bytes:
    """The first `limit` bytes of a stored file (fewer if it is shorter)."""
    reader = await open_file(settings, key, 0, limit)
    try:
        return b"".join([block async for block in reader.chunks()])
    finally:
        await reader.aclose()
