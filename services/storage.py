"""Where uploaded files live: under `DATA_DIR/files`, by server-made keys only.

An upload is written to a temporary file beside its final place, hashed on the way, and
moved into place atomically; an upload that fails leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import anyio.to_thread

from services.settings import Settings

_KEY = re.compile(r"^[A-Za-z0-9_-]{16,80}$")
WRITE_BUFFER = 1024 * 1024  # write (and hash) in 1 MiB steps, off the event loop
READ_CHUNK = 1024 * 1024


class TooLarge(Exception):
    """More bytes arrived than allowed."""


@dataclass(frozen=True)
class StoredFile:
    key: str
    size: int
    sha256: str


def new_key() -> str:
    return secrets.token_urlsafe(24)


def path_of(settings: Settings, key: str) -> Path:
    """The file for a key; keys are made by the server, never taken from a client."""
    if not _KEY.match(key):
        raise ValueError("not a storage key")
    return settings.uploads_dir / key[:2] / key


def _sync_directory(directory: Path) -> None:
    """Make a rename durable: the directory entry is flushed like the file's bytes."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class _Incoming:
    """A temporary file being written and hashed; kept only if `keep` is called."""

    def __init__(self, settings: Settings) -> None:
        self.key = new_key()
        self.final = path_of(settings, self.key)
        self.final.parent.mkdir(parents=True, exist_ok=True)
        self.temporary = self.final.with_name(f".{self.key}.part")
        self.handle: BinaryIO = open(self.temporary, "xb")
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, block: bytes) -> None:
        self.handle.write(block)
        self.digest.update(block)

    def keep(self) -> StoredFile:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.temporary, self.final)
        _sync_directory(self.final.parent)
        return StoredFile(self.key, self.size, self.digest.hexdigest())

    def discard(self) -> None:
        self.handle.close()
        self.temporary.unlink(missing_ok=True)


async def store_stream(settings: Settings, chunks: AsyncIterator[bytes], limit: int) -> StoredFile:
    """Stream bytes into a new stored file; `TooLarge` past `limit`. Nothing is left behind
    on failure (too large, the client gone, a full disk)."""
    incoming = await anyio.to_thread.run_sync(_Incoming, settings)
    pending: list[bytes] = []
    pending_size = 0
    try:
        async for chunk in chunks:
            incoming.size += len(chunk)
            if incoming.size > limit:
                raise TooLarge()
            pending.append(chunk)
            pending_size += len(chunk)
            if pending_size >= WRITE_BUFFER:
                await anyio.to_thread.run_sync(incoming.write, b"".join(pending))
                pending, pending_size = [], 0
        if pending:
            await anyio.to_thread.run_sync(incoming.write, b"".join(pending))
        return await anyio.to_thread.run_sync(incoming.keep)
    except BaseException:
        # Shielded: a cancelled upload (the server stopping) must still remove its part.
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(incoming.discard)
        raise


async def open_file(settings: Settings, key: str) -> BinaryIO:
    """Open a stored file for reading; `FileNotFoundError` if it is gone (replaced).

    An open file keeps its bytes readable even if a new upload removes it meanwhile.
    """
    return await anyio.to_thread.run_sync(open, path_of(settings, key), "rb")


async def read_chunks(handle: BinaryIO, start: int, length: int) -> AsyncIterator[bytes]:
    """The bytes [start, start + length) of an open file, in chunks read off the loop."""
    await anyio.to_thread.run_sync(handle.seek, start)
    remaining = length
    while remaining > 0:
        block = await anyio.to_thread.run_sync(handle.read, min(READ_CHUNK, remaining))
        if not block:
            break
        remaining -= len(block)
        yield block


async def delete_file(settings: Settings, key: str | None) -> None:
    """Remove a stored file, if there is one."""
    if key:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(lambda: path_of(settings, key).unlink(missing_ok=True))
